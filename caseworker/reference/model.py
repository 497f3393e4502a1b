"""The shapes of the shipped constituency reference data: seats, hex cells and boundaries."""

from __future__ import annotations

import enum
from dataclasses import dataclass

#: A point as (longitude, latitude) in degrees (WGS 84).
Point = tuple[float, float]
#: A closed ring of points; the first point is not repeated at the end.
Ring = tuple[Point, ...]
#: A polygon: its outer ring first, then any holes.
Polygon = tuple[Ring, ...]
#: A seat's shape: one polygon, or several (islands).
Shape = tuple[Polygon, ...]


class BoundarySet(enum.Enum):
    """Which Westminster constituencies a petition's breakdown counts by."""

    #: The 2010–2024 constituencies (used by petitions until the July 2024 general election).
    B2010 = "2010"
    #: The constituencies first fought on 4 July 2024.
    B2024 = "2024"

    @property
    def label(self) -> str:
        """How the set is named in text: "2010–2024 constituencies"."""
        return _LABELS[self]


_LABELS = {
    BoundarySet.B2010: "2010–2024 constituencies",
    BoundarySet.B2024: "2024 constituencies",
}


@dataclass(frozen=True)
class Seat:
    """One Westminster constituency, with the Member elected at the set's last general election.

    ``mp`` and ``party`` are those returned at the general election the set's results come from
    (2019 for ``B2010``, 2024 for ``B2024``); by-elections and defections since are not shown.
    ``party`` is written out ("Labour"), ``party_short`` is the House of Commons Library's
    abbreviation ("Lab").
    """

    code: str
    name: str
    nation: str
    region: str
    electorate: int | None
    mp: str | None
    party: str | None
    party_short: str | None
    boundary_set: BoundarySet


@dataclass(frozen=True)
class HexCell:
    """A seat's place on the hex cartogram, in HexJSON offset coordinates."""

    q: int
    r: int


@dataclass(frozen=True)
class HexLayout:
    """The hex cartogram of one boundary set.

    ``layout`` is the HexJSON offset layout ("odd-r": pointy-topped hexes, odd rows shifted
    right); ``r`` grows upwards (northwards), as in the ODI Leeds maps.
    """

    layout: str
    cells: dict[str, HexCell]
