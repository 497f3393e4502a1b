"""The window says what is true: quitting during an import, a cancelled import, an empty
selection, where file dialogs open, the version, and a database line that stays."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from caseworker.importing.importer import ImportSummary
from caseworker.services.queues import Queue
from tests.ui.conftest import wait_loaded
from ui.dialogs.first_run import FirstRunChoice, FirstRunDialog
from ui.main_window import MainWindow
from ui.paths import safe_file_name


class SlowImport:
    """Stands in for ImportService.import_paths: two of five files, then waits to be cancelled."""

    def __init__(self) -> None:
        self.waiting = threading.Event()

    def __call__(self, paths: Any, progress: Any, cancelled: Any) -> ImportSummary:
        for done in range(2):
            progress(done, 5, f"file {done}")
        self.waiting.set()
        while not cancelled():
            threading.Event().wait(0.01)
        progress(2, 5, "cancelled")
        return ImportSummary(files=2, imported=2, cancelled=True)


def start_slow_import(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> SlowImport:
    slow = SlowImport()
    monkeypatch.setattr(window._context.imports, "import_paths", slow)
    window.imports.start_import([Path("captures")])
    assert slow.waiting.wait(10)
    return slow


def answer(monkeypatch: pytest.MonkeyPatch, button: QMessageBox.StandardButton) -> list[str]:
    asked: list[str] = []

    def question(parent: object, title: str, text: str, *args: object) -> object:
        asked.append(text)
        return button

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def boxes(title: str) -> list[QMessageBox]:
    found = QApplication.topLevelWidgets()
    return [w for w in found if isinstance(w, QMessageBox) and w.windowTitle() == title]


def test_closing_during_an_import_asks_and_no_keeps_the_window(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    start_slow_import(window, monkeypatch)
    asked = answer(monkeypatch, QMessageBox.StandardButton.No)
    window.close()
    assert asked == ["An import is running: cancel it and quit?"]
    assert window.isVisible() and window.imports.running()
    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    window.close()  # cancels, waits for the import to stop, and closes without a message
    assert not window.isVisible()
    assert window.imports.current is not None and window.imports.current.job.is_cancelled()
    qtbot.waitUntil(lambda: not window.imports.running(), timeout=30_000)
    assert boxes("Import cancelled") == []


def test_a_cancelled_import_says_how_far_it_got(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    start_slow_import(window, monkeypatch)
    job = window.imports.current
    assert job is not None
    job.dialog.canceled.emit()  # as the progress dialog's Cancel button does
    qtbot.waitUntil(lambda: bool(boxes("Import cancelled")), timeout=30_000)
    box = boxes("Import cancelled")[-1]
    assert box.text() == "Import cancelled after 2 of 5 files; the files already imported are kept."
    box.close()


def test_no_petition_selected_clears_every_tab(qtbot: QtBot, window: MainWindow) -> None:
    window.queues.select(Queue.ALL)
    wait_loaded(qtbot, window)
    view = window.petition
    qtbot.waitUntil(lambda: bool(view.history_chart.chart().series()), timeout=30_000)
    window.filters.search.setText("nothing is called this")
    qtbot.waitUntil(lambda: "No petition selected" in view.title.text(), timeout=30_000)
    assert view.history_chart.chart().series() == []
    assert view.constituencies.rowCount() == 0
    assert not view.tabs.isEnabled()


def test_the_welcome_offers_a_folder_too(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = FirstRunDialog(window)
    qtbot.addWidget(dialog)

    labels = [b.text().replace("&", "") for b in dialog.findChildren(QPushButton)]
    assert "Import files…" in labels and "Import a folder…" in labels
    chosen: list[str] = []
    monkeypatch.setattr(window.imports, "choose_folder", lambda: chosen.append("folder"))
    monkeypatch.setattr(
        FirstRunDialog, "ask", classmethod(lambda cls, parent: FirstRunChoice.IMPORT_FOLDER)
    )
    window._offer_first_run(True)
    assert chosen == ["folder"]


def test_file_dialogs_start_in_documents(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[str] = []
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileNames",
        lambda parent, title, folder, kinds: started.append(folder) or ([], ""),
    )
    monkeypatch.setattr(
        QFileDialog,
        "getExistingDirectory",
        lambda parent, title, folder: started.append(folder) or "",
    )
    window.imports.choose_files()
    window.imports.choose_folder()
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert started == [documents, documents] and documents


def test_a_print_file_name_has_no_colon() -> None:
    assert safe_file_name("Briefing pack: e-petitions 724432, 700001") == (
        "Briefing pack - e-petitions 724432, 700001"
    )
    assert safe_file_name('a/b\\c?*"<>|') == "a - b - c"


def test_the_database_line_stays_when_a_tip_is_shown(window: MainWindow) -> None:
    window.statusBar().showMessage("Import JSON captures or .zip archives")  # a menu's hover tip
    lines = [
        label
        for label in window.statusBar().findChildren(type(window.summary))
        if label.text().startswith("Database:")
    ]
    assert len(lines) == 1 and lines[0].isVisible()


def test_the_main_window_stays_small() -> None:
    source = Path(__file__).resolve().parents[2] / "ui" / "main_window.py"
    assert len(source.read_text(encoding="utf-8").splitlines()) < 300
