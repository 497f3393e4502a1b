"""Old data is flagged, and ages are counted to the data's own date."""

from __future__ import annotations

from datetime import UTC, date, datetime

from caseworker.domain.data_date import STALE_AFTER_DAYS, DataDate

CAPTURED = datetime(2023, 1, 3, 12, 0, tzinfo=UTC)


def test_old_data_counts_ages_to_its_own_date_and_says_so() -> None:
    data = DataDate(CAPTURED, today=date(2026, 12, 2))
    assert data.stale and data.as_of == date(2023, 1, 3)
    assert data.notice() == (
        "Data as at 3 January 2023 (the newest capture, 1,429 days old): "
        "ages are counted to that date, not today"
    )


def test_recent_data_counts_to_today_quietly() -> None:
    today = date(2023, 1, 3 + STALE_AFTER_DAYS)
    data = DataDate(CAPTURED, today=today)
    assert not data.stale and data.as_of == today and data.notice() == ""


def test_an_empty_database_counts_to_today() -> None:
    data = DataDate(None, today=date(2026, 12, 2))
    assert not data.stale and data.as_of == date(2026, 12, 2) and data.notice() == ""


def test_a_capture_late_in_a_summer_evening_is_the_next_london_day() -> None:
    data = DataDate(datetime(2025, 6, 30, 23, 30, tzinfo=UTC), today=date(2025, 8, 1))
    assert data.as_of == date(2025, 7, 1)
