"""The Members to invite to a debate: those whose constituents signed most, by count or by
rate per 1,000 electors, over one petition or the several debated together."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from caseworker.geography.figures import PetitionGeography
from caseworker.geography.measures import Measure
from caseworker.reference import BoundarySet, Seat

DEFAULT_LIMIT = 10


@dataclass(frozen=True)
class MemberRow:
    """A Member, their seat, and their constituents' signatures over the petitions."""

    rank: int
    member: str
    #: None when the shipped results name another Member (see SeatFigures.party).
    party: str | None
    seat: Seat
    #: Signatures summed over the petitions (one person signing two petitions counts twice).
    signatures: int
    #: Those signatures per 1,000 electors; None when the electorate is not known.
    per_thousand: float | None
    #: How many of the petitions had signatures from the seat.
    petitions: int


def members_to_invite(
    geographies: Iterable[PetitionGeography],
    by: Measure = Measure.COUNT,
    limit: int = DEFAULT_LIMIT,
) -> list[MemberRow]:
    """The Members whose constituents signed most, best first (vacant seats have no Member
    to invite and are left out). Ties go by seat name, so the order is stable."""
    totals = _summed(geographies)
    ranked = sorted(totals.values(), key=lambda t: (_order(t, by), t.seat.name))
    return [
        MemberRow(rank, t.member, t.party, t.seat, t.signatures, t.rate, t.petitions)
        for rank, t in enumerate(ranked[: max(limit, 0)], start=1)
    ]


@dataclass
class _Total:
    seat: Seat
    member: str
    party: str | None
    signatures: int = 0
    petitions: int = 0

    @property
    def rate(self) -> float | None:
        electorate = self.seat.electorate
        return 1000 * self.signatures / electorate if electorate else None


def _summed(geographies: Iterable[PetitionGeography]) -> dict[tuple[BoundarySet, str], _Total]:
    """Each seat's signatures over the petitions; the Member named in the newest capture."""
    newest_first = sorted(geographies, key=_capture_order, reverse=True)
    totals: dict[tuple[BoundarySet, str], _Total] = {}
    for geography in newest_first:
        for figures in geography.seats:
            if figures.signatures <= 0 or figures.vacant:
                continue
            key = (figures.seat.boundary_set, figures.code)
            total = totals.setdefault(key, _Total(figures.seat, figures.mp, figures.party))
            total.signatures += figures.signatures
            total.petitions += 1
    return totals


def _capture_order(geography: PetitionGeography) -> float:
    return geography.as_of.timestamp() if geography.as_of is not None else 0.0


def _order(total: _Total, by: Measure) -> tuple[int, float]:
    if by is Measure.RATE:
        rate = total.rate
        return (1, 0.0) if rate is None else (0, -rate)
    return (0, -float(total.signatures))
