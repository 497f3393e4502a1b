"""Letters to departments from the stored request or petition, via the team's templates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.domain import rules
from caseworker.letters.compose import Letter, as_text
from caseworker.letters.pdf import letter_pdf
from caseworker.letters.templates import LetterKind, fill
from caseworker.pdf.files import ExportError, write_export
from caseworker.services.casework.common import CaseworkError, CaseworkServiceBase, RecordNotFound
from caseworker.services.casework.request_views import request_view
from caseworker.services.casework.settings import signatory, template
from caseworker.services.errors import PetitionNotFound
from caseworker.storage import models as m
from caseworker.storage.casework_models import RevisionRequest

SITE = "https://petition.parliament.uk/petitions/"
FORMATS = {".pdf": "PDF", ".txt": "plain text"}
NOT_GIVEN = "(not given)"


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
            petition = _petition(session, request.petition_id)
            values = _petition_values(session, petition, self.clock.today())
            values.update(
                response_date=_day(view.response_responded_on),
                reasons=view.reasons or NOT_GIVEN,
                sent_date=_day(view.sent_on),
                due_date=_day(view.due_on),
                chase_count=str(len(view.chases)),
                department=view.department or values["department"],
            )
            asking = kind is LetterKind.REVISION_REQUEST
            # A chaser is written with its chase: the latest chase's number (C1 before any).
            suffix = "R" if asking else f"C{max(1, len(view.chases))}"
            # The request letter bears the day it was sent; a chaser is written today.
            dated = view.sent_on if asking and view.sent_on else self.clock.today()
            return self._letter(session, kind, petition, values, f"{request.id}{suffix}", dated)

    def overdue_letter(self, petition_id: int) -> Letter:
        """The letter chasing a Government response that is past its 21 days."""
        with self._sessions() as session:
            petition = _petition(session, petition_id)
            today = self.clock.today()
            crossed = petition.response_threshold_reached_at
            if crossed is None:
                raise CaseworkError(f"petition {petition_id} has not reached 10,000 signatures")
            if petition.has_response:
                raise CaseworkError(f"petition {petition_id} already has a Government response")
            due = rules.response_due_on(crossed)
            if today <= due:
                raise CaseworkError(
                    f"petition {petition_id}'s response is not overdue: it is due by "
                    f"{rules.long_date(due)}"
                )
            values = _petition_values(session, petition, today)
            values.update(
                threshold_date=rules.long_date(rules.london_date(crossed)),
                response_due_date=rules.long_date(due),
                days_overdue=str((today - due).days),
            )
            kind = LetterKind.OVERDUE_RESPONSE
            return self._letter(session, kind, petition, values, f"O{today:%Y%m%d}", today)

    def _letter(
        self, session: Session, kind: LetterKind, petition: m.Petition,
        values: dict[str, str], reference: str, dated: date,
    ) -> Letter:  # fmt: skip
        return Letter(
            kind=kind,
            petition_id=petition.id,
            reference=f"PC/{petition.id}/{reference}",
            dated=dated,
            to=values["department"],
            subject=f"e-petition {petition.id}: {petition.action}",
            body=fill(template(session, kind), values),
            signatory=values["signatory"],
        )


def write_letter(letter: Letter, path: Path) -> None:
    """Write the letter as PDF or plain text, chosen by the file's suffix.

    Written beside the target and renamed, so a failed export never leaves half a file.
    """
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise CaseworkError(f"{path}: the file name must end in .pdf or .txt")
    data = letter_pdf(letter) if suffix == ".pdf" else as_text(letter).encode("utf-8")
    try:
        write_export(path, lambda out: out.write(data))
    except ExportError as exc:
        raise CaseworkError(str(exc)) from exc


def _petition(session: Session, petition_id: int) -> m.Petition:
    petition = session.get(m.Petition, petition_id)
    if petition is None:
        raise PetitionNotFound(petition_id)
    return petition


def _petition_values(session: Session, petition: m.Petition, today: date) -> dict[str, str]:
    link = m.PetitionDepartment
    departments = session.scalars(
        select(link.department_name).where(link.petition_id == petition.id)
    ).all()
    return {
        "petition_number": str(petition.id),
        "petition_title": petition.action,
        "petition_url": f"{SITE}{petition.id}",
        "background": petition.background or "",
        "signatures": f"{petition.signature_count:,}",
        "department": "; ".join(sorted(departments)) or "the department responsible",
        "today": rules.long_date(today),
        "signatory": signatory(session),
    }


def _day(value: date | None) -> str:
    return rules.long_date(value) if value is not None else NOT_GIVEN
