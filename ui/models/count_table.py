"""Small in-memory tables of signature counts (constituencies, countries, regions).

At most 650 rows, sorted in Python by the model itself: a QSortFilterProxyModel calls
``data()`` some 11,000 times to sort 650 rows, which stalled the window on every petition.
``SORT_ROLE`` gives the numbers a sort compares, for views and tests alike.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from caseworker.services.dto import CountView

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
Index = QModelIndex | QPersistentModelIndex


class CountTableModel(QAbstractTableModel):
    def __init__(self, place_header: str, *, with_mp: bool = False, parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = [place_header] + (["MP"] if with_mp else []) + ["Signatures", "Share"]
        self._with_mp = with_mp
        self._rows: tuple[CountView, ...] = ()
        self._total = 0
        # Largest first until the clerk clicks a heading.
        self._sort_column = len(self._headers) - 2
        self._sort_order = Qt.SortOrder.DescendingOrder

    def set_counts(self, rows: tuple[CountView, ...], total: int | None = None) -> None:
        self.beginResetModel()
        self._total = total if total else sum(r.signature_count for r in rows)
        self._rows = self._sorted(rows)
        self.endResetModel()

    def row_at(self, row: int) -> CountView | None:
        """The place shown in a row, as sorted now."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, place: CountView) -> int | None:
        """The row showing a place, as sorted now (None if it is not in the table)."""
        return next((row for row, shown in enumerate(self._rows) if shown == place), None)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._headers):
            return
        self._sort_column, self._sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        self._rows = self._sorted(self._rows)
        self.layoutChanged.emit()

    def _sorted(self, rows: tuple[CountView, ...]) -> tuple[CountView, ...]:
        key = self._headers[self._sort_column]
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        return tuple(sorted(rows, key=lambda r: self._sort_value(r, key), reverse=descending))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        key = self._headers[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(row, key)
        if role == SORT_ROLE:
            return self._sort_value(row, key)
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("Signatures", "Share"):
            return RIGHT
        return None

    def _share(self, row: CountView) -> float:
        return row.signature_count / self._total if self._total else 0.0

    def _display(self, row: CountView, key: str) -> str:
        if key == "MP":
            return row.mp or "(seat vacant)"
        if key == "Signatures":
            return f"{row.signature_count:,}"
        if key == "Share":
            return f"{self._share(row):.1%}"
        return row.name

    def _sort_value(self, row: CountView, key: str) -> Any:
        if key == "MP":
            return row.mp or ""
        if key == "Signatures":
            return row.signature_count
        if key == "Share":
            return self._share(row)
        return row.name
