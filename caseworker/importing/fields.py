"""Typed readers for JSON values that name the offending field when a value is wrong.

Every reader takes the containing object, the key and the path of the object (for example
``data[3].attributes``) so that an error message can point a clerk at the exact field.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, date, datetime, timedelta
from typing import Any

MAX_INT = 2**31 - 1
EARLIEST = date(1990, 1, 1)
LATEST = date(2100, 12, 31)

#: How far past the import a timestamp may be. Timestamps record what has happened, so a later
#: one is false; and a capture dated in the future would make every genuine capture of its
#: petition look older than it, freezing the petition. A day allows for a wrong clock.
CLOCK_MARGIN = timedelta(days=1)
#: How far ahead a date that may name a future day (a closing date, a debate date, a related
#: activity) may be: petitions run for six months and debates are scheduled weeks ahead.
AHEAD = timedelta(days=2 * 366)

# The import time, set by :func:`import_time` for one document so that every field is judged
# against the same moment (and tests can fix it); the readers below are called from many
# places, so it travels with the context rather than as a parameter of each.
_import_time: ContextVar[datetime | None] = ContextVar("import_time", default=None)


@contextmanager
def import_time(now: datetime) -> Iterator[None]:
    """Judge timestamps and dates against ``now`` (UTC) inside the ``with`` block."""
    token = _import_time.set(now.astimezone(UTC))
    try:
        yield
    finally:
        _import_time.reset(token)


def _now() -> datetime:
    return _import_time.get() or datetime.now(UTC)


class CaptureError(ValueError):
    """The document is not a capture the importer can read; the message names the field."""


def describe(value: Any) -> str:
    """A short, safe description of a JSON value for an error message."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the text {shown!r}"
    if isinstance(value, list):
        return f"a list of {len(value)} items"
    return "an object"


def fail(path: str, expected: str, value: Any) -> CaptureError:
    return CaptureError(f"{path}: expected {expected}, got {describe(value)}")


def field_path(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def require_object(value: Any, path: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise fail(path, "an object", value)
    return value


def require_list(value: Any, path: str) -> list[Any]:
    if not isinstance(value, list):
        raise fail(path, "a list", value)
    return value


def required(obj: dict[str, Any], key: str, path: str) -> Any:
    if key not in obj:
        raise CaptureError(f"{field_path(path, key)}: missing")
    return obj[key]


def text(obj: dict[str, Any], key: str, path: str, *, limit: int | None = None) -> str:
    """A required string, kept exactly as sent (empty allowed)."""
    value = required(obj, key, path)
    if not isinstance(value, str):
        raise fail(field_path(path, key), "text", value)
    return _within(value, limit, field_path(path, key))


def optional_text(
    obj: dict[str, Any], key: str, path: str, *, limit: int | None = None
) -> str | None:
    """A string that may be absent, null or empty; all three mean "not given"."""
    value = obj.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise fail(field_path(path, key), "text or null", value)
    return _within(value, limit, field_path(path, key))


def _within(value: str, limit: int | None, where: str) -> str:
    # Limits are the schema's column sizes, or bounds well beyond anything the site produces
    # (caseworker.importing.field_limits): older petitions exceed the site's current limits.
    if limit is not None and len(value) > limit:
        raise CaptureError(f"{where}: {len(value):,} characters is too long (at most {limit:,})")
    return value


def whole_number(obj: dict[str, Any], key: str, path: str, *, minimum: int = 0) -> int:
    value = required(obj, key, path)
    return _checked_int(value, field_path(path, key), minimum)


def optional_whole_number(obj: dict[str, Any], key: str, path: str) -> int | None:
    value = obj.get(key)
    if value is None:
        return None
    return _checked_int(value, field_path(path, key), 0)


def _checked_int(value: Any, path: str, minimum: int) -> int:
    # bool is an int subclass in Python, but true/false is never a count in the site's JSON.
    if isinstance(value, bool) or not isinstance(value, int):
        raise fail(path, "a whole number", value)
    if not minimum <= value <= MAX_INT:
        raise CaptureError(f"{path}: {value} is out of range ({minimum} to {MAX_INT:,})")
    return value


def timestamp(obj: dict[str, Any], key: str, path: str) -> datetime:
    value = required(obj, key, path)
    parsed = optional_timestamp(obj, key, path)
    if parsed is None:
        raise fail(field_path(path, key), "a timestamp", value)
    return parsed


def optional_timestamp(
    obj: dict[str, Any], key: str, path: str, *, ahead: timedelta = CLOCK_MARGIN
) -> datetime | None:
    """An ISO 8601 timestamp as a UTC-aware datetime (offsets such as +01:00 converted).

    Refused when outside 1990-2100 in UTC, or later than the import time plus ``ahead``.
    """
    value = obj.get(key)
    if value is None:
        return None
    where = field_path(path, key)
    if not isinstance(value, str):
        raise fail(where, "a timestamp such as 2024-05-29T23:01:00.000Z", value)
    try:
        parsed = datetime.fromisoformat(value)
    except (ValueError, OverflowError):
        raise fail(where, "a timestamp such as 2024-05-29T23:01:00.000Z", value) from None
    try:
        utc = parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
    except OverflowError:  # 9999-12-31T23:00:00-05:00 is past the last datetime in UTC
        raise CaptureError(f"{where}: {value} is out of range") from None
    # The range is checked in UTC: 2100-12-31T23:00:00-05:00 is already 2101 in UTC.
    _check_range(utc.date(), where)
    if utc > _now() + ahead:
        raise CaptureError(f"{where}: {value} is {_in_future(ahead)}")
    return utc


def optional_date(
    obj: dict[str, Any], key: str, path: str, *, ahead: timedelta = CLOCK_MARGIN
) -> date | None:
    """A YYYY-MM-DD date; by default not after tomorrow, or up to ``ahead`` for dates that
    may name a day to come."""
    value = obj.get(key)
    if value is None:
        return None
    where = field_path(path, key)
    if not isinstance(value, str):
        raise fail(where, "a date such as 2025-07-10", value)
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        raise fail(where, "a date such as 2025-07-10", value) from None
    _check_range(parsed, where)
    if parsed > (_now() + ahead).date():
        raise CaptureError(f"{where}: {value} is {_in_future(ahead)}")
    return parsed


def _in_future(ahead: timedelta) -> str:
    if ahead <= CLOCK_MARGIN:
        return "in the future"
    return f"in the future by more than {ahead.days // 365} years"


def _check_range(day: date, where: str) -> None:
    if not EARLIEST <= day <= LATEST:
        raise CaptureError(
            f"{where}: {day.isoformat()} is out of range ({EARLIEST.year} to {LATEST.year})"
        )
