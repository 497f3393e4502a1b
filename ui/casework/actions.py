"""Every casework button as a QAction with a shortcut, for the main window's menus.

The actions press the Review tab's own buttons, so a menu entry does exactly what the button
does and is enabled exactly when the button is (a request that can be chased, say).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QPushButton

from ui.casework.review_tab import ReviewTab

#: The Review tab's buttons: key, menu text and shortcut.
BUTTON_ACTIONS = (
    ("save_review", "&Save review", "Ctrl+S"),
    ("new", "&New request for a revised response…", "Ctrl+Shift+N"),
    ("edit", "&Edit request…", "Ctrl+Shift+E"),
    ("send", "Mark request s&ent", "Ctrl+Shift+T"),
    ("chase", "C&hase request…", "Ctrl+Shift+H"),
    ("accept", "&Accept the revised response", "Ctrl+Shift+A"),
    ("withdraw", "&Withdraw request…", "Ctrl+Shift+W"),
    ("letter", "Request &letter…", "Ctrl+L"),
)


def button_actions(parent: QObject, tab: ReviewTab) -> dict[str, QAction]:
    """One action per button of the Review tab, kept enabled as the button is."""
    buttons = {"save_review": tab.save_button, **tab.buttons}
    actions = {}
    for key, text, shortcut in BUTTON_ACTIONS:
        button = buttons[key]
        action = QAction(text, parent)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(button.click)
        actions[key] = action
    tab.buttons_changed.connect(lambda: _mirror(actions, buttons))
    _mirror(actions, buttons)
    return actions


def _mirror(actions: dict[str, QAction], buttons: dict[str, QPushButton]) -> None:
    for key, action in actions.items():
        # isEnabled is false too while the tab itself is disabled (no petition chosen).
        action.setEnabled(buttons[key].isEnabled())


def action(parent: QObject, text: str, slot: Callable[[], object], shortcut: str = "") -> QAction:
    made = QAction(text, parent)
    if shortcut:
        made.setShortcut(QKeySequence(shortcut))
    made.triggered.connect(slot)
    return made
