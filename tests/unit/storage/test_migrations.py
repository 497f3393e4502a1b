"""The schema is built by Alembic and matches the models exactly, on both backends."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text

from caseworker.storage import migrate
from caseworker.storage.base import Base
from caseworker.storage.engine import Database, DatabaseError, open_database
from caseworker.storage.fulltext import described_by_models


def test_exactly_one_head() -> None:
    script = ScriptDirectory.from_config(migrate.alembic_config_for_scripts())
    assert len(script.get_heads()) == 1


def test_migrated_schema_matches_models(database: Database) -> None:
    with database.engine.connect() as connection:
        options = {"compare_type": True, "include_name": described_by_models}
        context = MigrationContext.configure(connection, opts=options)
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_sqlite_pragmas(sqlite_database: Database) -> None:
    with sqlite_database.engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"


def test_new_file_is_created_at_head(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "folder" / "new.sqlite3"
    db = open_database(str(path))
    try:
        assert migrate.schema_state(db.engine).current == migrate.head_revision()
        assert "petitions" in inspect(db.engine).get_table_names()
    finally:
        db.dispose()


def test_refuses_a_database_newer_than_the_application(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    open_database(str(path)).dispose()
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'ffff_future'"))
    engine.dispose()
    with pytest.raises(DatabaseError, match="newer than this application"):
        open_database(str(path))


def test_reopening_keeps_data(tmp_path: Path) -> None:
    path = tmp_path / "keep.sqlite3"
    db = open_database(str(path))
    with db.engine.begin() as connection:
        connection.execute(text("INSERT INTO topics (code, name) VALUES ('x', 'X')"))
    db.dispose()
    db = open_database(str(path))
    with db.engine.connect() as connection:
        assert connection.execute(text("SELECT name FROM topics")).scalar() == "X"
    db.dispose()


def test_full_text_index_exists(database: Database) -> None:
    names = set(inspect(database.engine).get_table_names())
    if database.is_sqlite:
        assert "petition_fts" in names
    else:
        indexes = {i["name"] for i in inspect(database.engine).get_indexes("petition_search")}
        assert "ix_petition_search_fts" in indexes
