"""One registry of the main window's actions: each has an id, its text, shortcut and tip.

Menus and the toolbar are built from ``MENUS`` and ``TOOLBAR`` (as Picard keys its actions by
an enum), so a shortcut is defined once and two actions cannot quietly share one. Parts of
the window that own their actions (casework, sync, the changes list) contribute them through
named places in ``MENUS``; ``clashing_shortcuts`` checks the whole window.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum, auto
from typing import Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar, QWidget


class ActionId(Enum):
    IMPORT_FILES = auto()
    IMPORT_FOLDER = auto()
    DEMO_DATA = auto()
    QUIT = auto()
    FIND = auto()
    REFRESH = auto()
    GO_QUEUES = auto()
    GO_PETITIONS = auto()
    GO_DETAILS = auto()
    DEBATE_CALENDAR = auto()
    NEW_DEBATE = auto()
    MEMBERS = auto()
    BRIEFING_PACK = auto()
    BRIEFING_RANGE = auto()
    ABOUT = auto()


@dataclass(frozen=True)
class ActionSpec:
    text: str  # a literal "&" is written "&&"; a single "&" marks the mnemonic
    shortcut: str | QKeySequence.StandardKey | None = None
    tip: str = ""


SPECS: dict[ActionId, ActionSpec] = {
    ActionId.IMPORT_FILES: ActionSpec(
        "&Import files…", "Ctrl+I", "Import JSON captures or .zip archives"
    ),
    ActionId.IMPORT_FOLDER: ActionSpec(
        "Import &folder…", "Ctrl+Shift+I", "Import every capture in a folder and its subfolders"
    ),
    ActionId.DEMO_DATA: ActionSpec("&Demo data…", None, "Fill the database with demo petitions"),
    ActionId.QUIT: ActionSpec("&Quit", QKeySequence.StandardKey.Quit, "Close the window"),
    ActionId.FIND: ActionSpec(
        "&Find…", QKeySequence.StandardKey.Find, "Search the petitions in this queue"
    ),
    ActionId.REFRESH: ActionSpec(
        "&Refresh", QKeySequence.StandardKey.Refresh, "Read the queues and the list again"
    ),
    ActionId.GO_QUEUES: ActionSpec("Go to &queues", "Ctrl+1", "Put the keyboard on the queues"),
    ActionId.GO_PETITIONS: ActionSpec(
        "Go to &petitions", "Ctrl+2", "Put the keyboard on the list of petitions"
    ),
    ActionId.GO_DETAILS: ActionSpec(
        "Go to petition &details", "Ctrl+3", "Put the keyboard on the petition's tabs"
    ),
    ActionId.DEBATE_CALENDAR: ActionSpec(
        "Debate &calendar…", "Ctrl+D", "The debate slots by week or month, and what is waiting"
    ),
    ActionId.NEW_DEBATE: ActionSpec(
        "&New debate…", None, "Record a debate of the selected petitions, in a free slot"
    ),
    ActionId.MEMBERS: ActionSpec("&Members…", None, "The Members the Committee works with"),
    ActionId.BRIEFING_PACK: ActionSpec(
        "&Briefing pack…", "Ctrl+B", "A PDF briefing for the selected petitions (debated together)"
    ),
    ActionId.BRIEFING_RANGE: ActionSpec(
        "Briefing packs for a &date range…",
        "Ctrl+Shift+B",
        "One PDF for each debate held or scheduled in a date range",
    ),
    ActionId.ABOUT: ActionSpec("&About", None, "The version, and the database in use"),
}

#: A menu's items: an action id, SEPARATOR, or a place others fill ("edit" and "casework"
#: by the casework controller, which fills both at once; the rest through ``contribute``).
SEPARATOR = "-"
MenuItem = ActionId | str
MENUS: tuple[tuple[str, tuple[MenuItem, ...]], ...] = (
    ("&File", (ActionId.IMPORT_FILES, ActionId.IMPORT_FOLDER, ActionId.DEMO_DATA, "sync",
               SEPARATOR, ActionId.QUIT)),
    ("&Edit", ("edit",)),
    ("&View", (ActionId.FIND, ActionId.REFRESH, SEPARATOR, ActionId.GO_QUEUES,
               ActionId.GO_PETITIONS, ActionId.GO_DETAILS, "changes")),
    ("&Casework", ("casework",)),
    ("&Debates", (ActionId.DEBATE_CALENDAR, ActionId.NEW_DEBATE, ActionId.MEMBERS, SEPARATOR,
                  ActionId.BRIEFING_PACK, ActionId.BRIEFING_RANGE)),
    ("&Help", (ActionId.ABOUT,)),
)  # fmt: skip
TOOLBAR = (ActionId.IMPORT_FILES, ActionId.REFRESH, ActionId.BRIEFING_PACK)


class ActionRegistry:
    """Creates the window's actions from ``SPECS`` and lays out its menus and toolbar."""

    def __init__(self, window: QMainWindow) -> None:
        self._window = window
        self.actions: dict[ActionId, QAction] = {}

    def create(self, slots: dict[ActionId, Callable[..., Any]]) -> None:
        for action_id, slot in slots.items():
            spec = SPECS[action_id]
            action = QAction(spec.text, self._window)
            if spec.shortcut is not None:
                action.setShortcut(QKeySequence(spec.shortcut))
                action.setToolTip(f"{_plain(spec.text)} ({action.shortcut().toString()})")
            action.setStatusTip(spec.tip)
            action.triggered.connect(slot)
            self._window.addAction(action)  # the shortcut works with the menu bar hidden too
            self.actions[action_id] = action

    def __getitem__(self, action_id: ActionId) -> QAction:
        return self.actions[action_id]

    def build_menus(self, contribute: dict[str, Callable[[QMenu], None]]) -> dict[str, QMenu]:
        """The menu bar in ``MENUS`` order; ``contribute[place](menu)`` fills a named place."""
        menus = {}
        for title, items in MENUS:
            menu = self._window.menuBar().addMenu(title)
            for item in items:
                if isinstance(item, ActionId):
                    if item in self.actions:
                        menu.addAction(self.actions[item])
                elif item == SEPARATOR:
                    menu.addSeparator()
                elif item in contribute:
                    contribute[item](menu)
            menus[title] = menu
        return menus

    def build_toolbar(self) -> QToolBar:
        toolbar = QToolBar("Toolbar", self._window)
        toolbar.setObjectName("main_toolbar")  # so the window's saved state finds it
        for action_id in TOOLBAR:
            toolbar.addAction(self.actions[action_id])
        self._window.addToolBar(toolbar)
        return toolbar


def _plain(text: str) -> str:
    """The label as shown: mnemonic marks gone, "&&" back to "&", no trailing ellipsis."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")


def window_actions(window: QWidget) -> list[QAction]:
    """Every action the window offers: its own, its menus' (and submenus'), its children's."""
    found: list[QAction] = []
    seen: set[int] = set()

    def add(actions: Iterable[QAction]) -> None:
        for action in actions:
            if id(action) in seen:
                continue
            seen.add(id(action))
            found.append(action)
            menu = action.menu()
            if isinstance(menu, QMenu):
                add(menu.actions())

    add(window.actions())
    add(window.findChildren(QAction))
    return found


def clashing_shortcuts(actions: Iterable[QAction]) -> dict[str, list[str]]:
    """Shortcuts held by more than one action, with the actions' texts."""
    holders: dict[str, list[str]] = {}
    for action in actions:
        for shortcut in action.shortcuts():
            if not shortcut.isEmpty():
                holders.setdefault(shortcut.toString(), []).append(action.text())
    return {key: texts for key, texts in holders.items() if len(texts) > 1}
