"""Where signatures come from: countries, the 12 regions and the 650 constituencies.

The constituencies are the real ones of the 2024 boundaries (names, ONS codes and electorates
from the shipped reference data, so the maps and the annex's rates work on demo petitions),
with invented Members, one seat left vacant. They are the same whatever the demo seed.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Generic, TypeVar

from caseworker.demo.names import person
from caseworker.domain.records import Breakdowns, ConstituencyCount, CountryCount, RegionCount
from caseworker.reference import BoundarySet
from caseworker.reference import seats as reference_seats

#: Region letter, name and number of seats (2024 boundaries), in ONS code order.
REGIONS = (
    ("A", "North East", 27),
    ("B", "North West", 73),
    ("D", "Yorkshire and The Humber", 54),
    ("E", "East Midlands", 47),
    ("F", "West Midlands", 57),
    ("G", "East of England", 61),
    ("H", "London", 75),
    ("J", "South East", 91),
    ("K", "South West", 58),
    ("L", "Wales", 32),
    ("M", "Scotland", 57),
    ("N", "Northern Ireland", 18),
)

UNITED_KINGDOM = ("United Kingdom", "GB")

#: Countries other than the UK that signatures come from, with a rough relative weight.
ABROAD = (
    ("Ireland", "IE", 10.0),
    ("Spain", "ES", 8.0),
    ("France", "FR", 8.0),
    ("United States", "US", 7.0),
    ("Australia", "AU", 6.0),
    ("Germany", "DE", 5.0),
    ("Canada", "CA", 4.0),
    ("Netherlands", "NL", 3.0),
    ("Portugal", "PT", 3.0),
    ("Italy", "IT", 3.0),
    ("New Zealand", "NZ", 2.0),
    ("Jersey", "JE", 2.0),
    ("Guernsey", "GG", 1.5),
    ("Isle of Man", "IM", 1.5),
    ("Gibraltar", "GI", 1.0),
    ("Cyprus", "CY", 1.0),
    ("Greece", "GR", 1.0),
    ("Belgium", "BE", 1.0),
    ("Sweden", "SE", 1.0),
    ("Switzerland", "CH", 1.0),
    ("United Arab Emirates", "AE", 1.0),
    ("Poland", "PL", 1.0),
    ("Norway", "NO", 0.5),
    ("Denmark", "DK", 0.5),
    ("Thailand", "TH", 0.5),
    ("Hong Kong", "HK", 0.5),
    ("South Africa", "ZA", 0.5),
    ("Malta", "MT", 0.5),
)

_ABROAD_WEIGHTS = tuple(w for _n, _c, w in ABROAD)
_REGION_WEIGHTS = tuple(float(n) for _l, _n, n in REGIONS)

R = TypeVar("R")

#: The demo's vacant seat (no Member: the site then gives none), by its place in code order.
VACANT = 101


@dataclass(frozen=True, slots=True)
class Seat:
    name: str
    ons_code: str
    mp: str | None
    region: int  # index into REGIONS
    weight: float  # relative size of the electorate


@cache
def seats() -> tuple[Seat, ...]:
    """The 650 constituencies of 2024, sorted by ONS code, with invented Members."""
    rng = random.Random("demo constituencies")
    regions = [name for _letter, name, _n in REGIONS]
    shipped = sorted(reference_seats(BoundarySet.B2024).values(), key=lambda s: s.code)
    electorates = [s.electorate for s in shipped if s.electorate]
    mean = sum(electorates) / len(electorates)
    out: list[Seat] = []
    for n, seat in enumerate(shipped):
        mp = None if n == VACANT else f"{person(rng)} MP"
        size = (seat.electorate or mean) / mean
        out.append(Seat(seat.name, seat.code, mp, regions.index(seat.region), size))
    return tuple(out)


def spread(rng: random.Random, total: int, weights: Sequence[float]) -> list[int]:
    """``total`` split over ``weights`` with noise; the parts add up to ``total`` exactly."""
    scale = total / sum(weights)
    rand = rng.random
    draws = [rand() for _ in weights]
    # One draw per part gives both the noise and the rounding: cheap, and unbiased enough.
    counts = [int(w * scale * (0.55 + 0.9 * r) + r) for w, r in zip(weights, draws, strict=True)]
    diff = total - sum(counts)
    order = sorted(range(len(counts)), key=counts.__getitem__, reverse=True)
    i = 0
    while diff:
        j = order[i % len(order)]
        step = 1 if diff > 0 else (-1 if counts[j] > 0 else 0)
        counts[j] += step
        diff -= step
        i += 1
    return counts


def _seat_weights(rng: random.Random, total: int) -> list[float]:
    """Seat sizes, tilted towards a home region and sometimes towards one home seat."""
    all_seats = seats()
    bias = [1.0] * len(REGIONS)
    if rng.random() < 0.4:
        bias[rng.randrange(len(REGIONS))] = rng.uniform(1.5, 4.0)
    weights = [s.weight * bias[s.region] for s in all_seats]
    if total < 10_000 and rng.random() < 0.25:  # a local campaign
        share = rng.uniform(0.3, 0.7)
        home = rng.randrange(len(weights))
        weights[home] = share / (1.0 - share) * (sum(weights) - weights[home])
    return weights


class _Records(Generic[R]):
    """Records for small counts, shared between petitions (they are immutable)."""

    def __init__(self, make: Callable[[int, int], R], size: int) -> None:
        self._make = make
        self._rows: list[list[R | None]] = [[None] * _SMALL for _ in range(size)]

    def get(self, index: int, count: int) -> R:
        if count >= _SMALL:
            return self._make(index, count)
        row = self._rows[index]
        entry = row[count]
        if entry is None:
            entry = row[count] = self._make(index, count)
        return entry


_SMALL = 64
#: Every country by name, as the site sorts them; where each of ``ABROAD`` falls in it.
_COUNTRIES = tuple(sorted([UNITED_KINGDOM, *((n, c) for n, c, _w in ABROAD)]))
_ABROAD_AT = tuple(_COUNTRIES.index((n, c)) for n, c, _w in ABROAD)
_UK_AT = _COUNTRIES.index(UNITED_KINGDOM)
_COUNTRY_RECORDS = _Records(lambda i, k: CountryCount(*_COUNTRIES[i], k), len(_COUNTRIES))
_REGION_RECORDS = _Records(lambda i, k: RegionCount(REGIONS[i][1], REGIONS[i][0], k), len(REGIONS))


@cache
def _seat_records() -> _Records[ConstituencyCount]:
    all_seats = seats()

    def make(index: int, count: int) -> ConstituencyCount:
        seat = all_seats[index]
        return ConstituencyCount(seat.name, seat.ons_code, seat.mp, count)

    return _Records(make, len(all_seats))


def _countries(rng: random.Random, total: int) -> tuple[tuple[CountryCount, ...], int]:
    abroad = int(total * rng.uniform(0.005, 0.05) + rng.random())
    counts = [0] * len(_COUNTRIES)
    if abroad < len(ABROAD):  # a few signatures from abroad: draw their countries one by one
        for i in rng.choices(range(len(ABROAD)), weights=_ABROAD_WEIGHTS, k=abroad):
            counts[_ABROAD_AT[i]] += 1
    else:
        for i, k in enumerate(spread(rng, abroad, _ABROAD_WEIGHTS)):
            counts[_ABROAD_AT[i]] = k
    counts[_UK_AT] = total - abroad
    get = _COUNTRY_RECORDS.get
    return tuple(get(i, k) for i, k in enumerate(counts) if k), total - abroad


def breakdowns(rng: random.Random, total: int, *, with_constituencies: bool) -> Breakdowns:
    """Signatures by country, region and (when asked) constituency for ``total`` signatures."""
    countries, uk = _countries(rng, total)
    region_totals = [0] * len(REGIONS)
    constituencies: tuple[ConstituencyCount, ...] = ()
    if with_constituencies:
        all_seats = seats()
        counts = spread(rng, uk, _seat_weights(rng, total))
        for seat, count in zip(all_seats, counts, strict=True):
            region_totals[seat.region] += count
        record = _seat_records().get
        constituencies = tuple(record(i, k) for i, k in enumerate(counts) if k)
    else:
        region_totals = spread(rng, uk, _REGION_WEIGHTS)
    region = _REGION_RECORDS.get  # like constituencies, a region nobody signed from is left out
    regions = tuple(region(i, k) for i, k in enumerate(region_totals) if k)
    return Breakdowns(countries=countries, regions=regions, constituencies=constituencies)
