"""Issue 13 in the window: the debate decision dialog (refusals beside the field, undo), the
meeting's debate decision items, and the decisions in the petition's record."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from caseworker.domain.debates import DebateDecisionKind
from caseworker.services.debates.decisions import DebateDecisionService
from caseworker.services.queues import Queue
from caseworker.storage.engine import Database
from tests.ui.conftest import make_context, wait_loaded
from tests.unit.debates.story import SEND, TRAINING, import_petitions
from ui.casework.edits import CaseworkEdits
from ui.casework.meeting_window import MeetingWindow
from ui.context import AppContext
from ui.debates.decision_dialog import DebateDecisionActions, DebateDecisionDialog
from ui.main_window import MainWindow
from ui.settings import WindowSettings
from ui.views.petition_view import PetitionView

MEETING = date(2025, 6, 24)
MONDAY = date(2025, 7, 14)


@pytest.fixture
def context(sqlite_database: Database, tmp_path: Path, settings: WindowSettings) -> AppContext:
    import_petitions(sqlite_database, tmp_path)
    return make_context(sqlite_database, settings)


@pytest.fixture
def actions(qtbot: QtBot, context: AppContext) -> Iterator[DebateDecisionActions]:
    parent = QWidget()
    qtbot.addWidget(parent)
    view = PetitionView(runner=context.runner)
    qtbot.addWidget(view)
    yield DebateDecisionActions(parent, context, QUndoStack(parent), view)
    context.runner.wait_for_all(30_000)


def dialog(
    qtbot: QtBot, kind: DebateDecisionKind, petition_id: int = TRAINING
) -> DebateDecisionDialog:
    made = DebateDecisionDialog(None, petition_id, today=date(2025, 6, 20), meeting_on=MEETING)
    qtbot.addWidget(made)
    made.buttons[kind].setChecked(True)
    return made


def test_decline_without_a_reason_is_told_beside_the_reason(qtbot: QtBot) -> None:
    d = dialog(qtbot, DebateDecisionKind.DECLINE)
    assert d.debates_named.isEnabled() and not d.group_with.isEnabled()
    d._check_then_accept()
    assert d.result() != QDialog.DialogCode.Accepted
    assert "Say why" in d.field_errors["reason"].text()
    d.reason.setCurrentText("recently debated")
    d.debates_named.setText("7 July 2025, e-petition 700143")
    assert d.values() == {
        "reason": "recently debated", "meeting_on": MEETING,
        "debates_named": "7 July 2025, e-petition 700143",
    }  # fmt: skip


def test_schedule_offers_the_day_and_member_and_no_day_proposes(qtbot: QtBot) -> None:
    d = dialog(qtbot, DebateDecisionKind.SCHEDULE)
    assert d.day.isEnabled() and d.opening_member.isEnabled() and not d.debates_named.isEnabled()
    d.no_day.setChecked(True)
    d.at_meeting.setChecked(False)
    assert d.values() == {"reason": "", "meeting_on": None, "day": None, "opening_member": None}


def test_a_refusal_from_the_services_stands_beside_its_field_and_undo_takes_it_back(
    qtbot: QtBot, actions: DebateDecisionActions, context: AppContext
) -> None:
    first = actions.edits.record(TRAINING, DebateDecisionKind.SCHEDULE, {"day": MONDAY})
    assert first is not None and first.debate_id is not None
    d = dialog(qtbot, DebateDecisionKind.SCHEDULE, SEND)
    with actions.edits.reporting_to(d.show_error):
        again = actions.edits.record(SEND, DebateDecisionKind.SCHEDULE, {"day": MONDAY})
    assert again is None
    assert f"already holds debate {first.debate_id}" in d.field_errors["day"].text()
    with actions.edits.reporting_to(d.show_error):
        unknown = actions.edits.record(SEND, DebateDecisionKind.SCHEDULE,
                                       {"day": None, "opening_member": "Nobody"})  # fmt: skip
    assert unknown is None
    assert "unknown Member 'Nobody'" in d.field_errors["opening_member"].text()
    assert not d.field_errors["day"].text()
    service = DebateDecisionService(context.database)
    assert [h.decision for h in service.history(TRAINING)] == ["schedule"]
    debates = context.debates.debates
    actions.edits.stack.undo()
    assert service.history(TRAINING) == []
    # The debate the decision made goes with it, and the slot is free again.
    assert debates.for_petition(TRAINING) == []
    actions.edits.stack.redo()
    assert [h.decision for h in service.history(TRAINING)] == ["schedule"]
    assert [d.day for d in debates.for_petition(TRAINING)] == [MONDAY]
    actions.edits.stack.undo()
    assert debates.for_petition(TRAINING) == []


def test_the_petition_view_shows_the_decision_history(
    qtbot: QtBot, actions: DebateDecisionActions
) -> None:
    made = actions.edits.record(
        TRAINING, DebateDecisionKind.DECLINE, {"reason": "recently debated", "meeting_on": MEETING}
    )
    assert made is not None
    view = actions._view
    assert view is not None
    actions.show_for(TRAINING, awaiting=True)
    assert actions.action.isEnabled()
    label = view.debate_decisions_text
    qtbot.waitUntil(lambda: "recently debated" in label.text(), timeout=30_000)
    assert "24 June 2025" in label.text() and "Decided not to schedule a debate" in label.text()
    actions.show_for(None)
    assert not actions.action.isEnabled() and label.isHidden()


def test_decide_opens_the_dialog_and_keeps_it_open_on_a_refusal(
    qtbot: QtBot, actions: DebateDecisionActions, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[DebateDecisionDialog] = []

    def exec_(self: DebateDecisionDialog) -> int:
        shown.append(self)
        if len(shown) == 1:  # a group with no petition past 100,000: refused
            self.buttons[DebateDecisionKind.GROUP].setChecked(True)
            self.group_with.setText("730000")
            return int(QDialog.DialogCode.Accepted)
        assert "42,000 signatures" in self.field_errors["group_with"].text()
        self.buttons[DebateDecisionKind.DEFER].setChecked(True)
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(DebateDecisionDialog, "exec", exec_)
    made = actions.decide(TRAINING, MEETING)
    assert len(shown) == 2 and shown[0] is shown[1]
    assert made is not None and (made.decision, made.meets_on) == ("defer", MEETING)


def test_the_meeting_lists_debate_items_and_records_through_the_dialog(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    edits = CaseworkEdits(context.casework, QUndoStack(), None, context.runner)
    window = MeetingWindow(None, context, edits)
    qtbot.addWidget(window)
    view, items = context.casework.meetings.agenda_for(MEETING)
    window.show_agenda(view, items)
    button = window.table.cellWidget(0, 5)
    assert isinstance(button, QPushButton) and button.text() == "Decide on debate…"

    def exec_(self: DebateDecisionDialog) -> int:
        self.buttons[DebateDecisionKind.DECLINE].setChecked(True)
        self.reason.setCurrentText("recently debated")
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(DebateDecisionDialog, "exec", exec_)
    window.decide_debate(window.items[0])

    def notes() -> str:
        cell = window.table.item(0, 6)
        return cell.text() if cell is not None else ""

    qtbot.waitUntil(lambda: notes() == "recently debated", timeout=30_000)
    button = window.table.cellWidget(0, 5)
    assert isinstance(button, QPushButton)
    assert button.text() == "Decided not to schedule a debate"
    assert "1 decided" in window.caption.text()
    context.runner.wait_for_all(30_000)


def test_decide_on_debate_in_the_main_window_takes_the_petition_off_the_queue(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    window.start()
    window.queues.select(Queue.AWAITING_DEBATE_DECISION)
    wait_loaded(qtbot, window)
    qtbot.waitUntil(lambda: window.model.total == 2, timeout=30_000)
    action = window.debate_decisions.action
    assert action in window.menus["&Debates"].actions()
    qtbot.waitUntil(action.isEnabled, timeout=30_000)
    chosen = window.debate_decisions.petition_id

    def exec_(self: DebateDecisionDialog) -> int:
        self.buttons[DebateDecisionKind.DECLINE].setChecked(True)
        self.reason.setCurrentText("recently debated")
        self.at_meeting.setChecked(False)
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(DebateDecisionDialog, "exec", exec_)
    action.trigger()
    qtbot.waitUntil(lambda: window.model.total == 1, timeout=30_000)
    assert chosen not in {window.model.petition_id(r) for r in range(window.model.rowCount())}
    window.casework.stack.undo()
    qtbot.waitUntil(lambda: window.model.total == 2, timeout=30_000)
