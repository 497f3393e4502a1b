"""Small widgets the casework tabs and dialogs share."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTextBrowser,
)


def read_only_table(columns: tuple[str, ...], name: str) -> QTableWidget:
    """A table of whole rows to read and select, sized to its contents."""
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels(columns)
    table.setAccessibleName(name)
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def text_browser(name: str) -> QTextBrowser:
    """Read-only rich text; links are not followed (the text is the site's or a clerk's)."""
    browser = QTextBrowser()
    browser.setAccessibleName(name)
    browser.setOpenLinks(False)
    return browser


def save_cancel(dialog: QDialog, on_save: Callable[[], None] | None = None) -> QDialogButtonBox:
    """Save and Cancel; Save accepts the dialog unless ``on_save`` decides when it may."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(on_save or dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def error_label() -> QLabel:
    """Where a dialog says why its save was refused or failed; the form keeps its text."""
    label = QLabel()
    label.setWordWrap(True)
    label.setAccessibleName("Why it was not saved")
    label.setStyleSheet("color: palette(bright-text); font-weight: 600;")
    return label
