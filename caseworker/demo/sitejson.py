"""A capture written back out in the site's JSON, so demo rows carry raw JSON like real ones.

The single view (``/petitions/{id}.json``) and a list-page item are both produced, with the
presence rules of section 3.4 of the data-format reference: ``closing_date`` only while open,
breakdowns and related activity only in the single view of an open or closed petition.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

from caseworker.domain.records import (
    Breakdowns,
    BusinessItem,
    ConstituencyCount,
    PetitionCapture,
)

_TIMESTAMPS = (
    "created_at",
    "updated_at",
    "rejected_at",
    "opened_at",
    "closed_at",
    "moderation_threshold_reached_at",
    "response_threshold_reached_at",
    "government_response_at",
    "debate_threshold_reached_at",
)


def petition_url(petition_id: int) -> str | None:
    """The address the petition's JSON would be fetched from (``links.self``): none, since a
    demo petition (numbered from 9,000,001) has no page on the site, and a link to one would
    lead a clerk to "page not found"."""
    del petition_id
    return None


def stamp(at: datetime | None) -> str | None:
    """``2025-06-04T15:34:05.612Z``: UTC with three fractional digits."""
    if at is None:
        return None
    utc = at if at.tzinfo is UTC else at.astimezone(UTC)
    return utc.replace(tzinfo=None).isoformat(timespec="milliseconds") + "Z"


def _day(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _scalars(c: PetitionCapture) -> dict[str, Any]:
    out: dict[str, Any] = {
        "action": c.action,
        "background": c.background,
        "additional_details": c.additional_details,
        "committee_note": c.committee_note,
        "state": c.state,
        "signature_count": c.signature_count,
    }
    if c.closing_date is not None:
        out["closing_date"] = c.closing_date.isoformat()
    out.update({name: stamp(getattr(c, name)) for name in _TIMESTAMPS})
    out["debate_scheduled_on"] = _day(c.debate_scheduled_on)
    out["scheduled_debate_date"] = _day(c.scheduled_debate_date)
    out["debate_outcome_at"] = stamp(c.debate_outcome_at)
    out["creator_name"] = c.creator_name
    return out


def _nested(c: PetitionCapture) -> dict[str, Any]:
    gr, d = c.government_response, c.debate
    return {
        "rejection": {"code": c.rejection.code, "details": c.rejection.details}
        if c.rejection
        else None,
        "government_response": {
            "responded_on": _day(gr.responded_on),
            "summary": gr.summary,
            "details": gr.details,
            "created_at": stamp(gr.created_at),
            "updated_at": stamp(gr.updated_at),
        }
        if gr
        else None,
        "debate": {
            "debated_on": _day(d.debated_on),
            "transcript_url": d.transcript_url,
            "video_url": d.video_url,
            "debate_pack_url": d.debate_pack_url,
            "public_engagement_url": d.public_engagement_url,
            "debate_summary_url": d.debate_summary_url,
            "overview": d.overview,
        }
        if d
        else None,
        "departments": [
            {"acronym": x.acronym, "name": x.name, "url": x.url} for x in c.departments or ()
        ],
        "topics": list(c.topics or ()),
    }


#: Stands in for the constituency list while the rest is encoded (see :func:`site_json`).
#: Key and value together can only occur once in the text: quotes inside strings are escaped.
_PLACEHOLDER = "@@"
_ENCODED_PLACEHOLDER = f'"signatures_by_constituency":"{_PLACEHOLDER}"'


#: Per ONS code: the name and MP last encoded, and their encoding up to the count.
_HEADS: dict[str | None, tuple[str, str | None, str]] = {}


def _constituency_head(x: ConstituencyCount) -> str:
    """An encoded constituency entry up to its count; a petition lists up to 650 of these."""
    known = _HEADS.get(x.ons_code)
    if known is not None and known[0] == x.name and known[1] == x.mp:
        return known[2]
    entry = {"name": x.name, "ons_code": x.ons_code, "mp": x.mp}
    head = json.dumps(entry, ensure_ascii=False, separators=(",", ":"))[:-1]
    _HEADS[x.ons_code] = (x.name, x.mp, head + ',"signature_count":')
    return _HEADS[x.ons_code][2]


def _constituency_array(b: Breakdowns) -> str:
    head = _constituency_head
    parts = [f"{head(x)}{x.signature_count}}}" for x in b.constituencies]
    return "[" + ",".join(parts) + "]"


def _breakdowns(b: Breakdowns) -> dict[str, Any]:
    return {
        "signatures_by_country": [
            {"name": x.name, "code": x.code, "signature_count": x.signature_count}
            for x in b.countries
        ],
        "signatures_by_constituency": _PLACEHOLDER,
        "signatures_by_region": [
            {"name": x.name, "ons_code": x.ons_code, "signature_count": x.signature_count}
            for x in b.regions or ()
        ],
    }


def _item(i: BusinessItem) -> dict[str, Any]:
    return {
        "subject": i.subject,
        "body": i.body,
        "occurred_on": _day(i.occurred_on),
        "created_at": stamp(i.created_at),
        "updated_at": stamp(i.updated_at),
    }


def attributes(c: PetitionCapture, *, single: bool) -> dict[str, Any]:
    out = _scalars(c) | _nested(c)
    if single and c.breakdowns is not None:
        out.update(_breakdowns(c.breakdowns))
    if single and c.other_business is not None:
        out["other_parliamentary_business"] = [_item(i) for i in c.other_business]
    return out


def site_json(c: PetitionCapture, *, single: bool = True) -> str:
    """The petition's single view, or (``single=False``) its item on a list page.

    The constituency list (often 650 entries) is encoded from cached pieces and spliced in,
    which is several times faster than encoding it as dictionaries.
    """
    url = petition_url(c.id)
    links = {"links": {"self": url}} if url else {}
    body: dict[str, Any]
    if single:
        data = {"type": "petition", "id": c.id, "attributes": attributes(c, single=True)}
        body = {**links, "data": data}
    else:
        body = {"type": "petition", "id": c.id, **links, "attributes": attributes(c, single=False)}
    text = json.dumps(body, ensure_ascii=False, separators=(",", ":"))
    if single and c.breakdowns is not None:
        array = f'"signatures_by_constituency":{_constituency_array(c.breakdowns)}'
        text = text.replace(_ENCODED_PLACEHOLDER, array, 1)
    return text
