"""The Debates menu and the briefing dialogs, offscreen over real databases."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, QItemSelectionModel
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from caseworker.storage.engine import Database, open_database
from tests.ui.conftest import make_context
from tests.unit.briefing.captures import populate
from ui.briefing.batch import BatchDialog
from ui.briefing.dialog import BriefingDialog
from ui.briefing.preview import print_document
from ui.main_window import MainWindow
from ui.settings import WindowSettings

JOB_TIMEOUT_MS = 20_000


def select_rows(window: MainWindow, rows: list[int]) -> None:
    selection = window.table.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    selection.clearSelection()
    for row in rows:
        selection.select(window.model.index(row, 0), flags)


def test_the_debates_menu_acts_on_the_selected_petitions(qtbot: QtBot, window: MainWindow) -> None:
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.index("&Debates") == titles.index("&Help") - 1
    select_rows(window, [2, 0])
    ids = window.selected_petition_ids()
    assert ids == [window.model.petition_id(0), window.model.petition_id(2)]
    dialog = window.briefing.open_pack()
    assert isinstance(dialog, BriefingDialog)
    qtbot.addWidget(dialog)
    assert dialog.petition_ids == ids
    qtbot.waitUntil(lambda: "e-petition" in dialog.heading.text() and ":" in dialog.heading.text())


def test_preview_save_and_print(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    select_rows(window, [0])
    dialog = window.briefing.open_pack()
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.form.member.setText("Jane Smith MP")

    with qtbot.waitSignal(dialog.make_preview().done, timeout=JOB_TIMEOUT_MS):
        pass
    result = dialog.last_result
    assert result is not None
    assert dialog.preview.document.pageCount() == result.pages == len(PdfReader(result.path).pages)
    assert dialog.preview.caption.text() == f"Preview: {result.pages} pages"

    saved = tmp_path / "saved.pdf"
    with qtbot.waitSignal(dialog.save_to(saved).done, timeout=JOB_TIMEOUT_MS):
        pass
    assert "Jane Smith MP" in (PdfReader(saved).pages[0].extract_text() or "")

    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert print_document(dialog.preview.document, printer) == result.pages
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == result.pages


@pytest.fixture
def debates_db(tmp_path: Path) -> Database:
    db = open_database(str(tmp_path / "debates.sqlite3"))
    populate(db, tmp_path)
    return db


def test_batch_dialog_writes_a_pack_per_debate(
    qtbot: QtBot, debates_db: Database, settings: WindowSettings, tmp_path: Path
) -> None:
    context = make_context(debates_db, settings)
    window = MainWindow(context)
    qtbot.addWidget(window)
    dialog = window.briefing.open_batch()
    assert isinstance(dialog, BatchDialog)
    qtbot.addWidget(dialog)
    dialog.first.setDate(QDate(2025, 7, 1))
    dialog.last.setDate(QDate(2025, 7, 31))
    qtbot.waitUntil(lambda: dialog.debates.count() == 3, timeout=JOB_TIMEOUT_MS)
    out = tmp_path / "packs"
    out.mkdir()
    dialog.folder.setText(str(out))
    job = dialog.make_packs()
    assert job is not None
    with qtbot.waitSignal(job.done, timeout=JOB_TIMEOUT_MS):
        pass
    assert dialog.written is not None
    assert sorted(p.name for p in out.iterdir()) == [
        "2025-07-07-briefing-700001.pdf",
        "2025-07-07-briefing-700002-700003.pdf",
        "2025-07-14-briefing-700004.pdf",
    ]
    assert "7 Jul 2025" in dialog.debates.item(0).text()
    context.runner.wait_for_all()
    debates_db.dispose()
