"""Signature forecasts: the final count at closing and when the next threshold falls.

Method (explained in the README): petitions gather most signatures early and then slow down
roughly exponentially. The cumulative series is resampled to daily increments, and a straight
line is fitted to the logarithm of the recent daily increments (the last 21 days, or since
opening if shorter). That gives today's daily rate ``r`` and a decay constant ``k``; the
signatures still to come before closing are ``r * (1 - exp(-k * T)) / k`` for ``T`` days left
(``r * T`` when the rate is not falling). The uncertainty band is the lowest and highest projection
among: the fit's standard errors for level and slope at about 80% (z = 1.28, four
combinations), the same fit over the last 7 and the last 42 days, and today's rate with no
further slowdown (petitions often get a late second wind from the media or a debate).
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

DAY = timedelta(days=1)
WINDOW_DAYS = 21
OTHER_WINDOWS = (7, 42)
Z_80 = 1.28
MIN_DAYS = 3
PATH_POINTS = 24


@dataclass(frozen=True, slots=True)
class Trend:
    """A fitted daily rate today (``rate``) decaying by ``decay`` per day."""

    rate: float
    decay: float

    def signatures_within(self, days: float) -> float:
        if days <= 0:
            return 0.0
        if self.decay <= 1e-6:
            return self.rate * days
        return self.rate * (1.0 - math.exp(-self.decay * days)) / self.decay

    def days_to_gather(self, needed: float) -> float | None:
        """Days until ``needed`` more signatures arrive, or None if the trend never gets there."""
        if needed <= 0:
            return 0.0
        if self.rate <= 0:
            return None
        if self.decay <= 1e-6:
            return needed / self.rate
        fraction = self.decay * needed / self.rate
        return -math.log(1.0 - fraction) / self.decay if fraction < 1.0 else None


@dataclass(frozen=True, slots=True)
class Forecast:
    as_of: datetime
    closes_at: datetime
    current: int
    final_estimate: int
    final_low: int
    final_high: int
    threshold: int | None
    crossing_at: datetime | None
    crossing_earliest: datetime | None
    crossing_latest: datetime | None
    #: The projected counts from now to closing (central, low, high), for drawing.
    path: tuple[tuple[datetime, int, int, int], ...] = ()


def daily_increments(points: Sequence[tuple[datetime, int]], as_of: datetime) -> list[float]:
    """Signatures gained in each whole day up to ``as_of``, interpolating between snapshots."""
    start = points[0][0]
    days = int((as_of - start) / DAY)
    times = [t for t, _ in points]
    cumulative = [_interpolate(points, times, start + i * DAY) for i in range(days + 1)]
    return [max(0.0, b - a) for a, b in zip(cumulative, cumulative[1:], strict=False)]


def _interpolate(
    points: Sequence[tuple[datetime, int]], times: list[datetime], at: datetime
) -> float:
    after = bisect_left(times, at)
    if after == 0:
        return float(points[0][1])
    if after == len(points):
        return float(points[-1][1])
    (t0, c0), (t1, c1) = points[after - 1], points[after]
    span = (t1 - t0).total_seconds()
    return c0 + (c1 - c0) * ((at - t0).total_seconds() / span if span else 1.0)


def _fit(recent: Sequence[float]) -> tuple[Trend, list[Trend]]:
    """Least squares on log(1 + daily increment): the trend and its 80% parameter variants."""
    xs = [float(i - (len(recent) - 1)) for i in range(len(recent))]  # 0 is the latest day
    ys = [math.log(v + 1.0) for v in recent]
    n = len(xs)
    mean_x, mean_y = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mean_x) ** 2 for x in xs)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / sxx
    level = mean_y - slope * mean_x
    residual = sum((y - level - slope * x) ** 2 for x, y in zip(xs, ys, strict=True))
    sigma = math.sqrt(residual / (n - 2)) if n > 2 else 0.0
    se_slope = sigma / math.sqrt(sxx)
    se_level = sigma * math.sqrt(1.0 / n + mean_x**2 / sxx)
    variants = [
        Trend(rate=max(0.0, math.exp(level + dl) - 1.0), decay=-(slope + ds))
        for dl in (-Z_80 * se_level, Z_80 * se_level)
        for ds in (-Z_80 * se_slope, Z_80 * se_slope)
    ]
    return Trend(rate=max(0.0, math.exp(level) - 1.0), decay=-slope), variants


def fit_trend(increments: Sequence[float]) -> tuple[Trend, list[Trend]] | None:
    """The central trend fitted to the recent daily increments, and its plausible variants.

    The variants are the fit's parameter range, the same fit over a shorter and a longer
    window (a regime change shows up as a disagreement between them), and today's rate
    with no further slowdown.
    """
    if len(increments) < MIN_DAYS:
        return None
    central, variants = _fit(increments[-WINDOW_DAYS:])
    for window in OTHER_WINDOWS:
        if len(increments) >= window:
            variants.append(_fit(increments[-window:])[0])
    variants.append(Trend(rate=central.rate, decay=0.0))
    return central, variants


def forecast(
    points: Sequence[tuple[datetime, int]],
    *,
    as_of: datetime,
    closes_at: datetime,
    thresholds: Sequence[int] = (10_000, 100_000),
) -> Forecast | None:
    """A forecast from the signature history up to ``as_of``, or None with too little history."""
    history = sorted((t, c) for t, c in points if t <= as_of)
    if len(history) < 2 or (history[-1][0] - history[0][0]) < MIN_DAYS * DAY:
        return None
    trends = fit_trend(daily_increments(history, history[-1][0]))
    if trends is None:
        return None
    central, variants = trends
    now, current = history[-1]
    days_left = max(0.0, (closes_at - now) / DAY)
    low = min(variants, key=lambda t: t.signatures_within(days_left))
    high = max(variants, key=lambda t: t.signatures_within(days_left))
    threshold = next((t for t in sorted(thresholds) if t > current), None)

    def crossing(trend: Trend) -> datetime | None:
        if threshold is None:
            return None
        days = trend.days_to_gather(threshold - current)
        return now + days * DAY if days is not None and days <= days_left else None

    steps = [days_left * i / PATH_POINTS for i in range(PATH_POINTS + 1)]
    path = tuple(
        (
            now + d * DAY,
            round(current + central.signatures_within(d)),
            round(current + low.signatures_within(d)),
            round(current + high.signatures_within(d)),
        )
        for d in steps
    )
    return Forecast(
        path=path,
        as_of=now,
        closes_at=closes_at,
        current=current,
        final_estimate=round(current + central.signatures_within(days_left)),
        final_low=round(current + low.signatures_within(days_left)),
        final_high=round(current + high.signatures_within(days_left)),
        threshold=threshold,
        crossing_at=crossing(central),
        crossing_earliest=crossing(high),
        crossing_latest=crossing(low),
    )
