"""``changes``: what happened to petitions on the site, as imports and syncs recorded it."""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

from caseworker.cli.common import Handler, Subcommands, iso_date, say, write_json, write_text
from caseworker.domain.rules import london_date, long_date
from caseworker.services.changes import ChangeService, ChangeView
from caseworker.services.formats import one_line, plain, text_table
from caseworker.storage.engine import Database

#: A mistyped database path is refused rather than created empty (there is nothing to mark).
READ_ONLY = {"changes"}


def add_parsers(commands: Subcommands) -> None:
    p = commands.add_parser(
        "changes",
        help="what changed on the site (thresholds crossed, responses, debates, closed, "
        "removed); by default the changes not yet marked seen",
    )
    p.add_argument(
        "--since",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="instead: every change that happened on or after this day, seen or not",
    )
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.add_argument("--mark-seen", action="store_true", help="mark the changes printed as seen")


def _changes(db: Database, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    service = ChangeService(db)
    rows = service.since(args.since) if args.since else service.unseen()
    if args.format == "json":
        write_json(out, changes_json(rows))
    else:
        write_text(out, changes_table(rows))
    if args.mark_seen:
        marked = service.mark_seen([r.id for r in rows])
        say(err, f"{marked:,} change{'s' if marked != 1 else ''} marked seen")
    return 0


def change_record(r: ChangeView) -> dict[str, Any]:
    return {
        "petition_id": r.petition_id,
        "action": r.action,
        "kind": r.kind,
        "at": plain(r.at),
        "seen_at": plain(r.seen_at),
    }


def changes_json(rows: list[ChangeView]) -> str:
    return json.dumps([change_record(r) for r in rows], ensure_ascii=False, indent=2)


def changes_table(rows: list[ChangeView]) -> str:
    headers = ["Petition", "Change", "When", "Seen", "Title"]
    body = [
        [
            str(r.petition_id),
            r.kind,
            long_date(london_date(r.at)),
            long_date(london_date(r.seen_at)) if r.seen_at else "",
            one_line(r.action),
        ]
        for r in rows
    ]
    count = f"{len(rows):,} change{'s' if len(rows) != 1 else ''}"
    return f"{text_table(headers, body)}\n{count}"


COMMANDS: dict[str, Handler] = {"changes": _changes}
