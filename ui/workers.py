"""Run service calls off the GUI thread; results come back as queued signals.

Each job gets its own ``threading.Event`` for cancel. Writers (import, demo) share a pool of
one thread so database writes never race; reads use a small pool of their own.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from caseworker.jobs import Cancelled

log = logging.getLogger(__name__)

#: A job function receives ``progress(done, total, label)`` and ``cancelled()``.
JobFunction = Callable[[Callable[[int, int, str], None], Callable[[], bool]], Any]


class JobSignals(QObject):
    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str, str)
    cancelled = Signal()
    finished = Signal()


class Job(QRunnable):
    def __init__(self, function: JobFunction) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.signals = JobSignals()
        self._function = function
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            result = self._function(self.signals.progress.emit, self._cancel.is_set)
        except Cancelled:
            self.signals.cancelled.emit()
        except Exception as exc:  # noqa: BLE001 - reported to the user, logged in full
            log.error("background job failed:\n%s", traceback.format_exc())
            self.signals.failed.emit(type(exc).__name__, str(exc))
        else:
            if self._cancel.is_set():
                self.signals.cancelled.emit()
            else:
                self.signals.succeeded.emit(result)
        finally:
            self.signals.finished.emit()


class JobRunner(QObject):
    """Owns the pools and keeps running jobs referenced until they finish."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._readers = QThreadPool(self)
        self._readers.setMaxThreadCount(2)
        self._writer = QThreadPool(self)
        self._writer.setMaxThreadCount(1)
        self._running: set[Job] = set()

    def read(self, function: JobFunction, **slots: Callable[..., Any]) -> Job:
        """Start a query; ``slots`` maps signal names (succeeded, failed, ...) to receivers."""
        return self._start(function, self._readers, slots)

    def write(self, function: JobFunction, **slots: Callable[..., Any]) -> Job:
        """Start a job that writes: write jobs run one at a time, in order."""
        return self._start(function, self._writer, slots)

    def _start(
        self, function: JobFunction, pool: QThreadPool, slots: dict[str, Callable[..., Any]]
    ) -> Job:
        job = Job(function)
        # Connect before starting, so that even a job that finishes at once is heard.
        for name, receiver in slots.items():
            getattr(job.signals, name).connect(receiver)
        self._running.add(job)
        job.signals.finished.connect(lambda: self._running.discard(job))
        pool.start(job)
        return job

    def wait_for_all(self, msecs: int = 30_000) -> bool:
        """Used at shutdown and in tests: True if every job finished in time."""
        for job in list(self._running):
            job.cancel()
        return self._readers.waitForDone(msecs) and self._writer.waitForDone(msecs)

    @property
    def busy(self) -> bool:
        return bool(self._running)
