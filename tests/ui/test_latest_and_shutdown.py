"""Stale answers are dropped by one helper; a job whose signals are gone finishes quietly."""

from __future__ import annotations

import logging

import pytest
import shiboken6

from ui.latest import Latest
from ui.workers import Job


def test_only_the_newest_request_is_answered() -> None:
    latest, shown = Latest(), []
    first = latest.only_newest(shown.append)
    second = latest.only_newest(shown.append)
    first("old petition")  # arrives late, after the clerk moved on
    second("new petition")
    assert shown == ["new petition"]
    third = latest.only_newest(shown.append)
    latest.forget()
    third("dropped")
    assert shown == ["new petition"]


def test_several_reads_answer_one_request_until_a_newer_one() -> None:
    latest, shown = Latest(), []
    latest.forget()  # a new query: its count and pages belong to it
    count, failed = latest.current(shown.append, lambda text: shown.append(f"failed: {text}"))
    (page,) = latest.current(shown.append)
    page("page 1")
    count("450 petitions")
    latest.forget()  # the clerk typed another search
    page("late page of the old search")
    failed("late failure")
    succeeded, _ = latest.newest(shown.append, shown.append)
    succeeded("first page of the new search")
    assert shown == ["page 1", "450 petitions", "first page of the new search"]


def test_a_job_whose_signals_were_deleted_ends_quietly(caplog: pytest.LogCaptureFixture) -> None:
    # At shutdown Qt for Python deletes every QObject left, while a job may still be finishing:
    # "RuntimeError: Signal source has been deleted" was printed from ui/workers.py.
    job: Job

    def finishing_at_shutdown(progress: object, cancelled: object) -> int:
        shiboken6.delete(job.signals)
        return 42

    job = Job(finishing_at_shutdown)
    with caplog.at_level(logging.ERROR):
        job.run()  # raised RuntimeError before
    assert caplog.records == []


def test_a_job_reporting_progress_to_nobody_stops_quietly(caplog: pytest.LogCaptureFixture) -> None:
    steps: list[int] = []
    job: Job

    def long_import(progress, cancelled) -> None:  # type: ignore[no-untyped-def]
        for step in range(5):
            if step == 2:
                shiboken6.delete(job.signals)
            progress(step, 5, "file")
            steps.append(step)

    job = Job(long_import)
    with caplog.at_level(logging.ERROR):
        job.run()
    assert steps == [0, 1] and caplog.records == []
