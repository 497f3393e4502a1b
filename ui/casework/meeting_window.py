"""A Committee meeting: what to consider by the cut-off date, and the decision on each."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from caseworker.domain.casework import DECISION_LABELS, VERDICT_LABELS, Decision, Verdict
from caseworker.domain.casework import default_cut_off as friday_before
from caseworker.domain.rules import long_date
from caseworker.services.casework.meetings import ItemKind
from caseworker.services.casework.views import AgendaItem, MeetingView
from ui.casework.edits import CaseworkEdits
from ui.casework.widgets import read_only_table
from ui.context import AppContext
from ui.dates import date_edit, from_qdate, to_qdate
from ui.debates.decision_dialog import DebateDecisionActions, heading_for

COLUMNS = ("Petition", "Title", "To consider", "Date", "Clerk's verdict", "Decision", "Notes")
UNDECIDED = "— not yet decided —"


def next_tuesday(today: date) -> date:
    return today + timedelta(days=(1 - today.weekday()) % 7 or 7)


class MeetingWindow(QDialog):
    petition_chosen = Signal(int)

    def __init__(self, parent: QWidget | None, context: AppContext, edits: CaseworkEdits):
        super().__init__(parent)
        self.setWindowTitle("Committee meeting")
        self.setModal(False)
        self._context, self._edits = context, edits
        # Debate decision items open their own dialog; undone on the same list as the rest.
        self.debate_decisions = DebateDecisionActions(self, context, edits.stack)
        self.debate_decisions.data_changed.connect(self.reload)
        self.meeting: MeetingView | None = None
        self.items: list[AgendaItem] = []
        today = context.casework.meetings.clock.today()
        meets_on = next_tuesday(today)
        self.meets_on = date_edit(meets_on)
        self.meets_on.setAccessibleName("Meeting date")
        self.cut_off = date_edit(friday_before(meets_on))
        self.cut_off.setAccessibleName("Cut-off date")
        self.meets_on.dateChanged.connect(
            lambda d: self.cut_off.setDate(date_edit(friday_before(from_qdate(d))).date())
        )
        self.open_button = QPushButton("&Open agenda")
        self.open_button.clicked.connect(self.open_agenda)
        self.caption = QLabel("Choose the meeting's date and cut-off, then open its agenda.")
        self.caption.setWordWrap(True)
        self.table = self._table()
        self._build()
        edits.changed.connect(lambda _pid: self.reload())
        self.resize(1320, 600)

    def _table(self) -> QTableWidget:
        table = read_only_table(COLUMNS, "Agenda")
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # Decision and notes get fixed room; the title takes what is left.
        widest = max(DECISION_LABELS.values(), key=len)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Fixed)
        table.setColumnWidth(5, table.fontMetrics().horizontalAdvance(widest) + 48)
        table.setColumnWidth(6, table.fontMetrics().horizontalAdvance("0" * 22))
        table.setWordWrap(False)  # one line a petition; the full title is in its tooltip
        table.cellDoubleClicked.connect(self._choose)
        return table

    def _build(self) -> None:
        row = QHBoxLayout()
        for text, widget in (("Meeting &on:", self.meets_on), ("&Cut-off:", self.cut_off)):
            caption = QLabel(text)
            caption.setBuddy(widget)
            row.addWidget(caption)
            row.addWidget(widget)
        row.addWidget(self.open_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.caption)
        layout.addWidget(self.table, 1)
        hint = QLabel("Choosing a decision records it at once (Edit ▸ Undo takes it back). "
                      "Double-click a row to open the petition.")  # fmt: skip
        hint.setWordWrap(True)
        layout.addWidget(hint)

    def open_agenda(self) -> None:
        """Show the agenda for the chosen dates (looking records nothing)."""
        meets_on, cut_off = from_qdate(self.meets_on.date()), from_qdate(self.cut_off.date())
        self._load(meets_on, cut_off)

    def reload(self) -> None:
        if self.meeting is not None:
            self._load(self.meeting.meets_on, self.meeting.cut_off)

    def _load(self, meets_on: date, cut_off: date) -> None:
        meetings = self._context.casework.meetings
        self._context.runner.read(
            lambda progress, cancelled: meetings.agenda_for(meets_on, cut_off),
            succeeded=lambda result: self.show_agenda(*result),
            failed=lambda kind, message: self.caption.setText(f"Could not open: {message}"),
        )

    def show_agenda(self, meeting: MeetingView, items: list[AgendaItem]) -> None:
        self.meeting = m = meeting
        self.cut_off.setDate(to_qdate(m.cut_off))  # a recorded meeting keeps its own cut-off
        self.items = items
        decided = sum(1 for i in items if i.decision or i.debate_decision)
        self.caption.setText(
            f"Meeting on {long_date(m.meets_on)}: responses received from "
            f"{long_date(m.window_start + timedelta(days=1))} to {long_date(m.cut_off)}, "
            f"revised responses awaiting acceptance, overdue requests, deferred items and "
            f"petitions awaiting a decision on a debate. "
            f"{len(items)} to consider, {decided} decided."
            + ("" if m.id is not None else " (The meeting is recorded with its first decision.)")
        )
        self.table.setRowCount(len(items))
        for row, item in enumerate(items):
            self._fill_row(row, item)

    def _fill_row(self, row: int, item: AgendaItem) -> None:
        verdict = VERDICT_LABELS[Verdict(item.latest_verdict)] if item.latest_verdict else ""
        cells = (str(item.petition_id), " ".join(item.action.split()), item.kind,
                 long_date(item.on) if item.on else "", verdict)  # fmt: skip
        for column, text in enumerate(cells):
            cell = QTableWidgetItem(text)
            cell.setToolTip(text)
            cell.setData(Qt.ItemDataRole.UserRole, item.petition_id)
            self.table.setItem(row, column, cell)
        if item.kind == ItemKind.DEBATE:
            self._fill_debate_row(row, item)
            return
        self.table.setCellWidget(row, 5, self._decision_box(item))
        notes = QLineEdit(item.decision.notes if item.decision else "")
        notes.setAccessibleName(f"Notes on petition {item.petition_id}")
        notes.setEnabled(item.decision is not None)
        notes.editingFinished.connect(lambda: self._notes_changed(item, notes))
        self.table.setCellWidget(row, 6, notes)

    def _fill_debate_row(self, row: int, item: AgendaItem) -> None:
        """A petition past 100,000: its button opens the debate decision dialog; the notes
        column says what was decided."""
        decided = item.debate_decision
        button = QPushButton(decided.label if decided else "Decide on debate…")
        button.setAccessibleName(f"Debate decision on petition {item.petition_id}")
        button.clicked.connect(lambda: self.decide_debate(item))
        self.table.setCellWidget(row, 5, button)
        details = decided.summary.partition(": ")[2] if decided else ""
        cell = QTableWidgetItem(details)
        cell.setToolTip(decided.summary if decided else "")
        cell.setData(Qt.ItemDataRole.UserRole, item.petition_id)
        self.table.setItem(row, 6, cell)

    def decide_debate(self, item: AgendaItem) -> None:
        if self.meeting is None:
            return
        heading = heading_for(item.petition_id, item.action, item.signature_count,
                              self.meeting.meets_on)  # fmt: skip
        self.debate_decisions.decide(
            item.petition_id, self.meeting.meets_on, heading, self, item.debate_decision
        )

    def _decision_box(self, item: AgendaItem) -> QComboBox:
        box = QComboBox()
        box.setAccessibleName(f"Decision on petition {item.petition_id}")
        box.addItem(UNDECIDED, None)
        for decision, label in DECISION_LABELS.items():
            box.addItem(label, decision)
        if item.decision is not None:
            box.setCurrentIndex(box.findData(Decision(item.decision.decision)))
        box.activated.connect(lambda _index: self._decide(item, box))
        return box

    def _decide(self, item: AgendaItem, box: QComboBox) -> None:
        decision = box.currentData()
        if self.meeting is None:
            return
        # A refusal or failure is shown by the window that owns the edits.
        if decision is None:
            done = self._edits.clear_decision(self.meeting, item)
        elif item.decision is None or item.decision.decision != decision:
            notes = item.decision.notes if item.decision else ""
            done = self._edits.record_decision(self.meeting, item, Decision(decision), notes)
        else:
            done = True
        if not done:
            # The box must show what is stored, not the choice the database did not take.
            stored = Decision(item.decision.decision) if item.decision else None
            box.setCurrentIndex(box.findData(stored))

    def _notes_changed(self, item: AgendaItem, edit: QLineEdit) -> None:
        if self.meeting is None or item.decision is None:
            return
        if edit.text().strip() != item.decision.notes:
            decision = Decision(item.decision.decision)
            # If not stored, the notes stay in the box, to save again when the clerk edits.
            self._edits.record_decision(self.meeting, item, decision, edit.text())

    def _choose(self, row: int, _column: int) -> None:
        cell = self.table.item(row, 0)
        if cell is not None:
            self.petition_chosen.emit(int(cell.data(Qt.ItemDataRole.UserRole)))

    def decision_box(self, petition_id: int) -> Any:
        """The decision box on a petition's row (for keyboard users' shortcuts and tests)."""
        for row, item in enumerate(self.items):
            if item.petition_id == petition_id:
                return self.table.cellWidget(row, 5)
        return None
