"""``sync`` end to end through ``main``: exit codes, failure lines, offline, bad usage."""

from __future__ import annotations

import io

import pytest

from caseworker.cli.sync import _watch
from caseworker.storage.engine import open_database
from caseworker.sync.options import SyncOptions
from caseworker.sync.service import SyncService
from main import main
from tests.site.server import FakeSite


def run(db_url: str, site: FakeSite, *args: str) -> int:
    return main(["--db", db_url, "sync", "--site", site.base, "--rate", "1000", *args])


def test_a_sync_prints_its_summary_and_the_changes_found(
    db_url: str, fake_site: FakeSite, capsys: pytest.CaptureFixture[str]
) -> None:
    fake_site.add(700_001, signature_count=12_000)
    assert run(db_url, fake_site) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("sync: 1 list page, 1 petition: 1 new, 0 updated")
    assert out[1] == "changes found: 1 crossed-10000"


def test_each_failure_is_named_and_the_exit_code_is_1(
    db_url: str, fake_site: FakeSite, capsys: pytest.CaptureFixture[str]
) -> None:
    fake_site.add(700_001)
    fake_site.add(700_002)
    fake_site.fail("/petitions/700002.json", status=404)
    assert run(db_url, fake_site) == 1
    captured = capsys.readouterr()
    (line,) = captured.err.splitlines()
    assert line == (
        f"petition 700002 ({fake_site.base}/petitions/700002.json): not found on the site (404)"
    )
    assert "1 failed" in captured.out


def test_an_unreachable_site_is_one_line(
    sqlite_url: str, fake_site: FakeSite, capsys: pytest.CaptureFixture[str]
) -> None:
    fake_site.stop()
    assert run(sqlite_url, fake_site) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"cannot reach {fake_site.base}: connection refused; nothing changed\n"


@pytest.mark.parametrize(
    ("option", "value"),
    [("--rate", "0"), ("--details-threshold", "20000"), ("--watch", "0"), ("--site", "ftp://x")],
)
def test_bad_usage_is_exit_code_2(
    sqlite_url: str, option: str, value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--db", sqlite_url, "sync", option, value])
    assert exited.value.code == 2
    assert option in capsys.readouterr().err


def test_watch_syncs_again_after_each_wait_until_interrupted(
    sqlite_url: str, fake_site: FakeSite
) -> None:
    fake_site.add(700_001)
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        if len(waits) == 2:
            raise KeyboardInterrupt
        fake_site.petition(700_001).sign(10)

    out, err = io.StringIO(), io.StringIO()
    db = open_database(sqlite_url)
    try:
        options = SyncOptions(site=fake_site.base, rate=1000.0)
        assert _watch(SyncService(db), options, 1800, out, err, sleep) == 0
    finally:
        db.dispose()
    rounds = [line for line in out.getvalue().splitlines() if " sync: " in line]
    assert waits == [1800, 1800]
    assert "1 new" in rounds[0] and "1 updated" in rounds[1]
    assert err.getvalue() == "sync: stopped; everything fetched is kept\n"
