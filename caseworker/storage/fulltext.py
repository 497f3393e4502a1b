"""DDL for the full-text index over ``petition_search``, which differs by database."""

from __future__ import annotations

from sqlalchemy.engine import Connection

FULL_TEXT_PREFIXES = ("petition_fts", "ix_petition_search_fts")

SQLITE_CREATE = (
    "CREATE VIRTUAL TABLE petition_fts USING fts5(document, content='petition_search', "
    "content_rowid='petition_id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER petition_fts_after_insert AFTER INSERT ON petition_search BEGIN "
    "INSERT INTO petition_fts(rowid, document) VALUES (new.petition_id, new.document); END",
    "CREATE TRIGGER petition_fts_after_delete AFTER DELETE ON petition_search BEGIN "
    "INSERT INTO petition_fts(petition_fts, rowid, document) "
    "VALUES ('delete', old.petition_id, old.document); END",
    "CREATE TRIGGER petition_fts_after_update AFTER UPDATE ON petition_search BEGIN "
    "INSERT INTO petition_fts(petition_fts, rowid, document) "
    "VALUES ('delete', old.petition_id, old.document); "
    "INSERT INTO petition_fts(rowid, document) VALUES (new.petition_id, new.document); END",
)
SQLITE_DROP = (
    "DROP TRIGGER IF EXISTS petition_fts_after_update",
    "DROP TRIGGER IF EXISTS petition_fts_after_delete",
    "DROP TRIGGER IF EXISTS petition_fts_after_insert",
    "DROP TABLE IF EXISTS petition_fts",
)
POSTGRESQL_CREATE = (
    "CREATE INDEX ix_petition_search_fts ON petition_search "
    "USING gin (to_tsvector('simple', document))",
)
POSTGRESQL_DROP = ("DROP INDEX IF EXISTS ix_petition_search_fts",)


def create_full_text_index(connection: Connection) -> None:
    statements = SQLITE_CREATE if connection.dialect.name == "sqlite" else POSTGRESQL_CREATE
    if connection.dialect.name in ("sqlite", "postgresql"):
        for statement in statements:
            connection.exec_driver_sql(statement)


def drop_full_text_index(connection: Connection) -> None:
    statements = SQLITE_DROP if connection.dialect.name == "sqlite" else POSTGRESQL_DROP
    if connection.dialect.name in ("sqlite", "postgresql"):
        for statement in statements:
            connection.exec_driver_sql(statement)


def described_by_models(name: str | None, type_: str, parent_names: object) -> bool:
    """Alembic's ``include_name`` hook: the full-text objects are left to the migrations."""
    return not (name or "").startswith(FULL_TEXT_PREFIXES)
