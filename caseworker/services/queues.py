"""The Committee's work queues as SQL filters, so the window and ``list --queue`` agree.

Each queue is evaluated "as of" a date: a petition that crossed 10,000 after that date is not
yet waiting, and one answered after it was still waiting then.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from sqlalchemy import ColumnElement, and_, exists, false, func, not_, or_, select, true
from sqlalchemy.orm import InstrumentedAttribute

from caseworker.domain.casework import AWAITING_DEPARTMENT, Decision, RequestStatus, Verdict
from caseworker.domain.debates import DebateDecisionKind, DebateStatus
from caseworker.domain.rules import RESPONSE_DEADLINE_DAYS, start_of_london_day
from caseworker.storage.casework_models import (
    CommitteeMeeting,
    MeetingDecision,
    ResponseReview,
    RevisionRequest,
)
from caseworker.storage.debate_models import CommitteeDebate, DebateDecision, DebatePetition
from caseworker.storage.models import Debate, ResponseVersion
from caseworker.storage.models import Petition as P


class Queue(StrEnum):
    ALL = "all"
    AWAITING_RESPONSE = "awaiting-response"
    RESPONSE_OVERDUE = "response-overdue"
    AWAITING_DEBATE_DECISION = "awaiting-debate-decision"
    DEBATE_SCHEDULED = "debate-scheduled"
    DEBATED = "debated"
    NOT_DEBATED = "not-debated"
    RESPONSE_RECEIVED = "response-received"
    RESPONSE_CONSIDERED = "response-considered"
    APPROACHING_THRESHOLD = "approaching-threshold"
    REVISION_REQUESTED = "revision-requested"
    REVISION_RECEIVED = "revision-received"


QUEUE_TITLES = {
    Queue.ALL: "All petitions",
    Queue.AWAITING_RESPONSE: "Awaiting Government response",
    Queue.RESPONSE_OVERDUE: "Government response overdue",
    Queue.RESPONSE_RECEIVED: "Response received",
    Queue.RESPONSE_CONSIDERED: "Responses considered",
    Queue.APPROACHING_THRESHOLD: "Approaching a threshold",
    Queue.REVISION_REQUESTED: "Revised response requested",
    Queue.REVISION_RECEIVED: "Revised response received",
    Queue.AWAITING_DEBATE_DECISION: "Awaiting debate decision",
    Queue.DEBATE_SCHEDULED: "Debate scheduled",
    Queue.DEBATED: "Debated",
    Queue.NOT_DEBATED: "Decided not to debate",
}


#: "Approaching a threshold": forecast to cross 10,000 or 100,000 within this many days.
APPROACH_DAYS = 14


@dataclass(frozen=True)
class QueueRules:
    as_of: date
    response_days: int = RESPONSE_DEADLINE_DAYS


def start_of(day: date) -> datetime:
    """Queues count in London days, as the Committee does."""
    return start_of_london_day(day)


def queue_filter(queue: Queue, rules: QueueRules) -> ColumnElement[bool]:
    """A queue as it stood at the end of ``rules.as_of``: a petition created later is absent."""
    end_of_day = start_of(rules.as_of + timedelta(days=1))
    return and_(_created_by(end_of_day), _queue_condition(queue, rules, end_of_day))


def _created_by(end_of_day: datetime) -> ColumnElement[bool]:
    # Old captures may lack created_at; opened_at is then the earliest date known.
    created = func.coalesce(P.created_at, P.opened_at)
    return or_(created.is_(None), created < end_of_day)


def _outcome_known(end_of_day: datetime) -> ColumnElement[bool]:
    """The debate outcome had been recorded by then (an undated outcome counts as known)."""
    return and_(
        P.has_debate_outcome == true(),
        or_(P.debate_outcome_at.is_(None), P.debate_outcome_at < end_of_day),
    )


def _scheduled_by(as_of: date) -> ColumnElement[bool]:
    """A debate date had been set by then; before Nov 2025 the site did not say when it was
    set, so a date with no ``debate_scheduled_on`` counts as set since the petition existed."""
    return and_(
        P.scheduled_debate_date.is_not(None),
        or_(P.debate_scheduled_on.is_(None), P.debate_scheduled_on <= as_of),
    )


def _queue_condition(queue: Queue, rules: QueueRules, end_of_day: datetime) -> ColumnElement[bool]:
    awaiting_response = and_(
        P.response_threshold_reached_at < end_of_day,
        or_(P.has_response == false(), P.government_response_at >= end_of_day),
    )
    if queue is Queue.ALL:
        return true()
    if queue is Queue.AWAITING_RESPONSE:
        return awaiting_response
    if queue is Queue.RESPONSE_OVERDUE:
        # Due ``response_days`` after the day of crossing; overdue from the day after that.
        latest_on_time = start_of(rules.as_of - timedelta(days=rules.response_days))
        return and_(awaiting_response, P.response_threshold_reached_at < latest_on_time)
    if queue is Queue.AWAITING_DEBATE_DECISION:
        return and_(
            P.debate_threshold_reached_at < end_of_day,
            not_(_scheduled_by(rules.as_of)),
            not_(_outcome_known(end_of_day)),
            not_(_latest_debate_decision(rules.as_of).in_(SETTLED_BY)),
            not_(_in_pending_debate(end_of_day)),
        )
    if queue is Queue.DEBATE_SCHEDULED:
        site_date_ahead = and_(_scheduled_by(rules.as_of), P.scheduled_debate_date > rules.as_of)
        return and_(
            or_(site_date_ahead, _committee_debate_ahead(rules.as_of, end_of_day)),
            not_(_outcome_known(end_of_day)),
        )
    if queue is Queue.NOT_DEBATED:
        no_date = exists().where(Debate.petition_id == P.id, Debate.debated_on.is_(None))
        declined = _latest_debate_decision(rules.as_of) == DebateDecisionKind.DECLINE.value
        return or_(and_(_outcome_known(end_of_day), no_date), declined)
    if queue in (Queue.RESPONSE_RECEIVED, Queue.RESPONSE_CONSIDERED):
        received = and_(
            P.has_response == true(),
            P.response_threshold_reached_at.is_not(None),
            or_(P.government_response_at.is_(None), P.government_response_at < end_of_day),
        )
        awaiting = _awaiting_consideration(rules.as_of)
        return and_(received, awaiting if queue is Queue.RESPONSE_RECEIVED else ~awaiting)
    if queue is Queue.REVISION_REQUESTED:
        return _has_request(_requested_by(rules.as_of, end_of_day))
    if queue is Queue.REVISION_RECEIVED:
        return _has_request(_received_by(rules.as_of, end_of_day))
    if queue is Queue.APPROACHING_THRESHOLD:
        return _approaching(rules.as_of, end_of_day)
    # An outcome with a date means debated; a date passed without an outcome is "debated,
    # outcome pending" on the site (section 7.2).
    debated_outcome = exists().where(
        Debate.petition_id == P.id, Debate.debated_on.is_not(None), Debate.debated_on <= rules.as_of
    )
    return or_(
        debated_outcome,
        and_(not_(_outcome_known(end_of_day)), P.scheduled_debate_date <= rules.as_of),
    )


#: The Committee's latest decision at 100,000 that settles whether it debates a petition
#: (deferring or seeking information leaves it waiting).
SETTLED_BY = (
    DebateDecisionKind.SCHEDULE.value,
    DebateDecisionKind.DECLINE.value,
    DebateDecisionKind.GROUP.value,
)
#: Committee debates still to happen: a petition in one is no longer awaiting a decision.
PENDING_DEBATE = (DebateStatus.PROPOSED.value, DebateStatus.SCHEDULED.value)


def _latest_debate_decision(as_of: date) -> ColumnElement[str]:
    """The Committee's latest decision at 100,000 on the petition made by ``as_of`` ("" if
    none): a decline that was later deferred is waiting again."""
    d = DebateDecision
    latest = (
        select(d.decision)
        .where(d.petition_id == P.id, d.decided_on <= as_of)
        .order_by(d.decided_on.desc(), d.decided_at.desc(), d.id.desc())
        .limit(1)
        .correlate(P)
        .scalar_subquery()
    )
    return func.coalesce(latest, "")


def _in_pending_debate(end_of_day: datetime) -> ColumnElement[bool]:
    """In a debate the Committee had proposed or scheduled by then (as it stands now)."""
    d, dp = CommitteeDebate, DebatePetition
    return exists().where(
        dp.petition_id == P.id,
        d.id == dp.debate_id,
        d.status.in_(PENDING_DEBATE),
        d.created_at < end_of_day,
    )


def _committee_debate_ahead(as_of: date, end_of_day: datetime) -> ColumnElement[bool]:
    """In a debate the Committee had recorded by then that is still to come: scheduled for
    a later day, or proposed with no day yet (the Committee has agreed to a debate, so the
    petition is no longer awaiting a decision, and is listed here until it is held)."""
    d, dp = CommitteeDebate, DebatePetition
    to_come = or_(
        and_(d.status == DebateStatus.SCHEDULED.value, d.day > as_of),
        and_(d.status == DebateStatus.PROPOSED.value, d.day.is_(None)),
    )
    return exists().where(
        dp.petition_id == P.id, d.id == dp.debate_id, d.created_at < end_of_day, to_come
    )


def _awaiting_consideration(as_of: date) -> ColumnElement[bool]:
    """The current response is still for the Committee to consider: no clerk's verdict on it
    (other than defer), no meeting decision on it (other than defer), and no meeting held by
    ``as_of`` whose cut-off it arrived by (every such response was on that meeting's papers,
    so one from 2020 is not waiting) unless the Committee deferred it.
    """
    v, r, d, mt = ResponseVersion, ResponseReview, MeetingDecision, CommitteeMeeting
    current = and_(v.petition_id == P.id, v.is_current == true())
    reviewed = exists().where(
        current, r.response_version_id == v.id, r.verdict != Verdict.DEFER.value
    )
    decided = exists().where(
        current, d.response_version_id == v.id, d.decision != Decision.DEFER.value
    )
    # A response arriving on or before a meeting's cut-off was on that meeting's agenda.
    on_papers = exists().where(
        current, mt.meets_on <= as_of, v.responded_on.is_not(None), v.responded_on <= mt.cut_off
    )
    deferred = exists().where(
        current, d.response_version_id == v.id, d.decision == Decision.DEFER.value
    )
    return ~or_(reviewed, decided, and_(on_papers, ~deferred))


def _has_request(condition: ColumnElement[bool]) -> ColumnElement[bool]:
    return exists().where(RevisionRequest.petition_id == P.id, condition)


def _statuses(*statuses: RequestStatus) -> list[str]:
    return [s.value for s in statuses]


def _requested_by(as_of: date, end_of_day: datetime) -> ColumnElement[bool]:
    """A revision request that was open (drafted or with the department) at ``end_of_day``.

    Requests keep their dates of creation and receipt; a withdrawal's date is when the request
    was last changed. Today this is simply the open statuses.
    """
    r = RevisionRequest
    open_now = r.status.in_(_statuses(RequestStatus.DRAFT, *AWAITING_DEPARTMENT))
    received_later = and_(
        r.status.in_(_statuses(RequestStatus.RECEIVED, RequestStatus.ACCEPTED)),
        ~_arrived_by(as_of, end_of_day),
    )
    withdrawn_later = and_(r.status == RequestStatus.WITHDRAWN.value, r.updated_at >= end_of_day)
    return and_(r.created_at < end_of_day, or_(open_now, received_later, withdrawn_later))


def _received_by(as_of: date, end_of_day: datetime) -> ColumnElement[bool]:
    """A revised response that had arrived by ``end_of_day`` and was not yet accepted."""
    r = RevisionRequest
    received_now = and_(r.status == RequestStatus.RECEIVED.value, _arrived_by(as_of, end_of_day))
    accepted_later = and_(
        r.status == RequestStatus.ACCEPTED.value,
        _arrived_by(as_of, end_of_day),
        r.updated_at >= end_of_day,
    )
    return or_(received_now, accepted_later)


def _arrived_by(as_of: date, end_of_day: datetime) -> ColumnElement[bool]:
    """The revised response was published by then: its own date where the site gave one
    (a capture imported months later does not move it), else when it was imported."""
    r, v = RevisionRequest, ResponseVersion
    published = select(v.responded_on).where(v.id == r.revised_version_id).scalar_subquery()
    by_date = published <= as_of
    return func.coalesce(by_date, r.received_at < end_of_day, true())


def _approaching(as_of: date, end_of_day: datetime) -> ColumnElement[bool]:
    """Open petitions due to cross 10,000 or 100,000 within ``APPROACH_DAYS``.

    The stored forecast is made from the newest capture; on a past date, a petition that did
    cross in the following days was approaching then (and its newest forecast, about the next
    threshold, is not used).
    """
    horizon = start_of(as_of + timedelta(days=APPROACH_DAYS + 1))

    def crossed_soon_after(
        reached_at: InstrumentedAttribute[datetime | None],
    ) -> ColumnElement[bool]:
        return and_(reached_at >= end_of_day, reached_at < horizon)

    open_then = and_(
        or_(P.opened_at.is_(None), P.opened_at < end_of_day),
        or_(P.closed_at.is_(None), P.closed_at >= end_of_day),
    )
    crossed = or_(
        crossed_soon_after(P.response_threshold_reached_at),
        crossed_soon_after(P.debate_threshold_reached_at),
    )
    forecast = and_(
        P.state == "open", P.forecast_crossing_at.is_not(None), P.forecast_crossing_at < horizon
    )
    return and_(open_then, or_(crossed, forecast))


#: Queues of petitions awaiting a first Government response: the department may be chased.
FIRST_RESPONSE_QUEUES = frozenset({Queue.AWAITING_RESPONSE, Queue.RESPONSE_OVERDUE})


def age_column(queue: Queue) -> InstrumentedAttribute[datetime | None] | None:
    """The timestamp a queue's "days waiting" counts from, if the queue has an age."""
    if queue in FIRST_RESPONSE_QUEUES:
        return P.response_threshold_reached_at
    if queue is Queue.AWAITING_DEBATE_DECISION:
        return P.debate_threshold_reached_at
    return None
