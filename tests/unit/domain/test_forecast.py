"""The signature forecast on series whose answer is known."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

import pytest

from caseworker.domain.forecast import Trend, daily_increments, forecast

START = datetime(2025, 1, 1, tzinfo=UTC)


def decaying(days: int, rate: float, decay: float) -> list[tuple[datetime, int]]:
    """A cumulative series gaining ``rate * exp(-decay * t)`` signatures a day."""
    points, total = [], 0.0
    for day in range(days + 1):
        points.append((START + timedelta(days=day), round(total)))
        total += rate * math.exp(-decay * day)
    return points


def test_recovers_an_exponential_decay() -> None:
    points = decaying(40, rate=5000, decay=0.05)
    closes = START + timedelta(days=180)
    result = forecast(points, as_of=points[-1][0], closes_at=closes)
    assert result is not None
    exact = sum(5000 * math.exp(-0.05 * d) for d in range(180))
    assert result.final_estimate == pytest.approx(exact, rel=0.03)
    assert result.final_low <= result.final_estimate <= result.final_high


def test_constant_rate_crosses_threshold_on_the_expected_day() -> None:
    points = [(START + timedelta(days=d), 1000 * d) for d in range(8)]  # 1,000 a day
    result = forecast(points, as_of=points[-1][0], closes_at=START + timedelta(days=60))
    assert result is not None and result.threshold == 10_000
    assert result.crossing_at is not None
    assert abs((result.crossing_at - (START + timedelta(days=10))).total_seconds()) < 86_400


def test_no_crossing_when_the_trend_dies_out() -> None:
    points = decaying(30, rate=500, decay=0.3)  # about 1,700 in all, fading fast
    result = forecast(points, as_of=points[-1][0], closes_at=START + timedelta(days=180))
    assert result is not None
    assert result.threshold == 10_000 and result.crossing_at is None


def test_too_little_history_gives_no_forecast() -> None:
    points = [(START, 10), (START + timedelta(hours=20), 500)]
    assert (
        forecast(points, as_of=START + timedelta(days=1), closes_at=START + timedelta(days=90))
        is None
    )


def test_sparse_snapshots_are_interpolated_daily() -> None:
    points = [(START, 0), (START + timedelta(days=4), 400)]
    assert daily_increments(points, START + timedelta(days=4)) == [100.0, 100.0, 100.0, 100.0]


def test_trend_arithmetic() -> None:
    flat = Trend(rate=100.0, decay=0.0)
    assert flat.signatures_within(10) == 1000.0
    assert flat.days_to_gather(250) == 2.5
    fading = Trend(rate=100.0, decay=0.1)
    assert fading.days_to_gather(2000) is None  # at most 1,000 more ever
