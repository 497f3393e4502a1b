"""Assemble the full record of one petition from its tables."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.domain import rules
from caseworker.domain.forecast import Forecast, forecast
from caseworker.domain.responses import looks_like_former_response
from caseworker.services import dto
from caseworker.services.casework.request_views import requests_for_petition
from caseworker.storage import models as m

DIRECT_FIELDS = (
    "id", "archived", "is_demo", "source_url", "action", "background", "additional_details",
    "committee_note", "state", "signature_count", "closing_date", "created_at", "updated_at",
    "rejected_at", "opened_at", "closed_at", "moderation_threshold_reached_at",
    "response_threshold_reached_at", "government_response_at", "debate_threshold_reached_at",
    "debate_scheduled_on", "scheduled_debate_date", "debate_outcome_at", "creator_name",
    "rejection_code", "rejection_details", "breakdowns_as_of",
)  # fmt: skip


def load_detail(session: Session, petition_id: int, as_of: date) -> dto.PetitionDetail | None:
    petition = session.get(m.Petition, petition_id)
    if petition is None:
        return None
    debate = session.get(m.Debate, petition_id)
    responses = _responses(session, petition_id)
    values: dict[str, Any] = {name: getattr(petition, name) for name in DIRECT_FIELDS}
    raw = session.get(m.PetitionRaw, petition_id)
    values["raw_json"] = raw.raw_json if raw is not None else ""
    threshold = petition.response_threshold_reached_at
    history = _history(session, petition_id)
    return dto.PetitionDetail(
        **values,
        parliament=_parliament(session, petition.parliament_period),
        response_state=rules.response_state(
            has_response=petition.has_response, response_threshold_reached_at=threshold
        ).value,
        debate_state=rules.debate_state(
            has_outcome=petition.has_debate_outcome,
            debated_on=debate.debated_on if debate else None,
            scheduled_debate_date=petition.scheduled_debate_date,
            debate_threshold_reached_at=petition.debate_threshold_reached_at,
            as_of=as_of,
        ).value,
        response_due_on=rules.response_due_on(threshold) if threshold else None,
        responses=responses,
        signature_history=history,
        forecast=_forecast(petition, history),
        signatures_by_country=_breakdown(
            session, m.CountrySignatures, m.CountrySignatures.code, petition_id
        ),
        signatures_by_region=_breakdown(
            session, m.RegionSignatures, m.RegionSignatures.ons_code, petition_id
        ),
        signatures_by_constituency=_breakdown(
            session, m.ConstituencySignatures, m.ConstituencySignatures.ons_code, petition_id
        ),
        debate=_debate(debate),
        departments=_departments(session, petition_id),
        topics=tuple(
            session.scalars(
                select(m.PetitionTopic.topic_code)
                .where(m.PetitionTopic.petition_id == petition_id)
                .order_by(m.PetitionTopic.topic_code)
            )
        ),
        other_parliamentary_business=_business(session, petition_id),
        revision_requests=requests_for_petition(session, petition_id),
        **_previous_constituencies(session, petition_id),
    )


def _previous_constituencies(session: Session, petition_id: int) -> dict[str, Any]:
    """The breakdown by constituency the newest replaced (for jumps in one seat), if kept."""
    kept = m.PreviousConstituencySignatures
    rows = session.execute(
        select(kept.name, kept.ons_code, kept.signature_count, kept.mp, kept.as_of)
        .where(kept.petition_id == petition_id)
        .order_by(kept.position)
    ).all()
    if not rows:
        return {}
    return {
        "previous_constituencies": tuple(dto.CountView(*row[:4]) for row in rows),
        "previous_breakdowns_as_of": rows[0].as_of,
    }


def _forecast(petition: m.Petition, history: tuple[dto.SnapshotView, ...]) -> Forecast | None:
    if petition.state != "open" or petition.opened_at is None:
        return None
    closes = rules.closing_time(petition.opened_at, petition.closing_date)
    return forecast([(s.at, s.count) for s in history], as_of=petition.updated_at, closes_at=closes)


def _parliament(session: Session, period: str | None) -> dto.ParliamentView | None:
    if period is None:
        return None
    p = session.get(m.Parliament, period)
    if p is None:
        return None
    return dto.ParliamentView(
        p.period, p.government, p.dissolution_at, p.response_threshold, p.debate_threshold
    )


def _responses(session: Session, petition_id: int) -> tuple[dto.ResponseVersionView, ...]:
    v = m.ResponseVersion
    rows = session.execute(
        select(v, m.Capture.source)
        .outerjoin(m.Capture, m.Capture.id == v.capture_id)
        .where(v.petition_id == petition_id)
    ).all()
    views = [
        dto.ResponseVersionView(
            id=r.id,
            summary=r.summary,
            details=r.details,
            responded_on=r.responded_on,
            first_seen_at=r.first_seen_at,
            last_seen_at=r.last_seen_at,
            is_current=r.is_current,
            source=r.source,
            capture_source=source,
        )
        for r, source in rows
    ]
    # Oldest first; the version the site shows now always comes last.
    views.sort(
        key=lambda r: (
            r.is_current,
            r.responded_on or rules.london_date(r.first_seen_at),
            r.first_seen_at,
        )
    )
    return tuple(views)


def _history(session: Session, petition_id: int) -> tuple[dto.SnapshotView, ...]:
    s = m.SignatureSnapshot
    rows = session.execute(
        select(s.at, s.signature_count).where(s.petition_id == petition_id).order_by(s.at)
    )
    return tuple(dto.SnapshotView(at, count) for at, count in rows)


def _breakdown(
    session: Session, table: type[Any], code: Any, petition_id: int
) -> tuple[dto.CountView, ...]:
    """One breakdown table's rows for a petition, in the site's order."""
    mp = table.mp if hasattr(table, "mp") else None
    columns = [table.name, code, table.signature_count] + ([mp] if mp is not None else [])
    rows = session.execute(
        select(*columns).where(table.petition_id == petition_id).order_by(table.position)
    )
    return tuple(dto.CountView(*row) for row in rows)


def _debate(d: m.Debate | None) -> dto.DebateView | None:
    if d is None:
        return None
    return dto.DebateView(
        d.debated_on, d.transcript_url, d.video_url, d.debate_pack_url,
        d.public_engagement_url, d.debate_summary_url, d.overview,
    )  # fmt: skip


def _departments(session: Session, petition_id: int) -> tuple[dto.DepartmentView, ...]:
    d, link = m.Department, m.PetitionDepartment
    rows = session.execute(
        select(d.name, d.acronym, d.url)
        .join(link, link.department_name == d.name)
        .where(link.petition_id == petition_id)
        .order_by(d.name)
    )
    return tuple(dto.DepartmentView(name, acronym, url) for name, acronym, url in rows)


def _business(session: Session, petition_id: int) -> tuple[dto.BusinessView, ...]:
    b = m.BusinessItem
    rows = session.scalars(
        select(b).where(b.petition_id == petition_id).order_by(b.created_at, b.id)
    )
    return tuple(
        dto.BusinessView(
            subject=i.subject,
            body=i.body,
            occurred_on=i.occurred_on,
            created_at=i.created_at,
            updated_at=i.updated_at,
            is_former_response=i.response_version_id is not None
            or looks_like_former_response(i.subject),
        )
        for i in rows
    )
