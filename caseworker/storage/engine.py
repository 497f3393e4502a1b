"""Engine creation, the default database location and schema upgrades through Alembic."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from platformdirs import user_data_path
from sqlalchemy import create_engine, event, inspect
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.orm import Session, sessionmaker

APP_NAME = "petitions-caseworker"
DB_ENV = "CASEWORKER_DB"


class DatabaseError(RuntimeError):
    """The database cannot be used as it is; the message says what to do."""


def default_database_url() -> str:
    """``CASEWORKER_DB`` if set, else a SQLite file in the user's data folder."""
    configured = os.environ.get(DB_ENV)
    if configured:
        return configured
    folder = user_data_path(APP_NAME, appauthor=False)
    return f"sqlite:///{folder / 'caseworker.sqlite3'}"


def normalise_url(url: str) -> str:
    """Accept a bare file path as shorthand for a SQLite database."""
    if "://" in url:
        return url
    return f"sqlite:///{Path(url).expanduser().resolve()}"


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Transactions are begun by SQLAlchemy (see _begin below), not guessed by the driver:
    # otherwise SAVEPOINT would commit, and a read would see no consistent snapshot.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


#: Execution option that marks a connection's transactions as writes (see ``for_writing``).
WRITE_OPTION = "caseworker_writes"


def _begin(connection: Any) -> None:
    # A write transaction takes SQLite's write lock when it begins. A deferred BEGIN that
    # reads and then writes fails at once with SQLITE_BUSY_SNAPSHOT when another process
    # committed in between, which the busy timeout does not retry; BEGIN IMMEDIATE queues
    # behind the other writer for up to the busy timeout instead.
    writes = connection.get_execution_options().get(WRITE_OPTION, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")


def for_writing(engine: Engine) -> Engine:
    """The same engine (and pool) with transactions that write: ``BEGIN IMMEDIATE`` on SQLite."""
    return engine.execution_options(**{WRITE_OPTION: True})


def make_engine(url: str) -> Engine:
    parsed = make_url(normalise_url(url))
    if parsed.get_backend_name() == "sqlite":
        _ensure_folder(parsed)
        engine = create_engine(parsed)
        event.listen(engine, "connect", _set_sqlite_pragmas)
        event.listen(engine, "begin", _begin)
        return engine
    return create_engine(parsed, pool_pre_ping=True)


def _ensure_folder(url: URL) -> None:
    if url.database and url.database != ":memory:":
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)


@dataclass(frozen=True)
class Database:
    """An engine and the session factories that services open their units of work with.

    ``sessions`` is for reading; ``writes`` for every unit of work that changes something,
    so that two writers on one SQLite file queue rather than fail each other.
    """

    engine: Engine
    sessions: sessionmaker[Session]
    writes: sessionmaker[Session]

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(url: str | None = None, *, upgrade: bool = True) -> Database:
    """Open (and on first use create) a database at ``url``, migrated to the newest schema.

    A local SQLite file is upgraded in place after a backup copy is made. A shared server
    that is behind is only upgraded when it is empty, since other clerks may run an older
    version: otherwise ``caseworker db upgrade`` is for the administrator to run.
    """
    from caseworker.storage import migrate

    engine = make_engine(url or default_database_url())
    try:
        state = migrate.schema_state(engine)
        if state.ahead:
            raise DatabaseError(newer_schema_message(state.current, state.head))
        if state.behind and upgrade:
            if engine.dialect.name != "sqlite" and _has_tables(engine):
                raise DatabaseError(
                    "the shared database schema is behind this application; ask the "
                    "administrator to run: caseworker --db URL db upgrade"
                )
            upgrade_schema(engine, state.current)
    except Exception:
        engine.dispose()
        raise
    return database_for(engine)


def newer_schema_message(current: str | None, head: str) -> str:
    return (
        f"the database schema ({current}) is newer than this application knows ({head}); "
        "update the application"
    )


def upgrade_schema(engine: Engine, current: str | None) -> Path | None:
    """Migrate to the newest schema; a SQLite file that had data is first backed up.

    Returns the backup's path, if one was made.
    """
    from caseworker.storage import migrate

    backup = None
    if engine.dialect.name == "sqlite" and current is not None:
        backup = backup_sqlite(engine, f"before-{current}")
    migrate.upgrade(engine)
    return backup


def database_for(engine: Engine) -> Database:
    return Database(
        engine,
        sessionmaker(engine, expire_on_commit=False),
        sessionmaker(for_writing(engine), expire_on_commit=False),
    )


def _has_tables(engine: Engine) -> bool:
    names = set(inspect(engine).get_table_names()) - {"alembic_version"}
    return bool(names)


def backup_sqlite(engine: Engine, label: str) -> Path | None:
    """A consistent copy of the SQLite file beside it, named ``<file>.<label>.bak``."""
    path = engine.url.database
    if not path or path == ":memory:" or not Path(path).exists():
        return None
    return copy_sqlite_file(Path(path), Path(f"{path}.{label}.bak"))


def copy_sqlite_file(source: Path, target: Path) -> Path:
    """A consistent, self-contained copy of the SQLite file ``source`` at ``target``.

    Through SQLite's online backup API, in one step: the copy is one read transaction's
    snapshot, so committed data still in the write-ahead log is included (copying the main
    file alone would miss it) and writers go on meanwhile. The copy keeps no write-ahead log
    of its own. Written under a temporary name first: a copy that exists is a whole one.
    """
    partial = target.with_name(target.name + ".partial")
    try:
        with closing(sqlite3.connect(source)) as origin, closing(sqlite3.connect(partial)) as copy:
            origin.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target


#: Below this many changed petitions the planner's statistics stay good enough.
STATISTICS_THRESHOLD = 1000


def refresh_statistics(engine: Engine, changed: int) -> None:
    """Let the query planner see the new shape of the data after a large import.

    Without statistics SQLite may walk a barely selective index (``scheduled_debate_date IS
    NULL`` matches nearly every row) instead of scanning, which costs a tenth of a second a
    query on 100,000 petitions.
    """
    if changed < STATISTICS_THRESHOLD:
        return
    with engine.begin() as connection:
        connection.exec_driver_sql("ANALYZE")
