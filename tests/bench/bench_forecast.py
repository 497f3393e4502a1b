"""Forecast back-test on the real hourly series of petition 700143: the README's figures.

For each point in the petition's life (a quarter, a half, three quarters) the forecast is
made from the history up to then and compared with the count at closing. A naive baseline
(today's average daily rate carried on to closing) is printed beside it.
"""

from __future__ import annotations

import sys
from datetime import timedelta
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
if str(PROJECT_ROOT) not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT))

from caseworker.domain.forecast import forecast  # noqa: E402
from tests.integration.test_forecast_backtest import CLOSES, OPENED, load_series  # noqa: E402

SHARED = PROJECT_ROOT.parent / "shared" / "data"


def naive(points: list, as_of: object) -> float:
    history = [(t, c) for t, c in points if t <= as_of]
    (t0, c0), (t1, c1) = history[0], history[-1]
    rate = (c1 - c0) / max((t1 - t0).total_seconds(), 1)
    return c1 + rate * (CLOSES - t1).total_seconds()


def run() -> None:
    points = load_series(SHARED)
    final = max(c for t, c in points if t <= CLOSES + timedelta(days=1))
    print(f"petition 700143, count at closing {final:,} (UK constituency total)")
    for fraction in (0.25, 0.5, 0.75):
        as_of = OPENED + (CLOSES - OPENED) * fraction
        f = forecast(points, as_of=as_of, closes_at=CLOSES)
        assert f is not None
        error = (f.final_estimate - final) / final
        covered = "inside" if f.final_low <= final <= f.final_high else "outside"
        baseline = (naive(points, as_of) - final) / final
        print(f"at {fraction:.0%} of life ({as_of:%d %b %Y}): estimate {f.final_estimate:,} "
              f"[{f.final_low:,} – {f.final_high:,}], error {error:+.2%}, "
              f"actual {covered} the range; "
              f"naive average-rate baseline error {baseline:+.2%}")  # fmt: skip


def test_forecast_backtest() -> None:
    run()


if __name__ == "__main__":
    run()
