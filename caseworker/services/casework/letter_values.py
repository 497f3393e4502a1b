"""What a letter says about its petition and who it is from and to, read from the database.

Kept apart from the letter service so each part stays small: the petition's facts as at the
letter's date (the signature count then, not now; the response's lateness; its page on the
site, if it has one), and the addressing (named recipient, greeting, signatory, contact).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.domain import rules
from caseworker.letters.compose import no_recipient_note
from caseworker.letters.templates import Register
from caseworker.services.casework.common import CaseworkError
from caseworker.services.casework.settings import (
    SIGNATORY_TITLES,
    contact,
    has_contact,
    recipient,
    signatory,
)
from caseworker.services.errors import PetitionNotFound
from caseworker.storage import models as m

#: Where to set what a letter is missing, said in the letter and by the window and CLI.
WHERE_RECIPIENTS = "Casework \u25b8 Casework settings \u25b8 Recipients, or `recipients set`"
WHERE_SETTINGS = "Casework \u25b8 Casework settings, or `letter-settings`"


@dataclass(frozen=True)
class PetitionFacts:
    petition_id: int
    title: str
    department: str
    threshold_reached_at: datetime | None
    #: The London day of the newest data (the site's updated_at at the newest capture).
    checked_on: date
    has_response: bool
    values: dict[str, str]

    @property
    def threshold_date(self) -> str:
        crossed = self.threshold_reached_at
        return rules.long_date(rules.london_date(crossed)) if crossed else "(not reached)"

    def response_due(self) -> date | None:
        crossed = self.threshold_reached_at
        return rules.response_due_on(crossed) if crossed is not None else None

    def response_lateness(self, responded_on: date | None) -> str:
        """A sentence on a late response, with its dates; "" when it was on time."""
        due = self.response_due()
        if due is None or responded_on is None or responded_on <= due:
            return ""
        late = (responded_on - due).days
        days = "1 day" if late == 1 else f"{late:,} days"
        return (
            f"The Government's response was published on {rules.long_date(responded_on)}, "
            f"{days} after it was due on {rules.long_date(due)} (21 days after the petition "
            f"passed 10,000 signatures on {self.threshold_date})."
        )

    def overdue_dates(self) -> tuple[date, date]:
        """(due, checked): refused unless the stored data shows the response overdue."""
        pid = self.petition_id
        due = self.response_due()
        if due is None:
            raise CaseworkError(f"petition {pid} has not reached 10,000 signatures")
        if self.has_response:
            raise CaseworkError(f"petition {pid} already has a Government response")
        if self.checked_on <= due:
            raise CaseworkError(
                f"petition {pid}'s newest data is from {rules.long_date(self.checked_on)}, "
                f"before its response was due on {rules.long_date(due)}, so it cannot show "
                "that the response is overdue (it may have been published since): import or "
                "sync newer data first"
            )
        return due, self.checked_on


@dataclass(frozen=True)
class Addressing:
    to: str
    salutation: str
    signatory: str
    signatory_title: str
    contact: str
    missing: tuple[str, ...]


def petition_facts(
    session: Session, petition_id: int, dated: date, department: str | None
) -> PetitionFacts:
    """The petition as a letter dated ``dated`` describes it."""
    petition = session.get(m.Petition, petition_id)
    if petition is None:
        raise PetitionNotFound(petition_id)
    # A request names its department(s) "A; B": the letter goes to the first.
    named = (department or "").split(";")[0].strip() or _first_department(session, petition_id)
    url = site_url(petition)
    values = {
        "petition_number": str(petition.id),
        "petition_title": petition.action,
        "petition_page": f"the petition's page, {url}," if url else "the petition's page",
        "petition_url": url,
        "background": petition.background or "",
        "signatures": signatures_on(session, petition, dated),
        "department": with_article(named) if named else "the department responsible",
    }
    return PetitionFacts(
        petition.id, petition.action, named, petition.response_threshold_reached_at,
        rules.london_date(petition.updated_at), petition.has_response, values,
    )  # fmt: skip


def site_url(petition: m.Petition) -> str:
    """The petition's page on the site, or "" for one with no page there: a demo petition,
    or one whose data did not come from the site."""
    source = petition.source_url or ""
    if petition.is_demo or not source.startswith(("https://", "http://")):
        return ""
    return source.removesuffix(".json")


def signatures_on(session: Session, petition: m.Petition, day: date) -> str:
    """The count at the end of ``day`` from the stored history, with separators."""
    before = rules.start_of_london_day(day + timedelta(days=1))
    snap = m.SignatureSnapshot
    count = session.scalar(
        select(snap.signature_count)
        .where(snap.petition_id == petition.id, snap.at < before)
        .order_by(snap.at.desc())
        .limit(1)
    )
    if count is None and petition.updated_at < before:
        count = petition.signature_count
    if count is None:
        # Nothing stored from before the letter's date: say only what is certain.
        crossed = petition.response_threshold_reached_at
        return "more than 10,000" if crossed is not None and crossed < before else "some"
    return f"{count:,}"


def _first_department(session: Session, petition_id: int) -> str:
    link = m.PetitionDepartment
    names = session.scalars(
        select(link.department_name)
        .where(link.petition_id == petition_id)
        .order_by(link.department_name)
    ).all()
    return names[0] if names else ""


def with_article(department: str) -> str:
    """ "the Department for Education", "the Home Office", but "HM Treasury"."""
    if department.startswith(("HM ", "His Majesty", "Her Majesty", "the ", "The ")):
        return department
    return f"the {department}"


def addressing(session: Session, department: str, register: Register) -> Addressing:
    """Who the letter is to and from; ``missing`` says in words what the team has not set."""
    missing: list[str] = []
    kept = recipient(session, department, register) if department else None
    if not department:
        missing.append("no department is recorded for the petition or the request")
    elif kept is None:
        missing.append(no_recipient_note(register.recipient_label, with_article(department),
                                         WHERE_RECIPIENTS))  # fmt: skip
    name = signatory(session, register)
    if not name:
        who = "the Chair's name" if register is Register.CHAIR else "the clerk's name"
        missing.append(f"{who} is not set ({WHERE_SETTINGS})")
    if not has_contact(session):
        missing.append(f"the Committee's email or telephone number is not set ({WHERE_SETTINGS})")
    if kept is not None:
        to, salutation = kept.block, _greeting(kept.salutation)
    else:
        to = department or "(department not recorded)"
        salutation = "Dear Secretary of State," if register is Register.CHAIR else ""
    return Addressing(
        to, salutation, name, SIGNATORY_TITLES[register], contact(session), tuple(missing)
    )


def _greeting(salutation: str) -> str:
    """ "Dear Secretary of State," whether the clerk typed "Secretary of State" or all of it."""
    text = salutation.strip().rstrip(",")
    if not text.lower().startswith("dear "):
        text = f"Dear {text}"
    return f"{text},"
