"""The Members the clerks work with: Committee members and those who open debates.

A table (name, constituency, party, Committee member) with Add, Edit and Remove; each change
goes through the debate edits, so Edit ▸ Undo takes it back. A refused name (already in the
list, or empty) is shown under the Name field of the form, which keeps what was typed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
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

from caseworker.services.debates.views import MemberView
from ui.casework.failures import FAILURES, failure_message
from ui.casework.widgets import error_label, read_only_table, save_cancel
from ui.debates.edits import REFUSALS, DebateEdits

COLUMNS = ("Name", "Constituency", "Party", "Committee member")


class MemberForm(QDialog):
    """Add or change one Member; ``values()`` gives what ``MemberService`` takes."""

    def __init__(self, parent: QWidget | None, member: MemberView | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"{member.styled}" if member else "New Member")
        self.name = QLineEdit(member.name if member else "")
        self.name.setPlaceholderText("e.g. Jane Smith (without “MP”)")
        self.constituency = QLineEdit(member.constituency if member else "")
        self.party = QLineEdit(member.party if member else "")
        self.committee = QCheckBox("&Committee member")
        self.committee.setChecked(bool(member and member.committee_member))
        self.notes = QPlainTextEdit(member.notes if member else "")
        self.notes.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        self.notes.setAccessibleName("Notes")
        self.error = error_label()
        self.field_errors = {
            "name": error_label("Why the name was not accepted"),
            "constituency": error_label("Why the constituency was not accepted"),
            "party": error_label("Why the party was not accepted"),
        }
        form = QFormLayout()
        for text, widget, field in (("&Name:", self.name, "name"),
                                    ("C&onstituency:", self.constituency, "constituency"),
                                    ("&Party:", self.party, "party")):  # fmt: skip
            label = QLabel(text)
            label.setBuddy(widget)
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(widget)
            column.addWidget(self.field_errors[field])
            form.addRow(label, box)
        form.addRow("", self.committee)
        notes = QLabel("No&tes:")
        notes.setBuddy(self.notes)
        form.addRow(notes, self.notes)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(save_cancel(self, on_save=self._check_then_accept))
        self.name.setMinimumWidth(self.fontMetrics().horizontalAdvance("0" * 36))

    def show_error(self, message: str, field: str | None = None) -> None:
        for label in (self.error, *self.field_errors.values()):
            label.say("")
        self.field_errors.get(field or "", self.error).say(message)
        widget = {"name": self.name, "constituency": self.constituency,
                  "party": self.party}.get(field or "")  # fmt: skip
        if widget is not None:
            widget.setFocus()

    def _check_then_accept(self) -> None:
        if not self.name.text().strip():
            self.show_error("A Member needs a name", "name")
            return
        self.accept()

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text().strip(),
            "constituency": self.constituency.text().strip(),
            "party": self.party.text().strip(),
            "committee_member": self.committee.isChecked(),
            "notes": self.notes.toPlainText().strip(),
        }


class MembersDialog(QDialog):
    """The list of Members, with Add, Edit and Remove."""

    def __init__(self, parent: QWidget | None, edits: DebateEdits) -> None:
        super().__init__(parent)
        self.setWindowTitle("Members")
        self.edits = edits
        self.members: list[MemberView] = []
        self.table = read_only_table(COLUMNS, "Members")
        self.table.setAccessibleDescription(
            "Committee members first, then by name. Enter edits the chosen Member."
        )
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda _index: self.edit_current())
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.add_button = QPushButton("&Add…")
        self.edit_button = QPushButton("&Edit…")
        self.remove_button = QPushButton("&Remove")
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_current)
        self.remove_button.clicked.connect(self.remove_current)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(row)
        self.edits.changed.connect(lambda _id: self.reload())
        self.reload()
        self.resize(760, 460)

    def reload(self) -> None:
        try:
            self.members = self.edits.debates.members.members()
        except (*REFUSALS, *FAILURES) as exc:
            self.message.setText(failure_message("The Members could not be read", exc,
                                                 self.edits.location))  # fmt: skip
            return
        self.table.setRowCount(len(self.members))
        for row, m in enumerate(self.members):
            cells = (m.styled, m.constituency, m.party, "Yes" if m.committee_member else "")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, m.id)
                self.table.setItem(row, column, item)
        self.message.setText(
            f"{len(self.members)} Member{'s' if len(self.members) != 1 else ''}, Committee "
            "members first. The opening Member's seat is the one the pack highlights."
            if self.members else "No Members yet: add the Committee's members and those who "
            "open debates."
        )  # fmt: skip
        self.edit_button.setEnabled(bool(self.members))
        self.remove_button.setEnabled(bool(self.members))

    def current(self) -> MemberView | None:
        row = self.table.currentRow()
        return self.members[row] if 0 <= row < len(self.members) else None

    def add(self) -> MemberView | None:
        form = MemberForm(self)
        with self.edits.reporting_to(form.show_error):
            while form.exec():
                made = self.edits.add_member(form.values())
                if made is not None:
                    return made
        return None

    def edit_current(self) -> None:
        member = self.current()
        if member is None:
            return
        form = MemberForm(self, member)
        with self.edits.reporting_to(form.show_error):
            while form.exec():
                if self.edits.change_member(member, form.values()) is not None:
                    return

    def remove_current(self) -> None:
        member = self.current()
        if member is None:
            return
        with self.edits.reporting_to(lambda message, _field: self.message.setText(message)):
            self.edits.remove_member(member)
