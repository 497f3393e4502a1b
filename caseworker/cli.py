"""The command line: the same services the window uses, for scripts and quick look-ups.

``main.py`` opens the window when no command is given; every command is defined here.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TextIO

from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from caseworker.domain.rules import PETITION_STATES
from caseworker.importing.importer import import_paths
from caseworker.jobs import Cancelled
from caseworker.services import formats
from caseworker.services.petitions import PetitionNotFound, PetitionQuery, PetitionService
from caseworker.services.queues import Queue, age_column
from caseworker.services.text_report import detail_text
from caseworker.storage.engine import (
    Database,
    DatabaseError,
    default_database_url,
    normalise_url,
    open_database,
)

PROG = "caseworker"


def _db_option(parser: argparse.ArgumentParser, *, default: object) -> None:
    parser.add_argument(
        "--db",
        metavar="URL",
        default=default,
        help="database: a SQLAlchemy URL or a SQLite file path "
        f"(default: $CASEWORKER_DB or {default_database_url()})",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Petitions Committee casework: import petition data, list work queues, "
        "show a petition. With no command, opens the window.",
    )
    _db_option(parser, default=None)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_import(commands)
    _add_list(commands)
    _add_show(commands)
    _add_demo(commands)
    _add_db(commands)
    # ``--db`` is accepted after the command name too (``caseworker list --db x.sqlite3``).
    for sub in commands.choices.values():
        _db_option(sub, default=argparse.SUPPRESS)
    return parser


def _add_import(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = commands.add_parser("import", help="import JSON captures: files, folders or .zip archives")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")


def _add_list(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = commands.add_parser("list", help="list petitions in a work queue")
    p.add_argument("--queue", choices=[q.value for q in Queue], default=Queue.ALL.value)
    p.add_argument("--state", choices=sorted(PETITION_STATES), help="only petitions in this state")
    p.add_argument(
        "--search", metavar="TEXT", help="text in the title, background, details or response"
    )
    p.add_argument(
        "--as-of",
        type=_iso_date,
        metavar="YYYY-MM-DD",
        help="evaluate queues on this date (default: today)",
    )
    p.add_argument(
        "--response-days",
        type=_days,
        default=21,
        metavar="N",
        help="days allowed for a response (default: 21)",
    )
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")


def _add_show(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = commands.add_parser("show", help="everything stored about one petition")
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("--format", choices=["text", "json"], default="text")


def _add_demo(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = commands.add_parser("demo", help="fill the database with generated demo petitions")
    p.add_argument("--petitions", type=int, default=2000, metavar="N")
    p.add_argument("--seed", type=int, default=1, metavar="S")


def _add_db(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = commands.add_parser("db", help="database administration")
    p.add_argument("action", choices=["upgrade", "status"])


def _days(value: str) -> int:
    try:
        days = int(value)
    except ValueError:
        days = -1
    if days < 0:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of days (0 or more)")
    return days


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a date in the form YYYY-MM-DD"
        ) from None


def run(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run a parsed command; returns the process exit code. Never lets a traceback out."""
    out = out or sys.stdout
    err = err or sys.stderr
    handler: Callable[[Database, argparse.Namespace, TextIO, TextIO], int] = COMMANDS[args.command]
    try:
        if args.command == "db":
            return _db(args, out)
        if args.command in READ_ONLY and _missing_sqlite_file(args.db):
            print(f"{PROG}: no database at {args.db}; create one with import or demo", file=err)
            return 2
        database = open_database(args.db)
    except (DatabaseError, OperationalError, SQLAlchemyError, OSError) as exc:
        print(f"{PROG}: cannot open the database: {_first_line(exc)}", file=err)
        return 2
    try:
        return handler(database, args, out, err)
    except PetitionNotFound as exc:
        print(f"{PROG}: {exc}", file=err)
        return 1
    except SQLAlchemyError as exc:
        print(f"{PROG}: database error: {_first_line(exc)}", file=err)
        return 2
    finally:
        database.dispose()


READ_ONLY = {"list", "show"}


def _missing_sqlite_file(url: str | None) -> bool:
    """A mistyped path must not silently create an empty database for a read-only command."""
    if not url:
        return False
    parsed = make_url(normalise_url(url))
    path = parsed.database
    if parsed.get_backend_name() != "sqlite" or not path or path == ":memory:":
        return False
    return not Path(path).exists()


def _import(db: Database, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    progress = _terminal_progress(err)
    try:
        summary = import_paths(db.engine, args.paths, progress=progress)
    except KeyboardInterrupt:
        print(f"\n{PROG}: import interrupted; files already imported are kept", file=err)
        return 130
    _clear_progress(err)
    for name, reason in summary.failures:
        print(f"{name}: {reason}", file=err)
    print(summary.line(), file=out)
    return 1 if summary.failed else 0


def _list(db: Database, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    query = PetitionQuery(
        queue=Queue(args.queue),
        state=args.state,
        search=args.search,
        as_of=args.as_of or date.today(),
        response_days=args.response_days,
    )
    rows = PetitionService(db).list_petitions(query)
    with_age = age_column(query.queue) is not None
    render = {"json": formats.list_json, "csv": formats.list_csv, "table": formats.list_table}
    text = render[args.format](rows, with_age=with_age)
    out.write(text if text.endswith("\n") else text + "\n")
    return 0


def _show(db: Database, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    detail = PetitionService(db).get_petition(args.id)
    out.write(formats.detail_json(detail) + "\n" if args.format == "json" else detail_text(detail))
    return 0


def _demo(db: Database, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from caseworker.demo import generate_demo

    if args.petitions < 1:
        print(f"{PROG}: --petitions must be at least 1", file=err)
        return 2
    try:
        summary = generate_demo(
            db.engine, petitions=args.petitions, seed=args.seed, progress=_terminal_progress(err)
        )
    except (KeyboardInterrupt, Cancelled):
        print(f"\n{PROG}: demo generation interrupted", file=err)
        return 130
    _clear_progress(err)
    print(f"{summary.petitions} demo petitions written (seed {summary.seed})", file=out)
    return 0


def _db(args: argparse.Namespace, out: TextIO) -> int:
    from caseworker.storage import migrate
    from caseworker.storage.engine import make_engine

    engine = make_engine(args.db or default_database_url())
    try:
        if args.action == "upgrade":
            migrate.upgrade(engine)
        state = migrate.schema_state(engine)
    finally:
        engine.dispose()
    status = (
        "up to date"
        if state.current == state.head
        else "behind"
        if state.behind
        else "newer than this application"
    )
    print(f"schema {state.current or 'none'} (application head {state.head}): {status}", file=out)
    return 0


COMMANDS: dict[str, Callable[[Database, argparse.Namespace, TextIO, TextIO], int]] = {
    "import": _import,
    "list": _list,
    "show": _show,
    "demo": _demo,
    "db": lambda db, args, out, err: _db(args, out),
}


def _terminal_progress(err: TextIO) -> Callable[[int, int, str], None]:
    interactive = err.isatty()

    def report(done: int, total: int, label: str) -> None:
        if interactive and total:
            err.write(f"\r{done}/{total} {label[-60:]:<60}")
            err.flush()

    return report


def _clear_progress(err: TextIO) -> None:
    if err.isatty():
        err.write("\r" + " " * 80 + "\r")


def _first_line(exc: BaseException) -> str:
    original = getattr(exc, "orig", None)
    text = str(original or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point for command-line use only (``main.py`` adds the window)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    return run(args)
