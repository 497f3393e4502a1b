"""The Committee's side of the demo: reviews, requests, chases and meetings.

The 724432-style petition gets the whole story, written through the same services a clerk
uses (with the clock set to each step's day): the original response reviewed and sent back
at a meeting, the request sent and chased, the revised response arriving and closing the
request, and the Committee accepting it at the next meeting. A few recent responses get an
open request, an overdue one and a draft, so the request queues are not empty.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.engine import Engine

from caseworker.demo import modelled
from caseworker.domain.casework import Decision, RequestStatus, Verdict
from caseworker.importing.revisions import link_revised_responses
from caseworker.services.casework import CaseworkServices, Clock
from caseworker.storage import models as m
from caseworker.storage.engine import database_for

CLERK = "demo clerk"
P, V = m.Petition, m.ResponseVersion


class _StepClock:
    """The demo's clock: each step of the story happens on its own day, at 10:30."""

    def __init__(self) -> None:
        self.at = datetime(2000, 1, 1, tzinfo=UTC)

    def on(self, day: date) -> None:
        self.at = datetime.combine(day, time(10, 30), UTC)

    def __call__(self) -> datetime:
        return self.at


def tuesday_after(day: date) -> date:
    return day + timedelta(days=(1 - day.weekday()) % 7 or 7)


def seed_casework(engine: Engine, today: date) -> None:
    database = database_for(engine)
    clock = _StepClock()
    services = CaseworkServices.open(database, actor=CLERK, clock=Clock(now=clock))
    _modelled_story(engine, services, clock)
    _recent_requests(engine, services, clock, today)


def _versions(engine: Engine, petition_id: int) -> list[tuple[int, date, datetime]]:
    with engine.connect() as c:
        rows = c.execute(
            select(V.id, V.responded_on, V.first_seen_at)
            .where(V.petition_id == petition_id, V.responded_on.is_not(None))
            .order_by(V.responded_on)
        ).all()
    return [(r[0], r[1], r[2]) for r in rows if r[1] is not None]


def _modelled_story(engine: Engine, services: CaseworkServices, clock: _StepClock) -> None:
    with engine.connect() as c:
        pid = c.scalar(select(P.id).where(P.is_demo, P.action == modelled.ACTION))
    versions = _versions(engine, pid) if pid else []
    if pid is None or len(versions) < 2:
        return
    (original, answered_on, _), (_revised, revised_on, _seen) = versions[0], versions[-1]
    first_meeting = tuesday_after(answered_on)
    clock.on(first_meeting - timedelta(days=4))
    services.reviews.save_review(
        pid, original, Verdict.REQUEST_REVISION, answers_request=False, states_position=False,
        notes="Describes teacher training and the PINS programme but does not say whether "
        "training will be made mandatory, which is what the petition asks.",
    )  # fmt: skip
    clock.on(first_meeting)
    meeting = services.meetings.open_meeting(first_meeting)
    services.meetings.record_decision(meeting.recorded_id, pid, Decision.REQUEST_REVISION,
                                      response_version_id=original)  # fmt: skip
    clock.on(first_meeting + timedelta(days=1))
    request = services.requests.create(
        pid, "The response does not say whether the Government will make neurodiversity "
        "training mandatory for all education staff, as the petition asks.",
        response_version_id=original,
    )  # fmt: skip
    if request.due_on and request.due_on < revised_on:
        clock.on(request.due_on + timedelta(days=1))
        request = services.requests.chase(request.id, request.version,
                                          note="Emailed the DfE parliamentary clerk")  # fmt: skip
    with engine.begin() as connection:
        # The demo's clerk notices the revised response the day after it is published.
        noticed = datetime.combine(revised_on + timedelta(days=1), time(9), UTC)
        link_revised_responses(connection, [pid], CLERK, noticed)
    second_meeting = tuesday_after(revised_on)
    clock.on(second_meeting - timedelta(days=1))
    revised = _versions(engine, pid)[-1][0]
    services.reviews.save_review(
        pid, revised, Verdict.ACCEPT, answers_request=True, states_position=True,
        notes="Now says plainly that there are no plans beyond the ITT and Early Career "
        "Framework.",
    )  # fmt: skip
    clock.on(second_meeting)
    meeting = services.meetings.open_meeting(second_meeting)
    decide = services.meetings.record_decision
    decide(meeting.recorded_id, pid, Decision.ACCEPT_REVISED, response_version_id=revised,
           request_id=request.id)  # fmt: skip
    request = services.requests.get(request.id)
    if request.status == RequestStatus.RECEIVED:
        services.requests.accept(request.id, request.version)


def _recent_requests(
    engine: Engine, services: CaseworkServices, clock: _StepClock, today: date
) -> None:
    """An overdue request (chased), one waiting within its time, and a draft."""
    with engine.connect() as c:
        rows = c.execute(
            select(P.id, V.responded_on)
            .join(V, (V.petition_id == P.id) & V.is_current)
            .where(P.is_demo, P.action != modelled.ACTION, V.responded_on.is_not(None))
            .where(V.responded_on > today - timedelta(days=120))
            .order_by(V.responded_on, P.id)
        ).all()
    answered = [(pid, day) for pid, day in rows if day is not None]
    overdue = next(((p, d) for p, d in answered if d < today - timedelta(days=35)), None)
    recent = [(p, d) for p, d in answered if d >= today - timedelta(days=30)]
    reasons = "The response does not say whether the Government will do what the petition asks."
    if overdue is not None:
        pid, responded_on = overdue
        clock.on(tuesday_after(responded_on) + timedelta(days=1))
        request = services.requests.create(pid, reasons)
        if request.due_on is not None and request.due_on + timedelta(days=2) <= today:
            clock.on(request.due_on + timedelta(days=2))
            services.requests.chase(request.id, request.version)
    for (pid, responded_on), status in zip(
        recent[-2:], (RequestStatus.SENT, RequestStatus.DRAFT), strict=False
    ):
        clock.on(min(today, responded_on + timedelta(days=3)))
        services.requests.create(pid, reasons, status=status)
