"""The team's casework settings: due periods, who signs letters, the Committee's contact
details, the named recipients of each department's letters, and the letter templates."""

from __future__ import annotations

from contextlib import suppress
from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from caseworker.letters.templates import PLACEHOLDERS, LetterKind, Register
from caseworker.services.casework import CaseworkError, CaseworkServices
from caseworker.services.casework.settings import (
    MAX_REVISION_DAYS,
    Recipient,
    SettingValue,
    validate_recipient,
    validate_setting,
)
from ui.casework.edits import REFUSALS, CaseworkEdits
from ui.casework.failures import FAILURES, failure_message
from ui.casework.widgets import error_label, save_cancel

RECIPIENT_COLUMNS = ("Department", "Letters from", "Name", "Office", "Salutation",
                     "Address (lines separated by ;)")  # fmt: skip
DEPARTMENT, REGISTER, NAME, OFFICE, SALUTATION, ADDRESS = range(len(RECIPIENT_COLUMNS))


def _days_box(value: str, high: int = MAX_REVISION_DAYS) -> QSpinBox:
    box = QSpinBox()
    box.setRange(1, high)
    box.setSuffix(" days")
    box.setValue(int(value))
    return box


class SettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None, services: CaseworkServices, edits: CaseworkEdits):
        super().__init__(parent)
        self.setWindowTitle("Casework settings (shared by the team)")
        self._edits, self._services = edits, services
        self.current = services.settings.get()
        self.days = _days_box(self.current.revision_days.value)
        self.chase_days = _days_box(self.current.chase_days.value)
        self.chair = QLineEdit(self.current.chair.value)
        self.signatory = QLineEdit(self.current.signatory.value)
        self.email = QLineEdit(self.current.email.value)
        self.phone = QLineEdit(self.current.phone.value)
        self.chair.setPlaceholderText("e.g. Jamie Stone MP: signs letters to Secretaries of State")
        self.signatory.setPlaceholderText("the clerk's name: signs letters to officials")
        self.recipients = RecipientsTable(services.settings.recipients())
        self.templates: dict[LetterKind, QPlainTextEdit] = {}
        self.tabs = QTabWidget()
        self.tabs.addTab(self._recipients_page(), "&Recipients")
        for kind in LetterKind:
            self.tabs.addTab(self._template_page(kind), kind.label)
        self.error = error_label()
        buttons = save_cancel(self, on_save=self.save)  # checks everything before accepting
        layout = QVBoxLayout(self)
        layout.addLayout(self._form())
        tabs_label = QLabel("Letter recipients and &templates:")
        tabs_label.setBuddy(self.tabs)
        layout.addWidget(tabs_label)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(860, 680)

    def _form(self) -> QFormLayout:
        form = QFormLayout()
        rows = (
            ("Revised responses &due after:", self.days),
            ("C&hasers give the department:", self.chase_days),
            ("The Chair (si&gns to Secretaries of State):", self.chair),
            ("The &clerk (signs to officials):", self.signatory),
            ("Committee &email:", self.email),
            ("Committee tele&phone:", self.phone),
        )
        for text, widget in rows:
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        return form

    def _recipients_page(self) -> QWidget:
        page = QWidget()
        add, remove = QPushButton("&Add recipient"), QPushButton("Remo&ve recipient")
        add.clicked.connect(lambda: self.recipients.add_row())
        remove.clicked.connect(self.recipients.remove_selected)
        help_text = QLabel(
            "Letters from the Chair go to the Secretary of State; chasers from the clerk go "
            "to officials. Name the department as the petitions site does, e.g. "
            "\u201cDepartment for Education\u201d. The salutation is the greeting, e.g. "
            "\u201cDear Secretary of State\u201d."
        )
        help_text.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.recipients, 1)
        layout.addLayout(buttons)
        layout.addWidget(help_text)
        return page

    def _template_page(self, kind: LetterKind) -> QWidget:
        page = QWidget()
        editor = QPlainTextEdit(self.current.templates[kind].value)
        editor.setAccessibleName(f"{kind.label} template")
        self.templates[kind] = editor
        names = ", ".join(f"${p}" for p in PLACEHOLDERS[kind])
        help_text = QLabel(
            f"From: {kind.register.label.lower()}. The greeting and sign-off come from the "
            f"recipient and the signatory. Placeholders: {names}. Write $$ for a dollar sign. "
            "A blank line starts a new paragraph."
        )
        help_text.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(editor, 1)
        layout.addWidget(help_text)
        return page

    def changes(self) -> list[tuple[SettingValue, str]]:
        c = self.current
        wanted = [
            (c.revision_days, str(self.days.value())),
            (c.chase_days, str(self.chase_days.value())),
            (c.chair, self.chair.text()),
            (c.signatory, self.signatory.text()),
            (c.email, self.email.text()),
            (c.phone, self.phone.text()),
            *((c.templates[k], e.toPlainText()) for k, e in self.templates.items()),
        ]
        return [(stored, value) for stored, value in wanted if value != stored.value]

    def save(self) -> None:
        """Check every change first, so a bad template or recipient saves nothing; then each
        changed setting is its own undoable edit, and the recipients are stored."""
        changes = self.changes()
        try:
            for stored, value in changes:
                validate_setting(stored.key, value)
            recipients = self.recipients.changes()
        except CaseworkError as exc:
            self.error.say(str(exc))
            return
        with self._edits.reporting_to(self.show_error):
            for done, (stored, value) in enumerate(changes):
                if not self._edits.update_setting(stored.key, stored.value, value, stored.version):
                    if done:
                        self.error.say(
                            f"{self.error.message()} The settings before it were saved "
                            "(Edit ▸ Undo takes them back)."
                        )
                        self._reread()
                    return
        if self._store_recipients(*recipients):
            self.accept()

    def _store_recipients(self, kept: list[Recipient], gone: list[Recipient]) -> bool:
        settings = self._services.settings
        try:
            for recipient in kept:
                settings.set_recipient(recipient)
            for recipient in gone:
                settings.remove_recipient(recipient.department, recipient.register,
                                          recipient.version)  # fmt: skip
        except REFUSALS as exc:
            self.error.say(f"The recipients were not all saved: {exc}")
        except FAILURES as exc:
            self.error.say(
                failure_message("The recipients were not all saved", exc, self._edits.location)
            )
        else:
            return True
        with suppress(*FAILURES):  # saving again then changes only what is left
            self.recipients.load(settings.recipients())
        return False

    def show_error(self, message: str, field: str | None = None) -> None:
        self.error.say(message)

    def _reread(self) -> None:
        """After a partial save, compare the form with what is stored now, so that saving
        again changes only what is left (with the versions those settings have now)."""
        with suppress(*FAILURES):  # if it cannot be read, the next save says why
            self.current = self._services.settings.get()


class RecipientsTable(QTableWidget):
    """The named recipients, one row each, edited in place."""

    def __init__(self, recipients: list[Recipient]) -> None:
        super().__init__(0, len(RECIPIENT_COLUMNS))
        self.setHorizontalHeaderLabels(RECIPIENT_COLUMNS)
        self.setAccessibleName("Named recipients of each department's letters")
        self.horizontalHeader().setStretchLastSection(True)
        self.stored: list[Recipient] = []
        self.load(recipients)

    def load(self, recipients: list[Recipient]) -> None:
        self.stored = list(recipients)
        self.setRowCount(0)
        for recipient in recipients:
            self.add_row(recipient)
        self.resizeColumnsToContents()

    def add_row(self, recipient: Recipient | None = None) -> int:
        row = self.rowCount()
        self.insertRow(row)
        r = recipient or Recipient("", Register.CHAIR, "", "", "")
        values = (r.department, "", r.name, r.office, r.salutation, r.address.replace("\n", "; "))
        for column, value in enumerate(values):
            self.setItem(row, column, QTableWidgetItem(value))
        box = QComboBox()
        box.setAccessibleName("Letters from")
        for register in Register:
            box.addItem(register.label, register)
        box.setCurrentIndex(box.findData(r.register))
        self.setCellWidget(row, REGISTER, box)
        if recipient is None:
            self.setCurrentCell(row, DEPARTMENT)
        return row

    def remove_selected(self) -> None:
        row = self.currentRow()
        if row >= 0:
            self.removeRow(row)

    def row_recipient(self, row: int) -> Recipient:
        def text(column: int) -> str:
            item = self.item(row, column)
            return item.text() if item is not None else ""

        box = self.cellWidget(row, REGISTER)
        # Qt hands the enum back as its string value.
        register = Register(box.currentData()) if isinstance(box, QComboBox) else Register.CHAIR
        address = "\n".join(p.strip() for p in text(ADDRESS).split(";") if p.strip())
        return Recipient(text(DEPARTMENT), register, text(NAME), text(OFFICE),
                         text(SALUTATION), address)  # fmt: skip

    def changes(self) -> tuple[list[Recipient], list[Recipient]]:
        """(to store, to remove), each checked; CaseworkError naming the row at fault."""
        stored = {(r.department.lower(), r.register): r for r in self.stored}
        kept: list[Recipient] = []
        for row in range(self.rowCount()):
            wanted = self.row_recipient(row)
            if not any((wanted.department, wanted.name, wanted.office, wanted.salutation)):
                continue  # a row added and left empty
            try:
                wanted = validate_recipient(wanted)
            except CaseworkError as exc:
                raise CaseworkError(f"Recipients, row {row + 1}: {exc}", exc.field) from None
            before = stored.pop((wanted.department.lower(), wanted.register), None)
            if before is None:
                kept.append(wanted)
            elif _differs(before, wanted):
                kept.append(replace(wanted, version=before.version))
        return kept, list(stored.values())


def _differs(a: Recipient, b: Recipient) -> bool:
    fields = ("department", "name", "office", "salutation", "address")
    return any(getattr(a, f) != getattr(b, f) for f in fields)
