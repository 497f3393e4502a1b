"""Each seat's shape as a ``QPainterPath``, built once per boundary set and kind of map.

Building the 650 boundary paths takes a few tenths of a second (reading the shipped
boundaries, projecting every point), so it is done once, off the window's thread, and kept:
painting then only fills paths already made. ``QPainterPath`` is a plain value type, safe to
build on a worker thread and hand to the window.

Coordinates: the hex map is in hex radii; the boundary map is in degrees, longitude shrunk by
the cosine of Britain's middle latitude so that the country keeps its shape. In both, ``y``
grows southwards, as a window draws.
"""

from __future__ import annotations

import enum
import math
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainterPath, QPolygonF

from caseworker.reference import (
    BoundarySet,
    Point,
    boundaries,
    hex_corners,
    hex_layout,
    hex_nation_outlines,
    nation_outlines,
)

#: Detail a simpler drawing may drop, in pixels: less than a pixel, drawn antialiased.
MAX_ERROR_PX = 0.8
#: The simpler boundary drawings kept, by grid size in map units (coarsest first): the map
#: fitted to the window is about 60 pixels a unit, so the first serves it, the second zooms
#: to about ×4, and closer in the exact paths are drawn.
SIMPLER_GRIDS = (0.012, 0.003)
#: Longitude is shrunk by cos(54°) so that Great Britain is not drawn squat.
_EAST_SCALE = math.cos(math.radians(54.0))
#: A point of a drawing, in map units (x east, y south).
XY = tuple[float, float]


class MapKind(enum.Enum):
    """The two ways the seats are drawn."""

    HEX = "Hex map"
    BOUNDARIES = "Boundaries"


@dataclass(frozen=True)
class Drawing:
    """The paths one level of detail paints: each seat's fill, every border once, the nations.

    Borders shared by two seats are one path, stroked once: stroking each seat's outline
    would draw every inner border twice.
    """

    #: Points are snapped to a grid this size (map units); 0 for the exact drawing.
    grid: float
    fills: Mapping[str, QPainterPath]
    borders: QPainterPath
    nations: QPainterPath


@dataclass(frozen=True)
class MapShapes:
    """Everything needed to draw and hit-test one map: a path and its bounds for each seat."""

    kind: MapKind
    boundary_set: BoundarySet
    #: The exact paths, for hit tests (and the drawing at close zoom).
    paths: Mapping[str, QPainterPath]
    bounds: Mapping[str, QRectF]
    centres: Mapping[str, QPointF]
    extent: QRectF
    #: Coarsest first; the last is exact.
    drawings: tuple[Drawing, ...]

    def drawing(self, pixels_per_unit: float) -> Drawing:
        """The coarsest drawing whose snapping moves no point by more than a pixel or so."""
        for drawing in self.drawings:
            if drawing.grid * pixels_per_unit <= MAX_ERROR_PX:
                return drawing
        return self.drawings[-1]

    def seat_at(self, point: QPointF) -> str | None:
        """The code of the seat under a point in map coordinates, if any."""
        for code, rect in self.bounds.items():
            if rect.contains(point) and self.paths[code].contains(point):
                return code
        return None


_lock = threading.Lock()
_built: dict[tuple[MapKind, BoundarySet], MapShapes] = {}


def map_shapes(kind: MapKind, boundary_set: BoundarySet) -> MapShapes:
    """The shapes of one map, built on first use and kept (safe to call from any thread)."""
    key = (kind, boundary_set)
    with _lock:
        if key not in _built:
            _built[key] = _build(kind, boundary_set)
        return _built[key]


def _build(kind: MapKind, boundary_set: BoundarySet) -> MapShapes:
    """Seats as rings of map points (each ring closed implicitly), then drawn at each grid."""
    if kind is MapKind.HEX:
        rings = {
            code: [[(round(x, 9), round(-y, 9)) for x, y in hex_corners(cell)]]
            for code, cell in hex_layout(boundary_set).cells.items()
        }
        lines = [
            [(round(a[0], 9), round(-a[1], 9)), (round(b[0], 9), round(-b[1], 9))]
            for sides in hex_nation_outlines(boundary_set).values()
            for a, b in sides
        ]
        grids: tuple[float, ...] = (0.0,)
    else:
        rings = {
            code: [_projected(ring) for polygon in shape for ring in polygon]
            for code, shape in boundaries(boundary_set).items()
        }
        lines = [_projected(line) for found in nation_outlines(boundary_set).values()
                 for line in found]  # fmt: skip
        grids = (*SIMPLER_GRIDS, 0.0)
    drawings = tuple(_drawing(rings, lines, grid) for grid in grids)
    paths = drawings[-1].fills
    bounds = {code: path.boundingRect() for code, path in paths.items()}
    extent = QRectF()
    for rect in bounds.values():
        extent = extent.united(rect)
    centres = {code: _centre(kind, path, bounds[code]) for code, path in paths.items()}
    return MapShapes(kind, boundary_set, paths, bounds, centres, extent, drawings)


def _projected(points: Sequence[Point]) -> list[XY]:
    return [(x * _EAST_SCALE, -y) for x, y in points]


def project(longitude: float, latitude: float) -> QPointF:
    """A point of the boundary map, from degrees (y grows southwards)."""
    return QPointF(longitude * _EAST_SCALE, -latitude)


def snapped(points: Sequence[XY], grid: float, *, closed: bool) -> list[XY]:
    """The points moved to the nearest corner of a grid, repeats dropped (the points of a
    seat smaller than a pixel collapse). Snapping does not depend on the direction a border
    is walked, so two seats sharing a border still share it exactly, with no gap between."""
    if grid <= 0:
        return list(points)
    found: list[XY] = []
    for x, y in points:
        point = (round(x / grid) * grid, round(y / grid) * grid)
        if not found or point != found[-1]:
            found.append(point)
    if closed and len(found) > 1 and found[0] == found[-1]:
        found.pop()
    return found


def _drawing(rings: Mapping[str, list[list[XY]]], lines: list[list[XY]], grid: float) -> Drawing:
    fills = {}
    drawn: list[list[XY]] = []
    for code, seat_rings in rings.items():
        kept = [snapped(ring, grid, closed=True) for ring in seat_rings]
        kept = [ring for ring in kept if len(ring) >= 3] or seat_rings  # never lose a seat
        fills[code] = _fill_path(kept)
        drawn += kept
    nations = QPainterPath()
    for line in lines:
        nations.addPolygon(_polygon(snapped(line, grid, closed=False)))
    return Drawing(grid, fills, _borders_path(drawn), nations)


def _polygon(points: Iterable[XY]) -> QPolygonF:
    return QPolygonF([QPointF(x, y) for x, y in points])


def _fill_path(rings: Iterable[Sequence[XY]]) -> QPainterPath:
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)  # holes stay holes
    for ring in rings:
        path.addPolygon(_polygon(ring))
        path.closeSubpath()
    return path


def _borders_path(rings: Iterable[Sequence[XY]]) -> QPainterPath:
    """Every edge of the rings once, joined into runs where consecutive edges are new.

    Neighbouring seats' shared points are equal to the last bit (shipped so, snapped alike,
    hex corners rounded), so an edge is known again by its two ends."""
    seen: set[tuple[XY, XY]] = set()
    path = QPainterPath()
    for ring in rings:
        run: list[XY] = []
        following = [*ring[1:], ring[0]]
        for start, end in zip(ring, following, strict=True):
            key = (start, end) if start <= end else (end, start)
            if key in seen:
                _add_run(path, run)
                run = []
                continue
            seen.add(key)
            if not run:
                run.append(start)
            run.append(end)
        _add_run(path, run)
    return path


def _add_run(path: QPainterPath, run: list[XY]) -> None:
    if len(run) >= 2:
        path.addPolygon(_polygon(run))


def _centre(kind: MapKind, path: QPainterPath, rect: QRectF) -> QPointF:
    """A point inside the seat: a hex's centre; for a boundary, its box's centre if that is
    inside, else the inside point of a grid over the box nearest the centre (a crescent's or
    an archipelago's box centre lies outside it)."""
    centre = rect.center()
    if kind is MapKind.HEX or path.contains(centre):
        return centre
    steps = 12
    grid = (
        QPointF(rect.left() + rect.width() * (i + 0.5) / steps,
                rect.top() + rect.height() * (j + 0.5) / steps)
        for i in range(steps) for j in range(steps)
    )  # fmt: skip
    inside = [point for point in grid if path.contains(point)]
    if not inside:
        return path.pointAtPercent(0.0)
    return min(inside, key=lambda p: (p.x() - centre.x()) ** 2 + (p.y() - centre.y()) ** 2)
