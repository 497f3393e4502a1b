"""Letters to departments from the stored request or petition, via the team's templates,
and the letters the clerks kept with the case."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.domain import rules
from caseworker.html import write_html
from caseworker.letters.compose import Letter, as_text
from caseworker.letters.pdf import letter_info, letter_pdf, letter_story
from caseworker.letters.templates import LetterKind, Register, fill
from caseworker.pdf.files import ExportError, write_export
from caseworker.services.casework.common import (
    AuditEntry,
    CaseworkError,
    CaseworkServiceBase,
    RecordNotFound,
    record_audit,
)
from caseworker.services.casework.letter_values import (
    Addressing,
    PetitionFacts,
    addressing,
    petition_facts,
)
from caseworker.services.casework.request_views import request_view
from caseworker.services.casework.settings import chase_days, template
from caseworker.services.dto import RevisionRequestView
from caseworker.storage.casework_models import RevisionRequest, StoredLetter

FORMATS = {".pdf": "PDF", ".txt": "plain text", ".html": "HTML"}
NOT_GIVEN = "(not given)"


@dataclass(frozen=True)
class KeptLetter:
    """A letter a clerk kept with the case, as listed on it."""

    id: int
    petition_id: int
    request_id: int | None
    kind: LetterKind
    reference: str
    dated: date
    draft: bool
    saved_at: datetime
    saved_by: str
    letter: Letter

    @property
    def label(self) -> str:
        draft = " (draft)" if self.letter.draft else ""
        return f"{rules.long_date(self.dated)}: {self.kind.label}{draft}, {self.reference}"


class LetterService(CaseworkServiceBase):
    def request_letter(
        self, request_id: int, kind: LetterKind = LetterKind.REVISION_REQUEST
    ) -> Letter:
        """The letter asking for a revised response, or chasing it."""
        if kind is LetterKind.OVERDUE_RESPONSE:
            raise CaseworkError(
                "kind: an overdue-response letter is about a petition, not a request"
            )
        with self._sessions() as session:
            request = session.get(RevisionRequest, request_id)
            if request is None:
                raise RecordNotFound("Request", request_id)
            view = request_view(session, request)
            if kind is LetterKind.CHASER:
                return self._chaser(session, view)
            return self._request(session, view)

    def _request(self, session: Session, view: RevisionRequestView) -> Letter:
        due = _due(view)
        dated = view.sent_on or self.clock.today()  # the request letter bears the day it was sent
        facts = petition_facts(session, view.petition_id, dated, view.department)
        values = facts.values | _request_values(view, due)
        values["lateness"] = facts.response_lateness(view.response_responded_on)
        kind = LetterKind.REVISION_REQUEST
        letter = self._compose(session, kind, facts, values, f"{view.id}R", dated)
        return replace(letter, draft=view.status == "draft", request_id=view.id)

    def _chaser(self, session: Session, view: RevisionRequestView) -> Letter:
        due = _due(view)
        if view.status == "draft" or view.sent_on is None:
            raise CaseworkError(
                f"request {view.id} is a draft that has not been sent, so there is nothing to "
                "chase yet",
                field="status",
            )
        # Written with its chase, and dated the chase's day (today before any chase).
        chased_on = view.last_chased_on or self.clock.today()
        overdue = max(0, (chased_on - due).days)
        facts = petition_facts(session, view.petition_id, chased_on, view.department)
        values = facts.values | _request_values(view, due)
        values.update(
            chase_date=rules.long_date(chased_on),
            days_overdue=f"{overdue:,}",
            new_due_date=rules.long_date(chased_on + timedelta(days=chase_days(session))),
            lateness=_chase_lateness(due, chased_on, overdue),
        )
        suffix = f"C{max(1, len(view.chases))}"
        letter = self._compose(session, LetterKind.CHASER, facts, values, f"{view.id}{suffix}",
                               chased_on)  # fmt: skip
        return replace(letter, request_id=view.id)

    def overdue_letter(self, petition_id: int) -> Letter:
        """The letter chasing a Government response that is past its 21 days.

        Refused when the stored data cannot show that the response is overdue: the newest
        capture was taken before the response was due (it may have been published since).
        """
        with self._sessions() as session:
            today = self.clock.today()
            facts = petition_facts(session, petition_id, today, None)
            due, checked = facts.overdue_dates()
            if today <= due:
                raise CaseworkError(
                    f"petition {petition_id}'s response is not overdue: it is due by "
                    f"{rules.long_date(due)}"
                )
            values = facts.values | {
                "threshold_date": facts.threshold_date,
                "response_due_date": rules.long_date(due),
                "checked_date": rules.long_date(checked),
                "days_overdue": f"{(checked - due).days:,}",
                "new_due_date": rules.long_date(today + timedelta(days=chase_days(session))),
            }
            kind = LetterKind.OVERDUE_RESPONSE
            return self._compose(session, kind, facts, values, f"O{today:%Y%m%d}", today)

    def _compose(
        self, session: Session, kind: LetterKind, facts: PetitionFacts,
        values: dict[str, str], reference: str, dated: date,
    ) -> Letter:  # fmt: skip
        who: Addressing = addressing(session, facts.department, kind.register)
        values = values | {"today": rules.long_date(dated), "signatory": who.signatory}
        wording = fill(template(session, kind), values)
        body = "\n\n".join(p for p in (who.salutation, wording, "Yours sincerely,") if p)
        return Letter(
            kind=kind,
            petition_id=facts.petition_id,
            reference=f"PC/{facts.petition_id}/{reference}",
            dated=dated,
            to=who.to,
            subject=f"e-petition {facts.petition_id}: {facts.title}",
            body=body,
            signatory=who.signatory,
            signatory_title=who.signatory_title,
            contact=who.contact,
            missing=who.missing,
        )

    # Letters kept with the case ------------------------------------------------------------

    def keep(self, letter: Letter) -> KeptLetter:
        """Keep the letter, as the clerk left it, with its request or petition."""
        if not letter.body.strip():
            raise CaseworkError("body: the letter has no text", "body")
        with self._writing("The letter") as session:
            now = self.clock.now()
            row = StoredLetter(
                petition_id=letter.petition_id, request_id=letter.request_id,
                kind=letter.kind.value, reference=letter.reference[:60], dated=letter.dated,
                draft=letter.draft, recipient=letter.to, subject=letter.subject,
                body=letter.body, signatory=letter.signatory,
                signatory_title=letter.signatory_title, contact=letter.contact,
                missing="\n".join(letter.missing), saved_at=now, saved_by=self.actor,
            )  # fmt: skip
            session.add(row)
            session.flush()
            entry = AuditEntry("letter", row.id, "kept", letter.petition_id)
            record_audit(session, entry, self.actor, now, {"reference": (None, row.reference)})
            return _kept(row)

    def kept_letters(self, petition_id: int) -> list[KeptLetter]:
        """The letters kept for the petition (and its requests), newest first."""
        with self._sessions() as session:
            rows = session.scalars(
                select(StoredLetter)
                .where(StoredLetter.petition_id == petition_id)
                .order_by(StoredLetter.saved_at.desc(), StoredLetter.id.desc())
            )
            return [_kept(row) for row in rows]

    def kept_letter(self, letter_id: int) -> KeptLetter:
        with self._sessions() as session:
            row = session.get(StoredLetter, letter_id)
            if row is None:
                raise RecordNotFound("Letter", letter_id)
            return _kept(row)


def _kept(row: StoredLetter) -> KeptLetter:
    kind = LetterKind(row.kind)
    letter = Letter(
        kind=kind, petition_id=row.petition_id, reference=row.reference, dated=row.dated,
        to=row.recipient, subject=row.subject, body=row.body, signatory=row.signatory,
        signatory_title=row.signatory_title, contact=row.contact, draft=row.draft,
        request_id=row.request_id, missing=tuple(m for m in row.missing.split("\n") if m),
    )  # fmt: skip
    return KeptLetter(
        row.id, row.petition_id, row.request_id, kind, row.reference, row.dated, row.draft,
        row.saved_at, row.saved_by, letter,
    )  # fmt: skip


def _due(view: RevisionRequestView) -> date:
    if view.due_on is None:
        raise CaseworkError(
            f"due_on: request {view.id} has no due date, so the letter cannot say by when the "
            "revised response is wanted; give the request a due date first",
            field="due_on",
        )
    return view.due_on


def _request_values(view: RevisionRequestView, due: date) -> dict[str, str]:
    return {
        "response_date": _day(view.response_responded_on),
        "reasons": view.reasons or NOT_GIVEN,
        "sent_date": _day(view.sent_on),
        "due_date": rules.long_date(due),
        "chase_count": str(len(view.chases)),
    }


def _chase_lateness(due: date, chased_on: date, overdue: int) -> str:
    if overdue <= 0:
        return (
            f"The revised response is due on {rules.long_date(due)}; as at "
            f"{rules.long_date(chased_on)} it had not been received."
        )
    days = "1 day" if overdue == 1 else f"{overdue:,} days"
    return (
        f"The revised response was due on {rules.long_date(due)}. As at "
        f"{rules.long_date(chased_on)} it had not been received: it is {days} overdue."
    )


def write_letter(letter: Letter, path: Path) -> None:
    """Write the letter as PDF, plain text or accessible HTML, chosen by the file's suffix.

    Written beside the target and renamed, so a failed export never leaves half a file.
    """
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise CaseworkError(f"{path}: the file name must end in .pdf, .txt or .html")
    try:
        if suffix == ".html":
            write_html(letter_story(letter), letter_info(letter), path)
            return
        data = letter_pdf(letter) if suffix == ".pdf" else as_text(letter).encode("utf-8")
        write_export(path, lambda out: out.write(data))
    except ExportError as exc:
        raise CaseworkError(str(exc)) from exc


def _day(value: date | None) -> str:
    return rules.long_date(value) if value is not None else NOT_GIVEN


__all__ = ["KeptLetter", "LetterService", "Register", "write_letter"]
