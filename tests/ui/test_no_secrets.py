"""The window never shows a database password, and shows stored text as text, not markup."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from caseworker.importing.importer import import_paths
from caseworker.services.petitions import PetitionQuery, SortKey
from caseworker.storage.engine import Database, open_database
from tests.unit.services.captures import single, write
from ui.about import AboutDialog
from ui.app import run_window
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.models.columns import COLUMNS
from ui.models.petition_table import PetitionTableModel
from ui.settings import WindowSettings

SECRET = "fake-s3cret-pw"
HOSTILE_TITLE = "<b>x</b><img src=https://example.invalid/x.png> & \x1b[2J <script>y</script>"


def with_password(url: str) -> str:
    return make_url(url).set(password=SECRET).render_as_string(hide_password=False)


def shown_as(tooltip: str) -> str:
    """The text a tooltip shows: Qt renders it as HTML when it might be rich text."""
    document = QTextDocument()
    if GuiQt.mightBeRichText(tooltip):
        document.setHtml(tooltip)
    else:
        document.setPlainText(tooltip)
    return document.toPlainText()


def on_next_modal(read: list[str]) -> None:
    """Record the text of the next modal box once it is open, then close it."""

    def close_it() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox | AboutDialog):
            QTimer.singleShot(20, close_it)
            return
        read.append(box.text())
        box.done(0)

    QTimer.singleShot(0, close_it)


@pytest.fixture
def pg_window(
    qtbot: QtBot, pg_database_url: str, tmp_path: Path
) -> Iterator[tuple[MainWindow, str]]:
    """The window on the real PostgreSQL server, opened with a URL holding a password (the
    test server trusts local connections, so any password is accepted)."""
    url = with_password(pg_database_url)
    database = open_database(url)
    context = AppContext.open(database, url, WindowSettings.at(str(tmp_path / "s.ini")))
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    yield window, url
    context.runner.wait_for_all()
    database.dispose()


@pytest.mark.postgres
def test_status_bar_and_about_box_hide_the_password(
    qtbot: QtBot, pg_window: tuple[MainWindow, str]
) -> None:
    window, url = pg_window
    assert SECRET in url
    status = window.database_label.text()  # a permanent line: a hover tip cannot hide it
    assert SECRET not in status
    assert "postgres:***@127.0.0.1" in status
    read: list[str] = []
    on_next_modal(read)
    about = next(a for a in window.menuBar().actions() if "Help" in a.text()).menu().actions()
    next(a for a in about if "About" in a.text()).trigger()
    qtbot.waitUntil(lambda: bool(read), timeout=15_000)
    assert SECRET not in read[0]
    assert "***" in read[0]


@pytest.mark.parametrize(
    "url",
    [
        f"postgresql+psycopg://clerk:{SECRET}@127.0.0.1:1/petitions",
        f"mysql://clerk:{SECRET}@127.0.0.1/petitions",
        f"postgresql://clerk:{SECRET}@host:notaport/petitions",
    ],
)
def test_the_box_saying_the_database_cannot_be_opened_hides_the_password(
    qtbot: QtBot, url: str
) -> None:
    read: list[str] = []
    on_next_modal(read)
    assert run_window(url) == 2
    assert read and "The database could not be opened" in read[0]
    assert SECRET not in read[0]


@pytest.fixture
def hostile_db(sqlite_database: Database, tmp_path: Path) -> Database:
    write(tmp_path, "5.json", single(5, action=HOSTILE_TITLE))
    assert import_paths(sqlite_database.engine, [tmp_path]).failed == 0
    return sqlite_database


def test_title_tooltips_show_markup_as_text(
    qtbot: QtBot, hostile_db: Database, tmp_path: Path
) -> None:
    context = AppContext.open(hostile_db, "test", WindowSettings.at(str(tmp_path / "s.ini")))
    model = PetitionTableModel(context.petitions, context.runner)
    model.set_query(PetitionQuery(sort=SortKey.ID))
    qtbot.waitUntil(lambda: not model.is_loading and model.rowCount() == 1, timeout=30_000)
    column = next(i for i, c in enumerate(COLUMNS) if c.key == "action")
    tooltip = model.data(model.index(0, column), Qt.ItemDataRole.ToolTipRole)
    assert shown_as(tooltip) == HOSTILE_TITLE
    assert "<img" not in tooltip
    context.runner.wait_for_all()
