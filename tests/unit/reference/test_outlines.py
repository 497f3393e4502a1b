"""Outlines of nations and regions, from the seats' shared borders."""

from __future__ import annotations

import pytest

from caseworker.reference import BoundarySet
from caseworker.reference.model import Shape
from caseworker.reference.outlines import (
    _chained,
    _outline_edges,
    nation_outlines,
    region_outlines,
)


def _square(x: float) -> Shape:
    return ((((x, 0.0), (x + 1, 0.0), (x + 1, 1.0), (x, 1.0)),),)


def test_the_border_two_shapes_share_is_not_on_their_outline() -> None:
    edges = _outline_edges([_square(0.0), _square(1.0)])
    assert ((1.0, 0.0), (1.0, 1.0)) not in edges
    assert len(edges) == 6
    (line,) = _chained(edges)
    assert line[0] == line[-1] and len(line) == 7


def test_shapes_apart_make_two_lines() -> None:
    assert len(_chained(_outline_edges([_square(0.0), _square(5.0)]))) == 2


@pytest.mark.parametrize("boundary_set", list(BoundarySet))
def test_the_four_nations_are_outlined_with_closed_lines(boundary_set: BoundarySet) -> None:
    outlines = nation_outlines(boundary_set)
    assert set(outlines) == {"England", "Scotland", "Wales", "Northern Ireland"}
    for lines in outlines.values():
        assert lines and all(line[0] == line[-1] for line in lines)
    # Northern Ireland's land border is its outline, and it touches no other nation's.
    northern_ireland = {p for line in outlines["Northern Ireland"] for p in line}
    scotland = {p for line in outlines["Scotland"] for p in line}
    england = {p for line in outlines["England"] for p in line}
    assert not northern_ireland & (scotland | england)
    assert len(scotland & england) > 10


def test_the_english_regions_are_outlined_too() -> None:
    outlines = region_outlines(BoundarySet.B2024)
    assert len(outlines) == 12 and "London" in outlines
