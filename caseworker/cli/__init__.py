"""The command line: the same services the window uses, for scripts and quick look-ups.

``main.py`` opens the window when no command is given. Commands are defined by area, each
module adding its parsers and handlers: petitions, casework (reviews and revision requests).
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from caseworker import logs
from caseworker.cli import (
    admin,
    briefing,
    casework,
    changes,
    debate_decisions,
    debates,
    decisions,
    engagement,
    geography,
    letters,
    material,
    petitions,
    related,
    sync,
)
from caseworker.cli.common import PROG, ArgumentParser, CommandError, Handler, say
from caseworker.services.opening import hide_password, open_failure
from caseworker.services.petitions import PetitionNotFound
from caseworker.storage.engine import (
    DatabaseError,
    default_database_url,
    normalise_url,
    open_database,
)
from caseworker.storage.errors import display_url, explain, where

AREAS = (
    petitions, casework, letters, decisions, debates, debate_decisions, engagement, material,
    briefing, geography, related, sync, changes,
)  # fmt: skip
COMMANDS: dict[str, Handler] = {name: h for area in AREAS for name, h in area.COMMANDS.items()}
READ_ONLY = frozenset().union(*(area.READ_ONLY for area in AREAS))
log = logging.getLogger(__name__)


def _db_option(parser: argparse.ArgumentParser, *, default: object) -> None:
    parser.add_argument(
        "--db",
        metavar="URL",
        default=default,
        help="database: a SQLAlchemy URL or a SQLite file path "
        f"(default: $CASEWORKER_DB or {display_url(default_database_url())})",
    )


def build_parser() -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = ArgumentParser(
        prog=PROG,
        description="Petitions Committee casework: import petition data, list work queues, "
        "show a petition, request revised responses. With no command, opens the window.",
    )
    _db_option(parser, default=None)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for area in AREAS:
        area.add_parsers(commands)
    admin.add_parsers(commands)
    # ``--db`` is accepted after the command name too (``caseworker list --db x.sqlite3``).
    for sub in commands.choices.values():
        _db_option(sub, default=argparse.SUPPRESS)
    return parser


def run(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run a parsed command; returns the process exit code. Never lets a traceback out."""
    out = out or sys.stdout
    err = err or sys.stderr
    url = args.db or default_database_url()
    try:
        if args.command == "db":
            return admin.run_db(args, out, err)
        if args.command in READ_ONLY and _missing_sqlite_file(args.db):
            _fail(err, f"{PROG}: no database at {args.db}; create one with import or demo")
            return 2
        database = open_database(args.db)
    except (DatabaseError, SQLAlchemyError, OSError, ImportError, ValueError) as exc:
        _fail(err, f"{PROG}: cannot open the database: {open_failure(url, exc)}")
        return 2
    try:
        return COMMANDS[args.command](database, args, out, err)
    except (PetitionNotFound, CommandError) as exc:
        _fail(err, f"{PROG}: {exc}")
        return 1
    except SQLAlchemyError as exc:
        reason = hide_password(explain(exc, where(database.engine)), url)
        _fail(err, f"{PROG}: database error: {reason}")
        return 2
    except OSError as exc:
        _fail(err, f"{PROG}: {explain(exc)}")
        return 1
    finally:
        database.dispose()


def _fail(err: TextIO, text: str) -> None:
    """A command's one-line error, printed and logged."""
    log.warning("%s", text)
    say(err, text)


def run_logged(args: argparse.Namespace) -> int:
    """``run`` for the entry points: the run goes in the log, and an error nobody expected is
    logged with its traceback and printed as one line, naming the log file."""
    logs.configure()
    logs.log_start(f"Command {args.command}", display_url(args.db or default_database_url()))
    try:
        return run(args)
    except Exception as exc:  # noqa: BLE001 - one line for the clerk, the traceback in the log
        log.exception("command %s failed unexpectedly", args.command)
        reason = logs.redact(str(exc).splitlines()[0] if str(exc) else "")
        say(sys.stderr, f"{PROG}: unexpected error: {type(exc).__name__}: {reason} "
                        f"(details in {logs.log_file()})")  # fmt: skip
        return 3


def _missing_sqlite_file(url: str | None) -> bool:
    """A mistyped path must not silently create an empty database for a read-only command."""
    if not url:
        return False
    parsed = make_url(normalise_url(url))
    path = parsed.database
    if parsed.get_backend_name() != "sqlite" or not path or path == ":memory:":
        return False
    return not Path(path).exists()


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point for command-line use only (``main.py`` adds the window)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    return run_logged(args)
