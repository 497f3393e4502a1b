"""The letter dialog and the letter settings, driven offscreen on a real SQLite file: edit a
letter, keep it, see it listed, reopen it, save it; name recipients and signatories."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QFileDialog, QLabel
from pytestqt.qtbot import QtBot

from caseworker.formatting import long_date
from caseworker.letters.templates import Register
from caseworker.services.casework import CaseworkServices
from caseworker.storage.engine import Database, open_database
from tests.ui.test_casework_window import when_modal
from tests.unit.casework.story import PID, import_original
from ui.casework import letter_dialog
from ui.casework.edits import CaseworkEdits
from ui.casework.letter_dialog import LetterDialog
from ui.casework.settings_dialog import SettingsDialog
from ui.context import AppContext
from ui.paths import documents_folder


@pytest.fixture
def populated_db(sqlite_url: str, tmp_path: Path) -> Iterator[Database]:
    """The shared ``context`` fixture opens this database: petition 724432, answered."""
    db = open_database(sqlite_url)
    import_original(db, tmp_path)
    yield db
    db.dispose()


def open_dialog(qtbot: QtBot, context: AppContext, target: Path | None = None) -> LetterDialog:
    services = context.casework
    request = services.requests.create(PID, "Not answered.")
    letter = services.letters.request_letter(request.id)
    dialog = LetterDialog(None, letter, context.runner, lambda *_: target,
                          letters=services.letters)  # fmt: skip
    qtbot.addWidget(dialog)
    return dialog


def test_an_edited_letter_is_kept_listed_reopened_and_saved(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    target = tmp_path / "letter.pdf"
    dialog = open_dialog(qtbot, context, target)
    assert not dialog.body.isReadOnly()
    assert dialog.notice.text().startswith("Not ready to send: no Secretary of State is named")
    qtbot.waitUntil(lambda: dialog.kept_list.count() == 0 and not context.runner.busy)
    original = dialog.body.toPlainText()
    dialog.body.setPlainText(original.replace("I am writing", "I write, after the meeting,"))
    dialog.keep_button.click()
    qtbot.waitUntil(lambda: dialog.kept_list.count() == 1, timeout=30_000)
    assert dialog.status.text() == "Kept with the case as letter 1."
    dated = long_date(dialog.letter.dated)  # today: the window's clock is the real one
    assert dialog.kept_list.item(0).text().startswith(f"{dated}: Request for a revised")

    dialog.body.setPlainText("Something else entirely.")
    dialog.kept_list.setCurrentRow(0)
    dialog.open_button.click()
    assert dialog.body.toPlainText().startswith("Dear Secretary of State,\n\nI write, after")

    dialog.save(".pdf")
    qtbot.waitUntil(lambda: dialog.kept_list.count() == 2, timeout=30_000)
    qtbot.waitUntil(lambda: dialog.status.text().endswith("and kept with the case."))
    printed = " ".join(PdfReader(target).pages[0].extract_text().split())
    assert "I write, after the meeting, on behalf of the Petitions Committee" in printed
    kept = context.casework.letters.kept_letters(PID)
    assert [k.letter.body.count("I write, after the meeting") for k in kept] == [1, 1]


def test_the_accessible_html_edition_is_saved_from_the_dialog(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    target = tmp_path / "chosen"  # the suffix is added
    dialog = open_dialog(qtbot, context, target)
    dialog.html_button.click()
    qtbot.waitUntil(
        lambda: dialog.status.text().endswith("and kept with the case."), timeout=30_000
    )
    page = target.with_suffix(".html").read_text(encoding="utf-8")
    assert '<html lang="en-GB">' in page and "Dear Secretary of State," in page


def test_the_save_dialog_starts_in_the_documents_folder(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[Any] = []

    def ask(parent: object, caption: str, start: str, kinds: str) -> tuple[str, str]:
        asked.append((start, kinds))
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    dialog = open_dialog(qtbot, context)
    assert letter_dialog._ask_for_path(dialog, "PC-724432-1R.pdf", ".pdf") is None
    ((start, kinds),) = asked
    assert start == str(Path(documents_folder()) / "PC-724432-1R.pdf")
    assert kinds == "PDF (*.pdf)"


def test_recipients_and_signatories_set_in_the_settings_dialog_reach_the_letter(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    services: CaseworkServices = context.casework
    edits = CaseworkEdits(services, _stack(), "test database", context.runner)
    dialog = SettingsDialog(None, services, edits)
    qtbot.addWidget(dialog)
    labels = [w for w in dialog.findChildren(QLabel) if "&" in w.text()]
    assert labels and all(w.buddy() is not None for w in labels), "no literal & shown"
    dialog.chair.setText("Jamie Stone MP")
    dialog.email.setText("petitionscommittee@example.org")
    row = dialog.recipients.add_row()
    values = {0: "department for education", 2: "Rt Hon A Minister MP",
              3: "Secretary of State for Education", 4: "Secretary of State"}  # fmt: skip
    for column, value in values.items():
        dialog.recipients.item(row, column).setText(value)
    dialog.save()
    assert dialog.error.text() == ""
    (kept,) = services.settings.recipients()
    assert (kept.department, kept.register) == ("Department for Education", Register.CHAIR)
    letter = services.letters.request_letter(services.requests.create(PID, "No.").id)
    assert letter.missing == ()
    assert letter.to.startswith("Rt Hon A Minister MP\nSecretary of State for Education")
    assert letter.signature_lines == ["Jamie Stone MP", "Chair of the Petitions Committee"]


def test_an_incomplete_recipient_row_saves_nothing_and_says_which_row(
    qtbot: QtBot, context: AppContext
) -> None:
    services: CaseworkServices = context.casework
    dialog = SettingsDialog(None, services, CaseworkEdits(services, _stack()))
    qtbot.addWidget(dialog)
    dialog.chair.setText("Jamie Stone MP")
    row = dialog.recipients.add_row()
    dialog.recipients.item(row, 0).setText("Home Office")
    dialog.save()
    assert dialog.error.text() == "Recipients, row 1: name: the recipient's name cannot be empty"
    assert services.settings.get().chair.value == ""  # checked before anything was saved
    assert services.settings.recipients() == []


def _stack() -> Any:
    from PySide6.QtGui import QUndoStack

    return QUndoStack()


def test_an_addressee_typed_for_this_letter_answers_the_missing_recipient(
    qtbot: QtBot, context: AppContext
) -> None:
    dialog = open_dialog(qtbot, context)
    assert "no Secretary of State is named" in dialog.notice.text()
    dialog.to.setPlainText("Rt Hon A Minister MP\nSecretary of State for Education")
    assert "no Secretary of State is named" not in dialog.notice.text()
    assert "the Chair's name is not set" in dialog.notice.text()  # still said
    assert not any("is named for" in note for note in dialog.edited().missing)
    dialog.to.setPlainText(dialog.letter.to)  # back as generated: the note again
    assert "no Secretary of State is named" in dialog.notice.text()


def test_the_window_opens_letters_that_are_kept_with_the_case(
    qtbot: QtBot, window: Any, context: AppContext
) -> None:
    request = context.casework.requests.create(PID, "Not answered.")
    seen: list[LetterDialog] = []

    def look(dialog: Any) -> None:
        seen.append(dialog)
        dialog.keep_button.click()
        qtbot.waitUntil(lambda: dialog.kept_list.count() == 1, timeout=30_000)
        dialog.reject()

    when_modal(look)
    window.casework.request_letter(request)
    assert isinstance(seen[0], LetterDialog)
    assert [k.id for k in context.casework.letters.kept_letters(PID)] == [1]
