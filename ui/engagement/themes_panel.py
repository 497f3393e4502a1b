"""The themes the clerk finds in the responses, with live counts: add, rename, remove and
put them in order. Choosing one shows its responses."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from caseworker.formatting import counted
from caseworker.services.debates.engagement import EngagementService
from caseworker.services.debates.engagement_views import ThemeView
from ui.casework.widgets import read_only_table
from ui.engagement.edits import EngagementEdits

USER = Qt.ItemDataRole.UserRole
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
#: Asks the clerk for a line of text: (title, label, text) -> the text, or None if cancelled.
Asker = Callable[[str, str, str], "str | None"]


class ThemesPanel(QGroupBox):
    #: The clerk double-clicked a theme: show its responses.
    theme_chosen = Signal(int)

    def __init__(self, service: EngagementService, edits: EngagementEdits, debate_id: int,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__("T&hemes", parent)
        self._service, self._edits, self._debate_id = service, edits, debate_id
        self.themes: tuple[ThemeView, ...] = ()
        self.ask: Asker = self._ask_text
        self.table = read_only_table(("Key", "Theme", "Responses"), "Themes with their responses")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.cellDoubleClicked.connect(self._chosen)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        specs = (
            ("add", "&Add…", "Ctrl+Shift+N", self.add),
            ("rename", "Re&name…", "F2", self.rename),
            ("remove", "Remove…", "", self.remove),
            ("up", "▲", "Ctrl+Shift+Up", lambda: self.move_theme(-1)),
            ("down", "▼", "Ctrl+Shift+Down", lambda: self.move_theme(1)),
        )
        names = {"up": "Move the theme up", "down": "Move the theme down"}
        for key, text, shortcut, slot in specs:
            button = QPushButton(text)
            button.clicked.connect(slot)
            button.setAccessibleName(names.get(key, text.replace("&", "").rstrip("…")))
            if shortcut:
                action = QAction(text, self)
                action.setShortcut(QKeySequence(shortcut))
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                action.triggered.connect(button.click)
                self.addAction(action)
                button.setToolTip(f"{names.get(key, text.replace('&', ''))} ({shortcut})")
            row.addWidget(button)
            self.buttons[key] = button
        hint = QLabel("Select responses, then press a theme's key, or Ctrl+T for the theme in "
                      "the toolbar. Double-click a theme to see its responses.")  # fmt: skip
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        layout.addLayout(row)
        self.table.itemSelectionChanged.connect(self._enable)
        self._enable()

    def show_themes(self, themes: Sequence[ThemeView]) -> None:
        chosen = self.selected()
        self.themes = tuple(themes)
        self.table.setRowCount(len(self.themes))
        for row, theme in enumerate(self.themes):
            name = QTableWidgetItem(theme.name)
            name.setToolTip(theme.description or theme.name)
            count = QTableWidgetItem(f"{theme.count:,}")
            count.setTextAlignment(RIGHT)
            count.setData(Qt.ItemDataRole.AccessibleTextRole, counted(theme.count, "response"))
            key = QTableWidgetItem(str(row + 1) if row < 9 else "")
            key.setToolTip(f"Press {row + 1} in the responses to tag them" if row < 9 else "")
            for column, item in enumerate((key, name, count)):
                item.setData(USER, theme.id)
                self.table.setItem(row, column, item)
            if chosen is not None and theme.id == chosen.id:
                self.table.selectRow(row)
        self._enable()

    def selected(self) -> ThemeView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.themes[rows[0].row()] if rows and rows[0].row() < len(self.themes) else None

    def select(self, theme_id: int) -> None:
        for row, theme in enumerate(self.themes):
            if theme.id == theme_id:
                self.table.selectRow(row)

    # Acting --------------------------------------------------------------------------------

    def add(self, name: str | None = None) -> ThemeView | None:
        name = name if isinstance(name, str) else self.ask("New theme", "Theme:", "")
        if not name:
            return None
        debate_id, service = self._debate_id, self._service
        return self._edits.run(
            "The theme was not added", lambda: service.add_theme(debate_id, name)
        )

    def rename(self, name: str | None = None) -> ThemeView | None:
        theme = self.selected()
        if theme is None:
            return None
        name = name if isinstance(name, str) else self.ask("Rename theme", "Theme:", theme.name)
        if not name or name == theme.name:
            return None
        service = self._service
        return self._edits.run(
            "The theme was not renamed", lambda: service.rename_theme(theme.id, name)
        )

    def remove(self, confirmed: bool = False) -> bool:
        theme = self.selected()
        if theme is None:
            return False
        if not confirmed:
            answer = QMessageBox.question(
                self, "Remove theme",
                f"Remove the theme {theme.name!r}? {counted(theme.count, 'response')} lose "
                "the tag; its quotations stay, with no theme.",
            )  # fmt: skip
            if answer != QMessageBox.StandardButton.Yes:
                return False
        service = self._service

        def remove() -> bool:
            service.delete_theme(theme.id)
            return True

        return bool(self._edits.run("The theme was not removed", remove))

    def move_theme(self, step: int) -> None:
        theme = self.selected()
        if theme is None:
            return
        order = [t.id for t in self.themes]
        at = order.index(theme.id)
        to = at + step
        if not 0 <= to < len(order):
            return
        order[at], order[to] = order[to], order[at]
        debate_id, service = self._debate_id, self._service
        stored = self._edits.run(
            "The themes were not reordered", lambda: service.reorder_themes(debate_id, order)
        )
        if stored is not None:
            self.show_themes(stored)
            self.table.selectRow(to)

    def _chosen(self, row: int, _column: int) -> None:
        if 0 <= row < len(self.themes):
            self.theme_chosen.emit(self.themes[row].id)

    def _enable(self) -> None:
        chosen = self.selected() is not None
        for key in ("rename", "remove", "up", "down"):
            self.buttons[key].setEnabled(chosen)

    def _ask_text(self, title: str, label: str, text: str) -> str | None:
        value, ok = QInputDialog.getText(self, title, label, text=text)
        return value if ok and value.strip() else None
