"""The map itself: seats filled by class, nations outlined, one seat selected.

Painting is two layers. The seats, their borders and the nations are drawn into a pixmap
kept until the size, the zoom, the colours or the palette change; every other repaint (the
hover outline following the mouse, a new selection) copies that pixmap and outlines one or
two seats on top. ``render_base`` draws the first layer alone, for the benchmark.

Mouse: hover for a seat's figures, click to select it, drag to pan, wheel to zoom.
Keyboard: arrows move the selection to the nearest seat that way, Shift+arrows pan, + and −
zoom, Ctrl+0 fits the map again; the figures of the seat chosen are shown as a tooltip and
kept in the accessible description.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPixmap,
    QResizeEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ui.maps.painting import paint_focus, paint_highlights, paint_layer
from ui.maps.shapes import MapShapes

ZOOM_STEP = 1.25
MAX_ZOOM = 16.0
MARGIN = 6
#: Mouse travel (pixels) beyond which a press becomes a drag rather than a click.
DRAG_START = 4
_ARROWS = {
    Qt.Key.Key_Left: (-1.0, 0.0),
    Qt.Key.Key_Right: (1.0, 0.0),
    Qt.Key.Key_Up: (0.0, -1.0),
    Qt.Key.Key_Down: (0.0, 1.0),
}


class SeatMap(QWidget):
    """A map of one boundary set's seats; the panel around it decides the colours."""

    #: A seat chosen by click or keyboard (its ONS code).
    seat_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(220, 300)
        self.setAccessibleName("Map of signatures by constituency")
        self._shapes: MapShapes | None = None
        self._fills: Mapping[str, QBrush] = {}
        self._tips: Mapping[str, str] = {}
        self._marked: frozenset[str] = frozenset()
        self._selected: str | None = None
        self._hovered: str | None = None
        self._zoom = 1.0
        self._pan = QPointF(0.0, 0.0)
        self._press: QPointF | None = None
        self._dragging = False
        self._base: QPixmap | None = None
        self._overview = "Constituencies coloured by signatures; the table has the figures"

    # What is shown -------------------------------------------------------------------------

    def show_seats(
        self,
        shapes: MapShapes | None,
        fills: Mapping[str, QBrush],
        tips: Mapping[str, str],
        marked: Collection[str] = (),
    ) -> None:
        """Draw these shapes with these fills; ``tips`` holds each seat's figures in words;
        ``marked`` seats (no signatures) get a dot, as their pale fill alone could pass for
        the lightest class in greyscale."""
        if shapes is not self._shapes:
            self._zoom, self._pan = 1.0, QPointF(0.0, 0.0)
        self._shapes, self._fills, self._tips = shapes, fills, tips
        self._marked = frozenset(marked)
        if self._selected is not None and (shapes is None or self._selected not in shapes.paths):
            self._selected = None
        self._hovered = None
        self._invalidate()

    @property
    def shapes(self) -> MapShapes | None:
        return self._shapes

    def seat_count(self) -> int:
        """How many seats are drawn (650 for either boundary set)."""
        return len(self._shapes.paths) if self._shapes else 0

    def fill_of(self, code: str) -> QBrush | None:
        return self._fills.get(code)

    def tip_of(self, code: str) -> str:
        return self._tips.get(code, "")

    @property
    def selected(self) -> str | None:
        return self._selected

    def select_seat(self, code: str | None) -> None:
        """Outline a seat (or none) without announcing it: the table chose it."""
        if self._shapes is None or code not in self._shapes.paths:
            code = None
        if code != self._selected:
            self._selected = code
            self._describe_selection()
            self.update()

    def seat_position(self, code: str) -> QPoint:
        """Where a seat is in the widget (for tests and the keyboard tooltip)."""
        assert self._shapes is not None
        return self._transform().map(self._shapes.centres[code]).toPoint()

    # Zoom and pan --------------------------------------------------------------------------

    def zoom_in(self) -> None:
        self._zoom_about(ZOOM_STEP, QPointF(self.rect().center()))

    def zoom_out(self) -> None:
        self._zoom_about(1 / ZOOM_STEP, QPointF(self.rect().center()))

    def reset_view(self) -> None:
        self._zoom, self._pan = 1.0, QPointF(0.0, 0.0)
        self._invalidate()

    @property
    def zoom(self) -> float:
        return self._zoom

    def _zoom_about(self, factor: float, anchor: QPointF) -> None:
        """Zoom keeping the map point under ``anchor`` where it is."""
        zoom = min(max(self._zoom * factor, 1.0), MAX_ZOOM)
        if zoom == self._zoom:
            return
        before = self._transform().inverted()[0].map(anchor)
        self._zoom = zoom
        after = self._transform().map(before)
        self._pan += anchor - after
        self._invalidate()

    def _pan_by(self, dx: float, dy: float) -> None:
        self._pan += QPointF(dx, dy)
        self._invalidate()

    def _transform(self) -> QTransform:
        """Map coordinates to widget pixels: fit the map, then zoom about the middle, then pan."""
        transform = QTransform()
        if self._shapes is None:
            return transform
        extent = self._shapes.extent
        room = QRectF(self.rect()).adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        if extent.isEmpty() or room.isEmpty():
            return transform
        scale = min(room.width() / extent.width(), room.height() / extent.height()) * self._zoom
        middle = room.center() + self._pan
        transform.translate(middle.x(), middle.y())
        transform.scale(scale, scale)
        transform.translate(-extent.center().x(), -extent.center().y())
        return transform

    # Painting ------------------------------------------------------------------------------

    def _invalidate(self) -> None:
        self._base = None
        self.update()

    def render_base(self, painter: QPainter) -> None:
        """Draw the seats, their borders and the nations (the layer kept between repaints)."""
        paint_layer(painter, QRectF(self.rect()), self._shapes, self._transform(), self._fills,
                    self._marked, self.palette())  # fmt: skip

    def _base_pixmap(self) -> QPixmap:
        if self._base is None or self._base.size() != self.size() * self.devicePixelRatioF():
            ratio = self.devicePixelRatioF()
            pixmap = QPixmap(
                QSize(math.ceil(self.width() * ratio), math.ceil(self.height() * ratio))
            )
            pixmap.setDevicePixelRatio(ratio)
            painter = QPainter(pixmap)
            self.render_base(painter)
            painter.end()
            self._base = pixmap
        return self._base

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._base_pixmap())
        if self._shapes is not None:
            paint_highlights(painter, self._shapes, self._transform(), self.palette(),
                             self._hovered, self._selected)  # fmt: skip
        if self.hasFocus():
            paint_focus(painter, QRectF(self.rect()), self.palette())

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._base = None
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._base = None
        super().changeEvent(event)

    # Mouse ---------------------------------------------------------------------------------

    def seat_at(self, position: QPointF) -> str | None:
        """The seat under a point of the widget, if any."""
        if self._shapes is None:
            return None
        return self._shapes.seat_at(self._transform().inverted()[0].map(position))

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            code = self.seat_at(QPointF(event.pos()))
            if code is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), self._tips.get(code, ""), self)
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press, self._dragging = event.position(), False
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is not None:
            moved = event.position() - self._press
            if self._dragging or moved.manhattanLength() > DRAG_START:
                self._dragging = True
                self._press = event.position()
                self._pan_by(moved.x(), moved.y())
                return
        hovered = self.seat_at(event.position())
        if hovered != self._hovered:
            self._hovered = hovered
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._press is not None:
            if not self._dragging:
                self._choose(self.seat_at(event.position()))
            self._press, self._dragging = None, False
        super().mouseReleaseEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._hovered = None
        self.update()
        super().leaveEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self._zoom_about(ZOOM_STEP**steps, event.position())
        event.accept()

    def _choose(self, code: str | None) -> None:
        if code is None:
            return
        self.select_seat(code)
        self.seat_chosen.emit(code)

    # Keyboard ------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        control = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_out()
        elif key == Qt.Key.Key_0 and control:
            self.reset_view()
        elif key in _ARROWS and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            dx, dy = _ARROWS[key]
            self._pan_by(-dx * self.width() / 8, -dy * self.height() / 8)
        elif key in _ARROWS:
            self._step(*_ARROWS[key])
        else:
            super().keyPressEvent(event)

    def _step(self, dx: float, dy: float) -> None:
        """Choose the nearest seat in a direction (within 60° of it); with none chosen, the
        seat nearest the middle of the map."""
        if self._shapes is None:
            return
        centres = self._shapes.centres
        if self._selected is None:
            middle = self._shapes.extent.center()
            self._announce(min(centres, key=lambda c: _distance(centres[c], middle)))
            return
        here = centres[self._selected]
        best, best_score = None, math.inf
        for code, point in centres.items():
            ox, oy = point.x() - here.x(), point.y() - here.y()
            distance = math.hypot(ox, oy)
            if code == self._selected or distance == 0:
                continue
            along = (ox * dx + oy * dy) / distance
            if along < 0.5:  # more than 60° off the direction
                continue
            score = distance * (2 - along)
            if score < best_score:
                best, best_score = code, score
        if best is not None:
            self._announce(best)

    def _announce(self, code: str) -> None:
        self._choose(code)
        position = self.seat_position(code)
        if self.rect().contains(position):
            QToolTip.showText(self.mapToGlobal(position), self._tips.get(code, ""), self)

    def _describe_selection(self) -> None:
        tip = self._tips.get(self._selected or "", "")
        self.setAccessibleDescription(
            f"{self._overview}. Chosen: {tip.replace(chr(10), ', ')}" if tip else self._overview
        )

    def set_overview(self, text: str) -> None:
        """What the map shows, in words, for screen readers (the chosen seat is added)."""
        self._overview = text
        self._describe_selection()


def _distance(a: QPointF, b: QPointF) -> float:
    return math.hypot(a.x() - b.x(), a.y() - b.y())
