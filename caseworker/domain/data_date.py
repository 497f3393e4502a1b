"""How old the stored data is, and the date ages are counted to.

A database filled from captures of January 2023 and opened today would say "Response overdue
by 1,440 days": true of nothing. When the newest capture is more than ``STALE_AFTER_DAYS`` old,
ages and queues are evaluated as at the data's own date (the London date of the newest
``updated_at`` stored) and every place that shows ages says so: "data as at 3 January 2023".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from caseworker.formatting import counted, london_day, long_date

#: Captures a couple of days old (a weekend without a sync) still count to today; older ones
#: count to their own date.
STALE_AFTER_DAYS = 2


@dataclass(frozen=True)
class DataDate:
    """The newest capture's timestamp (``None`` for an empty database) and today's date."""

    newest: datetime | None
    today: date

    @property
    def day(self) -> date | None:
        return london_day(self.newest) if self.newest is not None else None

    @property
    def stale(self) -> bool:
        return self.day is not None and (self.today - self.day).days > STALE_AFTER_DAYS

    @property
    def as_of(self) -> date:
        """The date queues and ages are evaluated at when the user gives none."""
        return self.day if self.stale and self.day is not None else self.today

    def notice(self) -> str:
        """One line for wherever ages are shown; empty when the data is current."""
        if not self.stale or self.day is None:
            return ""
        old = counted((self.today - self.day).days, "day")
        return (
            f"Data as at {long_date(self.day)} (the newest capture, {old} old): "
            "ages are counted to that date, not today"
        )
