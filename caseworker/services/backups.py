"""Back up the local database while the application runs, daily too, and restore a backup.

A backup is a consistent copy made through SQLite's online backup API, so an import may go on
writing meanwhile. A restore checks the backup (a SQLite file, sound, of a schema this
application knows; an older one is upgraded) in a temporary copy before the working file is
replaced, and keeps the replaced file beside it. A shared PostgreSQL server is backed up by its
administrator with ``pg_dump``: these functions refuse it in a sentence saying so.
"""

from __future__ import annotations

import os
import re
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from caseworker.jobs import CancelCheck, Cancelled, ProgressCallback, never_cancelled, no_progress
from caseworker.storage import migrate
from caseworker.storage.engine import Database, copy_sqlite_file, make_engine

#: Daily backups kept unless the clerk chose otherwise.
KEEP_DAILY = 7
BACKUPS_FOLDER = "backups"
DAILY = re.compile(r"caseworker-\d{4}-\d{2}-\d{2}\.sqlite3")
SQLITE_HEADER = b"SQLite format 3\x00"
SERVER_MESSAGE = (
    "this database is on a shared server: the server is backed up by its administrator "
    "with pg_dump, and restored with pg_restore (see the README)"
)
#: How long a restore waits for another program to let go of the working file.
IN_USE_TIMEOUT = 2.0


class BackupError(Exception):
    """A backup cannot be made or restored; the message names the file and says why."""


@dataclass(frozen=True)
class PreparedRestore:
    """A checked backup, copied (and upgraded if older) beside the working file."""

    database: Path
    backup: Path
    staged: Path
    revision: str
    upgraded_from: str | None
    #: When the backup file was last written, and how many petitions it holds.
    saved_at: datetime
    petitions: int

    def discard(self) -> None:
        self.staged.unlink(missing_ok=True)


def sqlite_path(database: Database) -> Path:
    """The working file of a local database; a shared server is refused in a sentence."""
    path = database.engine.url.database
    if not database.is_sqlite:
        raise BackupError(SERVER_MESSAGE)
    if not path or path == ":memory:":
        raise BackupError("this database is held in memory: there is no file to back up")
    return Path(path)


def back_up(
    database: Database,
    target: Path,
    progress: ProgressCallback = no_progress,
    cancelled: CancelCheck = never_cancelled,
) -> Path:
    """A consistent copy of the working file at ``target`` (replaced if it exists)."""
    source = sqlite_path(database)
    if not source.exists():
        raise BackupError(f"there is no database file at {source} to back up")
    if target.resolve() == source.resolve():
        raise BackupError(f"{target} is the working database: choose another file")
    progress(0, 0, f"Copying {source.name} to {target}")
    copy_sqlite_file(source, target)
    if cancelled():
        target.unlink(missing_ok=True)
        raise Cancelled
    return target


def backups_folder(database: Database) -> Path:
    """Daily backups go in ``backups`` beside the working file (the data folder by default)."""
    return sqlite_path(database).parent / BACKUPS_FOLDER


def daily_backup(
    database: Database, today: date, keep: int = KEEP_DAILY, folder: Path | None = None
) -> Path | None:
    """Today's backup if there is none yet; then only the newest ``keep`` daily ones stay.

    Returns the backup made, or None if today's was already there (or the server is shared).
    """
    if not database.is_sqlite:
        return None
    folder = folder or backups_folder(database)
    target = folder / f"caseworker-{today.isoformat()}.sqlite3"
    made = None
    if not target.exists():
        folder.mkdir(parents=True, exist_ok=True)
        made = back_up(database, target)
    prune(folder, keep)
    return made


def prune(folder: Path, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` daily backups (by the date in their names)."""
    daily = sorted(p for p in folder.iterdir() if DAILY.fullmatch(p.name))
    old = daily[: max(len(daily) - max(keep, 1), 0)]
    for path in old:
        path.unlink(missing_ok=True)
    return old


def prepare_restore(database_path: Path, backup: Path) -> PreparedRestore:
    """Check ``backup`` and copy it beside the working file, upgraded to this schema.

    Nothing is replaced yet: a refusal (BackupError) leaves the working file as it was.
    """
    _check_header(backup)
    staged = database_path.with_name(database_path.name + ".restoring")
    try:
        copy_sqlite_file(backup, staged)
        _check_integrity(staged, backup)
        revision = _revision(staged, backup)
        upgraded_from = None
        if revision != migrate.head_revision():
            _upgrade(staged)
            upgraded_from, revision = revision, migrate.head_revision()
        petitions = _petitions(staged)
    except sqlite3.DatabaseError as exc:
        staged.unlink(missing_ok=True)
        raise BackupError(f"{backup} cannot be restored: it is damaged ({exc})") from None
    except BaseException:
        staged.unlink(missing_ok=True)
        raise
    saved_at = datetime.fromtimestamp(backup.stat().st_mtime, tz=UTC)
    return PreparedRestore(
        database_path, backup, staged, revision, upgraded_from, saved_at, petitions
    )


def finish_restore(prepared: PreparedRestore, now: datetime | None = None) -> Path | None:
    """Put the checked backup in place of the working file, which is kept beside it.

    The working file must be closed by this program first; another program holding it open
    is refused. Returns the path of the kept file (None if there was no working file).
    """
    database = prepared.database
    kept = None
    if database.exists():
        # Out of WAL mode, so no write-ahead log is left to be read into the restored file;
        # SQLite allows the change only when no other connection has the file open.
        _leave_wal(database)
        kept = _free_name(database.parent, now or datetime.now())
        copy_sqlite_file(database, kept)
    os.replace(prepared.staged, database)
    return kept


def restore(database_path: Path, backup: Path, now: datetime | None = None) -> Path | None:
    """Check ``backup`` and put it in place of the working file; returns the kept file."""
    prepared = prepare_restore(database_path, backup)
    try:
        return finish_restore(prepared, now)
    finally:
        prepared.discard()


def _check_header(backup: Path) -> None:
    try:
        with backup.open("rb") as file:
            header = file.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        raise BackupError(f"{backup} does not exist") from None
    except IsADirectoryError:
        raise BackupError(f"{backup} is a folder, not a backup file") from None
    if header != SQLITE_HEADER:
        raise BackupError(f"{backup} is not a backup of this application: not a SQLite database")


def _check_integrity(staged: Path, backup: Path) -> None:
    with closing(sqlite3.connect(staged)) as connection:
        rows = connection.execute("PRAGMA integrity_check").fetchall()
    if rows != [("ok",)]:
        raise BackupError(f"{backup} is damaged (SQLite's integrity check: {rows[0][0]})")


def _revision(staged: Path, backup: Path) -> str:
    with closing(sqlite3.connect(staged)) as connection:
        try:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.OperationalError:
            row = None
    if row is None:
        raise BackupError(f"{backup} is not a backup of this application: it has no schema")
    revision = str(row[0])
    if migrate.SchemaState(current=revision, head=migrate.head_revision()).ahead:
        raise BackupError(
            f"{backup} was made by a newer version of the application (schema {revision}); "
            "update the application to restore it"
        )
    return revision


def _petitions(staged: Path) -> int:
    with closing(sqlite3.connect(staged)) as connection:
        return int(connection.execute("SELECT count(*) FROM petitions").fetchone()[0])


def _upgrade(staged: Path) -> None:
    engine = make_engine(str(staged))
    try:
        migrate.upgrade(engine)
    finally:
        engine.dispose()
    _leave_wal(staged)


def _leave_wal(path: Path) -> None:
    """Take the file out of WAL mode, its log folded in: refused while anyone has it open."""
    with closing(sqlite3.connect(path, timeout=IN_USE_TIMEOUT)) as connection:
        try:
            row = connection.execute("PRAGMA journal_mode=DELETE").fetchone()
        except sqlite3.OperationalError:
            row = None
    if row is None or str(row[0]).lower() != "delete":
        raise BackupError(f"{path} is in use by another program or window: close it and try again")


def _free_name(folder: Path, now: datetime) -> Path:
    stamp = f"{now:%Y-%m-%d-%H%M%S}"
    candidate = folder / f"caseworker-replaced-{stamp}.sqlite3"
    number = 1
    while candidate.exists():
        number += 1
        candidate = folder / f"caseworker-replaced-{stamp}-{number}.sqlite3"
    return candidate
