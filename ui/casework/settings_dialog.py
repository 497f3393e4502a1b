"""The team's casework settings: the default due period, who signs, the letter templates."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from caseworker.letters.templates import PLACEHOLDERS, LetterKind
from caseworker.services.casework import CaseworkError, CaseworkServices
from caseworker.services.casework.settings import (
    MAX_REVISION_DAYS,
    SettingValue,
    validate_setting,
)
from ui.casework.edits import CaseworkEdits
from ui.casework.widgets import save_cancel


class SettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None, services: CaseworkServices, edits: CaseworkEdits):
        super().__init__(parent)
        self.setWindowTitle("Casework settings (shared by the team)")
        self._edits = edits
        self.current = services.settings.get()
        self.days = QSpinBox()
        self.days.setRange(1, MAX_REVISION_DAYS)
        self.days.setSuffix(" days")
        self.days.setValue(int(self.current.revision_days.value))
        self.signatory = QLineEdit(self.current.signatory.value)
        self.templates: dict[LetterKind, QPlainTextEdit] = {}
        tabs = QTabWidget()
        for kind in LetterKind:
            tabs.addTab(self._template_page(kind), kind.label)
        form = QFormLayout()
        form.addRow("Revised responses due after:", self.days)
        form.addRow("Letters &signed by:", self.signatory)
        self.error = QLabel()
        self.error.setWordWrap(True)
        buttons = save_cancel(self, on_save=self.save)  # checks everything before accepting
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel("Letter &templates:"))
        layout.addWidget(tabs, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(760, 620)

    def _template_page(self, kind: LetterKind) -> QWidget:
        page = QWidget()
        editor = QPlainTextEdit(self.current.templates[kind].value)
        editor.setAccessibleName(f"{kind.label} template")
        self.templates[kind] = editor
        names = ", ".join(f"${p}" for p in PLACEHOLDERS[kind])
        help_text = QLabel(f"Placeholders: {names}. Write $$ for a dollar sign. A blank line "
                           "starts a new paragraph.")  # fmt: skip
        help_text.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(editor, 1)
        layout.addWidget(help_text)
        return page

    def changes(self) -> list[tuple[SettingValue, str]]:
        wanted = [
            (self.current.revision_days, str(self.days.value())),
            (self.current.signatory, self.signatory.text()),
            *((self.current.templates[k], e.toPlainText()) for k, e in self.templates.items()),
        ]
        return [(stored, value) for stored, value in wanted if value != stored.value]

    def save(self) -> None:
        """Check every change first, so a bad template saves nothing; then each changed
        setting is its own undoable edit."""
        changes = self.changes()
        for stored, value in changes:
            try:
                validate_setting(stored.key, value)
            except CaseworkError as exc:
                self.error.setText(str(exc))
                return
        for stored, value in changes:
            if not self._edits.update_setting(stored.key, stored.value, value, stored.version):
                self.error.setText("Not all settings were saved; see the message.")
                return
        self.accept()
