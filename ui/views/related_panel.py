"""The petition view's Related tab: stored petitions most like the one shown, and why.

Worked out in a reader job (the first search on a large database also indexes every
petition, which takes a while and says so); only the newest petition's answer is shown.
Double-click or Enter on a row shows that petition.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from caseworker.formatting import count, counted
from caseworker.jobs import CancelCheck, ProgressCallback
from caseworker.services.related import RelatedPetition, RelatedService
from ui.latest import Latest
from ui.workers import JobRunner

HEADERS = ("ID", "Petition", "State", "Signatures", "Why it matches")
SHOWN = 15
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class RelatedPanel(QWidget):
    #: A related petition the clerk chose to see.
    petition_chosen = Signal(int)

    def __init__(
        self, service: RelatedService, runner: JobRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._runner = runner
        self._answers = Latest()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setAccessibleName("Related petitions")
        self.table.setAccessibleDescription(
            "Stored petitions most like this one, closest first. Enter shows the petition."
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda index: self._choose(index.row()))
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        self.show_for(None)

    def show_for(self, petition_id: int | None) -> None:
        """Look up the petitions related to ``petition_id`` (None: clear the tab)."""
        self.table.setRowCount(0)
        if petition_id is None:
            self._answers.forget()
            self.message.setText("Choose a petition to see the stored petitions most like it.")
            return
        self.message.setText("Looking for related petitions…")
        service = self._service

        def work(progress: ProgressCallback, cancelled: CancelCheck) -> list[RelatedPetition]:
            return service.related(petition_id, SHOWN, progress=progress, cancelled=cancelled)

        succeeded, failed, indexing = self._answers.newest(self._show, self._failed, self._indexing)
        self._runner.read(work, succeeded=succeeded, failed=failed, progress=indexing)

    def _indexing(self, done: int, total: int, label: str) -> None:
        self.message.setText(
            f"{label}: {count(done)} of {count(total)} (once, on a large database; later "
            "searches index only new captures)…"
        )

    def _show(self, found: list[RelatedPetition]) -> None:
        self.table.setRowCount(len(found))
        for row, r in enumerate(found):
            cells = (str(r.id), r.action, r.state, count(r.signature_count), "; ".join(r.reasons))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, r.id)
                item.setToolTip(text if column in (1, 4) else "")
                if column in (0, 3):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        self.message.setText(
            f"{counted(len(found), 'related petition')}, closest first: open, closed and "
            "rejected ones alike, ranked by shared words, then published before rejected, "
            "open at the same time and widely signed. Double-click or press Enter to show one."
            if found
            else "No related petitions: this one shares no distinctive words with another."
        )

    def _failed(self, kind: str, message: str) -> None:
        self.message.setText(f"Related petitions could not be found: {message}")

    def _choose(self, row: int) -> None:
        item = self.table.item(row, 0)
        if item is not None:
            self.petition_chosen.emit(int(item.data(Qt.ItemDataRole.UserRole)))
