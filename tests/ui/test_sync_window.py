"""File ▸ Sync, the background timer and the status bar, against the loopback site.

Real widgets offscreen, a real SQLite file, and the stand-in site on 127.0.0.1 (never the
internet): the window's sync runs off the GUI thread with progress and cancel, ends with a
summary naming each failure, never runs two at once, and is one status-bar line when the
site cannot be reached.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from caseworker.storage.engine import Database
from caseworker.storage.sync_models import SyncRun as SyncRunRow
from caseworker.sync.options import SyncOptions
from caseworker.sync.service import SyncService, SyncSummary
from tests.site.server import FakeSite
from tests.ui.conftest import make_context, wait_loaded
from ui.main_window import MainWindow
from ui.settings import WindowSettings
from ui.sync.controller import SHORTCUT
from ui.sync.run import SyncRun
from ui.sync.status_text import status_line

#: Closed, small petitions need no petition page: list pages only.
QUIET = 120
#: Open petitions past 10,000 signatures: each has its petition page fetched, and each
#: shows in the "Awaiting Government response" queue the window opens on.
AWAITING = 4
WAIT_MS = 20_000


@pytest.fixture
def site(fake_site: FakeSite, monkeypatch: pytest.MonkeyPatch) -> FakeSite:
    for n in range(QUIET):
        fake_site.add(state="closed", signature_count=10 + n)
    for n in range(AWAITING):
        fake_site.add(signature_count=20_000 + n)
    monkeypatch.setenv("CASEWORKER_SITE", fake_site.base)
    return fake_site


@pytest.fixture
def fast_settings(settings: WindowSettings) -> WindowSettings:
    settings.sync_rate = 1000.0  # the loopback site does not mind
    return settings


@pytest.fixture
def sync_window(
    qtbot: QtBot, populated_db: Database, fast_settings: WindowSettings
) -> Iterator[MainWindow]:
    context = make_context(populated_db, fast_settings)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    window.start()
    wait_loaded(qtbot, window)
    yield window
    window.close()
    context.runner.wait_for_all()


def finish(qtbot: QtBot, run: SyncRun) -> SyncSummary:
    qtbot.waitUntil(lambda: run.finished, timeout=WAIT_MS)
    assert run.summary is not None, run.error
    return run.summary


def runs(database: Database) -> list[SyncRunRow]:
    with database.sessions() as session:
        return list(session.scalars(select(SyncRunRow).order_by(SyncRunRow.id)))


def visible_dialogs() -> list[QDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]


def closed_port() -> int:
    """A loopback port nothing listens on: connecting is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# The manual sync -------------------------------------------------------------------------


def test_manual_sync_shows_progress_then_a_summary_and_refreshes_the_queues(
    qtbot: QtBot, sync_window: MainWindow, site: FakeSite
) -> None:
    window = sync_window
    before = window.model.total or 0
    seen: list[tuple[int, int, str]] = []
    run = window.sync.sync_now()
    assert run is not None and not run.background
    run.progressed.connect(lambda done, total, label: seen.append((done, total, label)))
    dialog = window.sync.progress_dialog
    assert dialog is not None and dialog.isVisible()

    summary = finish(qtbot, run)

    assert (summary.new, summary.failures, summary.cancelled) == (QUIET + AWAITING, [], False)
    # Pages and petitions done, of how many: one count that ends complete.
    assert seen and seen[-1][0] == seen[-1][1] > 0
    labels = {label for _, _, label in seen}
    assert "list page 1" in labels and any(label.startswith("petition ") for label in labels)
    assert not dialog.isVisible()
    box = window.sync.summary_dialog
    assert box is not None and box.isVisible()
    assert box.windowTitle() == "Sync finished"
    assert box.headline.text().startswith(f"Synced: {QUIET + AWAITING} new, 0 updated")
    assert box.failures is None
    assert site.requests_to("/archived") == []  # only when asked
    # The queues and the table reload: the new petitions past 10,000 await a response.
    qtbot.waitUntil(lambda: window.model.total == before + AWAITING, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.sync.label.text().startswith("Synced "), timeout=WAIT_MS)
    assert window.sync.label.text().endswith(" today")


def test_cancel_stops_the_sync_and_keeps_what_it_stored(
    qtbot: QtBot, sync_window: MainWindow, site: FakeSite
) -> None:
    site.fail("/petitions.json?page=2", hang=1.0)  # answered late: Cancel lands first
    run = sync_window.sync.sync_now()
    assert run is not None
    dialog = sync_window.sync.progress_dialog
    assert dialog is not None
    run.progressed.connect(lambda *_: dialog.cancel_button.click())

    summary = finish(qtbot, run)

    assert summary.cancelled
    assert 1 <= summary.list_pages < 3 and summary.new == 50 * summary.list_pages
    assert not dialog.cancel_button.isEnabled()
    box = sync_window.sync.summary_dialog
    assert box is not None and box.windowTitle() == "Sync cancelled"
    assert box.headline.text().startswith("Cancelled: everything fetched so far is stored")
    assert runs(sync_window._context.database)[-1].outcome == "cancelled"


def test_the_summary_names_each_failure(
    qtbot: QtBot, sync_window: MainWindow, site: FakeSite
) -> None:
    awaiting = site.ids()[-AWAITING:]
    site.fail(f"/petitions/{awaiting[0]}.json", status=404)
    site.fail(f"/petitions/{awaiting[1]}.json", html=True)
    run = sync_window.sync.sync_now()
    assert run is not None

    summary = finish(qtbot, run)

    assert len(summary.failures) == 2
    box = sync_window.sync.summary_dialog
    assert box is not None and box.windowTitle() == "Sync finished with failures"
    assert box.headline.text().endswith("2 failed.")
    assert box.failures is not None and box.failures.isReadOnly()
    lines = box.failures.toPlainText().splitlines()
    assert len(lines) == 2
    assert f"petition {awaiting[0]}" in lines[0] and "404" in lines[0]
    assert site.url(f"/petitions/{awaiting[0]}.json") in lines[0]
    assert f"petition {awaiting[1]}" in lines[1] and "not JSON" in lines[1]


def test_an_archived_parliament_is_synced_only_when_asked(
    qtbot: QtBot, sync_window: MainWindow, site: FakeSite
) -> None:
    for pid in (500_001, 500_002):
        site.add_archived(pid, period="2019-2024")
    run = sync_window.sync.sync_archived(" 2019-2024 ")
    assert run is not None and run.options.archived == "2019-2024"

    summary = finish(qtbot, run)

    assert summary.new == QUIET + AWAITING + 2 and summary.failures == []
    assert site.requests_to("/archived/petitions.json")


def test_a_mistyped_parliament_is_refused_in_one_line(sync_window: MainWindow) -> None:
    assert sync_window.sync.sync_archived("2019 to 2024") is None
    box = sync_window.sync.error_box
    assert box is not None and box.isVisible()
    assert (
        box.text()
        == "Parliament: “2019 to 2024” is neither a period such as 2019-2024 nor a number"
    )
    assert sync_window.sync.current is None


def test_a_manual_sync_that_cannot_reach_the_site_says_so_in_one_line(
    qtbot: QtBot, sync_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    port = closed_port()
    monkeypatch.setenv("CASEWORKER_SITE", f"http://127.0.0.1:{port}")
    run = sync_window.sync.sync_now()
    assert run is not None

    finish(qtbot, run)

    box = sync_window.sync.summary_dialog
    assert box is not None and box.windowTitle() == "Site unreachable"
    assert box.headline.text() == (
        f"Cannot reach http://127.0.0.1:{port}: connection refused; nothing changed."
    )
    assert box.failures is None and not box.changes.isVisibleTo(box)


# Background sync --------------------------------------------------------------------------


def test_background_sync_never_runs_two_at_once_and_shows_no_dialog(
    qtbot: QtBot, sync_window: MainWindow, site: FakeSite
) -> None:
    controller = sync_window.sync
    site.fail("/petitions.json?page=2", hang=0.5)  # still running at the second tick
    controller.timer.timeout.emit()
    run = controller.current
    assert run is not None and run.background
    controller.timer.timeout.emit()  # a tick while it runs is skipped
    assert controller.background_sync() is None
    assert controller.current is run

    summary = finish(qtbot, run)

    assert summary.new == QUIET + AWAITING
    qtbot.waitUntil(lambda: not sync_window._context.runner.busy, timeout=WAIT_MS)
    assert len(runs(sync_window._context.database)) == 1
    assert len([r for r in site.requests_to("/petitions.json") if "page=" not in r.path]) == 1
    assert controller.progress_dialog is None and controller.summary_dialog is None
    assert visible_dialogs() == []
    assert (
        sync_window.statusBar()
        .currentMessage()
        .startswith(f"Background sync: {QUIET + AWAITING} new")
    )


def test_no_background_sync_while_another_program_syncs_the_same_database(
    qtbot: QtBot, sync_window: MainWindow, site: FakeSite
) -> None:
    controller = sync_window.sync
    with sync_window._context.database.writes.begin() as session:
        session.add(SyncRunRow(site=site.base, started_at=datetime.now(UTC)))  # not finished
    controller.refresh_status()
    qtbot.waitUntil(
        lambda: controller.status is not None and controller.status.running_since is not None,
        timeout=WAIT_MS,
    )

    controller.timer.timeout.emit()

    assert controller.current is None and site.requests == []


def test_a_manual_sync_during_a_background_one_shows_the_running_one(
    qtbot: QtBot, sync_window: MainWindow, site: FakeSite
) -> None:
    controller = sync_window.sync
    site.fail("/petitions.json?page=2", hang=0.5)
    background = controller.background_sync()
    assert background is not None

    shown = controller.sync_now()

    assert shown is background and not shown.background
    assert controller.progress_dialog is not None and controller.progress_dialog.isVisible()
    assert controller.progress_dialog.run is background
    finish(qtbot, background)
    assert len(runs(sync_window._context.database)) == 1
    # The clerk watched it end, so it ends with the summary.
    assert controller.summary_dialog is not None and controller.summary_dialog.isVisible()


def test_offline_background_sync_is_one_status_line_and_no_dialog(
    qtbot: QtBot, sync_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    port = closed_port()
    monkeypatch.setenv("CASEWORKER_SITE", f"http://127.0.0.1:{port}")
    controller = sync_window.sync
    message_before = sync_window.statusBar().currentMessage()
    controller.timer.timeout.emit()
    run = controller.current
    assert run is not None

    summary = finish(qtbot, run)

    assert summary.offline is not None
    qtbot.waitUntil(lambda: controller.label.text().startswith("Offline: "), timeout=WAIT_MS)
    text = controller.label.text()
    assert "\n" not in text
    assert text.startswith("Offline: data as at ")
    assert "connection refused" in controller.label.toolTip()
    assert visible_dialogs() == []
    assert not any(isinstance(w, QMessageBox) for w in QApplication.topLevelWidgets())
    assert sync_window.statusBar().currentMessage() == message_before  # nothing more said
    assert controller.timer.isActive()  # it tries again at the next tick


def test_background_sync_resumes_when_the_site_is_back(
    qtbot: QtBot, sync_window: MainWindow, site: FakeSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    controller = sync_window.sync
    monkeypatch.setenv("CASEWORKER_SITE", f"http://127.0.0.1:{closed_port()}")
    controller.timer.timeout.emit()
    assert controller.current is not None
    finish(qtbot, controller.current)
    qtbot.waitUntil(lambda: controller.label.text().startswith("Offline: "), timeout=WAIT_MS)

    monkeypatch.setenv("CASEWORKER_SITE", site.base)
    controller.timer.timeout.emit()
    assert controller.current is not None
    assert finish(qtbot, controller.current).new == QUIET + AWAITING

    qtbot.waitUntil(lambda: controller.label.text().startswith("Synced "), timeout=WAIT_MS)
    assert controller.label.toolTip() == ""
    assert visible_dialogs() == []


def test_a_sync_by_another_program_shows_in_the_status_bar(
    qtbot: QtBot, sync_window: MainWindow, site: FakeSite
) -> None:
    controller = sync_window.sync
    qtbot.waitUntil(lambda: controller.label.text().startswith("Not synced yet"), timeout=WAIT_MS)
    # A team server's `sync --watch` on the same database, say.
    SyncService(sync_window._context.database).run(SyncOptions(site=site.base, rate=1000.0))

    controller.clock.timeout.emit()

    qtbot.waitUntil(lambda: controller.label.text().startswith("Synced "), timeout=WAIT_MS)


def test_background_sync_interval_is_a_setting_with_a_menu(
    sync_window: MainWindow, tmp_path: Path
) -> None:
    controller = sync_window.sync
    assert controller.timer.isActive() and controller.timer.interval() == 30 * 60_000
    assert controller.interval_actions[30].isChecked()
    controller.interval_actions[5].trigger()
    assert controller.interval_actions[5].isChecked()
    assert not controller.interval_actions[30].isChecked()
    assert controller.timer.interval() == 5 * 60_000
    assert WindowSettings.at(str(tmp_path / "settings.ini")).sync_interval == 5
    controller.interval_actions[0].trigger()
    assert not controller.timer.isActive()
    assert WindowSettings.at(str(tmp_path / "settings.ini")).sync_interval == 0


def test_the_contact_setting_goes_to_the_site_in_the_user_agent(
    qtbot: QtBot, sync_window: MainWindow, site: FakeSite, fast_settings: WindowSettings
) -> None:
    dialog = sync_window.sync.open_settings()
    dialog.contact.setText("  petitions.clerks@parliament.uk ")
    dialog.rate.setValue(2.5)
    dialog.accept()
    assert not dialog.isVisible()
    assert (fast_settings.sync_contact, fast_settings.sync_rate) == (
        "petitions.clerks@parliament.uk",
        2.5,
    )
    fast_settings.sync_rate = 1000.0  # back to the loopback pace for the sync below
    run = sync_window.sync.sync_now()
    assert run is not None and run.options.contact == "petitions.clerks@parliament.uk"
    finish(qtbot, run)
    agents = {request.headers["user-agent"] for request in site.requests}
    assert len(agents) == 1
    assert "petitions-caseworker/" in agents.pop().split(" ")[0]
    assert all("petitions.clerks@parliament.uk" in r.headers["user-agent"] for r in site.requests)


def test_a_contact_that_cannot_go_in_a_header_is_refused(
    sync_window: MainWindow, fast_settings: WindowSettings
) -> None:
    dialog = sync_window.sync.open_settings()
    dialog.contact.setText("José at the Petitions Committee")
    dialog.accept()
    assert dialog.isVisible() and "no accents" in dialog.problem.text()
    assert fast_settings.sync_contact is None
    # One written into the settings file by hand is left out rather than failing each sync.
    fast_settings._settings.setValue("sync/contact", "José")
    assert fast_settings.sync_contact is None


def test_the_sync_shortcut_clashes_with_no_other_action(sync_window: MainWindow) -> None:
    action = sync_window.sync.sync_action
    assert action.shortcut() == QKeySequence(SHORTCUT)
    others = [a for a in sync_window.findChildren(type(action)) if a is not action]
    assert all(a.shortcut() != action.shortcut() for a in others)
    assert action in sync_window.sync.toolbar.actions()


def test_closing_the_window_during_a_sync_cancels_it_and_keeps_what_it_stored(
    qtbot: QtBot, sync_window: MainWindow, site: FakeSite
) -> None:
    site.fail("/petitions.json?page=2", hang=1.0)
    run = sync_window.sync.sync_now()
    assert run is not None
    qtbot.waitUntil(lambda: run.done > 0, timeout=WAIT_MS)

    sync_window.close()  # waits for the sync to stop after the request in hand

    rows = runs(sync_window._context.database)
    assert [row.outcome for row in rows] == ["cancelled"]
    assert rows[0].new >= 50
    assert sync_window.sync.current is None and not sync_window.sync.timer.isActive()


# The status bar's words ---------------------------------------------------------------------

NOW = datetime(2025, 11, 30, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("synced", "as_at", "offline", "expected"),
    [
        (datetime(2025, 11, 30, 10, 42, tzinfo=UTC), None, False, "Synced 10:42 today"),
        (datetime(2025, 11, 28, 16, 5, tzinfo=UTC), None, False, "Synced 28 Nov 2025 16:05"),
        (None, datetime(2025, 11, 28, 16, 5, tzinfo=UTC), True,
         "Offline: data as at 28 Nov 2025 16:05"),
        (None, datetime(2025, 11, 28, 16, 5, tzinfo=UTC), False,
         "Not synced yet: data as at 28 Nov 2025 16:05"),
        (None, None, False, "Not synced yet"),
        (None, None, True, "Offline: no data yet"),
    ],
)  # fmt: skip
def test_status_line(
    synced: datetime | None, as_at: datetime | None, offline: bool, expected: str
) -> None:
    assert status_line(synced, as_at, offline, NOW, UTC) == expected


# The "Since last sync" dock ---------------------------------------------------------------------


def test_the_changes_a_sync_finds_are_listed_in_a_dock_and_counted_in_the_status_bar(
    qtbot: QtBot, sync_window: MainWindow, site: FakeSite
) -> None:
    changes = sync_window.changes
    assert changes.dock.isVisible() and not changes.count.isVisible()
    assert sync_window.dockWidgetArea(changes.dock) == Qt.DockWidgetArea.LeftDockWidgetArea
    run = sync_window.sync.sync_now()
    assert run is not None
    summary = finish(qtbot, run)
    # The quiet petitions closed two days ago: news. Crossing 10,000 weeks ago starts seen.
    assert summary.events.get("closed") == QUIET
    unseen = changes.panel.service.count_unseen()
    assert unseen == QUIET

    qtbot.waitUntil(lambda: changes.panel.list.count() == unseen, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: changes.count.isVisible(), timeout=WAIT_MS)
    assert changes.count.text() == f"{unseen:,} new changes"
    item = changes.panel.list.item(0)
    petition_id = int(item.data(Qt.ItemDataRole.UserRole + 1))
    changes.panel.list.itemActivated.emit(item)
    assert sync_window.casework.petition_id == petition_id
    changes.panel.mark_all_seen_action.trigger()
    qtbot.waitUntil(lambda: not changes.count.isVisible(), timeout=WAIT_MS)
    assert changes.panel.list.count() == 0
