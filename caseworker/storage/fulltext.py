"""DDL for the full-text index, which differs by database.

SQLite keeps the text in an FTS5 table of its own, keyed by petition number (an
external-content table kept in step by triggers was six times slower to fill). PostgreSQL
keeps it in ``petition_search`` with a GIN index over ``to_tsvector``.
"""

from __future__ import annotations

from sqlalchemy.engine import Connection

FULL_TEXT_PREFIXES = ("petition_fts", "ix_petition_search_fts")

SQLITE_CREATE = (
    # detail=column: prefix and word queries only, which is all search-as-you-type needs.
    "CREATE VIRTUAL TABLE petition_fts USING fts5(document, "
    "tokenize='unicode61 remove_diacritics 2', detail=column)",
    "CREATE TRIGGER petition_fts_after_petition_delete AFTER DELETE ON petitions BEGIN "
    "DELETE FROM petition_fts WHERE rowid = old.id; END",
)
SQLITE_DROP = (
    "DROP TRIGGER IF EXISTS petition_fts_after_petition_delete",
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
