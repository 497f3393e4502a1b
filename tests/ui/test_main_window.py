"""The main window driven as a clerk would: queues, search, sort, keyboard, import, state."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from caseworker.services.petitions import PetitionQuery
from caseworker.services.queues import Queue
from caseworker.storage.engine import Database
from tests.ui.conftest import PETITIONS, make_context, wait_loaded
from tests.unit.services.captures import single, write
from ui.dialogs.first_run import FirstRunChoice, FirstRunDialog
from ui.main_window import MainWindow
from ui.settings import WindowSettings
from ui.views.petition_view import open_link


def test_queue_counts_and_switching(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: "(" in window.queues.list.item(0).text(), timeout=30_000)
    window.queues.select(Queue.ALL)
    wait_loaded(qtbot, window)
    assert window.model.total == PETITIONS
    assert "All petitions: 450 petitions" in window.summary.text()
    window.queues.select(Queue.AWAITING_RESPONSE)
    wait_loaded(qtbot, window)
    expected = window._context.petitions.count(PetitionQuery(queue=Queue.AWAITING_RESPONSE))
    assert window.model.total == expected > 0
    texts = [window.queues.list.item(i).text() for i in range(window.queues.list.count())]
    assert f"Awaiting Government response ({expected:,})" in texts


def test_search_as_you_type(qtbot: QtBot, window: MainWindow) -> None:
    window.queues.select(Queue.ALL)
    wait_loaded(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.filters.search.hasFocus()
    qtbot.keyClicks(window.filters.search, "schools")
    qtbot.waitUntil(lambda: window.model.query.search == "schools", timeout=15_000)
    wait_loaded(qtbot, window)
    assert window.model.total == PETITIONS // 3


def test_sort_by_clicking_heading(qtbot: QtBot, window: MainWindow) -> None:
    window.queues.select(Queue.ALL)
    wait_loaded(qtbot, window)
    window.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    wait_loaded(qtbot, window)
    qtbot.waitUntil(lambda: window.model.petition_id(0) == 1, timeout=15_000)


def test_selecting_a_row_shows_the_petition(qtbot: QtBot, window: MainWindow) -> None:
    window.queues.select(Queue.ALL)
    wait_loaded(qtbot, window)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Down)
    second = window.model.petition_id(1)
    qtbot.waitUntil(lambda: f"e-petition {second}" in window.petition.facts.text(), timeout=15_000)
    assert window.petition.tabs.isEnabled()


def test_import_with_progress_refreshes_queues(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    folder = tmp_path / "new"
    folder.mkdir()
    write(folder, "9001.json", single(9001, action="A brand new petition", signature_count=5))
    (folder / "bad.json").write_text("{not json", encoding="utf-8")
    with qtbot.waitSignal(window.imports.data_changed, timeout=20_000):
        job = window.imports.start_import([folder])
    assert job.error is None
    qtbot.waitUntil(lambda: not window.model.is_loading,
                    timeout=15_000)  # fmt: skip
    assert window._context.petitions.count(PetitionQuery()) == PETITIONS + 1
    boxes = [w for w in QApplication.topLevelWidgets() if w.windowTitle() == "Import finished"]
    assert boxes and "1 petition imported, " in boxes[-1].text()
    assert "; 1 file failed" in boxes[-1].text()
    for box in boxes:
        box.close()


def test_state_is_remembered(
    qtbot: QtBot, populated_db: Database, settings: WindowSettings
) -> None:
    first = MainWindow(make_context(populated_db, settings))
    qtbot.addWidget(first)
    first.queues.select(Queue.DEBATED)
    first.right_split.setSizes([500, 300])
    first.table.setColumnWidth(1, 333)
    first.close()
    second = MainWindow(make_context(populated_db, settings))
    qtbot.addWidget(second)
    assert second.queues.current() is Queue.DEBATED
    assert second.table.columnWidth(1) == 333
    second.close()


def test_first_run_offers_import_or_demo(
    qtbot: QtBot, empty_db: Database, settings: WindowSettings, monkeypatch: object
) -> None:
    asked = []

    def fake_ask(parent: object) -> FirstRunChoice:
        asked.append(parent)
        return FirstRunChoice.EMPTY

    monkeypatch.setattr(FirstRunDialog, "ask", classmethod(lambda cls, parent: fake_ask(parent)))  # type: ignore[attr-defined]
    window = MainWindow(make_context(empty_db, settings))
    qtbot.addWidget(window)
    window.start()
    qtbot.waitUntil(lambda: asked == [window], timeout=15_000)
    window.close()


def test_only_web_links_open(monkeypatch: object) -> None:
    opened: list[str] = []
    from PySide6.QtGui import QDesktopServices

    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True
    )  # type: ignore[attr-defined]
    assert open_link("https://hansard.parliament.uk/x")
    assert not open_link("javascript:alert(1)")
    assert not open_link("file:///etc/passwd")
    assert opened == ["https://hansard.parliament.uk/x"]
