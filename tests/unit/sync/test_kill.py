"""kill -9 in the middle of a sync, then sync again: nothing stored is fetched twice."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import select

from caseworker.storage import models as m
from caseworker.storage.engine import open_database
from caseworker.sync.options import SyncOptions
from caseworker.sync.service import SyncService
from tests.conftest import PROJECT_ROOT
from tests.site.server import FakeSite

PAGES = 40


def with_breakdowns(url: str) -> set[int]:
    db = open_database(url)
    try:
        with db.sessions() as session:
            query = select(m.Petition.id).where(m.Petition.breakdowns_as_of.is_not(None))
            return set(session.scalars(query))
    finally:
        db.dispose()


def test_a_killed_sync_resumes_without_fetching_again(sqlite_url: str, fake_site: FakeSite) -> None:
    for n in range(PAGES):
        fake_site.add(700_001 + n, signature_count=2_000 + n)
    db_path = sqlite_url.removeprefix("sqlite:///")
    syncing = subprocess.Popen(
        [
            sys.executable,
            "main.py",
            "--db",
            db_path,
            "sync",
            "--site",
            fake_site.base,
            "--rate",
            "20",
        ],  # fmt: skip
        cwd=PROJECT_ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    try:
        while len(with_breakdowns(sqlite_url)) < 10:
            assert syncing.poll() is None, "the sync finished before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.05)
    finally:
        syncing.send_signal(signal.SIGKILL)
        syncing.wait()
    stored_before = with_breakdowns(sqlite_url)
    assert 10 <= len(stored_before) < PAGES
    fake_site.clear_log()

    db = open_database(sqlite_url)
    try:
        summary = SyncService(db).run(SyncOptions(site=fake_site.base, rate=1000.0))
    finally:
        db.dispose()

    fetched_again = {
        int(Path(r.path).stem) for r in fake_site.requests if r.path.startswith("/petitions/")
    }
    assert summary.exit_code == 0, summary.failures
    assert fetched_again.isdisjoint(stored_before)
    assert fetched_again | stored_before == {700_001 + n for n in range(PAGES)}
