"""Composition root: one QApplication, one AppContext, one main window."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from caseworker.storage.engine import DatabaseError, default_database_url, open_database
from ui.context import AppContext
from ui.main_window import MainWindow

ORGANISATION = "House of Commons Petitions Committee"
APPLICATION = "Petitions caseworker"


def run_window(db_url: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    url = db_url or default_database_url()
    try:
        database = open_database(url)
    except (DatabaseError, Exception) as exc:  # noqa: BLE001 - any failure is shown, not raised
        QMessageBox.critical(None, APPLICATION, f"The database could not be opened:\n{url}\n\n{exc}")
        return 2
    window = MainWindow(AppContext.open(database, url))
    window.resize(900, 600)
    window.show()
    try:
        return app.exec()
    finally:
        database.dispose()


def main() -> int:
    from main import main as main_entry

    return main_entry()
