"""One line for each way opening or using a database can fail: for the CLI and the window.

The lines never show a password: the URL is shown through ``display_url``, and any text from
a driver that might quote the URL has the password taken out.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from caseworker.storage.engine import normalise_url
from caseworker.storage.errors import display_url, explain

SUPPORTED = "give a SQLite file path or a postgresql+psycopg:// URL"


def hide_password(text: str, url: str) -> str:
    """``text`` with the password of ``url`` (if it has one) replaced by ***."""
    password = _password(url)
    return text.replace(password, "***") if password else text


def open_failure(url: str, exc: BaseException) -> str:
    """Why the database at ``url`` could not be opened, in words a clerk can act on."""
    if isinstance(exc, ImportError | NoSuchModuleError):
        scheme = url.split("://", 1)[0] if "://" in url else url
        return f"this application cannot use {scheme}:// databases; {SUPPORTED}"
    if isinstance(exc, ValueError | ArgumentError):
        return f"{display_url(url)} is not a database URL; {SUPPORTED}"
    path = _sqlite_path(url)
    if path is not None and _read_only(path):
        return explain(OSError(errno.EROFS, os.strerror(errno.EROFS), str(path)), str(path))
    return hide_password(explain(exc, str(path) if path else display_url(url)), url)


def _password(url: str) -> str | None:
    try:
        password = make_url(normalise_url(url)).password
    except Exception:  # noqa: BLE001 - unparsable: fall back to the text between : and @
        head = url.rpartition("@")[0]
        password = head.split("://", 1)[-1].partition(":")[2] or None
    return str(password) if password else None


def _sqlite_path(url: str) -> Path | None:
    try:
        parsed = make_url(normalise_url(url))
    except Exception:  # noqa: BLE001 - not a URL at all: not a SQLite file either
        return None
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(str(parsed.database))


def _read_only(path: Path) -> bool:
    """The file, or the folder that must hold its journal, cannot be written (mode or mount).

    ``os.access`` answers for the real user and sees a read-only mount even for root, who
    ignores file modes.
    """
    folder = path.parent
    if path.exists() and not os.access(path, os.W_OK):
        return True
    return folder.is_dir() and not os.access(folder, os.W_OK)
