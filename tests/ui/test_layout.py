"""The window fits a 1280×720 laptop screen, and the petition list keeps a useful height."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from caseworker.services.queues import Queue
from tests.ui.conftest import wait_loaded
from ui.main_window import MainWindow

SMALL = (1280, 720)


def resized(qtbot: QtBot, window: MainWindow, width: int, height: int) -> None:
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width and window.height() == height, timeout=15_000)
    QApplication.processEvents()


def widest(widget: QWidget) -> int:
    return max(widget.minimumSizeHint().width(), widget.minimumWidth())


def test_the_window_fits_1280_by_720_with_the_changes_list_shown(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.changes.dock.show()
    window.petition.tabs.setCurrentWidget(window.petition.tabs.widget(4))  # Review: was widest
    QApplication.processEvents()
    for size in (window.minimumSizeHint(), window.minimumSize()):
        assert size.width() <= SMALL[0] and size.height() <= SMALL[1], size
    resized(qtbot, window, *SMALL)
    assert window.width() == SMALL[0]


def test_no_widget_asks_for_more_width_than_the_screen(qtbot: QtBot, window: MainWindow) -> None:
    resized(qtbot, window, *SMALL)
    too_wide = [
        (type(w).__name__, w.objectName() or w.accessibleName(), widest(w))
        for w in window.findChildren(QWidget)
        if w.isVisibleTo(window) and widest(w) > SMALL[0]
    ]
    assert too_wide == []
    # The detail tabs stay inside the window: wide pages scroll within them.
    assert window.petition.tabs.geometry().right() < window.width()


def test_the_list_shows_ten_rows_at_1366_by_768(qtbot: QtBot, window: MainWindow) -> None:
    window.queues.select(Queue.ALL)
    wait_loaded(qtbot, window)
    resized(qtbot, window, 1366, 768)
    rows = window.table.viewport().height() // window.table.rowHeight(0)
    assert rows >= 10
    resized(qtbot, window, *SMALL)  # at the smallest laptop size a useful list still shows
    assert window.table.viewport().height() // window.table.rowHeight(0) >= 6
