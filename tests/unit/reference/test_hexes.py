"""Hex cartogram geometry: the odd-r layout, corners, neighbours and nation outlines."""

from __future__ import annotations

import math

import pytest

from caseworker.reference import BoundarySet, HexCell, hex_layout, seats
from caseworker.reference.hexes import (
    hex_centre,
    hex_corners,
    hex_group_outlines,
    hex_nation_outlines,
    hex_neighbours,
)


@pytest.mark.parametrize("cell", [HexCell(3, 5), HexCell(-2, -13), HexCell(0, 0), HexCell(7, -4)])
def test_neighbours_are_one_hex_width_away_and_know_each_other(cell: HexCell) -> None:
    x, y = hex_centre(cell)
    for neighbour in hex_neighbours(cell):
        nx, ny = hex_centre(neighbour)
        assert math.hypot(nx - x, ny - y) == pytest.approx(math.sqrt(3))
        assert cell in hex_neighbours(neighbour)
    for corner in hex_corners(cell):
        assert math.hypot(corner[0] - x, corner[1] - y) == pytest.approx(1.0)


def test_odd_rows_are_shoved_right() -> None:
    assert hex_centre(HexCell(0, 1))[0] > hex_centre(HexCell(0, 0))[0]
    assert hex_centre(HexCell(0, -1))[0] > hex_centre(HexCell(0, 0))[0]
    assert hex_centre(HexCell(0, 1))[1] > hex_centre(HexCell(0, 0))[1]


@pytest.mark.parametrize("boundary_set", list(BoundarySet))
def test_north_is_up_on_both_maps(boundary_set: BoundarySet) -> None:
    by_name = {seat.name: code for code, seat in seats(boundary_set).items()}
    cells = hex_layout(boundary_set).cells
    orkney = hex_centre(cells[by_name["Orkney and Shetland"]])
    st_ives = hex_centre(cells[by_name["St Ives"]])
    assert orkney[1] > st_ives[1] + 30


def test_sides_between_two_groups_are_on_both_outlines() -> None:
    outlines = hex_nation_outlines(BoundarySet.B2024)
    assert set(outlines) == {"England", "Scotland", "Wales", "Northern Ireland"}

    def rounded(sides: tuple[tuple[tuple[float, float], ...], ...]) -> set[frozenset[object]]:
        return {frozenset((round(x, 6), round(y, 6)) for x, y in side) for side in sides}

    england, scotland = rounded(outlines["England"]), rounded(outlines["Scotland"])
    wales, northern_ireland = rounded(outlines["Wales"]), rounded(outlines["Northern Ireland"])
    assert len(england & scotland) >= 3 and len(england & wales) >= 5
    assert not northern_ireland & (england | scotland | wales)


def test_one_group_has_only_its_coast_as_outline() -> None:
    outlines = hex_group_outlines(BoundarySet.B2010, lambda seat: "UK")
    # 650 hexes have 3,900 sides; shared ones are inside, so far fewer face the sea.
    assert 300 < len(outlines["UK"]) < 1_000
