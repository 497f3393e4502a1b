"""The material editor: a debate's list for its pack, by kind, with Add, Edit, Remove, Move
and Suggest… (found off the window's thread, ticked, then added)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from caseworker.storage.engine import Database
from tests.ui.conftest import make_context
from tests.unit.debates.pack_story import EARLIER_TRANSCRIPT, LETTER, import_pack_story
from tests.unit.debates.story import SEND, TRAINING
from ui.context import AppContext
from ui.debates.material_editor import MaterialEditor, MaterialForm
from ui.settings import WindowSettings


@pytest.fixture
def debate_context(empty_db: Database, settings: WindowSettings, tmp_path: Path) -> AppContext:
    import_pack_story(empty_db, tmp_path)
    return make_context(empty_db, settings)


@pytest.fixture
def editor(qtbot: QtBot, debate_context: AppContext) -> MaterialEditor:
    debate = debate_context.debates.debates.schedule([TRAINING, SEND], day=date(2025, 7, 14))
    widget = MaterialEditor(debate_context, debate.id)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    return widget


def column(editor: MaterialEditor, n: int) -> list[str]:
    cells = [editor.table.item(r, n) for r in range(editor.table.rowCount())]
    return [cell.text() if cell is not None else "" for cell in cells]


def test_items_by_kind_with_moves_and_removal(editor: MaterialEditor) -> None:
    assert editor.table.rowCount() == 0 and "Nothing listed yet" in editor.message.text()
    assert not editor.edit_button.isEnabled()
    for kind, title in (("press", "A press story"), ("written_question", "PQ one"),
                        ("written_question", "PQ two")):  # fmt: skip
        values = {"kind": kind, "title": title, "published_on": "2 May 2025", "link": "",
                  "note": ""}  # fmt: skip
        assert editor.add_item(values, lambda m, f: pytest.fail(m)) is not None
    assert column(editor, 0) == ["Written questions", "Written questions", "Press"]
    assert column(editor, 1) == ["2 May 2025"] * 3
    # The item just added is chosen; move "PQ two" above "PQ one".
    editor.table.selectRow(1)
    assert editor.current() is not None and editor.current().title == "PQ two"  # type: ignore[union-attr]
    editor.up_button.click()
    assert column(editor, 2) == ["PQ two", "PQ one", "A press story"]
    assert editor.current().title == "PQ two"  # type: ignore[union-attr]
    editor.remove_button.click()
    assert column(editor, 2) == ["PQ one", "A press story"]
    assert "2 items" in editor.message.text()


def test_a_refusal_is_shown_under_its_field_and_the_form_keeps_the_text(
    editor: MaterialEditor,
) -> None:
    form = MaterialForm(editor)
    form.title.setText("A story")
    form.link.setText("example.org/story")
    assert editor.add_item(form.values(), form.show_error) is None
    assert "https://" in form.field_errors["link"].text()
    assert form.link.text() == "example.org/story" and editor.table.rowCount() == 0
    form.link.setText("https://example.org/story")
    form.published_on.setText("31/02/2025")
    assert editor.add_item(form.values(), form.show_error) is None
    assert form.field_errors["link"].text() == ""
    assert "calendar" in form.field_errors["published_on"].text()


def test_add_through_the_form(qtbot: QtBot, editor: MaterialEditor) -> None:
    def fill() -> None:
        form = editor.findChild(MaterialForm)
        assert form is not None
        form.kind.setCurrentIndex(form.kind.findData("statement"))
        form.title.setText("Written statement on training")
        form.accept()

    QTimer.singleShot(0, fill)
    made = editor.add()
    assert made is not None and made.kind == "statement"
    assert column(editor, 0) == ["Statements"]


def test_suggestions_are_ticked_then_added(qtbot: QtBot, editor: MaterialEditor) -> None:
    editor.suggest_button.click()
    qtbot.waitUntil(lambda: editor.suggestions is not None, timeout=30_000)
    dialog = editor.suggestions
    assert dialog is not None
    links = [item.link for item in dialog.found]
    assert LETTER in links and EARLIER_TRANSCRIPT in links
    dialog.set_ticked(links.index(LETTER))
    dialog.grab().save("/tmp/material-suggestions.png")
    dialog.add_button.click()
    qtbot.waitUntil(lambda: editor.table.rowCount() == 1, timeout=30_000)
    assert [i.link for i in editor.items] == [LETTER]
    assert column(editor, 0) == ["Committee reports and correspondence"]
    editor.grab().save("/tmp/material-editor.png")
