"""Commands about petitions: import, list, show, demo data and database administration."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from caseworker.cli.common import (
    MAX_DEMO_PETITIONS,
    PROG,
    Handler,
    Subcommands,
    clear_progress,
    days,
    demo_petitions,
    iso_date,
    record_number,
    say,
    terminal_progress,
    write_json,
    write_text,
)
from caseworker.domain.rules import PETITION_STATES
from caseworker.formatting import DATE_FORMS, counted
from caseworker.importing.importer import import_paths
from caseworker.jobs import Cancelled
from caseworker.services import formats
from caseworker.services.petitions import PetitionQuery, PetitionService
from caseworker.services.queues import FIRST_RESPONSE_QUEUES, Queue, age_column
from caseworker.services.search import MAX_WORD_LENGTH, MAX_WORDS, search_words
from caseworker.services.text_report import detail_text
from caseworker.storage.engine import Database
from caseworker.textsafe import one_line

#: Commands that only read: they refuse to create a database at a mistyped path.
READ_ONLY = {"list", "show"}


def add_parsers(commands: Subcommands) -> None:
    _add_import(commands)
    _add_list(commands)
    _add_show(commands)
    _add_demo(commands)


def _add_import(commands: Subcommands) -> None:
    p = commands.add_parser("import", help="import JSON captures: files, folders or .zip archives")
    p.add_argument(
        "paths",
        nargs="+",
        type=Path,
        metavar="PATH",
        help="a JSON capture from petition.parliament.uk, a folder of them (searched below "
        "too; other files are counted and skipped) or a .zip archive of them",
    )


def _add_list(commands: Subcommands) -> None:
    p = commands.add_parser("list", help="list petitions in a work queue")
    p.add_argument(
        "--queue",
        choices=[q.value for q in Queue],
        default=Queue.ALL.value,
        metavar="QUEUE",
        help="the work queue, as in the window: "
        + ", ".join(q.value for q in Queue)
        + " (default: all)",
    )
    p.add_argument(
        "--state",
        choices=sorted(PETITION_STATES),
        metavar="STATE",
        help="only petitions in this state: " + ", ".join(sorted(PETITION_STATES)),
    )
    p.add_argument(
        "--search", metavar="TEXT", help="text in the title, background, details or response"
    )
    p.add_argument(
        "--as-of",
        type=iso_date,
        metavar="DATE",
        help=f"evaluate the queue as things stood at the end of this day ({DATE_FORMS}); "
        "petitions created later are left out (default: today, or the newest capture's "
        "date when the data is old)",
    )
    p.add_argument(
        "--response-days",
        type=days,
        default=21,
        metavar="N",
        help="days allowed for a response (default: 21)",
    )
    p.add_argument(
        "--format",
        choices=["table", "csv", "json"],
        default="table",
        help="table: columns for reading (House-style dates); csv or json: the site's field "
        "names and timestamps, for spreadsheets and scripts (default: table)",
    )


def _add_show(commands: Subcommands) -> None:
    p = commands.add_parser("show", help="everything stored about one petition")
    p.add_argument("id", type=record_number, metavar="ID", help="the e-petition number")
    p.add_argument(
        "--format",
        choices=["text", "json"],
        default="text",
        help="text: for reading; json: every stored field under the site's names (default: text)",
    )


def _add_demo(commands: Subcommands) -> None:
    p = commands.add_parser("demo", help="fill the database with generated demo petitions")
    p.add_argument(
        "--petitions",
        type=demo_petitions,
        default=2000,
        metavar="N",
        help=f"how many (default 2,000; at most {MAX_DEMO_PETITIONS:,})",
    )
    p.add_argument(
        "--seed",
        type=int,
        default=1,
        metavar="S",
        help="the same seed gives the same petitions (default: 1)",
    )


def _import(db: Database, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    progress = terminal_progress(err)
    try:
        summary = import_paths(db.engine, args.paths, progress=progress)
    except KeyboardInterrupt:
        print(f"\n{PROG}: import interrupted; files already imported are kept", file=err)
        return 130
    clear_progress(err)
    # File names and reasons quote what came from outside: escape sequences are shown, not run.
    for name, reason in summary.failures:
        print(one_line(f"{name}: {reason}"), file=err)
    if summary.stopped is not None:
        print(f"{PROG}: {one_line(_stopped_advice(summary.stopped))}", file=err)
    print(one_line(summary.line()), file=out)
    if summary.events:
        print(one_line(summary.events_line()), file=out)
    return 1 if summary.failed or summary.stopped is not None else 0


def _stopped_advice(reason: str) -> str:
    return (
        f"the import stopped: {reason}; run the same import again once there is room "
        "(files already stored are skipped)"
    )


def _list(db: Database, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    service = PetitionService(db)
    data = service.data_date()
    query = PetitionQuery(
        queue=Queue(args.queue),
        state=args.state,
        search=args.search,
        as_of=args.as_of or data.as_of,
        response_days=args.response_days,
    )
    if args.search and search_words(args.search).trimmed:
        say(err, f"{PROG}: the search uses its first {MAX_WORDS} words, each up to "
            f"{MAX_WORD_LENGTH} letters")  # fmt: skip
    rows = service.list_petitions(query)
    with_age = age_column(query.queue) is not None
    # Where a first response is awaited, the clerk records chasing the department.
    shape = {"with_age": with_age, "with_chases": query.queue in FIRST_RESPONSE_QUEUES}
    notice = "" if args.as_of else data.notice()
    if args.format == "json":
        _stale_notice(err, notice)
        write_json(out, formats.list_json(rows, **shape))
        return 0
    if args.format == "csv":
        _stale_notice(err, notice)
        write_text(out, formats.list_csv(rows, **shape))
        return 0
    table = formats.list_table(rows, **shape)
    write_text(out, f"{notice}\n\n{table}" if notice else table)
    return 0


def _stale_notice(err: TextIO, notice: str) -> None:
    # JSON and CSV stay machine-readable on stdout; the warning goes beside them.
    if notice:
        say(err, f"{PROG}: {notice}")


def _show(db: Database, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    service = PetitionService(db)
    data = service.data_date()
    detail = service.get_petition(args.id, as_of=data.as_of)
    if args.format == "json":
        _stale_notice(err, data.notice())
        write_json(out, formats.detail_json(detail))
    else:
        text = detail_text(detail)
        write_text(out, f"{data.notice()}\n\n{text}" if data.stale else text)
    return 0


def _demo(db: Database, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from caseworker.demo import generate_demo

    try:
        summary = generate_demo(
            db.engine, petitions=args.petitions, seed=args.seed, progress=terminal_progress(err)
        )
    except (KeyboardInterrupt, Cancelled):
        print(f"\n{PROG}: demo generation interrupted", file=err)
        return 130
    clear_progress(err)
    written = counted(summary.petitions, "demo petition")
    print(f"{written} written (seed {summary.seed})", file=out)
    return 0


COMMANDS: dict[str, Handler] = {
    "import": _import,
    "list": _list,
    "show": _show,
    "demo": _demo,
}
