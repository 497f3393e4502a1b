"""Small in-memory tables of signature counts (constituencies, countries, regions).

At most 650 rows, so sorting is left to a QSortFilterProxyModel; ``SORT_ROLE`` gives it
numbers rather than formatted text.
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

    def set_counts(self, rows: tuple[CountView, ...], total: int | None = None) -> None:
        self.beginResetModel()
        self._rows = rows
        self._total = total if total else sum(r.signature_count for r in rows)
        self.endResetModel()

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
        share = row.signature_count / self._total if self._total else 0.0
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return {
                "MP": row.mp or "(seat vacant)",
                "Signatures": f"{row.signature_count:,}",
                "Share": f"{share:.1%}",
            }.get(key, row.name)
        if role == SORT_ROLE:
            return {"MP": row.mp or "", "Signatures": row.signature_count, "Share": share}.get(
                key, row.name
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("Signatures", "Share"):
            return RIGHT
        return None
