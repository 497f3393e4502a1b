"""Composition root: one QApplication, one AppContext, one main window."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from caseworker import logs
from caseworker.services.opening import open_failure
from caseworker.shipped import ShippedFileMissing, shipped_path
from caseworker.storage.engine import open_database
from caseworker.storage.errors import display_url
from ui.backups import BackupActions
from ui.collector import collect_on_gui_thread
from ui.context import AppContext
from ui.crash import report_crashes
from ui.dialogs.connection import resolve_database_url
from ui.dialogs.settings_dialog import SettingsActions
from ui.main_window import MainWindow
from ui.settings import WindowSettings

ORGANISATION = "Petitions Committee"
APPLICATION = "Petitions caseworker"
#: The desktop entry's name (packaging/petitions-caseworker.desktop) and the icon's files.
DESKTOP_NAME = "petitions-caseworker"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: Set (to anything) to quit once the table shows its first rows, after printing
#: "first rows shown": how the bundle's smoke test and benchmark start the window offscreen.
QUIT_AFTER_LOAD = "CASEWORKER_QUIT_AFTER_LOAD"


def run_window(db_url: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    app.setDesktopFileName(DESKTOP_NAME)
    app.setWindowIcon(application_icon())
    collect_on_gui_thread(app)
    settings = WindowSettings.user()
    url = resolve_database_url(db_url, settings)
    if url is None:
        return 0  # the clerk quit the first-run question
    logs.configure()
    logs.log_start("Window", display_url(url))
    try:
        database = open_database(url)
    except Exception as exc:  # noqa: BLE001 - any failure is shown to the clerk, not raised
        logging.getLogger(__name__).error("the database could not be opened", exc_info=True)
        box = QMessageBox(QMessageBox.Icon.Critical, APPLICATION, open_failure_text(url, exc))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()
        return 2
    context = AppContext.open(database, url, settings)
    window = MainWindow(context)
    crashes = report_crashes(window, context.runner)
    SettingsActions.attach(window, context)
    backups = BackupActions.attach(window, context)
    window.show()
    window.start()
    backups.start_daily()
    if os.environ.get(QUIT_AFTER_LOAD):
        window.model.page_loaded.connect(lambda rows: _report_and_quit(app, rows))
    try:
        return app.exec()
    finally:
        logging.getLogger(__name__).info("Window closed")
        crashes.uninstall()
        database.dispose()


def application_icon() -> QIcon:
    """The application's own icon, from the PNG sizes shipped in ``resources/icons``."""
    icon = QIcon()
    try:
        for size in ICON_SIZES:
            icon.addFile(str(shipped_path("icons", f"{DESKTOP_NAME}-{size}.png")))
    except ShippedFileMissing:
        return QIcon()  # the window works without it
    return icon


def _report_and_quit(app: QApplication, rows: int) -> None:
    if sys.stdout is not None:  # a windowed program on Windows has none
        print(f"first rows shown: {rows}", flush=True)
    app.quit()


def open_failure_text(url: str, exc: BaseException) -> str:
    """What the clerk reads when the database cannot be opened: never its password."""
    return f"The database could not be opened:\n{display_url(url)}\n\n{open_failure(url, exc)}"


def main(argv: Sequence[str] | None = None) -> int:
    """The window's entry point: it takes the CLI's ``--db`` (and ``--help``) but no command."""
    from caseworker.cli import build_parser

    args = build_parser().parse_args(argv)
    if args.command is not None:
        from caseworker.cli import run_logged

        return run_logged(args)  # ``petitions-caseworker list`` behaves as ``caseworker list``
    return run_window(args.db)
