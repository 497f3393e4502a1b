"""Commands about revision requests: create one, list them (letters: caseworker.cli.letters)."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TextIO

from caseworker.cli.common import (
    Handler,
    Subcommands,
    iso_date,
    record_number,
    refusals,
    say,
    write_json,
    write_text,
)
from caseworker.domain.casework import RequestSort, RequestStatus
from caseworker.services.casework import (
    CaseworkServices,
)
from caseworker.services.casework.formats import requests_json, requests_table
from caseworker.services.casework.requests import sort_views
from caseworker.services.petitions import PetitionService
from caseworker.storage.engine import Database

READ_ONLY = {"requests"}


def add_parsers(commands: Subcommands) -> None:
    p = commands.add_parser(
        "request-revision",
        help="record a request (sent today) for a revised response to a petition's "
        "current Government response; prints its number",
    )
    p.add_argument("id", type=record_number, metavar="ID", help="the e-petition number")
    p.add_argument("--reason", required=True, metavar="TEXT",
                   help="which points of the petition the response did not address")  # fmt: skip
    p.add_argument("--due", type=iso_date, metavar="YYYY-MM-DD",
                   help="when the revised response is due (default: the team's setting, "
                   "21 days unless changed)")  # fmt: skip
    p.add_argument("--sent", type=iso_date, metavar="YYYY-MM-DD",
                   help="when it was sent, if not today")  # fmt: skip
    p.add_argument("--draft", action="store_true", help="record it as a draft, not yet sent")

    p = commands.add_parser("requests", help="list requests for revised responses")
    p.add_argument("--status", choices=[s.value for s in RequestStatus])
    p.add_argument("--petition", type=record_number, metavar="ID",
                   help="only requests about this petition")  # fmt: skip
    p.add_argument("--sort", choices=[s.value for s in RequestSort],
                   help="sort by due date, sent date, last chase, status or petition "
                   "(default: by number)")  # fmt: skip
    p.add_argument("--descending", action="store_true", help="latest (or highest) first")
    p.add_argument("--format", choices=["table", "json"], default="table")


def _services(db: Database) -> CaseworkServices:
    return CaseworkServices.open(db)


def _request_revision(db: Database, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    status = RequestStatus.DRAFT if args.draft else RequestStatus.SENT
    with refusals():
        request = _services(db).requests.create(
            args.id, args.reason, status=status, sent_on=args.sent, due_on=args.due
        )
    due = f", due {request.due_on.isoformat()}" if request.due_on else ""
    print(request.id, file=out)
    say(err, f"request {request.id} for petition {request.petition_id} ({request.status}{due})")
    return 0


def _requests(db: Database, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    status = RequestStatus(args.status) if args.status else None
    if args.petition is not None:
        PetitionService(db).get_petition(args.petition)  # refuses an unknown number
    rows = _services(db).requests.list_requests(status=status, petition_id=args.petition)
    if args.sort:
        rows = sort_views(rows, RequestSort(args.sort), args.descending)
    if args.format == "json":
        write_json(out, requests_json(rows, date.today()))
    else:
        write_text(out, requests_table(rows, date.today()))
    return 0


COMMANDS: dict[str, Handler] = {
    "request-revision": _request_revision,
    "requests": _requests,
}
