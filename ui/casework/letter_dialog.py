"""A letter to a department: read it, copy it for the mail client, or save it as PDF or text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from caseworker.letters.compose import Letter, as_text
from caseworker.services.casework import CaseworkError, write_letter
from ui.casework.failures import failure_message
from ui.workers import JobRunner


class LetterDialog(QDialog):
    def __init__(
        self, parent: QWidget | None, letter: Letter, runner: JobRunner,
        choose_path: Callable[[QWidget, str, str], Path | None] | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.letter = letter
        self._runner = runner
        self._choose_path = choose_path or _ask_for_path
        self.setWindowTitle(f"{letter.kind.label}: e-petition {letter.petition_id}")
        self.preview = QPlainTextEdit(as_text(letter))
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName("Letter text")
        self.preview.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.status = QLabel(
            "The wording comes from the team's template (Casework ▸ Casework settings…); "
            "the reasons and dates come from the request."
        )
        self.status.setWordWrap(True)
        self.copy_button = QPushButton("&Copy text")
        self.pdf_button = QPushButton("Save as &PDF…")
        self.text_button = QPushButton("Save as &text…")
        close = QPushButton("Close")
        self.copy_button.clicked.connect(self.copy_text)
        self.pdf_button.clicked.connect(lambda: self.save(".pdf"))
        self.text_button.clicked.connect(lambda: self.save(".txt"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for b in (self.copy_button, self.pdf_button, self.text_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.resize(720, 640)

    def copy_text(self) -> None:
        QGuiApplication.clipboard().setText(as_text(self.letter))
        self.status.setText("Copied: paste it into an email to the department.")

    def default_name(self, suffix: str) -> str:
        reference = self.letter.reference.replace("/", "-")
        return f"{reference}{suffix}"

    def save(self, suffix: str) -> None:
        path = self._choose_path(self, self.default_name(suffix), suffix)
        if path is None:
            return
        if path.suffix.lower() != suffix:
            path = path.with_suffix(suffix)
        letter = self.letter
        self.status.setText(f"Writing {path.name}…")
        self._runner.read(
            lambda progress, cancelled: _write(letter, path),
            succeeded=lambda _result: self.status.setText(f"Saved {path}"),
            failed=lambda _kind, message: self.status.setText(message),
        )


class LetterNotSaved(RuntimeError):
    """The letter's file could not be written; the message says why in plain English."""


def _write(letter: Letter, path: Path) -> None:
    """Runs in the background: the job reports only a message, so it is made plain here."""
    try:
        write_letter(letter, path)
    except CaseworkError as exc:
        raise LetterNotSaved(f"The letter was not saved: {exc}") from exc
    except OSError as exc:
        raise LetterNotSaved(failure_message("The letter was not saved", exc, str(path))) from exc


def _ask_for_path(parent: QWidget, name: str, suffix: str) -> Path | None:
    kind = "PDF (*.pdf)" if suffix == ".pdf" else "Plain text (*.txt)"
    chosen, _ = QFileDialog.getSaveFileName(parent, "Save the letter", name, kind)
    return Path(chosen) if chosen else None
