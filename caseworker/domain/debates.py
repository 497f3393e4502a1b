"""The Committee's debate work in plain terms: statuses, decisions, the motion and slots.

Petitions debates are held in Westminster Hall on Mondays at 4.30pm (domain.md); the
Committee may also be given other slots, and none are held in recess.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time, timedelta
from enum import StrEnum

VENUE = "Westminster Hall"
DEFAULT_START = time(16, 30)
MONDAY = 0


class DebateStatus(StrEnum):
    PROPOSED = "proposed"
    SCHEDULED = "scheduled"
    HELD = "held"
    WITHDRAWN = "withdrawn"
    POSTPONED = "postponed"

    @property
    def holds_slot(self) -> bool:
        return self in (DebateStatus.PROPOSED, DebateStatus.SCHEDULED, DebateStatus.HELD)

    @property
    def label(self) -> str:
        return self.value.capitalize()


class DebateDecisionKind(StrEnum):
    """The Committee's choices for a petition at 100,000 signatures."""

    SCHEDULE = "schedule"
    DECLINE = "decline"
    DEFER = "defer"
    GROUP = "group"
    SEEK_INFORMATION = "seek_information"

    @property
    def label(self) -> str:
        return DEBATE_DECISION_LABELS[self]


DEBATE_DECISION_LABELS = {
    DebateDecisionKind.SCHEDULE: "Agreed to schedule a debate",
    DebateDecisionKind.DECLINE: "Decided not to schedule a debate",
    DebateDecisionKind.DEFER: "Deferred its decision on a debate",
    DebateDecisionKind.GROUP: "Agreed to debate it with another petition",
    DebateDecisionKind.SEEK_INFORMATION: "Agreed to seek more information before deciding",
}

#: Reasons the Committee commonly gives for not scheduling a debate; the clerk may write any.
DECLINE_REASONS = (
    "recently debated",
    "the subject was debated in the House recently",
    "a debate is already scheduled on the subject",
    "the Government has already announced a review",
    "the matter is before the courts",
)


class MaterialKind(StrEnum):
    """The kinds of parliamentary material a pack lists, in the order the pack prints them."""

    DEBATE = "debate"
    WRITTEN_QUESTION = "written_question"
    STATEMENT = "statement"
    EDM = "edm"
    COMMITTEE_REPORT = "committee_report"
    PRESS = "press"
    FURTHER_READING = "further_reading"

    @property
    def label(self) -> str:
        return MATERIAL_LABELS[self]


MATERIAL_LABELS = {
    MaterialKind.DEBATE: "Previous debates",
    MaterialKind.WRITTEN_QUESTION: "Written questions",
    MaterialKind.STATEMENT: "Statements",
    MaterialKind.EDM: "Early day motions",
    MaterialKind.COMMITTEE_REPORT: "Committee reports and correspondence",
    MaterialKind.PRESS: "Press",
    MaterialKind.FURTHER_READING: "Further reading",
}


def motion(petition_ids: Sequence[int], relating_to: str) -> str:
    """ "That this House has considered e-petition 724432 relating to training on
    neurodiversity." (e-petitions 1, 2 and 3 for a grouped debate)."""
    if not petition_ids:
        return ""
    ids = [str(i) for i in petition_ids]
    named = ids[0] if len(ids) == 1 else f"{', '.join(ids[:-1])} and {ids[-1]}"
    noun = "e-petition" if len(ids) == 1 else "e-petitions"
    phrase = " ".join(relating_to.split()).rstrip(".")
    about = f" relating to {phrase}" if phrase else ""
    return f"That this House has considered {noun} {named}{about}."


def default_relating_to(action: str) -> str:
    """A first draft of the "relating to" phrase from a petition's title: the clerk edits
    it ("Make neurodiversity training mandatory for teachers" -> "make neurodiversity
    training mandatory for teachers")."""
    words = " ".join(action.split()).rstrip(".")
    if not words:
        return ""
    first, _, rest = words.partition(" ")
    # Keep acronyms and proper nouns ("NHS", "UK") as they are.
    if not (first.isupper() and len(first) > 1):
        first = first[:1].lower() + first[1:]
    return f"{first} {rest}".strip()


@dataclass(frozen=True)
class Slot:
    """A time the Committee may hold a debate."""

    day: date
    starts_at: time
    place: str = VENUE
    #: "" for the standard Monday slot; the clerk's note for an extra one.
    note: str = ""
    extra: bool = False


def mondays(first: date, last: date) -> list[date]:
    """Every Monday from ``first`` to ``last`` inclusive."""
    start = first + timedelta(days=(MONDAY - first.weekday()) % 7)
    return (
        [start + timedelta(weeks=n) for n in range((last - start).days // 7 + 1)]
        if (start <= last)
        else []
    )


def in_recess(day: date, recesses: Sequence[tuple[date, date]]) -> bool:
    return any(starts <= day <= ends for starts, ends in recesses)


def standard_slots(
    first: date, last: date, recesses: Sequence[tuple[date, date]] = ()
) -> list[Slot]:
    """The Monday 4.30pm slots in the range, outside recess."""
    return [
        Slot(day, DEFAULT_START) for day in mondays(first, last) if not in_recess(day, recesses)
    ]
