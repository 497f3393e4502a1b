"""Database failures in plain English, naming where: one place for the CLI and the window.

A clerk should read "the disk holding /home/ann/... is full", not "no such savepoint:
sa_savepoint_13" or a driver's class name. ``explain`` turns any exception met while using
the database into one line; ``is_disk_full`` lets a long job stop at once instead of failing
every remaining file the same way.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

_DISK_FULL = ("database or disk is full", "no space left on device", "could not extend file")
_READ_ONLY = ("attempt to write a readonly database", "readonly database")
_LOCKED = ("database is locked", "database table is locked")
_CANNOT_OPEN = ("unable to open database file",)


def where(engine: Engine) -> str:
    """The database's location for a message: a file path, or server and database name."""
    url = engine.url
    if url.get_backend_name() == "sqlite":
        return url.database or "an in-memory database"
    host = url.host or "localhost"
    port = f":{url.port}" if url.port else ""
    return f"database {url.database} on {host}{port}"


def display_url(url: str) -> str:
    """A database URL fit to show or log: any password is replaced by ***."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        # Not a URL SQLAlchemy can parse: keep scheme and user, hide what follows a colon.
        head, sep, tail = url.rpartition("@")
        if not sep:
            return url
        scheme, slashes, userinfo = head.rpartition("//")
        user = userinfo.split(":", 1)[0]
        return f"{scheme}{slashes}{user}:***@{tail}" if ":" in userinfo else url


def is_disk_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return True
    return _mentions(exc, _DISK_FULL)


def is_read_only(exc: BaseException, location: str | None = None) -> bool:
    if isinstance(exc, OSError) and exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return True
    if _mentions(exc, _READ_ONLY):
        return True
    # On a disk remounted read-only SQLite says only "unable to open database file" (it
    # cannot make its shared-memory file): ask the file system what it is.
    return bool(location) and _mentions(exc, _CANNOT_OPEN) and _on_read_only_disk(location)


def _on_read_only_disk(location: str | None) -> bool:
    try:
        flags = os.statvfs(os.path.dirname(location or "") or ".").f_flag
    except (OSError, AttributeError):  # no statvfs on Windows
        return False
    return bool(flags & getattr(os, "ST_RDONLY", 1))


def is_locked(exc: BaseException) -> bool:
    return _mentions(exc, _LOCKED)


def is_unique_violation(exc: BaseException) -> bool:
    """A unique rule (index or key) refused a row: someone stored the same thing first."""
    original = getattr(exc, "orig", None)
    if getattr(original, "sqlstate", None) == "23505":  # PostgreSQL unique_violation
        return True
    return "UNIQUE constraint failed" in str(original or exc)


def explain(exc: BaseException, location: str | None = None) -> str:
    """One line saying what went wrong, in words a clerk can act on."""
    place = location or _filename(exc)
    if is_disk_full(exc):
        folder = str(Path(place).parent) if place and "/" in place else place
        return f"the disk is full{f' (where {folder} is kept)' if folder else ''}; free some space"
    if is_read_only(exc, place):
        return f"{place or 'the database'} is read-only: check its permissions or its disk"
    if is_locked(exc):
        return (
            "the database is busy: another program kept it locked for over 10 seconds; "
            "try again in a moment"
        )
    return _driver_message(exc)


def _driver_message(exc: BaseException) -> str:
    name = type(getattr(exc, "orig", None) or exc).__name__
    text = _first_line(exc)
    lower = text.lower()
    if "0x00" in lower or "nul character" in lower:
        return "the text contains a NUL character, which the database cannot store"
    if name == "ForeignKeyViolation" or "foreign key" in lower:
        return (
            "something it refers to was removed by someone else meanwhile; show the petition again"
        )
    if name == "DataError" or "value too long" in lower or "out of range" in lower:
        return f"the database refused a value as too long or out of range ({text})"
    if name in ("IntegrityError", "UniqueViolation", "ForeignKeyViolation"):
        return f"the database refused the change as inconsistent ({text})"
    if "connection refused" in lower or "could not connect" in lower:
        return f"cannot reach the database server ({text})"
    if "password authentication failed" in lower:
        return "the database server refused the user name or password"
    return text


def _mentions(exc: BaseException, phrases: tuple[str, ...]) -> bool:
    text = " ".join(_texts(exc)).lower()
    return any(phrase in text for phrase in phrases)


def _texts(exc: BaseException) -> list[str]:
    texts = [str(exc)]
    if isinstance(exc, DBAPIError | SQLAlchemyError) and getattr(exc, "orig", None):
        texts.append(str(exc.orig))  # type: ignore[attr-defined]
    if exc.__cause__ is not None:
        texts.append(str(exc.__cause__))
    return texts


def _first_line(exc: BaseException) -> str:
    original = getattr(exc, "orig", None)
    text = str(original or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _filename(exc: BaseException) -> str | None:
    return exc.filename if isinstance(exc, OSError) and exc.filename else None
