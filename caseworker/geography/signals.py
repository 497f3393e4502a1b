"""Signals worth a look, from public data only: things a clerk may want to check before a
debate, never findings. Each says what was seen, how it compares, and that there is often an
ordinary reason (a local campaign, a story in the news, people abroad who care).

Three kinds:

- an unusual share of signatures from outside the UK;
- a seat whose rate per 1,000 electors is far beyond the other seats';
- a jump in one seat between two captures, beyond what the petition's growth would give it.

The last needs two captures' constituency breakdowns. The database keeps the newest
breakdown of a petition (``constituency_signatures``) and the one it replaced
(``previous_constituency_signatures``): :func:`signals` compares those unless given earlier
captures explicitly.
"""

from __future__ import annotations

import enum
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, replace

from caseworker.formatting import count, moment
from caseworker.geography.figures import PetitionGeography, SeatFigures, petition_geography
from caseworker.reference import Seat
from caseworker.services.dto import PetitionDetail

#: Outside-UK share worth a look. In 273 captures of 2020–22 petitions with 1,000 or more
#: signatures the median share was 0.7% and fewer than one in fifty passed 5%.
OUTSIDE_UK_SHARE = 0.05
#: Below this many signatures a share says little.
FEWEST_SIGNATURES = 1_000
#: A seat is far beyond the rest when its rate per 1,000 electors is this many times the
#: next seat's, and ...
RATE_TIMES_RUNNER_UP = 3.0
#: ... this many times the median seat's, with ...
RATE_TIMES_MEDIAN = 10.0
#: ... at least this many signatures. (A robust z-score alone flagged dozens of seats on any
#: petition with a regional subject; only one seat can be this far ahead of all the others.)
FEWEST_IN_SEAT = 100
#: A seat gaining this many times what its share of the petition would give it, and ...
JUMP_TIMES_EXPECTED = 5.0
#: ... at least this many signatures between the captures, is worth a look.
FEWEST_IN_JUMP = 200
#: Scales the median absolute deviation to a standard deviation for normal data.
_MAD_SCALE = 1.4826


class SignalKind(enum.Enum):
    OUTSIDE_UK = "outside_uk"
    SEAT_RATE = "seat_rate"
    SEAT_JUMP = "seat_jump"


@dataclass(frozen=True)
class Signal:
    """One thing worth a look: a short title and a sentence with the figures."""

    kind: SignalKind
    title: str
    detail: str
    seat: Seat | None = None
    #: The figure seen (a share, a rate, a gain) and what would be usual beside it.
    value: float = 0.0
    usual: float = 0.0


def signals(
    detail: PetitionDetail, history: Sequence[PetitionDetail] | None = None
) -> list[Signal]:
    """Every signal worth a look in this capture; with ``history`` (earlier captures of the
    same petition, any order), also seats that jumped between one capture and the next."""
    geography = petition_geography(detail)
    found = outside_uk_signals(geography) + seat_rate_signals(geography)
    if history is None:
        history = stored_history(detail)
    if history:
        captures = sorted([*history, detail], key=_capture_time)
        for before, after in zip(captures, captures[1:], strict=False):
            found += seat_jump_signals(petition_geography(before), petition_geography(after))
    return found


def stored_history(detail: PetitionDetail) -> list[PetitionDetail]:
    """The earlier capture the database keeps: the breakdown by constituency that the newest
    replaced (an import or sync keeps one), as a capture of its own; none if not kept."""
    if not detail.previous_constituencies or detail.previous_breakdowns_as_of is None:
        return []
    earlier = detail.previous_constituencies
    return [
        replace(
            detail,
            signatures_by_constituency=earlier,
            breakdowns_as_of=detail.previous_breakdowns_as_of,
            updated_at=detail.previous_breakdowns_as_of,
            signature_count=sum(c.signature_count for c in earlier),
            signatures_by_country=(),
            previous_constituencies=(),
            previous_breakdowns_as_of=None,
        )
    ]


def _capture_time(detail: PetitionDetail) -> float:
    moment = detail.breakdowns_as_of or detail.updated_at
    return moment.timestamp()


def outside_uk_signals(geography: PetitionGeography) -> list[Signal]:
    """An unusual share of the signatures from outside the UK."""
    share = geography.outside_uk_share
    outside = geography.outside_uk
    if share is None or outside is None or geography.signature_count < FEWEST_SIGNATURES:
        return []
    if share < OUTSIDE_UK_SHARE:
        return []
    detail = (
        f"{count(outside)} of {count(geography.signature_count)} signatures "
        f"({_percent(share)}) came from outside the UK; most petitions have under 1%, and "
        f"few more than {OUTSIDE_UK_SHARE:.0%}. Worth a look: British people living "
        "abroad, or a subject followed abroad, often explain it."
    )
    title = "Worth a look: many signatures from outside the UK"
    return [Signal(SignalKind.OUTSIDE_UK, title, detail, None, share, OUTSIDE_UK_SHARE)]


def seat_rate_signals(geography: PetitionGeography) -> list[Signal]:
    """A seat whose rate per 1,000 electors is far beyond every other seat's."""
    known = [f for f in geography.seats if f.per_thousand is not None]
    if len(known) < 3 or geography.uk_total < FEWEST_SIGNATURES:
        return []
    ranked = sorted(known, key=lambda f: -(f.per_thousand or 0.0))
    top, runner_up = ranked[0], ranked[1]
    rate, next_rate = top.per_thousand or 0.0, runner_up.per_thousand or 0.0
    median = statistics.median(f.per_thousand or 0.0 for f in known)
    if top.signatures < FEWEST_IN_SEAT or median <= 0:
        return []
    if rate < RATE_TIMES_RUNNER_UP * next_rate or rate < RATE_TIMES_MEDIAN * median:
        return []
    return [_rate_signal(top, runner_up, median)]


def _rate_signal(top: SeatFigures, runner_up: SeatFigures, median: float) -> Signal:
    rate, next_rate = top.per_thousand or 0.0, runner_up.per_thousand or 0.0
    detail = (
        f"{top.name}: {count(top.signatures)} signatures, {rate:,.1f} per 1,000 electors, "
        f"{rate / next_rate:,.1f} times the next seat ({runner_up.name}, {next_rate:,.1f}) "
        f"and {rate / median:,.0f} times the median seat ({median:,.1f}). Worth a look: a "
        "local subject, a local campaign or the petitioner's own area often explains it."
    )
    title = f"Worth a look: {top.name} signed far more than any other seat"
    return Signal(SignalKind.SEAT_RATE, title, detail, top.seat, rate, median)


def seat_jump_signals(before: PetitionGeography, after: PetitionGeography) -> list[Signal]:
    """Seats that gained far more between two captures than their share of the petition
    would give them (the same boundary set is needed to compare seat with seat)."""
    if before.boundary_set is not after.boundary_set or before.uk_total <= 0:
        return []
    gained = after.uk_total - before.uk_total
    if gained <= 0:
        return []
    found = []
    for late in after.ranked():
        early = before.by_code[late.code]
        gain = late.signatures - early.signatures
        # The share before, smoothed so a seat with none before still expects a little.
        expected = gained * (early.signatures + 1) / (before.uk_total + len(before.seats))
        if gain >= FEWEST_IN_JUMP and gain >= JUMP_TIMES_EXPECTED * expected:
            found.append(_jump_signal(late, early, gain, expected, before, after))
    return found


def _jump_signal(
    late: SeatFigures,
    early: SeatFigures,
    gain: int,
    expected: float,
    before: PetitionGeography,
    after: PetitionGeography,
) -> Signal:
    detail = (
        f"{late.name} went from {count(early.signatures)} to {count(late.signatures)} "
        f"signatures between two captures ({_when(before)} and {_when(after)}), a gain of "
        f"{count(gain)} where its share of the petition would give about "
        f"{count(round(expected))}. Worth a look: local news or a local campaign often "
        "explains it."
    )
    title = f"Worth a look: a jump in {late.name}"
    return Signal(SignalKind.SEAT_JUMP, title, detail, late.seat, float(gain), expected)


def _when(geography: PetitionGeography) -> str:
    return moment(geography.as_of) if geography.as_of is not None else "an undated capture"


def _percent(share: float) -> str:
    return f"{100 * share:.1f}%"
