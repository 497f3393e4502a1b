"""File ▸ Sync, the background timer and the status bar's line about how current the data is.

One sync at a time: a manual sync while another runs shows the running one; a timer tick
while one runs is skipped. A background sync shows no dialog; when the site cannot be
reached it says so in one status-bar line and tries again at the next tick.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QInputDialog, QLabel, QMainWindow, QMenu, QMessageBox, QToolBar

from caseworker.sync.options import SyncOptions, default_site
from caseworker.sync.service import SyncService
from ui.context import AppContext
from ui.settings import SYNC_INTERVALS
from ui.sync import summary_text
from ui.sync.progress_dialog import SyncProgressDialog
from ui.sync.run import SyncRun
from ui.sync.settings_dialog import SyncSettingsDialog
from ui.sync.status_text import progress_line, status_line
from ui.sync.summary_dialog import SyncSummaryDialog

if TYPE_CHECKING:
    from caseworker.sync.service import SyncStatus, SyncSummary

SHORTCUT = "Ctrl+Shift+S"
#: Re-read the status this often: "today" turns into a date at midnight, and a sync run by
#: another window or a team server (``sync --watch``) on a shared database shows up.
CLOCK_MS = 5 * 60_000
TRANSIENT_MS = 10_000
#: An archived Parliament as the command line takes it: "2019-2024", or the site's number.
PARLIAMENT = re.compile(r"\d{4}-\d{4}|\d{1,3}")


class SyncController(QObject):
    #: A sync stored something: the queues, the table and the changes list should reload.
    data_changed = Signal()

    def __init__(self, window: QMainWindow, context: AppContext) -> None:
        super().__init__(window)
        self._window, self._context = window, context
        self.service = SyncService(context.database)
        self.current: SyncRun | None = None
        self.progress_dialog: SyncProgressDialog | None = None
        self.summary_dialog: SyncSummaryDialog | None = None
        self.status: SyncStatus | None = None
        self.offline: str | None = None
        self.error_box: QMessageBox | None = None
        self.settings_dialog: SyncSettingsDialog | None = None
        self.label = QLabel("Sync: reading…")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setAccessibleName("Sync status")
        window.statusBar().addPermanentWidget(self.label)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.background_sync)
        self.clock = QTimer(self)
        self.clock.setInterval(CLOCK_MS)
        self.clock.timeout.connect(self._tick_clock)
        self.clock.start()
        self.set_interval(context.settings.sync_interval)

    # Menus ---------------------------------------------------------------------------------

    def install(self, file_menu: QMenu, toolbar: QToolBar) -> None:
        """File ▸ Sync with petition.parliament.uk, File ▸ Background sync ▸ …, and Sync on
        the window's toolbar."""
        self.sync_action = QAction("&Sync with petition.parliament.uk", self._window)
        self.sync_action.setShortcut(SHORTCUT)
        self.sync_action.setIconText("Sync")
        self.sync_action.setToolTip(f"Fetch what changed on petition.parliament.uk ({SHORTCUT})")
        self.sync_action.setStatusTip("Fetch what changed on petition.parliament.uk")
        self.sync_action.triggered.connect(self.sync_now)
        self._window.addAction(self.sync_action)
        self.archived_action = QAction("Sync an &archived Parliament…", self._window)
        self.archived_action.setStatusTip(
            "Fetch the petitions of an earlier Parliament as well (a sync never does by itself)"
        )
        self.archived_action.triggered.connect(self.choose_archived)
        self.interval_menu = QMenu("&Background sync", self._window)
        self.interval_group = QActionGroup(self)
        self.interval_actions: dict[int, QAction] = {}
        for minutes in SYNC_INTERVALS:
            action = QAction(_interval_text(minutes), self.interval_group)
            action.setCheckable(True)
            action.setChecked(minutes == self._context.settings.sync_interval)
            action.triggered.connect(lambda _checked=False, m=minutes: self.choose_interval(m))
            self.interval_menu.addAction(action)
            self.interval_actions[minutes] = action
        file_menu.addSeparator()
        file_menu.addAction(self.sync_action)
        file_menu.addAction(self.archived_action)
        file_menu.addMenu(self.interval_menu)
        file_menu.addAction("Sync se&ttings…", self.open_settings)
        self.toolbar = toolbar
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addAction(self.sync_action)

    def open_settings(self) -> SyncSettingsDialog:
        """The contact sent to the site and the rate; the next sync uses them."""
        self.settings_dialog = SyncSettingsDialog(self._context.settings, self._window)
        self.settings_dialog.open()
        return self.settings_dialog

    def choose_interval(self, minutes: int) -> None:
        self._context.settings.sync_interval = minutes
        self.set_interval(minutes)

    def set_interval(self, minutes: int) -> None:
        if minutes:
            self.timer.start(minutes * 60_000)
        else:
            self.timer.stop()

    # Syncing -------------------------------------------------------------------------------

    def options(self) -> SyncOptions:
        """``CASEWORKER_SITE`` or the site itself; the rate and contact from the settings."""
        settings = self._context.settings
        return SyncOptions(
            site=default_site(), rate=settings.sync_rate, contact=settings.sync_contact
        )

    def sync_now(self, archived: str | None = None) -> SyncRun | None:
        """The menu and toolbar: show the running sync, or start one with a progress box."""
        run = self.current or self._start(background=False, archived=archived)
        if run is None:
            return None
        run.background = False  # the clerk now watches it: it ends with the summary
        self._show_progress(run)
        return run

    def background_sync(self) -> SyncRun | None:
        """A timer tick: nothing if a sync is already running, else one with no dialog.

        Also nothing while another program's sync of this database started within the hour
        and has not finished (a team server's ``sync --watch``): the site is asked once.
        """
        if self.current is not None:
            return None
        if self.status is not None and self.status.running_since is not None:
            return None
        return self._start(background=True)

    def choose_archived(self) -> SyncRun | None:
        """Ask which archived Parliament, then sync it with the current one."""
        if self.current is not None:
            return self.sync_now()  # one at a time: show the one running
        period, ok = QInputDialog.getText(
            self._window, "Sync an archived Parliament",
            "Parliament, as a period such as 2019-2024 or the site's number for it:",
        )  # fmt: skip
        return self.sync_archived(period) if ok else None

    def sync_archived(self, period: str) -> SyncRun | None:
        period = period.strip()
        if not PARLIAMENT.fullmatch(period):
            self._report_error(
                f"Parliament: “{period}” is neither a period such as 2019-2024 nor a number",
                background=False,
            )
            return None
        return self.sync_now(archived=period)

    def _start(self, background: bool, archived: str | None = None) -> SyncRun | None:
        try:
            options = replace(self.options(), archived=archived)
        except ValueError as exc:  # a CASEWORKER_SITE that is not an http(s) address
            self._report_error(f"Cannot sync: {exc}", background)
            return None
        run = SyncRun(self._context.runner, self.service, options, background, self)
        run.progressed.connect(self._on_progress)
        run.ended.connect(self._on_ended)
        self.current = run
        self.label.setText(progress_line(0, 0))
        return run

    def _show_progress(self, run: SyncRun) -> None:
        if self.progress_dialog is None or self.progress_dialog.run is not run:
            if self.progress_dialog is not None:
                self.progress_dialog.deleteLater()
            self.progress_dialog = SyncProgressDialog(run, run.options.base, self._window)
        self.progress_dialog.show()
        self.progress_dialog.raise_()

    def _on_progress(self, done: int, total: int, _label: str) -> None:
        self.label.setText(progress_line(done, total))

    def _on_ended(self, summary: SyncSummary | None) -> None:
        run = self.current
        self.current = None
        if run is None:
            return
        if summary is not None:
            self.offline = summary.offline
            if _stored_something(summary):
                self.data_changed.emit()
            if run.background and summary.offline:
                pass  # the sync status line says "Offline"; a tick later tries again
            elif run.background:
                self._window.statusBar().showMessage(
                    summary_text.background_line(summary), TRANSIENT_MS
                )
            else:
                self.summary_dialog = SyncSummaryDialog(summary, self._window)
                self.summary_dialog.open()
        elif run.error is not None:
            self._report_error(f"Sync failed: {run.error}", run.background)
        self.refresh_status()
        # Deleted here on the GUI thread, not by a garbage collection that a background
        # job's thread might happen to start.
        run.deleteLater()

    def _report_error(self, message: str, background: bool) -> None:
        if background:
            self._window.statusBar().showMessage(message, TRANSIENT_MS)
        else:
            box = QMessageBox(QMessageBox.Icon.Critical, "Sync", message, parent=self._window)
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.open()
            self.error_box = box

    # The status bar ------------------------------------------------------------------------

    def refresh_status(self) -> None:
        """Read when the data was last synced, off the GUI thread."""
        service = self.service

        def read(progress: Any, cancelled: Any) -> SyncStatus:
            return service.status()

        self._context.runner.read(read, succeeded=self._on_status)

    def _tick_clock(self) -> None:
        if self.current is None:
            self.refresh_status()

    def _on_status(self, status: SyncStatus) -> None:
        self.status = status
        self.render_status()

    def render_status(self) -> None:
        if self.current is not None or self.status is None:
            return  # progress is showing, or the status has not been read yet
        status = self.status
        self.label.setText(
            status_line(status.last_synced_at, status.data_as_at, self.offline is not None, _now())
        )
        self.label.setToolTip(self.offline or "")

    # Closing -------------------------------------------------------------------------------

    def shutdown(self) -> None:
        """The window is closing: no more ticks; a running sync stops, keeping what it stored."""
        self.timer.stop()
        self.clock.stop()
        run = self.current
        if run is not None:
            run.cancel()
            run.progressed.disconnect(self._on_progress)
            run.ended.disconnect(self._on_ended)
            self.current = None


def _stored_something(summary: SyncSummary) -> bool:
    # A sync that found nothing new leaves the table alone: no reload under the clerk's eyes.
    return bool(summary.new or summary.updated or summary.removed or any(summary.events.values()))


def _interval_text(minutes: int) -> str:
    return "&Off" if minutes == 0 else f"Every &{minutes} minutes"


def _now() -> datetime:
    return datetime.now(UTC)
