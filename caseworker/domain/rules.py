"""The Committee's thresholds, deadlines and derived petition states.

Derivations follow section 7.2 of the data-format reference: the site never publishes
``response_state`` or ``debate_state``, so they are worked out from the captured fields.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from caseworker import formatting

#: Parliament's days are London days: a petition crossing 10,000 at 00:12 BST did so that day.
LONDON = ZoneInfo("Europe/London")

RESPONSE_THRESHOLD = 10_000
DEBATE_THRESHOLD = 100_000
#: Agreed with the Government in January 2024: a response within 21 calendar days.
RESPONSE_DEADLINE_DAYS = 21

#: Every petition state the site's software knows (section 7.1).
PETITION_STATES = frozenset(
    {
        "pending",
        "validated",
        "sponsored",
        "flagged",
        "dormant",
        "open",
        "closed",
        "rejected",
        "hidden",
        "stopped",
        "removed",
    }
)


class ResponseState(StrEnum):
    PENDING = "pending"
    AWAITING = "awaiting"
    RESPONDED = "responded"


class DebateState(StrEnum):
    PENDING = "pending"
    AWAITING = "awaiting"
    SCHEDULED = "scheduled"
    DEBATED = "debated"
    NOT_DEBATED = "not_debated"


def response_state(
    *, has_response: bool, response_threshold_reached_at: datetime | None
) -> ResponseState:
    if has_response:
        return ResponseState.RESPONDED
    if response_threshold_reached_at is not None:
        return ResponseState.AWAITING
    return ResponseState.PENDING


def debate_state(
    *,
    has_outcome: bool,
    debated_on: date | None,
    scheduled_debate_date: date | None,
    debate_threshold_reached_at: datetime | None,
    as_of: date,
) -> DebateState:
    """The site's debate sub-state as it stood on ``as_of``."""
    if has_outcome:
        return DebateState.DEBATED if debated_on is not None else DebateState.NOT_DEBATED
    if scheduled_debate_date is not None:
        return DebateState.SCHEDULED if scheduled_debate_date > as_of else DebateState.DEBATED
    if debate_threshold_reached_at is not None:
        return DebateState.AWAITING
    return DebateState.PENDING


def london_date(moment: datetime) -> date:
    """The calendar date in London of an aware timestamp."""
    return moment.astimezone(LONDON).date()


def london_time(moment: datetime) -> datetime:
    """An aware timestamp as London's wall clock shows it."""
    return moment.astimezone(LONDON)


def start_of_london_day(day: date) -> datetime:
    """The UTC instant a London calendar day begins (midnight GMT or BST)."""
    return datetime.combine(day, time.min, tzinfo=LONDON).astimezone(UTC)


def response_due_on(threshold_reached_at: datetime, days: int = RESPONSE_DEADLINE_DAYS) -> date:
    """The date a Government response falls due: ``days`` calendar days after 10,000."""
    return london_date(threshold_reached_at) + timedelta(days=days)


def days_between(start: datetime | date, as_of: date) -> int:
    """Whole calendar days from ``start`` to ``as_of`` (never negative)."""
    start_day = london_date(start) if isinstance(start, datetime) else start
    return max(0, (as_of - start_day).days)


#: A petition is open for six months unless Parliament is dissolved first.
PETITION_MONTHS = 6


def closing_time(opened_at: datetime, closing_date: date | None = None) -> datetime:
    """When signing ends: the published closing date, else six months after opening."""
    if closing_date is not None:
        return datetime.combine(closing_date, time.max, tzinfo=UTC)
    months = opened_at.month - 1 + PETITION_MONTHS
    year, month = opened_at.year + months // 12, months % 12 + 1
    day = min(opened_at.day, 28)
    return datetime.combine(date(year, month, day), time.max, tzinfo=UTC)


def long_date(day: date) -> str:
    """A date as the Committee writes it in letters and reports: 10 July 2025 (House style,
    whatever the desktop's language: see ``caseworker.formatting``)."""
    return formatting.long_date(day)
