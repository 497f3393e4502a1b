"""File ▸ Sync settings…: who the site may contact about this client, and how fast to ask."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.settings import DEFAULT_SYNC_RATE, MAX_CONTACT, WindowSettings, contact_problem

#: The window offers up to this; the command line's --rate may go higher for a mirror.
MAX_WINDOW_RATE = 10.0


class SyncSettingsDialog(QDialog):
    def __init__(self, settings: WindowSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.setWindowTitle("Sync settings")
        self.contact = QLineEdit(settings.sync_contact or "")
        self.contact.setMaxLength(MAX_CONTACT)
        self.contact.setPlaceholderText("petitions.committee@parliament.uk")
        self.contact.setAccessibleName("Contact")
        self.rate = QDoubleSpinBox()
        self.rate.setRange(0.5, MAX_WINDOW_RATE)
        self.rate.setSingleStep(0.5)
        self.rate.setDecimals(1)
        self.rate.setSuffix(" a second")
        self.rate.setValue(min(settings.sync_rate, MAX_WINDOW_RATE))
        self.rate.setAccessibleName("Requests a second at most")
        self.problem = QLabel()
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        form = QFormLayout()
        form.addRow("&Contact:", self.contact)
        form.addRow(_note("Sent to petition.parliament.uk with each request, so that the site's "
                          "team can reach you rather than block the address."))  # fmt: skip
        form.addRow("&Requests at most:", self.rate)
        form.addRow(_note(f"The site blocks clients that ask too fast; "
                          f"{DEFAULT_SYNC_RATE:g} a second is the default."))  # fmt: skip
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        # Wide enough that the notes wrap to two lines rather than being cut.
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("0") * 64)

    def accept(self) -> None:
        contact = " ".join(self.contact.text().split())
        problem = contact_problem(contact)
        if problem is not None:
            self.problem.setText(problem[:1].upper() + problem[1:] + ".")
            self.contact.setFocus()
            return
        self._settings.sync_contact = contact or None
        self._settings.sync_rate = self.rate.value()
        super().accept()


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label
