"""The command line: the same services the window uses, for scripts and quick look-ups.

``main.py`` opens the window when no command is given. Commands are defined by area, each
module adding its parsers and handlers: petitions, casework (reviews and revision requests).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

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
            say(err, f"{PROG}: no database at {args.db}; create one with import or demo")
            return 2
        database = open_database(args.db)
    except (DatabaseError, SQLAlchemyError, OSError, ImportError, ValueError) as exc:
        say(err, f"{PROG}: cannot open the database: {open_failure(url, exc)}")
        return 2
    try:
        return COMMANDS[args.command](database, args, out, err)
    except (PetitionNotFound, CommandError) as exc:
        say(err, f"{PROG}: {exc}")
        return 1
    except SQLAlchemyError as exc:
        reason = hide_password(explain(exc, where(database.engine)), url)
        say(err, f"{PROG}: database error: {reason}")
        return 2
    except OSError as exc:
        say(err, f"{PROG}: {explain(exc)}")
        return 1
    finally:
        database.dispose()


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
    return run(args)
