"""The petition table: filtered and sorted in SQL, fetched a page at a time off the GUI thread.

``fetchMore`` starts a read job and returns at once; ``canFetchMore`` is False while one is in
flight. A late page or count from an older query is dropped (ui/latest.py) instead of being
appended to the wrong list.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QIcon

from caseworker.services.dto import PetitionRow
from caseworker.services.petitions import PetitionQuery, PetitionService
from ui.latest import Latest
from ui.models.columns import COLUMNS
from ui.models.tooltips import plain_tooltip
from ui.workers import JobRunner

PAGE_SIZE = 200
ID_ROLE = Qt.ItemDataRole.UserRole
Index = QModelIndex | QPersistentModelIndex


class PetitionTableModel(QAbstractTableModel):
    #: Emitted with the total number of matching petitions once it is known.
    total_changed = Signal(int)
    #: Emitted after each page arrives, with the number of rows now loaded.
    page_loaded = Signal(int)
    #: Emitted when a query fails, with a message for the status bar.
    load_failed = Signal(str)

    def __init__(self, service: PetitionService, runner: JobRunner, parent: Any = None) -> None:
        super().__init__(parent)
        self._service = service
        self._runner = runner
        self._query = PetitionQuery()
        self._rows: list[PetitionRow] = []
        self._total: int | None = None
        self._exhausted = False
        self._fetching = False
        self._answers = Latest()  # the count and pages answer the newest query only
        self._overdue_icon = QIcon.fromTheme("dialog-warning")

    # Querying ------------------------------------------------------------------------------

    @property
    def query(self) -> PetitionQuery:
        return self._query

    @property
    def total(self) -> int | None:
        return self._total

    def set_query(self, query: PetitionQuery) -> None:
        """Show a new query from its first page."""
        self._answers.forget()
        self.beginResetModel()
        self._query = query
        self._rows = []
        self._total = None
        self._exhausted = False
        self._fetching = False
        self.endResetModel()
        # The first page before the count: rows on screen matter more than the total.
        self.fetchMore(QModelIndex())
        self._count()

    def reload(self) -> None:
        self.set_query(self._query)

    def _count(self) -> None:
        query = self._query
        succeeded, failed = self._answers.current(
            self._on_count, lambda kind, message: self.load_failed.emit(message)
        )
        self._runner.read(
            lambda progress, cancelled: self._service.count(query),
            succeeded=succeeded,
            failed=failed,
        )

    def _on_count(self, total: int) -> None:
        self._total = total
        self.total_changed.emit(total)

    # Paging --------------------------------------------------------------------------------

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._fetching and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        query, offset = self._query, len(self._rows)
        succeeded, failed = self._answers.current(
            self._on_page, lambda kind, message: self._on_failed(message)
        )
        self._runner.read(
            lambda progress, cancelled: self._service.page(query, offset=offset, limit=PAGE_SIZE),
            succeeded=succeeded,
            failed=failed,
        )

    def _on_page(self, rows: list[PetitionRow]) -> None:
        if len(rows) < PAGE_SIZE:
            self._exhausted = True
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        # Only now: a view asking for more while the rows go in would fetch this page again.
        self._fetching = False
        self.page_loaded.emit(len(self._rows))

    def _on_failed(self, message: str) -> None:
        self._fetching = False
        self._exhausted = True
        self.load_failed.emit(message)

    @property
    def is_loading(self) -> bool:
        return self._fetching

    # Qt model interface ----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(row)
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(row.action) if column.key == "action" else None
        if role == Qt.ItemDataRole.DecorationRole and column.key == "waiting" and row.overdue:
            return self._overdue_icon
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return column.display(row)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section].header
        if role == Qt.ItemDataRole.ToolTipRole:
            return COLUMNS[section].tooltip or None
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        self.set_query(replace(self._query, sort=COLUMNS[column].sort, descending=descending))

    def petition_id(self, row: int) -> int | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def row_of(self, petition_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == petition_id), None)
