"""The casework tabs, dialogs and undo stack, driven offscreen on a real SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from caseworker.domain.casework import Decision, RequestStatus, Verdict
from caseworker.services.casework import CaseworkServices
from caseworker.storage.engine import Database, open_database
from tests.ui.conftest import wait_loaded
from tests.unit.casework.story import PID, import_original, import_revised
from ui.casework.letter_dialog import LetterDialog
from ui.casework.meeting_window import MeetingWindow
from ui.casework.request_dialogs import RequestDialog
from ui.casework.settings_dialog import SettingsDialog
from ui.context import AppContext
from ui.main_window import MainWindow

REVIEW_TAB, COMPARE_TAB, HISTORY_TAB = 4, 5, 6


@pytest.fixture
def story_db(sqlite_url: str, tmp_path: Path) -> Iterator[Database]:
    db = open_database(sqlite_url)
    import_original(db, tmp_path)
    yield db
    db.dispose()


@pytest.fixture
def populated_db(story_db: Database) -> Database:
    """The shared ``context`` fixture opens this database: petition 724432, answered."""
    return story_db


@pytest.fixture
def refusals(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Messages the window would show in a warning box (a modal box would block the test)."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    return shown


@pytest.fixture
def window(qtbot: QtBot, context: AppContext) -> Iterator[MainWindow]:
    w = MainWindow(context)
    qtbot.addWidget(w)
    w.show()
    w.start()
    wait_loaded(qtbot, w)
    # Let the counts and filter lists arrive first: a new filter list reloads the table.
    qtbot.waitUntil(lambda: not context.runner.busy, timeout=30_000)
    wait_loaded(qtbot, w)
    w.show_petition_by_id(PID)
    # The petition's own record enables the tabs; the casework pane fills the Review tab.
    qtbot.waitUntil(lambda: w.petition.tabs.isEnabled(), timeout=30_000)
    qtbot.waitUntil(lambda: w.casework.review.pane is not None, timeout=30_000)
    yield w
    # Closing asks about a review typed and not saved (a modal question no test answers).
    w.casework.review.discard_drafts()


def reload(qtbot: QtBot, window: MainWindow) -> None:
    """Wait for the casework tabs to show the database as it is now."""
    before = window.casework.review.pane
    window.casework.show_petition(PID)
    qtbot.waitUntil(lambda: window.casework.review.pane is not before, timeout=30_000)


def services(context: AppContext) -> CaseworkServices:
    return context.casework


def test_review_tab_shows_the_request_beside_the_response(window: MainWindow) -> None:
    tab = window.casework.review
    window.petition.tabs.setCurrentIndex(REVIEW_TAB)
    assert "not used: neurodiversity, mandatory" in tab.coverage.text()
    assert "underline" in tab.request_text.toHtml()
    assert "PINS programme" in tab.response_text.toPlainText()
    assert tab.on_time.text().startswith("✓ On time: responded on 4 June 2025")
    assert tab.reviewed.text() == "Not reviewed yet."


def test_saving_a_review_then_undo_and_redo(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    tab = window.casework.review
    tab.answers.setCurrentIndex(tab.answers.findData("no"))
    tab.verdict.setCurrentIndex(tab.verdict.findData(Verdict.WRITE_TO_DEPARTMENT.value))
    tab.notes.setPlainText("Does not say yes or no.")
    tab.save_button.click()
    qtbot.waitUntil(lambda: bool(tab.pane and tab.pane.reviews), timeout=30_000)
    (review,) = services(context).reviews.pane(PID).reviews
    assert (review.verdict, review.answers_request, review.notes) == (
        "write_to_department", "no", "Does not say yes or no.",
    )  # fmt: skip
    assert tab.reviewed.text().startswith("Reviewed by ")

    window.casework.undo_action.trigger()
    assert services(context).reviews.pane(PID).reviews == ()
    window.casework.redo_action.trigger()
    assert [r.verdict for r in services(context).reviews.pane(PID).reviews] == [
        "write_to_department"
    ]


def test_each_request_edit_undoes_and_redoes_in_order(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    edits, requests = window.casework.edits, services(context).requests
    assert edits.create_request(PID, "", status=RequestStatus.DRAFT)
    (draft,) = requests.list_requests(petition_id=PID)
    assert edits.edit_request(draft, {"reasons": "Not answered."})
    assert edits.mark_sent(requests.get(draft.id))
    assert edits.chase(requests.get(draft.id), None, "Phoned")
    assert requests.get(draft.id).status == "chased"

    stack = window.casework.stack
    expected = ["sent", "draft", "draft"]
    for status in expected:
        stack.undo()
        assert requests.get(draft.id).status == status
    stack.undo()
    assert requests.list_requests(petition_id=PID) == []
    for _ in range(4):
        stack.redo()
    (again,) = requests.list_requests(petition_id=PID)
    assert (again.status, again.reasons, len(again.chases)) == ("chased", "Not answered.", 1)
    reload(qtbot, window)
    assert window.casework.review.requests.rowCount() == 1


def test_a_stale_save_is_refused_with_a_message_and_nothing_lost(
    qtbot: QtBot, window: MainWindow, context: AppContext, story_db: Database,
    refusals: list[str],
) -> None:  # fmt: skip
    edits = window.casework.edits
    assert edits.create_request(PID, "Not answered.")
    seen = services(context).requests.list_requests(petition_id=PID)[0]
    colleague = CaseworkServices.open(story_db, actor="bob")
    colleague.requests.edit(seen.id, seen.version, {"reasons": "Bob's wording"})
    assert not edits.edit_request(seen, {"reasons": "Alice's wording"})
    assert "was changed by bob" in refusals[0]
    assert services(context).requests.get(seen.id).reasons == "Bob's wording"
    # Undoing the creation now would delete Bob's edit: refused, and dropped from the stack.
    window.casework.stack.undo()
    assert "was changed by bob" in refusals[1]
    assert services(context).requests.get(seen.id).reasons == "Bob's wording"
    assert window.casework.stack.count() == 0


def test_revised_response_compares_word_by_word(
    qtbot: QtBot, window: MainWindow, story_db: Database, tmp_path: Path
) -> None:
    import_revised(story_db, tmp_path)
    reload(qtbot, window)
    window.petition.tabs.setCurrentIndex(COMPARE_TAB)
    compare = window.casework.compare
    qtbot.waitUntil(lambda: "words removed" in compare.summary.text(), timeout=30_000)
    assert compare.older.currentText().startswith("Response of 4 June 2025")
    assert compare.newer.currentText().startswith("Response of 10 July 2025 (current)")
    assert "line-through" in compare.left.toHtml().replace(" ", "")
    assert "mandatory" in compare.right.toPlainText()


def test_history_tab_lists_every_change(qtbot: QtBot, window: MainWindow) -> None:
    assert window.casework.edits.create_request(PID, "Not answered.")
    qtbot.waitUntil(lambda: window.casework.history.table.rowCount() > 0, timeout=30_000)
    whos = {window.casework.history.table.item(r, 1).text()  # type: ignore[union-attr]
            for r in range(window.casework.history.table.rowCount())}  # fmt: skip
    assert len(whos) == 1


def test_request_dialog_gives_the_services_their_fields(qtbot: QtBot, window: MainWindow) -> None:
    from datetime import date

    dialog = RequestDialog(window, title="t", today=date(2025, 6, 20), due_days=21,
                           department="Department for Education")  # fmt: skip
    qtbot.addWidget(dialog)
    dialog.reasons.setPlainText("Not answered.")
    values = dialog.values()
    assert values["due_on"] == date(2025, 7, 11)
    assert values["status"] is RequestStatus.SENT
    dialog.draft.setChecked(True)
    assert (dialog.values()["sent_on"], dialog.values()["status"]) == (None, RequestStatus.DRAFT)


def test_letter_dialog_saves_pdf_in_the_background(
    qtbot: QtBot, window: MainWindow, context: AppContext, tmp_path: Path
) -> None:
    assert window.casework.edits.create_request(PID, "Not answered.")
    request = services(context).requests.list_requests(petition_id=PID)[0]
    letter = services(context).letters.request_letter(request.id)
    target = tmp_path / "letter.pdf"
    dialog = LetterDialog(window, letter, context.runner, lambda *_: target)
    qtbot.addWidget(dialog)
    assert "Not answered." in dialog.preview.toPlainText()
    dialog.save(".pdf")
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Saved"), timeout=30_000)
    assert target.read_bytes().startswith(b"%PDF")


def test_meeting_window_records_and_undoes_a_decision(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    from datetime import date

    from ui.dates import to_qdate

    meeting = MeetingWindow(window, context, window.casework.edits)
    qtbot.addWidget(meeting)
    meeting.meets_on.setDate(to_qdate(date(2025, 6, 10)))
    assert meeting.cut_off.date() == to_qdate(date(2025, 6, 6))
    meeting.open_agenda()
    qtbot.waitUntil(lambda: meeting.table.rowCount() == 1, timeout=30_000)
    box = meeting.decision_box(PID)
    box.setCurrentIndex(box.findData(Decision.REQUEST_REVISION))
    box.activated.emit(box.currentIndex())
    qtbot.waitUntil(lambda: meeting.items and meeting.items[0].decision is not None,
                    timeout=30_000)  # fmt: skip
    assert meeting.items[0].decision.decision == "request_revision"  # type: ignore[union-attr]
    window.casework.stack.undo()
    qtbot.waitUntil(lambda: meeting.items[0].decision is None, timeout=30_000)


def test_settings_dialog_refuses_a_bad_template_and_saves_nothing(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    from caseworker.letters.templates import LetterKind

    dialog = SettingsDialog(window, services(context), window.casework.edits)
    qtbot.addWidget(dialog)
    dialog.days.setValue(28)
    dialog.templates[LetterKind.CHASER].setPlainText("By $when")
    dialog.save()
    assert "$when is not a placeholder" in dialog.error.text()
    assert services(context).settings.get().revision_days.value == "21"
    dialog.templates[LetterKind.CHASER].setPlainText("By $due_date")
    dialog.save()
    assert services(context).settings.get().revision_days.value == "28"
    window.casework.stack.undo()
    window.casework.stack.undo()
    assert services(context).settings.get().revision_days.value == "21"


def test_a_new_request_is_selected_so_the_next_action_applies_to_it(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    edits, requests = window.casework.edits, services(context).requests
    assert edits.create_request(PID, "First.", status=RequestStatus.DRAFT)
    reload(qtbot, window)
    first = requests.list_requests(petition_id=PID)[0]
    assert edits.withdraw(first)
    reload(qtbot, window)
    assert edits.create_request(PID, "Second.")
    reload(qtbot, window)
    selected = window.casework.review.selected_request()
    assert selected is not None and selected.reasons == "Second."


def test_choosing_not_yet_decided_takes_the_decision_back(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    from datetime import date

    from ui.dates import to_qdate

    meeting = MeetingWindow(window, context, window.casework.edits)
    qtbot.addWidget(meeting)
    meeting.meets_on.setDate(to_qdate(date(2025, 6, 10)))
    meeting.open_agenda()
    qtbot.waitUntil(lambda: meeting.table.rowCount() == 1, timeout=30_000)
    assert services(context).meetings.meetings() == []  # looking records nothing
    box = meeting.decision_box(PID)
    box.setCurrentIndex(box.findData(Decision.NOTED))
    box.activated.emit(box.currentIndex())
    qtbot.waitUntil(lambda: meeting.items[0].decision is not None, timeout=30_000)
    box = meeting.decision_box(PID)
    box.setCurrentIndex(0)
    box.activated.emit(0)
    qtbot.waitUntil(lambda: meeting.items[0].decision is None, timeout=30_000)
    window.casework.stack.undo()
    qtbot.waitUntil(lambda: meeting.items[0].decision is not None, timeout=30_000)
