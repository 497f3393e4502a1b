"""Two versions of a response side by side, with word-level differences marked."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QTextBrowser,
    QWidget,
)

from caseworker.domain.textdiff import SideBySide
from caseworker.services.casework.views import ReviewPane
from ui.casework.markup import diff_html
from ui.casework.widgets import text_browser

LEGEND = (
    "Words only in the older version are <s>struck through</s> (red); words only in the "
    "newer one are <u><b>underlined</b></u> (green)."
)


class CompareTab(QWidget):
    #: (older version id, newer version id): the controller loads the comparison.
    compare_requested = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.older = QComboBox()
        self.older.setAccessibleName("Older version")
        self.newer = QComboBox()
        self.newer.setAccessibleName("Newer version")
        self.left = text_browser("Older version with removed words marked")
        self.right = text_browser("Newer version with added words marked")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        legend = QLabel(LEGEND)
        legend.setWordWrap(True)
        grid = QGridLayout(self)
        for column, (text, box) in enumerate((("&Older:", self.older), ("&Newer:", self.newer))):
            caption = QLabel(text)
            caption.setBuddy(box)
            row = QWidget()
            row_layout = QGridLayout(row)
            row_layout.setContentsMargins(0, 0, 0, 0)
            row_layout.addWidget(caption, 0, 0)
            row_layout.addWidget(box, 0, 1)
            row_layout.setColumnStretch(1, 1)
            grid.addWidget(row, 0, column)
        grid.addWidget(self.left, 1, 0)
        grid.addWidget(self.right, 1, 1)
        grid.addWidget(self.summary, 2, 0, 1, 2)
        grid.addWidget(legend, 3, 0, 1, 2)
        grid.setRowStretch(1, 1)
        # Scroll together, so the same passage stays level on both sides.
        self.left.verticalScrollBar().valueChanged.connect(self._follow(self.right))
        self.right.verticalScrollBar().valueChanged.connect(self._follow(self.left))
        self.older.currentIndexChanged.connect(self._request)
        self.newer.currentIndexChanged.connect(self._request)
        self.show_versions(None)

    @staticmethod
    def _follow(other: QTextBrowser) -> Callable[[int], None]:
        def scroll(value: int) -> None:
            bar = other.verticalScrollBar()
            if bar.value() != value:
                bar.setValue(value)

        return scroll

    def show_versions(self, pane: ReviewPane | None) -> None:
        versions = pane.versions if pane else ()
        for box in (self.older, self.newer):
            box.blockSignals(True)
            box.clear()
            for v in versions:
                box.addItem(v.label, v.id)
            box.blockSignals(False)
        self.left.clear()
        self.right.clear()
        enough = len(versions) >= 2
        self.setEnabled(enough)
        if not enough:
            self.summary.setText(
                "Only one version of the response has been seen, so there is nothing to compare."
                if versions
                else "There is no Government response yet."
            )
            return
        self.older.setCurrentIndex(len(versions) - 2)
        self.newer.setCurrentIndex(len(versions) - 1)
        self._request()

    def _request(self) -> None:
        older, newer = self.older.currentData(), self.newer.currentData()
        if older is not None and newer is not None:
            self.compare_requested.emit(int(older), int(newer))

    def show_comparison(self, diff: SideBySide) -> None:
        dark = self.palette().window().color().lightness() < 128
        self.left.setHtml(diff_html(diff.old, dark=dark))
        self.right.setHtml(diff_html(diff.new, dark=dark))
        self.summary.setText(
            f"{diff.removed_words:,} words removed and {diff.added_words:,} added."
            if diff.removed_words or diff.added_words
            else "The two versions have the same words."
        )
