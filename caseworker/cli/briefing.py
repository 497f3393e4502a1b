"""Commands for debate briefing packs: one pack for chosen petitions, or a date range."""

from __future__ import annotations

import argparse
from datetime import time
from pathlib import Path
from typing import TextIO

from caseworker.briefing import ALL_SECTIONS, PackError, PackOptions, Section, parse_sections
from caseworker.briefing.html_edition import is_html_path, write_pack_html
from caseworker.briefing.model import DEFAULT_DEBATE_TIME
from caseworker.cli.common import (
    PROG,
    CommandError,
    Handler,
    Subcommands,
    clear_progress,
    iso_date,
    record_number,
    say,
    terminal_progress,
)
from caseworker.formatting import DATE_FORMS
from caseworker.jobs import Cancelled
from caseworker.pdf.fonts import FontsMissing
from caseworker.services.briefing import BriefingService
from caseworker.services.casework.common import RecordNotFound
from caseworker.storage.engine import Database

#: Both only read the database (they write PDF or HTML files).
READ_ONLY = {"brief", "briefs"}
SECTION_NAMES = ", ".join(s.value for s in Section)


def add_parsers(commands: Subcommands) -> None:
    p = commands.add_parser(
        "brief",
        help="write a debate briefing pack (PDF, or HTML by the file name) for one or more "
        "petitions debated together",
    )
    p.add_argument(
        "ids",
        nargs="*",
        type=record_number,
        metavar="ID",
        help="e-petition numbers debated together (one pack covers them all); or give --debate",
    )
    p.add_argument(
        "--debate",
        type=record_number,
        metavar="DEBATE_ID",
        help="the Committee's debate record: its petitions, day, time, opening Member, "
        "motion, Minister, summary, public engagement and parliamentary material",
    )
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="FILE",
        help="the file to write: FILE.pdf for the printed pack, FILE.html for its accessible "
        "HTML edition (an existing file is replaced only once the pack is complete)",
    )
    p.add_argument("--member", metavar="NAME", help="the Member opening the debate")
    p.add_argument(
        "--debate-date",
        type=iso_date,
        metavar="DATE",
        help=f"the debate's date ({DATE_FORMS}; default: the date the petition was debated "
        "or is scheduled for)",
    )
    _common_options(p)
    p.add_argument(
        "--reference",
        metavar="REF",
        help="the pack's reference on its cover (default: PC-DB-<date>-<first id>)",
    )

    b = commands.add_parser(
        "briefs",
        help="write a briefing pack for every debate in a date range, into a folder: the "
        "Committee's debate records, then debates known only from the site",
    )
    b.add_argument("first", type=iso_date, metavar="FROM", help=f"first debate date ({DATE_FORMS})")
    b.add_argument("last", type=iso_date, metavar="TO", help="last debate date, included")
    b.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="FOLDER",
        help="the folder the packs are written into, one PDF per debate",
    )
    _common_options(b)


def _common_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--sections",
        type=_sections,
        default=ALL_SECTIONS,
        metavar="LIST",
        help=f"the parts of the pack, separated by commas, from: {SECTION_NAMES} (default: all)",
    )
    p.add_argument(
        "--time",
        type=_clock,
        default=DEFAULT_DEBATE_TIME,
        metavar="HH:MM",
        help="the debate's start, 24-hour clock (default: 16:30)",
    )


def _sections(text: str) -> frozenset[Section]:
    try:
        return parse_sections(text)
    except PackError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _clock(text: str) -> time:
    try:
        return time.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a time such as 16:30") from None


def _brief(db: Database, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    path: Path = args.output
    if path.is_dir():
        raise CommandError(f"{path} is a folder; give the file to write, such as {path}/pack.pdf")
    if path.suffix.lower() != ".pdf" and not is_html_path(path):
        raise CommandError(
            f"{path}: a briefing pack is a PDF or an HTML page; the file name must end in "
            ".pdf or .html"
        )
    if bool(args.ids) == (args.debate is not None):
        raise CommandError("give the e-petition numbers or --debate DEBATE_ID (not both)")
    options = PackOptions(
        sections=args.sections,
        member=args.member,
        debate_date=args.debate_date,
        debate_time=args.time,
        reference=args.reference,
    )
    service = BriefingService(db)
    try:
        if is_html_path(path):
            return _brief_html(service, args, path, options, out)
        if args.debate is not None:
            result = service.write_pack_for_debate(
                args.debate, path, options, progress=terminal_progress(err)
            )
        else:
            result = service.write_pack(args.ids, path, options, progress=terminal_progress(err))
    except (PackError, FontsMissing) as exc:
        raise CommandError(str(exc)) from None
    except RecordNotFound as exc:
        raise CommandError(str(exc)) from None
    except (KeyboardInterrupt, Cancelled):
        print(f"\n{PROG}: interrupted; {path} was not written", file=err)
        return 130
    clear_progress(err)
    say(out, f"{result.path}: {result.pages} pages, reference {result.reference}")
    return 0


def _brief_html(
    service: BriefingService, args: argparse.Namespace, path: Path, options: PackOptions,
    out: TextIO,
) -> int:  # fmt: skip
    """The accessible HTML edition: the same pack, one page with no page numbers."""
    if args.debate is not None:
        pack = service.load_pack_for_debate(args.debate, options)
    else:
        pack = service.load_pack(args.ids, options)
    write_pack_html(pack, path)
    say(out, f"{path}: HTML edition, reference {pack.reference}")
    return 0


def _briefs(db: Database, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    options = PackOptions(sections=args.sections, debate_time=args.time)
    service = BriefingService(db)
    try:
        batch = service.write_batch(
            args.first, args.last, args.output, options, progress=terminal_progress(err)
        )
    except (PackError, FontsMissing) as exc:
        raise CommandError(str(exc)) from None
    except (KeyboardInterrupt, Cancelled):
        print(f"\n{PROG}: interrupted; packs already written are kept", file=err)
        return 130
    clear_progress(err)
    for pack in batch.packs:
        ids = ", ".join(str(i) for i in pack.petition_ids)
        say(out, f"{pack.path}: {pack.pages} pages (e-petition {ids})")
    if not batch.packs:
        print(f"no debates from {args.first} to {args.last}", file=out)
    return 0


COMMANDS: dict[str, Handler] = {"brief": _brief, "briefs": _briefs}
