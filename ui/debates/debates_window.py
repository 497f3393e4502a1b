"""The Debates window: the calendar of slots, the debates list, and the debate records.

A week or a month of slots with what each holds, petitions waiting for a decision and
debates still to place beside it; a second tab lists every debate by status. A free slot
opens a new debate there; a booked one opens its record. Every change is undoable from
Edit ▸ Undo here, and from the main window's when the two share an undo stack.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Any, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from caseworker.domain.debates import DebateStatus
from caseworker.formatting import MONTHS, long_date, weekday_date
from caseworker.services.debates.views import CalendarView, DebateView, SlotView
from caseworker.services.errors import PetitionNotFound
from caseworker.services.related import RelatedService
from caseworker.storage.errors import where
from ui.casework.failures import FAILURES, failure_message
from ui.casework.widgets import read_only_table
from ui.context import AppContext
from ui.debates.calendar_view import SidePanel, SlotGrid, Span, slot_name, span_for, step
from ui.debates.debate_editor import DebateEditor
from ui.debates.edits import REFUSALS, DebateEdits
from ui.debates.material_editor import MaterialEditor
from ui.debates.members_dialog import MemberForm, MembersDialog
from ui.debates.slot_dialogs import ExtraSlotDialog, RecessDialog
from ui.engagement.window import EngagementWindow
from ui.latest import Latest

T = TypeVar("T")
#: How far ahead the editor offers free slots.
SLOTS_AHEAD = timedelta(weeks=26)
LIST_COLUMNS = ("ID", "When", "Status", "Petitions", "Debate", "Opening Member")


class DebatesWindow(QMainWindow):
    #: The clerk asked to see a petition in the main window.
    petition_chosen = Signal(int)

    def __init__(
        self, context: AppContext, stack: QUndoStack | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Debates")
        self._context = context
        self.services = context.debates
        self.stack = stack if stack is not None else QUndoStack(self)
        self.edits = DebateEdits(
            context.debates, context.casework, self.stack, where(context.database.engine),
            context.runner,
        )  # fmt: skip
        self.today = self.services.calendar.clock.today()
        self.anchor, self.span = self.today, Span.MONTH
        self.view: CalendarView | None = None
        self.debates: list[DebateView] = []
        self._calendar_reads, self._list_reads = Latest(), Latest()
        #: Opens the briefing dialog for a debate record (set by the main window's launcher).
        self.open_pack: Callable[[int], object] | None = None
        self._engagement_windows: dict[int, EngagementWindow] = {}
        self.grid = SlotGrid()
        self.side = SidePanel()
        self.range_label = QLabel()
        self.status_filter = QComboBox()
        self.list = read_only_table(LIST_COLUMNS, "Debates")
        self.list.horizontalHeader().setStretchLastSection(False)
        self.list.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self._layout()
        self._make_actions()
        self._connect()
        self.resize(1280, 720)
        self.reload()

    # Building ------------------------------------------------------------------------------

    def _layout(self) -> None:
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        split.addWidget(self.grid)
        split.addWidget(self.side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([900, 320])
        calendar = QWidget()
        column = QVBoxLayout(calendar)
        heading = self.range_label.font()
        heading.setBold(True)
        heading.setPointSizeF(heading.pointSizeF() * 1.2)
        self.range_label.setFont(heading)
        column.addWidget(self.range_label)
        column.addWidget(split, 1)
        self.status_filter.addItem("Every status", None)
        for s in DebateStatus:
            self.status_filter.addItem(s.label, s.value)
        listing = QWidget()
        rows = QVBoxLayout(listing)
        top = QHBoxLayout()
        label = QLabel("&Status:")
        label.setBuddy(self.status_filter)
        top.addWidget(label)
        top.addWidget(self.status_filter)
        top.addStretch(1)
        rows.addLayout(top)
        rows.addWidget(self.list, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(calendar, "&Calendar")
        self.tabs.addTab(listing, "&All debates")
        self.setCentralWidget(self.tabs)

    def _action(self, text: str, slot: Callable[[], Any], shortcut: Any = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        a = self._action
        self.week_action = a("&Week", lambda: self.show_span(Span.WEEK), "Ctrl+Shift+W")
        self.month_action = a("&Month", lambda: self.show_span(Span.MONTH), "Ctrl+Shift+M")
        group = QActionGroup(self)
        for action in (self.week_action, self.month_action):
            action.setCheckable(True)
            group.addAction(action)
        self.month_action.setChecked(True)
        self.today_action = a("&Today", self.go_today, "Ctrl+T")
        self.previous_action = a("&Previous", lambda: self.go(False), "Alt+Left")
        self.next_action = a("&Next", lambda: self.go(True), "Alt+Right")
        self.new_action = a("&New debate…", lambda: self.new_debate(), QKeySequence.StandardKey.New)
        self.place_action = a("&Place in slot…", self.place_chosen)
        self.members_action = a("&Members…", self.open_members)
        self.recess_action = a("&Recesses…", self.open_recesses)
        self.slot_action = a("E&xtra slots…", self.open_slots)
        self.close_action = a("&Close", self.close, QKeySequence.StandardKey.Close)
        self.refresh_action = a("&Refresh", self.reload, QKeySequence.StandardKey.Refresh)
        self.undo_action = self.stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        for action in (self.undo_action, self.redo_action):
            self.addAction(action)
        menus = self.menuBar()
        debate = menus.addMenu("&Debate")
        debate.addActions([self.new_action, self.place_action])
        debate.addSeparator()
        debate.addActions([self.members_action, self.recess_action, self.slot_action])
        debate.addSeparator()
        debate.addAction(self.close_action)
        edit = menus.addMenu("&Edit")
        edit.addActions([self.undo_action, self.redo_action])
        view = menus.addMenu("&View")
        view.addActions([self.week_action, self.month_action])
        view.addSeparator()
        view.addActions([self.today_action, self.previous_action, self.next_action,
                         self.refresh_action])  # fmt: skip
        toolbar = QToolBar("Calendar", self)
        toolbar.setObjectName("debates_toolbar")
        toolbar.addActions([self.week_action, self.month_action])
        toolbar.addSeparator()
        toolbar.addActions([self.previous_action, self.today_action, self.next_action])
        toolbar.addSeparator()
        toolbar.addAction(self.new_action)
        self.addToolBar(toolbar)

    def _connect(self) -> None:
        self.grid.slot_activated.connect(self.open_slot)
        self.grid.empty_day_activated.connect(self._no_slot)
        self.grid.debate_dropped.connect(self._dropped)
        self.side.new_debate_requested.connect(lambda pid: self.new_debate(petition_ids=[pid]))
        self.side.place_requested.connect(self.place)
        self.side.debate_chosen.connect(self.edit_debate)
        self.status_filter.currentIndexChanged.connect(lambda _i: self._load_list())
        self.list.activated.connect(self._list_activated)
        self.edits.changed.connect(lambda _id: self.reload())
        self.edits.refused.connect(self._refused)
        self.edits.failed.connect(lambda message: QMessageBox.warning(self, "Not saved", message))

    # Reading -------------------------------------------------------------------------------

    def reload(self) -> None:
        self._load_calendar()
        self._load_list()

    def _load_calendar(self) -> None:
        first, last = span_for(self.span, self.anchor)
        if self.span is Span.WEEK:
            self.range_label.setText(f"Week of {long_date(first)}")
        else:
            self.range_label.setText(f"{MONTHS[self.anchor.month - 1]} {self.anchor.year}")
        calendar, span = self.services.calendar, self.span

        def read(progress: Any, cancelled: Any) -> CalendarView:
            return calendar.calendar(first, last)

        succeeded, failed = self._calendar_reads.newest(
            lambda view: self._show_calendar(view, span), self._read_failed
        )
        self._context.runner.read(read, succeeded=succeeded, failed=failed)

    def _show_calendar(self, view: CalendarView, span: Span) -> None:
        self.view = view
        self.grid.show_view(view, span, self.today)
        self.side.show_view(view)
        self.place_action.setEnabled(bool(view.unplaced))
        cell = self.grid.cell_of(max(min(self.anchor, view.last), view.first))
        if cell is not None:
            self.grid.setCurrentCell(*cell)

    def _load_list(self) -> None:
        debates, status = self.services.debates, self.status_filter.currentData()
        succeeded, failed = self._list_reads.newest(self._show_list, self._read_failed)
        self._context.runner.read(
            lambda p, c: debates.debates(status=status), succeeded=succeeded, failed=failed
        )

    def _show_list(self, debates: list[DebateView]) -> None:
        self.debates = debates
        self.list.setRowCount(len(debates))
        for row, d in enumerate(debates):
            member = d.opening_member.styled if d.opening_member else ""
            cells = (str(d.id), d.when, DebateStatus(d.status).label,
                     ", ".join(str(i) for i in d.petition_ids), d.title, member)  # fmt: skip
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(d.motion if column == 4 else "")
                self.list.setItem(row, column, item)

    def _read_failed(self, kind: str, message: str) -> None:
        self.statusBar().showMessage(f"Could not read the debates: {message}")

    # Moving about --------------------------------------------------------------------------

    def show_span(self, span: Span) -> None:
        self.span = span
        (self.week_action if span is Span.WEEK else self.month_action).setChecked(True)
        self._load_calendar()

    def go(self, forward: bool) -> None:
        self.anchor = step(self.span, self.anchor, forward)
        self._load_calendar()

    def go_today(self) -> None:
        self.go_to(self.today)

    def go_to(self, day: date) -> None:
        self.anchor = day
        self._load_calendar()

    # Debates -------------------------------------------------------------------------------

    def open_slot(self, slot: SlotView) -> None:
        if slot.debate is not None:
            self.edit_debate(slot.debate)
        else:
            self.new_debate(slot=slot)

    def _no_slot(self, day: date) -> None:
        self.statusBar().showMessage(
            f"{weekday_date(day)} has no debate slot: add one with Debate ▸ Extra slots…", 8000
        )

    def _list_activated(self, index: Any) -> None:
        if 0 <= index.row() < len(self.debates):
            self.edit_debate(self.debates[index.row()])

    def editor(
        self, debate: DebateView | None, *, slot: SlotView | None = None,
        petition_ids: Sequence[int] = (),
    ) -> DebateEditor | None:  # fmt: skip
        """A debate editor filled with the free slots and the Members (None: unreadable)."""
        services = self.services

        def data() -> tuple[list[SlotView], Any]:
            free = services.calendar.free_slots(self.today, self.today + SLOTS_AHEAD)
            return free, services.members.members()

        read = self._try("Could not open the debate", data)
        if read is None:
            return None
        dialog = DebateEditor(
            self, debate=debate, slots=read[0], members=read[1], describe=self._describe,
            related=RelatedService(self._context.database), runner=self._context.runner,
            petition_ids=petition_ids, slot=slot,
        )  # fmt: skip
        dialog.new_member_requested.connect(lambda: self._new_member_for(dialog))
        dialog.resize(820, 640)
        self.editor_opened(dialog)
        return dialog

    def editor_opened(self, dialog: DebateEditor) -> None:
        """A stored debate's editor gains its pack material, its public engagement and its
        briefing pack (a new one has none until it is saved)."""
        debate = dialog.debate
        if debate is None:
            return
        dialog.add_tab(MaterialEditor(self._context, debate.id), "&Material")
        engagement = QPushButton("&Engagement…")
        engagement.setToolTip("The public engagement before this debate: the call, responses, "
                              "themes and quotations")  # fmt: skip
        engagement.clicked.connect(lambda: self.open_engagement(debate.id))
        dialog.add_button(engagement)
        if self.open_pack is not None:
            pack = QPushButton("Briefing &pack…")
            pack.setToolTip("Preview, print or export this debate's briefing pack")
            open_pack = self.open_pack
            pack.clicked.connect(lambda: open_pack(debate.id))
            dialog.add_button(pack)

    def open_engagement(self, debate_id: int) -> EngagementWindow:
        """The engagement window of the debate (one a debate, raised if open)."""
        window = self._engagement_windows.get(debate_id)
        if window is None:
            window = EngagementWindow(self._context, debate_id, self)
            self._engagement_windows[debate_id] = window
            window.destroyed.connect(lambda: self._engagement_windows.pop(debate_id, None))
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def new_debate(self, *, slot: SlotView | None = None, petition_ids: Sequence[int] = ()) -> None:
        dialog = self.editor(None, slot=slot, petition_ids=petition_ids)
        if dialog is None:
            return
        with self.edits.reporting_to(dialog.show_error):
            while dialog.exec():
                if self.edits.schedule(dialog.petition_ids(), dialog.values()) is not None:
                    return

    def edit_debate(self, debate: DebateView) -> None:
        dialog = self.editor(debate)
        if dialog is None:
            return
        with self.edits.reporting_to(dialog.show_error):
            while dialog.exec():
                if self.edits.change(debate, dialog.values(), dialog.petition_ids()):
                    return
                debate = self._newest(debate)

    def _newest(self, debate: DebateView) -> DebateView:
        try:
            return self.services.debates.get(debate.id)
        except (*REFUSALS, *FAILURES):
            return debate

    def place_chosen(self) -> None:
        item = self.side.unplaced.currentItem() or self.side.unplaced.item(0)
        if item is not None:
            self.place(item.data(Qt.ItemDataRole.UserRole))

    def place(self, debate: DebateView) -> None:
        """Put an unplaced debate in a free slot the clerk picks."""
        free = self._try(
            "Could not read the free slots",
            lambda: self.services.calendar.free_slots(self.today, self.today + SLOTS_AHEAD),
        )
        if free is None:
            return
        if not free:
            QMessageBox.information(self, "No free slot", "No slot is free in the coming months.")
            return
        names = [slot_name(s) for s in free]
        name, ok = QInputDialog.getItem(self, f"Place debate {debate.id}",
                                        f"{debate.title}\n\nSlot:", names, 0, False)  # fmt: skip
        if ok:
            self.place_in(debate, free[names.index(name)])

    def place_in(self, debate: DebateView, slot: SlotView) -> bool:
        values: dict[str, Any] = {"day": slot.day, "starts_at": slot.starts_at, "place": slot.place}
        if debate.status in (DebateStatus.PROPOSED.value, DebateStatus.POSTPONED.value):
            values["status"] = DebateStatus.SCHEDULED.value
        text = f"Place debate {debate.id} on {weekday_date(slot.day)}"
        return self.edits.change(debate, values, text=text) is not None

    def _dropped(self, debate_id: int, slot: SlotView) -> None:
        waiting = self.view.unplaced if self.view else ()
        debate = next((d for d in waiting if d.id == debate_id), None)
        if debate is not None:
            self.place_in(debate, slot)

    def _describe(self, petition_id: int) -> str | None:
        try:
            return self._context.petitions.get_petition(petition_id).action
        except PetitionNotFound:
            return None

    # Members, recesses, slots --------------------------------------------------------------

    def open_members(self) -> None:
        MembersDialog(self, self.edits).exec()

    def _new_member_for(self, dialog: DebateEditor) -> None:
        form = MemberForm(dialog)
        with self.edits.reporting_to(form.show_error):
            while form.exec():
                made = self.edits.add_member(form.values())
                if made is not None:
                    dialog.set_members(self.services.members.members(), made.id)
                    return

    def open_recesses(self) -> None:
        RecessDialog(self, self.edits, self.today).exec()

    def open_slots(self) -> None:
        ExtraSlotDialog(self, self.edits, self.today).exec()

    # Messages ------------------------------------------------------------------------------

    def _refused(self, message: str) -> None:
        QMessageBox.warning(self, "Not saved", message)
        self.reload()

    def _try(self, what: str, make: Callable[[], T]) -> T | None:
        try:
            return make()
        except REFUSALS as exc:
            QMessageBox.warning(self, "Debates", str(exc))
        except FAILURES as exc:
            QMessageBox.warning(self, "Debates", failure_message(what, exc, self.edits.location))
        return None

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self._calendar_reads.forget()
        self._list_reads.forget()
        super().closeEvent(event)
