"""Dialect-aware bulk writes (SQLite and PostgreSQL share the ON CONFLICT syntax).

:func:`upsert` and :func:`insert_ignore` take rows as dictionaries, for occasional writes.
:class:`Bulk` is for the importer's hot path: a statement declared once, run with rows as
plain tuples. See its docstring for why that is faster on SQLite.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import Table, bindparam, delete, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.sql.dml import UpdateBase

from caseworker.storage.base import Base, UTCDateTime

#: One row of a :class:`Bulk` statement, in the order of its ``columns``.
Row = tuple[Any, ...]


def table_of(model: type[Base]) -> Table:
    """The table of a mapped class, typed as a :class:`~sqlalchemy.Table`."""
    table = model.__table__
    assert isinstance(table, Table)
    return table


def _insert(connection: Connection, table: Table) -> Any:
    return _insert_for(connection.dialect.name, table)


def _insert_for(dialect_name: str, table: Table) -> Any:
    if dialect_name == "postgresql":
        return postgresql.insert(table)
    if dialect_name == "sqlite":
        return sqlite.insert(table)
    raise NotImplementedError(f"no upsert for {dialect_name}")


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


@dataclass(frozen=True, slots=True)
class _Compiled:
    """A statement compiled for one SQLite dialect, and how to turn rows into its parameters."""

    sql: str
    #: Picks a row's values in the order of the ``?`` in ``sql`` (None: already in order).
    reorder: Callable[[Row], Row] | None
    #: (position, processor, skip None) for each parameter whose type converts values.
    processors: tuple[tuple[int, Callable[[Any], Any], bool], ...]

    def parameters(self, rows: Sequence[Row]) -> Sequence[Row]:
        if self.reorder is not None:
            rows = list(map(self.reorder, rows))
        if not self.processors:
            return rows
        table = [list(row) for row in rows]
        for position, process, skip_none in self.processors:
            for values in table:
                value = values[position]
                if value is not None or not skip_none:
                    values[position] = process(value)
        return list(map(tuple, table))


def _fast_utc_text(process: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """The SQLite processor of :class:`UTCDateTime` in one step for the usual UTC value.

    Core converts to naive UTC and then formats through a dictionary; a datetime that is
    already in UTC gives the same text straight from ``isoformat``. Anything else, or a
    SQLAlchemy whose text differs, goes through ``process`` itself.
    """

    def fast(value: Any) -> Any:
        if isinstance(value, datetime) and value.tzinfo is UTC:
            return value.replace(tzinfo=None).isoformat(" ", "microseconds")
        return process(value)

    samples = (
        datetime(2024, 5, 29, 23, 1, 0, 123000, tzinfo=UTC),
        datetime(1990, 1, 1, tzinfo=UTC),
    )
    return fast if all(fast(v) == process(v) for v in samples) else process


class Bulk:
    """A DML statement run many times per import, with rows given as tuples.

    Core spends more per row than SQLite spends inserting it (a parameter dictionary per
    row, then every bound value through its type's processor), so on SQLite the statement is
    compiled once per dialect and sent to the driver's ``executemany`` with the same bind
    processors applied here (UTC datetimes, dates, booleans): the stored values are the
    ones Core would store. Other dialects go through Core unchanged, whose batched
    ``insertmanyvalues`` is what makes PostgreSQL fast.
    """

    def __init__(self, build: Callable[[str], UpdateBase], columns: Sequence[str]) -> None:
        self._build = build
        self.columns = tuple(columns)
        self._statements: dict[str, UpdateBase] = {}
        self._compiled: weakref.WeakKeyDictionary[Dialect, _Compiled] = weakref.WeakKeyDictionary()

    def execute(self, connection: Connection, rows: Sequence[Row]) -> None:
        if not rows:
            return
        dialect = connection.dialect
        if dialect.name != "sqlite":
            columns = self.columns
            params = [dict(zip(columns, row, strict=True)) for row in rows]
            connection.execute(self.statement(dialect.name), params)
            return
        compiled = self._compiled.get(dialect)
        if compiled is None:
            compiled = self._compiled[dialect] = self._compile(dialect)
        connection.exec_driver_sql(compiled.sql, compiled.parameters(rows))

    def statement(self, dialect_name: str) -> UpdateBase:
        statement = self._statements.get(dialect_name)
        if statement is None:
            statement = self._statements[dialect_name] = self._build(dialect_name)
        return statement

    def _compile(self, dialect: Dialect) -> _Compiled:
        compiled: Any = self.statement(dialect.name).compile(
            dialect=dialect, column_keys=list(self.columns)
        )
        names = list(compiled.positiontup or ())
        unknown = [name for name in names if name not in self.columns]
        if unknown or len(names) != len(set(names)):
            raise ValueError(
                f"{compiled.string!r}: parameters {names} do not match columns {self.columns}"
            )
        order = [self.columns.index(name) for name in names]
        processors = []
        for position, name in enumerate(names):
            type_ = compiled.binds[name].type
            process = type_.dialect_impl(dialect).bind_processor(dialect)
            if process is None:
                continue
            if isinstance(type_, UTCDateTime):
                process = _fast_utc_text(process)
            processors.append((position, process, process(None) is None))
        in_order = order == list(range(len(self.columns)))
        reorder = None if in_order else _picker(order)
        return _Compiled(compiled.string, reorder, tuple(processors))


def _picker(order: list[int]) -> Callable[[Row], Row]:
    if len(order) == 1:
        index = order[0]
        return lambda row: (row[index],)
    pick: Callable[[Row], Row] = itemgetter(*order)
    return pick


def bulk_insert(table: Table, columns: Sequence[str]) -> Bulk:
    """``INSERT INTO table (columns)``."""
    return Bulk(lambda _dialect: table.insert(), columns)


def bulk_insert_ignore(table: Table, columns: Sequence[str], keys: Sequence[str]) -> Bulk:
    """Insert, leaving any row whose ``keys`` already exist untouched."""
    return Bulk(
        lambda dialect: _insert_for(dialect, table).on_conflict_do_nothing(
            index_elements=list(keys)
        ),
        columns,
    )


def bulk_upsert(table: Table, columns: Sequence[str], keys: Sequence[str]) -> Bulk:
    """Insert, or overwrite every column but ``keys`` where ``keys`` already exist."""

    def build(dialect: str) -> UpdateBase:
        statement = _insert_for(dialect, table)
        excluded = statement.excluded
        set_ = {name: excluded[name] for name in columns if name not in keys}
        result: UpdateBase = statement.on_conflict_do_update(index_elements=list(keys), set_=set_)
        return result

    return Bulk(build, columns)


def bulk_update(table: Table, key: str, columns: Sequence[str]) -> Bulk:
    """``UPDATE table SET columns WHERE key = ?``; each row is ``(key value, *column values)``."""
    where = f"_{key}"
    return Bulk(
        lambda _dialect: (
            update(table)
            .where(table.c[key] == bindparam(where))
            .values({name: bindparam(name) for name in columns})
        ),
        (where, *columns),
    )


def bulk_delete(table: Table, key: str | tuple[str, ...]) -> Bulk:
    """``DELETE FROM table WHERE key = ? [AND ...]``; each row holds the key values in order."""
    keys = (key,) if isinstance(key, str) else key
    names = tuple(f"_{k}" for k in keys)
    return Bulk(
        lambda _dialect: delete(table).where(
            *(table.c[k] == bindparam(n) for k, n in zip(keys, names, strict=True))
        ),
        names,
    )
