"""Reading constituency boundaries (GeoJSON, TopoJSON) and simplifying them without slivers.

Two neighbouring seats share their border point for point in the sources. Simplifying each seat
on its own would drop different points on each side and leave gaps and overlaps, so the rings
are first cut at topological nodes (points with more than two distinct neighbours, where three
seats or a seat and the sea meet); each piece of border between two nodes is then simplified once
(Douglas–Peucker) and the same result used by both seats.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

Point = tuple[float, float]
Ring = list[Point]
Polygon = list[Ring]
Shapes = dict[str, list[Polygon]]

#: Longitude degrees are shorter than latitude degrees in the UK (cos 54°); distances for the
#: simplification are measured with longitude scaled by this, so the tolerance is the same
#: length north–south and east–west.
LONGITUDE_SHRINK = math.cos(math.radians(54.0))


def _open_ring(coordinates: Iterable[Sequence[float]]) -> Ring:
    ring = [(float(x), float(y)) for x, y, *_ in coordinates]
    if len(ring) > 1 and ring[0] == ring[-1]:
        ring.pop()
    return ring


def geojson_shapes(data: dict[str, Any], code_field: str, name_field: str) -> dict[str, Any]:
    """``{code: (name, polygons)}`` from a GeoJSON FeatureCollection of (Multi)Polygons."""
    shapes: dict[str, Any] = {}
    for feature in data["features"]:
        geometry = feature["geometry"]
        parts = geometry["coordinates"]
        if geometry["type"] == "Polygon":
            parts = [parts]
        polygons = [[_open_ring(ring) for ring in polygon] for polygon in parts]
        properties = feature["properties"]
        shapes[properties[code_field]] = (properties[name_field], polygons)
    return shapes


def _decoded_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    scale_x, scale_y = topology["transform"]["scale"]
    move_x, move_y = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for step_x, step_y in arc:
            x += step_x
            y += step_y
            points.append((x * scale_x + move_x, y * scale_y + move_y))
        arcs.append(points)
    return arcs


def _topology_ring(arc_indexes: list[int], arcs: list[list[Point]]) -> Ring:
    ring: list[Point] = []
    for index in arc_indexes:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(points if not ring else points[1:])
    return _open_ring(ring)


def _first_present(properties: dict[str, Any], fields: Sequence[str]) -> str:
    return str(next(properties[field] for field in fields if field in properties))


def topojson_shapes(
    topology: dict[str, Any],
    object_name: str,
    code_fields: Sequence[str],
    name_fields: Sequence[str],
) -> dict[str, Any]:
    """``{code: (name, polygons)}`` from a quantised TopoJSON object of (Multi)Polygons.

    The first of ``code_fields`` (and ``name_fields``) a geometry has is used: some files name
    the fields differently for one nation.
    """
    arcs = _decoded_arcs(topology)
    shapes: dict[str, Any] = {}
    for geometry in topology["objects"][object_name]["geometries"]:
        parts = geometry["arcs"]
        if geometry["type"] == "Polygon":
            parts = [parts]
        polygons = [[_topology_ring(ring, arcs) for ring in polygon] for polygon in parts]
        properties = geometry["properties"]
        code = _first_present(properties, code_fields)
        shapes[code] = (_first_present(properties, name_fields), polygons)
    return shapes


def _neighbours(shapes: Shapes) -> dict[Point, set[Point]]:
    found: dict[Point, set[Point]] = defaultdict(set)
    for polygons in shapes.values():
        for polygon in polygons:
            for ring in polygon:
                for index, point in enumerate(ring):
                    found[point].add(ring[index - 1])
                    found[point].add(ring[(index + 1) % len(ring)])
    return found


def _distance_to_chord(point: Point, start: Point, end: Point) -> float:
    px, py = point[0] * LONGITUDE_SHRINK, point[1]
    ax, ay = start[0] * LONGITUDE_SHRINK, start[1]
    bx, by = end[0] * LONGITUDE_SHRINK, end[1]
    dx, dy = bx - ax, by - ay
    length_squared = dx * dx + dy * dy
    if length_squared == 0:
        return math.hypot(px - ax, py - ay)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length_squared))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def douglas_peucker(points: Sequence[Point], tolerance: float) -> list[Point]:
    """The points of an open line kept by Douglas–Peucker (both ends always kept)."""
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        farthest, distance = first, 0.0
        for index in range(first + 1, last):
            d = _distance_to_chord(points[index], points[first], points[last])
            if d > distance:
                farthest, distance = index, d
        if distance > tolerance:
            keep[farthest] = True
            stack += [(first, farthest), (farthest, last)]
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def _canonical(piece: list[Point]) -> tuple[list[Point], bool]:
    """The piece in the direction both seats agree on, and whether it was reversed."""
    backwards = piece[::-1]
    return (backwards, True) if backwards < piece else (piece, False)


class _SharedSimplifier:
    """Simplifies each piece of border once, whichever seat asks first."""

    def __init__(self, tolerance: float) -> None:
        self.tolerance = tolerance
        self.done: dict[tuple[Point, ...], list[Point]] = {}

    def piece(self, piece: list[Point]) -> list[Point]:
        canonical, reversed_ = _canonical(piece)
        key = tuple(canonical)
        if key not in self.done:
            self.done[key] = douglas_peucker(canonical, self.tolerance)
        simplified = self.done[key]
        return simplified[::-1] if reversed_ else simplified

    def loop(self, ring: Ring) -> Ring:
        """A ring touching nothing (an island, an enclave): cut where both sides agree."""
        start = ring.index(min(ring))
        rotated = ring[start:] + ring[:start]
        if rotated[-1] < rotated[1]:
            rotated = [rotated[0], *rotated[:0:-1]]
        start_point = rotated[0]
        far = max(
            range(len(rotated)),
            key=lambda i: _distance_to_chord(rotated[i], start_point, start_point),
        )
        first = douglas_peucker(rotated[: far + 1], self.tolerance)
        second = douglas_peucker([*rotated[far:], rotated[0]], self.tolerance)
        return first + second[1:-1]


def _piece_between(ring: Ring, cut: int, following: int) -> list[Point]:
    """The ring's points from one node to the next, both included (around the end if need be)."""
    if following > cut:
        return ring[cut : following + 1]
    return ring[cut:] + ring[: following + 1]


def _simplify_ring(ring: Ring, nodes: set[Point], shared: _SharedSimplifier) -> Ring:
    cuts = [index for index, point in enumerate(ring) if point in nodes]
    if not cuts:
        return shared.loop(ring)
    simplified: Ring = []
    for position, cut in enumerate(cuts):
        following = cuts[(position + 1) % len(cuts)]
        simplified.extend(shared.piece(_piece_between(ring, cut, following))[:-1])
    return simplified


def simplify_shapes(shapes: Shapes, tolerance: float) -> Shapes:
    """Every ring simplified, shared borders identically on both sides."""
    neighbours = _neighbours(shapes)
    nodes = {point for point, around in neighbours.items() if len(around) > 2}
    shared = _SharedSimplifier(tolerance)
    return {
        code: [[_simplify_ring(ring, nodes, shared) for ring in polygon] for polygon in polygons]
        for code, polygons in shapes.items()
    }
