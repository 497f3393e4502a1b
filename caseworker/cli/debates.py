"""Commands for the Committee's debates: list and show them, schedule and change one, the
calendar of slots, recesses, extra slots and the Members the clerks work with.

The same services as the Debates window; a refusal (a slot already taken, a petition under
100,000 signatures, an unknown Member) is one line with exit code 1.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
from collections.abc import Sequence
from datetime import date, time, timedelta
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
from caseworker.domain.debates import DebateStatus
from caseworker.formatting import long_date, papers_clock, short_date, weekday_date
from caseworker.services.debates import DebateServices
from caseworker.services.debates.views import LINK_FIELDS, DebateView, MemberView
from caseworker.services.formats import text_table
from caseworker.storage.engine import Database

READ_ONLY = {"debates", "calendar"}
STATUSES = [s.value for s in DebateStatus]
FORMATS = ["table", "json", "csv"]
#: debate set's options for the outcome links (option → field).
LINK_OPTIONS = {f.replace("_url", "").replace("_", "-") + "-url": f for f in LINK_FIELDS}
#: How far ahead ``calendar`` looks when no --to is given.
CALENDAR_WEEKS = 12


def clock_time(value: str) -> time:
    """A time as a clerk types it: 16:30, 4.30pm or 4:30 pm."""
    match = re.fullmatch(r"\s*(\d{1,2})[:.](\d{2})\s*([ap]m)?\s*", value.lower())
    if match is None:
        raise argparse.ArgumentTypeError(f"{value!r} is not a time: give HH:MM (16:30) or 4.30pm")
    hour, minute, half = int(match[1]), int(match[2]), match[3]
    if half is not None and 1 <= hour <= 12:
        hour = hour % 12 + (12 if half == "pm" else 0)
    elif half is not None:
        hour = 99
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise argparse.ArgumentTypeError(f"{value!r} is not a time of day")
    return time(hour, minute)


def add_parsers(commands: Subcommands) -> None:
    p = commands.add_parser("debates", help="the Committee's debates, by day")
    p.add_argument("--from", dest="first", type=iso_date, metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="last", type=iso_date, metavar="YYYY-MM-DD")
    p.add_argument("--status", choices=STATUSES)
    p.add_argument("--format", choices=FORMATS, default="table")
    _debate_parser(commands)
    p = commands.add_parser(
        "schedule", help="record a debate of one or more petitions (grouped), in a slot"
    )
    p.add_argument("petition_ids", nargs="+", type=record_number, metavar="PETITION_ID")
    p.add_argument(
        "--date", dest="day", type=iso_date, metavar="YYYY-MM-DD",
        help="the slot's day (without it the debate is proposed, with no date yet)",
    )  # fmt: skip
    p.add_argument("--time", dest="starts_at", type=clock_time, default=time(16, 30),
                   metavar="HH:MM", help="default 16:30")  # fmt: skip
    p.add_argument("--place", default="Westminster Hall", metavar="TEXT")
    _speaker_options(p)
    p = commands.add_parser("calendar", help="the debate slots: free, booked, and recesses")
    p.add_argument("--from", dest="first", type=iso_date, metavar="YYYY-MM-DD",
                   help="default: today")  # fmt: skip
    p.add_argument("--to", dest="last", type=iso_date, metavar="YYYY-MM-DD",
                   help=f"default: {CALENDAR_WEEKS} weeks on")  # fmt: skip
    _recess_parser(commands)
    _slot_parser(commands)
    _member_parser(commands)


def _speaker_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--member", metavar="NAME", help="the opening Member (see `member list`)")
    p.add_argument("--minister", metavar="NAME", help="the Minister responding")
    p.add_argument("--department", metavar="NAME", help="the responding department")
    p.add_argument(
        "--relating-to", metavar="TEXT",
        help='the motion\'s "relating to" phrase (default: from the first title)',
    )  # fmt: skip


def _debate_parser(commands: Subcommands) -> None:
    p = commands.add_parser("debate", help="show a debate, or change it")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    show = actions.add_parser("show", help="everything recorded about one debate")
    show.add_argument("id", type=record_number, metavar="ID")
    show.add_argument("--format", choices=["table", "json"], default="table")
    change = actions.add_parser("set", help="change a debate's slot, speakers, status, outcome")
    change.add_argument("id", type=record_number, metavar="ID")
    change.add_argument("--date", dest="day", metavar="YYYY-MM-DD",
                        help='the day ("none": no date yet)')  # fmt: skip
    change.add_argument("--time", dest="starts_at", type=clock_time, metavar="HH:MM")
    change.add_argument("--place", metavar="TEXT")
    change.add_argument("--status", choices=STATUSES)
    change.add_argument("--summary", metavar="TEXT", help="the clerk's summary the pack prints")
    change.add_argument("--petitions", metavar="ID,ID", help="the petitions, in the motion's order")
    for option, f in LINK_OPTIONS.items():
        change.add_argument(f"--{option}", dest=f, metavar="URL")
    _speaker_options(change)


def _recess_parser(commands: Subcommands) -> None:
    p = commands.add_parser("recess", help="recesses: no petitions debates in them")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="enter a recess")
    add.add_argument("name", metavar="NAME", help='e.g. "Summer"')
    add.add_argument("starts_on", type=iso_date, metavar="FROM")
    add.add_argument("ends_on", type=iso_date, metavar="TO")
    actions.add_parser("list", help="every recess entered")
    remove = actions.add_parser("remove", help="remove a recess")
    remove.add_argument("id", type=record_number, metavar="ID")


def _slot_parser(commands: Subcommands) -> None:
    p = commands.add_parser("slot", help="extra debate slots beyond Mondays at 4.30pm")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="enter an extra slot")
    add.add_argument("day", type=iso_date, metavar="DATE")
    add.add_argument("--time", dest="starts_at", type=clock_time, required=True, metavar="HH:MM")
    add.add_argument("--place", default="Westminster Hall", metavar="TEXT")
    add.add_argument("--note", default="", metavar="TEXT")
    remove = actions.add_parser("remove", help="remove an extra slot no debate is in")
    remove.add_argument("id", type=record_number, metavar="ID")


def _member_parser(commands: Subcommands) -> None:
    p = commands.add_parser("member", help="the Members the clerks work with (list, add, ...)")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="every Member kept, Committee members first")
    listing.add_argument("--committee", action="store_true", help="Committee members only")
    listing.add_argument("--format", choices=["table", "json"], default="table")
    add = actions.add_parser("add", help="add a Member")
    add.add_argument("name", metavar="NAME", help='e.g. "Jane Smith" (without "MP")')
    _member_options(add)
    edit = actions.add_parser("edit", help="change a Member")
    edit.add_argument("id", type=record_number, metavar="ID")
    edit.add_argument("--name", metavar="NAME")
    _member_options(edit)
    edit.add_argument("--not-committee", dest="committee", action="store_false",
                      help="no longer a Committee member")  # fmt: skip
    remove = actions.add_parser("remove", help="remove a Member no debate names")
    remove.add_argument("id", type=record_number, metavar="ID")


def _member_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--constituency", metavar="NAME")
    p.add_argument("--party", metavar="NAME")
    p.add_argument("--committee", action="store_true", default=None,
                   help="a member of the Petitions Committee")  # fmt: skip


def _services(db: Database) -> DebateServices:
    return DebateServices.open(db)


# Debates -----------------------------------------------------------------------------------


def _debates(db: Database, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    found = _services(db).debates.debates(first=args.first, last=args.last, status=args.status)
    if args.format == "json":
        write_json(out, json.dumps([debate_record(d) for d in found], ensure_ascii=False,
                                   indent=2))  # fmt: skip
    elif args.format == "csv":
        write_text(out, debates_csv(found))
    elif not found:
        say(err, "no debates recorded" + (" in that range" if args.first or args.last else ""))
    else:
        write_text(out, debates_table(found))
    return 0


def debate_record(d: DebateView) -> dict[str, Any]:
    """A debate for JSON: dates as ISO, the Member by name."""
    return {
        "id": d.id, "petitions": list(d.petition_ids),
        "day": d.day.isoformat() if d.day else None,
        "starts_at": d.starts_at.isoformat(timespec="minutes"),
        "place": d.place, "status": d.status, "relating_to": d.relating_to, "motion": d.motion,
        "opening_member": d.opening_member.styled if d.opening_member else None,
        "opening_member_constituency": d.opening_member.constituency if d.opening_member
        else None,
        "department": d.department, "minister": d.minister, "summary": d.summary,
        **{f: getattr(d, f) or None for f in LINK_FIELDS},
        "disagreements": [x.message for x in d.disagreements], "version": d.version,
    }  # fmt: skip


def debates_table(found: Sequence[DebateView]) -> str:
    body = [
        [str(d.id), short_date(d.day) if d.day else "no date", papers_clock(d.starts_at),
         DebateStatus(d.status).label, ", ".join(str(i) for i in d.petition_ids),
         d.opening_member.styled if d.opening_member else "", d.title]
        for d in found
    ]  # fmt: skip
    return text_table(["ID", "Day", "Time", "Status", "Petitions", "Opening", "Debate"], body)


def debates_csv(found: Sequence[DebateView]) -> str:
    buffer = io.StringIO()
    columns = ["id", "petitions", "day", "starts_at", "place", "status", "opening_member",
               "department", "minister", "motion", *LINK_FIELDS]  # fmt: skip
    writer = csv.DictWriter(buffer, columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for d in found:
        row = debate_record(d)
        row["petitions"] = " ".join(str(i) for i in d.petition_ids)
        writer.writerow(row)
    return buffer.getvalue()


def debate_text(d: DebateView) -> str:
    member = d.opening_member.label if d.opening_member else "not chosen yet"
    lines = [
        f"Debate {d.id}: {d.title}",
        f"When:      {d.when}, {d.place}",
        f"Status:    {DebateStatus(d.status).label}",
        f"Motion:    {d.motion}",
        f"Opening:   {member}",
        f"Responding: {d.minister or 'Minister not named yet'} ({d.department or 'no department'})",
    ]
    lines += [f"Petition:  {p.petition_id} ({p.signature_count:,} signatures): {p.action}"
              for p in d.petitions]  # fmt: skip
    lines += [f"{f.replace('_url', '').replace('_', ' ').capitalize()}: {getattr(d, f)}"
              for f in LINK_FIELDS if getattr(d, f)]  # fmt: skip
    if d.summary:
        lines += ["", "Summary:", d.summary]
    lines += [f"Warning:   {x.message}" for x in d.disagreements]
    lines.append(f"Changed {long_date(d.updated_at)} by {d.updated_by or 'unknown'}")
    return "\n".join(lines)


def _debate(db: Database, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    service = _services(db).debates
    with refusals():
        debate = service.get(args.id)
        if args.action == "show":
            if args.format == "json":
                write_json(out, json.dumps(debate_record(debate), ensure_ascii=False, indent=2))
            else:
                write_text(out, debate_text(debate))
            return 0
        changes = _set_changes(args)
        if args.petitions is not None:
            debate = service.set_petitions(debate.id, _ids(args.petitions), debate.version)
        if changes:
            debate = service.update(debate.id, debate.version, **changes)
    say(err, f"debate {debate.id}: {debate.when}, {DebateStatus(debate.status).label}")
    return 0


def _set_changes(args: argparse.Namespace) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    if args.day is not None:
        changes["day"] = None if args.day.strip().lower() in ("none", "") else _day(args.day)
    names = ("starts_at", "place", "status", "summary", "minister", "department",
             "relating_to", *LINK_FIELDS)  # fmt: skip
    changes |= {n: getattr(args, n) for n in names if getattr(args, n) is not None}
    if args.member is not None:
        changes["opening_member"] = args.member
    return changes


def _day(text: str) -> date:
    try:
        return iso_date(text)
    except argparse.ArgumentTypeError as exc:
        raise CommandError(f"--date: {exc}") from None


def _ids(text: str) -> list[int]:
    try:
        return [int(part) for part in re.split(r"[,\s]+", text.strip()) if part]
    except ValueError:
        raise CommandError(
            f"--petitions: {text!r} is not a list of numbers (724432,724500)"
        ) from None


def _schedule(db: Database, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    with refusals():
        debate = _services(db).debates.schedule(
            args.petition_ids, day=args.day, starts_at=args.starts_at, place=args.place,
            relating_to=args.relating_to, opening_member=args.member,
            department=args.department, minister=args.minister or "",
        )  # fmt: skip
    print(debate.id, file=out)
    say(err, f"debate {debate.id} {DebateStatus(debate.status).value}: {debate.when}; "
        f"{debate.motion}")  # fmt: skip
    return 0


# The calendar ------------------------------------------------------------------------------


def _calendar(db: Database, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    services = _services(db)
    first = args.first or services.calendar.clock.today()
    last = args.last or first + timedelta(weeks=CALENDAR_WEEKS)
    with refusals():
        view = services.calendar.calendar(first, last)
    body = []
    for s in view.slots:
        d = s.debate
        holds = f"debate {d.id}: {DebateStatus(d.status).label}, {d.title}" if d else "free"
        extra = f"extra slot {s.extra_slot_id}" + (f": {s.note}" if s.note else "") if (
            s.extra_slot_id
        ) else ""  # fmt: skip
        body.append([weekday_date(s.day), papers_clock(s.starts_at), extra, holds])
    lines = [text_table(["Day", "Time", "Slot", "Holds"], body)] if body else [
        f"no debate slots from {long_date(first)} to {long_date(last)}"
    ]  # fmt: skip
    lines += [f"Recess {r.id}: {r.name}, {long_date(r.starts_on)} to {long_date(r.ends_on)}"
              for r in view.recesses]  # fmt: skip
    lines += [f"To place: debate {d.id} ({d.when}, {d.status}): {d.title}" for d in view.unplaced]
    lines += [f"Waiting for a decision: {w.petition_id} ({w.signature_count:,}): {w.action}"
              for w in view.waiting]  # fmt: skip
    write_text(out, "\n".join(lines))
    return 0


def _recess(db: Database, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    calendar = _services(db).calendar
    with refusals():
        if args.action == "add":
            recess = calendar.add_recess(args.name, args.starts_on, args.ends_on)
            print(recess.id, file=out)
            say(err, f"recess {recess.id}: {recess.name}, {long_date(recess.starts_on)} to "
                f"{long_date(recess.ends_on)}")  # fmt: skip
        elif args.action == "remove":
            calendar.delete_recess(args.id)
            say(err, f"recess {args.id} removed")
        else:
            body = [[str(r.id), r.name, long_date(r.starts_on), long_date(r.ends_on)]
                    for r in calendar.recesses()]  # fmt: skip
            write_text(out, text_table(["ID", "Recess", "From", "To"], body) if body
                       else "no recesses entered")  # fmt: skip
    return 0


def _slot(db: Database, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    calendar = _services(db).calendar
    with refusals():
        if args.action == "add":
            slot = calendar.add_extra_slot(args.day, args.starts_at, args.place, args.note)
            print(slot.id, file=out)
            say(err, f"slot {slot.id}: {weekday_date(slot.day)} at {papers_clock(slot.starts_at)}")
        else:
            calendar.delete_extra_slot(args.id)
            say(err, f"slot {args.id} removed")
    return 0


# Members -----------------------------------------------------------------------------------


def _member(db: Database, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    members = _services(db).members
    with refusals():
        if args.action == "list":
            _member_list(members.members(committee_only=args.committee), args.format, out)
            return 0
        if args.action == "remove":
            member = members.get(args.id)
            members.delete(member.id, member.version)
            say(err, f"{member.styled} removed")
            return 0
        given = (("constituency", args.constituency), ("party", args.party),
                 ("committee_member", args.committee))  # fmt: skip
        fields = {k: v for k, v in given if v is not None}
        if args.action == "add":
            member = members.add(args.name, **fields)
            print(member.id, file=out)
        else:
            current = members.get(args.id)
            if args.name is not None:
                fields["name"] = args.name
            member = members.update(current.id, current.version, **fields)
    say(err, f"member {member.id}: {member.label}")
    return 0


def _member_list(found: Sequence[MemberView], format_: str, out: TextIO) -> None:
    if format_ == "json":
        records = [
            {"id": m.id, "name": m.name, "constituency": m.constituency, "party": m.party,
             "committee_member": m.committee_member}
            for m in found
        ]  # fmt: skip
        write_json(out, json.dumps(records, ensure_ascii=False, indent=2))
        return
    body = [[str(m.id), m.styled, m.constituency, m.party, "yes" if m.committee_member else ""]
            for m in found]  # fmt: skip
    write_text(out, text_table(["ID", "Member", "Constituency", "Party", "Committee"], body)
               if body else "no Members kept: add one with `member add NAME`")  # fmt: skip


COMMANDS: dict[str, Handler] = {
    "debates": _debates,
    "debate": _debate,
    "schedule": _schedule,
    "calendar": _calendar,
    "recess": _recess,
    "slot": _slot,
    "member": _member,
}
