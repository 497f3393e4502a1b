"""``related ID``: the stored petitions most like one petition, and why they match."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from typing import Any, TextIO

from caseworker.cli.common import (
    Handler,
    Subcommands,
    record_number,
    say,
    whole_number,
    write_json,
    write_text,
)
from caseworker.formatting import count, counted
from caseworker.services.formats import one_line, text_table
from caseworker.services.related import DEFAULT_LIMIT, RelatedPetition, RelatedService
from caseworker.storage.engine import Database

#: A mistyped database path is refused rather than created empty.
READ_ONLY = {"related"}
MOST_RELATED = 100
#: Indexing this many petitions first takes long enough to say so.
WORTH_SAYING = 1_000


def add_parsers(commands: Subcommands) -> None:
    p = commands.add_parser(
        "related",
        help="the stored petitions most like one petition (open, closed, archived and "
        "rejected), ranked, with why each matches",
    )
    p.add_argument("id", type=record_number, metavar="ID", help="the e-petition number")
    p.add_argument(
        "--limit",
        type=whole_number(1, MOST_RELATED, "petitions"),
        default=DEFAULT_LIMIT,
        metavar="N",
        help=f"how many petitions (default {DEFAULT_LIMIT}, at most {MOST_RELATED})",
    )
    p.add_argument("--format", choices=["table", "json"], default="table")


def _related(db: Database, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    service = RelatedService(db)
    stale = service.stale_count()
    if stale >= WORTH_SAYING:
        say(err, f"Indexing {count(stale)} petitions for related searches (once; later "
            "searches index only new captures)…")  # fmt: skip
    found = service.related(args.id, args.limit)
    if args.format == "json":
        write_json(out, json.dumps([related_record(r) for r in found], ensure_ascii=False,
                                   indent=2))  # fmt: skip
    else:
        write_text(out, related_table(found))
    return 0


def related_record(r: RelatedPetition) -> dict[str, Any]:
    return {
        "id": r.id,
        "action": r.action,
        "state": r.state,
        "signature_count": r.signature_count,
        "score": r.score,
        "reasons": list(r.reasons),
    }


def related_table(found: Sequence[RelatedPetition]) -> str:
    if not found:
        return "No related petitions: it shares no distinctive words with another petition."
    headers = ["ID", "State", "Signatures", "Score", "Why", "Petition"]
    body = [
        [str(r.id), r.state, count(r.signature_count), f"{r.score:,.1f}",
         one_line("; ".join(r.reasons), 60), one_line(r.action)]
        for r in found
    ]  # fmt: skip
    return f"{text_table(headers, body)}\n{counted(len(found), 'related petition')}"


COMMANDS: dict[str, Handler] = {"related": _related}
