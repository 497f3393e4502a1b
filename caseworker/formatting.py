"""Dates, times and numbers in House style, the same in the window, the CLI, letters and packs.

- Dates are written out with English month names: "5 April 2025"; "5 Apr 2025" where space is
  short (the petition table, terminal tables); "Monday 7 July 2025" for debate dates.
- Times are London's wall clock, "12:07"; the zone ("BST" or "GMT") is named only where a
  reader might not assume London time (``moment(..., zone=True)``: the CLI's ``show``).
  Parliamentary papers write "4.30pm" (``papers_clock``).
- Counts carry thousands separators as the petitions site does: "142,931".

Nothing here asks the operating system's locale: month and day names come from the tables
below, never from ``strftime`` (``%B``/``%b``/``%A``/``%a`` follow the desktop's language, so a
letter saved from a French desktop would say "avril"). Timestamps are first turned into London
time, because Parliament's days are London days.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

_LONDON = ZoneInfo("Europe/London")

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
SHORT_MONTHS = tuple(m[:3] for m in MONTHS)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def london_day(value: date | datetime) -> date:
    """The London calendar date of a timestamp; a date is returned as it is."""
    if isinstance(value, datetime):
        return value.astimezone(_LONDON).date()
    return value


def long_date(value: date | datetime) -> str:
    """``"5 April 2025"``: letters, reports, details."""
    day = london_day(value)
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def short_date(value: date | datetime) -> str:
    """``"5 Apr 2025"``: where space is short (tables)."""
    day = london_day(value)
    return f"{day.day} {SHORT_MONTHS[day.month - 1]} {day.year}"


def day_month(value: date | datetime) -> str:
    """``"5 Apr"``: a date within the coming weeks, where the year goes without saying."""
    day = london_day(value)
    return f"{day.day} {SHORT_MONTHS[day.month - 1]}"


def month_year(value: date | datetime, *, year: bool = True) -> str:
    """``"Apr 2025"`` (or ``"Apr"``): chart axes."""
    day = london_day(value)
    month = SHORT_MONTHS[day.month - 1]
    return f"{month} {day.year}" if year else month


def weekday_date(value: date | datetime) -> str:
    """``"Monday 7 July 2025"``, as notices of business write debate dates."""
    day = london_day(value)
    return f"{WEEKDAYS[day.weekday()]} {long_date(day)}"


def clock(value: time | datetime) -> str:
    """``"12:07"`` on London's clock (a timestamp is turned into London time first)."""
    if isinstance(value, datetime):
        value = value.astimezone(_LONDON).time()
    return f"{value.hour:02d}:{value.minute:02d}"


def zone(value: datetime) -> str:
    """``"BST"`` or ``"GMT"``: London's zone at that moment."""
    return "BST" if value.astimezone(_LONDON).dst() else "GMT"


def moment(value: datetime, *, short: bool = False, zone_name: bool = False) -> str:
    """``"29 April 2025, 12:07"``; short: ``"29 Apr 2025 12:07"``; with the zone: ``"… BST"``."""
    local = value.astimezone(_LONDON)
    text = f"{short_date(local)} {clock(local)}" if short else f"{long_date(local)}, {clock(local)}"
    return f"{text} {zone(local)}" if zone_name else text


def papers_clock(value: time) -> str:
    """``"4.30pm"``, ``"11am"``, ``"12 noon"``: times as parliamentary papers write them."""
    if value.hour == 12 and value.minute == 0:
        return "12 noon"
    hour = value.hour % 12 or 12
    suffix = "am" if value.hour < 12 else "pm"
    minutes = f".{value.minute:02d}" if value.minute else ""
    return f"{hour}{minutes}{suffix}"


def papers_moment(value: datetime) -> str:
    """``"27 September 2025, 11.59pm"`` in London time (briefing packs)."""
    local = value.astimezone(_LONDON)
    return f"{long_date(local)}, {papers_clock(local.time())}"


def count(value: int) -> str:
    """``142931`` -> ``"142,931"``."""
    return f"{value:,}"


def ordinal(value: int) -> str:
    """``"1st"``, ``"22nd"``, ``"113th"``."""
    last_two = value % 100
    suffix = "th" if 11 <= last_two <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    return f"{value:,}{suffix}"


def counted(value: int, singular: str, plural: str | None = None) -> str:
    """``"1 file"``, ``"3 files"``, ``"1,204 petitions"``: a number and its noun, agreeing."""
    noun = singular if value == 1 else (plural or singular + "s")
    return f"{value:,} {noun}"


def share(part: int, whole: int) -> str:
    """A percentage to one decimal place, ``"–"`` when there is no whole to divide."""
    if whole <= 0:
        return "–"
    return f"{100 * part / whole:.1f}%"


#: Month names a clerk may type, full or short ("Sept" too), in any case.
_MONTH_NUMBERS = {
    **{m.lower(): n for n, m in enumerate(MONTHS, start=1)},
    **{m.lower(): n for n, m in enumerate(SHORT_MONTHS, start=1)},
    "sept": 9,
}
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
_SLASHED = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{2,4})")
_WRITTEN = re.compile(r"(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})")

DATE_FORMS = "YYYY-MM-DD, DD/MM/YYYY or 5 April 2025"


def parse_date(text: str) -> date:
    """A date as a clerk types it: ``2021-11-15``, ``15/11/2021`` or ``15 November 2021``.

    Slashed dates are read the British way (day first) only where that cannot be mistaken:
    ``04/05/2021`` is 4 May here but 5 April in American usage, so it is refused with both
    readings named; so are two-digit years. Raises ``ValueError`` with a sentence for the user.
    """
    value = text.strip()
    if _ISO.fullmatch(value):
        return _checked(value, *map(int, value.split("-")))
    slashed = _SLASHED.fullmatch(value)
    if slashed:
        return _slashed(value, *map(int, slashed.groups()))
    written = _WRITTEN.fullmatch(value)
    if written and written.group(2).lower() in _MONTH_NUMBERS:
        day, year = int(written.group(1)), int(written.group(3))
        return _checked(value, year, _MONTH_NUMBERS[written.group(2).lower()], day)
    raise ValueError(f"{text!r} is not a date: write it as {DATE_FORMS}")


def _slashed(text: str, first: int, second: int, year: int) -> date:
    if year < 1000:
        raise ValueError(f"{text!r}: write the year in full (DD/MM/YYYY)")
    if first <= 12 and second <= 12 and first != second:
        uk, us = _checked(text, year, second, first), _checked(text, year, first, second)
        raise ValueError(
            f"{text!r} could be {long_date(uk)} or {long_date(us)}: "
            f"write {uk.isoformat()} or {long_date(uk)}"
        )
    if second > 12:
        raise ValueError(f"{text!r} has no month {second}: dates with / are DD/MM/YYYY")
    return _checked(text, year, second, first)


def _checked(text: str, year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"{text!r} is not a date in the calendar") from None
