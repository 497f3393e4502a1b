"""Casework ▸ Outstanding requests: every request for a revised response and where it stands.

A draft, a request sent and waiting, and a chased request long overdue look different here:
status, sent, due, last chased and an overdue flag (a sign and words, never colour alone),
sortable by any column, with the request actions on the selected row.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
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
from caseworker.services.casework.views import RequestRow
from caseworker.services.dto import RevisionRequestView
from ui.casework.actions import BUTTON_ACTIONS
from ui.casework.widgets import read_only_table
from ui.context import AppContext


class RequestActions(Protocol):
    """What the window asks of the casework controller (which opens it)."""

    def mark_sent(self, request: RevisionRequestView) -> object: ...
    def chase(self, request: RevisionRequestView) -> None: ...
    def accept(self, request: RevisionRequestView) -> None: ...
    def withdraw(self, request: RevisionRequestView) -> None: ...
    def request_letter(self, request: RevisionRequestView) -> None: ...


COLUMNS = ("E-petition", "Request", "Status", "Sent", "Due", "Last chased", "Overdue",
           "Department", "Petition")  # fmt: skip


def overdue_days(row: RequestRow, today: date) -> int:
    """Days past the due date of a request the services find overdue; 0 if it is not."""
    due = row.request.due_on
    if not row.overdue or due is None:
        return 0
    return max((today - due).days, 1)


def overdue_text(days: int) -> str:
    if not days:
        return ""
    return f"⚠ Overdue by {days} day{'' if days == 1 else 's'}"


#: Shortcuts of the buttons, as the Casework menu gives them (ui/casework/actions.py).
SHORTCUTS = {key: shortcut for key, _text, shortcut in BUTTON_ACTIONS} | {"petition": "Ctrl+Return"}


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

    def __init__(self, parent: QWidget, context: AppContext, casework: RequestActions) -> None:
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
            "send": ("Mark s&ent", lambda: self._on(c.mark_sent)),
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
            # The same shortcut as the Casework menu's action, here for the selected row.
            shortcut = SHORTCUTS.get(key)
            if shortcut:
                act = QAction(text, self)
                act.setShortcut(QKeySequence(shortcut))
                act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
                act.triggered.connect(button.click)
                self.addAction(act)
                button.setToolTip(
                    QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)
                )
        return buttons

    # Loading -------------------------------------------------------------------------------

    def reload(self) -> None:
        requests, closed = self._context.casework.requests, self.show_closed.isChecked()
        self._context.runner.read(
            lambda progress, cancelled: requests.outstanding(include_closed=closed),
            succeeded=self._show,
            failed=lambda _kind, message: self.status.setText(
                f"Could not read the requests: {message}"
            ),
        )

    def _show(self, rows: list[RequestRow]) -> None:
        selected = self.selected()
        self.requests = [row.request for row in rows]
        today = self._context.casework.requests.clock.today()
        self.table.setSortingEnabled(False)  # rows are filled in place, then sorted once
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            for column, (text, key) in enumerate(_cells(row, today)):
                cell = _Cell(text, key)
                cell.setData(Qt.ItemDataRole.UserRole, row.request.id)
                self.table.setItem(index, column, cell)
        self.table.setSortingEnabled(True)
        late = sum(1 for row in rows if row.overdue)
        self.status.setText(f"{len(rows)} shown; {late} overdue.")
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


def _cells(row: RequestRow, today: date) -> tuple[tuple[str, Any], ...]:
    def day(value: date | None) -> tuple[str, Any]:
        return (long_date(value) if value else "", value)

    r, late = row.request, overdue_days(row, today)
    return (
        (str(r.petition_id), r.petition_id),
        (str(r.id), r.id),
        (r.status, r.status),
        day(r.sent_on),
        day(r.due_on),
        day(r.last_chased_on),
        (overdue_text(late), late),
        (r.department or "", r.department or ""),
        (" ".join(row.action.split()), row.action),
    )
