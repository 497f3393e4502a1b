"""``members`` and ``signals``: where a petition's signatures come from, on the command line.

``members ID [ID…]`` lists the Members whose constituents signed most (by count or by rate
per 1,000 electors), over one petition or a debate of several; ``signals ID`` lists what is
worth a look in a petition's newest capture, including a jump in one seat since the
breakdown the newest replaced (kept by the database), or since earlier captures given as
files (``--earlier FILE``, the site's JSON).
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from caseworker import geography
from caseworker.cli.common import (
    CommandError,
    Handler,
    Subcommands,
    record_number,
    say,
    whole_number,
    write_json,
    write_text,
)
from caseworker.geography import Measure, MemberRow, PetitionGeography, Signal
from caseworker.geography.signals import stored_history
from caseworker.importing.importer import import_paths
from caseworker.services.dto import PetitionDetail
from caseworker.services.formats import text_table
from caseworker.services.petitions import PetitionNotFound, PetitionService
from caseworker.storage.engine import Database, open_database

#: A mistyped database path is refused rather than created empty.
READ_ONLY = {"members", "signals"}
MOST_MEMBERS = 650
#: Said by ``signals`` so nobody reads silence as "checked for jumps".
NO_HISTORY = (
    "Jumps in one seat between captures are not looked for: no earlier breakdown by "
    "constituency is kept for this petition yet (the database keeps the one a newer capture "
    "replaces); give an earlier capture with --earlier FILE."
)


def add_parsers(commands: Subcommands) -> None:
    p = commands.add_parser(
        "members",
        help="the Members whose constituents signed most, for one petition or a debate of "
        "several (signatures added up)",
    )
    p.add_argument("ids", nargs="+", type=record_number, metavar="ID", help="e-petition numbers")
    p.add_argument(
        "--by",
        choices=[m.value for m in Measure],
        default=Measure.COUNT.value,
        help="rank by the number of signatures (count) or per 1,000 electors (rate)",
    )
    p.add_argument(
        "--limit",
        type=whole_number(1, MOST_MEMBERS, "Members"),
        default=geography.members.DEFAULT_LIMIT,
        metavar="N",
        help=f"how many Members (default {geography.members.DEFAULT_LIMIT})",
    )
    p.add_argument("--format", choices=["table", "json"], default="table")
    p = commands.add_parser(
        "signals",
        help="what is worth a look in a petition's signatures (share from abroad, one seat "
        "far beyond the rest), from public data only",
    )
    p.add_argument("id", type=record_number, metavar="ID", help="the e-petition number")
    p.add_argument(
        "--earlier",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help="an earlier capture of the same petition (the site's JSON), to look for a jump "
        "in one seat since; may be given more than once",
    )
    p.add_argument("--format", choices=["table", "json"], default="table")


def _geographies(db: Database, ids: Sequence[int]) -> list[PetitionGeography]:
    service = PetitionService(db)
    as_of = service.data_date().as_of
    return [geography.petition_geography(service.get_petition(i, as_of=as_of)) for i in ids]


def _members(db: Database, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    ids = list(dict.fromkeys(args.ids))  # a petition named twice is counted once
    found = _geographies(db, ids)
    for each in found:
        if not each.has_breakdown:
            say(err, f"petition {each.petition_id} has no breakdown by constituency")
        for row in each.unmatched:
            say(err, f"petition {each.petition_id}: {row.name} ({row.signatures:,}): {row.reason}")
    rows = geography.members_to_invite(found, Measure(args.by), args.limit)
    if args.format == "json":
        write_json(out, json.dumps([member_record(r) for r in rows], ensure_ascii=False, indent=2))
    else:
        write_text(out, members_table(rows, len(found)))
    return 0


def member_record(row: MemberRow) -> dict[str, Any]:
    return {
        "rank": row.rank,
        "member": row.member,
        "party": row.party,
        "constituency": row.seat.name,
        "ons_code": row.seat.code,
        "signatures": row.signatures,
        "per_1000_electors": round(row.per_thousand, 2) if row.per_thousand is not None else None,
        "petitions": row.petitions,
    }


def members_table(rows: Sequence[MemberRow], petitions: int) -> str:
    headers = ["Rank", "Member", "Party", "Signed", "Per 1,000", "Constituency"]
    body = [
        [
            str(r.rank),
            r.member,
            r.party or "–",
            f"{r.signatures:,}",
            f"{r.per_thousand:,.1f}" if r.per_thousand is not None else "–",
            r.seat.name,
        ]
        for r in rows
    ]
    if not body:
        return "No constituency has signatures."
    summed = f" (signatures added up over {petitions} petitions)" if petitions > 1 else ""
    return (
        f"{text_table(headers, body)}\n{len(rows):,} Member{'s' if len(rows) != 1 else ''}{summed}"
    )


def _signals(db: Database, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    service = PetitionService(db)
    detail = service.get_petition(args.id, as_of=service.data_date().as_of)
    # Without files, the breakdown the newest capture replaced (if the database kept one).
    earlier = earlier_captures(args.earlier, args.id) or stored_history(detail)
    found = geography.signals(detail, history=earlier)
    note = compared(len(earlier))
    if args.format == "json":
        record = {"signals": [signal_record(s) for s in found], "note": note}
        write_json(out, json.dumps(record, ensure_ascii=False, indent=2))
    else:
        write_text(out, signals_text(found, note))
    return 0


def earlier_captures(paths: Sequence[Path], petition_id: int) -> list[PetitionDetail]:
    """Each file read as the application reads a capture: imported into a database of its
    own (two captures of one petition in one database would keep only the newer)."""
    found = []
    with tempfile.TemporaryDirectory(prefix="caseworker-earlier-") as folder:
        for index, path in enumerate(paths):
            database = open_database(str(Path(folder) / f"earlier-{index}.sqlite3"))
            try:
                found.append(_read_capture(database, path, petition_id))
            finally:
                database.dispose()
    return found


def _read_capture(database: Database, path: Path, petition_id: int) -> PetitionDetail:
    summary = import_paths(database.engine, [path])
    if summary.failures:
        raise CommandError(f"cannot read {path}: {summary.failures[0][1]}")
    try:
        return PetitionService(database).get_petition(petition_id)
    except PetitionNotFound:
        raise CommandError(f"{path} holds no capture of petition {petition_id}") from None


def compared(earlier: int) -> str:
    if not earlier:
        return NO_HISTORY
    return f"Compared seat by seat with {earlier} earlier capture{'s' if earlier != 1 else ''}."


def signal_record(signal: Signal) -> dict[str, Any]:
    return {
        "kind": signal.kind.value,
        "title": signal.title,
        "detail": signal.detail,
        "constituency": signal.seat.name if signal.seat else None,
        "ons_code": signal.seat.code if signal.seat else None,
        "value": signal.value,
        "usual": signal.usual,
    }


def signals_text(found: Sequence[Signal], note: str = NO_HISTORY) -> str:
    if not found:
        lines = ["Nothing stands out: no unusual share from abroad, no seat far beyond the rest."]
    else:
        lines = [f"{s.title}\n  {s.detail}" for s in found]
    return "\n".join([*lines, note])


COMMANDS: dict[str, Handler] = {"members": _members, "signals": _signals}
