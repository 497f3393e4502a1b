"""Commands for the Committee's decisions on petitions at 100,000 signatures: decline with
the reason, or schedule, defer, group or seek information first; and a petition's history of
such decisions.

The same services as the window; a refusal is one line with exit code 1.
"""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

from caseworker.cli.common import (
    CommandError,
    Handler,
    Subcommands,
    iso_date,
    record_number,
    refusals,
    say,
    write_json,
    write_text,
)
from caseworker.domain.debates import DECLINE_REASONS, DebateDecisionKind
from caseworker.formatting import counted, long_date, short_date
from caseworker.services.debates.decisions import DebateDecisionService, DebateDecisionView
from caseworker.services.formats import one_line, plain, text_table
from caseworker.services.petitions import PetitionService
from caseworker.storage.engine import Database

READ_ONLY = {"debate-decisions"}
#: ``decide-debate``'s choices, as options (``decide`` is the meeting's decision on a response).
CHOICES = {
    "schedule": DebateDecisionKind.SCHEDULE,
    "defer": DebateDecisionKind.DEFER,
    "seek_information": DebateDecisionKind.SEEK_INFORMATION,
}


def add_parsers(commands: Subcommands) -> None:
    p = commands.add_parser(
        "decline", help="record that the Committee decided not to schedule a debate on a "
        "petition past 100,000 signatures",
    )  # fmt: skip
    _petition_arg(p)
    p.add_argument("--reason", required=True, metavar="TEXT",
                   help="why, in the Committee's words (e.g. " +
                   "; ".join(f'"{r}"' for r in DECLINE_REASONS[:3]) + ")")  # fmt: skip
    p.add_argument("--debates", default="", metavar="TEXT",
                   help='the earlier debates named ("7 July 2025, e-petition 700143")')  # fmt: skip
    _meeting_args(p)
    p = commands.add_parser(
        "decide-debate",
        help="record the Committee's other decisions at 100,000 signatures: schedule a debate, "
        "defer, seek more information first, or debate it with another petition",
    )
    _petition_arg(p)
    choice = p.add_mutually_exclusive_group(required=True)
    choice.add_argument(
        "--schedule", action="store_true",
        help="schedule a debate (on --day, or proposed with no date yet)",
    )  # fmt: skip
    choice.add_argument("--defer", action="store_true", help="defer the decision")
    choice.add_argument("--seek-information", action="store_true",
                        help="seek more information before deciding")  # fmt: skip
    choice.add_argument("--group-with", type=record_number, metavar="ID",
                        help="debate it with this e-petition (joining its debate, or proposing "
                        "one of both)")  # fmt: skip
    p.add_argument("--reason", default="", metavar="TEXT", help="the Committee's reason")
    p.add_argument("--day", type=iso_date, metavar="YYYY-MM-DD",
                   help="the Monday of the debate (--schedule, --group-with)")  # fmt: skip
    p.add_argument(
        "--member",
        metavar="NAME",
        help="the Committee member opening the debate (from the Members list)",
    )
    p.add_argument("--debate", type=record_number, metavar="ID",
                   help="--schedule into this debate already recorded")  # fmt: skip
    _meeting_args(p)
    p = commands.add_parser(
        "debate-decisions", help="the Committee's decisions at 100,000 on a petition, newest first"
    )
    _petition_arg(p)
    p.add_argument("--format", choices=["table", "json"], default="table")


def _petition_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("petition_id", type=record_number, metavar="PETITION_ID",
                   help="the e-petition number")  # fmt: skip


def _meeting_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--meeting", type=iso_date, metavar="YYYY-MM-DD",
                   help="the meeting that decided (recorded if new)")  # fmt: skip
    p.add_argument(
        "--on", type=iso_date, metavar="YYYY-MM-DD",
        help="the day it was decided (default: the meeting's day, else today)",
    )  # fmt: skip


def _record(db: Database, args: argparse.Namespace, out: TextIO, err: TextIO,
            kind: DebateDecisionKind, **options: Any) -> int:  # fmt: skip
    service = DebateDecisionService(db)
    with refusals():
        made = service.record(
            args.petition_id, kind, reason=args.reason, meeting_on=args.meeting,
            decided_on=args.on, **options,
        )  # fmt: skip
    print(made.id, file=out)
    at = f"meeting of {long_date(made.meets_on)}" if made.meets_on else long_date(made.decided_on)
    say(err, f"{at}: e-petition {made.petition_id}: {made.summary}")
    return 0


def _decline(db: Database, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    return _record(db, args, out, err, DebateDecisionKind.DECLINE, debates_named=args.debates)


def _decide_debate(db: Database, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.group_with is not None:
        kind = DebateDecisionKind.GROUP
    else:
        kind = next(k for name, k in CHOICES.items() if getattr(args, name))
    placing = kind in (DebateDecisionKind.SCHEDULE, DebateDecisionKind.GROUP)
    if not placing and (args.day or args.member or args.debate):
        raise CommandError("--day, --member and --debate go with --schedule or --group-with")
    if args.debate is not None and kind is not DebateDecisionKind.SCHEDULE:
        raise CommandError("--debate goes with --schedule")
    options: dict[str, Any] = {"group_with": args.group_with}
    if placing:
        options |= {"day": args.day, "opening_member": args.member, "debate_id": args.debate}
    return _record(db, args, out, err, kind, **options)


def _debate_decisions(db: Database, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    PetitionService(db).get_petition(args.petition_id)  # refuses an unknown number
    rows = DebateDecisionService(db).history(args.petition_id)
    if args.format == "json":
        write_json(out, json.dumps([_record_json(r) for r in rows], ensure_ascii=False, indent=2))
        return 0
    headers = ["No.", "Decided", "Meeting", "Decision", "By"]
    body = [
        [str(r.id), short_date(r.decided_on), short_date(r.meets_on) if r.meets_on else "",
         one_line(r.summary), r.decided_by]
        for r in rows
    ]  # fmt: skip
    write_text(out, f"{text_table(headers, body)}\n{counted(len(rows), 'decision')}")
    return 0


def _record_json(r: DebateDecisionView) -> dict[str, Any]:
    return {
        "id": r.id,
        "petition_id": r.petition_id,
        "decision": r.decision,
        "label": r.label,
        "reason": r.reason,
        "debates_named": r.debates_named,
        "debate_id": r.debate_id,
        "group_with": r.group_with_id,
        "decided_on": plain(r.decided_on),
        "meeting_on": plain(r.meets_on),
        "decided_by": r.decided_by,
    }


COMMANDS: dict[str, Handler] = {
    "decline": _decline,
    "decide-debate": _decide_debate,
    "debate-decisions": _debate_decisions,
}
