"""Issue 13 in the window: the debate calendar by week and month, a debate recorded by
choosing a slot, a slot taken meanwhile refused beside the Slot field, undo and redo, and the
Members dialog (add, a name refused beside the field, edit)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtGui import QDropEvent, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from caseworker.domain.debates import mondays
from caseworker.formatting import weekday_date
from caseworker.services.casework.common import Clock
from caseworker.services.debates import DebateServices
from caseworker.storage.engine import Database
from tests.ui.conftest import make_context
from tests.unit.debates.story import DEBATED, DEBATED_ON, SEND, TRAINING, import_petitions
from ui.actions import ActionId
from ui.context import AppContext
from ui.dates import to_qdate
from ui.debates.calendar_view import SlotGrid, Span
from ui.debates.debate_editor import DebateEditor
from ui.debates.debates_window import DebatesWindow
from ui.debates.members_dialog import MemberForm, MembersDialog
from ui.debates.slot_dialogs import ExtraSlotDialog, RecessDialog
from ui.main_window import MainWindow
from ui.settings import WindowSettings

SCREENSHOTS = Path("/tmp/debates-screenshots")
#: Petitions of the window's test database past 100,000 signatures (number × 300).
FIRST, SECOND, THIRD = 400, 410, 420


def when_modal(act: Callable[[QWidget], None]) -> None:
    """Run ``act`` on the next modal dialog as soon as it is shown (exec() blocks the test)."""

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(10, look)
        else:
            act(dialog)

    QTimer.singleShot(0, look)


def save(dialog: QWidget) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    buttons.button(QDialogButtonBox.StandardButton.Save).click()


@pytest.fixture
def mondays_ahead(context: AppContext) -> list[date]:
    """The Mondays of a whole month at least five weeks away (no recess, nothing booked)."""
    start = context.debates.calendar.clock.today() + timedelta(days=40)
    first = (start.replace(day=1) + timedelta(days=32)).replace(day=1)
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    return mondays(first, last)


@pytest.fixture
def colleague(context: AppContext) -> DebateServices:
    return DebateServices.open(context.database, "bob", Clock())


@pytest.fixture
def debates(qtbot: QtBot, context: AppContext) -> Iterator[DebatesWindow]:
    window = DebatesWindow(context, QUndoStack())
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    yield window
    window.close()


def loaded(qtbot: QtBot, window: DebatesWindow, day: date, span: Span) -> SlotGrid:
    window.show_span(span)
    window.go_to(day)
    qtbot.waitUntil(
        lambda: (
            window.grid.span is span
            and window.view is not None
            and window.view.first <= day <= window.view.last
        ),
        timeout=30_000,
    )
    return window.grid


def text_on(grid: SlotGrid, day: date) -> str:
    cell = grid.cell_of(day)
    assert cell is not None, day
    item = grid.item(*cell)
    assert item is not None
    return item.text()


def cell(dialog: MembersDialog, row: int, column: int) -> str:
    item = dialog.table.item(row, column)
    return item.text() if item is not None else ""


def test_the_calendar_shows_booked_and_free_slots_and_recesses_by_month_and_week(
    qtbot: QtBot, context: AppContext, colleague: DebateServices, mondays_ahead: list[date]
) -> None:
    booked, in_recess, free = mondays_ahead[:3]
    colleague.members.add("Amir Khan", constituency="Bradford East", party="Labour")
    colleague.debates.schedule([FIRST, SECOND], day=booked, opening_member="Amir Khan",
                               relating_to="buses in rural areas")  # fmt: skip
    colleague.calendar.add_recess(
        "Whitsun", in_recess - timedelta(days=3), in_recess + timedelta(4)
    )
    colleague.calendar.add_extra_slot(free + timedelta(days=2), time(18, 0), note="Backbench")
    window = DebatesWindow(context, QUndoStack())
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    grid = loaded(qtbot, window, booked, Span.MONTH)
    assert grid.columnCount() == 5 and grid.rowCount() >= 4
    assert f"4.30pm: Scheduled, e-petition {FIRST} and 1 more" in text_on(grid, booked)
    assert "Opened by Amir Khan MP" in text_on(grid, booked)
    assert text_on(grid, in_recess).splitlines()[1:] == ["Whitsun recess"]  # no slot in it
    assert "4.30pm: Free" in text_on(grid, free)
    assert "6pm (extra slot: Backbench): Free" in text_on(grid, free + timedelta(days=2))
    assert window.range_label.text().endswith(str(booked.year))
    SCREENSHOTS.mkdir(exist_ok=True)
    window.grab().save(str(SCREENSHOTS / "month-1366x768.png"))

    grid = loaded(qtbot, window, booked, Span.WEEK)
    assert (grid.rowCount(), grid.columnCount()) == (5, 2)
    week = text_on(grid, booked)
    assert f"e-petitions {FIRST}, {SECOND}; opened by Amir Khan MP" in week
    assert f"That this House has considered e-petitions {FIRST} and {SECOND} relating to buses" \
        in week  # fmt: skip
    window.grab().save(str(SCREENSHOTS / "week-1366x768.png"))
    # The keyboard moves a week on, and the arrow keys between days.
    window.next_action.trigger()
    qtbot.waitUntil(lambda: window.view is not None and window.view.first > booked, timeout=30_000)
    assert window.view is not None and window.view.first == booked + timedelta(weeks=1)


def test_a_debate_is_recorded_by_choosing_a_free_slot(
    qtbot: QtBot, debates: DebatesWindow, context: AppContext, mondays_ahead: list[date]
) -> None:
    day = mondays_ahead[2]
    grid = loaded(qtbot, debates, day, Span.MONTH)
    seen: list[str] = []

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, DebateEditor)
        assert dialog.slot.currentData()[0] == day  # the slot chosen in the calendar
        assert dialog.status.currentData() == "scheduled"
        dialog.petition_number.setText(str(SECOND))
        dialog.petition_number.returnPressed.emit()
        assert dialog.add_petition(FIRST)
        dialog.minister.setText("Minister for Roads")
        seen.append(dialog.motion.text())
        SCREENSHOTS.mkdir(exist_ok=True)
        dialog.grab().save(str(SCREENSHOTS / "editor-1366x768.png"))
        save(dialog)

    when_modal(fill)
    row, column = grid.cell_of(day) or (-1, -1)
    grid.setCurrentCell(row, column)
    qtbot.keyClick(grid, Qt.Key.Key_Return)  # type: ignore[no-untyped-call]
    assert seen == [f"That this House has considered e-petitions {SECOND} and {FIRST} relating "
                    f"to petition number {SECOND} about buses."]  # fmt: skip
    (made,) = context.debates.debates.debates(first=day, last=day)
    assert (made.petition_ids, made.status, made.minister) == (
        (SECOND, FIRST), "scheduled", "Minister for Roads",
    )  # fmt: skip
    assert made.department == "Department for Transport"  # filled in from the response
    qtbot.waitUntil(lambda: "Scheduled" in text_on(grid, day), timeout=30_000)

    debates.undo_action.trigger()  # undoing the creation deletes it
    assert context.debates.debates.debates(first=day, last=day) == []
    qtbot.waitUntil(lambda: "4.30pm: Free" in text_on(grid, day), timeout=30_000)
    debates.redo_action.trigger()
    (again,) = context.debates.debates.debates(first=day, last=day)
    assert again.petition_ids == (SECOND, FIRST)


def test_a_slot_taken_meanwhile_is_refused_beside_the_slot_field(
    qtbot: QtBot, debates: DebatesWindow, context: AppContext, colleague: DebateServices,
    mondays_ahead: list[date],
) -> None:  # fmt: skip
    day = mondays_ahead[1]
    loaded(qtbot, debates, day, Span.MONTH)
    assert debates.view is not None
    (slot,) = [s for s in debates.view.slots if s.day == day]
    said: list[str] = []

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, DebateEditor)
        dialog.add_petition(FIRST)
        colleague.debates.schedule([THIRD], day=day)  # another clerk, a moment earlier
        when_modal(look)
        save(dialog)

    def look(dialog: QWidget) -> None:
        assert isinstance(dialog, DebateEditor)
        said.append(dialog.field_errors["day"].text())
        said.append(dialog.error.text())
        assert dialog.petition_ids() == [FIRST]  # what the clerk chose is kept
        dialog.reject()

    when_modal(fill)
    debates.new_debate(slot=slot)
    assert "already holds debate" in said[0] and said[1] == ""
    assert [d.petition_ids for d in context.debates.debates.debates(first=day, last=day)] == [
        (THIRD,)
    ]
    assert not debates.stack.canUndo()  # nothing was recorded, so nothing to undo


def test_an_edit_is_undone_and_redone_and_a_colleague_s_later_edit_is_not_overwritten(
    qtbot: QtBot, debates: DebatesWindow, context: AppContext, colleague: DebateServices,
    mondays_ahead: list[date], monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    made = debates.edits.schedule([FIRST], {"day": mondays_ahead[0]})
    assert made is not None
    changed = debates.edits.change(made, {"minister": "Minister for Roads", "status": "proposed",
                                          "day": None})  # fmt: skip
    assert changed is not None and changed.day is None and changed.minister == "Minister for Roads"
    assert debates.undo_action.text() == f"&Undo Change debate {made.id}"
    debates.undo_action.trigger()
    back = context.debates.debates.get(made.id)
    assert (back.day, back.minister, back.status) == (mondays_ahead[0], "", "scheduled")
    debates.redo_action.trigger()
    assert context.debates.debates.get(made.id).minister == "Minister for Roads"

    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warned.append(text))
    now = context.debates.debates.get(made.id)
    colleague.debates.update(made.id, now.version, minister="Minister for Transport")
    debates.undo_action.trigger()
    assert "changed" in warned[0].lower() or "version" in warned[0].lower(), warned
    assert context.debates.debates.get(made.id).minister == "Minister for Transport"


def test_members_are_added_refused_beside_the_name_and_edited(
    qtbot: QtBot, debates: DebatesWindow, context: AppContext
) -> None:
    dialog = MembersDialog(debates, debates.edits)
    qtbot.addWidget(dialog)
    dialog.show()

    def add(form: QWidget) -> None:
        assert isinstance(form, MemberForm)
        form.name.setText("Amir Khan MP")
        form.constituency.setText("Bradford East")
        form.party.setText("Labour")
        form.committee.setChecked(True)
        save(form)

    when_modal(add)
    assert dialog.add() is not None
    assert [cell(dialog, 0, c) for c in range(4)] == [
        "Amir Khan MP", "Bradford East", "Labour", "Yes",
    ]  # fmt: skip
    said: list[str] = []

    def again(form: QWidget) -> None:
        assert isinstance(form, MemberForm)
        form.name.setText("amir khan")
        when_modal(look)
        save(form)

    def look(form: QWidget) -> None:
        assert isinstance(form, MemberForm)
        said.append(form.field_errors["name"].text())
        form.reject()

    when_modal(again)
    assert dialog.add() is None
    assert said == ["Amir Khan is already in the list of Members"]

    def edit(form: QWidget) -> None:
        assert isinstance(form, MemberForm)
        assert form.name.text() == "Amir Khan"
        form.party.setText("Independent")
        save(form)

    dialog.table.selectRow(0)
    when_modal(edit)
    dialog.edit_current()
    (member,) = context.debates.members.members()
    assert (member.party, member.committee_member) == ("Independent", True)
    assert cell(dialog, 0, 2) == "Independent"
    SCREENSHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SCREENSHOTS / "members-1366x768.png"))
    debates.undo_action.trigger()
    assert context.debates.members.members()[0].party == "Labour"


def test_the_window_and_the_editor_fit_a_laptop_screen(
    debates: DebatesWindow, mondays_ahead: list[date]
) -> None:
    hint = debates.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 768
    editor = debates.editor(None)
    assert editor is not None
    editor_hint = editor.minimumSizeHint()
    assert editor_hint.width() <= 1366 and editor_hint.height() <= 700
    editor.close()


def test_a_debate_to_place_is_dropped_on_a_free_slot(
    qtbot: QtBot, debates: DebatesWindow, context: AppContext, colleague: DebateServices,
    mondays_ahead: list[date],
) -> None:  # fmt: skip
    proposed = colleague.debates.schedule([THIRD])
    day = mondays_ahead[0]
    grid = loaded(qtbot, debates, day, Span.MONTH)
    debates.reload()
    qtbot.waitUntil(lambda: debates.side.unplaced.count() == 1, timeout=30_000)
    item = debates.side.unplaced.item(0)
    data = debates.side.unplaced.mimeData([item])
    row, column = grid.cell_of(day) or (-1, -1)
    at = grid.visualRect(grid.model().index(row, column)).center()
    drop = QDropEvent(QPointF(at), Qt.DropAction.MoveAction, data, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)  # fmt: skip
    grid.dropEvent(drop)
    placed = context.debates.debates.get(proposed.id)
    assert (placed.day, placed.status) == (day, "scheduled")
    qtbot.waitUntil(lambda: debates.side.unplaced.count() == 0, timeout=30_000)
    debates.undo_action.trigger()
    back = context.debates.debates.get(proposed.id)
    assert (back.day, back.status) == (None, "proposed")


def test_the_editor_warns_where_the_public_site_gives_another_day(
    qtbot: QtBot, sqlite_database: Database, settings: WindowSettings, tmp_path: Path
) -> None:
    import_petitions(sqlite_database, tmp_path)
    context = make_context(sqlite_database, settings)
    (held,) = context.debates.debates.debates(status="held")
    context.debates.debates.update(held.id, held.version, day=DEBATED_ON + timedelta(weeks=1))
    window = DebatesWindow(context, QUndoStack())
    qtbot.addWidget(window)
    editor = window.editor(context.debates.debates.get(held.id))
    assert editor is not None
    qtbot.addWidget(editor)
    assert editor.banner.isVisibleTo(editor)
    assert (f"The public site gives {weekday_date(DEBATED_ON)} for e-petition {DEBATED}"
            in editor.banner.text())  # fmt: skip
    # Held: the outcome links may be entered (they are not, for a debate still to come).
    assert editor.links["transcript_url"].isEnabled()
    editor.status.setCurrentIndex(editor.status.findData("scheduled"))
    assert not editor.links["transcript_url"].isEnabled()


def test_related_petitions_are_offered_for_grouping_and_added(
    qtbot: QtBot, sqlite_database: Database, settings: WindowSettings, tmp_path: Path
) -> None:
    import_petitions(sqlite_database, tmp_path)
    context = make_context(sqlite_database, settings)
    window = DebatesWindow(context, QUndoStack())
    qtbot.addWidget(window)
    editor = window.editor(None, petition_ids=[TRAINING])
    assert editor is not None and editor.related is not None
    qtbot.addWidget(editor)
    editor.tabs.setCurrentIndex(1)
    table = editor.related.table
    qtbot.waitUntil(lambda: table.rowCount() > 0, timeout=30_000)
    ids = [int(table.item(r, 0).text()) for r in range(table.rowCount())]  # type: ignore[union-attr]
    assert SEND in ids and TRAINING not in ids
    assert "add one to the debate" in editor.related.message.text()
    table.selectRow(ids.index(SEND))
    editor.add_related.click()
    assert editor.petition_ids() == [TRAINING, SEND]
    motion = f"That this House has considered e-petitions {TRAINING} and {SEND} relating to make"
    assert editor.motion.text().startswith(motion)


def test_the_main_window_opens_the_debates_window_on_its_own_undo_stack(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # type: ignore[no-untyped-call]
    debates = window.debates.debates_window
    assert debates is not None and debates.isVisible()
    assert debates.stack is window.casework.stack
    made = debates.edits.schedule([FIRST], {})
    assert made is not None and made.status == "proposed"
    # The main window's Edit ▸ Undo takes the debate back, as it does casework.
    assert window.casework.undo_action.text() == f"&Undo Record debate {made.id}"
    window.casework.undo_action.trigger()
    assert context.debates.debates.debates() == []

    window.table.selectRow(0)
    chosen = window.selected_petition_ids()
    offered: list[list[int]] = []

    def look(dialog: QWidget) -> None:
        assert isinstance(dialog, DebateEditor)
        offered.append(dialog.petition_ids())
        dialog.reject()

    when_modal(look)
    window.actions_registry[ActionId.NEW_DEBATE].trigger()
    assert offered == [chosen] and len(chosen) == 1
    debates.close()


def test_recesses_and_extra_slots_are_entered_refused_and_removed(
    qtbot: QtBot, debates: DebatesWindow, context: AppContext, colleague: DebateServices,
    mondays_ahead: list[date],
) -> None:  # fmt: skip
    booked, summer = mondays_ahead[0], mondays_ahead[2]
    colleague.debates.schedule([FIRST], day=booked)
    recesses = RecessDialog(debates, debates.edits, booked)
    qtbot.addWidget(recesses)
    recesses.name.setText("Whitsun")
    recesses.starts_on.setDate(to_qdate(booked - timedelta(days=2)))
    recesses.ends_on.setDate(to_qdate(booked + timedelta(days=2)))
    recesses.add_button.click()
    assert "is scheduled for" in recesses.field_errors["starts_on"].text()
    assert recesses.table.rowCount() == 0 and recesses.name.text() == "Whitsun"
    recesses.starts_on.setDate(to_qdate(summer - timedelta(days=2)))
    recesses.ends_on.setDate(to_qdate(summer + timedelta(days=2)))
    recesses.add_button.click()
    assert recesses.table.rowCount() == 1 and recesses.name.text() == ""
    SCREENSHOTS.mkdir(exist_ok=True)
    recesses.grab().save(str(SCREENSHOTS / "recesses.png"))
    assert [r.name for r in context.debates.calendar.recesses()] == ["Whitsun"]
    recesses.table.selectRow(0)
    recesses.remove_button.click()
    assert context.debates.calendar.recesses() == []
    debates.undo_action.trigger()  # the recess is back
    assert [r.name for r in context.debates.calendar.recesses()] == ["Whitsun"]

    slots = ExtraSlotDialog(debates, debates.edits, booked)
    qtbot.addWidget(slots)
    slots.day.setDate(to_qdate(summer + timedelta(days=1)))
    slots.add_button.click()
    assert "in the Whitsun recess" in slots.day_error.text()
    slots.day.setDate(to_qdate(booked + timedelta(days=2)))
    slots.note.setText("Backbench Business")
    slots.add_button.click()
    assert slots.table.rowCount() == 1
    assert slots.table.item(0, 3).text() == "Backbench Business"  # type: ignore[union-attr]
    slots.grab().save(str(SCREENSHOTS / "extra-slots.png"))


def test_a_stored_debate_s_editor_has_its_material_engagement_and_pack(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    debates = window.debates.open_calendar()
    made = context.debates.debates.schedule([FIRST])
    assert debates.editor(None) is not None
    new_one = debates.editor(None)
    assert new_one is not None and "&Material" not in tab_titles(new_one)
    editor = debates.editor(context.debates.debates.get(made.id))
    assert editor is not None
    assert "&Material" in tab_titles(editor)
    buttons = {b.text(): b for b in editor.findChildren(QPushButton)}
    buttons["&Engagement…"].click()
    engagement = debates._engagement_windows[made.id]
    assert engagement.isVisible()
    # Once open, the same debate's engagement window is raised, not opened twice.
    assert debates.open_engagement(made.id) is engagement
    buttons["Briefing &pack…"].click()
    dialog = window.briefing.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(
        lambda: str(FIRST) in dialog.windowTitle() + dialog_text(dialog), timeout=30_000
    )
    dialog.close()
    engagement.close()
    editor.reject()
    debates.close()


def tab_titles(editor: DebateEditor) -> list[str]:
    return [editor.tabs.tabText(i) for i in range(editor.tabs.count())]


def dialog_text(widget: QWidget) -> str:
    return " ".join(label.text() for label in widget.findChildren(QLabel))
