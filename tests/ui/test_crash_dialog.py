"""An error nobody caught: logged in full, shown in one dialog, and the window carries on.

pytest-qt would turn an exception in a slot into a test failure; these tests switch that off
(``qt_no_exception_capture``) so that the application's own hooks hear it, as they do in use.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from caseworker import logs
from tests.ui.conftest import wait_loaded
from ui.actions import ActionId
from ui.app import run_window
from ui.context import AppContext
from ui.crash import CrashDialog, CrashReporter, report_crashes
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt_no_exception_capture


class Boom(Exception):
    pass


def boom() -> None:
    raise Boom("the frobnicator jammed")


@pytest.fixture
def log_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "logs"
    monkeypatch.setenv("CASEWORKER_LOG_DIR", str(folder))
    logs.configure()
    yield folder
    logs.stop()


@pytest.fixture
def reporter(window: MainWindow, context: AppContext, log_dir: Path) -> Iterator[CrashReporter]:
    installed = report_crashes(window, context.runner)
    yield installed
    installed.uninstall()
    for dialog in list(installed.dialogs.values()):
        dialog.close()


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    urls: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url) or True)
    return urls


def shown(qtbot: QtBot, reporter: CrashReporter, count: int = 1) -> CrashDialog:
    qtbot.waitUntil(lambda: len(reporter.dialogs) == count and all(
        d.isVisible() for d in reporter.dialogs.values()
    ))  # fmt: skip
    return list(reporter.dialogs.values())[-1]


def log_text(folder: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return (folder / logs.FILE_NAME).read_text(encoding="utf-8")


def still_usable(qtbot: QtBot, window: MainWindow) -> None:
    assert window.isVisible()
    window.actions_registry[ActionId.REFRESH].trigger()
    wait_loaded(qtbot, window)
    assert window.model.rowCount() > 0


def test_an_error_in_an_actions_slot_names_the_action(
    qtbot: QtBot, window: MainWindow, reporter: CrashReporter, log_dir: Path
) -> None:
    action = QAction("&Frobnicate…", window)
    action.triggered.connect(boom)  # before the tracker's own connection, as menus' slots are
    window.addAction(action)
    reporter.tracker.track([action])
    action.trigger()
    dialog = shown(qtbot, reporter)
    assert dialog.windowTitle() == "Something went wrong"
    assert "after you chose “Frobnicate”" in dialog.doing.text()
    assert dialog.error.text() == "Boom: the frobnicator jammed"
    assert not dialog.box.isVisible()
    dialog.toggle.click()
    assert dialog.box.isVisible() and "Traceback" in dialog.box.toPlainText()
    text = log_text(log_dir)
    assert "unexpected error in the window" in text and "Boom: the frobnicator jammed" in text
    assert "raise Boom" in text  # the traceback, with its source lines
    still_usable(qtbot, window)


def test_a_menu_action_that_fails_is_named_too(
    qtbot: QtBot, window: MainWindow, reporter: CrashReporter
) -> None:
    window.actions_registry[ActionId.REFRESH].triggered.connect(boom)
    window.actions_registry[ActionId.REFRESH].trigger()
    assert "after you chose “Refresh”" in shown(qtbot, reporter).doing.text()


def test_the_same_error_again_is_counted_not_stacked(
    qtbot: QtBot, window: MainWindow, reporter: CrashReporter
) -> None:
    for _ in range(3):
        QTimer.singleShot(0, boom)
    dialog = shown(qtbot, reporter)
    qtbot.waitUntil(lambda: dialog.again.text() == "This has happened 3 times now.")
    assert len(reporter.dialogs) == 1
    assert "while the window was working" in dialog.doing.text()  # no action chosen yet


def test_an_error_in_a_background_job_reaches_the_dialog_and_the_log(
    qtbot: QtBot, window: MainWindow, context: AppContext, reporter: CrashReporter, log_dir: Path
) -> None:
    def job(progress: object, cancelled: object) -> int:
        return 1 // 0

    context.runner.read(job)
    dialog = shown(qtbot, reporter)
    assert dialog.error.text() == "ZeroDivisionError: integer division or modulo by zero"
    assert ", in job\n" in dialog.details  # the traceback reaches into the job
    assert "background job failed" in log_text(log_dir)
    still_usable(qtbot, window)


def test_a_job_whose_failure_is_handled_opens_no_dialog(
    qtbot: QtBot, window: MainWindow, context: AppContext, reporter: CrashReporter
) -> None:
    heard: list[str] = []
    context.runner.read(lambda p, c: 1 // 0, failed=lambda kind, message: heard.append(kind))
    qtbot.waitUntil(lambda: heard == ["ZeroDivisionError"])
    for _ in range(2):  # a dialog would be on its way by now: queued, then a zero-time timer
        QGuiApplication.processEvents()
    assert reporter.dialogs == {}


def test_an_error_in_a_thread_reaches_the_dialog(
    qtbot: QtBot, window: MainWindow, reporter: CrashReporter, log_dir: Path
) -> None:
    thread = threading.Thread(target=boom, name="frobnicator")
    thread.start()
    thread.join()
    assert shown(qtbot, reporter).error.text() == "Boom: the frobnicator jammed"
    assert "unexpected error in frobnicator" in log_text(log_dir)


def test_copy_details_puts_the_traceback_on_the_clipboard(
    qtbot: QtBot, window: MainWindow, reporter: CrashReporter
) -> None:
    QTimer.singleShot(0, boom)
    dialog = shown(qtbot, reporter)
    dialog.copy.click()
    copied = QGuiApplication.clipboard().text()
    assert "Traceback" in copied and "Boom: the frobnicator jammed" in copied
    assert copied.startswith("Petitions caseworker ")


def test_open_log_folder_from_the_dialog_and_the_help_menu(
    qtbot: QtBot, window: MainWindow, reporter: CrashReporter, opened: list[QUrl], log_dir: Path
) -> None:
    QTimer.singleShot(0, boom)
    shown(qtbot, reporter).open_folder.click()
    help_menu = window.menus["&Help"]
    assert window.actions_registry[ActionId.LOG_FOLDER] in help_menu.actions()
    window.actions_registry[ActionId.LOG_FOLDER].trigger()
    assert opened == [QUrl.fromLocalFile(str(log_dir))] * 2


def test_closing_the_dialog_lets_the_next_error_show(
    qtbot: QtBot, window: MainWindow, reporter: CrashReporter
) -> None:
    QTimer.singleShot(0, boom)
    shown(qtbot, reporter).close()
    qtbot.waitUntil(lambda: reporter.dialogs == {})
    QTimer.singleShot(0, boom)
    assert shown(qtbot, reporter).again.isHidden()


def test_an_error_under_a_modal_dialog_is_shown_over_it(
    qtbot: QtBot, window: MainWindow, reporter: CrashReporter
) -> None:
    editor = QDialog(window)
    editor.setModal(True)
    editor.show()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is editor)
    QTimer.singleShot(0, boom)
    dialog = shown(qtbot, reporter)
    assert dialog.parent() is editor  # so the clerk can click it: the editor blocks the window
    dialog.close()
    editor.close()


def test_the_window_logs_its_start_and_a_database_it_cannot_open_without_the_password(
    qtbot: QtBot, log_dir: Path
) -> None:
    secret = "fake-s3cret-pw"

    def close_the_box() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            box.done(0)
        else:
            QTimer.singleShot(20, close_the_box)

    QTimer.singleShot(0, close_the_box)
    assert run_window(f"postgresql+psycopg://clerk:{secret}@127.0.0.1:1/petitions") == 2
    text = log_text(log_dir)
    assert "Window started: Petitions caseworker" in text
    assert "database postgresql+psycopg://clerk:***@127.0.0.1:1/petitions" in text
    assert "the database could not be opened" in text and "Traceback" in text
    assert secret not in text
