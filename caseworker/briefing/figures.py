"""The numbers a briefing quotes, worked out from one petition's stored record."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

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


@dataclass(frozen=True)
class KnownCount:
    """One moment whose signature count is known, and how it is known."""

    at: datetime
    count: int
    what: str


#: What each kind of known count is called in the chart's table.
OPENED, CAPTURED, CLOSED = "Opened", "Captured", "Closed"


def known_counts(detail: PetitionDetail) -> list[KnownCount]:
    """Every count the record pins to a moment, oldest first: none at opening, each threshold
    when it was crossed, each stored capture taken while the petition was open, and the
    closing count (the first capture taken after it closed)."""
    known = [KnownCount(detail.opened_at, 0, OPENED)] if detail.opened_at else []
    for t, at in (
        (rules.RESPONSE_THRESHOLD, detail.response_threshold_reached_at),
        (rules.DEBATE_THRESHOLD, detail.debate_threshold_reached_at),
    ):
        if at is not None:
            known.append(KnownCount(at, t, f"{t:,} reached"))
    closed_at = detail.closed_at
    history = sorted(detail.signature_history, key=lambda snap: snap.at)
    open_captures = [snap for snap in history if closed_at is None or snap.at < closed_at]
    known += [KnownCount(snap.at, snap.count, CAPTURED) for snap in open_captures]
    after_close = [snap for snap in history if closed_at is not None and snap.at >= closed_at]
    if closed_at is not None and after_close:
        known.append(KnownCount(closed_at, after_close[0].count, CLOSED))
    return sorted(known, key=lambda k: (k.at, k.count))


def tabulated(known: Sequence[KnownCount]) -> list[KnownCount]:
    """The known counts a table lists: every milestone, and the captures thinned to about one
    a month (``MAX_TABLE_POINTS`` at most) when there are many."""
    captures = [k for k in known if k.what == CAPTURED]
    if len(captures) <= MAX_TABLE_POINTS:
        return list(known)
    by_day = {rules.london_date(k.at): k for k in captures}
    kept_days = {day for day, _n in table_points([(d, k.count) for d, k in by_day.items()])}
    kept = {id(by_day[day]) for day in kept_days}
    return [k for k in known if k.what != CAPTURED or id(k) in kept]


def response_moment(detail: PetitionDetail) -> datetime | None:
    """When the Government first responded, as far as the record says."""
    if detail.government_response_at is not None:
        return detail.government_response_at
    dated = [r.responded_on for r in detail.responses if r.responded_on is not None]
    return _midday(min(dated)) if dated else None


def debate_moment(detail: PetitionDetail) -> datetime | None:
    """The day the petition was debated, or is scheduled to be."""
    day = detail.debate.debated_on if detail.debate is not None else None
    day = day or detail.scheduled_debate_date
    return _midday(day) if day is not None else None


def _midday(day: date) -> datetime:
    """A day as a moment (its middle, so the London date is the same whatever the season)."""
    return datetime.combine(day, time(12), tzinfo=UTC)


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
