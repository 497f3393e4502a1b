"""Quotations chosen for the pack: their words, theme, source, and whether the respondent
agreed to be quoted ("Yes"/"No" in words: the pack prints only those that may be)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from caseworker.services.debates.engagement_views import QuoteView, ThemeView
from ui.casework.widgets import error_label, read_only_table, save_cancel

USER = Qt.ItemDataRole.UserRole
NO_THEME = "— no theme —"


class QuoteDialog(QDialog):
    """A quotation's words, source, theme and consent; ``values()`` for the services."""

    def __init__(self, parent: QWidget | None, *, title: str, body: str = "", source: str = "",
                 may_quote: bool = False, theme_id: int | None = None,
                 themes: Sequence[ThemeView] = ()) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle(title)
        self.body = QPlainTextEdit(body)
        self.body.setAccessibleName("Quotation")
        self.source = QLineEdit(source)
        self.source.setPlaceholderText("A parent, Leeds")
        self.theme = QComboBox()
        self.theme.addItem(NO_THEME, None)
        for theme in themes:
            self.theme.addItem(theme.name, theme.id)
        self.theme.setCurrentIndex(max(self.theme.findData(theme_id), 0))
        self.may_quote = QCheckBox("The respondent agreed to be &quoted")
        self.may_quote.setChecked(may_quote)
        self.error = error_label()
        form = QFormLayout()
        for text, widget in (("&Words:", self.body), ("&Source:", self.source),
                             ("&Theme:", self.theme)):  # fmt: skip
            label = QLabel(text)
            label.setBuddy(widget)
            widget.setAccessibleName(text.replace("&", "").rstrip(":"))
            form.addRow(label, widget)
        form.addRow("", self.may_quote)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(save_cancel(self))
        self.resize(560, 340)

    def values(self) -> dict[str, Any]:
        return {
            "body": self.body.toPlainText(), "source": self.source.text(),
            "may_quote": self.may_quote.isChecked(), "theme_id": self.theme.currentData(),
        }  # fmt: skip


class QuotesPanel(QGroupBox):
    """The list; the window supplies the actions (``buttons``) since they need its selection."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("&Quotations for the pack", parent)
        self.quotes: tuple[QuoteView, ...] = ()
        self.table = read_only_table(("Quotation", "Theme", "Source", "May quote"),
                                     "Quotations for the pack")  # fmt: skip
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.buttons: dict[str, QPushButton] = {}
        self.button_row = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.button_row)

    def add_button(self, key: str, text: str, shortcut: str, slot: Any, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(lambda _checked=False: slot())
        button.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
        if shortcut:
            action = QAction(text, self)
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(button.click)
            self.addAction(action)
        self.button_row.addWidget(button)
        self.buttons[key] = button
        return button

    def show_quotes(self, quotes: Sequence[QuoteView]) -> None:
        chosen = self.selected()
        self.quotes = tuple(quotes)
        self.table.setRowCount(len(self.quotes))
        for row, q in enumerate(self.quotes):
            flat = " ".join(q.body.split())
            cells = (f"“{flat}”", q.theme or "", q.source, "Yes" if q.may_quote else "No")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(USER, q.id)
                item.setToolTip(q.body if column == 0 else text)
                self.table.setItem(row, column, item)
            if chosen is not None and chosen.id == q.id:
                self.table.selectRow(row)

    def selected(self) -> QuoteView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.quotes[rows[0].row()] if rows and rows[0].row() < len(self.quotes) else None
