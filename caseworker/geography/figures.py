"""A petition's signatures seat by seat: joined to the shipped constituencies, per 1,000
electors, as a share of the UK's signatures, and how strong each seat is for its size.

Every breakdown row is joined to a seat by its ONS code, else by its name (some captures have
codes the shipped data does not know, such as the provisional codes of five Scottish seats in
2024 maps). A row that joins no seat is kept in ``unmatched``, never dropped: a map must not
draw a silent hole.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cached_property
from types import MappingProxyType

from caseworker import reference
from caseworker.geography.measures import Measure
from caseworker.reference import BoundarySet, Seat
from caseworker.services.dto import CountView, PetitionDetail

UK_CODE = "GB"
UK_NAMES = frozenset({"United Kingdom", "UK"})
#: Polling day of the first general election fought on the 2024 constituencies: petitions
#: opened before it count by the 2010–2024 constituencies.
NEW_BOUNDARIES_FROM = date(2024, 7, 4)


@dataclass(frozen=True)
class SeatFigures:
    """One seat's share of a petition."""

    seat: Seat
    signatures: int
    #: Signatures per 1,000 electors; None when the seat's electorate is not known.
    per_thousand: float | None
    #: The seat's fraction (0–1) of the signatures counted in constituencies.
    share_of_uk: float
    #: The seat's share of the signatures over its share of the electorate: 1 is par, 2 twice
    #: as strong as its size would give; None when the electorate is not known.
    salience: float | None
    #: The Member to name: the site's, else the shipped one, else "vacant".
    mp: str
    #: The Member's party, from the shipped results: None when the site names someone else
    #: than the Member returned at that election (an older capture, a by-election), or the
    #: seat is vacant, since the shipped party would then be another person's.
    party: str | None

    @property
    def code(self) -> str:
        return self.seat.code

    @property
    def name(self) -> str:
        return self.seat.name

    @property
    def vacant(self) -> bool:
        return self.mp == reference.VACANT

    def value(self, measure: Measure) -> float | None:
        """The figure a map colours by: the rate (None if unknown) or the count."""
        if measure is Measure.RATE:
            return self.per_thousand
        return float(self.signatures)


@dataclass(frozen=True)
class UnmatchedRow:
    """A breakdown row that joined no seat of the petition's boundary set, and why."""

    name: str
    code: str | None
    signatures: int
    reason: str


@dataclass(frozen=True)
class PetitionGeography:
    """Where one petition's signatures come from, for all the seats of its boundary set."""

    petition_id: int
    action: str
    boundary_set: BoundarySet
    #: Every seat of the set (650), in ONS code order; seats absent from the breakdown have 0.
    seats: tuple[SeatFigures, ...]
    unmatched: tuple[UnmatchedRow, ...]
    #: Signatures counted in constituencies (matched and unmatched rows).
    uk_total: int
    signature_count: int
    #: The site's count for the United Kingdom (None when the capture gives no countries).
    uk_country_count: int | None
    #: When the breakdowns were captured (the capture's time), if known.
    as_of: datetime | None
    #: False when the capture has no constituency breakdown at all.
    has_breakdown: bool

    @cached_property
    def by_code(self) -> Mapping[str, SeatFigures]:
        return MappingProxyType({figures.code: figures for figures in self.seats})

    @property
    def outside_uk(self) -> int | None:
        """Signatures from outside the UK (None when the capture gives no countries)."""
        if self.uk_country_count is None:
            return None
        return max(self.signature_count - self.uk_country_count, 0)

    @property
    def outside_uk_share(self) -> float | None:
        """The fraction (0–1) of all signatures from outside the UK."""
        outside = self.outside_uk
        if outside is None or self.signature_count <= 0:
            return None
        return outside / self.signature_count

    def ranked(self, measure: Measure = Measure.COUNT) -> list[SeatFigures]:
        """Seats with signatures, highest first by ``measure`` (unknown rates last), then
        by name."""
        signed = [figures for figures in self.seats if figures.signatures > 0]
        return sorted(signed, key=lambda f: (_descending(f.value(measure)), f.name))

    def strongest(self, limit: int = 5) -> list[SeatFigures]:
        """The seats whose share of the signatures most exceeds their share of the electorate."""
        known = [f for f in self.seats if f.salience is not None]
        return sorted(known, key=lambda f: (-(f.salience or 0.0), f.name))[:limit]

    def weakest(self, limit: int = 5) -> list[SeatFigures]:
        """The seats with signatures whose share of them falls furthest below their share of
        the electorate (seats with none are all alike at 0, and say nothing more)."""
        known = [f for f in self.seats if f.salience is not None and f.signatures > 0]
        return sorted(known, key=lambda f: (f.salience or 0.0, f.name))[:limit]


def _descending(value: float | None) -> tuple[int, float]:
    return (1, 0.0) if value is None else (0, -value)


def petition_geography(detail: PetitionDetail) -> PetitionGeography:
    """The petition's signatures joined to every seat of the boundary set it counts by."""
    rows = detail.signatures_by_constituency
    boundary_set = choose_boundary_set(detail)
    joined, unmatched = join_rows(rows, boundary_set)
    uk_total = sum(row.signature_count for row in rows)
    mps = _members(joined, boundary_set)
    electorate = sum(seat.electorate or 0 for seat in reference.seats(boundary_set).values())
    seats = tuple(
        _seat_figures(seat, joined.get(code), mps.get(code), uk_total, electorate, boundary_set)
        for code, seat in sorted(reference.seats(boundary_set).items())
    )
    return PetitionGeography(
        petition_id=detail.id,
        action=detail.action,
        boundary_set=boundary_set,
        seats=seats,
        unmatched=tuple(unmatched),
        uk_total=uk_total,
        signature_count=detail.signature_count,
        uk_country_count=_uk_country_count(detail.signatures_by_country),
        as_of=detail.breakdowns_as_of or detail.updated_at,
        has_breakdown=bool(rows),
    )


def choose_boundary_set(detail: PetitionDetail) -> BoundarySet:
    """The set the breakdown's ONS codes belong to; else the one most of its names name;
    else, with no breakdown to go by, the set in force when the petition opened."""
    rows = detail.signatures_by_constituency
    try:
        return reference.boundary_set_for(row.code for row in rows if row.code)
    except ValueError:
        pass
    by_names = _set_by_names(row.name for row in rows)
    if by_names is not None:
        return by_names
    opened = detail.opened_at or detail.created_at or detail.updated_at
    return BoundarySet.B2010 if _day(opened) < NEW_BOUNDARIES_FROM else BoundarySet.B2024


def _set_by_names(names: Iterable[str]) -> BoundarySet | None:
    wanted = list(names)
    counts = {
        each: sum(reference.find_seat("", name, each) is not None for name in wanted)
        for each in (BoundarySet.B2024, BoundarySet.B2010)
    }
    best = max(counts, key=lambda each: counts[each])
    return best if counts[best] else None


def _day(moment: datetime) -> date:
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).date()


def join_rows(
    rows: Sequence[CountView], boundary_set: BoundarySet
) -> tuple[dict[str, CountView], list[UnmatchedRow]]:
    """Each row joined to its seat's final code (by code, else by name); the rest, with why.

    A code is trusted before a name: a row whose code is a seat joins that seat whatever its
    name says. A second row for a seat already joined is reported, not added in.
    """
    joined: dict[str, CountView] = {}
    unmatched: list[UnmatchedRow] = []
    for row in rows:
        seat = reference.find_seat(row.code or "", row.name, boundary_set)
        if seat is None:
            reason = f"no seat of the {boundary_set.label} has this code or name"
            unmatched.append(UnmatchedRow(row.name, row.code, row.signature_count, reason))
        elif seat.code in joined:
            reason = f"a second row for {seat.name} ({seat.code})"
            unmatched.append(UnmatchedRow(row.name, row.code, row.signature_count, reason))
        else:
            joined[seat.code] = row
    return joined, unmatched


def _members(joined: Mapping[str, CountView], boundary_set: BoundarySet) -> dict[str, str]:
    """Each joined seat's Member: a null is "vacant" only where the capture names others."""
    others_named = any(row.mp and row.mp.strip() for row in joined.values())
    return {
        code: reference.mp_for(code, row.mp, boundary_set, others_named=others_named)
        for code, row in joined.items()
    }


def _seat_figures(
    seat: Seat,
    row: CountView | None,
    mp: str | None,
    uk_total: int,
    electorate: int,
    boundary_set: BoundarySet,
) -> SeatFigures:
    signatures = row.signature_count if row is not None else 0
    share = signatures / uk_total if uk_total > 0 else 0.0
    rate = 1000 * signatures / seat.electorate if seat.electorate else None
    salience = None
    if seat.electorate and electorate and uk_total > 0:
        salience = share / (seat.electorate / electorate)
    # A seat the breakdown leaves out has no site Member: the shipped one is named.
    member = mp if mp is not None else reference.mp_for(seat.code, None, boundary_set)
    party = seat.party if same_person(member, seat.mp) else None
    return SeatFigures(seat, signatures, rate, share, salience, member, party)


#: Words around a Member's name that do not tell people apart.
_STYLES = frozenset(
    [
        "mp",
        "rt",
        "hon",
        "right",
        "honourable",
        "sir",
        "dame",
        "dr",
        "mr",
        "mrs",
        "ms",
        "miss",
        "kc",
        "qc",
        "mbe",
        "obe",
        "cbe",
        "lord",
        "lady",
        "the",
    ]
)


def same_person(named: str | None, shipped: str | None) -> bool:
    """Whether two ways of writing a Member's name are one person ("Rt Hon Jeremy Corbyn MP"
    and "Jeremy Corbyn", "Dan Jarvis MP" and "Daniel Jarvis"): the same last name, once
    titles are set aside, and first names that begin alike (a short form and the full)."""
    first, second = _name_words(named), _name_words(shipped)
    if not first or not second or first[-1] != second[-1]:
        return False
    return _common_start(first[0], second[0]) >= min(3, len(first[0]), len(second[0]))


def _common_start(one: str, other: str) -> int:
    length = 0
    for a, b in zip(one, other, strict=False):
        if a != b:
            break
        length += 1
    return length


def _name_words(name: str | None) -> list[str]:
    words = reference.name_key(name or "").split()
    return [word for word in words if word not in _STYLES]


def _uk_country_count(countries: Sequence[CountView]) -> int | None:
    if not countries:
        return None
    return sum(c.signature_count for c in countries if c.code == UK_CODE or c.name in UK_NAMES)
