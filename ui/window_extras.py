"""What every main window gains beyond its own menus (File ▸ Settings…, Back up…, Restore…),
and a new window on another database with the same.

Settings and backups both replace the window with one on another database (after a restore,
or a change of database); each registers its actions here when imported, so neither module
imports the other.
"""

from __future__ import annotations

from collections.abc import Callable

from ui.context import AppContext
from ui.main_window import MainWindow

Attach = Callable[[MainWindow, AppContext], object]
#: (order in the File menu, attach), the lower first.
_EXTRAS: dict[str, tuple[int, Attach]] = {}


def register(name: str, order: int, attach: Attach) -> None:
    _EXTRAS[name] = (order, attach)


def attach_extras(window: MainWindow, context: AppContext) -> None:
    for _order, attach in sorted(_EXTRAS.values(), key=lambda extra: extra[0]):
        attach(window, context)


def window_on(context: AppContext) -> MainWindow:
    """A main window on ``context`` with every registered extra (not yet shown)."""
    window = MainWindow(context)
    attach_extras(window, context)
    return window
