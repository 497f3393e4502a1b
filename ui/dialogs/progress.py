"""Run a long write job with a progress dialog that appears after a short delay."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ui.workers import Job, JobFunction, JobRunner

SHOW_AFTER_MS = 300


class ProgressJob(QObject):
    """One job and its dialog; ``done`` carries the result, or None if cancelled or failed."""

    done = Signal(object)

    def __init__(
        self,
        parent: QWidget,
        title: str,
        runner: JobRunner,
        function: JobFunction,
        *,
        writes: bool = True,
    ) -> None:
        super().__init__(parent)
        self.dialog = QProgressDialog(title, "Cancel", 0, 0, parent)
        self.dialog.setWindowTitle(title)
        # Not modal: a window-modal dialog made the window ignore its close button, so a clerk
        # could not quit during an import (the window now asks whether to cancel it).
        self.dialog.setWindowModality(Qt.WindowModality.NonModal)
        self.dialog.setMinimumDuration(SHOW_AFTER_MS)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.error: tuple[str, str] | None = None
        self.was_cancelled = False
        self.finished = False
        #: The last progress heard: (done, total), files for an import.
        self.last: tuple[int, int] = (0, 0)
        # A job that only reads (a backup) need not queue behind an import on the writer.
        start = runner.write if writes else runner.read
        self.job: Job = start(
            function,
            progress=self._on_progress,
            succeeded=self._on_succeeded,
            failed=self._on_failed,
            cancelled=self._on_cancelled,
        )
        self.dialog.canceled.connect(self._on_cancel_clicked)

    def _on_progress(self, done: int, total: int, label: str) -> None:
        self.last = (done, total)
        if total:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))
        self.dialog.setLabelText(label if len(label) < 80 else "…" + label[-79:])

    def _on_cancel_clicked(self) -> None:
        self.dialog.setLabelText("Cancelling after the current file…")
        self.job.cancel()

    def cancel(self) -> None:
        """Stop after the current file, as the dialog's Cancel button does."""
        self._on_cancel_clicked()

    def _finish(self, result: Any) -> None:
        self.finished = True
        self.dialog.reset()
        self.dialog.close()
        self.done.emit(result)

    def _on_succeeded(self, result: Any) -> None:
        self._finish(result)

    def _on_failed(self, kind: str, message: str) -> None:
        self.error = (kind, message)
        self._finish(None)

    def _on_cancelled(self) -> None:
        self.was_cancelled = True
        self._finish(None)


def run_with_progress(
    parent: QWidget,
    title: str,
    runner: JobRunner,
    function: JobFunction,
    on_done: Callable[[ProgressJob, Any], None],
    *,
    writes: bool = True,
) -> ProgressJob:
    job = ProgressJob(parent, title, runner, function, writes=writes)
    job.done.connect(lambda result: on_done(job, result))
    return job
