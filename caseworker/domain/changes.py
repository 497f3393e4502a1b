"""What can happen to a petition on the site that a clerk wants to hear about.

An event is dated by the site ("when it happened"), not by the import or sync that saw it.
Events dated more than :data:`UNSEEN_WINDOW` before they were seen start as already seen:
a first import of years of captures records the history without flooding the list.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum


class ChangeKind(StrEnum):
    CROSSED_10000 = "crossed-10000"
    CROSSED_100000 = "crossed-100000"
    RESPONSE = "response"
    REVISED_RESPONSE = "revised-response"
    DEBATE_SCHEDULED = "debate-scheduled"
    DEBATED = "debated"
    CLOSED = "closed"
    REMOVED = "removed"

    @property
    def label(self) -> str:
        return CHANGE_LABELS[self]


CHANGE_LABELS = {
    ChangeKind.CROSSED_10000: "Crossed 10,000 signatures",
    ChangeKind.CROSSED_100000: "Crossed 100,000 signatures",
    ChangeKind.RESPONSE: "Government responded",
    ChangeKind.REVISED_RESPONSE: "Government response revised",
    ChangeKind.DEBATE_SCHEDULED: "Debate scheduled",
    ChangeKind.DEBATED: "Debated",
    ChangeKind.CLOSED: "Closed",
    ChangeKind.REMOVED: "Removed from the site",
}

#: Events older than this when first seen start as seen (on every import, not only the first:
#: old captures imported into a database in use must not flood the list either).
UNSEEN_WINDOW = timedelta(days=7)


def starts_seen(at: datetime, recorded_at: datetime) -> bool:
    """True when an event is too old, on being recorded, to be news."""
    return at < recorded_at - UNSEEN_WINDOW


def start_of_utc_day(day: date) -> datetime:
    """A date-only site value (``responded_on``, ``debated_on``) as a moment: midnight UTC."""
    return datetime.combine(day, time.min, tzinfo=UTC)
