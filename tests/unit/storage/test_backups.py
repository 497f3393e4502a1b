"""Backups: consistent while an import writes, daily with rotation, and a checked restore."""

from __future__ import annotations

import os
import sqlite3
import threading
from contextlib import closing
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from caseworker.importing.importer import ImportSummary, import_paths
from caseworker.services import backups
from caseworker.services.backups import BackupError
from caseworker.storage import migrate
from caseworker.storage.engine import Database, make_engine, open_database
from tests.unit.services.captures import BASE_ATTRIBUTES, write

PER_FILE = 40
FILES = 25


def page(first: int) -> dict[str, Any]:
    """A list page of ``PER_FILE`` petitions numbered from ``first``."""
    items = [
        {"type": "petition", "id": n, "links": {"self": f"https://x/{n}.json"},
         "attributes": {**BASE_ATTRIBUTES, "action": f"Petition {n}"}}
        for n in range(first, first + PER_FILE)
    ]  # fmt: skip
    return {"links": {"self": "https://petition.parliament.uk/petitions.json"}, "data": items}


def petitions_in(path: Path) -> int:
    with closing(sqlite3.connect(path)) as connection:
        return int(connection.execute("SELECT count(*) FROM petitions").fetchone()[0])


def integrity(path: Path) -> str:
    with closing(sqlite3.connect(path)) as connection:
        return str(connection.execute("PRAGMA integrity_check").fetchone()[0])


def revision(path: Path) -> str:
    with closing(sqlite3.connect(path)) as connection:
        return str(connection.execute("SELECT version_num FROM alembic_version").fetchone()[0])


@pytest.fixture
def working(tmp_path: Path) -> Path:
    """A working file at the newest schema with one petition file imported."""
    path = tmp_path / "data" / "caseworker.sqlite3"
    database = open_database(str(path))
    import_paths(database.engine, [write(tmp_path, "first.json", page(1))])
    database.dispose()
    return path


def test_a_backup_made_during_an_import_is_whole_and_consistent(
    tmp_path: Path, working: Path
) -> None:
    files = [write(tmp_path, f"page{i}.json", page(1000 + i * PER_FILE)) for i in range(FILES)]
    database = open_database(str(working))
    third_file = threading.Event()
    summary: list[ImportSummary] = []

    def progress(done: int, total: int, label: str) -> None:
        if done == 3:
            third_file.set()

    importer = threading.Thread(
        target=lambda: summary.append(import_paths(database.engine, files, progress=progress))
    )
    importer.start()
    try:
        assert third_file.wait(60)
        target = backups.back_up(database, tmp_path / "during.sqlite3")
    finally:
        importer.join()
        database.dispose()
    assert integrity(target) == "ok"
    # Whole files only: a backup never holds half of an import's transaction.
    assert petitions_in(target) % PER_FILE == 0
    assert PER_FILE <= petitions_in(target) <= PER_FILE * (FILES + 1)
    assert summary[0].failed == 0 and petitions_in(working) == PER_FILE * (FILES + 1)
    assert not (tmp_path / "during.sqlite3-wal").exists()  # a backup is one file


def test_backing_up_a_shared_server_points_to_pg_dump() -> None:
    engine = make_engine("postgresql+psycopg://clerk@server.invalid/petitions")
    database = Database(engine, None, None)  # type: ignore[arg-type]
    with pytest.raises(BackupError, match="pg_dump"):
        backups.back_up(database, Path("never.sqlite3"))
    assert backups.daily_backup(database, date(2026, 12, 2)) is None


def test_daily_backups_are_made_once_a_day_and_the_newest_seven_kept(working: Path) -> None:
    database = open_database(str(working))
    folder = working.parent / "backups"
    first = date(2026, 11, 20)
    try:
        for day in range(10):
            made = backups.daily_backup(database, first + timedelta(days=day))
            assert made is not None and integrity(made) == "ok"
        again = backups.daily_backup(database, first + timedelta(days=9))
    finally:
        database.dispose()
    assert again is None
    names = sorted(p.name for p in folder.iterdir())
    assert names == [
        f"caseworker-{(first + timedelta(days=d)).isoformat()}.sqlite3" for d in range(3, 10)
    ]


def test_fewer_daily_backups_can_be_kept(working: Path) -> None:
    database = open_database(str(working))
    try:
        for day in range(1, 5):
            backups.daily_backup(database, date(2026, 12, day), keep=2)
    finally:
        database.dispose()
    assert len(list((working.parent / "backups").iterdir())) == 2


def test_restoring_an_older_schema_upgrades_it_and_keeps_the_replaced_file(
    tmp_path: Path, working: Path
) -> None:
    old = tmp_path / "old.sqlite3"
    engine = make_engine(str(old))
    migrate.upgrade(engine, "0005")
    engine.dispose()
    kept = backups.restore(working, old, now=datetime(2026, 12, 2, 9, 30, 5))
    assert kept == working.parent / "caseworker-replaced-2026-12-02-093005.sqlite3"
    assert petitions_in(kept) == PER_FILE and integrity(kept) == "ok"
    assert revision(working) == migrate.head_revision() and petitions_in(working) == 0
    assert revision(old) == "0005"  # the backup itself is left as it was
    assert not working.with_name(working.name + ".restoring").exists()
    open_database(str(working)).dispose()  # the application opens it as it is


def test_a_backup_of_a_newer_version_is_refused(tmp_path: Path, working: Path) -> None:
    newer = copy_of(working, tmp_path / "newer.sqlite3")
    with closing(sqlite3.connect(newer)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = 'ffff_future'")
    refused_unchanged(working, newer, "made by a newer version of the application")


def copy_of(working: Path, target: Path) -> Path:
    database = open_database(str(working))
    try:
        return backups.back_up(database, target)
    finally:
        database.dispose()


def refused_unchanged(working: Path, backup: Path, reason: str) -> None:
    before = working.read_bytes()
    with pytest.raises(BackupError) as refusal:
        backups.restore(working, backup)
    assert str(backup) in str(refusal.value) and reason in str(refusal.value)
    assert working.read_bytes() == before
    assert sorted(p.name for p in working.parent.iterdir()) == [working.name]


def test_random_bytes_are_refused_and_nothing_replaced(tmp_path: Path, working: Path) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(os.urandom(8192))
    refused_unchanged(working, junk, "not a SQLite database")


def test_a_truncated_backup_is_refused_and_nothing_replaced(tmp_path: Path, working: Path) -> None:
    whole = copy_of(working, tmp_path / "whole.sqlite3")
    truncated = tmp_path / "truncated.sqlite3"
    data = whole.read_bytes()
    truncated.write_bytes(data[: len(data) // 3])
    refused_unchanged(working, truncated, "damaged")


def test_a_sqlite_file_of_another_program_is_refused(tmp_path: Path, working: Path) -> None:
    other = tmp_path / "other.sqlite3"
    with closing(sqlite3.connect(other)) as connection:
        connection.execute("CREATE TABLE notes (text TEXT)")
    refused_unchanged(working, other, "it has no schema")


def test_a_working_file_still_open_is_not_replaced(tmp_path: Path, working: Path) -> None:
    database = open_database(str(working))
    backup = backups.back_up(database, tmp_path / "copy.sqlite3")
    try:
        in_use = pytest.raises(BackupError, match="in use by another program")
        with database.engine.connect(), in_use:
            backups.restore(working, backup)
    finally:
        database.dispose()
    assert not working.with_name(working.name + ".restoring").exists()
