"""Geometry of the hex cartograms: where each hex sits, its corners, and group outlines.

Both shipped maps use HexJSON's "odd-r" layout: pointy-topped hexes in rows, odd rows shoved
half a hex to the right. In the ODI Leeds maps ``r`` grows northwards, so here ``y`` points
north too: a window drawing downwards flips it. Units are the hex's radius (centre to corner).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from functools import cache

from caseworker.reference import lookup
from caseworker.reference.model import BoundarySet, HexCell, Point, Seat

ODD_R = "odd-r"
_WIDTH = math.sqrt(3)
#: A side of a hex, as its two corners.
Side = tuple[Point, Point]


def hex_centre(cell: HexCell) -> Point:
    """The centre of a hex (x east, y north), in hex radii."""
    shove = 0.5 if cell.r % 2 else 0.0
    return (_WIDTH * (cell.q + shove), 1.5 * cell.r)


def hex_corners(cell: HexCell) -> tuple[Point, ...]:
    """The six corners of a pointy-topped hex, anticlockwise from the top."""
    x, y = hex_centre(cell)
    angles = (math.radians(90 + 60 * step) for step in range(6))
    return tuple((x + math.cos(angle), y + math.sin(angle)) for angle in angles)


def hex_neighbours(cell: HexCell) -> tuple[HexCell, ...]:
    """The six cells around a cell in the odd-r layout (whether or not a seat is there)."""
    shove = 1 if cell.r % 2 else -1
    q, r = cell.q, cell.r
    steps = ((1, 0), (-1, 0), (0, 1), (0, -1), (shove, 1), (shove, -1))
    return tuple(HexCell(q + dq, r + dr) for dq, dr in steps)


def _across(cell: HexCell, side: Side) -> HexCell:
    """The cell on the other side of one of this cell's sides."""
    x, y = hex_centre(cell)
    middle_x = (side[0][0] + side[1][0]) / 2
    middle_y = (side[0][1] + side[1][1]) / 2
    r = round((2 * middle_y - y) / 1.5)
    q = round((2 * middle_x - x) / _WIDTH - (0.5 if r % 2 else 0.0))
    return HexCell(q, r)


def _sides(cell: HexCell) -> tuple[Side, ...]:
    corners = hex_corners(cell)
    return tuple((corners[index], corners[(index + 1) % 6]) for index in range(6))


def hex_group_outlines(
    boundary_set: BoundarySet, group: Callable[[Seat], str] = lambda seat: seat.nation
) -> Mapping[str, tuple[Side, ...]]:
    """The sides of each group's hexes that face another group or the sea.

    Raises:
        ValueError: if the set's map is not in the odd-r layout.
    """
    layout = lookup.hex_layout(boundary_set)
    if layout.layout != ODD_R:
        raise ValueError(f"hex layout {layout.layout!r} is not {ODD_R!r}")
    seats = lookup.seats(boundary_set)
    group_at = {cell: group(seats[code]) for code, cell in layout.cells.items()}
    outlines: dict[str, list[Side]] = {}
    for cell, name in sorted(group_at.items(), key=lambda item: (item[0].r, item[0].q)):
        facing_out = [side for side in _sides(cell) if group_at.get(_across(cell, side)) != name]
        outlines.setdefault(name, []).extend(facing_out)
    return {name: tuple(sides) for name, sides in sorted(outlines.items())}


@cache
def hex_nation_outlines(boundary_set: BoundarySet) -> Mapping[str, tuple[Side, ...]]:
    """The four nations outlined on the hex map (computed once a set)."""
    return hex_group_outlines(boundary_set)
