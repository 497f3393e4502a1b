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
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainterPath, QPolygonF

from caseworker.reference import (
    BoundarySet,
    Line,
    Shape,
    boundaries,
    hex_corners,
    hex_layout,
    hex_nation_outlines,
    nation_outlines,
)

#: Longitude is shrunk by cos(54°) so that Great Britain is not drawn squat.
_EAST_SCALE = math.cos(math.radians(54.0))


class MapKind(enum.Enum):
    """The two ways the seats are drawn."""

    HEX = "Hex map"
    BOUNDARIES = "Boundaries"


@dataclass(frozen=True)
class MapShapes:
    """Everything needed to draw and hit-test one map: a path and its bounds for each seat."""

    kind: MapKind
    boundary_set: BoundarySet
    paths: Mapping[str, QPainterPath]
    bounds: Mapping[str, QRectF]
    centres: Mapping[str, QPointF]
    #: The four nations' outlines, drawn over the seats.
    nations: QPainterPath
    extent: QRectF

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
    if kind is MapKind.HEX:
        paths = _hex_paths(boundary_set)
        nations = _sides_path(side for sides in hex_nation_outlines(boundary_set).values()
                              for side in sides)  # fmt: skip
    else:
        paths = {code: _shape_path(shape) for code, shape in boundaries(boundary_set).items()}
        nations = _lines_path(line for lines in nation_outlines(boundary_set).values()
                              for line in lines)  # fmt: skip
    bounds = {code: path.boundingRect() for code, path in paths.items()}
    extent = QRectF()
    for rect in bounds.values():
        extent = extent.united(rect)
    centres = {code: _centre(kind, path, bounds[code]) for code, path in paths.items()}
    return MapShapes(kind, boundary_set, paths, bounds, centres, nations, extent)


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


def _hex_paths(boundary_set: BoundarySet) -> dict[str, QPainterPath]:
    paths = {}
    for code, cell in hex_layout(boundary_set).cells.items():
        path = QPainterPath()
        path.addPolygon(QPolygonF([QPointF(x, -y) for x, y in hex_corners(cell)]))
        path.closeSubpath()
        paths[code] = path
    return paths


def project(longitude: float, latitude: float) -> QPointF:
    """A point of the boundary map, from degrees (y grows southwards)."""
    return QPointF(longitude * _EAST_SCALE, -latitude)


def _shape_path(shape: Shape) -> QPainterPath:
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)  # holes stay holes
    for polygon in shape:
        for ring in polygon:
            path.addPolygon(QPolygonF([project(x, y) for x, y in ring]))
            path.closeSubpath()
    return path


def _lines_path(lines: Iterable[Line]) -> QPainterPath:
    path = QPainterPath()
    for line in lines:
        points = [project(x, y) for x, y in line]
        path.moveTo(points[0])
        for point in points[1:]:
            path.lineTo(point)
    return path


def _sides_path(sides: Iterable[tuple[tuple[float, float], tuple[float, float]]]) -> QPainterPath:
    path = QPainterPath()
    for (x1, y1), (x2, y2) in sides:
        path.moveTo(x1, -y1)
        path.lineTo(x2, -y2)
    return path
