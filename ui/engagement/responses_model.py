"""The responses table: filtered in SQL, fetched a page at a time off the GUI thread.

As the petition table: ``fetchMore`` starts a read and returns; ``canFetchMore`` is False
while one is in flight; a page or count answering an older filter is dropped. Tagging
changes rows in place (``update_rows``), so the clerk's place in a long list is kept.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from caseworker.formatting import short_date
from caseworker.services.debates.engagement import EngagementService
from caseworker.services.debates.engagement_views import ResponseFilter, ResponseView
from ui.latest import Latest
from ui.models.tooltips import plain_tooltip
from ui.workers import JobRunner

PAGE_SIZE = 200
ID_ROLE = Qt.ItemDataRole.UserRole
HEADERS = ("No.", "Sent", "Place", "Themes", "Response")
#: Characters of a response shown in its cell (the whole text is in the tooltip and below).
SHOWN = 240
Index = QModelIndex | QPersistentModelIndex


class ResponsesModel(QAbstractTableModel):
    #: The number of responses the filter matches, once known.
    total_changed = Signal(int)
    page_loaded = Signal(int)
    load_failed = Signal(str)

    def __init__(
        self, service: EngagementService, runner: JobRunner, debate_id: int, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self._service, self._runner, self._debate_id = service, runner, debate_id
        self._filter = ResponseFilter()
        self._rows: list[ResponseView] = []
        self._total: int | None = None
        self._exhausted = True  # nothing to fetch until ``set_filter`` (the call may not exist)
        self._fetching = False
        self._answers = Latest()

    @property
    def filter(self) -> ResponseFilter:
        return self._filter

    @property
    def total(self) -> int | None:
        return self._total

    @property
    def is_loading(self) -> bool:
        return self._fetching

    def set_filter(self, which: ResponseFilter) -> None:
        """Show the responses matching ``which`` from the first page."""
        self._answers.forget()
        self.beginResetModel()
        self._filter, self._rows, self._total = which, [], None
        self._exhausted, self._fetching = False, False
        self.endResetModel()
        self.fetchMore(QModelIndex())
        self._count()

    def reload(self) -> None:
        self.set_filter(self._filter)

    def _count(self) -> None:
        which, debate_id, service = self._filter, self._debate_id, self._service
        succeeded, failed = self._answers.current(
            self._on_count, lambda kind, message: self.load_failed.emit(message)
        )
        self._runner.read(
            lambda progress, cancelled: service.count_responses(
                debate_id, theme_id=which.theme_id, untagged=which.untagged, search=which.search
            ),
            succeeded=succeeded,
            failed=failed,
        )

    def _on_count(self, total: int) -> None:
        self._total = total
        self.total_changed.emit(total)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._fetching and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        which, offset, debate_id, service = self._filter, len(self._rows), self._debate_id, (
            self._service
        )  # fmt: skip
        succeeded, failed = self._answers.current(
            self._on_page, lambda kind, message: self._on_failed(message)
        )
        self._runner.read(
            lambda progress, cancelled: service.responses(
                debate_id,
                theme_id=which.theme_id,
                untagged=which.untagged,
                search=which.search,
                offset=offset,
                limit=PAGE_SIZE,
            ),  # fmt: skip
            succeeded=succeeded,
            failed=failed,
        )

    def _on_page(self, rows: list[ResponseView]) -> None:
        # Still fetching while the rows go in: a view (or a model tester) asking for more
        # during the insertion would otherwise fetch this page's offset a second time.
        if len(rows) < PAGE_SIZE:
            self._exhausted = True
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self._fetching = False
        self.page_loaded.emit(len(self._rows))

    def _on_failed(self, message: str) -> None:
        self._fetching, self._exhausted = False, True
        self.load_failed.emit(message)

    def update_rows(self, changed: list[ResponseView]) -> None:
        """Rows the clerk tagged or untagged, as stored now."""
        fresh = {r.id: r for r in changed}
        for row, old in enumerate(self._rows):
            if old.id in fresh:
                self._rows[row] = fresh[old.id]
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))

    def response(self, row: int) -> ResponseView | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    # Qt model interface ----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return _cell(row, index.column())
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == len(HEADERS) - 1:
            return plain_tooltip(row.body)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(HEADERS):
            return None
        return HEADERS[section] if role == Qt.ItemDataRole.DisplayRole else None


def _cell(row: ResponseView, column: int) -> str:
    if column == 0:
        return str(row.id)
    if column == 1:
        return short_date(row.responded_on) if row.responded_on else ""
    if column == 2:
        return row.location
    if column == 3:
        return ", ".join(row.themes)
    flat = " ".join(row.body.split())
    return flat if len(flat) <= SHOWN else flat[: SHOWN - 1] + "…"
