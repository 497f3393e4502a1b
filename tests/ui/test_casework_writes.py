"""Casework writes run on the writer thread: a busy database never freezes the window."""

# The casework window's fixtures come from test_casework (pytest finds them by name).
# ruff: noqa: F811

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from caseworker.domain.casework import Verdict
from caseworker.storage.engine import Database
from tests.ui.test_casework import populated_db, story_db, window  # noqa: F401
from tests.unit.casework.story import PID
from ui.context import AppContext
from ui.main_window import MainWindow

HOLD_LOCK = """
import sqlite3, sys, time
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
connection.execute("COMMIT")
"""


@pytest.fixture
def locked_for_a_second(story_db: Database) -> Iterator[subprocess.Popen[str]]:
    """Another program holds the SQLite write lock for about a second."""
    path = str(story_db.engine.url.database)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, path, "1.0"], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    yield holder
    holder.wait(timeout=30)


def test_a_save_on_a_locked_database_leaves_the_window_responsive(
    qtbot: QtBot, window: MainWindow, context: AppContext,
    locked_for_a_second: subprocess.Popen[str],
) -> None:  # fmt: skip
    tab = window.casework.review
    tab.verdict.setCurrentIndex(tab.verdict.findData(Verdict.ACCEPT.value))
    tab.notes.setPlainText("Clear enough.")
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    tab.save_button.click()  # returns once the write is stored (after the lock is let go)
    timer.stop()
    assert locked_for_a_second.poll() is not None or locked_for_a_second.wait(5) == 0
    # The window's event loop ran while the write waited for the lock: its timers fired.
    assert len(ticks) >= 5
    (review,) = context.casework.reviews.pane(PID).reviews
    assert (review.verdict, review.notes) == ("accept", "Clear enough.")
    assert window.casework.stack.count() == 1


def test_undo_and_redo_wait_for_a_lock_without_freezing_the_window(
    qtbot: QtBot, window: MainWindow, context: AppContext, story_db: Database,
) -> None:  # fmt: skip
    assert window.casework.edits.create_request(PID, "Not answered.")
    path = str(story_db.engine.url.database)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, path, "1.0"], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    window.casework.stack.undo()
    timer.stop()
    holder.wait(timeout=30)
    assert len(ticks) >= 5
    assert context.casework.requests.list_requests(petition_id=PID) == []
    assert window.casework.stack.index() == 0
