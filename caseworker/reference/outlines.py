"""Outlines of groups of seats (nations, regions) from the seats' shared borders.

Neighbouring seats are shipped with identical shared borders (the derivation simplifies each
piece of border once), so an edge drawn by two seats of the same group is inside the group, and
an edge drawn once is on its outline: the coast, or a border with another group.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping
from functools import cache

from caseworker.reference import lookup
from caseworker.reference.model import BoundarySet, Point, Seat, Shape

Edge = tuple[Point, Point]
#: A line through points, to be drawn as one path (closed when it ends where it starts).
Line = tuple[Point, ...]


def _edges(shape: Shape) -> Iterator[Edge]:
    for polygon in shape:
        for ring in polygon:
            for index, point in enumerate(ring):
                following = ring[(index + 1) % len(ring)]
                yield (point, following) if point <= following else (following, point)


def _outline_edges(shapes: list[Shape]) -> list[Edge]:
    counts = Counter(edge for shape in shapes for edge in _edges(shape))
    return sorted(edge for edge, count in counts.items() if count % 2)


def _chained(edges: list[Edge]) -> list[Line]:
    """Edges joined end to end into as few lines as a greedy walk finds."""
    touching: dict[Point, list[Edge]] = defaultdict(list)
    for edge in edges:
        touching[edge[0]].append(edge)
        touching[edge[1]].append(edge)
    unused = set(edges)
    lines = []
    for edge in edges:
        if edge not in unused:
            continue
        unused.discard(edge)
        line = [edge[0], edge[1]]
        while True:
            following = next((e for e in touching[line[-1]] if e in unused), None)
            if following is None:
                break
            unused.discard(following)
            line.append(following[1] if following[0] == line[-1] else following[0])
        lines.append(tuple(line))
    return lines


def group_outlines(
    boundary_set: BoundarySet, group: Callable[[Seat], str] = lambda seat: seat.nation
) -> Mapping[str, tuple[Line, ...]]:
    """Each group's outline as lines of points (degrees); by default the four nations.

    Pass ``group=lambda seat: seat.region`` for the English regions (and the other nations).
    """
    shapes_by_group: dict[str, list[Shape]] = defaultdict(list)
    all_shapes = lookup.boundaries(boundary_set)
    for code, seat in lookup.seats(boundary_set).items():
        shapes_by_group[group(seat)].append(all_shapes[code])
    return {
        name: tuple(_chained(_outline_edges(shapes)))
        for name, shapes in sorted(shapes_by_group.items())
    }


@cache
def nation_outlines(boundary_set: BoundarySet) -> Mapping[str, tuple[Line, ...]]:
    """England, Scotland, Wales and Northern Ireland outlined (computed once a set)."""
    return group_outlines(boundary_set, lambda seat: seat.nation)


@cache
def region_outlines(boundary_set: BoundarySet) -> Mapping[str, tuple[Line, ...]]:
    """The English regions, Scotland, Wales and Northern Ireland outlined (once a set)."""
    return group_outlines(boundary_set, lambda seat: seat.region)
