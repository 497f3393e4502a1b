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

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from caseworker.jobs import Cancelled

log = logging.getLogger(__name__)

#: A job function receives ``progress(done, total, label)`` and ``cancelled()``.
JobFunction = Callable[[Callable[[int, int, str], None], Callable[[], bool]], Any]


class JobSignals(QObject):
    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str, str)
    #: The failure in one line and its traceback, for a job nobody listens to ``failed`` of.
    crashed = Signal(str, str)
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
            result = self._function(self._progress, self._cancel.is_set)
        except Cancelled:
            self._emit("cancelled")
        except SignalsGone:
            return  # the window went first (the application is quitting): nobody to tell
        except Exception as exc:  # noqa: BLE001 - reported to the user, logged in full
            details = traceback.format_exc()
            log.error("background job failed:\n%s", details)
            self._emit("failed", type(exc).__name__, str(exc))
            self._emit("crashed", f"{type(exc).__name__}: {exc}", details)
        else:
            if self._cancel.is_set():
                self._emit("cancelled")
            else:
                self._emit("succeeded", result)
        finally:
            self._emit("finished")

    def _progress(self, done: int, total: int, label: str) -> None:
        if not self._emit("progress", done, total, label):
            raise SignalsGone  # stop the work: its results could go nowhere

    def _emit(self, name: str, *args: Any) -> bool:
        """Report to the GUI thread; False (quietly) if the signals' object is already deleted.

        At shutdown Qt for Python deletes every remaining QObject, this job's signals included,
        while the job may still be finishing on its thread: its result is dropped, not raised.
        """
        try:
            getattr(self.signals, name).emit(*args)
        except RuntimeError:
            if shiboken6.isValid(self.signals):
                raise
            return False
        return True


class SignalsGone(Exception):
    """Raised inside a job when nobody can hear its progress any more."""


class JobRunner(QObject):
    """Owns the pools and keeps running jobs referenced until they finish.

    A job started without a ``failed`` receiver has nobody to tell of an error: its failure
    goes out as ``unhandled(summary, traceback)`` (the crash dialog listens), not nowhere.
    """

    unhandled = Signal(str, str)

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
        if "failed" not in slots:
            job.signals.crashed.connect(self.unhandled)
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
