"""Casework writes run on the application's one writer thread, never on the window's.

An edit, undo or redo must know whether its write was stored before it pushes (or keeps)
its ``QUndoCommand``, and the dialogs stay open with the clerk's text when a save is
refused. So the caller waits for the write's outcome, but in a local event loop: the window
keeps painting and its timers and background reads keep running while the database is
busy (an import writing, a colleague's lock). Keystrokes and clicks made meanwhile are held
back (``ExcludeUserInputEvents``) and delivered when the write is over, so a second edit
cannot start inside the first and the undo list keeps the order the clerk made them in.
The writer pool has one thread, so writes are stored in that order too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtWidgets import QApplication

from ui.workers import JobRunner

T = TypeVar("T")


@dataclass
class _Outcome:
    value: Any = None
    error: BaseException | None = None
    done: bool = False


class CaseworkWriter:
    """``run(step)`` stores on the writer thread and returns its result or raises its error."""

    def __init__(self, runner: JobRunner | None) -> None:
        # Without a runner (a test of the services' wiring alone) writes run in place.
        self._runner = runner
        self._waiting = 0

    @property
    def busy(self) -> bool:
        """Whether a write is being waited for (the window's own timers still run meanwhile)."""
        return self._waiting > 0

    def run(self, step: Callable[[], T]) -> T:
        if self._runner is None:
            return step()
        outcome = _Outcome()
        loop = QEventLoop()

        def job(progress: Any, cancelled: Any) -> None:
            # The exception itself comes back (not only its text): refusals and database
            # failures are told apart and explained on the window's thread.
            try:
                outcome.value = step()
            except BaseException as exc:  # noqa: BLE001 - re-raised on the window's thread
                outcome.error = exc

        def finished() -> None:
            outcome.done = True
            loop.quit()

        self._runner.write(job, finished=finished)
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        self._waiting += 1
        try:
            while not outcome.done:
                loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        finally:
            self._waiting -= 1
            QApplication.restoreOverrideCursor()
        if outcome.error is not None:
            raise outcome.error
        return outcome.value  # type: ignore[no-any-return]
