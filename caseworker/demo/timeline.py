"""When a demo petition was created, opened and closed, and the curve its signatures follow.

A stage that depends on a threshold draws a final count and the moment the curve is to cross
the threshold (for example "reached 10,000 between 22 and 90 days ago"), then solves for the
curve that passes through it. Threshold timestamps are read off that same curve, so they
always agree with the snapshots.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from caseworker.demo.clock import closing, days, ms
from caseworker.demo.series import Curve, Shape, heavy_tailed, random_shape, shape_through
from caseworker.domain.rules import DEBATE_THRESHOLD, RESPONSE_THRESHOLD

#: Tail exponent of the signature counts of ordinary petitions: most gather a few dozen.
_TAIL = 0.6


@dataclass(frozen=True, slots=True)
class Spec:
    """What a stage needs of a petition's timeline (ages in days before ``as_of``)."""

    opened_ago: tuple[float, float]
    anchor: int | None = None
    anchor_ago: tuple[float, float] = (0.0, 0.0)
    sizes: tuple[int, int] = (1, RESPONSE_THRESHOLD)
    state: str | None = None  # "open" or "closed"; None for either
    steady: bool = False  # still gathering at an even pace (headed for the next threshold)


@dataclass(frozen=True, slots=True)
class Timeline:
    created_at: datetime
    moderated_at: datetime
    opened_at: datetime
    closing_date: date
    closed_at: datetime
    seen_at: datetime  # the last count: the capture time while open, closed_at once closed
    curve: Curve
    response_threshold_at: datetime | None
    debate_threshold_at: datetime | None

    @property
    def is_open(self) -> bool:
        return self.seen_at < self.closed_at

    @property
    def signature_count(self) -> int:
        return self.curve.count_at(self.seen_at)

    def is_open_at(self, at: datetime) -> bool:
        return at < self.closed_at


def small_total(rng: random.Random, sizes: tuple[int, int]) -> int:
    """A heavy-tailed count: about half of petitions stay under 25, a few reach thousands."""
    low, high = sizes
    while True:
        total = int(8.0 * (1.0 - rng.random()) ** (-1.0 / _TAIL))
        if low <= total < high:
            return total


@dataclass(frozen=True, slots=True)
class Opening:
    """Creation, moderation and publication: drawn first, so ids can follow creation order."""

    created_at: datetime
    moderated_at: datetime
    opened_at: datetime


def draw_opening(rng: random.Random, opened_ago: tuple[float, float], as_of: datetime) -> Opening:
    opened_at = ms(as_of - days(rng.uniform(*opened_ago)))
    created_at = ms(opened_at - days(rng.uniform(2.0, 16.0)))
    moderated_at = ms(created_at + days(rng.uniform(0.02, 1.5)))
    return Opening(created_at, moderated_at, opened_at)


def timeline(opening: Opening, curve: Curve, seen_at: datetime) -> Timeline:
    """A timeline whose thresholds are read off ``curve`` up to ``seen_at``."""
    closing_date, closed_at = closing(opening.opened_at)
    return Timeline(
        created_at=opening.created_at,
        moderated_at=opening.moderated_at,
        opened_at=opening.opened_at,
        closing_date=closing_date,
        closed_at=closed_at,
        seen_at=seen_at,
        curve=curve,
        response_threshold_at=curve.crossing(RESPONSE_THRESHOLD, seen_at),
        debate_threshold_at=curve.crossing(DEBATE_THRESHOLD, seen_at),
    )


def _anchor_window(spec: Spec, opened_ago: float, seen_ago: float) -> tuple[float, float] | None:
    low = max(spec.anchor_ago[0], seen_ago + 0.01)
    high = min(spec.anchor_ago[1], opened_ago - 0.25)
    return (low, high) if low < high else None


def fit(rng: random.Random, spec: Spec, as_of: datetime, opening: Opening) -> Timeline | None:
    """One attempt at a timeline for ``spec`` with the given opening; None if it missed."""
    closed_at = closing(opening.opened_at)[1]
    is_open = closed_at > as_of
    if spec.state is not None and spec.state != ("open" if is_open else "closed"):
        return None
    seen_at = ms(as_of - timedelta(minutes=rng.uniform(3.0, 55.0))) if is_open else closed_at
    base = rng.randint(6, 21)
    if spec.anchor is None:
        total = small_total(rng, spec.sizes)
        steady = Shape(tau=rng.uniform(1.0, 4.0)) if spec.steady else random_shape(rng)
        curve = Curve(opening.opened_at, seen_at, min(base, total), total, steady)
        return timeline(opening, curve, seen_at)
    return _anchored(rng, spec, as_of, opening, seen_at, base)


def _anchored(
    rng: random.Random, spec: Spec, as_of: datetime, opening: Opening, seen_at: datetime, base: int
) -> Timeline | None:
    """A curve that crosses ``spec.anchor`` inside the stage's window of time."""
    assert spec.anchor is not None
    opened_at = opening.opened_at
    window = _anchor_window(spec, (as_of - opened_at) / days(1), (as_of - seen_at) / days(1))
    if window is None:
        return None
    # Most petitions that get there do so early in their life: favour the early end.
    anchor_at = as_of - days(window[1] - (window[1] - window[0]) * rng.random() ** 2)
    total = heavy_tailed(rng, *spec.sizes)
    u = (anchor_at - opened_at) / (seen_at - opened_at)
    shape = shape_through(rng, u, (spec.anchor - base) / (total - base))
    if shape is None:
        return None
    line = timeline(opening, Curve(opened_at, seen_at, base, total, shape), seen_at)
    return line if line.curve.crossing(spec.anchor, seen_at) is not None else None
