"""Debate briefing packs in the window: the Debates menu and its dialogs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox

from caseworker.services.briefing import BriefingService
from ui.briefing.batch import BatchDialog
from ui.briefing.dialog import BriefingDialog
from ui.context import AppContext

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class BriefingActions:
    """Opens the dialogs for the window's selection; kept by the window."""

    def __init__(self, window: MainWindow, context: AppContext) -> None:
        self._window = window
        self._runner = context.runner
        self.service = BriefingService(context.database)
        self.dialog: BriefingDialog | None = None
        self.batch: BatchDialog | None = None

    def open_pack(self) -> BriefingDialog | None:
        ids = self._window.selected_petition_ids()
        if not ids:
            QMessageBox.information(
                self._window, "Briefing pack", "Choose one or more petitions in the list first."
            )
            return None
        self.dialog = BriefingDialog(self._window, self.service, self._runner, ids)
        self.dialog.show()
        return self.dialog

    def open_batch(self) -> BatchDialog:
        self.batch = BatchDialog(self._window, self.service, self._runner)
        self.batch.show()
        return self.batch


def install_briefing_actions(window: MainWindow, context: AppContext) -> BriefingActions:
    """Add the Debates menu: Briefing pack… (Ctrl+B) and Briefing packs for a date range…"""
    actions = BriefingActions(window, context)
    menu = QMenu("&Debates", window)
    bar = window.menuBar()
    # Before Help, which stays last by convention.
    help_menu = next((a for a in bar.actions() if a.text() == "&Help"), None)
    if help_menu is not None:
        bar.insertMenu(help_menu, menu)
    else:
        bar.addMenu(menu)
    pack = QAction("&Briefing pack…", window)
    pack.setShortcut("Ctrl+B")
    pack.setStatusTip("A PDF briefing for the selected petitions (debated together)")
    pack.triggered.connect(actions.open_pack)
    batch = QAction("Briefing packs for a &date range…", window)
    batch.setStatusTip("One PDF for each debate held or scheduled in a date range")
    batch.triggered.connect(actions.open_batch)
    for action in (pack, batch):
        window.addAction(action)
        menu.addAction(action)
    return actions
