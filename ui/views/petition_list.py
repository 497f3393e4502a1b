"""The petition list: the filter bar, the table of the chosen queue and a one-line summary."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from caseworker.services.petitions import PetitionQuery
from caseworker.services.queues import QUEUE_TITLES
from ui.models.columns import COLUMNS
from ui.models.petition_table import PetitionTableModel
from ui.views.filter_bar import FilterBar

#: The list keeps at least this many rows in view when the window is at its smallest.
MIN_ROWS = 6


def make_table(model: PetitionTableModel) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setAccessibleName("Petitions")
    table.setAccessibleDescription("Petitions in the chosen queue; sort by clicking a heading")
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setSortingEnabled(True)
    header = table.horizontalHeader()
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    header.setSectionsMovable(True)
    header.setHighlightSections(False)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    table.setAlternatingRowColors(True)
    metrics = table.fontMetrics()
    for i, column in enumerate(COLUMNS):
        table.setColumnWidth(i, metrics.horizontalAdvance("0" * column.width_chars) + 20)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
    table.verticalHeader().setDefaultSectionSize(metrics.height() + 8)
    # Columns scroll sideways; the table never asks the window to be wider than it is.
    table.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
    table.setMinimumHeight(header.sizeHint().height() + MIN_ROWS * (metrics.height() + 8) + 4)
    return table


def summary_text(query: PetitionQuery, total: int) -> str:
    title = QUEUE_TITLES[query.queue]
    filtered = any((query.search, query.state, query.department, query.topic, query.parliament))
    if total == 0 and filtered:
        what = f"“{query.search}”" if query.search else "these filters"
        return f"No petitions in {title} match {what}. Clear the search or filters to see them all."
    if total == 0:
        return f"{title}: no petitions"
    return f"{title}: {total:,} petition{'s' if total != 1 else ''}"


class PetitionList(QWidget):
    def __init__(self, model: PetitionTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.filters = FilterBar()
        self.table = make_table(model)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # it quotes the search typed
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)

    def show_total(self, total: int) -> None:
        self.summary.setText(summary_text(self.model.query, total))

    def select_first(self) -> None:
        if self.table.selectionModel().hasSelection():
            return
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        flags |= QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(self.model.index(0, 0), flags)

    def selected_ids(self) -> list[int]:
        """The selected petitions in table order, or the current one if none is selected."""
        selection = self.table.selectionModel()
        rows = sorted(index.row() for index in selection.selectedRows())
        if not rows and selection.currentIndex().isValid():
            rows = [selection.currentIndex().row()]
        ids = (self.model.petition_id(row) for row in rows)
        return [petition_id for petition_id in ids if petition_id is not None]
