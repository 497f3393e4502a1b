"""The classes a map's colours stand for: five or six, with round breaks, and a palette that
reads in greyscale and to colour-blind readers.

Breaks start from the quantiles of the seats' values (so each colour covers a fair share of
seats) and are then rounded to numbers a reader can take in at a glance (1, 2, 2.5, 5 …
times a power of ten). A seat with no signatures, or no figure, takes the "no signatures"
colour, which no class uses; drawings also mark it (see :data:`NO_DATA`), since its colour
alone would be hard to tell from the palest class in greyscale.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from caseworker.geography.measures import Measure

#: ColorBrewer's YlGnBu (Cynthia Brewer, Apache-2.0 licensed scheme), light to dark by the
#: number of classes: sequential, safe for the common colour blindnesses, and its lightness
#: falls step by step, so the classes stay in order when printed in greyscale.
PALETTES: dict[int, tuple[str, ...]] = {
    1: ("#41b6c4",),
    2: ("#a1dab4", "#225ea8"),
    3: ("#edf8b1", "#7fcdbb", "#2c7fb8"),
    4: ("#ffffcc", "#a1dab4", "#41b6c4", "#225ea8"),
    5: ("#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"),
    6: ("#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#2c7fb8", "#253494"),
}
#: The six-class palette, lightest (fewest signatures) first.
PALETTE = PALETTES[6]
#: "No signatures" (or no figure): white, drawn with a small dot in the hex's middle so it
#: is told from the palest class in greyscale too.
NO_DATA = "#ffffff"
NO_DATA_LABEL = "No signatures"
#: The most classes a map has.
MOST_CLASSES = 6
#: Rounded values a break may take, times a power of ten.
_NICE = (1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 7.5, 10.0)


@dataclass(frozen=True)
class Classes:
    """Classes of one measure: ``breaks[i]`` is class i's lowest value (the first is 0)."""

    measure: Measure
    breaks: tuple[float, ...]
    labels: tuple[str, ...]
    colours: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.breaks)

    def index(self, value: float | None) -> int | None:
        """The class of a value; None for no signatures or no figure."""
        if value is None or value <= 0:
            return None
        shown = _shown(value, self.measure)
        return max(bisect.bisect_right(self.breaks, shown) - 1, 0)

    def colour(self, value: float | None) -> str:
        """The fill for a value: its class's colour, or :data:`NO_DATA`."""
        found = self.index(value)
        return NO_DATA if found is None else self.colours[found]

    def counts(self, values: Iterable[float | None]) -> tuple[int, ...]:
        """How many values fall in each class (those without a class are not counted)."""
        tally = [0] * len(self.breaks)
        for value in values:
            found = self.index(value)
            if found is not None:
                tally[found] += 1
        return tuple(tally)


def classes(values: Iterable[float | None], measure: Measure) -> Classes:
    """Five or six classes for the seats' values (fewer only when the values are too few or
    too alike to fill them), with round breaks and House-style labels."""
    positive = sorted(_shown(v, measure) for v in values if v is not None and v > 0)
    breaks = _breaks(positive, measure)
    labels = tuple(_label(breaks, i, measure) for i in range(len(breaks)))
    return Classes(measure, breaks, labels, PALETTES[len(breaks)])


def _shown(value: float, measure: Measure) -> float:
    """A value as printed: a rate to one decimal place, a count whole. Classes go by the
    printed value, so a seat's class always agrees with the number in the table."""
    return round(value, 1) if measure is Measure.RATE else float(round(value))


def _breaks(values: Sequence[float], measure: Measure) -> tuple[float, ...]:
    """0 and the rounded upper quantiles; evenly spaced round steps if those collapse."""
    if not values:
        return (0.0,)
    quantiles = [values[len(values) * i // MOST_CLASSES] for i in range(1, MOST_CLASSES)]
    found = _distinct_nice(quantiles, measure, values[-1])
    if len(found) < MOST_CLASSES - 2:  # too alike to make five classes from quantiles
        found = _distinct_nice(_even_steps(values[0], values[-1]), measure, values[-1])
    return (0.0, *found)


def _distinct_nice(points: Iterable[float], measure: Measure, top: float) -> list[float]:
    """Points rounded to nice numbers, in order, without repeats; a break above the highest
    value or at 0 would make an empty class, so none is kept."""
    smallest = 0.1 if measure is Measure.RATE else 1.0
    found: list[float] = []
    for point in points:
        nice = max(_nice(point), smallest)
        # Breaks fall on printed values: whole counts, rates to one decimal place.
        nice = float(round(nice)) if measure is Measure.COUNT else round(nice, 1)
        if nice <= top and (not found or nice > found[-1]) and nice > smallest / 2:
            found.append(nice)
    return found[: MOST_CLASSES - 1]


def _even_steps(low: float, high: float) -> list[float]:
    step = (high - low) / MOST_CLASSES
    return [low + step * i for i in range(1, MOST_CLASSES)] if step > 0 else [low]


def _nice(value: float) -> float:
    """The nearest of 1, 1.5, 2, 2.5, 3, 4, 5, 7.5 times a power of ten."""
    if value <= 0:
        return 0.0
    power = 10.0 ** math.floor(math.log10(value))
    best = min(_NICE, key=lambda nice: abs(nice * power - value))
    return round(best * power, 10)


def _label(breaks: Sequence[float], index: int, measure: Measure) -> str:
    """ "1.0–1.9" or "10–14.9" (rates), "100–249" (counts); the top class "20 and over".

    A rate class's upper end has one decimal place (the table prints rates so); its lower
    end too, unless every break is a whole number ("40–49.9", not "40.0–49.9").
    """
    step = 0.1 if measure is Measure.RATE else 1.0
    whole = measure is Measure.COUNT or all(b == int(b) for b in breaks)
    low = max(breaks[index], step) if measure is Measure.COUNT else breaks[index]
    if index + 1 == len(breaks):
        return f"{_number(max(low, step), whole=whole)} and over"
    high = breaks[index + 1] - step
    if high <= 0:  # rates above 0 that print as 0.0
        return f"Under {_number(breaks[index + 1], whole=whole)}"
    if high <= low:
        return _number(low, whole=whole)
    return f"{_number(low, whole=whole)}–{_number(high, whole=measure is Measure.COUNT)}"


def _number(value: float, *, whole: bool) -> str:
    if value == 0:
        return "0"
    return f"{value:,.0f}" if whole and value == int(value) else f"{value:,.1f}"
