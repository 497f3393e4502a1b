"""Write small single-petition captures to disk, in the site's exact JSON shape."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

BASE_ATTRIBUTES: dict[str, Any] = {
    "action": "Test petition",
    "background": "Background text.",
    "additional_details": None,
    "committee_note": None,
    "state": "open",
    "signature_count": 500,
    "created_at": "2025-01-01T09:00:00.000Z",
    "updated_at": "2025-06-01T12:00:00.000Z",
    "rejected_at": None,
    "opened_at": "2025-01-02T09:00:00.000Z",
    "closed_at": None,
    "moderation_threshold_reached_at": "2025-01-01T10:00:00.000Z",
    "response_threshold_reached_at": None,
    "government_response_at": None,
    "debate_threshold_reached_at": None,
    "scheduled_debate_date": None,
    "debate_outcome_at": None,
    "creator_name": "A Person",
    "rejection": None,
    "government_response": None,
    "debate": None,
    "departments": [],
    "topics": [],
    "signatures_by_country": [],
    "signatures_by_constituency": [],
    "signatures_by_region": [],
    "other_parliamentary_business": [],
}


def response(summary: str, responded_on: str, details: str = "In full.") -> dict[str, Any]:
    return {
        "responded_on": responded_on,
        "summary": summary,
        "details": details,
        "created_at": f"{responded_on}T10:00:00.000Z",
        "updated_at": f"{responded_on}T10:00:00.000Z",
    }


def single(petition_id: int, **attributes: Any) -> dict[str, Any]:
    return {
        "links": {"self": f"https://petition.parliament.uk/petitions/{petition_id}.json"},
        "data": {
            "type": "petition",
            "id": petition_id,
            "attributes": {**BASE_ATTRIBUTES, **attributes},
        },
    }


def write(folder: Path, name: str, document: dict[str, Any]) -> Path:
    path = folder / name
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path
