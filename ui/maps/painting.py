"""Drawing a map with QPainter: the kept layer (seats, borders, nations) and the outlines of
the seats hovered and chosen. Colours come from the widget's palette, so a dark theme works;
the fills come from the classes.

Kept fast by what Qt's rasteriser does quickly: fills without antialiasing (the antialiased
borders drawn over them hide the stepped edges), every border stroked once, and only hairline
(1-pixel cosmetic) pens on long paths: a wider pen sends the 18,000-point nation outline
through the stroker, which alone took a third of a second.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPalette, QPen, QTransform

from ui.maps.shapes import MapShapes

#: The dot on a seat with no signatures: dark grey, seen on the white "no signatures" fill.
MARK_COLOUR = "#555555"
MARK_RADIUS = 1.8
#: A chosen seat smaller than this (pixels) is ringed as well as outlined.
SMALL_SEAT_PX = 8


def paint_layer(
    painter: QPainter,
    area: QRectF,
    shapes: MapShapes | None,
    transform: QTransform,
    fills: Mapping[str, QBrush],
    marked: Collection[str],
    palette: QPalette,
) -> None:
    """The seats filled, their borders, the marked seats' dots and the nations outlined."""
    painter.fillRect(area, palette.color(QPalette.ColorRole.Base))
    if shapes is None:
        return
    drawing = shapes.drawing(transform.m11())
    painter.setTransform(transform)
    painter.setPen(Qt.PenStyle.NoPen)
    missing = QBrush(palette.color(QPalette.ColorRole.Mid), Qt.BrushStyle.BDiagPattern)
    for code, path in drawing.fills.items():
        painter.setBrush(fills.get(code, missing))
        painter.drawPath(path)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    # Borders between the seats, halfway between background and text: the palest class is
    # near white, and needs an edge against the background and against its neighbours.
    base, text = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)
    painter.setPen(hairline(blend(base, text, 0.35), 0.6))
    painter.drawPath(drawing.borders)
    _dots(painter, [transform.map(shapes.centres[code]) for code in marked])
    painter.setPen(hairline(palette.color(QPalette.ColorRole.WindowText), 1.0))
    # The nations stand out at about one and a half pixels: a hairline drawn three times,
    # shifted by just over half a pixel across and down.
    for dx, dy in ((0.0, 0.0), (0.6, 0.0), (0.0, 0.6)):
        shifted = QTransform(transform)
        shifted.translate(dx / transform.m11(), dy / transform.m22())
        painter.setTransform(shifted)
        painter.drawPath(drawing.nations)
    painter.setTransform(transform)


def _dots(painter: QPainter, centres: list[QPointF]) -> None:
    """Dots drawn in pixels, so that they keep their size when the map is zoomed."""
    if not centres:
        return
    painter.save()
    painter.resetTransform()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(MARK_COLOUR))
    for centre in centres:
        painter.drawEllipse(centre, MARK_RADIUS, MARK_RADIUS)
    painter.restore()


def paint_highlights(
    painter: QPainter,
    shapes: MapShapes,
    transform: QTransform,
    palette: QPalette,
    hovered: str | None,
    selected: str | None,
) -> None:
    """The hovered seat outlined thinly; the chosen seat boldly, on a halo of background, and
    ringed if it is too small to see."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setTransform(transform)
    if hovered is not None and hovered != selected:
        _outline(painter, shapes.paths[hovered], palette.color(QPalette.ColorRole.Text), 1.5)
    if selected is None:
        return
    highlight = palette.color(QPalette.ColorRole.Highlight)
    _outline(painter, shapes.paths[selected], palette.color(QPalette.ColorRole.Base), 5)
    _outline(painter, shapes.paths[selected], highlight, 2.5)
    box = transform.mapRect(shapes.bounds[selected])
    if max(box.width(), box.height()) < SMALL_SEAT_PX:
        _ring(painter, transform.map(shapes.centres[selected]), palette, highlight)


def _outline(painter: QPainter, path: QPainterPath, colour: QColor, width: float) -> None:
    pen = hairline(colour, width)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)


def _ring(painter: QPainter, centre: QPointF, palette: QPalette, colour: QColor) -> None:
    painter.save()
    painter.resetTransform()
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for pen_colour, width in ((palette.color(QPalette.ColorRole.Base), 4.0), (colour, 2.0)):
        painter.setPen(QPen(pen_colour, width))
        painter.drawEllipse(centre, SMALL_SEAT_PX, SMALL_SEAT_PX)
    painter.restore()


def paint_focus(painter: QPainter, area: QRectF, palette: QPalette) -> None:
    """The keyboard focus, as a frame round the map."""
    painter.resetTransform()
    painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 2))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(area.adjusted(1, 1, -1, -1))


def hairline(colour: QColor, width: float) -> QPen:
    """A pen whose width is in pixels whatever the zoom."""
    pen = QPen(colour, width)
    pen.setCosmetic(True)
    return pen


def blend(a: QColor, b: QColor, part: float) -> QColor:
    """``part`` of the way from colour ``a`` to colour ``b``."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * part,
        a.greenF() + (b.greenF() - a.greenF()) * part,
        a.blueF() + (b.blueF() - a.blueF()) * part,
    )
