"""The manual sync's progress: pages and petitions done of how many, Cancel, and Hide."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.sync.run import SyncRun

MAX_LABEL = 80


class SyncProgressDialog(QDialog):
    """Not modal: the clerk may go on working, or hide it and watch the status bar instead."""

    def __init__(self, run: SyncRun, site: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.run = run
        self.setWindowTitle("Sync with petition.parliament.uk")
        self.heading = _plain(f"Fetching petitions from {site}")
        self.bar = QProgressBar()
        self.bar.setAccessibleName("Sync progress")
        self.counts = _plain("")
        self.detail = _plain("")
        self.buttons = QDialogButtonBox()
        self.hide_button = QPushButton("&Hide")
        self.hide_button.setToolTip("Keep syncing in the background; the status bar shows progress")
        self.cancel_button = QPushButton("&Cancel")
        self.cancel_button.setToolTip("Stop after the request in hand; what is stored is kept")
        self.buttons.addButton(self.hide_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        layout = QVBoxLayout(self)
        for widget in (self.heading, self.bar, self.counts, self.detail, self.buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("0") * 60)
        self.hide_button.clicked.connect(self.hide)
        self.cancel_button.clicked.connect(self.cancel)
        run.progressed.connect(self.show_progress)
        run.ended.connect(self._on_ended)
        self.show_progress(run.done, run.total, run.label)
        if run.cancelling:
            self._show_cancelling()

    def show_progress(self, done: int, total: int, label: str) -> None:
        if total:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
            self.counts.setText(f"{min(done, total):,} of {total:,} pages and petitions done")
        else:
            self.bar.setRange(0, 0)  # busy: the number of pages is not known yet
            self.counts.setText(f"{done:,} pages and petitions done" if done else "")
        if not self.run.cancelling:
            shown = label if len(label) <= MAX_LABEL else "…" + label[-(MAX_LABEL - 1) :]
            self.detail.setText(shown)

    def cancel(self) -> None:
        self.run.cancel()
        self._show_cancelling()

    def _show_cancelling(self) -> None:
        self.detail.setText("Cancelling after the request in hand; what is stored is kept…")
        self.cancel_button.setEnabled(False)

    def _on_ended(self, _summary: object) -> None:
        self.hide()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closing the box hides it; only Cancel stops the sync.
        self.hide()
        event.ignore()

    def reject(self) -> None:  # Escape
        self.hide()


def _plain(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # URLs and petition labels are not markup
    label.setWordWrap(True)
    return label
