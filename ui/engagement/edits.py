"""Every write the engagement window makes: on the application's one writer thread (the
window keeps painting, ``ui.casework.writer``), with a refusal or failure told in one line
where the clerk is looking, never in a box that stops the window."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, Signal

from caseworker.services.casework.common import CaseworkError, EditConflict, RecordNotFound
from ui.casework.failures import FAILURES, failure_message
from ui.casework.writer import CaseworkWriter
from ui.workers import JobRunner

T = TypeVar("T")
#: Hears a refusal or failure: the message, and the form field at fault (or None).
Listener = Callable[[str, str | None], None]
REFUSALS = (CaseworkError, EditConflict, RecordNotFound)


class EngagementEdits(QObject):
    #: Something was stored: lists and counts are read again.
    stored = Signal()
    #: A write was refused or failed: the message (for the window's banner).
    refused = Signal(str)

    def __init__(self, runner: JobRunner | None, location: str | None = None) -> None:
        super().__init__()
        self._writer = CaseworkWriter(runner)
        self._location = location
        self.last_error = ""

    @property
    def busy(self) -> bool:
        return self._writer.busy

    def run(self, what: str, step: Callable[[], T], listener: Listener | None = None) -> T | None:
        """``step()``'s result once stored; None when it was refused or failed (said to
        ``listener``, or as ``refused``). ``what`` names it: "The theme was not added"."""
        try:
            result = self._writer.run(step)
        except REFUSALS as exc:
            message, field = str(exc), getattr(exc, "field", None)
        except FAILURES as exc:
            message, field = failure_message(what, exc, self._location), None
        else:
            self.last_error = ""
            self.stored.emit()
            return result
        self.last_error = message
        if listener is not None:
            listener(message, field)
        else:
            self.refused.emit(message)
        return None
