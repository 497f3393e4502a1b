"""Small widgets the casework tabs and dialogs share."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QBoxLayout,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTextBrowser,
    QWidget,
)


def read_only_table(columns: tuple[str, ...], name: str) -> QTableWidget:
    """A table of whole rows to read and select, sized to its contents."""
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels(columns)
    table.setAccessibleName(name)
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def text_browser(name: str) -> QTextBrowser:
    """Read-only rich text; links are not followed (the text is the site's or a clerk's)."""
    browser = QTextBrowser()
    browser.setAccessibleName(name)
    browser.setOpenLinks(False)
    return browser


def save_cancel(dialog: QDialog, on_save: Callable[[], None] | None = None) -> QDialogButtonBox:
    """Save and Cancel; Save accepts the dialog unless ``on_save`` decides when it may."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(on_save or dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


#: Error text colours readable on a light and on a dark window (contrast above 4.5:1).
ERROR_ON_LIGHT, ERROR_ON_DARK = "#b00020", "#ff8a80"


class ErrorLabel(QWidget):
    """Why something was not saved: a warning sign and bold text in an error colour that
    suits the palette (light or dark); hidden, taking no room, while there is nothing to say.

    ``text()`` is the message alone (the sign is its own label)."""

    def __init__(self, name: str = "Why it was not saved") -> None:
        super().__init__()
        self.sign = QLabel("⚠")
        self.sign.setAccessibleName("Warning")
        self.sign.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.words = QLabel()
        self.words.setWordWrap(True)
        self.words.setTextFormat(Qt.TextFormat.PlainText)
        self.words.setAccessibleName(name)
        self.setAccessibleName(name)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.sign)
        layout.addWidget(self.words, 1)
        self._paint()
        self.hide()

    def setText(self, message: str) -> None:  # noqa: N802 - as QLabel, for callers
        message = message.strip()
        self._paint()  # the palette may have turned dark since
        self.words.setText(message)
        self.setVisible(bool(message))

    say = setText

    def text(self) -> str:
        return self.words.text()

    message = text

    def _paint(self) -> None:
        # The surroundings' palette: the label's own is changed by its style sheet.
        around = self.parentWidget()
        palette = around.palette() if around is not None else QApplication.palette()
        dark = palette.window().color().lightness() < 128
        colour = ERROR_ON_DARK if dark else ERROR_ON_LIGHT
        if colour != getattr(self, "_colour", None):  # a style sheet changes the palette too
            self._colour = colour
            self.setStyleSheet(f"color: {colour}; font-weight: bold;")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.PaletteChange:
            self._paint()
        super().changeEvent(event)


def error_label(name: str = "Why it was not saved") -> ErrorLabel:
    """Where a dialog says why its save was refused or failed; the form keeps its text."""
    return ErrorLabel(name)


class Reflow(QWidget):
    """Its widgets side by side when there is room, one above the other when there is not.

    The tab's width is then never forced by the widest row of widgets: on a laptop the
    review form and the requests stand one above the other (and the tab scrolls).
    """

    def __init__(self, *widgets: tuple[QWidget, int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        for widget, stretch in widgets:
            self._layout.addWidget(widget, stretch)

    def _widgets(self) -> list[QWidget]:
        items = (self._layout.itemAt(i) for i in range(self._layout.count()))
        return [w for item in items if item is not None and (w := item.widget()) is not None]

    def side_by_side_width(self) -> int:
        """The width at which the widgets fit side by side at their preferred widths (a form
        squeezed to its minimum wraps its rows and needs more height than it is given)."""
        widths = [widget.sizeHint().width() for widget in self._widgets()]
        return sum(widths) + self._layout.spacing() * max(len(widths) - 1, 0) + 40

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        wide = event.size().width() >= self.side_by_side_width()
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self._layout.direction() != direction:
            self._layout.setDirection(direction)
        super().resizeEvent(event)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        # As narrow as the widest single widget: wider rows reflow instead.
        hints = [widget.minimumSizeHint() for widget in self._widgets()]
        width = max((h.width() for h in hints), default=0)
        if self._layout.direction() == QBoxLayout.Direction.LeftToRight:
            height = max((h.height() for h in hints), default=0)
        else:
            height = sum(h.height() for h in hints) + self._layout.spacing() * len(hints)
        return QSize(width, height)


def scrolling(content: QWidget) -> QScrollArea:
    """``content`` in a frameless scroll area: a tab scrolls rather than widen the window."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(content)
    return area
