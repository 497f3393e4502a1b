"""The polite client's parts: pacing, Retry-After, the User-Agent, unreachable sites."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from caseworker.sync.client import (
    Pacer,
    PoliteClient,
    Unreachable,
    _retry_after_seconds,
    user_agent,
)
from caseworker.sync.options import SyncOptions


def test_the_pacer_spaces_request_starts_across_threads() -> None:
    pacer = Pacer(rate=20.0)
    given: list[float] = []
    late: list[bool] = []
    lock = threading.Lock()

    def ask(times: int) -> None:
        for _ in range(times):
            start = pacer.wait()
            returned = time.monotonic()
            with lock:
                given.append(start)
                late.append(returned >= start)

    threads = [threading.Thread(target=ask, args=(5,)) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    given.sort()
    gaps = [b - a for a, b in zip(given, given[1:], strict=False)]
    # Each start is given a slot a twentieth of a second after the one before, across both
    # threads, and no caller goes before its slot.
    assert min(gaps) >= 0.05 - 1e-9
    assert all(late)


def test_retry_after_is_seconds_or_an_http_date() -> None:
    assert _retry_after_seconds("7") == 7.0
    later = datetime.now(UTC) + timedelta(seconds=30)
    seconds = _retry_after_seconds(format_datetime(later, usegmt=True))
    assert seconds is not None and 25 <= seconds <= 31
    assert _retry_after_seconds("soon") is None


def test_the_user_agent_names_the_application_and_the_contact() -> None:
    agent = user_agent("petitions@parliament.uk")
    assert agent.startswith("petitions-caseworker/")
    assert "petitions@parliament.uk" in agent


def test_an_unreachable_site_is_one_reason() -> None:
    client = PoliteClient(SyncOptions(site="http://127.0.0.1:1", rate=100))
    with client, pytest.raises(Unreachable) as caught:
        client.get("http://127.0.0.1:1/petitions.json")
    assert caught.value.reason == "connection refused"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("site", "ftp://example.org", r"not an http\(s\) address"),
        ("rate", 0.0, "rate"),
        ("details_threshold", 20_000, "details threshold"),
    ],
)
def test_options_refuse_what_would_be_impolite_or_wrong(
    field: str, value: object, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        SyncOptions(**{field: value})  # type: ignore[arg-type]
