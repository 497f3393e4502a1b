"""The log: a rotating file in the platform's log folder, for the window and the command line.

What goes in at the default level (INFO): start-up (version, database without its password),
import and sync summaries, failures with their tracebacks. Never a password (every line,
traceback included, is passed through ``redact``) and never a petition's text: modules log
counts, numbers and file names, and petition text only at DEBUG, which is off by default.
``CASEWORKER_LOG_DIR`` puts the log elsewhere (the tests use it).
"""

from __future__ import annotations

import logging
import os
import platform
import re
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

from platformdirs import user_log_dir

from caseworker import __version__

APP_NAME = "petitions-caseworker"
APP_AUTHOR = "House of Commons"
FILE_NAME = "caseworker.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"

#: ``scheme://user:secret@host`` (the secret may hold anything but "@" and white space), and
#: libpq's ``password=secret``, as in a connection string or an error quoting one.
_URL_PASSWORD = re.compile(r"(?P<head>[A-Za-z][\w+.-]*://[^\s:/@]*:)[^\s@]*@")
_KEY_PASSWORD = re.compile(r"(?P<head>\bpassword\s*=\s*)(?:'[^']*'|\"[^\"]*\"|[^\s&;,]+)", re.I)


def log_folder() -> Path:
    """Where the log files are: ``CASEWORKER_LOG_DIR``, or the platform's log folder."""
    override = os.environ.get("CASEWORKER_LOG_DIR")
    if override:
        return Path(override)
    return Path(user_log_dir(APP_NAME, APP_AUTHOR))


def log_file() -> Path:
    return log_folder() / FILE_NAME


def redact(text: str) -> str:
    """``postgresql://ann:s3cret@db/x`` → ``postgresql://ann:***@db/x``; ``password=x`` too."""
    text = _URL_PASSWORD.sub(r"\g<head>***@", text)
    return _KEY_PASSWORD.sub(r"\g<head>***", text)


class RedactingFormatter(logging.Formatter):
    """Formats as usual, then hides passwords in the whole text, tracebacks included."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


class _OurHandler(RotatingFileHandler):
    """The handler ``configure`` adds, so that calling it again replaces rather than doubles."""


def configure(level: int = logging.INFO, folder: Path | None = None) -> Path | None:
    """Log to a rotating file (1 MB, five old files kept); returns its path.

    If the folder cannot be made (a read-only home, say), nothing is logged to a file and
    None is returned: the program works on without a log rather than refusing to start.
    """
    stop()
    root = logging.getLogger()
    path = (folder or log_folder()) / FILE_NAME
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = _OurHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(RedactingFormatter(FORMAT))
    handler.setLevel(level)
    root.addHandler(handler)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    return path


def stop() -> None:
    """Close the file ``configure`` opened (a second ``configure`` replaces it anyway)."""
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, _OurHandler)]:
        root.removeHandler(handler)
        handler.close()


def log_start(what: str, database_label: str) -> None:
    """The first line of a run: what started, the version and the database (no password)."""
    logging.getLogger("caseworker").info(
        "%s started: Petitions caseworker %s, Python %s on %s; database %s",
        what, __version__, platform.python_version(), sys.platform, redact(database_label),
    )  # fmt: skip
