"""Commands about letters: write one, keep it with the case, list those kept, and the team's
letter settings (named recipients per department, signatories, contact details)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from caseworker.cli.common import (
    CommandError,
    Handler,
    Subcommands,
    record_number,
    refusals,
    say,
    write_json,
    write_text,
)
from caseworker.letters.compose import Letter
from caseworker.letters.templates import LetterKind, Register
from caseworker.services.casework import (
    CaseworkServices,
    write_letter,
)
from caseworker.services.casework.letters import FORMATS, KeptLetter
from caseworker.services.casework.settings import (
    CHAIR,
    CHASE_DAYS,
    EMAIL,
    PHONE,
    SIGNATORY,
    Recipient,
)
from caseworker.services.formats import text_table
from caseworker.services.petitions import PetitionService
from caseworker.storage.engine import Database

READ_ONLY = {"letter", "letters"}
REGISTERS = {"secretary-of-state": Register.CHAIR, "officials": Register.CLERK}
#: letter-settings option → the casework setting it sets.
LETTER_SETTINGS = {
    "chair": (CHAIR, "the Chair's name, who signs letters to Secretaries of State"),
    "clerk": (SIGNATORY, "the clerk's name, who signs letters to officials"),
    "email": (EMAIL, "the Committee's email address, printed on every letter"),
    "phone": (PHONE, "the Committee's telephone number, printed on every letter"),
    "chase_days": (CHASE_DAYS, "days a chaser gives the department (default 7)"),
}


def add_parsers(commands: Subcommands) -> None:
    _letter_parser(commands)
    p = commands.add_parser("letters", help="list the letters kept with a petition's case")
    p.add_argument("id", type=record_number, metavar="PETITION_ID", help="the e-petition number")
    p.add_argument("--format", choices=["table", "json"], default="table")
    _recipients_parser(commands)
    p = commands.add_parser(
        "letter-settings",
        help="show the letters' signatories and contact details, or set them (an empty value "
        "unsets one)",
    )
    for option, (_key, text) in LETTER_SETTINGS.items():
        p.add_argument(f"--{option.replace('_', '-')}", dest=option, metavar="TEXT", help=text)


def _letter_parser(commands: Subcommands) -> None:
    suffixes = "|".join(f"FILE{s}" for s in FORMATS)
    p = commands.add_parser(
        "letter",
        help="write the letter for a request (PDF, plain text or HTML, by the file's suffix)",
    )
    p.add_argument("request_id", type=record_number, metavar="REQUEST_ID", nargs="?",
                   help="the request's number (see `requests`)")  # fmt: skip
    p.add_argument("-o", "--output", type=Path, required=True, metavar=suffixes,
                   help="the file: .pdf, .txt or .html (the accessible edition)")  # fmt: skip
    p.add_argument("--chaser", action="store_true", help="the chaser rather than the request")
    p.add_argument("--overdue", type=record_number, metavar="PETITION_ID",
                   help="instead: the letter chasing an overdue Government response")  # fmt: skip
    p.add_argument("--kept", type=record_number, metavar="LETTER_ID",
                   help="instead: write a letter kept with the case (see `letters`)")  # fmt: skip
    p.add_argument("--keep", action="store_true",
                   help="also keep the letter with the case, listed by `letters`")  # fmt: skip


def _recipients_parser(commands: Subcommands) -> None:
    p = commands.add_parser(
        "recipients", help="who each department's letters go to (list, set or remove)"
    )
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="every named recipient")
    listing.add_argument("--format", choices=["table", "json"], default="table")
    to_help = "secretary-of-state: the Chair's letters; officials: the clerk's chasers"
    setting = actions.add_parser("set", help="name the recipient of a department's letters")
    setting.add_argument("department", metavar="DEPARTMENT", help='e.g. "Department for Education"')
    setting.add_argument("--to", choices=list(REGISTERS), required=True, help=to_help)
    setting.add_argument("--name", required=True, metavar="TEXT", help='e.g. "Rt Hon A Person MP"')
    setting.add_argument("--office", required=True, metavar="TEXT",
                         help='e.g. "Secretary of State for Education"')  # fmt: skip
    setting.add_argument("--salutation", required=True, metavar="TEXT",
                         help='the greeting, e.g. "Dear Secretary of State"')  # fmt: skip
    setting.add_argument("--address", default="", metavar="TEXT",
                         help="postal address; separate lines with \\n or ';'")  # fmt: skip
    removing = actions.add_parser("remove", help="forget a department's recipient")
    removing.add_argument("department", metavar="DEPARTMENT")
    removing.add_argument("--to", choices=list(REGISTERS), required=True, help=to_help)


def _services(db: Database) -> CaseworkServices:
    return CaseworkServices.open(db)


def _letter(db: Database, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    given = [x is not None for x in (args.request_id, args.overdue, args.kept)]
    if sum(given) != 1:
        raise CommandError(
            "letter: give either a REQUEST_ID or --overdue PETITION_ID (or --kept LETTER_ID)"
        )
    letters = _services(db).letters
    with casework_errors():
        letter = _make_letter(db, args)
        write_letter(letter, args.output)
        if args.keep and args.kept is None:
            kept = letters.keep(letter)
            say(err, f"kept with the case as letter {kept.id}")
    say(err, f"{letter.kind.label} written to {args.output}")
    if letter.missing:
        say(err, f"{letter.missing_notice} The letter says so at its top.")
    return 0


def _make_letter(db: Database, args: argparse.Namespace) -> Letter:
    letters = _services(db).letters
    if args.kept is not None:
        return letters.kept_letter(args.kept).letter
    if args.overdue is not None:
        return letters.overdue_letter(args.overdue)
    kind = LetterKind.CHASER if args.chaser else LetterKind.REVISION_REQUEST
    return letters.request_letter(args.request_id, kind)


def _letters(db: Database, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    PetitionService(db).get_petition(args.id)  # refuses an unknown number
    rows = _services(db).letters.kept_letters(args.id)
    if args.format == "json":
        write_json(out, json.dumps([_kept_record(k) for k in rows], ensure_ascii=False, indent=2))
        return 0
    headers = ["No.", "Dated", "Letter", "Reference", "Request", "Kept by", "Kept"]
    body = [
        [str(k.id), k.dated.isoformat(), k.kind.label + (" (draft)" if k.draft else ""),
         k.reference, str(k.request_id or ""), k.saved_by, k.saved_at.date().isoformat()]
        for k in rows
    ]  # fmt: skip
    count = f"{len(rows)} letter{'s' if len(rows) != 1 else ''} kept for e-petition {args.id}"
    write_text(out, f"{text_table(headers, body)}\n{count}" if rows else count)
    return 0


def _kept_record(k: KeptLetter) -> dict[str, object]:
    return {
        "id": k.id, "petition_id": k.petition_id, "request_id": k.request_id,
        "kind": k.kind.value, "reference": k.reference, "dated": k.dated.isoformat(),
        "draft": k.draft, "kept_by": k.saved_by, "kept_at": k.saved_at.isoformat(),
        "to": k.letter.to, "subject": k.letter.subject, "body": k.letter.body,
        "missing": list(k.letter.missing),
    }  # fmt: skip


def _recipients(db: Database, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    settings = _services(db).settings
    register = REGISTERS.get(getattr(args, "to", ""), Register.CHAIR)
    with casework_errors():
        if args.action == "list":
            _list_recipients(settings.recipients(), args.format, out)
        elif args.action == "set":
            seen = _current_version(db, args.department, register)
            address = args.address.replace("\\n", "\n").replace(";", "\n")
            stored = settings.set_recipient(Recipient(
                args.department, register, args.name, args.office, args.salutation,
                "\n".join(line.strip() for line in address.split("\n")), seen,
            ))  # fmt: skip
            say(err, f"{stored.department}: letters to the {register.recipient_label} go to "
                     f"{stored.name}, {stored.office}")  # fmt: skip
        else:
            seen = _current_version(db, args.department, register)
            if not seen:
                raise CommandError(f"no {register.recipient_label} is kept for {args.department}")
            settings.remove_recipient(args.department, register, seen)
            say(err, f"{args.department}: the {register.recipient_label} is no longer named")
    return 0


def _current_version(db: Database, department: str, register: Register) -> int:
    for kept in _services(db).settings.recipients():
        if kept.register is register and kept.department.lower() == department.strip().lower():
            return kept.version
    return 0


def _list_recipients(rows: list[Recipient], form: str, out: TextIO) -> None:
    if form == "json":
        records = [
            {"department": r.department, "to": _to_name(r.register), "name": r.name,
             "office": r.office, "salutation": r.salutation, "address": r.address}
            for r in rows
        ]  # fmt: skip
        write_json(out, json.dumps(records, ensure_ascii=False, indent=2))
        return
    headers = ["Department", "To", "Name", "Office", "Salutation", "Address"]
    body = [
        [r.department, _to_name(r.register), r.name, r.office, r.salutation,
         r.address.replace("\n", ", ")]
        for r in rows
    ]  # fmt: skip
    count = f"{len(rows)} recipient{'s' if len(rows) != 1 else ''}"
    if not rows:
        count += " (set one with `recipients set DEPARTMENT --to secretary-of-state ...`)"
    write_text(out, f"{text_table(headers, body)}\n{count}" if rows else count)


def _to_name(register: Register) -> str:
    return next(name for name, r in REGISTERS.items() if r is register)


def _letter_settings(db: Database, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    service = _services(db).settings
    wanted = {o: getattr(args, o) for o in LETTER_SETTINGS if getattr(args, o) is not None}
    with casework_errors():
        current = service.get()
        stored = {s.key: s for s in (current.chair, current.signatory, current.email,
                                     current.phone, current.chase_days)}  # fmt: skip
        for option, value in wanted.items():
            key = LETTER_SETTINGS[option][0]
            service.update(key, value, stored[key].version)
        current = service.get()
    rows = [
        ("Chair", current.chair.value), ("Clerk", current.signatory.value),
        ("Email", current.email.value), ("Telephone", current.phone.value),
        ("Chasers give", f"{current.chase_days.value} days"),
    ]  # fmt: skip
    write_text(out, "\n".join(f"{label + ':':14}{value or '(not set)'}" for label, value in rows))
    return 0


@contextmanager
def casework_errors() -> Iterator[None]:
    """The services' refusals, and a letter that cannot be written, as one-line errors."""
    try:
        with refusals():
            yield
    except OSError as exc:
        raise CommandError(f"cannot write the letter: {exc}") from exc


COMMANDS: dict[str, Handler] = {
    "letter": _letter,
    "letters": _letters,
    "recipients": _recipients,
    "letter-settings": _letter_settings,
}
