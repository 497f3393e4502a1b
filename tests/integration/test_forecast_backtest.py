"""Back-test of the forecast on the real hourly series of petition 700143 (Call a General Election).

The figures (error of the estimated final count made at a quarter and at half of the
petition's life) are printed by ``make bench`` and quoted in the README; this test only
guards them against regressions.
"""

from __future__ import annotations

import csv
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from caseworker.domain.forecast import forecast

OPENED = datetime(2024, 11, 20, 9, 13, tzinfo=UTC)
CLOSES = datetime(2025, 5, 20, 22, 59, 59, tzinfo=UTC)
SERIES = "timeseries-700143-vinaymanro-readme/totals_hourly.csv"


def load_series(shared_data: Path) -> list[tuple[datetime, int]]:
    with (shared_data / SERIES).open(encoding="utf-8") as handle:
        rows = csv.DictReader(handle)
        return [
            (
                datetime.fromisoformat(r["last_updated_utc"]).replace(tzinfo=UTC),
                int(r["constituency_signature_sum"]),
            )
            for r in rows
        ]


def backtest(points: list[tuple[datetime, int]], fraction: float) -> tuple[float, bool]:
    final = max(count for at, count in points if at <= CLOSES + timedelta(days=1))
    as_of = OPENED + (CLOSES - OPENED) * fraction
    result = forecast(points, as_of=as_of, closes_at=CLOSES)
    assert result is not None
    return (result.final_estimate - final) / final, result.final_low <= final <= result.final_high


@pytest.mark.realdata
@pytest.mark.parametrize("fraction", [0.25, 0.5])
def test_final_count_error_at_quarter_and_half_life(shared_data: Path, fraction: float) -> None:
    error, _covered = backtest(load_series(shared_data), fraction)
    assert abs(error) < 0.03
