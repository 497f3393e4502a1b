"""The box that ends a manual sync: a headline, changes found, and each failure by name."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ui.sync import summary_text

if TYPE_CHECKING:
    from caseworker.sync.service import SyncSummary


class SyncSummaryDialog(QDialog):
    def __init__(self, summary: SyncSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(summary_text.title(summary))
        layout = QVBoxLayout(self)
        self.headline = _plain(summary_text.headline(summary))
        layout.addWidget(self.headline)
        self.changes = _plain(summary_text.changes_line(summary))
        self.changes.setVisible(bool(self.changes.text()))
        layout.addWidget(self.changes)
        self.failures: QPlainTextEdit | None = None
        if summary.failures and not summary.offline:
            count = len(summary.failures)
            layout.addWidget(
                _plain(
                    f"{count:,} could not be fetched or read; everything else is stored. "
                    "The next sync tries them again:"
                )
            )
            self.failures = QPlainTextEdit(summary_text.failure_lines(summary))
            self.failures.setReadOnly(True)
            # Wrapped: a reason after a long URL is still read without scrolling sideways.
            self.failures.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
            self.failures.setAccessibleName("Failures")
            self.failures.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
            layout.addWidget(self.failures, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        width = self.fontMetrics().horizontalAdvance("0") * (90 if self.failures else 60)
        self.resize(width, 360 if self.failures else self.sizeHint().height())


def _plain(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # reasons quote URLs and site text as they are
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
