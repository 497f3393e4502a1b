"""Debate briefing packs in the window: the dialogs opened by Debates ▸ Briefing pack….

The actions and the menu are in the window's registry (ui/actions.py); this module needs only
a parent widget and a way to ask for the selected petitions, never the window itself.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from caseworker.services.briefing import BriefingService
from ui.briefing.batch import BatchDialog
from ui.briefing.dialog import BriefingDialog
from ui.context import AppContext


class BriefingActions:
    """Opens the dialogs for the current selection; kept by the window."""

    def __init__(
        self, parent: QWidget, context: AppContext, selected_ids: Callable[[], list[int]]
    ) -> None:
        self._parent = parent
        self._selected_ids = selected_ids
        self._runner = context.runner
        self._debates = context.debates.debates
        self.service = BriefingService(context.database)
        self.dialog: BriefingDialog | None = None
        self.batch: BatchDialog | None = None

    def open_pack(self) -> BriefingDialog | None:
        ids = self._selected_ids()
        if not ids:
            QMessageBox.information(
                self._parent, "Briefing pack", "Choose one or more petitions in the list first."
            )
            return None
        self.dialog = BriefingDialog(self._parent, self.service, self._runner, ids)
        self.dialog.show()
        return self.dialog

    def open_for_debate(self, debate_id: int) -> BriefingDialog:
        """The briefing dialog for the Committee's record of a debate (the calendar's and the
        debate window's entry)."""
        self.dialog = BriefingDialog(
            self._parent, self.service, self._runner, [], debate_id=debate_id,
            debates=self._debates,
        )  # fmt: skip
        self.dialog.show()
        return self.dialog

    def open_batch(self) -> BatchDialog:
        self.batch = BatchDialog(self._parent, self.service, self._runner)
        self.batch.show()
        return self.batch
