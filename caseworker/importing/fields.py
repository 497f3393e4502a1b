"""Typed readers for JSON values that name the offending field when a value is wrong.

Every reader takes the containing object, the key and the path of the object (for example
``data[3].attributes``) so that an error message can point a clerk at the exact field.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

MAX_INT = 2**31 - 1
EARLIEST = date(1990, 1, 1)
LATEST = date(2100, 12, 31)


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
    # Only codes and names that the schema stores in sized columns have a limit; free text
    # never does, since older petitions exceed the site's current limits.
    if limit is not None and len(value) > limit:
        raise CaptureError(f"{where}: {len(value):,} characters is too long (at most {limit})")
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


def optional_timestamp(obj: dict[str, Any], key: str, path: str) -> datetime | None:
    """An ISO 8601 timestamp as a UTC-aware datetime (offsets such as +01:00 converted)."""
    value = obj.get(key)
    if value is None:
        return None
    where = field_path(path, key)
    if not isinstance(value, str):
        raise fail(where, "a timestamp such as 2024-05-29T23:01:00.000Z", value)
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise fail(where, "a timestamp such as 2024-05-29T23:01:00.000Z", value) from None
    _check_range(parsed.date(), where)
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def optional_date(obj: dict[str, Any], key: str, path: str) -> date | None:
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
    return parsed


def _check_range(day: date, where: str) -> None:
    if not EARLIEST <= day <= LATEST:
        raise CaptureError(
            f"{where}: {day.isoformat()} is out of range ({EARLIEST.year} to {LATEST.year})"
        )
