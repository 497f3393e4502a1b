"""The main window's Debates menu: one Debates window, sharing the main window's undo stack."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMainWindow

from ui.context import AppContext
from ui.debates.debates_window import DebatesWindow


class DebatesLauncher(QObject):
    """Opens (or raises) the Debates window; ``petition_chosen`` there shows the petition."""

    def __init__(
        self, window: QMainWindow, context: AppContext, stack: QUndoStack,
        show_petition: Callable[[int], None], selected: Callable[[], list[int]],
        open_pack: Callable[[int], object] | None = None,
    ) -> None:  # fmt: skip
        super().__init__(window)
        self._window, self._context, self._stack = window, context, stack
        self._show_petition, self._selected = show_petition, selected
        self._open_pack = open_pack
        self.debates_window: DebatesWindow | None = None

    def open_calendar(self) -> DebatesWindow:
        if self.debates_window is None:
            self.debates_window = DebatesWindow(self._context, self._stack, self._window)
            self.debates_window.petition_chosen.connect(self._show_petition)
            self.debates_window.open_pack = self._open_pack
        self.debates_window.show()
        self.debates_window.raise_()
        self.debates_window.activateWindow()
        return self.debates_window

    def new_debate(self) -> None:
        """A new debate of the petitions selected in the main list (the clerk may change them)."""
        ids = [pid for pid in self._selected()][:10]
        self.open_calendar().new_debate(petition_ids=ids)

    def open_members(self) -> None:
        self.open_calendar().open_members()
