"""Reading petitions: filtered, sorted lists and the full record of one petition."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Select, func, or_, select

from caseworker.domain import rules
from caseworker.services import dto
from caseworker.services.detail import load_detail
from caseworker.services.queues import Queue, QueueRules, age_column, queue_filter
from caseworker.storage import models as m
from caseworker.storage.engine import Database

P = m.Petition
SUMMARY_COLUMNS = (
    P.id,
    P.action,
    P.state,
    P.signature_count,
    P.opened_at,
    P.closed_at,
    P.response_threshold_reached_at,
    P.government_response_at,
    P.debate_threshold_reached_at,
    P.scheduled_debate_date,
    P.debate_outcome_at,
)


class PetitionNotFound(LookupError):
    def __init__(self, petition_id: int) -> None:
        super().__init__(f"petition {petition_id} is not in the database")
        self.petition_id = petition_id


@dataclass(frozen=True)
class PetitionQuery:
    """What a list shows: a queue, optional filters, as of a date."""

    queue: Queue = Queue.ALL
    state: str | None = None
    search: str | None = None
    as_of: date = field(default_factory=date.today)
    response_days: int = rules.RESPONSE_DEADLINE_DAYS

    @property
    def rules(self) -> QueueRules:
        return QueueRules(as_of=self.as_of, response_days=self.response_days)


class PetitionService:
    def __init__(self, database: Database) -> None:
        self._sessions = database.sessions

    def list_petitions(
        self, query: PetitionQuery, *, limit: int | None = None, offset: int = 0
    ) -> list[dto.PetitionSummary]:
        statement = _ordered(_filtered(select(*SUMMARY_COLUMNS), query), query.queue)
        if limit is not None:
            statement = statement.limit(limit).offset(offset)
        aged = age_column(query.queue)
        age_key = aged.key if aged is not None else None
        with self._sessions() as session:
            rows = session.execute(statement).all()
        return [_summary(row, age_key, query.as_of) for row in rows]

    def count(self, query: PetitionQuery) -> int:
        statement = _filtered(select(func.count()).select_from(P), query)
        with self._sessions() as session:
            return int(session.execute(statement).scalar_one())

    def queue_counts(self, as_of: date, response_days: int = rules.RESPONSE_DEADLINE_DAYS) -> dict[Queue, int]:
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

    def petition_ids(self) -> list[int]:
        with self._sessions() as session:
            return list(session.scalars(select(P.id).order_by(P.id)))


def _filtered(statement: Select[Any], query: PetitionQuery) -> Select[Any]:
    statement = statement.where(queue_filter(query.queue, query.rules))
    if query.state:
        statement = statement.where(P.state == query.state)
    if query.search and query.search.strip():
        statement = statement.where(_search_filter(query.search.strip()))
    return statement


def _search_filter(text: str) -> Any:
    pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    columns = (P.action, P.background, P.additional_details)
    responses = (
        select(m.ResponseVersion.id)
        .where(m.ResponseVersion.petition_id == P.id)
        .where(
            or_(
                m.ResponseVersion.summary.ilike(pattern, escape="\\"),
                m.ResponseVersion.details.ilike(pattern, escape="\\"),
            )
        )
        .exists()
    )
    matches = [c.ilike(pattern, escape="\\") for c in columns]
    if text.isdigit():
        matches.append(P.id == int(text))
    return or_(*matches, responses)


def _ordered(statement: Select[Any], queue: Queue) -> Select[Any]:
    if queue in (Queue.AWAITING_RESPONSE, Queue.RESPONSE_OVERDUE):
        return statement.order_by(P.response_threshold_reached_at.asc(), P.id)
    if queue is Queue.AWAITING_DEBATE_DECISION:
        return statement.order_by(P.debate_threshold_reached_at.asc(), P.id)
    if queue is Queue.DEBATE_SCHEDULED:
        return statement.order_by(P.scheduled_debate_date.asc(), P.id)
    if queue is Queue.DEBATED:
        return statement.order_by(P.scheduled_debate_date.desc(), P.id.desc())
    return statement.order_by(P.signature_count.desc(), P.id.desc())


def _summary(row: Any, age_key: str | None, as_of: date) -> dto.PetitionSummary:
    values = dict(row._mapping)
    start = values[age_key] if age_key else None
    days = rules.days_between(start, as_of) if start is not None else None
    return dto.PetitionSummary(**values, days_waiting=days)


__all__ = ["PetitionNotFound", "PetitionQuery", "PetitionService", "Queue"]
