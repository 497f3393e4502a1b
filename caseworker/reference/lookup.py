"""Finding seats by code or name, the boundary set a breakdown uses, and a seat's Member."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from functools import cache
from types import MappingProxyType

from caseworker.reference import store
from caseworker.reference.model import BoundarySet, HexLayout, Seat, Shape
from caseworker.reference.names import name_key

#: Said where a seat has no Member, on the site or in the shipped results.
VACANT = "vacant"

#: Newest first: where a code belongs to both sets (five Scottish seats kept theirs in 2024).
_NEWEST_FIRST = (BoundarySet.B2024, BoundarySet.B2010)


def seats(boundary_set: BoundarySet) -> Mapping[str, Seat]:
    """Every seat of a set, by ONS code (650 of them)."""
    return MappingProxyType(store.load_seats(boundary_set))


def hex_layout(boundary_set: BoundarySet) -> HexLayout:
    """The set's hex cartogram (ODI Leeds HexJSON), keyed by the final ONS codes."""
    return store.load_hex_layout(boundary_set)


def boundaries(boundary_set: BoundarySet) -> Mapping[str, Shape]:
    """Every seat's simplified boundary in degrees, by ONS code."""
    return MappingProxyType(store.load_boundaries(boundary_set))


def results_election(boundary_set: BoundarySet) -> date:
    """The general election the set's electorates, Members and parties come from."""
    return date.fromisoformat(store.manifest()["sets"][boundary_set.value]["results_election"])


@cache
def _by_name(boundary_set: BoundarySet) -> dict[str, Seat]:
    return {name_key(seat.name): seat for seat in store.load_seats(boundary_set).values()}


def find_seat(
    code: str, name: str | None = None, boundary_set: BoundarySet | None = None
) -> Seat | None:
    """The seat with this ONS code, or else with this name (however "&", accents are written).

    Without ``boundary_set`` both sets are searched, the 2024 set first (five Scottish codes
    belong to both). The name is the fallback for codes the shipped data does not know, such as
    the provisional codes some 2024 maps used for five Scottish seats.
    """
    order = (boundary_set,) if boundary_set else _NEWEST_FIRST
    for candidate in order:
        seat = store.load_seats(candidate).get(code)
        if seat is not None:
            return seat
    if name is None:
        return None
    key = name_key(name)
    for candidate in order:
        seat = _by_name(candidate).get(key)
        if seat is not None:
            return seat
    return None


def boundary_set_for(codes: Iterable[str]) -> BoundarySet:
    """The boundary set a breakdown's ONS codes belong to.

    The set with more of the codes wins; a tie (only codes both sets share) goes to the newer
    set, whose seats they then are as well.

    Raises:
        ValueError: when none of the codes is a constituency of either set.
    """
    wanted = set(codes)
    counts = {each: len(wanted & store.load_seats(each).keys()) for each in BoundarySet}
    best = max(_NEWEST_FIRST, key=lambda candidate: counts[candidate])
    if counts[best] == 0:
        raise ValueError("none of the codes is a Westminster constituency of 2010 or 2024")
    return best


def mp_for(
    code: str,
    site_mp: str | None = None,
    boundary_set: BoundarySet | None = None,
    *,
    others_named: bool = False,
) -> str:
    """The Member to name for a seat: the site's, else the shipped one, else "vacant".

    The site gives ``mp: null`` for a seat vacant when it was captured, and for every seat
    after a dissolution (and older captures may have no Members at all). So a null is "vacant"
    when the same breakdown names other seats' Members (``others_named``); otherwise the shipped
    Member is given, the one returned at ``results_election`` (say so where it matters).
    """
    if site_mp and site_mp.strip():
        return site_mp.strip()
    if others_named:
        return VACANT
    seat = find_seat(code, boundary_set=boundary_set)
    if seat is None or not seat.mp:
        return VACANT
    return seat.mp


def members_for(
    breakdown: Iterable[tuple[str, str | None]], boundary_set: BoundarySet | None = None
) -> dict[str, str]:
    """Every seat's Member for one capture's breakdown of ``(ons_code, mp)`` pairs.

    Where the capture names some Members, its nulls are vacancies; where it names none (a
    dissolution), the shipped Members are used. See :func:`mp_for`.
    """
    rows = list(breakdown)
    others_named = any(mp and mp.strip() for _, mp in rows)
    return {code: mp_for(code, mp, boundary_set, others_named=others_named) for code, mp in rows}
