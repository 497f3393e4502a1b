"""The background job runner: results, failures, cancel, and many jobs in a row.

The many-jobs test is a regression test: PySide6 6.12.0 corrupted reference counts when a
pool thread emitted a signal, which killed the process after a few hundred jobs.
"""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from caseworker.jobs import Cancelled
from ui.workers import JobRunner

JOBS = 2000


def test_result_arrives_on_the_gui_thread(qtbot: QtBot) -> None:
    runner = JobRunner()
    gui_thread = threading.get_ident()
    seen: list[tuple[object, bool]] = []
    job = runner.read(
        lambda p, c: 42, succeeded=lambda v: seen.append((v, threading.get_ident() == gui_thread))
    )
    qtbot.waitUntil(lambda: bool(seen), timeout=15_000)
    assert seen == [(42, True)]
    assert runner.wait_for_all()
    assert not job.is_cancelled()


def test_failure_and_cancel_are_reported(qtbot: QtBot) -> None:
    runner = JobRunner()
    failures: list[tuple[str, str]] = []
    runner.read(lambda p, c: 1 / 0, failed=lambda kind, message: failures.append((kind, message)))
    qtbot.waitUntil(lambda: bool(failures), timeout=15_000)
    assert failures[0][0] == "ZeroDivisionError"

    started = threading.Event()

    def long_job(progress: object, cancelled: object) -> None:
        started.set()
        while not cancelled():  # type: ignore[operator]
            threading.Event().wait(0.01)
        raise Cancelled

    stopped: list[bool] = []
    job = runner.write(long_job, cancelled=lambda: stopped.append(True))
    started.wait(5)
    job.cancel()
    qtbot.waitUntil(lambda: bool(stopped), timeout=15_000)
    assert runner.wait_for_all()


def test_many_jobs_in_a_row(qtbot: QtBot) -> None:
    runner = JobRunner()
    results: list[int] = []
    for n in range(JOBS):
        runner.read(lambda p, c, n=n: [n, None, True], succeeded=lambda v: results.append(v[0]))
    qtbot.waitUntil(lambda: len(results) == JOBS, timeout=60_000)
    assert sorted(results) == list(range(JOBS))
    assert runner.wait_for_all()
