"""What the petition table's "Waiting" column says in each situation."""

from __future__ import annotations

from datetime import UTC, datetime

from caseworker.services.dto import PetitionRow
from ui.models.columns import COLUMNS, waiting


def row(**values: object) -> PetitionRow:
    base: dict[str, object] = {
        "id": 1, "action": "A petition", "state": "open", "signature_count": 9_000,
        "signatures_last_24h": 400, "response_threshold_reached_at": None, "responded_on": None,
        "debate_threshold_reached_at": None, "scheduled_debate_date": None, "departments": "",
        "days_waiting": None, "overdue": False,
    }  # fmt: skip
    base.update(values)
    return PetitionRow(**base)  # type: ignore[arg-type]


def test_waiting_and_overdue_are_written_out() -> None:
    assert waiting(row(days_waiting=12)) == "12 days"
    assert waiting(row(days_waiting=1234, overdue=True)) == "1,234 days · overdue"


def test_expected_crossing_for_a_petition_heading_for_a_threshold() -> None:
    # London keeps GMT in November, so 23:30 UTC is still the 25th.
    at = datetime(2026, 11, 25, 23, 30, tzinfo=UTC)
    assert waiting(row(forecast_threshold=10_000, forecast_crossing_at=at)) == "10,000 by ~25 Nov"
    assert waiting(row()) == ""


def test_every_column_has_a_header_and_displays_a_row() -> None:
    sample = row(response_threshold_reached_at=datetime(2026, 5, 1, tzinfo=UTC), days_waiting=3)
    for column in COLUMNS:
        assert column.header
        assert isinstance(column.display(sample), str)
