"""Calendar arithmetic for demo timelines: London days, the six-month open period, office hours.

Everything is computed from its arguments: nothing here reads the wall clock. British Summer
Time is worked out from its rule (last Sunday of March to last Sunday of October, changing at
01:00 UTC), so no time-zone database is needed.
"""

from __future__ import annotations

import calendar
import random
from datetime import UTC, date, datetime, time, timedelta
from functools import cache

PETITION_MONTHS = 6
_ONE_HOUR = timedelta(hours=1)


def ms(at: datetime) -> datetime:
    """``at`` cut to whole milliseconds, the precision of the site's timestamps."""
    return at.replace(microsecond=at.microsecond - at.microsecond % 1000)


def days(n: float) -> timedelta:
    return timedelta(days=n)


def _last_sunday(year: int, month: int) -> date:
    last = date(year, month, calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.weekday() - 6) % 7)


@cache
def _summer_time_utc(year: int) -> tuple[datetime, datetime]:
    start = datetime.combine(_last_sunday(year, 3), time(1), UTC)
    end = datetime.combine(_last_sunday(year, 10), time(1), UTC)
    return start, end


def london_offset(at: datetime) -> timedelta:
    start, end = _summer_time_utc(at.year)
    return _ONE_HOUR if start <= at < end else timedelta(0)


def london_date(at: datetime) -> date:
    return (at + london_offset(at)).date()


def london_moment(day: date, hour: int, minute: int = 0, second: int = 0) -> datetime:
    """The UTC instant of a London wall-clock time on ``day``."""
    naive_utc = datetime.combine(day, time(hour, minute, second), UTC)
    return naive_utc - london_offset(naive_utc - _ONE_HOUR)


def end_of_london_day(day: date) -> datetime:
    """23:59:59.999 London time on ``day``, as the site stores a deadline."""
    return london_moment(day, 23, 59, 59) + timedelta(milliseconds=999)


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def closing(opened_at: datetime) -> tuple[date, datetime]:
    """The closing date and ``closed_at`` of a petition opened at ``opened_at``."""
    closing_date = add_months(london_date(opened_at), PETITION_MONTHS)
    return closing_date, end_of_london_day(closing_date)


def working_day(day: date) -> date:
    """``day``, or the Monday after it when it falls at a weekend."""
    return day + timedelta(days=7 - day.weekday()) if day.weekday() >= 5 else day


def working_moment(rng: random.Random, earliest: datetime) -> datetime:
    """A moment in office hours (09:30 to 17:30 London) on the first working day possible."""
    day = working_day(london_date(earliest))
    while True:
        minutes = rng.randrange(9 * 60 + 30, 17 * 60 + 30)
        moment = london_moment(day, minutes // 60, minutes % 60, rng.randrange(60))
        if moment >= earliest:
            return moment + timedelta(milliseconds=rng.randrange(1000))
        day = working_day(day + timedelta(days=1))


def between(rng: random.Random, start: datetime, end: datetime) -> datetime:
    """A moment drawn evenly from ``start`` to ``end`` (whole milliseconds)."""
    span_ms = max(0, int((end - start) / timedelta(milliseconds=1)))
    return ms(start) + timedelta(milliseconds=rng.randint(0, span_ms))


def monday_on_or_after(day: date) -> date:
    return day + timedelta(days=(7 - day.weekday()) % 7)
