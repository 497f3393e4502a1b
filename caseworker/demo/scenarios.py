"""The stages of the work a demo petition can be at, and the events that put it there.

Each stage has a :class:`~caseworker.demo.timeline.Spec` for its signature curve and a
builder that adds the Government response, debate and related activity on top. A builder
returns None when the drawn timeline cannot carry its events (the caller draws again).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from caseworker.demo import official
from caseworker.demo.clock import (
    between,
    days,
    london_date,
    london_moment,
    monday_on_or_after,
    ms,
    working_moment,
)
from caseworker.demo.official import Stance
from caseworker.demo.text import Wording
from caseworker.demo.timeline import Spec, Timeline
from caseworker.domain.records import BusinessItem, Debate, GovernmentResponse

R, D = 10_000, 100_000
BIG = (D, 1_500_000)
MIDDLE = (R, D)
_MARGIN = timedelta(hours=2)


class Stage(StrEnum):
    REJECTED = "rejected"
    OPEN = "open under threshold"
    CLOSED = "closed under threshold"
    APPROACHING = "approaching 10,000"
    AWAITING_RESPONSE = "awaiting a Government response"
    OVERDUE = "Government response overdue"
    RESPONDED = "responded"
    REVISED = "response revised"
    AWAITING_DEBATE = "awaiting a debate decision"
    SCHEDULED = "debate scheduled"
    DEBATED = "debated"
    NOT_DEBATED = "not debated"
    MODELLED = "modelled on petition 724432"  # hand-written, see caseworker.demo.modelled


SPECS: dict[Stage, Spec] = {
    Stage.OPEN: Spec((0.3, 178.0), state="open"),
    Stage.CLOSED: Spec((190.0, 730.0), state="closed"),
    Stage.APPROACHING: Spec((5.0, 30.0), sizes=(6_000, 9_800), state="open", steady=True),
    Stage.AWAITING_RESPONSE: Spec((2.0, 178.0), R, (0.05, 19.5), MIDDLE),
    Stage.OVERDUE: Spec((24.0, 250.0), R, (22.0, 90.0), MIDDLE),
    Stage.RESPONDED: Spec((15.0, 640.0), R, (12.0, 600.0), MIDDLE),
    Stage.REVISED: Spec((80.0, 640.0), R, (75.0, 600.0), MIDDLE),
    Stage.AWAITING_DEBATE: Spec((4.0, 220.0), D, (1.0, 45.0), BIG),
    Stage.SCHEDULED: Spec((15.0, 300.0), D, (12.0, 150.0), BIG),
    Stage.DEBATED: Spec((45.0, 720.0), D, (40.0, 640.0), BIG),
    Stage.NOT_DEBATED: Spec((60.0, 720.0), D, (45.0, 640.0), BIG),
}


@dataclass(frozen=True, slots=True)
class Events:
    response: GovernmentResponse | None = None
    earlier_response: GovernmentResponse | None = None  # superseded by ``response``
    earlier_seen_at: datetime | None = None  # a capture that showed the earlier response
    debate_scheduled_on: date | None = None
    scheduled_debate_date: date | None = None
    debate_outcome_at: datetime | None = None
    debate: Debate | None = None
    business: tuple[BusinessItem, ...] = ()

    def last_change(self) -> datetime | None:
        moments = [i.created_at for i in self.business if i.created_at is not None]
        if self.response is not None and self.response.updated_at is not None:
            moments.append(self.response.updated_at)
        if self.debate_outcome_at is not None:
            moments.append(self.debate_outcome_at)
        return max(moments, default=None)


@dataclass(frozen=True, slots=True)
class Context:
    rng: random.Random
    petition_id: int
    wording: Wording
    timeline: Timeline
    as_of: datetime

    @property
    def today(self) -> date:
        return self.as_of.date()


def _stance(rng: random.Random) -> Stance:
    return rng.choices(list(Stance), weights=(0.55, 0.3, 0.15))[0]


def respond(
    ctx: Context, lo: float, hi: float, stance: Stance | None = None
) -> GovernmentResponse | None:
    """A response ``lo`` to ``hi`` days after 10,000, or None if that is not yet in the past."""
    crossed = ctx.timeline.response_threshold_at
    if crossed is None:
        return None
    created = working_moment(ctx.rng, crossed + days(ctx.rng.uniform(lo, hi)))
    if created >= ctx.as_of - _MARGIN:
        return None
    text = official.response_text(ctx.rng, ctx.wording, stance or _stance(ctx.rng))
    return official.response(text, london_date(created), created, created)


def _nothing(ctx: Context) -> Events | None:
    return Events()


def _responded(ctx: Context) -> Events | None:
    response = respond(ctx, 4.0, 45.0)
    return None if response is None else Events(response=response)


def _revised(ctx: Context) -> Events | None:
    rng = ctx.rng
    first = respond(ctx, 5.0, 35.0, Stance.CONSIDERING)
    if first is None or first.created_at is None:
        return None
    revised_at = working_moment(rng, first.created_at + days(rng.uniform(20.0, 70.0)))
    if revised_at >= ctx.as_of - _MARGIN:
        return None
    stance = rng.choice((Stance.NO, Stance.YES))
    text = official.response_text(rng, ctx.wording, stance, revised=True)
    second = official.response(text, london_date(revised_at), first.created_at, revised_at)
    copied_at = ms(revised_at - timedelta(minutes=rng.uniform(2.0, 30.0)))
    return Events(
        response=second,
        earlier_response=first,
        earlier_seen_at=between(rng, first.created_at + _MARGIN, copied_at - _MARGIN),
        business=(official.original_response_item(first, copied_at),),
    )


def _awaiting_debate(ctx: Context) -> Events | None:
    return Events(response=respond(ctx, 4.0, 40.0))


def _scheduled(ctx: Context) -> Events | None:
    rng, crossed = ctx.rng, ctx.timeline.debate_threshold_at
    if crossed is None:
        return None
    decided = min(london_date(crossed + days(rng.uniform(5.0, 35.0))), ctx.today - timedelta(1))
    if decided < london_date(crossed):
        return None
    debate_on = monday_on_or_after(ctx.today + days(rng.uniform(3.0, 45.0)))
    business: tuple[BusinessItem, ...] = ()
    told_at = working_moment(rng, london_moment(decided, 9))
    if rng.random() < 0.6 and told_at < ctx.as_of - _MARGIN:
        business = (official.debate_scheduled_item(rng, debate_on, told_at),)
    return Events(
        response=respond(ctx, 4.0, 40.0),
        debate_scheduled_on=decided,
        scheduled_debate_date=debate_on,
        business=business,
    )


def _debated(ctx: Context) -> Events | None:
    rng, crossed = ctx.rng, ctx.timeline.debate_threshold_at
    response = respond(ctx, 4.0, 17.0)  # always before the debate, at least 21 days after 100k
    if crossed is None or response is None:
        return None
    debated_on = monday_on_or_after(london_date(crossed) + days(rng.uniform(21.0, 110.0)))
    decided = max(debated_on - days(rng.randint(14, 35)), london_date(crossed))
    outcome_at = working_moment(rng, london_moment(debated_on + days(rng.randint(1, 4)), 9))
    if outcome_at >= ctx.as_of - _MARGIN:
        return None
    return Events(
        response=response,
        debate_scheduled_on=decided,
        scheduled_debate_date=debated_on,
        debate_outcome_at=outcome_at,
        debate=official.debate(rng, ctx.wording, ctx.petition_id, debated_on),
    )


def _not_debated(ctx: Context) -> Events | None:
    rng, crossed = ctx.rng, ctx.timeline.debate_threshold_at
    response = respond(ctx, 4.0, 30.0)
    if crossed is None or response is None:
        return None
    outcome_at = working_moment(rng, crossed + days(rng.uniform(14.0, 60.0)))
    if outcome_at >= ctx.as_of - _MARGIN:
        return None
    return Events(response=response, debate_outcome_at=outcome_at, debate=official.not_debated(rng))


BUILDERS: dict[Stage, Callable[[Context], Events | None]] = {
    Stage.OPEN: _nothing,
    Stage.CLOSED: _nothing,
    Stage.APPROACHING: _nothing,
    Stage.AWAITING_RESPONSE: _nothing,
    Stage.OVERDUE: _nothing,
    Stage.RESPONDED: _responded,
    Stage.REVISED: _revised,
    Stage.AWAITING_DEBATE: _awaiting_debate,
    Stage.SCHEDULED: _scheduled,
    Stage.DEBATED: _debated,
    Stage.NOT_DEBATED: _not_debated,
}
