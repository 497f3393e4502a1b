"""The constituency, country and region tables: model tester, shares and numeric sorting."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from caseworker.services.dto import CountView
from ui.models.count_table import SORT_ROLE, CountTableModel

ROWS = (
    CountView("Ynys Môn", "W07000112", 900, "Llinos Medi MP"),
    CountView("Aldershot", "E14001063", 10_000, None),
    CountView("Bath", "E14001084", 100, "Wera Hobhouse MP"),
)


def test_model_tester_and_display() -> None:
    model = CountTableModel("Constituency", with_mp=True)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_counts(ROWS)
    assert model.rowCount() == 3 and model.columnCount() == 4
    assert model.data(model.index(0, 1)) == "(seat vacant)"
    assert model.data(model.index(0, 2)) == "10,000"
    assert model.data(model.index(0, 3)) == "90.9%"
    model.set_counts(())
    assert model.rowCount() == 0


def test_largest_first_then_sorts_by_number_not_text() -> None:
    model = CountTableModel("Constituency", with_mp=True)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_counts(ROWS)
    names = lambda: [model.index(r, 0).data() for r in range(3)]  # noqa: E731
    assert names() == ["Aldershot", "Ynys Môn", "Bath"]
    model.sort(2, Qt.SortOrder.AscendingOrder)
    assert names() == ["Bath", "Ynys Môn", "Aldershot"]
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert names() == ["Aldershot", "Bath", "Ynys Môn"]
    assert model.index(0, 2).data(SORT_ROLE) == 10_000
