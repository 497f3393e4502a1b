"""Chasing a department for an overdue first Government response (no response 21 days after
10,000 signatures): when, by whom, with a note; undoable, and recorded in the audit history."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Label, func, select
from sqlalchemy.orm import Session

from caseworker.domain import rules
from caseworker.services.casework.common import (
    AuditEntry,
    CaseworkError,
    CaseworkServiceBase,
    RecordNotFound,
    record_audit,
)
from caseworker.services.errors import PetitionNotFound
from caseworker.storage import models as m
from caseworker.storage.casework_models import ResponseChase


@dataclass(frozen=True)
class ResponseChaseView:
    id: int
    petition_id: int
    chased_on: date
    note: str
    created_at: datetime
    created_by: str


class ResponseChaseService(CaseworkServiceBase):
    def chase(
        self, petition_id: int, chased_on: date | None = None, note: str = ""
    ) -> ResponseChaseView:
        """Record that the department was chased (today unless a date is given)."""
        when = chased_on or self.clock.today()
        with self._writes.begin() as session:
            petition = session.get(m.Petition, petition_id)
            if petition is None:
                raise PetitionNotFound(petition_id)
            _check(petition, when, self.clock.today())
            row = ResponseChase(
                petition_id=petition_id, chased_on=when, note=note.strip(),
                created_at=self.clock.now(), created_by=self.actor,
            )  # fmt: skip
            session.add(row)
            session.flush()
            changes = {"chased_on": (None, when), "note": (None, row.note)}
            self._audit(session, row, "created", changes)
            return _view(row)

    def delete(self, chase_id: int) -> None:
        """Remove a chase: only to undo recording it. The audit keeps its story."""
        with self._writes.begin() as session:
            row = session.get(ResponseChase, chase_id, with_for_update=True)
            if row is None:
                raise RecordNotFound("Chase", chase_id)
            self._audit(session, row, "deleted", {"chased_on": (row.chased_on, None)})
            session.delete(row)

    def for_petition(self, petition_id: int) -> list[ResponseChaseView]:
        """The petition's chases, oldest first."""
        c = ResponseChase
        query = select(c).where(c.petition_id == petition_id).order_by(c.chased_on, c.id)
        with self._sessions() as session:
            return [_view(r) for r in session.scalars(query)]

    def last_chased(self, petition_ids: Iterable[int]) -> dict[int, date]:
        """The latest chase of each petition that has one (one query for a page of rows)."""
        with self._sessions() as session:
            return last_chased_on(session, list(petition_ids))

    def _audit(self, session: Session, row: ResponseChase, action: str,
               changes: Mapping[str, tuple[object, object]]) -> None:  # fmt: skip
        entry = AuditEntry("response chase", row.id, action, row.petition_id)
        record_audit(session, entry, self.actor, self.clock.now(), changes)


def last_chase_column() -> Label[date]:
    """The petition's latest chase date as a column of a petition query (``last_chased_on``):
    the queue rows carry it, so "response-overdue" shows when each was last chased."""
    c = ResponseChase
    return (
        select(func.max(c.chased_on))
        .where(c.petition_id == m.Petition.id)
        .correlate(m.Petition)
        .scalar_subquery()
        .label("last_chased_on")
    )


def last_chased_on(session: Session, petition_ids: list[int]) -> dict[int, date]:
    c = ResponseChase
    query = (
        select(c.petition_id, func.max(c.chased_on))
        .where(c.petition_id.in_(petition_ids))
        .group_by(c.petition_id)
    )
    return {pid: day for pid, day in session.execute(query)}


def _check(petition: m.Petition, when: date, today: date) -> None:
    crossed = petition.response_threshold_reached_at
    if crossed is None:
        raise CaseworkError(
            f"Petition {petition.id} has not reached 10,000 signatures, so no response is due yet"
        )
    if petition.has_response:
        raise CaseworkError(f"Petition {petition.id} already has a Government response")
    if when > today:
        raise CaseworkError(
            f"The chase date ({when.isoformat()}) is in the future", field="chased_on"
        )
    if when < rules.london_date(crossed):
        raise CaseworkError(
            f"The chase date ({when.isoformat()}) is before the petition reached 10,000 "
            f"signatures ({rules.london_date(crossed).isoformat()})",
            field="chased_on",
        )


def _view(r: ResponseChase) -> ResponseChaseView:
    return ResponseChaseView(r.id, r.petition_id, r.chased_on, r.note, r.created_at, r.created_by)
