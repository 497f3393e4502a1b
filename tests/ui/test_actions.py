"""One registry of actions: every button in a menu with a shortcut, no shortcut twice."""

from __future__ import annotations

import re

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from ui.actions import MENUS, SPECS, ActionId, clashing_shortcuts, window_actions
from ui.main_window import MainWindow


def words(text: str) -> set[str]:
    plain = text.replace("&&", " and ").replace("&", "")
    return set(re.findall(r"[a-z]+", plain.lower()))


def menu_actions(window: MainWindow) -> list[QAction]:
    found = []
    for top in window.menuBar().actions():
        found.extend(a for a in window_actions(top.menu()) if not a.isSeparator())
    return found


def test_no_two_actions_share_a_shortcut(window: MainWindow) -> None:
    assert clashing_shortcuts(window_actions(window)) == {}


def test_the_clash_check_sees_a_clash(qtbot: QtBot) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    for text in ("&Briefing pack…", "&Bold"):
        action = QAction(text, holder)
        action.setShortcut("Ctrl+B")
        holder.addAction(action)
    assert clashing_shortcuts(window_actions(holder)) == {"Ctrl+B": ["&Briefing pack…", "&Bold"]}


def test_menus_are_built_from_the_registry(window: MainWindow) -> None:
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == [title for title, _items in MENUS]
    shown = {a.text() for a in menu_actions(window)}
    assert {SPECS[i].text for i in ActionId} <= shown
    assert window.menuBar().actions()[-1].text() == "&Help"  # Help stays last


def test_every_review_button_has_a_menu_entry_with_a_shortcut(window: MainWindow) -> None:
    review = window.casework.review
    buttons = [review.save_button, *review.buttons.values()]
    entries = [(words(a.text()), a) for a in menu_actions(window) if not a.shortcut().isEmpty()]
    missing = [
        b.text() for b in buttons if not any(words(b.text()) <= said for said, _a in entries)
    ]
    assert missing == []


def test_a_literal_ampersand_is_shown_as_one(qtbot: QtBot, window: MainWindow) -> None:
    # A label shows its "&" unless it has a buddy to take the mnemonic: "F&older:" was shown.
    batch = window.briefing.open_batch()
    QApplication.processEvents()
    for root in (window, batch):
        wrong = [
            label.text()
            for label in root.findChildren(QLabel)
            if re.search(r"(?<!&)&(?!&)\w", label.text())
            and label.textFormat() != label.textFormat().RichText
            and label.buddy() is None
            and "<" not in label.text()
        ]
        assert wrong == []
    batch.close()
