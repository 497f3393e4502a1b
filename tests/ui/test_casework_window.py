"""The casework tabs on a laptop screen, drafts kept, the review joined to the request, the
outstanding requests and visible validation (issue 11)."""

# The casework window's fixtures come from test_casework (pytest finds them by name).
# ruff: noqa: F811

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from caseworker.domain.casework import RequestStatus, Verdict
from caseworker.storage.engine import Database
from tests.ui.test_casework import (  # noqa: F401
    REVIEW_TAB,
    populated_db,
    reload,
    story_db,
    window,
)
from tests.unit.casework.story import PID, import_revised
from ui.casework.request_dialogs import RequestDialog
from ui.casework.requests_window import COLUMNS, RequestsWindow
from ui.casework.widgets import ERROR_ON_DARK, ERROR_ON_LIGHT
from ui.context import AppContext
from ui.main_window import MainWindow

#: The widest a casework tab may ask to be: a 1280-pixel laptop keeps room for the list.
MOST_TAB_WIDTH = 700
SCREENSHOTS = Path("/tmp/casework-screenshots")


def when_modal(act: Callable[[QWidget], None]) -> None:
    """Run ``act`` on the next modal dialog as soon as it is shown (exec() blocks the test)."""

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, look)
        else:
            act(dialog)

    QTimer.singleShot(0, look)


# 1. Layout ---------------------------------------------------------------------------------


def test_no_casework_tab_forces_the_window_wider_than_a_laptop(window: MainWindow) -> None:
    c = window.casework
    for tab in (c.review, c.compare, c.history):
        assert tab.minimumSizeHint().width() < MOST_TAB_WIDTH, type(tab).__name__
    # Inside its scroll area the Review tab reflows rather than scrolling sideways.
    content = c.review.findChild(QWidget, "review content")
    assert content is not None and content.minimumSizeHint().width() < MOST_TAB_WIDTH


@pytest.mark.parametrize("size", [(1280, 720), (1366, 768)])
def test_every_review_button_is_on_screen_at_laptop_sizes(
    qtbot: QtBot, window: MainWindow, size: tuple[int, int]
) -> None:
    window.petition.tabs.setCurrentIndex(REVIEW_TAB)
    window.resize(*size)
    qtbot.waitUntil(lambda: window.width() <= size[0], timeout=15_000)
    SCREENSHOTS.mkdir(exist_ok=True)
    window.grab().save(str(SCREENSHOTS / f"window-{size[0]}x{size[1]}.png"))
    tab = window.casework.review
    tab.grab().save(str(SCREENSHOTS / f"review-{size[0]}x{size[1]}.png"))
    assert window.width() <= size[0]
    for button in (*tab.buttons.values(), tab.save_button):
        # Inside the tab horizontally: nothing is cut off at the right edge.
        right = button.mapTo(tab, button.rect().topRight()).x()
        assert right <= tab.width(), button.text()


# 3. Nothing typed is lost ------------------------------------------------------------------


def test_a_review_typed_and_not_saved_survives_choosing_another_petition(
    qtbot: QtBot, window: MainWindow
) -> None:
    c, tab = window.casework, window.casework.review
    tab.notes.setPlainText("Half-written thoughts")
    tab.verdict.setCurrentIndex(tab.verdict.findData(Verdict.DEFER.value))
    c.show_petition(None)  # another petition (or none) chosen
    assert tab.notes.toPlainText() == ""
    reload(qtbot, window)
    assert tab.notes.toPlainText() == "Half-written thoughts"
    assert tab.verdict.currentData() == Verdict.DEFER.value
    assert "Your unsaved changes are kept." in tab.reviewed.text()


def test_closing_with_an_unsaved_review_asks_first(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    c = window.casework
    assert not c.has_unsaved_work() and c.confirm_discard()
    c.review.notes.setPlainText("Not saved yet")
    c.show_petition(None)
    assert c.has_unsaved_work()
    asked: list[str] = []

    def answer(button: QMessageBox.StandardButton) -> Callable[..., object]:
        def ask(_parent: object, _title: str, text: str, *_: object) -> object:
            asked.append(text)
            return button

        return ask

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Cancel))
    assert not c.confirm_discard(window) and c.has_unsaved_work()
    assert "not saved" in asked[0]
    window.close()  # the window's own close asks the same question, and stays open
    assert window.isVisible() and len(asked) == 2 and c.has_unsaved_work()
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Discard))
    window.close()
    assert not window.isVisible() and not c.has_unsaved_work()


def test_a_test_leaving_a_draft_does_not_hang_its_teardown(window: MainWindow) -> None:
    # tests/ui/conftest.py drops drafts before pytest-qt closes the window (which would ask).
    window.casework.review.notes.setPlainText("Left on purpose")
    window.casework.show_petition(None)
    assert window.casework.has_unsaved_work()


def test_a_saved_review_is_no_draft(qtbot: QtBot, window: MainWindow) -> None:
    tab = window.casework.review
    tab.verdict.setCurrentIndex(tab.verdict.findData(Verdict.ACCEPT.value))
    tab.notes.setPlainText("Fine.")
    tab.save_button.click()
    qtbot.waitUntil(lambda: bool(tab.pane and tab.pane.reviews), timeout=30_000)
    assert not window.casework.has_unsaved_work()


# 4. The review and the request joined ------------------------------------------------------


def test_verdict_request_revision_offers_the_request_with_the_notes(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    tab = window.casework.review
    assert tab.offer_button.isHidden()
    tab.answers.setCurrentIndex(tab.answers.findData("partly"))
    tab.verdict.setCurrentIndex(tab.verdict.findData(Verdict.REQUEST_REVISION.value))
    tab.notes.setPlainText("Says nothing about mandatory training.")
    tab.save_button.click()
    qtbot.waitUntil(lambda: not tab.offer_button.isHidden(), timeout=30_000)
    (review,) = context.casework.reviews.pane(PID).reviews
    assert review.answers_request == "partly"
    offered: list[str] = []

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, RequestDialog)
        offered.append(dialog.reasons.toPlainText())
        dialog.accept()

    when_modal(fill)
    tab.offer_button.click()
    assert offered == ["Says nothing about mandatory training."]
    (request,) = context.casework.requests.list_requests(petition_id=PID)
    assert request.reasons == "Says nothing about mandatory training."
    # A request is open now: nothing more to offer.
    qtbot.waitUntil(lambda: tab.offer_button.isHidden(), timeout=30_000)


def test_accepting_the_revised_response_moves_the_review_to_it(
    qtbot: QtBot, window: MainWindow, context: AppContext, story_db: Database,
    tmp_path: Path,
) -> None:  # fmt: skip
    assert window.casework.edits.create_request(PID, "Not answered.")
    import_revised(story_db, tmp_path)
    reload(qtbot, window)
    tab = window.casework.review
    tab.version_box.setCurrentIndex(0)  # the clerk is looking at the original response
    (request,) = context.casework.requests.list_requests(petition_id=PID)
    assert request.status == RequestStatus.RECEIVED
    before = tab.pane
    window.casework.accept(request)
    qtbot.waitUntil(lambda: tab.pane is not before, timeout=30_000)
    qtbot.waitUntil(lambda: tab.version_box.currentIndex() == tab.version_box.count() - 1,
                    timeout=30_000)  # fmt: skip
    assert tab.version_box.count() == 2


# 5. Outstanding requests -------------------------------------------------------------------


def test_requests_window_shows_overdue_requests_in_words_and_acts_on_the_selection(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    edits = window.casework.edits
    assert edits.create_request(
        PID, "Not answered.", sent_on=date(2025, 6, 12), due_on=date(2025, 7, 3)
    )
    requests = RequestsWindow(window, context, window.casework)
    qtbot.addWidget(requests)
    qtbot.waitUntil(lambda: requests.table.rowCount() == 1, timeout=30_000)
    headers = [requests.table.horizontalHeaderItem(i).text()  # type: ignore[union-attr]
               for i in range(requests.table.columnCount())]  # fmt: skip
    row = {h: requests.table.item(0, i).text() for i, h in enumerate(headers)}  # type: ignore[union-attr]
    assert row["Status"] == "sent" and row["Due"] == "3 July 2025"
    assert row["Overdue"].startswith("⚠ Overdue by ")
    assert requests.table.isSortingEnabled()
    requests.table.selectRow(0)
    assert requests.buttons["chase"].isEnabled() and not requests.buttons["accept"].isEnabled()
    shortcuts = {a.shortcut().toString() for a in requests.actions()}
    assert {"Ctrl+Shift+H", "Ctrl+Shift+W", "Ctrl+L", "Ctrl+Return"} <= shortcuts

    def chase(dialog: QWidget) -> None:
        dialog.note.setText("Phoned the department")  # type: ignore[attr-defined]
        assert isinstance(dialog, QDialog)
        dialog.accept()

    when_modal(chase)
    requests.buttons["chase"].click()
    (chased,) = context.casework.requests.list_requests(petition_id=PID)
    assert chased.status == "chased"
    requests.reload()
    qtbot.waitUntil(lambda: requests.table.item(0, 2).text() == "chased", timeout=30_000)  # type: ignore[union-attr]
    assert requests.table.item(0, 5).text() != ""  # type: ignore[union-attr]


def test_every_button_has_an_action_with_a_shortcut(qtbot: QtBot, window: MainWindow) -> None:
    actions = window.casework.actions()
    for key in ("save_review", "new", "edit", "send", "chase", "accept", "withdraw", "letter",
                "requests", "meeting", "overdue_letter", "undo", "redo"):  # fmt: skip
        assert actions[key].text() and not actions[key].shortcut().isEmpty(), key
    tab = window.casework.review
    assert actions["withdraw"].isEnabled() == tab.buttons["withdraw"].isEnabled()
    assert window.casework.edits.create_request(PID, "Not answered.", status=RequestStatus.DRAFT)
    # Once the new draft shows (selected), its actions follow the buttons.
    reload(qtbot, window)
    assert actions["send"].isEnabled() and not actions["accept"].isEnabled()
    window.casework.show_petition(None)
    assert not actions["send"].isEnabled() and not actions["save_review"].isEnabled()


# 6. Validation messages --------------------------------------------------------------------


def test_a_request_without_reasons_says_so_beside_the_field_in_an_error_colour(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = RequestDialog(window, title="t", today=date(2025, 6, 20), due_days=21)
    qtbot.addWidget(dialog)
    dialog.show()
    buttons = [b for b in dialog.findChildren(QWidget) if b.inherits("QPushButton")]
    save = next(b for b in buttons if "Save" in b.text())  # type: ignore[attr-defined]
    save.click()  # type: ignore[attr-defined]
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    error = dialog.field_errors["reasons"]
    assert error.isVisible() and error.text().startswith("Say which points")
    assert error.sign.isVisible() and error.sign.text() == "⚠"
    assert ERROR_ON_LIGHT in error.styleSheet() and "bold" in error.styleSheet()
    # A dark palette gets a light error colour.
    dark = QPalette(dialog.palette())
    dark.setColor(QPalette.ColorRole.Window, QColor("#202124"))
    dialog.setPalette(dark)
    save.click()  # type: ignore[attr-defined]
    assert ERROR_ON_DARK in error.styleSheet()


def test_a_draft_is_kept_per_response_version(
    qtbot: QtBot, window: MainWindow, story_db: Database, tmp_path: Path
) -> None:
    import_revised(story_db, tmp_path)
    reload(qtbot, window)
    tab = window.casework.review
    tab.version_box.setCurrentIndex(0)
    tab.notes.setPlainText("About the June response")
    tab.version_box.setCurrentIndex(1)
    assert tab.notes.toPlainText() == ""  # the July response has its own (empty) review
    tab.notes.setPlainText("About the July response")
    tab.version_box.setCurrentIndex(0)
    assert tab.notes.toPlainText() == "About the June response"
    tab.version_box.setCurrentIndex(1)
    assert tab.notes.toPlainText() == "About the July response"


def test_the_requests_window_sorts_by_due_date(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    edits, requests = window.casework.edits, context.casework.requests
    assert edits.create_request(PID, "First.", sent_on=date(2025, 6, 12), due_on=date(2025, 7, 10))
    assert edits.withdraw(requests.list_requests(petition_id=PID)[0])
    assert edits.create_request(PID, "Second.", sent_on=date(2025, 6, 13), due_on=date(2025, 7, 9))
    view = RequestsWindow(window, context, window.casework)
    qtbot.addWidget(view)
    view.show_closed.setChecked(True)
    qtbot.waitUntil(lambda: view.table.rowCount() == 2, timeout=30_000)
    due = COLUMNS.index("Due")
    view.table.sortItems(due)
    texts = [view.table.item(r, due).text() for r in range(2)]  # type: ignore[union-attr]
    assert texts == ["9 July 2025", "10 July 2025"]  # as dates, not as words
    view.table.sortItems(due, Qt.SortOrder.DescendingOrder)
    texts = [view.table.item(r, due).text() for r in range(2)]  # type: ignore[union-attr]
    assert texts == ["10 July 2025", "9 July 2025"]
