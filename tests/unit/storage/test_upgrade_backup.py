"""A schema upgrade of a SQLite file backs it up first, WAL included, on both paths.

Committed data may still sit in the write-ahead log while another connection keeps the file
open; a copy of the main file alone would miss it. Both the upgrade on opening and
``db upgrade`` make the backup through SQLite's backup API.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from caseworker.storage import migrate
from caseworker.storage.engine import make_engine, open_database
from main import main

ROWS = 1000


@pytest.fixture
def behind_with_data_in_the_wal(tmp_path: Path) -> Iterator[Path]:
    """A file at schema 0002 whose last 1,000 topics are committed but only in the WAL."""
    path = tmp_path / "clerk.sqlite3"
    engine = make_engine(str(path))
    migrate.upgrade(engine, "0002")
    engine.dispose()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA wal_autocheckpoint=0")
    holder.execute("BEGIN")
    holder.executemany(
        "INSERT INTO topics (code, name) VALUES (?, ?)",
        [(f"t{i}", f"Topic {i}") for i in range(ROWS)],
    )
    holder.execute("COMMIT")
    assert (tmp_path / "clerk.sqlite3-wal").stat().st_size > 0
    # Kept open, so nothing checkpoints the log into the main file.
    with closing(holder):
        yield path


def topics_in(path: Path) -> int:
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as c:
            return int(c.execute(text("SELECT count(*) FROM topics")).scalar_one())
    finally:
        engine.dispose()


def test_opening_an_older_file_backs_it_up_with_the_wal(behind_with_data_in_the_wal: Path) -> None:
    path = behind_with_data_in_the_wal
    open_database(str(path)).dispose()
    backup = path.with_name(path.name + ".before-0002.bak")
    assert topics_in(backup) == ROWS
    assert migrate.schema_state(create_engine(f"sqlite:///{backup}")).current == "0002"


def test_db_upgrade_backs_up_too(
    behind_with_data_in_the_wal: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = behind_with_data_in_the_wal
    assert main(["--db", str(path), "db", "upgrade"]) == 0
    backup = path.with_name(path.name + ".before-0002.bak")
    out = capsys.readouterr().out
    assert f"backed up to {backup}" in out and "up to date" in out
    assert topics_in(backup) == ROWS
    assert topics_in(path) == ROWS


def test_db_upgrade_of_a_newer_schema_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "future.sqlite3"
    open_database(str(path)).dispose()
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'ffff_future'"))
    engine.dispose()
    assert main(["--db", str(path), "db", "upgrade"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "newer than this application" in err
