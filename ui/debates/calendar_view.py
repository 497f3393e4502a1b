"""The debate calendar: a week or a month of slots, what each holds, and what is waiting.

A grid of weekdays (petitions debates are on Mondays; the Committee's extra slots may be on
other days). Each day says what its slots hold ("4.30pm: Free", or the debate's status and
title), recess days are shaded and named, extra slots are marked as such. The arrow keys move
between days; Enter or a double-click on a day with a slot emits ``slot_activated``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from enum import Enum

from PySide6.QtCore import QByteArray, QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from caseworker.domain.debates import DebateStatus
from caseworker.formatting import count, day_month, papers_clock, short_date, weekday_date
from caseworker.services.debates.views import CalendarView, DebateView, RecessView, SlotView

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
#: What a debate dragged from the "To place" list carries: its id.
DEBATE_MIME = "application/x-caseworker-debate"
#: The Monday column's share of the month grid's width: nearly every slot is on a Monday.
MONDAY_SHARE = 0.4


class Span(Enum):
    WEEK = "week"
    MONTH = "month"


def span_for(span: Span, anchor: date) -> tuple[date, date]:
    """The first and last day shown: the anchor's week (Monday to Friday), or every week
    touching the anchor's month."""
    if span is Span.WEEK:
        monday = anchor - timedelta(days=anchor.weekday())
        return monday, monday + timedelta(days=4)
    first = anchor.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    start = first - timedelta(days=first.weekday())
    last = following - timedelta(days=1)
    return start, last + timedelta(days=(4 - last.weekday()) % 7 if last.weekday() < 5 else 0)


def step(span: Span, anchor: date, forward: bool) -> date:
    """The anchor one week or one month on (or back)."""
    if span is Span.WEEK:
        return anchor + timedelta(weeks=1 if forward else -1)
    first = anchor.replace(day=1)
    if forward:
        return (first + timedelta(days=32)).replace(day=1)
    return (first - timedelta(days=1)).replace(day=1)


def _extra(slot: SlotView) -> str:
    return f" (extra slot{': ' + slot.note if slot.note else ''})" if slot.extra_slot_id else ""


def slot_name(slot: SlotView) -> str:
    """``"Monday 7 July 2025, 4.30pm"`` (an extra slot says so): how a slot is offered."""
    return f"{weekday_date(slot.day)}, {papers_clock(slot.starts_at)}{_extra(slot)}"


def slot_line(slot: SlotView, *, full: bool = False) -> str:
    """``"4.30pm: Free"`` or ``"4.30pm: Scheduled, e-petition 724432: …"`` and who opens it;
    ``full`` adds the petitions, the place, the Minister and the motion (the week view)."""
    when = f"{papers_clock(slot.starts_at)}{_extra(slot)}"
    if slot.debate is None:
        return f"{when}: Free"
    d = slot.debate
    member = d.opening_member.styled if d.opening_member else "no opening Member yet"
    text = f"{when}: {DebateStatus(d.status).label}, {d.title}"
    if not full:
        return f"{text}\nOpened by {member}"
    ids = ", ".join(str(i) for i in d.petition_ids)
    minister = f"; replying: {d.minister}" if d.minister else ""
    return "\n".join([
        text, f"    e-petitions {ids}; opened by {member}", f"    {d.place}{minister}",
        f"    {d.motion}",
    ])  # fmt: skip


def debate_line(debate: DebateView) -> str:
    return f"{debate.when}: {DebateStatus(debate.status).label}, {debate.title}"


class SlotGrid(QTableWidget):
    """The days of a week (one row each) or of a month (a week a row, a weekday a column)."""

    #: A day's slot the clerk chose (free: a new debate there; booked: its debate).
    slot_activated = Signal(object)
    #: A day without a slot was chosen (an extra slot may be added there).
    empty_day_activated = Signal(object)
    #: A debate from the "To place" list was dropped on a free slot: (debate id, SlotView).
    debate_dropped = Signal(int, object)

    def __init__(self) -> None:
        super().__init__(0, 0)
        self.setAccessibleName("Debate calendar")
        self.setAccessibleDescription(
            "Days with their debate slots. Arrow keys move between days; Enter opens the "
            "debate in a slot, or records a new one in a free slot. A debate to place may "
            "be dropped on a free slot."
        )
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.span = Span.MONTH
        self.view: CalendarView | None = None
        self.today = date.today()
        self._days: dict[tuple[int, int], date] = {}
        self.slots: dict[date, list[SlotView]] = {}
        self.recess_on: dict[date, RecessView] = {}
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        # A double-click activates too (Qt emits activated after doubleClicked).
        self.cellActivated.connect(lambda row, column: self.activate(row, column))

    def show_view(self, view: CalendarView, span: Span, today: date) -> None:
        self.view, self.span, self.today = view, span, today
        self.slots = {}
        for slot in view.slots:
            self.slots.setdefault(slot.day, []).append(slot)
        self.recess_on = {}
        for recess in view.recesses:
            day = recess.starts_on
            while day <= recess.ends_on:
                self.recess_on[day] = recess
                day += timedelta(days=1)
        self.clear()
        self._days = {}
        if span is Span.WEEK:
            self._fill_week(view)
        else:
            self._fill_month(view)
        self._size_columns()

    def _fill_week(self, view: CalendarView) -> None:
        self.setRowCount(5)
        self.setColumnCount(2)
        self.setHorizontalHeaderLabels(["Day", "Slots"])
        self.verticalHeader().hide()
        for row in range(5):
            day = view.first + timedelta(days=row)
            self._days[(row, 0)] = self._days[(row, 1)] = day
            label = f"{WEEKDAYS[row]}\n{short_date(day)}{' (today)' if day == self.today else ''}"
            self.setItem(row, 0, self._item(day, label))
            self.setItem(row, 1, self._item(day, self._day_text(day, full=True)))
        self.resizeRowsToContents()
        header = self.verticalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

    def _fill_month(self, view: CalendarView) -> None:
        weeks = ((view.last - view.first).days + 3) // 7
        self.setRowCount(weeks)
        self.setColumnCount(5)
        self.setHorizontalHeaderLabels(list(WEEKDAYS))
        self.verticalHeader().hide()
        month = (view.first + timedelta(days=10)).month
        for row in range(weeks):
            for column in range(5):
                day = view.first + timedelta(weeks=row, days=column)
                self._days[(row, column)] = day
                heading = day_month(day) + (" (today)" if day == self.today else "")
                text = f"{heading}\n{self._day_text(day, full=False)}".rstrip()
                item = self._item(day, text)
                if day.month != month:
                    item.setForeground(self.palette().placeholderText())
                self.setItem(row, column, item)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

    def _day_text(self, day: date, *, full: bool) -> str:
        recess = self.recess_on.get(day)
        lines = [slot_line(s, full=full) for s in self.slots.get(day, [])]
        if recess is not None:
            lines.insert(0, f"{recess.name} recess")
        return "\n".join(lines)

    def _item(self, day: date, text: str) -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, day.toordinal())
        item.setToolTip(text)
        item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        if day in self.recess_on:
            shade = QColor(self.palette().mid().color())
            shade.setAlpha(90)
            item.setBackground(shade)
        if any(not s.free for s in self.slots.get(day, [])):
            font = item.font()
            font.setBold(True)
            item.setFont(font)
        return item

    def _size_columns(self) -> None:
        header = self.horizontalHeader()
        if self.span is Span.WEEK:
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
            return
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        width = self.viewport().width()
        monday = int(width * MONDAY_SHARE)
        self.setColumnWidth(0, monday)
        for column in range(1, 5):
            self.setColumnWidth(column, (width - monday) // 4)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self.columnCount():
            self._size_columns()

    def day_at(self, row: int, column: int) -> date | None:
        return self._days.get((row, column))

    def cell_of(self, day: date) -> tuple[int, int] | None:
        """Where ``day`` is shown (its slots' column in the week view)."""
        found = [cell for cell, d in self._days.items() if d == day]
        return max(found) if found else None

    def activate(self, row: int, column: int) -> None:
        day = self.day_at(row, column)
        if day is None:
            return
        slots = self.slots.get(day, [])
        if not slots:
            self.empty_day_activated.emit(day)
            return
        if len(slots) == 1:
            self.slot_activated.emit(slots[0])
            return
        menu = QMenu(self)
        for slot in slots:
            menu.addAction(slot_line(slot)).setData(slots.index(slot))
        rect = self.visualRect(self.model().index(row, column))
        chosen = menu.exec(self.viewport().mapToGlobal(rect.topLeft() + QPoint(8, 8)))
        if chosen is not None:
            self.slot_activated.emit(slots[int(chosen.data())])

    # Dropping a debate to place ------------------------------------------------------------

    def _free_slot_at(self, event: QDragMoveEvent | QDropEvent) -> SlotView | None:
        index = self.indexAt(event.position().toPoint())
        day = self.day_at(index.row(), index.column()) if index.isValid() else None
        free = [s for s in self.slots.get(day, []) if s.free] if day else []
        return free[0] if free else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if event.mimeData().hasFormat(DEBATE_MIME):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt's name
        if event.mimeData().hasFormat(DEBATE_MIME) and self._free_slot_at(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        slot = self._free_slot_at(event)
        data = event.mimeData().data(DEBATE_MIME)
        if slot is None or data.isEmpty():
            event.ignore()
            return
        event.acceptProposedAction()
        self.debate_dropped.emit(int(bytes(data.data()).decode()), slot)


class DebateList(QListWidget):
    """The debates to place: each may be dragged onto a free slot of the calendar."""

    def __init__(self) -> None:
        super().__init__()
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)

    def mimeData(self, items: Sequence[QListWidgetItem]) -> QMimeData:  # noqa: N802 - Qt's name
        data = QMimeData()
        if items:
            debate = items[0].data(Qt.ItemDataRole.UserRole)
            data.setData(DEBATE_MIME, QByteArray(str(debate.id).encode()))
        return data


class SidePanel(QWidget):
    """Petitions waiting for a decision, and debates still to be placed in a slot."""

    #: A waiting petition the clerk wants a debate for.
    new_debate_requested = Signal(int)
    #: An unplaced debate to put in a slot.
    place_requested = Signal(object)
    #: A debate to open.
    debate_chosen = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.waiting_label = QLabel("&Waiting for a decision")
        self.waiting = QListWidget()
        self.waiting.setAccessibleName("Petitions waiting for a debate decision")
        self.waiting_label.setBuddy(self.waiting)
        self.waiting.setWordWrap(True)
        self.new_button = QPushButton("&New debate for it…")
        self.unplaced_label = QLabel("To p&lace")
        self.unplaced = DebateList()
        self.unplaced.setAccessibleName("Debates not in a slot")
        self.unplaced_label.setBuddy(self.unplaced)
        self.unplaced.setWordWrap(True)
        self.place_button = QPushButton("&Place in slot…")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.waiting_label, self.waiting):
            layout.addWidget(widget, 1 if widget is self.waiting else 0)
        layout.addLayout(_right(self.new_button))
        layout.addWidget(self.unplaced_label)
        layout.addWidget(self.unplaced, 1)
        layout.addLayout(_right(self.place_button))
        self.new_button.clicked.connect(self._new)
        self.waiting.itemActivated.connect(lambda _item: self._new())
        self.place_button.clicked.connect(self._place)
        self.unplaced.itemActivated.connect(self._open)

    def show_view(self, view: CalendarView) -> None:
        self.waiting.clear()
        for w in view.waiting:
            reached = f", 100,000 on {short_date(w.reached_on)}" if w.reached_on else ""
            said = f"\n{w.latest_decision}" if w.latest_decision else ""
            item = QListWidgetItem(
                f"{w.petition_id}: {w.action}\n{count(w.signature_count)} signatures{reached}{said}"
            )
            item.setData(Qt.ItemDataRole.UserRole, w.petition_id)
            self.waiting.addItem(item)
        self.waiting_label.setText(f"&Waiting for a decision ({len(view.waiting)})")
        self.unplaced.clear()
        for d in view.unplaced:
            item = QListWidgetItem(f"Debate {d.id}: {debate_line(d)}")
            item.setData(Qt.ItemDataRole.UserRole, d)
            self.unplaced.addItem(item)
        self.unplaced_label.setText(f"To p&lace ({len(view.unplaced)})")
        self.new_button.setEnabled(bool(view.waiting))
        self.place_button.setEnabled(bool(view.unplaced))

    def _new(self) -> None:
        item = self.waiting.currentItem() or self.waiting.item(0)
        if item is not None:
            self.new_debate_requested.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def _place(self) -> None:
        item = self.unplaced.currentItem() or self.unplaced.item(0)
        if item is not None:
            self.place_requested.emit(item.data(Qt.ItemDataRole.UserRole))

    def _open(self, item: QListWidgetItem) -> None:
        self.debate_chosen.emit(item.data(Qt.ItemDataRole.UserRole))


def _right(button: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(button)
    return row
