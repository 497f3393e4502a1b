"""Turn a timeline and its events into captures, as the importer would have parsed them."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from caseworker.demo import official, places
from caseworker.demo.clock import days, ms
from caseworker.demo.names import person
from caseworker.demo.scenarios import Context, Events
from caseworker.demo.series import point_count, sample_times
from caseworker.demo.sitejson import petition_url, site_json
from caseworker.demo.text import rejected_wording
from caseworker.demo.timeline import Opening
from caseworker.domain.records import PetitionCapture, Rejection

#: Petitions below this many signatures get no constituency breakdown (it keeps 100,000 fast).
CONSTITUENCY_FLOOR = 2_000


@dataclass(frozen=True, slots=True)
class DemoPetition:
    captures: tuple[PetitionCapture, ...]  # oldest first; the last is what the site shows now
    snapshots: tuple[tuple[datetime, int], ...]


#: Every field a demo capture leaves at its default.
_DEFAULTS: dict[str, Any] = {
    "archived": False, "parliament": None, "committee_note": None,
    "closing_date": None, "rejected_at": None, "opened_at": None, "closed_at": None,
    "response_threshold_reached_at": None, "government_response_at": None,
    "debate_threshold_reached_at": None, "debate_scheduled_on": None,
    "scheduled_debate_date": None, "debate_outcome_at": None, "creator_name": None,
    "rejection": None, "government_response": None, "debate": None, "departments": (),
    "topics": (), "breakdowns": None, "other_business": None, "from_single_view": True,
    "is_demo": True,
}  # fmt: skip


def _make(*, single: bool = True, **fields: Any) -> PetitionCapture:
    """A demo capture from ``fields`` (the rest defaulted), with its raw JSON."""
    values = {**_DEFAULTS, "raw_json": "", "source_url": petition_url(fields["id"]), **fields}
    values["raw_json"] = site_json(PetitionCapture(**values), single=single)
    return PetitionCapture(**values)


def _reached(at: datetime | None, by: datetime) -> datetime | None:
    return at if at is not None and at <= by else None


def _wording_fields(ctx: Context) -> dict[str, Any]:
    w = ctx.wording
    return {
        "id": ctx.petition_id, "action": w.action, "background": w.background,
        "additional_details": w.additional_details, "departments": w.departments,
        "topics": w.topics,
    }  # fmt: skip


def _timeline_fields(ctx: Context, at: datetime, creator: str) -> dict[str, Any]:
    """State, count and threshold times as they stood at ``at``."""
    tl = ctx.timeline
    is_open = tl.is_open_at(at)
    return {
        "state": "open" if is_open else "closed",
        "signature_count": tl.curve.count_at(min(at, tl.seen_at)),
        "closing_date": tl.closing_date if is_open else None, "created_at": tl.created_at,
        "updated_at": at, "opened_at": tl.opened_at,
        "closed_at": None if is_open else tl.closed_at,
        "moderation_threshold_reached_at": tl.moderated_at,
        "response_threshold_reached_at": _reached(tl.response_threshold_at, at),
        "debate_threshold_reached_at": _reached(tl.debate_threshold_at, at),
        "creator_name": creator if is_open else None,
    }  # fmt: skip


def _final_fields(ctx: Context, events: Events, count: int) -> dict[str, Any]:
    """What only the newest capture (a single view) has: debate, activity and breakdowns."""
    return {
        "debate_scheduled_on": events.debate_scheduled_on,
        "scheduled_debate_date": events.scheduled_debate_date,
        "debate_outcome_at": events.debate_outcome_at, "debate": events.debate,
        "other_business": events.business,
        "breakdowns": places.breakdowns(
            ctx.rng, count, with_constituencies=count >= CONSTITUENCY_FLOOR
        ),
    }  # fmt: skip


def capture(
    ctx: Context, events: Events, at: datetime, creator: str, *, final: bool
) -> PetitionCapture:
    """What the site showed at ``at``: the final capture, or an earlier one from a list page."""
    fields = _wording_fields(ctx) | _timeline_fields(ctx, at, creator)
    response = events.response if final else events.earlier_response
    fields["government_response"] = response
    fields["government_response_at"] = response.created_at if response else None
    if final:
        fields |= _final_fields(ctx, events, fields["signature_count"])
    return _make(single=final, from_single_view=final, **fields)


def _snapshots(ctx: Context, events: Events, final_at: datetime) -> list[tuple[datetime, int]]:
    tl = ctx.timeline
    times = sample_times(tl.opened_at, tl.seen_at, point_count(tl.signature_count))
    for crossed in (tl.response_threshold_at, tl.debate_threshold_at):
        if crossed is not None:
            just_after = ms(crossed + timedelta(minutes=ctx.rng.uniform(1.0, 180.0)))
            if just_after < tl.seen_at:
                times.append(just_after)
    if events.earlier_seen_at is not None:
        times.append(events.earlier_seen_at)
    points = tl.curve.points(times)
    if final_at > points[-1][0]:
        points.append((final_at, tl.signature_count))
    return points


def build(ctx: Context, events: Events) -> DemoPetition:
    """The petition's captures (oldest first) and its full snapshot series."""
    final_at = max(ctx.timeline.seen_at, events.last_change() or ctx.timeline.seen_at)
    creator = person(ctx.rng)
    captures = [capture(ctx, events, final_at, creator, final=True)]
    if events.earlier_response is not None and events.earlier_seen_at is not None:
        captures.insert(0, capture(ctx, events, events.earlier_seen_at, creator, final=False))
    return DemoPetition(tuple(captures), tuple(_snapshots(ctx, events, final_at)))


def rejected(
    rng: random.Random, petition_id: int, opening: Opening, as_of: datetime, other_id: int
) -> DemoPetition:
    """A petition moderated and rejected: only its creator and supporters ever signed it."""
    codes, weights = zip(*official.REJECTION_CODES, strict=True)
    code = rng.choices(codes, weights=weights)[0]
    w = rejected_wording(rng, code)
    decided = opening.moderated_at + days(rng.uniform(1.0, 14.0))
    rejected_at = ms(min(decided, as_of - timedelta(hours=1)))
    count = rng.randint(6, 21)
    c = _make(
        id=petition_id,
        action=w.action, background=w.background, additional_details=w.additional_details,
        state="rejected", signature_count=count, created_at=opening.created_at,
        updated_at=rejected_at, rejected_at=rejected_at,
        moderation_threshold_reached_at=opening.moderated_at,
        rejection=Rejection(code, official.rejection_details(code, other_id)),
    )  # fmt: skip
    return DemoPetition((c,), ((rejected_at, count),))
