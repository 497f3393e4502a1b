"""Database failures during a save, in the window: each is said in plain English, and what
the clerk typed is still in the form (issue 9).

Real widgets offscreen over real databases: a SQLite file on a small tmpfs remounted
read-only, a SQLite file another process keeps locked, and the PostgreSQL server refusing a
value (a NUL byte) or a change (the petition deleted by a colleague during the save).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, event, text

from caseworker.domain.casework import Decision, RequestStatus, Verdict
from caseworker.services.casework import CaseworkServices
from caseworker.storage.engine import Database, open_database
from tests.conftest import empty_pg_tables, missing
from tests.ui.conftest import make_context, wait_loaded
from tests.unit.casework.story import PID, import_original
from tests.unit.importing.builders import single, write_json
from ui.casework.letter_dialog import LetterDialog
from ui.casework.meeting_window import MeetingWindow
from ui.casework.request_dialogs import ChaseDialog, RequestDialog
from ui.casework.settings_dialog import SettingsDialog
from ui.context import AppContext
from ui.dates import to_qdate
from ui.main_window import MainWindow
from ui.settings import WindowSettings

NOTES = "Ann's notes: the response does not say whether training will be mandatory."
REASONS = "The response does not say yes or no to mandatory training."
JARGON = (
    "sqlalchemy",
    "traceback",
    "psycopg",
    "operationalerror",
    "sqlite3.",
    "background on",
    "[errno",
)


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the window shows in warning boxes (a modal box would block the test)."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    return shown


@pytest.fixture(autouse=True)
def drafts_dropped_before_closing(qtbot: QtBot) -> Iterator[None]:
    """These tests leave the clerk's text unsaved on purpose; closing would ask about it
    (a modal question no test answers). Ends before qtbot closes the windows."""
    yield
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow):
            widget.casework.review.discard_drafts()


def open_window(qtbot: QtBot, db: Database, settings: WindowSettings) -> MainWindow:
    return open_window_and_context(qtbot, db, settings)[0]


def open_window_and_context(
    qtbot: QtBot, db: Database, settings: WindowSettings
) -> tuple[MainWindow, AppContext]:
    """The main window on ``db``, showing petition 724432's Review tab."""
    context = make_context(db, settings)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    window.start()
    wait_loaded(qtbot, window)
    idle(qtbot, context)
    wait_loaded(qtbot, window)
    window.show_petition_by_id(PID)
    qtbot.waitUntil(lambda: window.casework.review.pane is not None, timeout=30_000)
    idle(qtbot, context)
    return window, context


def idle(qtbot: QtBot, context: AppContext) -> None:
    qtbot.waitUntil(lambda: not context.runner.busy, timeout=30_000)


def type_review(window: MainWindow, notes: str = NOTES) -> None:
    tab = window.casework.review
    tab.verdict.setCurrentIndex(tab.verdict.findData(Verdict.REQUEST_REVISION.value))
    tab.notes.setPlainText(notes)


def assert_review_kept(window: MainWindow, notes: str = NOTES) -> None:
    tab = window.casework.review
    assert tab.notes.toPlainText() == notes
    assert tab.verdict.currentData() == Verdict.REQUEST_REVISION.value


def assert_plain(message: str) -> None:
    assert message and "\n" not in message
    assert not any(word in message.lower() for word in JARGON), message


def stored_reviews(db: Database) -> list[str]:
    return [r.notes for r in CaseworkServices.open(db).reviews.pane(PID).reviews]


def request_dialog_once(
    window: MainWindow, reasons: str, department: str | None = None,
    before_save: Callable[[Callable[[], None]], None] | None = None,
) -> dict[str, Any]:  # fmt: skip
    """Open New request…, type, press Save once; then look at the dialog and cancel it.

    Returns what the dialog showed after the save: its error line, its texts, whether it
    was still open (a failed save must not close it; a stored one closes it).
    """
    seen: dict[str, Any] = {"open": False}

    def dialog() -> RequestDialog | None:
        found = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, RequestDialog) and w.isVisible()]  # fmt: skip
        assert len(found) <= 1
        return found[0] if found else None

    def type_and_save() -> None:
        d = dialog()
        assert d is not None
        d.reasons.setPlainText(reasons)
        if department is not None:
            d.department.setText(department)
        # Runs once the dialog is shown again after a failure (or later, finding none).
        QTimer.singleShot(0, look_and_cancel)
        (before_save or (lambda save: save()))(d.accept)

    def look_and_cancel() -> None:
        d = dialog()
        if d is None and window.casework.edits.writer.busy:
            # The save runs on the writer thread while the window's timers run: look again
            # once it is over and the dialog is shown again (or not, if it was stored).
            QTimer.singleShot(10, look_and_cancel)
            return
        if d is None:
            return
        seen.update(error=d.error.text(), reasons=d.reasons.toPlainText(),
                    department=d.department.text(), open=d.isVisible())  # fmt: skip
        d.reject()

    QTimer.singleShot(0, type_and_save)
    window.casework.new_request()
    return seen


def assert_dialog_kept(seen: dict[str, Any], reasons: str = REASONS) -> None:
    assert seen["open"], "the dialog closed after a failed save"
    assert seen["error"].startswith("The request was not recorded: "), seen["error"]
    assert seen["error"].endswith("Your text is still in the form.")
    assert_plain(seen["error"])
    assert seen["reasons"] == reasons


# A read-only disk ----------------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 16 MB tmpfs of our own (as root: chmod does not stop root writing a file)."""
    folder = tmp_path / "disk"
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(folder)],
                             capture_output=True, text=True)  # fmt: skip
    if mounted.returncode != 0:
        missing(f"cannot mount a tmpfs here ({mounted.stderr.strip()})")
    try:
        yield folder
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(folder)], capture_output=True)
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


@pytest.fixture
def disk_db(small_disk: Path, sqlite_template: Path, tmp_path: Path) -> Iterator[Database]:
    path = small_disk / "caseworker.sqlite3"
    shutil.copy(sqlite_template, path)
    db = open_database(str(path))
    import_original(db, tmp_path)
    yield db
    db.dispose()


def remount(folder: Path, mode: str, db: Database) -> None:
    # Linux refuses to make a file system read-only while a file on it is open for
    # writing, so the window's idle connections are closed first: the next save opens one
    # on a disk that has become read-only, as after a disk error.
    db.engine.dispose()
    done = subprocess.run(["mount", "-o", f"remount,{mode}", str(folder)],
                          capture_output=True, text=True)  # fmt: skip
    assert done.returncode == 0, done.stderr


def test_a_review_saved_to_a_read_only_disk_says_so_and_keeps_the_text(
    qtbot: QtBot, disk_db: Database, small_disk: Path, settings: WindowSettings,
    warnings: list[str],
) -> None:  # fmt: skip
    window = open_window(qtbot, disk_db, settings)
    type_review(window)
    remount(small_disk, "ro", disk_db)
    window.casework.review.save_button.click()

    (message,) = warnings
    path = small_disk / "caseworker.sqlite3"
    assert message == (
        f"Your review was not saved: {path} is read-only: check its permissions or its disk. "
        "Your text is still in the form."
    )
    assert_review_kept(window)
    assert window.casework.stack.count() == 0
    remount(small_disk, "rw", disk_db)
    assert stored_reviews(disk_db) == []
    window.casework.review.save_button.click()  # the clerk saves again once the disk is back
    assert stored_reviews(disk_db) == [NOTES]


def test_an_undo_on_a_read_only_disk_leaves_the_stack_and_the_record_as_they_are(
    qtbot: QtBot, disk_db: Database, small_disk: Path, settings: WindowSettings,
    warnings: list[str],
) -> None:  # fmt: skip
    window, context = open_window_and_context(qtbot, disk_db, settings)
    type_review(window)
    window.casework.review.save_button.click()
    assert stored_reviews(disk_db) == [NOTES]
    idle(qtbot, context)
    remount(small_disk, "ro", disk_db)
    window.casework.undo_action.trigger()

    (message,) = warnings
    assert message.startswith("Could not undo “Record a review”: ")
    assert "is read-only" in message
    assert message.endswith("Nothing was changed, and this step has been taken off the undo list.")
    assert_plain(message)
    # The review is still stored, so Undo must not offer to undo it again, nor Redo to
    # record it a second time.
    stack = window.casework.stack
    assert (stack.count(), stack.canUndo(), stack.canRedo()) == (0, False, False)
    remount(small_disk, "rw", disk_db)
    assert stored_reviews(disk_db) == [NOTES]


def test_a_request_saved_to_a_read_only_disk_keeps_the_dialog_open_with_the_text(
    qtbot: QtBot, disk_db: Database, small_disk: Path, settings: WindowSettings,
    warnings: list[str],
) -> None:  # fmt: skip
    window = open_window(qtbot, disk_db, settings)

    def disk_fails_then_save(save: Callable[[], None]) -> None:
        remount(small_disk, "ro", disk_db)  # while the clerk was typing
        save()

    seen = request_dialog_once(window, REASONS, before_save=disk_fails_then_save)
    assert_dialog_kept(seen)
    assert "caseworker.sqlite3 is read-only" in seen["error"]
    assert warnings == []
    remount(small_disk, "rw", disk_db)
    assert CaseworkServices.open(disk_db).requests.list_requests(petition_id=PID) == []


# A database another program keeps locked ------------------------------------------------------

LOCKER = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
sys.stdin.read()  # hold the write lock until the test closes our input
"""


@pytest.fixture
def story_db(sqlite_url: str, tmp_path: Path) -> Iterator[Database]:
    db = open_database(sqlite_url)
    import_original(db, tmp_path)
    yield db
    db.dispose()


@pytest.fixture
def locked(story_db: Database) -> Iterator[subprocess.Popen[str]]:
    holder = lock(story_db)
    try:
        yield holder
    finally:
        release(holder)


def lock(db: Database) -> subprocess.Popen[str]:
    """Another process holding the file's write lock, as a long import or a stuck tool would."""
    # The engine waits 10 s for a lock; the window's connections here wait 0.2 s, so the
    # test need not hold the lock for longer than 10 s.
    if not event.contains(db.engine, "connect", _short_busy_timeout):
        event.listen(db.engine, "connect", _short_busy_timeout)
    db.engine.dispose()
    path = db.engine.url.database
    assert path is not None
    holder = subprocess.Popen([sys.executable, "-c", LOCKER, path], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)  # fmt: skip
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    return holder


def _short_busy_timeout(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.execute("PRAGMA busy_timeout=200")


def release(holder: subprocess.Popen[str]) -> None:
    if holder.poll() is None:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)


def test_a_review_saved_while_another_program_locks_the_database_says_so(
    qtbot: QtBot, story_db: Database, settings: WindowSettings, warnings: list[str],
    locked: subprocess.Popen[str],
) -> None:  # fmt: skip
    window = open_window(qtbot, story_db, settings)
    type_review(window)
    window.casework.review.save_button.click()

    (message,) = warnings
    assert message.startswith("Your review was not saved: the database is busy")
    assert message.endswith("Your text is still in the form.")
    assert_plain(message)
    assert_review_kept(window)
    release(locked)
    window.casework.review.save_button.click()
    assert stored_reviews(story_db) == [NOTES]


def test_a_request_saved_while_another_program_locks_the_database_keeps_the_dialog(
    qtbot: QtBot, story_db: Database, settings: WindowSettings, warnings: list[str],
    locked: subprocess.Popen[str],
) -> None:  # fmt: skip
    window = open_window(qtbot, story_db, settings)
    seen = request_dialog_once(window, REASONS)
    assert_dialog_kept(seen)
    assert "the database is busy" in seen["error"]
    assert warnings == []


@pytest.fixture
def held(story_db: Database) -> Iterator[Callable[[], None]]:
    """``held()`` starts holding the lock mid-test; released at the end."""
    holders: list[subprocess.Popen[str]] = []
    yield lambda: holders.append(lock(story_db))
    for holder in holders:
        release(holder)


def test_a_redo_while_the_database_is_locked_leaves_the_stack_and_the_record_as_they_are(
    qtbot: QtBot, story_db: Database, settings: WindowSettings, warnings: list[str],
    held: Callable[[], None],
) -> None:  # fmt: skip
    window, context = open_window_and_context(qtbot, story_db, settings)
    type_review(window)
    window.casework.review.save_button.click()
    window.casework.undo_action.trigger()
    assert stored_reviews(story_db) == []
    idle(qtbot, context)
    held()
    window.casework.redo_action.trigger()

    (message,) = warnings
    assert message.startswith("Could not redo “Record a review”: the database is busy")
    assert message.endswith("Nothing was changed, and this step has been taken off the undo list.")
    stack = window.casework.stack
    assert (stack.count(), stack.canUndo(), stack.canRedo()) == (0, False, False)
    assert stored_reviews(story_db) == []


def test_a_request_action_while_the_database_is_locked_says_so_and_pushes_nothing(
    qtbot: QtBot, story_db: Database, settings: WindowSettings, warnings: list[str],
    held: Callable[[], None],
) -> None:  # fmt: skip
    window, context = open_window_and_context(qtbot, story_db, settings)
    requests = CaseworkServices.open(story_db).requests
    draft = requests.create(PID, REASONS, status=RequestStatus.DRAFT)
    idle(qtbot, context)
    held()
    assert not window.casework.edits.mark_sent(draft)

    (message,) = warnings
    assert message.startswith(f"Request {draft.id} was not marked sent: the database is busy")
    assert_plain(message)
    assert window.casework.stack.count() == 0
    assert requests.get(draft.id).status == RequestStatus.DRAFT


def test_a_chase_while_the_database_is_locked_keeps_the_dialog_open_with_the_note(
    qtbot: QtBot, story_db: Database, settings: WindowSettings, warnings: list[str],
    held: Callable[[], None],
) -> None:  # fmt: skip
    window, context = open_window_and_context(qtbot, story_db, settings)
    request = CaseworkServices.open(story_db).requests.create(PID, REASONS)
    idle(qtbot, context)
    held()
    seen: dict[str, Any] = {"open": False}

    def chase_dialog() -> ChaseDialog | None:
        found = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, ChaseDialog) and w.isVisible()]  # fmt: skip
        return found[0] if found else None

    def type_and_save() -> None:
        d = chase_dialog()
        assert d is not None
        d.note.setText("Emailed the parliamentary clerk again")
        QTimer.singleShot(0, look_and_cancel)
        d.accept()

    def look_and_cancel() -> None:
        d = chase_dialog()
        if d is None and window.casework.edits.writer.busy:
            QTimer.singleShot(10, look_and_cancel)  # the save is still being written
            return
        if d is not None:
            seen.update(open=True, error=d.error.text(), note=d.note.text())
            d.reject()

    QTimer.singleShot(0, type_and_save)
    window.casework.chase(request)

    assert seen["open"], "the chase dialog closed after a failed save"
    assert seen["error"].startswith(f"The chase of request {request.id} was not recorded: ")
    assert seen["error"].endswith("Your text is still in the form.")
    assert seen["note"] == "Emailed the parliamentary clerk again"
    assert warnings == []


def test_a_decision_while_the_database_is_locked_says_so_and_the_box_shows_what_is_stored(
    qtbot: QtBot, story_db: Database, settings: WindowSettings, warnings: list[str],
    held: Callable[[], None],
) -> None:  # fmt: skip
    window, context = open_window_and_context(qtbot, story_db, settings)
    meeting = MeetingWindow(window, context, window.casework.edits)
    qtbot.addWidget(meeting)
    meeting.meets_on.setDate(to_qdate(date(2025, 6, 10)))
    meeting.open_agenda()
    qtbot.waitUntil(lambda: meeting.table.rowCount() == 1, timeout=30_000)
    idle(qtbot, context)
    held()
    box = meeting.decision_box(PID)
    box.setCurrentIndex(box.findData(Decision.REQUEST_REVISION))
    box.activated.emit(box.currentIndex())

    (message,) = warnings
    assert message.startswith(f"The decision on e-petition {PID} was not recorded: ")
    assert "the database is busy" in message
    assert box.currentData() is None  # "not yet decided", as stored
    assert window.casework.stack.count() == 0


def test_settings_saved_while_the_database_is_locked_keep_the_dialog_and_the_text(
    qtbot: QtBot, story_db: Database, settings: WindowSettings, warnings: list[str],
    held: Callable[[], None],
) -> None:  # fmt: skip
    window, context = open_window_and_context(qtbot, story_db, settings)
    dialog = SettingsDialog(window, context.casework, window.casework.edits)
    qtbot.addWidget(dialog)
    dialog.signatory.setText("Ann Clerk, Clerk of the Committee")
    held()
    dialog.save()

    assert dialog.error.text().startswith("The setting 'signatory' was not saved: ")
    assert dialog.error.text().endswith("Your text is still in the form.")
    assert_plain(dialog.error.text())
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.signatory.text() == "Ann Clerk, Clerk of the Committee"
    assert warnings == []


def test_a_review_a_colleague_changed_first_is_refused_and_the_clerks_text_kept(
    qtbot: QtBot, story_db: Database, settings: WindowSettings, warnings: list[str]
) -> None:
    window, context = open_window_and_context(qtbot, story_db, settings)
    type_review(window, "First thoughts.")
    window.casework.review.save_button.click()
    idle(qtbot, context)
    (review,) = CaseworkServices.open(story_db).reviews.pane(PID).reviews
    CaseworkServices.open(story_db, actor="bob").reviews.save_review(
        PID, review.response_version_id, Verdict.REQUEST_REVISION, notes="Bob's notes.",
        review_id=review.id, expected_version=review.version,
    )  # fmt: skip
    type_review(window)
    before = window.casework.review.pane
    window.casework.review.save_button.click()
    qtbot.waitUntil(lambda: window.casework.review.pane is not before, timeout=30_000)

    (message,) = warnings
    assert "was changed by bob" in message
    assert_review_kept(window)  # shown again with Bob's review stored, the clerk's typing kept
    assert window.casework.review.reviewed.text().endswith("Your unsaved changes are kept.")
    assert stored_reviews(story_db) == ["Bob's notes."]
    window.casework.review.save_button.click()  # now over Bob's, as the clerk chose
    assert stored_reviews(story_db) == [NOTES]


def test_a_letter_saved_to_a_read_only_disk_says_so_in_plain_english(
    qtbot: QtBot, story_db: Database, settings: WindowSettings, small_disk: Path
) -> None:
    window, context = open_window_and_context(qtbot, story_db, settings)
    services = CaseworkServices.open(story_db)
    letter = services.letters.request_letter(services.requests.create(PID, REASONS).id)
    target = small_disk / "letter.pdf"
    done = subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], capture_output=True)
    assert done.returncode == 0, done.stderr
    dialog = LetterDialog(window, letter, context.runner, lambda *_: target)
    qtbot.addWidget(dialog)
    dialog.save(".pdf")
    qtbot.waitUntil(lambda: not dialog.status.text().startswith("Writing"), timeout=30_000)

    message = dialog.status.text()
    assert message.startswith("The letter was not saved: ")
    assert f"{target} is read-only" in message
    assert_plain(message)


# PostgreSQL refusing a value or a change --------------------------------------------------------


@pytest.fixture
def pg_story_db(pg_database_url: str, tmp_path: Path) -> Iterator[Database]:
    empty_pg_tables(pg_database_url)
    db = open_database(pg_database_url)
    import_original(db, tmp_path)
    yield db
    db.dispose()


@pytest.mark.postgres
def test_a_review_postgresql_refuses_as_data_says_so_and_keeps_the_text(
    qtbot: QtBot, pg_story_db: Database, settings: WindowSettings, warnings: list[str]
) -> None:
    # PostgreSQL text cannot hold a NUL byte (pasted from a damaged document, say).
    notes = "Pasted from the department's letter:\x00 training is not mandatory."
    window = open_window(qtbot, pg_story_db, settings)
    type_review(window, notes)
    window.casework.review.save_button.click()

    (message,) = warnings
    assert message.startswith("Your review was not saved: the text contains a NUL character")
    assert message.endswith("Your text is still in the form.")
    assert_plain(message)
    assert_review_kept(window, notes)
    assert stored_reviews(pg_story_db) == []


@pytest.mark.postgres
def test_a_request_postgresql_refuses_as_data_keeps_the_dialog_open(
    qtbot: QtBot, pg_story_db: Database, settings: WindowSettings, warnings: list[str]
) -> None:
    window = open_window(qtbot, pg_story_db, settings)
    seen = request_dialog_once(window, REASONS, department="Department\x00 for Education")
    assert_dialog_kept(seen)
    assert "contains a NUL character, which the database cannot store" in seen["error"]
    assert seen["department"] == "Department\x00 for Education"
    assert warnings == []


class ColleagueDeletes:
    """A colleague's transaction that deletes the petition and commits only once the
    window's save is waiting for it, so the save meets a petition that has gone."""

    def __init__(self, url: str) -> None:
        self._engine = create_engine(url)
        self._connection = self._engine.connect()
        self._transaction = self._connection.begin()
        # Whatever else refers to the petition (its history of changes...) is left in place:
        # only the petition's own row matters here, and the test server's superuser may
        # switch the deleting side's reference checks off for this one transaction.
        self._connection.execute(text("SET LOCAL session_replication_role = replica"))
        self._connection.execute(text("DELETE FROM petitions WHERE id = :id"), {"id": PID})
        self._blocked = threading.Event()
        self._thread = threading.Thread(target=self._commit_when_waited_for, args=(url,))
        self._thread.start()

    def _commit_when_waited_for(self, url: str) -> None:
        watcher = create_engine(url)
        try:
            with watcher.connect() as connection:
                while not self._blocked.wait(0.05):
                    waiting = connection.execute(text(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                        " AND wait_event_type = 'Lock'"
                    )).scalar()  # fmt: skip
                    connection.rollback()
                    if waiting:
                        self._blocked.set()
        finally:
            watcher.dispose()
            self._transaction.commit()
            self._connection.close()
            self._engine.dispose()

    def finish(self) -> bool:
        """Whether the window's save really waited for the deletion."""
        waited = self._blocked.is_set()
        self._blocked.set()
        self._thread.join(timeout=30)
        return waited


@pytest.mark.postgres
def test_a_review_of_a_petition_deleted_meanwhile_says_so_and_keeps_the_text(
    qtbot: QtBot, pg_story_db: Database, pg_database_url: str, settings: WindowSettings,
    warnings: list[str],
) -> None:  # fmt: skip
    window = open_window(qtbot, pg_story_db, settings)
    type_review(window)
    colleague = ColleagueDeletes(pg_database_url)
    window.casework.review.save_button.click()
    assert colleague.finish()

    (message,) = warnings
    assert message.startswith("Your review was not saved: something it refers to was removed")
    assert message.endswith("Your text is still in the form.")
    assert_plain(message)
    assert_review_kept(window)


@pytest.mark.postgres
def test_a_request_for_a_petition_deleted_meanwhile_keeps_the_dialog_open(
    qtbot: QtBot, pg_story_db: Database, pg_database_url: str, settings: WindowSettings,
    warnings: list[str],
) -> None:  # fmt: skip
    window = open_window(qtbot, pg_story_db, settings)
    colleague: list[ColleagueDeletes] = []

    def delete_then_save(save: Callable[[], None]) -> None:
        colleague.append(ColleagueDeletes(pg_database_url))
        save()

    seen = request_dialog_once(window, REASONS, before_save=delete_then_save)
    assert colleague and colleague[0].finish()
    assert_dialog_kept(seen)
    assert "removed by someone else meanwhile" in seen["error"]
    assert warnings == []


# Saving while another process imports -----------------------------------------------------------

PROJECT = Path(__file__).resolve().parents[2]
IMPORTED_FILES = 3000


def many_captures(folder: Path, count: int) -> Path:
    folder.mkdir()
    for n in range(count):
        pid = 800_000 + n
        write_json(folder / f"{pid}.json", single(pid, action=f"Generated petition {n}"))
    return folder


def petitions_stored(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return int(connection.execute(text("SELECT count(*) FROM petitions")).scalar_one())
    finally:
        engine.dispose()


def test_the_window_saves_while_another_process_imports_into_the_same_file(
    qtbot: QtBot, story_db: Database, sqlite_url: str, settings: WindowSettings,
    warnings: list[str], tmp_path: Path,
) -> None:  # fmt: skip
    folder = many_captures(tmp_path / "captures", IMPORTED_FILES)
    window = open_window(qtbot, story_db, settings)
    path = story_db.engine.url.database
    assert path is not None
    importer = subprocess.Popen(
        [sys.executable, "main.py", "--db", path, "import", str(folder)], cwd=PROJECT,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        # Save once the import has committed its first batch and goes on writing.
        qtbot.waitUntil(lambda: petitions_stored(sqlite_url) > 1, timeout=60_000)
        type_review(window)
        # The save starts while the import is writing (on a busy machine the import may end
        # while the save waits for its turn at the file: the overlap is at the start).
        still_importing = importer.poll() is None
        window.casework.review.save_button.click()
        seen = request_dialog_once(window, REASONS)
        assert not seen["open"], seen.get("error")
        out, err = importer.communicate(timeout=300)
    finally:
        if importer.poll() is None:
            importer.kill()
            importer.wait()

    assert warnings == []
    assert still_importing, "the import ended before the window saved: use more files"
    assert stored_reviews(story_db) == [NOTES]
    requests = CaseworkServices.open(story_db).requests.list_requests(petition_id=PID)
    assert [r.reasons for r in requests] == [REASONS]
    assert importer.returncode == 0, err
    assert f"{IMPORTED_FILES:,} petitions imported, 0 updated, 0 unchanged; 0 files failed" in out
    assert petitions_stored(sqlite_url) == IMPORTED_FILES + 1
