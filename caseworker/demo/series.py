"""Cumulative signature curves: a fast early burst that decays, sometimes a viral spike.

A :class:`Curve` maps a moment to a signature count and is the single source of truth for a
demo petition: its snapshots, its final count and its threshold timestamps are all read off
the same curve, so they always agree.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

_MS = timedelta(milliseconds=1)


def _sigmoid(x: float) -> float:
    if x < -40.0:
        return 0.0
    if x > 40.0:
        return 1.0
    return 1.0 / (1.0 + math.exp(-x))


@dataclass(frozen=True, slots=True)
class Shape:
    """The share of a petition's signatures gathered by fraction ``u`` of its span.

    Three parts, weighted: an exponential burst with decay time ``tau`` (as a fraction of
    the span), a logistic spike centred on ``spike_at`` and a steady trickle.
    """

    tau: float
    spike_weight: float = 0.0
    spike_at: float = 0.5
    spike_width: float = 0.02
    trickle: float = 0.0

    def fraction(self, u: float, tau: float | None = None) -> float:
        """The share gathered by ``u``; ``tau`` overrides the burst's decay time."""
        if u <= 0.0:
            return 0.0
        if u >= 1.0:
            return 1.0
        tau = tau or self.tau
        burst = -math.expm1(-u / tau) / -math.expm1(-1.0 / tau)
        value = (1.0 - self.spike_weight - self.trickle) * burst + self.trickle * u
        if self.spike_weight:
            low = _sigmoid(-self.spike_at / self.spike_width)
            high = _sigmoid((1.0 - self.spike_at) / self.spike_width)
            spike = (_sigmoid((u - self.spike_at) / self.spike_width) - low) / (high - low)
            value += self.spike_weight * spike
        return min(1.0, value)


def random_shape(rng: random.Random, tau: float | None = None) -> Shape:
    if tau is None:
        tau = math.exp(rng.uniform(math.log(0.02), math.log(0.6)))
    trickle = rng.uniform(0.0, 0.12)
    if rng.random() < 0.2:  # picked up by the news or a celebrity: a viral spike
        weight = rng.uniform(0.3, 0.75)
        return Shape(tau, weight, rng.uniform(0.1, 0.9), rng.uniform(0.004, 0.03), trickle)
    return Shape(tau, trickle=trickle)


def shape_through(rng: random.Random, u: float, share: float) -> Shape | None:
    """A random shape that has gathered ``share`` of its signatures at ``u`` (None if none can).

    The burst's decay time is solved for: a shorter one gathers more of the total early.
    """
    template = random_shape(rng, tau=1.0)
    low, high = math.log(0.002), math.log(5.0)
    fast, slow = (template.fraction(u, math.exp(x)) for x in (low, high))
    if not slow <= share <= fast:
        return None
    for _ in range(40):
        middle = (low + high) / 2
        if template.fraction(u, math.exp(middle)) > share:
            low = middle
        else:
            high = middle
    return replace(template, tau=math.exp(low))


def heavy_tailed(rng: random.Random, low: int, high: int, alpha: float = 1.0) -> int:
    """A count in ``[low, high)`` with ``P(N > x)`` falling as ``x ** -alpha``."""
    cut = 1.0 - (low / high) ** alpha
    return min(high - 1, int(low * (1.0 - rng.random() * cut) ** (-1.0 / alpha)))


@dataclass(frozen=True, slots=True)
class Curve:
    """Signatures from ``start`` (``base``: the creator and supporters) to ``end`` (``total``)."""

    start: datetime
    end: datetime
    base: int
    total: int
    shape: Shape

    def count_at(self, at: datetime) -> int:
        if at >= self.end:
            return self.total
        u = (at - self.start) / (self.end - self.start)
        return self.base + int((self.total - self.base) * self.shape.fraction(u))

    def crossing(self, threshold: int, until: datetime | None = None) -> datetime | None:
        """The first whole millisecond at which the count reaches ``threshold``."""
        until = min(until or self.end, self.end)
        if self.count_at(until) < threshold:
            return None
        low, high = 0, int((until - self.start) / _MS)
        if self.base >= threshold:
            return self.start
        while high - low > 1:
            middle = (low + high) // 2
            if self.count_at(self.start + middle * _MS) >= threshold:
                high = middle
            else:
                low = middle
        return self.start + high * _MS

    def points(self, times: list[datetime]) -> list[tuple[datetime, int]]:
        """``(at, count)`` for each distinct time, in time order."""
        return [(at, self.count_at(at)) for at in sorted(set(times))]


def point_count(total: int) -> int:
    """How many snapshots a petition of ``total`` signatures gets: 8 to 24, up to 90 when big."""
    if total >= 100_000:
        return 45 + min(45, total // 40_000)
    return max(8, min(24, round(4 + 4 * math.log10(max(total, 1)))))


def sample_times(start: datetime, until: datetime, count: int) -> list[datetime]:
    """``count`` moments from ``start`` to ``until``, closer together early on (when it is busy)."""
    span_ms = (until - start) // _MS
    times = [start + _MS * int(span_ms * (i / count) ** 1.6) for i in range(1, count)]
    return [*times, until]
