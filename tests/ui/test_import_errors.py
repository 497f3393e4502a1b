"""File > Import… when the disk fills up: the window says so, and counts only what is stored."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from caseworker.importing.importer import ImportSummary
from caseworker.storage.engine import Database
from tests.ui.conftest import make_context
from tests.unit.importing.small_disk import SmallDisk, capture_files, small_disk, stored
from ui.import_controller import ImportController
from ui.settings import WindowSettings

__all__ = ["small_disk"]


def test_the_window_reports_a_full_disk_and_counts_only_what_is_stored(
    qtbot: QtBot,
    small_disk: SmallDisk,
    settings: WindowSettings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("caseworker.importing.importer.BATCH_SECONDS", float("inf"))
    monkeypatch.setattr("caseworker.importing.importer.BATCH_FILES", 4)
    capture_files(tmp_path / "captures", 100)
    context = make_context(small_disk.open(), settings)
    parent = QWidget()
    qtbot.addWidget(parent)
    controller = ImportController(parent, context)
    with qtbot.waitSignal(controller.data_changed, timeout=60_000):
        job = controller.start_import([tmp_path / "captures"])
    context.runner.wait_for_all()
    assert job.error is None, job.error
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    box = next(w for w in boxes if w.windowTitle() == "Import stopped")
    kept = stored(small_disk.path, "petitions")
    assert 0 < kept < 100, small_disk.kind
    assert f"files: {kept} petition" in box.text() and " imported, " in box.text()
    assert f"the disk is full (where {small_disk.folder} is kept)" in box.text()
    assert "files were not tried" in box.text()
    assert "import the same files again" in box.informativeText()
    assert box.icon() is QMessageBox.Icon.Critical
    assert box.textFormat() is Qt.TextFormat.PlainText
    assert "savepoint" not in box.detailedText()
    for w in boxes:
        w.close()


def test_the_summary_keeps_folder_and_file_names_as_they_are(
    qtbot: QtBot, empty_db: Database, settings: WindowSettings
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    controller = ImportController(parent, make_context(empty_db, settings))
    summary = ImportSummary(
        files=2,
        imported=1,
        failures=[("/Users/Ann/<b>Captures</b>.json", "not valid JSON")],
        stopped="the disk is full (where /Users/Ann/Caseworker is kept); free some space",
        not_tried=3,
    )
    box = controller.summary_box(summary)
    assert box.text().startswith("2 files: 1 petition imported, ")
    assert "(where /Users/Ann/Caseworker is kept)" in box.text()
    assert "/Users/Ann/<b>Captures</b>.json: not valid JSON" in box.detailedText()
    assert box.textFormat() is Qt.TextFormat.PlainText
