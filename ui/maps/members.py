"""The Members to invite: whose constituents signed most, by count and by rate, copyable.

``members_text`` is the plain-text table put on the clipboard (tab-separated, so it pastes
as columns into a spreadsheet or a Word table, and still reads in an email).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QGuiApplication,
    QKeySequence,
    QShortcut,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from caseworker.geography import MemberRow
from ui.maps.data import MapData
from ui.maps.panel import unmatched_text

HEADERS = ("Rank", "Member", "Party", "Constituency", "Signatures", "Per 1,000 electors")
#: Shorter headings for the narrow tables in the window (the copied text keeps the long ones).
SHOWN_HEADERS = ("No.", "Member", "Party", "Constituency", "Signatures", "Per 1,000")
BY_COUNT_TITLE = "Most signatures"
BY_RATE_TITLE = "Most signatures per 1,000 electors"
_NUMERIC = {0, 4, 5}
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def member_cells(row: MemberRow) -> tuple[str, ...]:
    rate = "–" if row.per_thousand is None else f"{row.per_thousand:,.1f}"
    return (
        str(row.rank),
        row.member,
        row.party or "–",
        row.seat.name,
        f"{row.signatures:,}",
        rate,
    )


def members_text(
    action: str, by_count: Sequence[MemberRow], by_rate: Sequence[MemberRow], note: str = ""
) -> str:
    """Both lists as a plain-text table, titled with the petition, tab between columns."""
    lines = [f"Members whose constituents signed most: {action}", ""]
    for title, rows in ((BY_COUNT_TITLE, by_count), (BY_RATE_TITLE, by_rate)):
        lines.append(title)
        lines.append("\t".join(HEADERS))
        lines += ["\t".join(member_cells(row)) for row in rows]
        if not rows:
            lines.append("(no signatures by constituency)")
        lines.append("")
    if note:
        lines.append(note)
    return "\n".join(lines).rstrip("\n") + "\n"


class MemberTable(QTableView):
    """One ranked list of Members (ten rows), read-only, sized to its rows."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model_ = QStandardItemModel(0, len(HEADERS), self)
        self.model_.setHorizontalHeaderLabels(list(SHOWN_HEADERS))
        self.setModel(self.model_)
        self.setAccessibleName(name)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().hide()
        self.setWordWrap(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column in (1, 3):  # the names share what the numbers leave
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        for column, chars in {0: 4, 2: 11, 4: 9, 5: 9}.items():
            self.setColumnWidth(column, self.fontMetrics().horizontalAdvance("0" * chars) + 12)

    def show_rows(self, rows: Sequence[MemberRow]) -> None:
        self.model_.setRowCount(0)
        for row in rows:
            items = [QStandardItem(text) for text in member_cells(row)]
            for item in items[1:4]:  # names cut short in a narrow table are shown in full
                item.setToolTip(item.text())
            for column in _NUMERIC:
                items[column].setTextAlignment(RIGHT)
            self.model_.appendRow(items)
        height = self.horizontalHeader().height() + 2 * self.frameWidth()
        height += self.verticalHeader().defaultSectionSize() * max(len(rows), 1)
        self.setMinimumHeight(height + 2)
        self.setMaximumHeight(height + 2)

    def texts(self, column: int) -> list[str]:
        return [self.model_.item(r, column).text() for r in range(self.model_.rowCount())]


class MembersPanel(QWidget):
    """The two lists of Members, a Copy button (and Ctrl+C) and any seat left off the map."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.by_count = MemberTable("Members whose constituents signed most, by signatures")
        self.by_rate = MemberTable("Members whose constituents signed most, per 1,000 electors")
        self.copy_button = QPushButton("Cop&y list")
        self.copy_button.setToolTip("Copy both lists as a plain-text table (Ctrl+C)")
        self.copy_button.clicked.connect(self.copy)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.unmatched = QLabel()
        self.unmatched.setWordWrap(True)
        self._text = ""
        self._build()

    def _build(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.intro, 1)
        buttons.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        for title, table in ((BY_COUNT_TITLE, self.by_count), (BY_RATE_TITLE, self.by_rate)):
            caption = QLabel(f"<b>{title}</b>")
            caption.setBuddy(table)
            layout.addWidget(caption)
            layout.addWidget(table)
        layout.addWidget(self.unmatched)
        layout.addStretch(1)
        copy = QShortcut(QKeySequence(QKeySequence.StandardKey.Copy), self)
        copy.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        copy.activated.connect(self.copy)

    def show_data(self, data: MapData | None) -> None:
        if data is None:
            self.by_count.show_rows(())
            self.by_rate.show_rows(())
            self.intro.setText("")
            self.unmatched.setText("")
            self._text = ""
            self.copy_button.setEnabled(False)
            return
        by_count, by_rate = data.members_by_count, data.members_by_rate
        self.by_count.show_rows(by_count)
        self.by_rate.show_rows(by_rate)
        self.intro.setText(
            "The Members whose constituents signed most, to invite to a debate. Vacant seats "
            "are left out; the rate compares seats of different sizes."
        )
        note = unmatched_text(data)
        self.unmatched.setText(note)
        self._text = members_text(data.geography.action, by_count, by_rate, note)
        self.copy_button.setEnabled(bool(by_count))

    def text(self) -> str:
        """What Copy puts on the clipboard."""
        return self._text

    def copy(self) -> None:
        if self._text:
            QGuiApplication.clipboard().setText(self._text)
