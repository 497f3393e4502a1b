"""The map's key: a swatch and its range for each class, the count of seats in each, and
the "no signatures" mark (a white swatch with a dot, as on the map)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from caseworker.geography import NO_DATA, NO_DATA_LABEL, Classes
from ui.maps.painting import MARK_COLOUR

SWATCH = 14


class Legend(QWidget):
    """The classes: a swatch and its range for each, and the "no signatures" mark."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self._grid = QGridLayout()
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(self._grid)
        layout.addStretch(1)
        self.setAccessibleName("Map legend")

    def show_classes(self, found: Classes | None, counts: tuple[int, ...], unsigned: int) -> None:
        while self._grid.count():
            item = self._grid.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()  # type: ignore[union-attr]
        if found is None:
            self.title.setText("")
            self.setAccessibleDescription("")
            return
        self.title.setText(f"<b>{found.measure.label}</b>")
        entries = [
            (colour, label, count)
            for colour, label, count in zip(found.colours, found.labels, counts, strict=True)
        ]
        entries.reverse()  # most at the top, as the eye reads a key
        entries.append((NO_DATA, NO_DATA_LABEL, unsigned))
        for row, (colour, label, count) in enumerate(entries):
            swatch = QLabel()
            swatch.setPixmap(self._swatch(colour, marked=colour == NO_DATA))
            text = QLabel(f"{label} ({count:,} seat{'' if count == 1 else 's'})")
            self._grid.addWidget(swatch, row, 0)
            self._grid.addWidget(text, row, 1)
        self.setAccessibleDescription(
            "; ".join(f"{label}: {count:,} seats" for _, label, count in entries)
        )

    def labels(self) -> list[str]:
        """The legend's texts, top to bottom (for tests and screen readers)."""
        found = []
        for index in range(self._grid.count()):
            item = self._grid.itemAt(index)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QLabel) and widget.text():
                found.append(widget.text())
        return found

    def _swatch(self, colour: str, *, marked: bool) -> QPixmap:
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(int(SWATCH * ratio), int(SWATCH * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(QColor(colour))
        painter = QPainter(pixmap)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        painter.drawRect(0, 0, SWATCH - 1, SWATCH - 1)
        if marked:
            painter.setBrush(QColor(MARK_COLOUR))
            painter.drawEllipse(SWATCH // 2 - 2, SWATCH // 2 - 2, 4, 4)
        painter.end()
        return pixmap
