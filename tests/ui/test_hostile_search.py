"""The window's search box goes through the same service as ``list --search``: hostile text
is searched for, never an error in the status bar."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.conftest import wait_loaded
from ui.main_window import MainWindow


def search(qtbot: QtBot, window: MainWindow, typed: str) -> str:
    window.filters.search.setText(typed)
    window.filters.search.returnPressed.emit()
    qtbot.waitUntil(lambda: window.model.query.search == (typed.strip() or None), timeout=15_000)
    wait_loaded(qtbot, window)
    assert not window.statusBar().currentMessage().startswith("Could not load")
    return window.summary.text()


@pytest.mark.parametrize("typed", ["²", "snake_case", '"unbalanced NEAR(', "title:x", "\x00"])
def test_hostile_text_finds_nothing_quietly(qtbot: QtBot, window: MainWindow, typed: str) -> None:
    assert search(qtbot, window, typed).startswith("No petitions in")


@pytest.mark.parametrize("typed", ["schools_", "(schools)", "SCHOOLS*", "schools " * 2_000])
def test_words_in_hostile_text_find_as_the_word_alone(
    qtbot: QtBot, window: MainWindow, typed: str
) -> None:
    plain = search(qtbot, window, "schools")
    assert not plain.startswith("No petitions")
    assert search(qtbot, window, typed) == plain
