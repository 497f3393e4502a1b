"""Turn the text of one JSON capture into typed records.

Shapes read (see ``petitions-data-format.md``): the single view of a current or archived
petition, list pages of either, a bare petition object (one element of a list, as some
archives store them), a JSON array of such objects, and the reference files ``topics.json``
and ``parliaments.json``. Captures from before July 2017 (``open_at``, countries without
codes) read the same way.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from caseworker.domain import records as r
from caseworker.domain.rules import PETITION_STATES
from caseworker.importing import field_limits as bound
from caseworker.importing.fields import (
    AHEAD,
    CaptureError,
    describe,
    field_path,
    import_time,
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

# Sizes of the schema's sized columns (caseworker.storage.models): a longer value is refused
# here, naming the field, so that SQLite (which ignores sizes) and PostgreSQL agree.
DEPARTMENT_NAME_LIMIT = 200
ACRONYM_LIMIT = 40
TOPIC_CODE_LIMIT = 100
REJECTION_CODE_LIMIT = 60
COUNTRY_CODE_LIMIT = 10
ONS_CODE_LIMIT = 12
PERIOD_LIMIT = 20

# Escapes that decode to text no database should be given: NUL, and UTF-16 surrogate halves
# (a pair such as \ud83d\ude00 is one emoji and fine; a half on its own is not Unicode).
_SUSPECT_ESCAPE = re.compile(r"\\u(?:0000|[dD][89a-fA-F][0-9a-fA-F]{2})")


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
        if _is_truncation(text_, exc):
            end = text_.rstrip()
            line = end.count("\n") + 1
            raise CaptureError(f"truncated JSON: the text stops short at line {line}") from None
        if text_.lstrip().startswith("<"):
            raise CaptureError(
                "not JSON: this looks like an HTML or XML page (the site answers with a web "
                "page for petitions it does not publish as JSON)"
            ) from None
        # Some of json's messages end in "at" ("Invalid control character at").
        what = exc.msg.removesuffix(" at").removesuffix(" starting at")
        raise CaptureError(
            f"not valid JSON: {what} at line {exc.lineno}, column {exc.colno}"
        ) from None
    except RecursionError:
        raise CaptureError("not a petitions capture: the JSON is nested too deeply") from None
    except ValueError as exc:
        # For example a number with more digits than Python converts (over 4,300).
        raise CaptureError(f"not valid JSON: {str(exc).split(';')[0]}") from None


def _check_strings(document: Any) -> None:
    """Refuse NUL characters and unpaired surrogates anywhere, naming the first one found.

    The site's own database (PostgreSQL) cannot hold NUL in text, so a real capture never has
    one; refusing it on every backend keeps SQLite and PostgreSQL importing the same files.
    """
    stack: list[tuple[Any, str]] = [(document, "")]
    while stack:
        value, path = stack.pop()
        if isinstance(value, str):
            problem = _string_problem(value)
            if problem:
                raise CaptureError(f"{path or 'the document'}: {problem}")
        elif isinstance(value, dict):
            for key, item in reversed(value.items()):
                key_problem = _string_problem(key)
                if key_problem:
                    raise CaptureError(f"{path or 'the document'}: a key {key_problem}")
                stack.append((item, field_path(path, key)))
        elif isinstance(value, list):
            stack.extend((item, f"{path}[{i}]") for i, item in reversed(list(enumerate(value))))


def _string_problem(value: str) -> str | None:
    if "\x00" in value:
        return "contains a NUL character (\\u0000), which petition text cannot hold"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        code = ord(value[exc.start])
        return f"contains an unpaired surrogate escape (\\u{code:04x}), which is not valid text"
    return None


def _is_truncation(text_: str, exc: json.JSONDecodeError) -> bool:
    """True when the JSON is fine as far as it goes and the text just stops."""
    rest = text_[exc.pos :].rstrip()
    if not rest or exc.msg.startswith("Unterminated string"):
        return True
    # Cut inside a literal: "tr", "fals", "nu" at the very end.
    return exc.msg == "Expecting value" and any(
        word.startswith(rest) for word in ("true", "false", "null")
    )


def parse_document(text_: str, *, now: datetime | None = None) -> ParsedDocument:
    """Parse one file's text; raises :class:`CaptureError` naming the first bad field.

    ``now`` is the import time (default: the clock); no timestamp may be later than it.
    """
    with import_time(now or datetime.now(UTC)):
        return _parse_document(text_)


def _parse_document(text_: str) -> ParsedDocument:
    document = load_json(text_)
    if _SUSPECT_ESCAPE.search(text_):
        _check_strings(document)
    if isinstance(document, list):
        return _parse_array(document, text_)
    if not isinstance(document, dict):
        raise CaptureError("wrong shape: expected a JSON object or array at the top level")
    if "data" in document:
        return _parse_envelope(document, text_)
    if "attributes" in document:
        return ParsedDocument("bare petition", [_petition(document, "", text_, single=False)])
    if {"period", "dissolution_at"} <= document.keys():
        # ``/parliaments/{period}.json``: one Parliament (its constituencies are not kept).
        return ParsedDocument("parliament", parliaments=[_parliament(document, "")])
    if _looks_like_topics(document):
        for code in document:
            if len(code) > TOPIC_CODE_LIMIT:
                raise CaptureError(
                    f"{code[:40]}...: a topic code of {len(code):,} characters is too long "
                    f"(at most {TOPIC_CODE_LIMIT})"
                )
        topics = {k: text(v, "name", k[:40], limit=bound.NAME) for k, v in document.items()}
        return ParsedDocument("topics", topics=topics)
    if {"signature_count", "debated"} <= document.keys():
        raise CaptureError(
            "wrong shape: this is a live count (count.json), which does not say which "
            "petition it counts; import the petition's own JSON instead"
        )
    raise CaptureError(
        'wrong shape: expected a petitions JSON capture with "data" or "attributes" '
        f"(found keys {_key_list(document)})"
    )


def _parse_envelope(document: dict[str, Any], text_: str) -> ParsedDocument:
    data = document["data"]
    if isinstance(data, dict):
        archived = data.get("type") == "archived-petition"
        shape = "archived petition" if archived else "petition"
        # The single view has no ``data.links``: the URL that was fetched is ``links.self``.
        fetched = _self_link(document) or None
        capture = _petition(data, "data", text_, single=True, fallback_url=fetched)
        return ParsedDocument(shape, [capture])
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
    if items and all(
        isinstance(i, dict) and {"period", "dissolution_at"} <= i.keys() for i in items
    ):
        parliaments = [_parliament(i, f"[{n}]") for n, i in enumerate(items)]
        return ParsedDocument("parliaments", parliaments=parliaments)
    for n, item in enumerate(items):
        if not isinstance(item, dict) or "attributes" not in item:
            keys = _key_list(item) if isinstance(item, dict) else "none"
            raise CaptureError(
                f"wrong shape: [{n}] is not a petition object (keys {keys}); expected "
                "petition.parliament.uk JSON, not another publisher's format"
            )
    petitions = [_list_item(i, f"[{n}]") for n, i in enumerate(items)]
    return ParsedDocument("array of petitions", petitions)


def _list_item(item: Any, path: str) -> r.PetitionCapture:
    obj = require_object(item, path)
    raw = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return _petition(obj, path, raw, single=False)


def _petition(
    obj: dict[str, Any],
    path: str,
    raw: str,
    *,
    single: bool,
    fallback_url: str | None = None,
) -> r.PetitionCapture:
    kind = obj.get("type", "petition")
    # ``type`` may be any JSON value; a list or object is not hashable, so test str first.
    if not isinstance(kind, str) or kind not in PETITION_TYPES:
        shown = repr(kind) if isinstance(kind, str) else describe(kind)
        raise CaptureError(f"{field_path(path, 'type')}: not a petition (type {shown})")
    petition_id = whole_number(obj, "id", path, minimum=1)
    attrs_path = field_path(path, "attributes")
    attrs = require_object(required(obj, "attributes", path), attrs_path)
    links = obj.get("links")
    link = links.get("self") if isinstance(links, dict) else None
    parliament = obj.get("parliament")
    source_url = link if isinstance(link, str) else fallback_url
    _check_link(
        source_url, field_path(path, "links.self") if isinstance(link, str) else "links.self"
    )
    return _build_capture(
        petition_id,
        attrs,
        attrs_path,
        archived=PETITION_TYPES[kind],
        parliament=(
            _parliament(parliament, field_path(path, "parliament"))
            if parliament is not None
            else None
        ),
        source_url=source_url,
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
        action=text(a, "action", p, limit=bound.ACTION),
        background=optional_text(a, "background", p, limit=bound.PETITION_TEXT),
        additional_details=optional_text(a, "additional_details", p, limit=bound.PETITION_TEXT),
        committee_note=optional_text(a, "committee_note", p, limit=bound.PETITION_TEXT),
        state=state,
        signature_count=whole_number(a, "signature_count", p),
        closing_date=optional_date(a, "closing_date", p, ahead=AHEAD),
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
        debate_scheduled_on=optional_date(a, "debate_scheduled_on", p, ahead=AHEAD)
        or _date_of(optional_timestamp(a, "debate_scheduled_at", p, ahead=AHEAD)),
        scheduled_debate_date=optional_date(a, "scheduled_debate_date", p, ahead=AHEAD),
        debate_outcome_at=optional_timestamp(a, "debate_outcome_at", p),
        creator_name=optional_text(a, "creator_name", p, limit=bound.CREATOR_NAME),
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
    return r.Rejection(
        code=text(obj, "code", path, limit=REJECTION_CODE_LIMIT),
        details=optional_text(obj, "details", path, limit=bound.REJECTION_DETAILS),
    )


def _response(value: Any, path: str) -> r.GovernmentResponse | None:
    if value is None:
        return None
    obj = require_object(value, path)
    summary = obj.get("summary")
    # Some responses from 2010-15 have an empty or null summary; keep them as "".
    if summary is not None:
        text(obj, "summary", path, limit=bound.RESPONSE_SUMMARY)
    return r.GovernmentResponse(
        summary=summary or "",
        details=optional_text(obj, "details", path, limit=bound.LONG_TEXT),
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
        transcript_url=optional_text(obj, "transcript_url", path, limit=bound.URL),
        video_url=optional_text(obj, "video_url", path, limit=bound.URL),
        debate_pack_url=optional_text(obj, "debate_pack_url", path, limit=bound.URL),
        public_engagement_url=optional_text(obj, "public_engagement_url", path, limit=bound.URL),
        debate_summary_url=optional_text(obj, "debate_summary_url", path, limit=bound.URL),
        overview=optional_text(obj, "overview", path, limit=bound.DEBATE_OVERVIEW),
    )


def _departments(a: dict[str, Any], p: str) -> tuple[r.Department, ...] | None:
    if "departments" not in a:
        return None
    path = f"{p}.departments"
    items = _list_or_null(a["departments"], path, limit=bound.DEPARTMENTS)
    out = []
    for i, item in enumerate(items):
        ip = f"{path}[{i}]"
        obj = require_object(item, ip)
        out.append(
            r.Department(
                name=text(obj, "name", ip, limit=DEPARTMENT_NAME_LIMIT),
                acronym=optional_text(obj, "acronym", ip, limit=ACRONYM_LIMIT),
                url=optional_text(obj, "url", ip, limit=bound.URL),
            )
        )
    return tuple(out)


def _topics(a: dict[str, Any], p: str) -> tuple[str, ...] | None:
    if "topics" not in a:
        return None
    path = f"{p}.topics"
    items = _list_or_null(a["topics"], path, limit=bound.TOPICS)
    for i, code in enumerate(items):
        if not isinstance(code, str) or not code:
            raise CaptureError(f"{path}[{i}]: expected a topic code, got {describe(code)}")
        if len(code) > TOPIC_CODE_LIMIT:
            raise CaptureError(
                f"{path}[{i}]: {len(code):,} characters is too long (at most {TOPIC_CODE_LIMIT})"
            )
    return tuple(dict.fromkeys(items))


def _breakdowns(a: dict[str, Any], p: str) -> r.Breakdowns | None:
    if "signatures_by_country" not in a and "signatures_by_constituency" not in a:
        return None
    countries = tuple(
        r.CountryCount(
            name=text(o, "name", ip, limit=bound.NAME),
            code=optional_text(o, "code", ip, limit=COUNTRY_CODE_LIMIT),
            signature_count=whole_number(o, "signature_count", ip),
        )
        for o, ip in _objects(a, "signatures_by_country", p, bound.COUNTRIES)
    )
    regions = None
    if "signatures_by_region" in a:
        regions = tuple(
            r.RegionCount(
                name=text(o, "name", ip, limit=bound.NAME),
                ons_code=optional_text(o, "ons_code", ip, limit=ONS_CODE_LIMIT),
                signature_count=whole_number(o, "signature_count", ip),
            )
            for o, ip in _objects(a, "signatures_by_region", p, bound.REGIONS)
        )
    constituencies = tuple(
        r.ConstituencyCount(
            name=text(o, "name", ip, limit=bound.NAME),
            ons_code=optional_text(o, "ons_code", ip, limit=ONS_CODE_LIMIT),
            mp=optional_text(o, "mp", ip, limit=bound.NAME),
            signature_count=whole_number(o, "signature_count", ip),
        )
        for o, ip in _objects(a, "signatures_by_constituency", p, bound.CONSTITUENCIES)
    )
    return r.Breakdowns(countries=countries, regions=regions, constituencies=constituencies)


def _business(a: dict[str, Any], p: str) -> tuple[r.BusinessItem, ...] | None:
    if "other_parliamentary_business" not in a:
        return None
    return tuple(
        r.BusinessItem(
            subject=text(o, "subject", ip, limit=bound.BUSINESS_SUBJECT),
            body=optional_text(o, "body", ip, limit=bound.LONG_TEXT),
            occurred_on=optional_date(o, "occurred_on", ip, ahead=AHEAD),
            created_at=optional_timestamp(o, "created_at", ip),
            updated_at=optional_timestamp(o, "updated_at", ip),
        )
        for o, ip in _objects(a, "other_parliamentary_business", p, bound.BUSINESS_ITEMS)
    )


def _objects(a: dict[str, Any], key: str, p: str, limit: int) -> list[tuple[dict[str, Any], str]]:
    path = f"{p}.{key}"
    items = _list_or_null(a.get(key), path, limit=limit)
    return [(require_object(item, f"{path}[{i}]"), f"{path}[{i}]") for i, item in enumerate(items)]


def _list_or_null(value: Any, path: str, *, limit: int) -> list[Any]:
    """A list, with null read as empty; any other value (false, "", {}) is an error.

    A list longer than ``limit`` is refused before any of its entries is read.
    """
    items = [] if value is None else require_list(value, path)
    if len(items) > limit:
        raise CaptureError(f"{path}: {len(items):,} entries are too many (at most {limit:,})")
    return items


def _check_link(url: str | None, where: str) -> None:
    if url is not None and len(url) > bound.URL:
        raise CaptureError(f"{where}: {len(url):,} characters is too long (at most {bound.URL:,})")


def _parliament(value: Any, path: str) -> r.Parliament:
    obj = require_object(value, path)
    return r.Parliament(
        period=text(obj, "period", path, limit=PERIOD_LIMIT),
        government=optional_text(obj, "government", path, limit=bound.NAME),
        dissolution_at=optional_timestamp(obj, "dissolution_at", path, ahead=AHEAD),
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
