"""File ▸ Back up… and File ▸ Restore… in the real window, the file dialogs answered by the test."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from caseworker.services import backups
from caseworker.services.backups import PreparedRestore
from caseworker.storage import migrate
from caseworker.storage.engine import make_engine
from tests.ui.conftest import OPENED, PETITIONS, wait_loaded
from ui.backups import BackupActions, confirmation_box
from ui.dialogs.first_run import FirstRunChoice, FirstRunDialog
from ui.main_window import MainWindow

SHOTS = Path(os.environ.get("CASEWORKER_SHOTS", "/tmp/backups-shots"))


def petitions_in(path: Path) -> int:
    with closing(sqlite3.connect(path)) as connection:
        return int(connection.execute("SELECT count(*) FROM petitions").fetchone()[0])


def working_file(window: MainWindow) -> Path:
    return backups.sqlite_path(window._context.database)


def menu_action(window: MainWindow, text: str) -> QAction:
    (action,) = [a for a in window.menus["&File"].actions() if a.text() == text]
    return action


@pytest.fixture
def attached(window: MainWindow) -> BackupActions:
    """As ``ui.app`` does: File ▸ Back up… and Restore… on the window."""
    return BackupActions.attach(window, window._context)


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[QMessageBox]:
    """Every message box the window opens (not shown: ``open`` is recorded instead)."""
    opened: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "open", lambda box: opened.append(box))
    return opened


@pytest.fixture
def choose(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Path]]:
    chosen: dict[str, Path] = {}
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(chosen["save"]), ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(chosen["open"]), ""))
    yield chosen


def test_back_up_writes_a_whole_copy_in_the_background(
    qtbot: QtBot, window: MainWindow, attached: BackupActions, choose: dict[str, Path],
    boxes: list[QMessageBox],
    tmp_path: Path,
) -> None:  # fmt: skip
    choose["save"] = tmp_path / "copy.sqlite3"
    menu_action(window, "&Back up…").trigger()
    qtbot.waitUntil(lambda: bool(boxes), timeout=30_000)
    assert boxes[0].text() == f"The database is backed up to {choose['save']}."
    assert petitions_in(choose["save"]) == PETITIONS


def test_restore_asks_naming_the_file_then_opens_the_backup(
    qtbot: QtBot, window: MainWindow, attached: BackupActions, choose: dict[str, Path],
    boxes: list[QMessageBox],
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    old = tmp_path / "old.sqlite3"
    engine = make_engine(str(old))
    migrate.upgrade(engine, "0005")
    engine.dispose()
    asked: list[QMessageBox] = []

    def confirm(actions: BackupActions, prepared: PreparedRestore) -> bool:
        box = confirmation_box(window, prepared)
        asked.append(box)
        SHOTS.mkdir(parents=True, exist_ok=True)
        box.show()
        box.grab().save(str(SHOTS / "restore-confirmation.png"))
        box.close()
        return True

    monkeypatch.setattr(BackupActions, "confirm", confirm)
    # The restored backup is empty: the new window would offer a first run.
    monkeypatch.setattr(FirstRunDialog, "ask", lambda parent: FirstRunChoice.EMPTY)
    working = working_file(window)
    choose["open"] = old
    menu_action(window, "&Restore…").trigger()
    qtbot.waitUntil(lambda: attached.successor is not None, timeout=30_000)
    question = asked[0].text() + asked[0].informativeText()
    assert "old.sqlite3" in question and str(working) in question
    assert "upgraded (schema 0005 to" in question
    successor = attached.successor
    assert successor is not None
    qtbot.addWidget(successor)
    OPENED.append(successor._context)
    assert not window.isVisible() and successor.isVisible()
    file_menu = [a.text() for a in successor.menus["&File"].actions()]
    assert file_menu[-4:] == ["&Back up…", "&Restore…", "", "&Quit"]
    wait_loaded(qtbot, successor)
    assert successor.model.total == 0  # the restored backup holds no petitions
    (kept,) = working.parent.glob("caseworker-replaced-*.sqlite3")
    assert petitions_in(kept) == PETITIONS
    assert f"The replaced database is kept as {kept}." in boxes[-1].text()


def test_a_corrupt_backup_is_refused_and_the_window_goes_on(
    qtbot: QtBot, window: MainWindow, attached: BackupActions, choose: dict[str, Path],
    boxes: list[QMessageBox],
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    asked: list[Any] = []
    monkeypatch.setattr(BackupActions, "confirm", lambda *a: asked.append(a) or True)
    working = working_file(window)
    before = working.read_bytes()
    choose["open"] = tmp_path / "junk.sqlite3"
    choose["open"].write_bytes(os.urandom(4096))
    menu_action(window, "&Restore…").trigger()
    qtbot.waitUntil(lambda: bool(boxes), timeout=30_000)
    assert boxes[0].icon() == QMessageBox.Icon.Critical
    assert str(choose["open"]) in boxes[0].text() and "not a SQLite database" in boxes[0].text()
    assert not asked and attached.successor is None
    assert working.read_bytes() == before
    window.refresh()
    wait_loaded(qtbot, window)
    assert window.model.total is not None


def test_daily_backup_goes_beside_the_working_file(
    qtbot: QtBot, window: MainWindow, attached: BackupActions
) -> None:
    attached.start_daily()
    folder = working_file(window).parent / "backups"
    qtbot.waitUntil(lambda: any(folder.glob("caseworker-*.sqlite3")), timeout=30_000)
    window._context.runner.wait_for_all()
    (made,) = folder.glob("caseworker-*.sqlite3")
    assert petitions_in(made) == PETITIONS
