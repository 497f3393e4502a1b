"""Commands that finish the casework loop: review a response, move a request along, chase an
overdue first response, record a meeting's decision, print the meeting's agenda.

The same services as the window; a refusal is one line with exit code 1.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from caseworker.cli.common import (
    CommandError,
    Handler,
    Subcommands,
    iso_date,
    record_number,
    refusals,
    say,
)
from caseworker.domain.casework import Answer, Decision, Verdict
from caseworker.formatting import long_date
from caseworker.services.casework import (
    CaseworkServices,
)
from caseworker.services.casework.agenda_pdf import agenda_lines, write_agenda
from caseworker.services.casework.requests import RevisionRequestService
from caseworker.services.dto import RevisionRequestView
from caseworker.storage.engine import Database

READ_ONLY = {"agenda"}
ANSWERS = [a.value for a in Answer]


def add_parsers(commands: Subcommands) -> None:
    _review_parser(commands)
    _request_parsers(commands)
    p = commands.add_parser(
        "chase-response",
        help="record that the department was chased for an overdue Government response",
    )
    _petition_arg(p)
    p.add_argument("--on", type=iso_date, metavar="YYYY-MM-DD", help="when (default: today)")
    p.add_argument("--note", default="", metavar="TEXT", help="how, and whom, you chased")
    p = commands.add_parser("decide", help="record the Committee's decision on a petition")
    p.add_argument("meets_on", type=iso_date, metavar="MEETING_DATE",
                   help="the day of the meeting (YYYY-MM-DD)")  # fmt: skip
    _petition_arg(p)
    p.add_argument("decision", choices=[d.value for d in Decision], metavar="DECISION",
                   help="one of: " + ", ".join(d.value for d in Decision))  # fmt: skip
    p.add_argument("--notes", default="", metavar="TEXT")
    p = commands.add_parser(
        "agenda",
        help="the meeting's agenda (meeting papers) as a PDF or an accessible HTML page, or a "
        "list on screen",
    )
    p.add_argument("meets_on", type=iso_date, metavar="MEETING_DATE",
                   help="the day of the meeting (YYYY-MM-DD)")  # fmt: skip
    p.add_argument("-o", "--output", type=Path, metavar="FILE",
                   help="save the meeting papers: FILE.pdf, or FILE.html for the accessible "
                   "edition")  # fmt: skip


def _review_parser(commands: Subcommands) -> None:
    p = commands.add_parser("review", help="record your review of a petition's response")
    _petition_arg(p)
    p.add_argument("--verdict", required=True, choices=[v.value for v in Verdict],
                   help="your recommendation")  # fmt: skip
    p.add_argument("--answers", choices=ANSWERS, help="does the response answer the request?")
    p.add_argument("--position", choices=ANSWERS,
                   help="does it state the Government's position?")  # fmt: skip
    p.add_argument("--notes", default="", metavar="TEXT")
    p.add_argument("--version", metavar="ID", type=record_number,
                   help="the response version reviewed (default: the current one)")  # fmt: skip


def _request_parsers(commands: Subcommands) -> None:
    p = commands.add_parser("mark-sent", help="record that a draft request was sent")
    _request_arg(p)
    p.add_argument("--on", type=iso_date, metavar="YYYY-MM-DD", help="when (default: today)")
    p.add_argument("--due", type=iso_date, metavar="YYYY-MM-DD",
                   help="when the revised response is due (default: the team's days)")  # fmt: skip
    p = commands.add_parser("chase", help="record that a sent request was chased")
    _request_arg(p)
    p.add_argument("--on", type=iso_date, metavar="YYYY-MM-DD", help="when (default: today)")
    p.add_argument("--note", default="", metavar="TEXT")
    for name, what in (("accept", "accept the revised response a request received"),
                       ("withdraw", "withdraw a request")):  # fmt: skip
        p = commands.add_parser(name, help=what)
        _request_arg(p)


def _petition_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("petition_id", type=record_number, metavar="PETITION_ID",
                   help="the e-petition number")  # fmt: skip


def _request_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("request_id", type=record_number, metavar="REQUEST_ID",
                   help="the request's number (see the requests command)")  # fmt: skip


def _services(db: Database) -> CaseworkServices:
    return CaseworkServices.open(db)


def _review(db: Database, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    services = _services(db)
    with refusals():
        pane = services.reviews.pane(args.petition_id)
        version = args.version or next((v.id for v in pane.versions if v.is_current), None)
        if version is None:
            raise CommandError(f"petition {args.petition_id} has no Government response yet")
        review = services.reviews.save_review(
            args.petition_id, version, Verdict(args.verdict), answers_request=args.answers,
            states_position=args.position, notes=args.notes,
        )  # fmt: skip
    print(review.id, file=out)
    say(
        err, f"review {review.id} of petition {review.petition_id}: {Verdict(review.verdict).label}"
    )
    return 0


def _mark_sent(db: Database, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    request = _move_request(db, args, lambda r, c: r.mark_sent(c.id, c.version, args.on, args.due))
    due = long_date(request.due_on) if request.due_on else "no date"
    sent = long_date(request.sent_on) if request.sent_on else "no date"
    say(err, f"request {request.id} sent on {sent}, due {due}")
    return 0


def _chase(db: Database, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    request = _move_request(db, args, lambda r, c: r.chase(c.id, c.version, args.on, args.note))
    chased = long_date(request.last_chased_on) if request.last_chased_on else "no date"
    say(err, f"request {request.id} chased on {chased}")
    return 0


def _accept(db: Database, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    request = _move_request(db, args, lambda r, c: r.accept(c.id, c.version))
    say(err, f"request {request.id}: revised response accepted")
    return 0


def _withdraw(db: Database, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    request = _move_request(db, args, lambda r, c: r.withdraw(c.id, c.version))
    say(err, f"request {request.id} withdrawn")
    return 0


def _move_request(
    db: Database,
    args: argparse.Namespace,
    move: Callable[[RevisionRequestService, RevisionRequestView], RevisionRequestView],
) -> RevisionRequestView:
    """Apply ``move`` to the request as stored now (its version guards a colleague's edit)."""
    requests = _services(db).requests
    with refusals():
        return move(requests, requests.get(args.request_id))


def _chase_response(db: Database, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    with refusals():
        chase = _services(db).response_chases.chase(args.petition_id, args.on, args.note)
    print(chase.id, file=out)
    say(err, f"petition {chase.petition_id}: department chased on {long_date(chase.chased_on)}")
    return 0


def _decide(db: Database, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    meetings = _services(db).meetings
    with refusals():
        _view, items = meetings.agenda_for(args.meets_on)
        item = next((i for i in items if i.petition_id == args.petition_id), None)
        meeting = meetings.open_meeting(args.meets_on)
        decision = meetings.record_decision(
            meeting.recorded_id, args.petition_id, Decision(args.decision), notes=args.notes,
            response_version_id=item.response_version_id if item else None,
            request_id=item.request_id if item else None,
            expected_version=item.decision.version if item and item.decision else None,
        )  # fmt: skip
    say(err, f"meeting of {long_date(args.meets_on)}: petition {args.petition_id}: "
        f"{Decision(decision.decision).label}")  # fmt: skip
    return 0


def _agenda(db: Database, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    meetings = _services(db).meetings
    with refusals():
        view, items = meetings.agenda_for(args.meets_on)
        if args.output is None:
            for line in agenda_lines(view, items):
                say(out, line)
            return 0
        write_agenda(view, items, args.output)
    say(err, f"agenda of {len(items)} item{'s' if len(items) != 1 else ''} written to "
        f"{args.output}")  # fmt: skip
    return 0


COMMANDS: dict[str, Handler] = {
    "review": _review,
    "mark-sent": _mark_sent,
    "chase": _chase,
    "accept": _accept,
    "withdraw": _withdraw,
    "chase-response": _chase_response,
    "decide": _decide,
    "agenda": _agenda,
}
