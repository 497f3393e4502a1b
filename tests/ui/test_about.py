"""Help ▸ About: every version support asks for, the schema, the last sync, the data's sources."""

from __future__ import annotations

import platform
from datetime import UTC, datetime, timedelta

import alembic
import PySide6
import reportlab
import sqlalchemy
from PySide6.QtCore import QTimer, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from caseworker import __version__
from caseworker.services.about import AboutFacts, about_facts, package_version
from caseworker.storage.engine import Database
from caseworker.storage.migrate import head_revision
from caseworker.storage.sync_models import SyncRun
from ui.about import AboutDialog
from ui.main_window import MainWindow

SECRET = "hunter2"
SITE = "https://petition.parliament.uk"


def facts_of(database: Database) -> AboutFacts:
    return about_facts(database, str(database.engine.url))


def sync_run(outcome: str, finished: datetime) -> SyncRun:
    started = finished - timedelta(minutes=5)
    return SyncRun(site=SITE, outcome=outcome, started_at=started, finished_at=finished)


def test_every_version_is_shown(qtbot: QtBot, empty_db: Database) -> None:
    dialog = AboutDialog(facts_of(empty_db))
    qtbot.addWidget(dialog)

    text, shown = dialog.text(), dialog.body.text()
    for label, version in (
        ("Version", __version__),
        ("Python", platform.python_version()),
        ("Qt", qVersion()),
        ("PySide6", PySide6.__version__),
        ("SQLAlchemy", sqlalchemy.__version__),
        ("Alembic", alembic.__version__),
        ("ReportLab", reportlab.Version),
    ):
        assert f"\n{label}: {version}\n" in text
        assert version in shown
    assert "Open Parliament Licence" in shown and "Open Innovations" in shown


def test_the_schema_revision_is_the_newest(empty_db: Database) -> None:
    facts = facts_of(empty_db)

    assert facts.schema.current == head_revision()
    assert f"Schema revision: {head_revision()} (the newest)" in AboutDialog(facts).text()


def test_a_fresh_database_was_never_synced(qtbot: QtBot, empty_db: Database) -> None:
    dialog = AboutDialog(facts_of(empty_db))
    qtbot.addWidget(dialog)

    assert "Last synced: never" in dialog.text()
    assert f"Database: {empty_db.engine.url} (SQLite file)" in dialog.text()


def test_the_last_sync_is_shown_on_londons_clock(qtbot: QtBot, empty_db: Database) -> None:
    with empty_db.writes.begin() as session:
        # Stored in UTC: 21:30 UTC on 1 July is 22:30 in London (summer time).
        session.add(sync_run("completed", datetime(2025, 7, 1, 21, 30, tzinfo=UTC)))
        # A sync that could not reach the site is not a sync.
        session.add(sync_run("offline", datetime(2025, 7, 2, 9, 0, tzinfo=UTC)))

    dialog = AboutDialog(facts_of(empty_db))
    qtbot.addWidget(dialog)

    assert "Last synced: 1 July 2025, 22:30 BST" in dialog.text()


def test_copy_puts_the_facts_on_the_clipboard_without_a_password(
    qtbot: QtBot, empty_db: Database
) -> None:
    server = f"postgresql+psycopg://clerk:{SECRET}@db.example/petitions"
    dialog = AboutDialog(about_facts(empty_db, server))
    qtbot.addWidget(dialog)
    QGuiApplication.clipboard().clear()

    dialog.copy.click()

    copied = QGuiApplication.clipboard().text()
    assert copied == dialog.text()
    assert f"PySide6: {PySide6.__version__}" in copied
    assert "clerk:***@db.example" in copied and SECRET not in copied
    assert SECRET not in dialog.body.text()


def test_help_about_opens_the_dialog(qtbot: QtBot, window: MainWindow) -> None:
    help_menu = next(a for a in window.menuBar().actions() if "Help" in a.text()).menu()
    about = next(a for a in help_menu.actions() if "About" in a.text())
    opened: list[str] = []

    def close_when_open() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, AboutDialog):
            opened.append(dialog.text())
            dialog.reject()

    timer = QTimer()
    timer.timeout.connect(close_when_open)
    timer.start(20)
    about.trigger()
    qtbot.waitUntil(lambda: bool(opened), timeout=15_000)
    timer.stop()

    assert f"Version: {__version__}" in opened[0]
    assert "Database: test database" in opened[0]


def test_a_bundle_without_package_metadata_still_names_the_versions() -> None:
    # PyInstaller keeps only the application's own metadata: the module's version is read.
    assert package_version("no-such-distribution", "sqlalchemy") == sqlalchemy.__version__
    assert package_version("no-such-distribution", "reportlab") == reportlab.Version
