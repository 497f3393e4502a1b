"""Westminster constituencies, offline: seats, electorates, Members, hex maps and boundaries.

Two boundary sets are shipped: the 2010–2024 constituencies (with the 2019 general election's
electorates and Members) and the July 2024 constituencies (with the 2024 election's). The files
under ``resources/reference`` are derived by ``scripts/derive_reference_data.py`` from public
data (see the README there for sources and licences) and read lazily, once.
"""

from __future__ import annotations

from caseworker.reference.hexes import (
    hex_centre,
    hex_corners,
    hex_group_outlines,
    hex_nation_outlines,
    hex_neighbours,
)
from caseworker.reference.lookup import (
    VACANT,
    boundaries,
    boundary_set_for,
    find_seat,
    hex_layout,
    members_for,
    mp_for,
    results_election,
    seats,
)
from caseworker.reference.model import (
    BoundarySet,
    HexCell,
    HexLayout,
    Point,
    Polygon,
    Ring,
    Seat,
    Shape,
)
from caseworker.reference.names import name_key
from caseworker.reference.outlines import Line, group_outlines, nation_outlines, region_outlines

__all__ = [
    "VACANT",
    "BoundarySet",
    "HexCell",
    "HexLayout",
    "Line",
    "Point",
    "Polygon",
    "Ring",
    "Seat",
    "Shape",
    "boundaries",
    "boundary_set_for",
    "find_seat",
    "group_outlines",
    "hex_centre",
    "hex_corners",
    "hex_group_outlines",
    "hex_layout",
    "hex_nation_outlines",
    "hex_neighbours",
    "members_for",
    "mp_for",
    "name_key",
    "nation_outlines",
    "region_outlines",
    "results_election",
    "seats",
]
