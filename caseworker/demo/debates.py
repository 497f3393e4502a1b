"""The Committee's debate work in the demo: its members, the calendar and debate records.

Written through the same services a clerk uses, so every step is in the history. The
demo's scheduled and debated petitions meet the Committee's records as an import would
(caseworker.services.debates.site); around the demo's today the clerk has a proposed
debate, two scheduled in the coming weeks (one of two petitions, in an extra slot), a
withdrawn one, and the summary of a held one. The Committee's members sit for real 2024
seats under the demo's invented names (caseworker.demo.places).
"""

from __future__ import annotations

from datetime import date, time, timedelta

from sqlalchemy import and_, delete, exists, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session

from caseworker.demo.casework import CLERK, _StepClock
from caseworker.demo.engagement import seed_engagement
from caseworker.demo.places import seats
from caseworker.domain.debates import DebateStatus
from caseworker.services.casework.common import CaseworkError, Clock
from caseworker.services.debates import DebateServices
from caseworker.services.debates.site import SITE, link_site_debates_in, opening_members_of
from caseworker.services.related import RelatedService
from caseworker.storage import models as m
from caseworker.storage.debate_models import CommitteeDebate, DebatePetition
from caseworker.storage.engine import database_for

P, D = m.Petition, m.Debate
#: Seats (by ONS code order) of the Committee's members, with a party each.
COMMITTEE = ((12, "Labour"), (97, "Conservative"), (171, "Labour"), (260, "Liberal Democrat"),
             (333, "Labour"), (412, "Reform UK"), (498, "Labour"), (590, "Scottish National Party"),
             (633, "Conservative"))  # fmt: skip
#: Recess names by the month they start in.
RECESS_NAMES = {1: "February", 2: "February", 3: "Easter", 4: "Easter", 5: "Whitsun",
                6: "Whitsun", 7: "Summer", 8: "Summer", 9: "Conference", 10: "Conference",
                11: "November", 12: "Christmas"}  # fmt: skip
EXTRA_START = time(9, 30)
SUMMARY = (
    "Members on all sides spoke of constituents' experiences; the Minister said the "
    "Government would publish its review in the spring and meet the petitioners."
)


def clear_demo_debates(db: Connection) -> None:
    """Remove the Committee's records of debates on demo petitions (before the petitions)."""
    demo = (
        select(DebatePetition.debate_id)
        .join(P, P.id == DebatePetition.petition_id)
        .where(P.is_demo.is_(True))
    )
    db.execute(delete(CommitteeDebate).where(CommitteeDebate.id.in_(demo)))


def seed_debates(engine: Engine, today: date) -> None:
    database = database_for(engine)
    clock = _StepClock()
    clock.on(today - timedelta(days=60))
    services = DebateServices.open(database, actor=CLERK, clock=Clock(now=clock))
    _members(engine, services)
    _recesses(services, today)
    with engine.begin() as connection:
        sited = _site_dated(connection)
        link_site_debates_in(connection, sited, actor=CLERK, now=clock())
    clock.on(today - timedelta(days=1))
    _summary_of_latest_held(services)
    _another_opener(services)
    _clerks_debates(engine, services, clock, today)
    engaged = seed_engagement(services, today)
    if engaged is not None:
        _material(services, engaged)


def _members(engine: Engine, services: DebateServices) -> None:
    """The Committee's members, and the Members the site names to open demo debates."""
    kept = {m.name for m in services.members.members()}
    all_seats = seats()
    for index, party in COMMITTEE:
        seat = all_seats[index]
        if seat.mp is None or seat.mp.removesuffix(" MP") in kept:
            continue
        services.members.add(seat.mp, constituency=seat.name, constituency_code=seat.ons_code,
                             party=party, committee_member=True)  # fmt: skip
    by_name = {s.mp.removesuffix(" MP"): s for s in all_seats if s.mp}
    with Session(engine) as session:
        named = opening_members_of(session, _site_dated(session.connection()))
    for name in sorted({n.removesuffix(" MP") for n in named.values()} - kept):
        sits = by_name.get(name)
        if sits is not None and name not in {m.name for m in services.members.members()}:
            services.members.add(name, constituency=sits.name, constituency_code=sits.ons_code)


def _site_dated(connection: Connection) -> list[int]:
    """Demo petitions the site gives a debate date for."""
    query = (
        select(P.id)
        .outerjoin(D, D.petition_id == P.id)
        .where(P.is_demo.is_(True))
        .where(P.scheduled_debate_date.is_not(None) | D.debated_on.is_not(None))
        .order_by(P.id)
    )
    return list(connection.scalars(query))


def _recesses(services: DebateServices, today: date) -> None:
    """One recess just past and one to come (none when the clerks keep their own)."""
    if services.calendar.recesses():
        return
    last_monday = today - timedelta(days=today.weekday())
    for starts in (last_monday - timedelta(weeks=5), last_monday + timedelta(weeks=8)):
        try:
            services.calendar.add_recess(RECESS_NAMES[starts.month], starts,
                                         starts + timedelta(days=11))  # fmt: skip
        except CaseworkError:
            continue  # a debate the site scheduled is in that fortnight: no recess there


def _summary_of_latest_held(services: DebateServices) -> None:
    held = services.debates.debates(status=DebateStatus.HELD.value)
    if held:
        latest = held[-1]
        services.debates.update(latest.id, latest.version, summary=SUMMARY)


def _another_opener(services: DebateServices) -> None:
    """The clerk has asked another Committee member to open the last scheduled debate the
    site announced: the record and the site now disagree, and the clerk sees it."""
    announced = [
        d for d in services.debates.debates(status=DebateStatus.SCHEDULED.value)
        if d.created_by == SITE and d.opening_member is not None
    ]  # fmt: skip
    committee = services.members.members(committee_only=True)
    if not announced or not committee:
        return
    debate, named = announced[-1], announced[-1].opening_member
    other = next((m for m in committee if named is None or m.id != named.id), None)
    if other is not None:
        services.debates.update(debate.id, debate.version, opening_member_id=other.id)


def _clerks_debates(
    engine: Engine, services: DebateServices, clock: _StepClock, today: date
) -> None:
    """From petitions past 100,000 with no debate yet: one proposed (no slot yet), two
    grouped on a Monday then moved to an extra slot (the first record withdrawn), and one
    scheduled with a Committee member to open it."""
    waiting = _waiting(engine)
    first, last = today + timedelta(days=7), today + timedelta(weeks=12)
    free = services.calendar.free_slots(first, last)
    mondays = [s.day for s in free if s.extra_slot_id is None]
    extra = next((s.day for s in free if s.extra_slot_id is not None), None)
    if extra is None and mondays:
        extra = _extra_slot(services, mondays[0] + timedelta(days=1))
    if not waiting or len(mondays) < 2 or extra is None:
        return
    grouped = _related_pair(engine, waiting)
    alone = [pid for pid in waiting if pid not in grouped]
    committee = [m.name for m in services.members.members(committee_only=True)]
    if alone:
        services.debates.schedule(alone[:1])
    if grouped:
        moved = services.debates.schedule(grouped, day=mondays[1])
        clock.on(today)
        services.debates.update(moved.id, moved.version, status=DebateStatus.WITHDRAWN.value)
        services.debates.schedule(
            grouped, day=extra, starts_at=EXTRA_START,
            opening_member=committee[0] if committee else None,
        )  # fmt: skip
    if len(alone) > 2:  # and at least one is left waiting for the Committee's decision
        opener = committee[1] if len(committee) > 1 else None
        services.debates.schedule(alone[1:2], day=mondays[0], opening_member=opener)


def _material(services: DebateServices, debate_id: int) -> None:
    """The pack's parliamentary material: what the stored petitions suggest (an earlier
    debate on the same subject), and a Library briefing the clerk adds by hand."""
    material = services.material
    material.accept(debate_id, material.suggest(debate_id))
    material.add(
        debate_id, "further_reading", "Commons Library briefing on the subject",
        link="https://commonslibrary.parliament.uk/research-briefings/",
        note="Background for Members; the clerk links the current briefing.",
    )  # fmt: skip


def _related_pair(engine: Engine, waiting: list[int]) -> list[int]:
    """Two waiting petitions on the same subject (one among the other's closest), as the
    Committee would debate together; in a small demo with no two alike, the first two."""
    related = RelatedService(database_for(engine))
    for pid in waiting:
        for match in related.related(pid, limit=10):
            if match.id in waiting:
                return [pid, match.id]
    return waiting[:2] if len(waiting) > 2 else []


def _extra_slot(services: DebateServices, day: date) -> date | None:
    """A Tuesday morning slot for the grouped debate."""
    try:
        services.calendar.add_extra_slot(day, EXTRA_START, note="Given for a grouped debate")
    except CaseworkError:
        return None  # in recess
    return day


def _waiting(engine: Engine) -> list[int]:
    """Demo petitions past 100,000 with no debate date and in no Committee record."""
    recorded = exists().where(DebatePetition.petition_id == P.id)
    query = (
        select(P.id)
        .outerjoin(D, D.petition_id == P.id)
        .where(P.is_demo.is_(True), P.debate_threshold_reached_at.is_not(None))
        .where(and_(P.scheduled_debate_date.is_(None), D.debated_on.is_(None)))
        .where(P.has_debate_outcome.is_(False), ~recorded)
        .order_by(P.signature_count.desc(), P.id)
        .limit(8)
    )
    with engine.connect() as connection:
        return list(connection.scalars(query))
