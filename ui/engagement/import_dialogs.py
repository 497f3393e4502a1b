"""Importing a survey's CSV: choose the columns over a preview of the file, then read what
the import did (bad rows by line) and, when it stored nothing, choose to leave them out."""

from __future__ import annotations

import re

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from caseworker.services.debates.engagement_csv import Columns, CsvPreview
from caseworker.services.debates.engagement_views import ImportReport
from ui.casework.widgets import read_only_table

NONE = "— none —"
#: Words in a column's name that suggest what it holds (the clerk can choose another).
GUESSES = {
    "text": re.compile(r"experience|response|answer|comment|tell|text|story|view", re.I),
    "date": re.compile(r"date|submitted|time|when|completed", re.I),
    "location": re.compile(r"postcode|location|constituency|town|place|region|area|where", re.I),
}


class ColumnChooser(QDialog):
    """Which column holds the answers, which the date and which the place."""

    def __init__(self, parent: QWidget | None, preview: CsvPreview) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Import responses from {preview.name}")
        self.preview = preview
        names = list(preview.columns)
        self.text = QComboBox()
        self.text.addItems(names)
        self.date, self.location = QComboBox(), QComboBox()
        for box in (self.date, self.location):
            box.addItem(NONE)
            box.addItems(names)
        self.text.setCurrentIndex(max(_guess(preview, "text"), 0))
        self.date.setCurrentIndex(_guess(preview, "date") + 1)
        self.location.setCurrentIndex(_guess(preview, "location") + 1)
        form = QFormLayout()
        for text, box in (("The &answers:", self.text), ("&Sent on:", self.date),
                          ("&Where from:", self.location)):  # fmt: skip
            label = QLabel(text)
            label.setBuddy(box)
            box.setAccessibleName(text.replace("&", "").rstrip(":"))
            form.addRow(label, box)
        table = read_only_table(preview.columns, f"The first rows of {preview.name}")
        table.setRowCount(len(preview.rows))
        for row, cells in enumerate(preview.rows):
            for column, cell in enumerate(cells[: len(preview.columns)]):
                table.setItem(row, column, _item(cell))
        self.table = table
        caption = QLabel(
            f"{preview.name} ({preview.encoding}): {len(preview.columns)} columns. The first "
            f"{len(preview.rows)} rows:"
        )
        caption.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("&Import")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(caption)
        layout.addWidget(table, 1)
        layout.addWidget(buttons)
        self.resize(900, 420)

    def columns(self) -> Columns:
        date, place = self.date.currentText(), self.location.currentText()
        return Columns(
            self.text.currentText(),
            None if date == NONE else date,
            None if place == NONE else place,
        )

    @classmethod
    def ask(cls, parent: QWidget | None, preview: CsvPreview) -> Columns | None:
        dialog = cls(parent, preview)
        return dialog.columns() if dialog.exec() == QDialog.DialogCode.Accepted else None


def _guess(preview: CsvPreview, what: str) -> int:
    """The column most likely to hold ``what`` (-1: none); for the answers, failing a name,
    the column with the longest text in the preview."""
    for index, name in enumerate(preview.columns):
        if GUESSES[what].search(name):
            return index
    if what != "text" or not preview.rows:
        return -1
    lengths = [
        sum(len(r[i]) for r in preview.rows if i < len(r)) for i in range(len(preview.columns))
    ]
    return max(range(len(lengths)), key=lengths.__getitem__)


def _item(text: str) -> QTableWidgetItem:
    flat = " ".join(text.split())
    item = QTableWidgetItem(flat if len(flat) <= 120 else flat[:119] + "…")
    item.setToolTip(text)
    return item


class ImportReportDialog(QDialog):
    """What an import did, line by line; offers to leave bad rows out when they stopped it."""

    #: The clerk chose to import the good rows without the bad ones.
    skip_bad_requested = Signal()

    def __init__(self, parent: QWidget | None, report: ImportReport) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import refused" if report.refused else "Responses imported")
        self.report = report
        self.text = QPlainTextEdit("\n".join(report.lines()))
        self.text.setReadOnly(True)
        self.text.setAccessibleName("What the import did")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.skip_button: QPushButton | None = None
        if report.refused:
            self.skip_button = QPushButton("Import &without the bad rows")
            buttons.addButton(self.skip_button, QDialogButtonBox.ButtonRole.AcceptRole)
            self.skip_button.clicked.connect(self._skip)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(640, 360)

    def _skip(self) -> None:
        self.accept()
        self.skip_bad_requested.emit()
