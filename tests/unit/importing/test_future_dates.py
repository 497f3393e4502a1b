"""Captures dated in the future are refused, naming the field, so none can freeze a petition.

A capture whose ``updated_at`` is in 2100 would make every genuine capture of its petition
look older, so they would all be ignored. Timestamps record what has happened: none may be
later than the import (a day's margin for a wrong clock). Dates that may name a day to come
(closing date, debate dates, a related activity's date) may be up to two years ahead.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from caseworker.importing.fields import CaptureError
from caseworker.importing.parse import parse_document
from caseworker.storage.engine import Database
from tests.unit.importing import builders as b
from tests.unit.importing.tables import PETITIONS, one, run

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
A = "data.attributes"


def parse_with(now: datetime = NOW, **attrs: Any) -> Any:
    return parse_document(b.dumps(b.single(1, **attrs)), now=now)


def refusal(**attrs: Any) -> str:
    with pytest.raises(CaptureError) as caught:
        parse_with(**attrs)
    return str(caught.value)


def test_a_capture_from_2100_is_refused_and_the_petition_keeps_updating(
    database: Database, tmp_path: Path
) -> None:
    genuine = b.write_json(tmp_path / "a.json", b.single(7, signature_count=100))
    future = b.single(7, signature_count=999, updated_at="2100-01-01T00:00:00Z")
    forged = b.write_json(tmp_path / "forged.json", future)
    later = b.single(7, signature_count=300, updated_at="2025-06-01T12:00:00.000Z")
    newer = b.write_json(tmp_path / "b.json", later)

    summary = run(database, genuine, forged, newer)

    assert summary.failures == [
        (str(forged), f"{A}.updated_at: 2100-01-01T00:00:00Z is in the future")
    ]
    assert (summary.imported, summary.updated) == (1, 1)
    assert one(database.engine, PETITIONS, id=7)["signature_count"] == 300


def test_the_margin_is_a_day_past_the_import_time() -> None:
    assert parse_with(updated_at=(NOW + timedelta(hours=23)).isoformat()).petitions
    late = (NOW + timedelta(hours=25)).isoformat()
    assert refusal(updated_at=late) == f"{A}.updated_at: {late} is in the future"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        # 2100-12-31 in New York is 2101 in UTC: the range applies to the UTC time.
        ("closed_at", "2100-12-31T23:00:00-05:00", "closed_at: 2101-01-01 is out of range"),
        ("opened_at", "1990-01-01T00:30:00+01:00", "opened_at: 1989-12-31 is out of range"),
        ("created_at", "9999-12-31T23:00:00-05:00", "created_at: 9999-12-31T23:00:00-05:00 is"),
    ],
)
def test_the_allowed_range_is_checked_in_utc(field: str, value: str, message: str) -> None:
    assert refusal(**{field: value}).startswith(f"{A}.{message}")


@pytest.mark.parametrize(
    "field",
    ["created_at", "opened_at", "closed_at", "response_threshold_reached_at", "rejected_at"],
)
def test_no_timestamp_of_the_petition_may_be_in_the_future(field: str) -> None:
    assert refusal(**{field: "2027-01-01T00:00:00.000Z"}) == (
        f"{A}.{field}: 2027-01-01T00:00:00.000Z is in the future"
    )


def test_nested_timestamps_and_past_dates_may_not_be_in_the_future() -> None:
    answer = b.response(responded_on="2026-06-03", created_at="2026-05-01T00:00:00.000Z")
    assert refusal(government_response=answer) == (
        f"{A}.government_response.responded_on: 2026-06-03 is in the future"
    )
    edited = b.response(created_at="2026-05-01T00:00:00.000Z", updated_at="2030-01-01T00:00:00Z")
    assert refusal(government_response=edited) == (
        f"{A}.government_response.updated_at: 2030-01-01T00:00:00Z is in the future"
    )
    item = b.business_item("Debate", "Text", "2099-01-01T00:00:00.000Z")
    with pytest.raises(CaptureError, match=r"other_parliamentary_business\[0\]\.created_at: "):
        parse_document(b.dumps(b.single(1, business=[item])), now=NOW)


def test_dates_that_name_a_day_to_come_may_be_up_to_two_years_ahead() -> None:
    soon = parse_with(scheduled_debate_date="2027-11-30", debate_scheduled_on="2026-06-01")
    assert str(soon.petitions[0].scheduled_debate_date) == "2027-11-30"
    assert refusal(scheduled_debate_date="2100-01-01") == (
        f"{A}.scheduled_debate_date: 2100-01-01 is in the future by more than 2 years"
    )
    assert parse_with(state="open", closing_date="2026-12-01").petitions
    assert "closing_date: 2031-01-01 is in the future" in refusal(
        state="open", closing_date="2031-01-01"
    )
    item = b.business_item("Debate", "On 1 May", "2026-05-01T00:00:00Z", occurred_on="2027-05-01")
    assert parse_document(b.dumps(b.single(1, business=[item])), now=NOW).petitions
