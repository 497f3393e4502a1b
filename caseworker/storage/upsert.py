"""Dialect-aware bulk upserts (SQLite and PostgreSQL share the ON CONFLICT syntax)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection


def _insert(connection: Connection, table: Table) -> Any:
    if connection.dialect.name == "postgresql":
        return postgresql.insert(table)
    if connection.dialect.name == "sqlite":
        return sqlite.insert(table)
    raise NotImplementedError(f"no upsert for {connection.dialect.name}")


def insert_ignore(
    connection: Connection, table: Table, rows: Sequence[dict[str, Any]], keys: Sequence[str]
) -> None:
    """Insert rows, leaving any row whose ``keys`` already exist untouched."""
    if rows:
        statement = _insert(connection, table).on_conflict_do_nothing(index_elements=list(keys))
        connection.execute(statement, list(rows))


def upsert(
    connection: Connection,
    table: Table,
    rows: Sequence[dict[str, Any]],
    keys: Sequence[str],
    update: Sequence[str],
) -> None:
    """Insert rows, or overwrite the ``update`` columns where ``keys`` already exist."""
    if not rows:
        return
    statement = _insert(connection, table)
    statement = statement.on_conflict_do_update(
        index_elements=list(keys),
        set_={name: statement.excluded[name] for name in update},
    )
    connection.execute(statement, list(rows))
