"""The numbers a briefing quotes, worked out from one petition's stored record."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from caseworker.domain import rules
from caseworker.formatting import long_date
from caseworker.services.dto import CountView, PetitionDetail, SnapshotView

UK_CODE = "GB"
UK_NAMES = frozenset({"United Kingdom", "UK"})
TOP_CONSTITUENCIES = 20
TOP_COUNTRIES = 10
#: The chart's tabulated points: about one a month, never more than this.
MAX_TABLE_POINTS = 12


@dataclass(frozen=True)
class Threshold:
    signatures: int
    meaning: str
    crossed_on: date | None


@dataclass(frozen=True)
class Ranked:
    rank: int
    area: CountView


def thresholds(detail: PetitionDetail) -> tuple[Threshold, ...]:
    """10,000 (a Government response) and 100,000 (considered for debate), with the dates."""

    def day(moment: datetime | None) -> date | None:
        return rules.london_date(moment) if moment is not None else None

    return (
        Threshold(
            rules.RESPONSE_THRESHOLD,
            "Government response",
            day(detail.response_threshold_reached_at),
        ),
        Threshold(
            rules.DEBATE_THRESHOLD, "considered for debate", day(detail.debate_threshold_reached_at)
        ),
    )


def ranked_constituencies(detail: PetitionDetail) -> list[Ranked]:
    """Constituencies by signatures, most first; ties share no rank (name order breaks them)."""
    ordered = sorted(detail.signatures_by_constituency, key=lambda c: (-c.signature_count, c.name))
    return [Ranked(i, area) for i, area in enumerate(ordered, start=1)]


def constituency_total(detail: PetitionDetail) -> int:
    return sum(c.signature_count for c in detail.signatures_by_constituency)


def member_constituency(ranked: Sequence[Ranked], member: str | None) -> Ranked | None:
    """The opening Member's own seat, matched on the MP's name ("Jane Smith" or "Jane Smith
    MP", any case); None when the name is not among the constituencies' MPs."""
    wanted = _person(member)
    if not wanted:
        return None
    return next((r for r in ranked if _person(r.area.mp) == wanted), None)


def _person(name: str | None) -> str:
    words = (name or "").casefold().split()
    if words and words[-1] == "mp":
        words.pop()
    return " ".join(words)


def is_uk(country: CountView) -> bool:
    return country.code == UK_CODE or country.name in UK_NAMES


def countries(detail: PetitionDetail) -> tuple[CountView | None, list[CountView], int]:
    """The UK row, the top other countries (most first) and the number of countries left."""
    uk = next((c for c in detail.signatures_by_country if is_uk(c)), None)
    others = sorted(
        (c for c in detail.signatures_by_country if not is_uk(c)),
        key=lambda c: (-c.signature_count, c.name),
    )
    return uk, others[:TOP_COUNTRIES], max(0, len(others) - TOP_COUNTRIES)


def regions(detail: PetitionDetail) -> list[CountView]:
    return sorted(detail.signatures_by_region, key=lambda c: (-c.signature_count, c.name))


def daily_series(history: Sequence[SnapshotView]) -> list[tuple[date, int]]:
    """The last count seen on each London day, in date order."""
    by_day: dict[date, int] = {}
    for snapshot in history:
        by_day[rules.london_date(snapshot.at)] = snapshot.count
    return sorted(by_day.items())


def table_points(series: Sequence[tuple[date, int]]) -> list[tuple[date, int]]:
    """The count at the end of each month (the last day seen in it), thinned to at most
    ``MAX_TABLE_POINTS`` and always ending with the latest count."""
    month_ends: dict[tuple[int, int], tuple[date, int]] = {}
    for day, n in series:
        month_ends[(day.year, day.month)] = (day, n)
    points = list(month_ends.values())
    if len(points) > MAX_TABLE_POINTS:
        stride = -(-len(points) // MAX_TABLE_POINTS)
        points = points[::-1][::stride][::-1]
    if series and (not points or points[-1] != series[-1]):
        points.append(series[-1])
    return points


def _requested(detail: PetitionDetail) -> str:
    """ "; the Committee asked for a revised response on 29 July 2026 (chased)"."""
    if not detail.revision_requests:
        return ""
    latest = detail.revision_requests[-1]
    when = f" on {long_date(latest.sent_on)}" if latest.sent_on else ""
    status = latest.status.replace("_", " ")
    return f"; the Committee asked for a revised response{when} ({status})"


def response_status(detail: PetitionDetail) -> str:
    """One line: responded (when, revised?), awaiting (due when), or not yet needed."""
    current = detail.current_response
    if current is not None:
        when = current.responded_on or rules.london_date(current.first_seen_at)
        revised = " (revised; earlier versions below)" if len(detail.responses) > 1 else ""
        return f"The Government responded on {long_date(when)}{revised}{_requested(detail)}"
    if detail.response_threshold_reached_at is not None:
        due = f", due {long_date(detail.response_due_on)}" if detail.response_due_on else ""
        return f"Awaiting the Government response{due}"
    return f"No response yet: fewer than {rules.RESPONSE_THRESHOLD:,} signatures"
