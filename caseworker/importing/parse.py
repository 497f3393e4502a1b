"""Turn the text of one JSON capture into typed records.

Shapes read (see ``petitions-data-format.md``): the single view of a current or archived
petition, list pages of either, a bare petition object (one element of a list, as some
archives store them), a JSON array of such objects, and the reference files ``topics.json``
and ``parliaments.json``. Captures from before July 2017 (``open_at``, countries without
codes) read the same way.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from caseworker.domain import records as r
from caseworker.domain.rules import PETITION_STATES
from caseworker.importing.fields import (
    CaptureError,
    optional_date,
    optional_text,
    optional_timestamp,
    optional_whole_number,
    require_list,
    require_object,
    required,
    text,
    timestamp,
    whole_number,
)

PETITION_TYPES = {"petition": False, "archived-petition": True}


@dataclass(slots=True)
class ParsedDocument:
    shape: str
    petitions: list[r.PetitionCapture] = field(default_factory=list)
    topics: dict[str, str] = field(default_factory=dict)
    parliaments: list[r.Parliament] = field(default_factory=list)


def decode(content: bytes) -> str:
    """UTF-8 text of a capture (a byte-order mark is tolerated)."""
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CaptureError(
            f"not UTF-8 text (byte 0x{content[exc.start]:02x} at offset {exc.start})"
        ) from None


def load_json(text_: str) -> Any:
    if not text_.strip():
        raise CaptureError("the file is empty")
    try:
        return json.loads(text_)
    except json.JSONDecodeError as exc:
        if exc.pos >= len(text_.rstrip()):
            raise CaptureError(f"truncated JSON: the text ends at line {exc.lineno}") from None
        raise CaptureError(
            f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        ) from None


def parse_document(text_: str) -> ParsedDocument:
    """Parse one file's text; raises :class:`CaptureError` naming the first bad field."""
    document = load_json(text_)
    if isinstance(document, list):
        return _parse_array(document, text_)
    if not isinstance(document, dict):
        raise CaptureError("wrong shape: expected a JSON object or array at the top level")
    if "data" in document:
        return _parse_envelope(document, text_)
    if "attributes" in document:
        return ParsedDocument("bare petition", [_petition(document, "", text_, single=False)])
    if _looks_like_topics(document):
        return ParsedDocument("topics", topics={k: v["name"] for k, v in document.items()})
    if {"signature_count", "debated"} <= document.keys():
        raise CaptureError(
            "wrong shape: this is a live count (count.json), which does not say which "
            "petition it counts; import the petition's own JSON instead"
        )
    raise CaptureError(
        "wrong shape: expected a petitions JSON capture with \"data\" or \"attributes\" "
        f"(found keys {_key_list(document)})"
    )


def _parse_envelope(document: dict[str, Any], text_: str) -> ParsedDocument:
    data = document["data"]
    if isinstance(data, dict):
        archived = data.get("type") == "archived-petition"
        shape = "archived petition" if archived else "petition"
        return ParsedDocument(shape, [_petition(data, "data", text_, single=True)])
    items = require_list(data, "data")
    if "meta" in document and _looks_like_trending(items):
        raise CaptureError(
            "wrong shape: this is trending.json, whose counts are signatures in the last "
            "hour, not totals; it is not imported"
        )
    petitions = [_list_item(item, f"data[{i}]") for i, item in enumerate(items)]
    archived = any(p.archived for p in petitions) or "/archived/" in _self_link(document)
    return ParsedDocument("archived list page" if archived else "list page", petitions)


def _parse_array(items: list[Any], text_: str) -> ParsedDocument:
    if items and all(isinstance(i, dict) and {"period", "dissolution_at"} <= i.keys() for i in items):
        return ParsedDocument("parliaments", parliaments=[_parliament(i, f"[{n}]") for n, i in enumerate(items)])
    for n, item in enumerate(items):
        if not isinstance(item, dict) or "attributes" not in item:
            keys = _key_list(item) if isinstance(item, dict) else "none"
            raise CaptureError(
                f"wrong shape: [{n}] is not a petition object (keys {keys}); expected "
                "petition.parliament.uk JSON, not another publisher's format"
            )
    return ParsedDocument("array of petitions", [_list_item(i, f"[{n}]") for n, i in enumerate(items)])


def _list_item(item: Any, path: str) -> r.PetitionCapture:
    obj = require_object(item, path)
    raw = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return _petition(obj, path, raw, single=False)


def _petition(obj: dict[str, Any], path: str, raw: str, *, single: bool) -> r.PetitionCapture:
    kind = obj.get("type", "petition")
    if kind not in PETITION_TYPES:
        raise CaptureError(f"{path or 'type'}: not a petition (type {kind!r})")
    petition_id = whole_number(obj, "id", path, minimum=1)
    attrs_path = f"{path}.attributes" if path else "attributes"
    attrs = require_object(required(obj, "attributes", path), attrs_path)
    links = obj.get("links")
    parliament = obj.get("parliament")
    return _build_capture(
        petition_id,
        attrs,
        attrs_path,
        archived=PETITION_TYPES[kind],
        parliament=_parliament(parliament, f"{path}.parliament") if parliament else None,
        source_url=links.get("self") if isinstance(links, dict) else None,
        raw=raw,
        single=single,
    )


def _build_capture(
    petition_id: int,
    a: dict[str, Any],
    p: str,
    *,
    archived: bool,
    parliament: r.Parliament | None,
    source_url: str | None,
    raw: str,
    single: bool,
) -> r.PetitionCapture:
    state = text(a, "state", p)
    if state not in PETITION_STATES:
        raise CaptureError(f"{p}.state: {state!r} is not a petition state")
    # Captures made before July 2017 call the opening time ``open_at``.
    opened_key = "opened_at" if "opened_at" in a else "open_at"
    breakdowns = _breakdowns(a, p)
    return r.PetitionCapture(
        id=petition_id,
        archived=archived,
        parliament=parliament,
        source_url=source_url if isinstance(source_url, str) else None,
        action=text(a, "action", p),
        background=optional_text(a, "background", p),
        additional_details=optional_text(a, "additional_details", p),
        committee_note=optional_text(a, "committee_note", p),
        state=state,
        signature_count=whole_number(a, "signature_count", p),
        closing_date=optional_date(a, "closing_date", p),
        created_at=optional_timestamp(a, "created_at", p),
        updated_at=timestamp(a, "updated_at", p),
        rejected_at=optional_timestamp(a, "rejected_at", p),
        opened_at=optional_timestamp(a, opened_key, p),
        closed_at=optional_timestamp(a, "closed_at", p),
        moderation_threshold_reached_at=optional_timestamp(a, "moderation_threshold_reached_at", p),
        response_threshold_reached_at=optional_timestamp(a, "response_threshold_reached_at", p),
        government_response_at=optional_timestamp(a, "government_response_at", p),
        debate_threshold_reached_at=optional_timestamp(a, "debate_threshold_reached_at", p),
        # For one week in November 2025 the site called this ``debate_scheduled_at``.
        debate_scheduled_on=optional_date(a, "debate_scheduled_on", p)
        or _date_of(optional_timestamp(a, "debate_scheduled_at", p)),
        scheduled_debate_date=optional_date(a, "scheduled_debate_date", p),
        debate_outcome_at=optional_timestamp(a, "debate_outcome_at", p),
        creator_name=optional_text(a, "creator_name", p),
        rejection=_rejection(a.get("rejection"), f"{p}.rejection"),
        government_response=_response(a.get("government_response"), f"{p}.government_response"),
        debate=_debate(a.get("debate"), f"{p}.debate"),
        departments=_departments(a, p),
        topics=_topics(a, p),
        breakdowns=breakdowns,
        other_business=_business(a, p),
        raw_json=raw,
        from_single_view=single or breakdowns is not None,
    )


def _date_of(value: Any) -> Any:
    return value.date() if value is not None else None


def _rejection(value: Any, path: str) -> r.Rejection | None:
    if value is None:
        return None
    obj = require_object(value, path)
    return r.Rejection(code=text(obj, "code", path), details=optional_text(obj, "details", path))


def _response(value: Any, path: str) -> r.GovernmentResponse | None:
    if value is None:
        return None
    obj = require_object(value, path)
    summary = obj.get("summary")
    # Some responses from 2010-15 have an empty or null summary; keep them as "".
    if summary is not None and not isinstance(summary, str):
        text(obj, "summary", path)
    return r.GovernmentResponse(
        summary=summary or "",
        details=optional_text(obj, "details", path),
        responded_on=optional_date(obj, "responded_on", path),
        created_at=optional_timestamp(obj, "created_at", path),
        updated_at=optional_timestamp(obj, "updated_at", path),
    )


def _debate(value: Any, path: str) -> r.Debate | None:
    if value is None:
        return None
    obj = require_object(value, path)
    return r.Debate(
        debated_on=optional_date(obj, "debated_on", path),
        transcript_url=optional_text(obj, "transcript_url", path),
        video_url=optional_text(obj, "video_url", path),
        debate_pack_url=optional_text(obj, "debate_pack_url", path),
        public_engagement_url=optional_text(obj, "public_engagement_url", path),
        debate_summary_url=optional_text(obj, "debate_summary_url", path),
        overview=optional_text(obj, "overview", path),
    )


def _departments(a: dict[str, Any], p: str) -> tuple[r.Department, ...] | None:
    if "departments" not in a:
        return None
    path = f"{p}.departments"
    items = require_list(a["departments"] or [], path)
    out = []
    for i, item in enumerate(items):
        ip = f"{path}[{i}]"
        obj = require_object(item, ip)
        out.append(
            r.Department(
                name=text(obj, "name", ip),
                acronym=optional_text(obj, "acronym", ip),
                url=optional_text(obj, "url", ip),
            )
        )
    return tuple(out)


def _topics(a: dict[str, Any], p: str) -> tuple[str, ...] | None:
    if "topics" not in a:
        return None
    path = f"{p}.topics"
    items = require_list(a["topics"] or [], path)
    for i, code in enumerate(items):
        if not isinstance(code, str) or not code:
            raise CaptureError(f"{path}[{i}]: expected a topic code, got {code!r}")
    return tuple(dict.fromkeys(items))


def _breakdowns(a: dict[str, Any], p: str) -> r.Breakdowns | None:
    if "signatures_by_country" not in a and "signatures_by_constituency" not in a:
        return None
    countries = tuple(
        r.CountryCount(
            name=text(o, "name", ip),
            code=optional_text(o, "code", ip),
            signature_count=whole_number(o, "signature_count", ip),
        )
        for o, ip in _objects(a, "signatures_by_country", p)
    )
    regions = None
    if "signatures_by_region" in a:
        regions = tuple(
            r.RegionCount(
                name=text(o, "name", ip),
                ons_code=optional_text(o, "ons_code", ip),
                signature_count=whole_number(o, "signature_count", ip),
            )
            for o, ip in _objects(a, "signatures_by_region", p)
        )
    constituencies = tuple(
        r.ConstituencyCount(
            name=text(o, "name", ip),
            ons_code=optional_text(o, "ons_code", ip),
            mp=optional_text(o, "mp", ip),
            signature_count=whole_number(o, "signature_count", ip),
        )
        for o, ip in _objects(a, "signatures_by_constituency", p)
    )
    return r.Breakdowns(countries=countries, regions=regions, constituencies=constituencies)


def _business(a: dict[str, Any], p: str) -> tuple[r.BusinessItem, ...] | None:
    if "other_parliamentary_business" not in a:
        return None
    return tuple(
        r.BusinessItem(
            subject=text(o, "subject", ip),
            body=optional_text(o, "body", ip),
            occurred_on=optional_date(o, "occurred_on", ip),
            created_at=optional_timestamp(o, "created_at", ip),
            updated_at=optional_timestamp(o, "updated_at", ip),
        )
        for o, ip in _objects(a, "other_parliamentary_business", p)
    )


def _objects(a: dict[str, Any], key: str, p: str) -> list[tuple[dict[str, Any], str]]:
    path = f"{p}.{key}"
    items = require_list(a.get(key) or [], path)
    return [(require_object(item, f"{path}[{i}]"), f"{path}[{i}]") for i, item in enumerate(items)]


def _parliament(value: Any, path: str) -> r.Parliament:
    obj = require_object(value, path)
    return r.Parliament(
        period=text(obj, "period", path),
        government=optional_text(obj, "government", path),
        dissolution_at=optional_timestamp(obj, "dissolution_at", path),
        response_threshold=optional_whole_number(obj, "response_threshold", path),
        debate_threshold=optional_whole_number(obj, "debate_threshold", path),
    )


def _looks_like_topics(document: dict[str, Any]) -> bool:
    return bool(document) and all(
        isinstance(v, dict) and {"code", "name"} <= v.keys() and isinstance(v["name"], str)
        for v in document.values()
    )


def _looks_like_trending(items: list[Any]) -> bool:
    return bool(items) and all(
        isinstance(i, dict)
        and isinstance(i.get("attributes"), dict)
        and set(i["attributes"]) <= {"action", "signature_count"}
        for i in items
    )


def _self_link(document: dict[str, Any]) -> str:
    links = document.get("links")
    link = links.get("self") if isinstance(links, dict) else None
    return link if isinstance(link, str) else ""


def _key_list(obj: dict[str, Any]) -> str:
    keys = list(obj)[:6]
    more = ", ..." if len(obj) > 6 else ""
    return ", ".join(keys) + more if keys else "none"
