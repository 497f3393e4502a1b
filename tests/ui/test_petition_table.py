"""The paged petition model: Qt's model tester, paging, sorting and stale pages."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.qtbot import QtBot

from caseworker.services.petitions import PetitionQuery, SortKey
from caseworker.services.queues import Queue
from tests.ui.conftest import PETITIONS
from ui.context import AppContext
from ui.models.petition_table import ID_ROLE, PAGE_SIZE, PetitionTableModel


def loaded(qtbot: QtBot, model: PetitionTableModel, rows: int) -> None:
    qtbot.waitUntil(lambda: not model.is_loading and model.rowCount() >= rows, timeout=30_000)


def test_model_tester_empty_and_after_pages(qtbot: QtBot, context: AppContext) -> None:
    model = PetitionTableModel(context.petitions, context.runner)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert model.rowCount() == 0
    model.set_query(PetitionQuery())
    loaded(qtbot, model, PAGE_SIZE)
    assert model.rowCount() == PAGE_SIZE
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
        qtbot.waitUntil(lambda: not model.is_loading, timeout=30_000)
    assert model.rowCount() == PETITIONS
    assert model.total == PETITIONS


def test_sort_is_done_in_sql_over_all_rows(qtbot: QtBot, context: AppContext) -> None:
    model = PetitionTableModel(context.petitions, context.runner)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_query(PetitionQuery())
    loaded(qtbot, model, PAGE_SIZE)
    model.sort(0, Qt.SortOrder.AscendingOrder)  # by number
    loaded(qtbot, model, PAGE_SIZE)
    assert [model.data(model.index(r, 0), ID_ROLE) for r in range(3)] == [1, 2, 3]
    model.sort(3, Qt.SortOrder.DescendingOrder)  # by signatures
    loaded(qtbot, model, PAGE_SIZE)
    assert model.data(model.index(0, 0), ID_ROLE) == PETITIONS
    assert model.data(model.index(0, 3)) == f"{PETITIONS * 300:,}"


def test_late_page_from_an_old_query_is_dropped(qtbot: QtBot, context: AppContext) -> None:
    model = PetitionTableModel(context.petitions, context.runner)
    model.set_query(PetitionQuery())
    # Replace the query before the first page can arrive: only the second query's rows count.
    model.set_query(PetitionQuery(queue=Queue.AWAITING_RESPONSE))
    qtbot.waitUntil(lambda: model.total is not None and not model.is_loading, timeout=30_000)
    qtbot.wait(200)
    expected = context.petitions.count(PetitionQuery(queue=Queue.AWAITING_RESPONSE))
    assert model.rowCount() == min(expected, PAGE_SIZE)
    assert model.total == expected


def test_search_narrows_rows(qtbot: QtBot, context: AppContext) -> None:
    model = PetitionTableModel(context.petitions, context.runner)
    model.set_query(replace(PetitionQuery(), search="schools", sort=SortKey.ID))
    qtbot.waitUntil(lambda: model.total is not None and not model.is_loading, timeout=30_000)
    assert model.total == PETITIONS // 3
    assert all("schools" in model.data(model.index(r, 1)) for r in range(model.rowCount()))


def test_a_view_asking_for_more_while_rows_go_in_gets_each_page_once(
    qtbot: QtBot, context: AppContext
) -> None:
    """A view or a proxy may ask for more while rows are about to go in: the page being
    inserted must not be asked for again (it was, and 450 rows came back as 650)."""
    model = PetitionTableModel(context.petitions, context.runner)
    asked: list[bool] = []
    model.rowsAboutToBeInserted.connect(lambda *_: asked.append(model.canFetchMore(QModelIndex())))
    model.set_query(PetitionQuery())
    loaded(qtbot, model, PAGE_SIZE)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
        qtbot.waitUntil(lambda: not model.is_loading, timeout=30_000)
    assert asked and not any(asked)
    ids = [model.data(model.index(r, 0), ID_ROLE) for r in range(model.rowCount())]
    assert len(ids) == len(set(ids)) == PETITIONS
