"""Casework ▸ Outstanding requests: every request for a revised response and where it stands.

A draft, a request sent and waiting, and a chased request long overdue look different here:
status, sent, due, last chased and an overdue flag (a sign and words, never colour alone),
sortable by any column, with the request actions on the selected row.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from caseworker.domain.casework import TRANSITIONS, RequestStatus
from caseworker.domain.rules import long_date
from caseworker.services.dto import RevisionRequestView
from ui.casework.widgets import read_only_table
from ui.context import AppContext

if TYPE_CHECKING:
    from ui.casework.controller import CaseworkController

COLUMNS = ("E-petition", "Request", "Status", "Sent", "Due", "Last chased", "Overdue",
           "Department")  # fmt: skip
WAITING = (RequestStatus.SENT, RequestStatus.CHASED)


def overdue_days(request: RevisionRequestView, today: date) -> int:
    """Days past the due date of a request still waiting for its answer; 0 if not overdue."""
    waiting = RequestStatus(request.status) in WAITING
    if not waiting or request.due_on is None or today <= request.due_on:
        return 0
    return (today - request.due_on).days


def overdue_text(days: int) -> str:
    if not days:
        return ""
    return f"⚠ Overdue by {days} day{'' if days == 1 else 's'}"


class _Cell(QTableWidgetItem):
    """A cell that sorts by its key (a date sorts as a date, a number as a number)."""

    def __init__(self, text: str, key: Any) -> None:
        super().__init__(text)
        self.key = key

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.key, getattr(other, "key", None)
        if mine is None or theirs is None:
            return mine is None and theirs is not None  # blanks first
        return bool(mine < theirs)


class RequestsWindow(QWidget):
    #: The clerk asked to see a petition.
    petition_chosen = Signal(int)

    def __init__(self, parent: QWidget, context: AppContext, casework: CaseworkController) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle("Requests for a revised response")
        self._context, self._casework = context, casework
        self.requests: list[RevisionRequestView] = []
        self.show_closed = QCheckBox("Show &withdrawn and accepted requests")
        self.show_closed.toggled.connect(self.reload)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.table = self._table()
        self.buttons = self._buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(self.show_closed)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        for button in self.buttons.values():
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.status)
        self.resize(900, 420)
        self.reload()

    def _table(self) -> QTableWidget:
        table = read_only_table(COLUMNS, "Requests for a revised response")
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setSortingEnabled(True)
        table.itemSelectionChanged.connect(self._enable)
        table.itemDoubleClicked.connect(lambda _item: self._show_petition())
        return table

    def _buttons(self) -> dict[str, QPushButton]:
        c = self._casework
        specs = {
            "petition": ("Show &petition", self._show_petition),
            "send": ("Mark s&ent", lambda: self._on(c.edits.mark_sent)),
            "chase": ("C&hase…", lambda: self._on(c.chase)),
            "accept": ("&Accept revised", lambda: self._on(c.accept)),
            "withdraw": ("&Withdraw…", lambda: self._on(c.withdraw)),
            "letter": ("&Letter…", lambda: self._on(c.request_letter)),
        }
        buttons = {}
        for key, (text, slot) in specs.items():
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons[key] = button
        return buttons

    # Loading -------------------------------------------------------------------------------

    def reload(self) -> None:
        requests = self._context.casework.requests
        self._context.runner.read(
            lambda progress, cancelled: requests.list_requests(),
            succeeded=self._show,
            failed=lambda _kind, message: self.status.setText(
                f"Could not read the requests: {message}"
            ),
        )

    def _show(self, requests: list[RevisionRequestView]) -> None:
        selected = self.selected()
        if not self.show_closed.isChecked():
            requests = [r for r in requests if not RequestStatus(r.status).is_closed]
        self.requests = requests
        today = self._context.casework.requests.clock.today()
        self.table.setSortingEnabled(False)  # rows are filled in place, then sorted once
        self.table.setRowCount(len(requests))
        for row, r in enumerate(requests):
            for column, (text, key) in enumerate(_cells(r, today)):
                cell = _Cell(text, key)
                cell.setData(Qt.ItemDataRole.UserRole, r.id)
                self.table.setItem(row, column, cell)
        self.table.setSortingEnabled(True)
        late = sum(1 for r in requests if overdue_days(r, today))
        self.status.setText(f"{len(requests)} shown; {late} overdue.")
        self._select(selected.id if selected else None)
        self._enable()

    def _select(self, request_id: int | None) -> None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == request_id:
                self.table.selectRow(row)
                return

    # Acting --------------------------------------------------------------------------------

    def selected(self) -> RevisionRequestView | None:
        model = self.table.selectionModel()
        rows = model.selectedRows() if model else []
        item = self.table.item(rows[0].row(), 0) if rows else None
        wanted = item.data(Qt.ItemDataRole.UserRole) if item else None
        return next((r for r in self.requests if r.id == wanted), None)

    def _enable(self) -> None:
        r = self.selected()
        moves = TRANSITIONS[RequestStatus(r.status)] if r else frozenset()
        self.buttons["petition"].setEnabled(r is not None)
        self.buttons["send"].setEnabled(RequestStatus.SENT in moves)
        self.buttons["chase"].setEnabled(RequestStatus.CHASED in moves)
        self.buttons["accept"].setEnabled(RequestStatus.ACCEPTED in moves)
        self.buttons["withdraw"].setEnabled(RequestStatus.WITHDRAWN in moves)
        self.buttons["letter"].setEnabled(r is not None)

    def _on(self, act: Any) -> None:
        request = self.selected()
        if request is not None:
            act(request)

    def _show_petition(self) -> None:
        request = self.selected()
        if request is not None:
            self.petition_chosen.emit(request.petition_id)


def _cells(r: RevisionRequestView, today: date) -> tuple[tuple[str, Any], ...]:
    def day(value: date | None) -> tuple[str, Any]:
        return (long_date(value) if value else "", value)

    late = overdue_days(r, today)
    return (
        (str(r.petition_id), r.petition_id),
        (str(r.id), r.id),
        (r.status, r.status),
        day(r.sent_on),
        day(r.due_on),
        day(r.last_chased_on),
        (overdue_text(late), late),
        (r.department or "", r.department or ""),
    )
