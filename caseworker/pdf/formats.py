"""Numbers, dates and times written the way parliamentary papers write them.

Counts carry thousands separators as on the petitions site (142,931); dates are written out
("10 July 2025", "Monday 7 July 2025"); times are "4.30pm"; moments are shown in London time.
"""

from __future__ import annotations

from datetime import date, datetime, time

from caseworker.domain.rules import LONDON


def count(value: int) -> str:
    """``142931`` -> ``"142,931"``."""
    return f"{value:,}"


def share(part: int, whole: int) -> str:
    """A percentage to one decimal place, ``"–"`` when there is no whole to divide."""
    if whole <= 0:
        return "–"
    return f"{100 * part / whole:.1f}%"


def long_date(day: date | datetime) -> str:
    """``"10 July 2025"``; a timestamp is first turned into its London date."""
    if isinstance(day, datetime):
        day = day.astimezone(LONDON).date()
    return f"{day.day} {day:%B %Y}"


def weekday_date(day: date) -> str:
    """``"Monday 7 July 2025"``, as notices of business write debate dates."""
    return f"{day:%A} {long_date(day)}"


def clock(moment: time) -> str:
    """``"4.30pm"``, ``"11am"``, ``"12 noon"``."""
    if moment.hour == 12 and moment.minute == 0:
        return "12 noon"
    hour = moment.hour % 12 or 12
    suffix = "am" if moment.hour < 12 else "pm"
    minutes = f".{moment.minute:02d}" if moment.minute else ""
    return f"{hour}{minutes}{suffix}"


def moment(value: datetime) -> str:
    """``"27 September 2025, 11.59pm"`` in London time."""
    local = value.astimezone(LONDON)
    return f"{long_date(local.date())}, {clock(local.time())}"
