"""The team's casework settings: the default due period, who signs, the letter templates."""

from __future__ import annotations

from contextlib import suppress

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
from ui.casework.failures import FAILURES
from ui.casework.widgets import error_label, save_cancel


class SettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None, services: CaseworkServices, edits: CaseworkEdits):
        super().__init__(parent)
        self.setWindowTitle("Casework settings (shared by the team)")
        self._edits, self._services = edits, services
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
        self.error = error_label()
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
        self.accept()

    def show_error(self, message: str, field: str | None = None) -> None:
        self.error.say(message)

    def _reread(self) -> None:
        """After a partial save, compare the form with what is stored now, so that saving
        again changes only what is left (with the versions those settings have now)."""
        with suppress(*FAILURES):  # if it cannot be read, the next save says why
            self.current = self._services.settings.get()
