"""What the map and the Members list need for one petition, worked out off the window's thread.

``load_map_data`` reads the shipped constituency data (the first time, a few tenths of a
second), joins the breakdown to the seats and builds the two maps' paths: all of it in a
reader job, so the window only colours paths already made.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from caseworker.geography import (
    Measure,
    MemberRow,
    PetitionGeography,
    join_rows,
    members_to_invite,
    petition_geography,
)
from caseworker.services.dto import CountView, PetitionDetail
from ui.maps.shapes import MapKind, MapShapes, map_shapes

#: How many Members each list names.
MEMBERS_LISTED = 10


@dataclass(frozen=True)
class MapData:
    """One petition's geography, both maps of its boundary set, and its Members to invite."""

    geography: PetitionGeography
    shapes: Mapping[MapKind, MapShapes]
    #: Each row of the constituency table (as the site gave it) to the code of its seat.
    seat_of_row: Mapping[CountView, str]
    members_by_count: tuple[MemberRow, ...]
    members_by_rate: tuple[MemberRow, ...]

    def row_for_seat(self, code: str) -> CountView | None:
        """The table row of a seat, if the breakdown has one."""
        return next((row for row, seat in self.seat_of_row.items() if seat == code), None)


def load_map_data(detail: PetitionDetail) -> MapData:
    """Everything the Signatures tab draws for a petition (call it in a reader job)."""
    geography = petition_geography(detail)
    boundary_set = geography.boundary_set
    joined, _unmatched = join_rows(detail.signatures_by_constituency, boundary_set)
    return MapData(
        geography=geography,
        shapes={kind: map_shapes(kind, boundary_set) for kind in MapKind},
        seat_of_row={row: code for code, row in joined.items()},
        members_by_count=tuple(members_to_invite([geography], Measure.COUNT, MEMBERS_LISTED)),
        members_by_rate=tuple(members_to_invite([geography], Measure.RATE, MEMBERS_LISTED)),
    )
