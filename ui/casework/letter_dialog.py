"""A letter to a department: edit it, keep it with the case, copy it for the mail client, or
save it as PDF, accessible HTML or text. The letters kept for the petition are listed and
can be reopened."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from caseworker.letters.compose import DRAFT_NOTICE, Letter, as_text
from caseworker.services.casework import CaseworkError, write_letter
from caseworker.services.casework.letters import KeptLetter, LetterService
from ui.casework.failures import failure_message
from ui.casework.widgets import error_label
from ui.paths import in_documents
from ui.workers import JobRunner

ChoosePath = Callable[[QWidget, str, str], Path | None]
FILE_KINDS = {".pdf": "PDF (*.pdf)", ".txt": "Plain text (*.txt)", ".html": "Web page (*.html)"}


class LetterDialog(QDialog):
    def __init__(
        self, parent: QWidget | None, letter: Letter, runner: JobRunner,
        choose_path: ChoosePath | None = None, *, letters: LetterService | None = None,
    ) -> None:  # fmt: skip
        """``letters`` keeps letters with the case and lists those kept; without it the
        dialog only writes files."""
        super().__init__(parent)
        self.letter = letter
        self._runner, self._letters = runner, letters
        self._choose_path = choose_path or _ask_for_path
        self.kept: list[KeptLetter] = []
        self.setWindowTitle(f"{letter.kind.label}: e-petition {letter.petition_id}")
        self.notice = error_label("What the letter still needs")
        self.to = QPlainTextEdit()
        self.to.setAccessibleName("Addressed to")
        self.to.setTabChangesFocus(True)
        self.to.textChanged.connect(self._show_notice)
        self.to.setFixedHeight(QFontMetrics(self.to.font()).lineSpacing() * 5 + 12)
        self.subject = QLineEdit()
        self.subject.setAccessibleName("Subject")
        self.body = QPlainTextEdit()
        self.body.setAccessibleName("Letter text")
        self.body.setTabChangesFocus(True)
        self.status = QLabel(
            "The wording comes from the team's template (Casework ▸ Casework settings…); "
            "edit it here for this letter before you keep or save it."
        )
        self.status.setWordWrap(True)
        self.kept_list = QListWidget()
        self.kept_list.setAccessibleName("Letters kept for this petition")
        self.kept_list.itemActivated.connect(lambda _item: self.reopen())
        self._build_layout()
        self.show_letter(letter)
        self.refresh_kept()
        self.resize(760, 720)

    def _build_layout(self) -> None:
        form = QFormLayout()
        for text, widget in (("&To:", self.to), ("S&ubject:", self.subject)):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        body_label = QLabel("Letter te&xt (from the greeting to the sign-off):")
        body_label.setBuddy(self.body)
        kept_label = QLabel("Letters &kept for this petition (double-click to reopen):")
        kept_label.setBuddy(self.kept_list)
        self.kept_list.setMaximumHeight(QFontMetrics(self.font()).lineSpacing() * 5 + 12)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addLayout(form)
        layout.addWidget(body_label)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.status)
        if self._letters is not None:
            layout.addWidget(kept_label)
            layout.addWidget(self.kept_list)
        layout.addLayout(self._buttons())

    def _buttons(self) -> QHBoxLayout:
        self.copy_button = QPushButton("&Copy text")
        self.keep_button = QPushButton("K&eep with the case")
        self.open_button = QPushButton("&Open kept letter")
        self.pdf_button = QPushButton("Save as &PDF…")
        self.text_button = QPushButton("Save as &text…")
        self.html_button = QPushButton("Save as &HTML…")
        self.html_button.setToolTip("The accessible edition: a web page screen readers read well")
        close = QPushButton("Close")
        self.copy_button.clicked.connect(self.copy_text)
        self.keep_button.clicked.connect(lambda: self.keep())
        self.open_button.clicked.connect(self.reopen)
        self.pdf_button.clicked.connect(lambda: self.save(".pdf"))
        self.text_button.clicked.connect(lambda: self.save(".txt"))
        self.html_button.clicked.connect(lambda: self.save(".html"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        shown = [self.copy_button, self.pdf_button, self.html_button, self.text_button]
        if self._letters is not None:
            shown[1:1] = [self.keep_button, self.open_button]
        for button in shown:
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        return buttons

    @property
    def preview(self) -> QPlainTextEdit:
        """The letter's text as the clerk edits it (the name the first tests used)."""
        return self.body

    def show_letter(self, letter: Letter) -> None:
        """Put ``letter`` in the editors; what it still needs is said above them."""
        self.letter = letter
        self.to.setPlainText(letter.to)
        self.subject.setText(letter.subject)
        self.body.setPlainText(letter.body)
        self._show_notice()

    def _show_notice(self) -> None:
        """Say above the editors what the letter, as edited, still needs."""
        letter = self.letter.addressed_to(self.to.toPlainText().strip())
        notes = [DRAFT_NOTICE + "."] if letter.draft else []
        if letter.missing:
            notes.append(letter.missing_notice)
        self.notice.say(" ".join(notes))

    def edited(self) -> Letter:
        """The letter as it stands in the editors."""
        addressed = self.letter.addressed_to(self.to.toPlainText().strip())
        subject = " ".join(self.subject.text().split())
        return replace(addressed, subject=subject, body=self.body.toPlainText())

    def copy_text(self) -> None:
        QGuiApplication.clipboard().setText(as_text(self.edited()))
        self.status.setText("Copied: paste it into an email to the department.")

    def default_name(self, suffix: str) -> str:
        reference = self.letter.reference.replace("/", "-")
        return f"{reference}{suffix}"

    # Keeping and reopening -------------------------------------------------------------------

    def keep(self, then: Callable[[], None] | None = None) -> None:
        """Keep the letter as edited with the case (in the background), then list it."""
        if self._letters is None:
            return
        letters, letter = self._letters, self.edited()
        self.status.setText("Keeping the letter with the case…")

        def kept(result: KeptLetter) -> None:
            self.status.setText(f"Kept with the case as letter {result.id}.")
            self.refresh_kept()
            if then is not None:
                then()

        self._runner.write(
            lambda progress, cancelled: letters.keep(letter),
            succeeded=kept,
            failed=lambda _kind, message: self.status.setText(
                f"The letter was not kept: {message}"
            ),
        )

    def refresh_kept(self) -> None:
        if self._letters is None:
            return
        letters, petition = self._letters, self.letter.petition_id
        self._runner.read(
            lambda progress, cancelled: letters.kept_letters(petition),
            succeeded=self._show_kept,
            failed=lambda _kind, message: self.status.setText(message),
        )

    def _show_kept(self, kept: list[KeptLetter]) -> None:
        self.kept = kept
        self.kept_list.clear()
        for letter in kept:
            item = QListWidgetItem(f"{letter.label} (kept by {letter.saved_by})")
            item.setData(Qt.ItemDataRole.UserRole, letter.id)
            self.kept_list.addItem(item)
        self.open_button.setEnabled(bool(kept))

    def reopen(self) -> None:
        """Show the selected kept letter in the editors, exactly as it was kept."""
        row = self.kept_list.currentRow()
        if not 0 <= row < len(self.kept):
            self.status.setText("Choose a kept letter in the list first.")
            return
        chosen = self.kept[row]
        self.show_letter(chosen.letter)
        self.status.setText(f"Reopened letter {chosen.id}, kept by {chosen.saved_by}.")

    # Files --------------------------------------------------------------------------------

    def save(self, suffix: str) -> None:
        """Write the letter as edited to a file, and keep it with the case."""
        path = self._choose_path(self, self.default_name(suffix), suffix)
        if path is None:
            return
        if path.suffix.lower() != suffix:
            path = path.with_suffix(suffix)
        letter = self.edited()
        self.status.setText(f"Writing {path.name}…")
        self._runner.read(
            lambda progress, cancelled: _write(letter, path),
            succeeded=lambda _result: self._saved(path),
            failed=lambda _kind, message: self.status.setText(message),
        )

    def _saved(self, path: Path) -> None:
        self.status.setText(f"Saved {path}")
        if self._letters is not None:
            self.keep(then=lambda: self.status.setText(f"Saved {path} and kept with the case."))


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
    """The save dialog starts in the clerk's Documents folder, never the program's."""
    chosen, _ = QFileDialog.getSaveFileName(
        parent, "Save the letter", in_documents(name), FILE_KINDS[suffix]
    )
    return Path(chosen) if chosen else None
