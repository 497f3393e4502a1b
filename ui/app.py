"""Composition root: one QApplication, one AppContext, one main window."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from caseworker.services.opening import open_failure
from caseworker.storage.engine import default_database_url, open_database
from caseworker.storage.errors import display_url
from ui.backups import BackupActions
from ui.collector import collect_on_gui_thread
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.settings import WindowSettings

ORGANISATION = "Petitions Committee"
APPLICATION = "Petitions caseworker"


def run_window(db_url: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    collect_on_gui_thread(app)
    url = db_url or default_database_url()
    try:
        database = open_database(url)
    except Exception as exc:  # noqa: BLE001 - any failure is shown to the clerk, not raised
        box = QMessageBox(QMessageBox.Icon.Critical, APPLICATION, open_failure_text(url, exc))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()
        return 2
    context = AppContext.open(database, url, WindowSettings.user())
    window = MainWindow(context)
    backups = BackupActions.attach(window, context)
    window.show()
    window.start()
    backups.start_daily()
    try:
        return app.exec()
    finally:
        database.dispose()


def open_failure_text(url: str, exc: BaseException) -> str:
    """What the clerk reads when the database cannot be opened: never its password."""
    return f"The database could not be opened:\n{display_url(url)}\n\n{open_failure(url, exc)}"


def main(argv: Sequence[str] | None = None) -> int:
    """The window's entry point: it takes the CLI's ``--db`` (and ``--help``) but no command."""
    from caseworker.cli import build_parser

    args = build_parser().parse_args(argv)
    if args.command is not None:
        from caseworker.cli import run

        return run(args)  # ``petitions-caseworker list`` behaves as ``caseworker list``
    return run_window(args.db)
