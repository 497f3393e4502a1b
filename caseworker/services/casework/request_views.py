"""A stored revision request as the window, the command line and reports see it."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.services import dto
from caseworker.storage import models as m
from caseworker.storage.casework_models import RequestChase, RevisionRequest


def department_names(session: Session, petition_id: int) -> str | None:
    """The petition's departments by full name, as a letter is addressed."""
    link = m.PetitionDepartment
    names = session.scalars(
        select(link.department_name)
        .where(link.petition_id == petition_id)
        .order_by(link.department_name)
    ).all()
    return "; ".join(names) or None


def requests_for_petition(
    session: Session, petition_id: int
) -> tuple[dto.RevisionRequestView, ...]:
    r = RevisionRequest
    rows = session.scalars(select(r).where(r.petition_id == petition_id).order_by(r.id))
    return tuple(request_view(session, row) for row in rows)


def request_view(session: Session, r: RevisionRequest) -> dto.RevisionRequestView:
    chases = session.scalars(
        select(RequestChase)
        .where(RequestChase.request_id == r.id)
        .order_by(RequestChase.chased_on, RequestChase.id)
    )
    return dto.RevisionRequestView(
        id=r.id,
        petition_id=r.petition_id,
        status=r.status,
        reasons=r.reasons,
        department=r.department,
        sent_on=r.sent_on,
        due_on=r.due_on,
        chases=tuple(dto.ChaseView(c.id, c.chased_on, c.note) for c in chases),
        response_version_id=r.response_version_id,
        response_responded_on=_responded_on(session, r.response_version_id),
        revised_version_id=r.revised_version_id,
        revised_responded_on=_responded_on(session, r.revised_version_id),
        created_at=r.created_at,
        created_by=r.created_by,
        updated_at=r.updated_at,
        updated_by=r.updated_by,
        version=r.version,
    )


def _responded_on(session: Session, version_id: int | None) -> date | None:
    if version_id is None:
        return None
    v = m.ResponseVersion
    return session.scalar(select(v.responded_on).where(v.id == version_id))
