"""``db backup FILE`` and ``db restore FILE`` end to end, on real files."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from caseworker.storage import migrate
from caseworker.storage.engine import make_engine
from main import main


def petitions_in(path: Path) -> int:
    with closing(sqlite3.connect(path)) as connection:
        return int(connection.execute("SELECT count(*) FROM petitions").fetchone()[0])


@pytest.fixture
def working(tmp_path: Path) -> Path:
    path = tmp_path / "work" / "caseworker.sqlite3"
    assert main(["--db", str(path), "demo", "--petitions", "5"]) == 0
    return path


def test_backup_then_restore_keeps_the_replaced_file(
    tmp_path: Path, working: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    backup = tmp_path / "monday.sqlite3"
    assert main(["--db", str(working), "db", "backup", str(backup)]) == 0
    assert capsys.readouterr().out == f"backed up {working} to {backup}\n"
    with closing(sqlite3.connect(working)) as connection, connection:
        connection.execute("DELETE FROM petitions")
    assert main(["--db", str(working), "db", "restore", str(backup)]) == 0
    out = capsys.readouterr().out
    assert f"restored {backup} to {working} (schema {migrate.head_revision()})" in out
    (kept,) = working.parent.glob("caseworker-replaced-*.sqlite3")
    assert f"the replaced file is kept as {kept}" in out
    assert petitions_in(working) == 5 and petitions_in(kept) == 0


def test_restore_of_an_older_schema_says_it_was_upgraded(
    tmp_path: Path, working: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = tmp_path / "old.sqlite3"
    engine = make_engine(str(old))
    migrate.upgrade(engine, "0005")
    engine.dispose()
    capsys.readouterr()
    assert main(["--db", str(working), "db", "restore", str(old)]) == 0
    assert "upgraded from 0005" in capsys.readouterr().out
    assert petitions_in(working) == 0


def test_a_corrupt_backup_is_refused_in_one_line(
    tmp_path: Path, working: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(os.urandom(4096))
    before = working.read_bytes()
    capsys.readouterr()
    assert main(["--db", str(working), "db", "restore", str(junk)]) == 1
    err = capsys.readouterr().err
    assert err == f"caseworker: {junk} is not a backup of this application: not a SQLite database\n"
    assert working.read_bytes() == before


def test_backup_needs_a_file_and_a_local_database(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", "postgresql+psycopg://clerk@server.invalid/p", "db", "backup", "x"]) == 1
    assert "pg_dump" in capsys.readouterr().err
    assert main(["--db", "postgresql+psycopg://clerk@server.invalid/p", "db", "backup"]) == 2
    assert "db backup needs the backup file" in capsys.readouterr().err
