"""Database rows built from a parsed capture."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from caseworker.domain.records import PetitionCapture

#: Petition columns a newer capture overwrites.
SCALAR_FIELDS = (
    "action",
    "background",
    "additional_details",
    "committee_note",
    "state",
    "signature_count",
    "closing_date",
    "created_at",
    "updated_at",
    "rejected_at",
    "opened_at",
    "closed_at",
    "moderation_threshold_reached_at",
    "response_threshold_reached_at",
    "government_response_at",
    "debate_threshold_reached_at",
    "debate_scheduled_on",
    "scheduled_debate_date",
    "debate_outcome_at",
    "creator_name",
)


def petition_row(c: PetitionCapture, capture_id: int | None) -> dict[str, Any]:
    """The petition columns this capture sets (everything but first_imported_at)."""
    row = {name: getattr(c, name) for name in SCALAR_FIELDS}
    row.update(
        id=c.id,
        archived=c.archived,
        parliament_period=c.parliament.period if c.parliament else None,
        source_url=c.source_url,
        rejection_code=c.rejection.code if c.rejection else None,
        rejection_details=c.rejection.details if c.rejection else None,
        has_response=c.government_response is not None,
        has_debate_outcome=c.debate is not None,
        is_demo=c.is_demo,
        raw_json=c.raw_json,
        raw_from_single_view=c.from_single_view,
        capture_id=capture_id,
    )
    return row


def debate_row(c: PetitionCapture) -> dict[str, Any] | None:
    d = c.debate
    if d is None:
        return None
    return {
        "petition_id": c.id,
        "debated_on": d.debated_on,
        "transcript_url": d.transcript_url,
        "video_url": d.video_url,
        "debate_pack_url": d.debate_pack_url,
        "public_engagement_url": d.public_engagement_url,
        "debate_summary_url": d.debate_summary_url,
        "overview": d.overview,
    }


def breakdown_rows(c: PetitionCapture) -> dict[str, list[dict[str, Any]]]:
    """Rows for the three breakdown tables, keyed by table name, in the site's order."""
    b = c.breakdowns
    assert b is not None
    pid = c.id
    return {
        "country_signatures": [
            {"petition_id": pid, "position": i, "name": x.name, "code": x.code,
             "signature_count": x.signature_count}
            for i, x in enumerate(b.countries)
        ],
        "region_signatures": [
            {"petition_id": pid, "position": i, "name": x.name, "ons_code": x.ons_code,
             "signature_count": x.signature_count}
            for i, x in enumerate(b.regions or ())
        ],
        "constituency_signatures": [
            {"petition_id": pid, "position": i, "name": x.name, "ons_code": x.ons_code,
             "mp": x.mp, "signature_count": x.signature_count}
            for i, x in enumerate(b.constituencies)
        ],
    }


def snapshot_row(c: PetitionCapture) -> dict[str, Any]:
    return {"petition_id": c.id, "at": c.updated_at, "signature_count": c.signature_count}


def business_key(created_at: datetime | None, subject: str) -> str:
    """Identity of a business item: the site's record creation time, else its subject."""
    if created_at is not None:
        return created_at.isoformat()
    return "subject:" + subject[:180]
