"""One sync running on the writer pool, watched by whoever is interested (dialog, status bar)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from ui.workers import JobRunner

if TYPE_CHECKING:
    from caseworker.sync.options import SyncOptions
    from caseworker.sync.service import SyncService, SyncSummary


class SyncRun(QObject):
    """A sync in progress; ``ended`` carries its summary, or None if it failed or was dropped.

    Cancel has a flag of its own rather than the job's: a job cancelled through the runner
    drops its result, but a sync cancelled by the clerk still returns a summary of what it
    stored, which the clerk should see. The runner's own cancel (at shutdown) is honoured too.
    """

    progressed = Signal(int, int, str)
    ended = Signal(object)

    def __init__(
        self,
        runner: JobRunner,
        service: SyncService,
        options: SyncOptions,
        background: bool,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.background = background
        self.options = options
        self.done, self.total, self.label = 0, 0, "Connecting…"
        self.summary: SyncSummary | None = None
        self.error: str | None = None
        self.finished = False
        stop = self._stop = threading.Event()

        # Runs on the writer thread: it touches the service and the event, never this object.
        def work(progress: Callable[[int, int, str], None], cancelled: Callable[[], bool]) -> Any:
            return service.run(
                options, progress=progress, cancelled=lambda: stop.is_set() or cancelled()
            )

        self.job = runner.write(
            work,
            progress=self._on_progress,
            succeeded=self._on_succeeded,
            failed=self._on_failed,
            cancelled=self._on_dropped,
        )

    @property
    def cancelling(self) -> bool:
        return self._stop.is_set()

    def cancel(self) -> None:
        """Ask the sync to stop after the request in hand; it keeps what it stored."""
        self._stop.set()

    def _on_progress(self, done: int, total: int, label: str) -> None:
        self.done, self.total, self.label = done, total, label
        self.progressed.emit(done, total, label)

    def _on_succeeded(self, summary: SyncSummary) -> None:
        self.summary = summary
        self._end()

    def _on_failed(self, kind: str, message: str) -> None:
        self.error = message or kind
        self._end()

    def _on_dropped(self) -> None:
        # Cancelled through the runner (the window closing), or the service raised Cancelled.
        self._end()

    def _end(self) -> None:
        self.finished = True
        self.ended.emit(self.summary)
