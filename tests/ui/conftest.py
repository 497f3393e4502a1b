"""Fixtures for driving real widgets offscreen over a real SQLite database."""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from caseworker.importing.importer import import_paths
from caseworker.storage.engine import Database, open_database
from tests.unit.services.captures import response, single
from ui.collector import GuiThreadCollector, collect_on_gui_thread
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.settings import WindowSettings

PETITIONS = 450


def list_page(count: int) -> dict[str, object]:
    """A list page of ``count`` petitions with varied states, counts and thresholds."""
    items = []
    for n in range(1, count + 1):
        attributes = single(
            n,
            action=f"Petition number {n} about {'buses' if n % 3 else 'schools'}",
            signature_count=n * 300,
        )["data"]["attributes"]  # type: ignore[index]
        if n * 300 >= 10_000:
            attributes["response_threshold_reached_at"] = f"2025-0{1 + n % 5}-10T09:00:00.000Z"
        if n % 4 == 0 and n * 300 >= 10_000:
            attributes["government_response"] = response(f"Response to {n}", "2025-06-01")
            attributes["government_response_at"] = "2025-06-01T10:00:00.000Z"
        if n % 7 == 0:
            attributes["state"] = "closed"
            attributes["closed_at"] = "2025-07-01T22:59:59.999Z"
        attributes["departments"] = [
            {
                "acronym": "DfT",
                "name": "Department for Transport",
                "url": "https://www.gov.uk/government/organisations/dft",
            }
        ]
        items.append({"type": "petition", "id": n, "links": {"self": f"https://x/{n}.json"},
                      "attributes": attributes})  # fmt: skip
    return {"links": {"self": "https://petition.parliament.uk/petitions.json"}, "data": items}


@pytest.fixture(scope="session")
def populated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("ui-db")
    page = folder / "page.json"
    page.write_text(json.dumps(list_page(PETITIONS)), encoding="utf-8")
    path = folder / "populated.sqlite3"
    db = open_database(str(path))
    summary = import_paths(db.engine, [page])
    assert summary.failed == 0 and summary.imported == PETITIONS
    db.dispose()
    return path


@pytest.fixture
def populated_db(populated_template: Path, tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "window.sqlite3"
    path.write_bytes(populated_template.read_bytes())
    db = open_database(str(path))
    yield db
    db.dispose()


@pytest.fixture
def empty_db(sqlite_database: Database) -> Database:
    return sqlite_database


@pytest.fixture
def settings(tmp_path: Path) -> WindowSettings:
    return WindowSettings.at(str(tmp_path / "settings.ini"))


#: Contexts opened by the test running now: their background jobs end before its widgets go.
OPENED: list[AppContext] = []


def make_context(db: Database, settings: WindowSettings) -> AppContext:
    context = AppContext.open(db, "test database", settings)
    OPENED.append(context)
    return context


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    """Drop the drafts a test left before pytest-qt closes its windows.

    Closing a window with a review typed and not saved asks the clerk; pytest-qt closes the
    test's widgets in its own teardown hook, before any fixture could drop the drafts, so the
    question would wait forever. This wrapper runs first.
    """
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow):
            widget.casework.review.discard_drafts()
    return (yield)


@pytest.fixture(scope="session", autouse=True)
def collector(qapp: QApplication) -> Iterator[GuiThreadCollector]:
    """As in the application: Python's collector runs on the GUI thread only (ui/collector.py)."""
    installed = collect_on_gui_thread(qapp)
    yield installed
    installed.stop()


@pytest.fixture(autouse=True)
def collect_on_the_gui_thread() -> Iterator[None]:
    # Ends after qtbot has closed the test's windows, so their wrappers go here.
    yield
    gc.collect()


@pytest.fixture(autouse=True)
def background_jobs_finish(qtbot: QtBot) -> Iterator[None]:
    # Depends on qtbot so that it ends first: no job may report to a widget already deleted.
    yield
    while OPENED:
        OPENED.pop().runner.wait_for_all()


@pytest.fixture
def context(populated_db: Database, settings: WindowSettings) -> Iterator[AppContext]:
    ctx = make_context(populated_db, settings)
    yield ctx
    ctx.runner.wait_for_all()


@pytest.fixture
def window(qtbot: QtBot, context: AppContext) -> MainWindow:
    w = MainWindow(context)
    qtbot.addWidget(w)
    w.show()
    w.start()
    wait_loaded(qtbot, w)
    return w


def wait_loaded(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(
        lambda: not window.model.is_loading and window.model.total is not None, timeout=30_000
    )
