"""Two processes writing one SQLite file queue behind each other instead of failing.

A deferred ``BEGIN`` that reads and then writes fails at once with SQLITE_BUSY_SNAPSHOT when
the other process committed in between, and the busy timeout does not retry that. Write
transactions begin IMMEDIATE, so the second writer waits for the first one's short batch.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import text

from caseworker.storage.engine import open_database
from main import main
from tests.conftest import PROJECT_ROOT
from tests.unit.casework.story import PID, import_original
from tests.unit.importing.builders import single, write_json

FILES = 250


def captures(folder: Path, first_id: int) -> Path:
    folder.mkdir()
    for pid in range(first_id, first_id + FILES):
        write_json(folder / f"{pid}.json", single(pid, updated_at="2025-03-01T10:00:00.000Z"))
    return folder


def start_import(db_path: Path, folder: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "main.py", "--db", str(db_path), "import", str(folder)],
        cwd=PROJECT_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finished(process: subprocess.Popen[str]) -> tuple[int, str]:
    out, err = process.communicate(timeout=300)
    return process.returncode, out + err


def petitions(db_path: Path) -> int:
    db = open_database(str(db_path))
    try:
        with db.engine.connect() as c:
            return int(c.execute(text("SELECT count(*) FROM petitions")).scalar_one())
    finally:
        db.dispose()


def test_two_imports_at_once_both_store_every_file(sqlite_url: str, tmp_path: Path) -> None:
    db_path = Path(sqlite_url.removeprefix("sqlite:///"))
    first = start_import(db_path, captures(tmp_path / "a", 800_001))
    second = start_import(db_path, captures(tmp_path / "b", 900_001))
    for process in (first, second):
        code, output = finished(process)
        assert code == 0, output
        assert f"{FILES} petitions imported" in output and "0 files failed" in output, output
    assert petitions(db_path) == 2 * FILES


def wait_for_first_batch(db_path: Path, process: subprocess.Popen[str], before: int) -> None:
    deadline = time.monotonic() + 60
    while petitions(db_path) == before and process.poll() is None:
        assert time.monotonic() < deadline, "the import never committed a batch"
        time.sleep(0.05)


def test_a_revision_request_during_an_import(sqlite_url: str, tmp_path: Path) -> None:
    db_path = Path(sqlite_url.removeprefix("sqlite:///"))
    db = open_database(sqlite_url)
    import_original(db, tmp_path)
    db.dispose()
    importing = start_import(db_path, captures(tmp_path / "many", 800_001))
    wait_for_first_batch(db_path, importing, before=1)

    asked = main(["--db", sqlite_url, "request-revision", str(PID), "--reason", "Not answered."])

    code, output = finished(importing)
    assert asked == 0
    assert code == 0 and "0 files failed" in output, output
    assert petitions(db_path) == FILES + 1
