"""The "Since last sync" panel: a real widget offscreen over a real SQLite database."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow
from pytestqt.qtbot import QtBot

from caseworker.domain.rules import london_date, long_date
from caseworker.importing.importer import import_paths
from caseworker.services.changes import ChangeService
from caseworker.storage.engine import Database
from tests.ui.conftest import make_context
from tests.unit.importing import builders as b
from ui.changes import ChangesPanel
from ui.changes.panel import EVENT_ROLE, MARK_ALL_SEEN_SHORTCUT, MARK_SEEN_SHORTCUT
from ui.context import AppContext
from ui.settings import WindowSettings

NOW = datetime.now(UTC)
CROSSED = NOW - timedelta(days=1)
CLOSED = NOW - timedelta(days=3)


def iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.000Z")


@pytest.fixture
def context(empty_db: Database, settings: WindowSettings, tmp_path: Path) -> Iterator[AppContext]:
    docs = [
        b.single(41, action="Fund <b>rural</b> buses", state="open",
                 updated_at=iso(NOW - timedelta(hours=1)),
                 response_threshold_reached_at=iso(CROSSED)),
        b.single(42, action="Keep libraries open", state="closed",
                 updated_at=iso(NOW - timedelta(hours=1)), closed_at=iso(CLOSED)),
        b.single(43, action="An old story", state="closed"),  # closed in 2025: starts seen
    ]  # fmt: skip
    paths = [b.write_json(tmp_path / f"{n}.json", doc) for n, doc in enumerate(docs)]
    assert import_paths(empty_db.engine, paths).failures == []
    ctx = make_context(empty_db, settings)
    yield ctx
    ctx.runner.wait_for_all()


@pytest.fixture
def panel(qtbot: QtBot, context: AppContext) -> ChangesPanel:
    widget = ChangesPanel(context)
    qtbot.addWidget(widget)
    widget.resize(420, 360)
    widget.show()
    with qtbot.waitSignal(widget.unseen_changed, timeout=30_000) as counted:
        widget.refresh()
    assert counted.args == [2]
    return widget


def texts(panel: ChangesPanel) -> list[str]:
    return [panel.list.item(row).text() for row in range(panel.list.count())]


def test_lists_unseen_changes_newest_first(panel: ChangesPanel, tmp_path: Path) -> None:
    assert texts(panel) == [
        f"Crossed 10,000 signatures · {long_date(london_date(CROSSED))}\n"
        "41  Fund <b>rural</b> buses",
        f"Closed · {long_date(london_date(CLOSED))}\n42  Keep libraries open",
    ]
    assert panel.heading.text() == "&Since last sync (2)"
    # Markup in a title is shown as text, in the item and in its tooltip.
    assert "&lt;b&gt;rural&lt;/b&gt;" in panel.list.item(0).toolTip()
    assert panel.list.item(0).data(Qt.ItemDataRole.DisplayRole).count("<b>") == 1
    path = tmp_path / "changes.png"
    assert panel.grab().save(str(path))
    assert path.stat().st_size > 0


def test_activating_a_change_opens_its_petition(qtbot: QtBot, panel: ChangesPanel) -> None:
    with qtbot.waitSignal(panel.petition_activated, timeout=2_000) as opened:
        panel.list.itemActivated.emit(panel.list.item(1))
    assert opened.args == [42]


def test_mark_seen_then_mark_all_seen(
    qtbot: QtBot, panel: ChangesPanel, context: AppContext
) -> None:
    mark, mark_all, focus = panel.actions()
    assert [a.text() for a in (mark, mark_all, focus)] == [
        "&Mark seen", "Mark &all seen", "Go to &changes",
    ]  # fmt: skip
    assert mark.shortcut().toString() == MARK_SEEN_SHORTCUT
    assert mark_all.shortcut().toString() == MARK_ALL_SEEN_SHORTCUT
    assert not mark.isEnabled() and mark_all.isEnabled()
    first = panel.list.item(0)
    first.setSelected(True)
    assert mark.isEnabled()
    with qtbot.waitSignal(panel.unseen_changed, timeout=30_000) as counted:
        mark.trigger()
    assert counted.args == [1]
    assert [panel.list.item(r).data(EVENT_ROLE) for r in range(panel.list.count())] == [
        c.id for c in ChangeService(context.database).unseen()
    ]
    assert texts(panel)[0].endswith("42  Keep libraries open")
    with qtbot.waitSignal(panel.unseen_changed, timeout=30_000) as counted:
        mark_all.trigger()
    assert counted.args == [0]
    assert panel.list.count() == 0 and panel.heading.text() == "&Since last sync"
    assert panel.message.text().startswith("Nothing new")
    assert not mark_all.isEnabled()
    assert ChangeService(context.database).count_unseen() == 0


def test_a_change_recorded_after_the_list_was_read_stays_unseen(
    qtbot: QtBot, panel: ChangesPanel, context: AppContext, tmp_path: Path
) -> None:
    newer = b.single(44, action="Arrived meanwhile", state="open",
                     updated_at=iso(NOW), response_threshold_reached_at=iso(NOW))  # fmt: skip
    path = b.write_json(tmp_path / "later" / "44.json", newer)
    assert import_paths(context.database.engine, [path]).failures == []
    with qtbot.waitSignal(panel.unseen_changed, timeout=30_000) as counted:
        panel.mark_all_seen_action.trigger()
    assert counted.args == [1]
    assert texts(panel) == [
        f"Crossed 10,000 signatures · {long_date(london_date(NOW))}\n44  Arrived meanwhile"
    ]


def test_mark_all_seen_when_the_list_is_cut(
    qtbot: QtBot, panel: ChangesPanel, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ui.changes.panel.LIMIT", 1)
    with qtbot.waitSignal(panel.unseen_changed, timeout=30_000):
        panel.refresh()
    assert panel.list.count() == 1
    assert panel.message.text() == "The newest 1 of 2 changes are listed."
    with qtbot.waitSignal(panel.unseen_changed, timeout=30_000) as counted:
        panel.mark_all_seen_action.trigger()
    assert counted.args == [0]
    assert ChangeService(context.database).count_unseen() == 0


def test_a_failed_read_is_one_plain_line(
    qtbot: QtBot, panel: ChangesPanel, context: AppContext
) -> None:
    with context.database.engine.begin() as connection:
        connection.exec_driver_sql("DROP TABLE change_events")
    panel.refresh()
    qtbot.waitUntil(lambda: panel.message.text().startswith("Could not"), timeout=30_000)
    assert panel.message.text().startswith("Could not read the changes: ")
    assert "change_events" in panel.message.text() and "SELECT" not in panel.message.text()
    assert "\n" not in panel.message.text() and "Traceback" not in panel.message.text()
    assert panel.list.count() == 2  # what was listed stays


def test_go_to_changes_shows_a_closed_dock(qtbot: QtBot, context: AppContext) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    panel = ChangesPanel(context)
    dock = QDockWidget("Since last sync", window)
    dock.setWidget(panel)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    window.show()
    with qtbot.waitSignal(panel.unseen_changed, timeout=30_000):
        panel.refresh()
    dock.close()
    assert not dock.isVisible()
    panel.focus_action.trigger()
    assert dock.isVisible() and panel.list.currentRow() == 0
