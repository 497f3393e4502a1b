"""The petition table's columns, defined once: header, value, alignment and sort key."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import Qt

from caseworker import formatting
from caseworker.formatting import day_month, short_date
from caseworker.services.dto import PetitionRow
from caseworker.services.petitions import SortKey

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    display: Callable[[PetitionRow], str]
    sort: SortKey
    align: Qt.AlignmentFlag = LEFT
    tooltip: str = ""
    width_chars: int = 12


def day(value: date | datetime | None) -> str:
    """House style where space is short: "5 Apr 2025" (a timestamp's London date)."""
    return "" if value is None else short_date(value)


def count(value: int | None) -> str:
    return "" if value is None else formatting.count(value)


def waiting(row: PetitionRow) -> str:
    if row.days_waiting is None:
        # Not waiting for anything: for an open petition heading for a threshold, say when.
        if row.forecast_crossing_at is not None and row.forecast_threshold is not None:
            expected = day_month(row.forecast_crossing_at)
            return f"{formatting.count(row.forecast_threshold)} by ~{expected}"
        return ""
    text = formatting.counted(row.days_waiting, "day")
    return f"{text} · overdue" if row.overdue else text


#: The same meaning as ``list``'s Response column (``PetitionSummary.responded_on``).
RESPONSE_TOOLTIP = "Date of the current Government response (a revised response's own date)"

COLUMNS: tuple[Column, ...] = (
    Column("id", "No.", lambda r: str(r.id), SortKey.ID, RIGHT, "e-petition number", 8),
    Column("action", "Petition", lambda r: r.action, SortKey.ACTION, LEFT, "", 40),
    Column("state", "State", lambda r: r.state.capitalize(), SortKey.STATE, LEFT, "", 8),
    Column("signatures", "Signatures", lambda r: count(r.signature_count), SortKey.SIGNATURES,
           RIGHT, "Signatures at the newest capture", 11),
    Column("last_24h", "Last 24 h", lambda r: count(r.signatures_last_24h), SortKey.LAST_24H,
           RIGHT, "Signatures gained in the 24 hours before the newest capture", 9),
    Column("crossed_10k", "10,000 on", lambda r: day(r.response_threshold_reached_at),
           SortKey.CROSSED_10K, LEFT, "Date the petition crossed 10,000 signatures", 11),
    Column("waiting", "Waiting", waiting, SortKey.WAITING, RIGHT,
           "Days waiting for a Government response or a debate decision; for an open petition "
           "heading for a threshold, when it is expected to cross", 18),
    Column("response", "Response", lambda r: day(r.responded_on), SortKey.RESPONSE, LEFT,
           RESPONSE_TOOLTIP, 11),
    Column("crossed_100k", "100,000 on", lambda r: day(r.debate_threshold_reached_at),
           SortKey.CROSSED_100K, LEFT, "Date the petition crossed 100,000 signatures", 11),
    Column("debate", "Debate", lambda r: day(r.scheduled_debate_date), SortKey.DEBATE, LEFT,
           "Date of the Westminster Hall debate", 11),
    Column("department", "Department", lambda r: r.departments, SortKey.DEPARTMENT, LEFT, "", 18),
)  # fmt: skip
