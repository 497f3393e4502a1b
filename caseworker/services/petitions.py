"""Reading petitions: filtered, sorted, paged lists and the full record of one petition.

Every list is filtered and sorted in SQL, so the window can page through the whole archive
without loading it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from caseworker.domain import rules
from caseworker.domain.data_date import DataDate
from caseworker.services import dto
from caseworker.services.casework.response_chases import last_chase_column
from caseworker.services.detail import load_detail
from caseworker.services.errors import PetitionNotFound
from caseworker.services.queues import (
    FIRST_RESPONSE_QUEUES,
    Queue,
    QueueRules,
    age_column,
    queue_filter,
)
from caseworker.services.search import search_filter
from caseworker.storage import models as m
from caseworker.storage.engine import Database

P = m.Petition
AnySelect = Select[*tuple[Any, ...]]
SUMMARY_COLUMNS = (
    P.id,
    P.action,
    P.state,
    P.signature_count,
    P.opened_at,
    P.closed_at,
    P.response_threshold_reached_at,
    P.government_response_at,
    P.responded_on,
    P.debate_threshold_reached_at,
    P.scheduled_debate_date,
    P.debate_outcome_at,
    last_chase_column(),
)
ROW_COLUMNS = (
    P.id,
    P.action,
    P.state,
    P.signature_count,
    P.signatures_last_24h,
    P.response_threshold_reached_at,
    P.responded_on,
    P.debate_threshold_reached_at,
    P.scheduled_debate_date,
    P.departments_label,
    P.has_response,
    P.has_debate_outcome,
    P.forecast_threshold,
    P.forecast_crossing_at,
    last_chase_column(),
)


class SortKey(StrEnum):
    ID = "id"
    ACTION = "action"
    STATE = "state"
    SIGNATURES = "signatures"
    LAST_24H = "last_24h"
    CROSSED_10K = "crossed_10k"
    WAITING = "waiting"
    RESPONSE = "response"
    CROSSED_100K = "crossed_100k"
    DEBATE = "debate"
    DEPARTMENT = "department"


SORT_COLUMNS: dict[SortKey, Any] = {
    SortKey.ID: P.id,
    SortKey.ACTION: P.action,
    SortKey.STATE: P.state,
    SortKey.SIGNATURES: P.signature_count,
    SortKey.LAST_24H: P.signatures_last_24h,
    SortKey.CROSSED_10K: P.response_threshold_reached_at,
    # Longest wait first when ascending: the earliest crossing has waited longest.
    SortKey.WAITING: P.response_threshold_reached_at,
    SortKey.RESPONSE: P.responded_on,
    SortKey.CROSSED_100K: P.debate_threshold_reached_at,
    SortKey.DEBATE: P.scheduled_debate_date,
    SortKey.DEPARTMENT: P.departments_label,
}


@dataclass(frozen=True)
class PetitionQuery:
    """What a list shows: a queue and filters as of a date, and how it is sorted."""

    queue: Queue = Queue.ALL
    state: str | None = None
    search: str | None = None
    department: str | None = None
    topic: str | None = None
    parliament: str | None = None
    as_of: date = field(default_factory=date.today)
    response_days: int = rules.RESPONSE_DEADLINE_DAYS
    sort: SortKey | None = None
    descending: bool = False

    @property
    def rules(self) -> QueueRules:
        return QueueRules(as_of=self.as_of, response_days=self.response_days)


class PetitionService:
    def __init__(self, database: Database) -> None:
        self._sessions = database.sessions

    def list_petitions(
        self, query: PetitionQuery, *, limit: int | None = None, offset: int = 0
    ) -> list[dto.PetitionSummary]:
        statement = _ordered(_filtered(select(*SUMMARY_COLUMNS), query), query)
        if limit is not None:
            statement = statement.limit(limit).offset(offset)
        aged = age_column(query.queue)
        age_key = aged.key if aged is not None else None
        with self._sessions() as session:
            rows = session.execute(statement).all()
        return [_summary(row, age_key, query.as_of) for row in rows]

    def page(self, query: PetitionQuery, *, offset: int, limit: int) -> list[dto.PetitionRow]:
        """One page of the window's table, in the query's order."""
        statement = (
            _ordered(_filtered(select(*ROW_COLUMNS), query), query).limit(limit).offset(offset)
        )
        with self._sessions() as session:
            rows = session.execute(statement).all()
        return [_row(row, query) for row in rows]

    def count(self, query: PetitionQuery) -> int:
        statement = _filtered(select(func.count()).select_from(P), query)
        with self._sessions() as session:
            return int(session.execute(statement).scalar_one())

    def queue_counts(
        self, as_of: date, response_days: int = rules.RESPONSE_DEADLINE_DAYS
    ) -> dict[Queue, int]:
        counts = {}
        with self._sessions() as session:
            for queue in Queue:
                q = PetitionQuery(queue=queue, as_of=as_of, response_days=response_days)
                statement = _filtered(select(func.count()).select_from(P), q)
                counts[queue] = int(session.execute(statement).scalar_one())
        return counts

    def get_petition(self, petition_id: int, as_of: date | None = None) -> dto.PetitionDetail:
        with self._sessions() as session:
            detail = load_detail(session, petition_id, as_of or date.today())
        if detail is None:
            raise PetitionNotFound(petition_id)
        return detail

    def data_as_at(self) -> datetime | None:
        """The newest capture stored: the latest ``updated_at`` (``None`` when empty)."""
        with self._sessions() as session:
            newest: datetime | None = session.execute(select(func.max(P.updated_at))).scalar()
        return newest

    def data_date(self, today: date | None = None) -> DataDate:
        """How old the data is, the date to count ages to, and the line that says so
        (the window's header, ``list`` and ``show``)."""
        return DataDate(self.data_as_at(), today or date.today())

    def petition_ids(self) -> list[int]:
        with self._sessions() as session:
            return list(session.scalars(select(P.id).order_by(P.id)))

    def is_empty(self) -> bool:
        with self._sessions() as session:
            return session.execute(select(P.id).limit(1)).first() is None

    def filter_options(self) -> dto.FilterOptions:
        with self._sessions() as session:
            return _filter_options(session)


def _filter_options(session: Session) -> dto.FilterOptions:
    states = session.scalars(select(P.state).distinct().order_by(P.state))
    departments = session.scalars(select(m.Department.name).order_by(m.Department.name))
    topics = session.execute(select(m.Topic.code, m.Topic.name).order_by(m.Topic.code))
    parliaments = session.scalars(
        select(P.parliament_period).where(P.parliament_period.is_not(None)).distinct()
    )
    return dto.FilterOptions(
        states=tuple(states),
        departments=tuple(departments),
        topics=tuple((code, name or code) for code, name in topics),
        parliaments=tuple(sorted((p for p in parliaments if p), reverse=True)),
    )


def _filtered(statement: AnySelect, query: PetitionQuery) -> AnySelect:
    statement = statement.where(queue_filter(query.queue, query.rules))
    if query.state:
        statement = statement.where(P.state == query.state)
    if query.department:
        link = m.PetitionDepartment
        statement = statement.where(
            select(link.petition_id)
            .where(link.petition_id == P.id, link.department_name == query.department)
            .exists()
        )
    if query.topic:
        topic = m.PetitionTopic
        statement = statement.where(
            select(topic.petition_id)
            .where(topic.petition_id == P.id, topic.topic_code == query.topic)
            .exists()
        )
    if query.parliament:
        statement = statement.where(P.parliament_period == query.parliament)
    if query.search and query.search.strip():
        statement = statement.where(search_filter(query.search.strip()))
    return statement


def _ordered(statement: AnySelect, query: PetitionQuery) -> AnySelect:
    if query.sort is not None:
        column = SORT_COLUMNS[query.sort]
        direction = column.desc() if query.descending else column.asc()
        tie = P.id.desc() if query.descending else P.id.asc()
        if query.sort is SortKey.ID:
            return statement.order_by(direction)
        # Rows without a value go last either way, as a clerk expects; NULLS LAST (rather
        # than sorting on "IS NULL") lets an index serve the descending order.
        return statement.order_by(direction.nulls_last(), tie)
    return statement.order_by(*_queue_order(query.queue))


def _queue_order(queue: Queue) -> tuple[Any, ...]:
    if queue in FIRST_RESPONSE_QUEUES:
        return (P.response_threshold_reached_at.asc(), P.id)
    if queue is Queue.AWAITING_DEBATE_DECISION:
        return (P.debate_threshold_reached_at.asc(), P.id)
    if queue is Queue.DEBATE_SCHEDULED:
        return (P.scheduled_debate_date.asc(), P.id)
    if queue is Queue.DEBATED:
        return (P.scheduled_debate_date.desc(), P.id.desc())
    if queue is Queue.RESPONSE_RECEIVED:
        return (P.responded_on.desc(), P.id.desc())
    if queue is Queue.NOT_DEBATED:
        return (P.debate_outcome_at.desc(), P.id.desc())
    if queue is Queue.APPROACHING_THRESHOLD:
        return (P.forecast_crossing_at.asc(), P.id)
    return (P.signature_count.desc(), P.id.desc())


def _summary(row: Any, age_key: str | None, as_of: date) -> dto.PetitionSummary:
    values = dict(row._mapping)
    start = values[age_key] if age_key else None
    days = rules.days_between(start, as_of) if start is not None else None
    return dto.PetitionSummary(**values, days_waiting=days)


def _waiting_since(row: Any, queue: Queue) -> Any:
    """What "days waiting" counts from in this queue: a response, or a debate decision."""
    awaiting_response = row.response_threshold_reached_at is not None and not row.has_response
    awaiting_debate = (
        row.debate_threshold_reached_at is not None
        and not row.has_debate_outcome
        and row.scheduled_debate_date is None
    )
    if queue is Queue.AWAITING_DEBATE_DECISION:
        return row.debate_threshold_reached_at if awaiting_debate else None
    if queue in (
        Queue.ALL,
        Queue.AWAITING_RESPONSE,
        Queue.RESPONSE_OVERDUE,
        Queue.APPROACHING_THRESHOLD,
    ):
        return row.response_threshold_reached_at if awaiting_response else None
    return None


def _row(row: Any, query: PetitionQuery) -> dto.PetitionRow:
    waiting_since = _waiting_since(row, query.queue)
    overdue = False
    if waiting_since is not None and waiting_since == row.response_threshold_reached_at:
        overdue = query.as_of > rules.response_due_on(waiting_since, query.response_days)
    return dto.PetitionRow(
        id=row.id,
        action=row.action,
        state=row.state,
        signature_count=row.signature_count,
        signatures_last_24h=row.signatures_last_24h,
        response_threshold_reached_at=row.response_threshold_reached_at,
        responded_on=row.responded_on,
        debate_threshold_reached_at=row.debate_threshold_reached_at,
        scheduled_debate_date=row.scheduled_debate_date,
        departments=row.departments_label or "",
        days_waiting=rules.days_between(waiting_since, query.as_of) if waiting_since else None,
        overdue=overdue,
        forecast_threshold=row.forecast_threshold,
        forecast_crossing_at=row.forecast_crossing_at,
        last_chased_on=row.last_chased_on,
    )


__all__ = ["PetitionNotFound", "PetitionQuery", "PetitionService", "Queue", "SortKey"]
