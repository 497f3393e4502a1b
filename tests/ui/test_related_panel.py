"""The Related tab: the stored petitions most like the one shown, and a way to go to one."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from caseworker.importing.importer import import_paths
from caseworker.storage.engine import Database
from tests.ui.conftest import make_context, wait_loaded
from tests.unit.services.captures import single, write
from ui.main_window import MainWindow
from ui.settings import WindowSettings

PETITIONS = {
    1: ("Ban the sale of peat compost to gardeners", "Peat bogs store carbon."),
    2: ("End peat extraction and protect peat bogs", "Bogs hold carbon."),
    3: ("Fund rural bus routes", "Villages have lost their buses."),
}


def test_related_petitions_are_listed_and_one_can_be_shown(
    qtbot: QtBot, empty_db: Database, settings: WindowSettings, tmp_path: Path
) -> None:
    for pid, (action, background) in PETITIONS.items():
        write(tmp_path, f"{pid}.json", single(pid, action=action, background=background))
    assert import_paths(empty_db.engine, [tmp_path]).failed == 0
    window = MainWindow(make_context(empty_db, settings))
    qtbot.addWidget(window)
    window.show()
    window.start()
    wait_loaded(qtbot, window)
    window.show_petition_by_id(1)
    panel = window.related
    qtbot.waitUntil(lambda: panel.table.rowCount() > 0, timeout=30_000)
    assert panel.table.item(0, 0).text() == "2"
    assert panel.table.item(0, 4).text().startswith("shares: peat")
    assert all(panel.table.item(r, 0).text() != "3" for r in range(panel.table.rowCount()))
    assert "1 related petition" in panel.message.text()
    with qtbot.waitSignal(panel.petition_chosen) as chosen:
        panel.table.activated.emit(panel.table.model().index(0, 1))
    assert chosen.args == [2]
    qtbot.waitUntil(lambda: window.casework.petition_id == 2, timeout=15_000)
    window.show_no_petition()
    assert panel.table.rowCount() == 0 and "Choose a petition" in panel.message.text()
