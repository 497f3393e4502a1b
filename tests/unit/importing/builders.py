"""Build petition.parliament.uk captures programmatically (invented values, real shapes).

The shapes follow ``petitions-data-format.md``: ``single(...)`` is ``/petitions/{id}.json``,
``list_page(...)`` is ``/petitions.json``, ``archived=True`` gives the archived views and
``old_style(...)`` a capture from before July 2017. Every builder returns plain dicts, so a
test can damage any field before writing the file with :func:`write_json`.
"""

from __future__ import annotations

import copy
import json
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

SITE = "https://petition.parliament.uk"

#: Constituencies (2024 boundaries) used by the breakdown builder, in ONS-code order.
CONSTITUENCIES = [
    ("Aldershot", "E14001063", "Alex Baker MP", "J"),
    ("Cardiff East", "W07000081", "Jo Stevens MP", "L"),
    ("Dwyfor Meirionnydd", "W07000099", "Liz Saville Roberts MP", "L"),
    ("Edinburgh East and Musselburgh", "S14000081", None, "M"),
    ("Holborn and St Pancras", "E14001290", "Keir Starmer MP", "H"),
]
REGION_NAMES = {"H": "London", "J": "South East", "L": "Wales", "M": "Scotland"}


def attributes(
    *,
    state: str = "closed",
    signature_count: int = 12_345,
    updated_at: str = "2025-02-01T12:00:00.000Z",
    **overrides: Any,
) -> dict[str, Any]:
    """Modern (2025) attributes as in the list view: no breakdowns, no business items."""
    a: dict[str, Any] = {
        "action": "Fund a library in every town",
        "background": "Libraries are closing; every town should keep one.",
        "additional_details": None,
        "committee_note": None,
        "state": state,
        "signature_count": signature_count,
        "created_at": "2024-09-01T10:00:00.000Z",
        "updated_at": updated_at,
        "rejected_at": None,
        "opened_at": "2024-09-10T09:00:00.000Z",
        "closed_at": "2025-03-10T23:59:59.999Z" if state == "closed" else None,
        "moderation_threshold_reached_at": "2024-09-02T10:00:00.000Z",
        "response_threshold_reached_at": None,
        "government_response_at": None,
        "debate_threshold_reached_at": None,
        "debate_scheduled_on": None,
        "scheduled_debate_date": None,
        "debate_outcome_at": None,
        "creator_name": None,
        "rejection": None,
        "government_response": None,
        "debate": None,
        "departments": [],
        "topics": [],
    }
    if state == "open":
        a["closing_date"] = "2025-03-10"
        a["creator_name"] = "Jane Doe"
    if state == "rejected":
        a.update(opened_at=None, rejected_at="2024-09-05T10:00:00.000Z")
        a["rejection"] = {"code": "duplicate", "details": None}
    a.update(overrides)
    return a


def response(
    summary: str = "The Government will consider this carefully.",
    details: str | None = "Libraries are run by local authorities.\r\n\r\nDepartment for Culture",
    *,
    responded_on: str | None = "2024-11-20",
    created_at: str = "2024-11-20T15:00:00.000Z",
    updated_at: str | None = None,
) -> dict[str, Any]:
    out: dict[str, Any] = {
        "summary": summary,
        "details": details,
        "created_at": created_at,
        "updated_at": updated_at or created_at,
    }
    if responded_on is not None:
        out = {"responded_on": responded_on, **out}
    return out


def business_item(
    subject: str,
    body: str | None,
    created_at: str,
    *,
    updated_at: str | None = None,
    occurred_on: str | None = None,
) -> dict[str, Any]:
    item: dict[str, Any] = {"subject": subject, "body": body}
    if occurred_on is not None:
        item["occurred_on"] = occurred_on
    item.update(created_at=created_at, updated_at=updated_at or created_at)
    return item


def constituency_rows(counts: Iterable[int]) -> list[dict[str, Any]]:
    return [
        {"name": name, "ons_code": code, "mp": mp, "signature_count": n}
        for (name, code, mp, _region), n in zip(CONSTITUENCIES, counts, strict=False)
    ]


def breakdowns(
    constituency_counts: Iterable[int] = (50, 40, 30, 20, 10),
    *,
    overseas: int = 5,
    regions: bool = True,
) -> dict[str, Any]:
    """The single-view-only blocks, consistent with each other."""
    rows = constituency_rows(constituency_counts)
    uk = sum(r["signature_count"] for r in rows)
    out: dict[str, Any] = {
        "signatures_by_country": [
            {"name": "France", "code": "FR", "signature_count": overseas},
            {"name": "United Kingdom", "code": "GB", "signature_count": uk},
        ],
        "signatures_by_constituency": rows,
    }
    if regions:
        totals: dict[str, int] = {}
        for (_n, _c, _mp, region), row in zip(CONSTITUENCIES, rows, strict=False):
            totals[region] = totals.get(region, 0) + row["signature_count"]
        out["signatures_by_region"] = [
            {"name": REGION_NAMES[code], "ons_code": code, "signature_count": n}
            for code, n in sorted(totals.items())
        ]
    out["other_parliamentary_business"] = []
    return out


def petition_object(
    pid: int,
    attrs: dict[str, Any],
    *,
    archived: bool = False,
    parliament: dict[str, Any] | None = None,
    with_link: bool = False,
) -> dict[str, Any]:
    obj: dict[str, Any] = {"type": "archived-petition" if archived else "petition", "id": pid}
    if with_link:
        prefix = "/archived" if archived else ""
        obj["links"] = {"self": f"{SITE}{prefix}/petitions/{pid}.json"}
    obj["attributes"] = attrs
    if parliament is not None:
        obj["parliament"] = parliament
    return obj


def parliament(
    period: str = "2019-2024",
    *,
    dissolution_at: str | None = "2024-05-30T00:01:00.000+01:00",
    government: str | None = "Conservative",
) -> dict[str, Any]:
    return {
        "period": period,
        "government": government,
        "dissolution_at": dissolution_at,
        "response_threshold": 10000,
        "debate_threshold": 100000,
    }


def single(
    pid: int = 700_001,
    *,
    counts: Iterable[int] = (50, 40, 30, 20, 10),
    overseas: int = 5,
    business: list[dict[str, Any]] | None = None,
    **attr_overrides: Any,
) -> dict[str, Any]:
    """``/petitions/{pid}.json`` with consistent breakdowns (signature_count = their total)."""
    blocks = breakdowns(counts, overseas=overseas)
    total = sum(c["signature_count"] for c in blocks["signatures_by_country"])
    attr_overrides.setdefault("signature_count", total)
    attrs = attributes(**attr_overrides)
    if attrs["state"] != "rejected":
        attrs.update(blocks)
        attrs["other_parliamentary_business"] = business or []
    return {
        "links": {"self": f"{SITE}/petitions/{pid}.json"},
        "data": petition_object(pid, attrs),
    }


def archived_single(
    pid: int = 600_001, *, period: str = "2019-2024", **attr_overrides: Any
) -> dict[str, Any]:
    doc = single(pid, **attr_overrides)
    attrs = doc["data"]["attributes"]
    attrs.pop("closing_date", None)
    attrs.pop("creator_name", None)
    # The archived view sorts constituencies by name, not ONS code.
    if "signatures_by_constituency" in attrs:
        attrs["signatures_by_constituency"].sort(key=lambda r: r["name"])
    doc["links"]["self"] = f"{SITE}/archived/petitions/{pid}.json"
    doc["data"] = petition_object(pid, attrs, archived=True, parliament=parliament(period))
    return doc


def list_item(pid: int, **attr_overrides: Any) -> dict[str, Any]:
    return petition_object(pid, attributes(**attr_overrides), with_link=True)


def list_page(items: list[dict[str, Any]], *, archived: bool = False) -> dict[str, Any]:
    base = f"{SITE}{'/archived' if archived else ''}/petitions.json"
    return {
        "links": {
            "self": f"{base}?state=all",
            "first": f"{base}?state=all",
            "last": f"{base}?page=2&state=all",
            "next": f"{base}?page=2&state=all",
            "prev": None,
        },
        "data": items,
    }


def old_style(pid: int = 104_001, **attr_overrides: Any) -> dict[str, Any]:
    """A capture made in 2015: ``open_at``, no codes on countries, no region/topic keys."""
    attrs: dict[str, Any] = {
        "action": "Keep the night bus running",
        "background": "The night bus is the only way home for shift workers.",
        "additional_details": "",
        "state": "open",
        "signature_count": 15,
        "created_at": "2015-07-21T08:00:00.000Z",
        "updated_at": "2015-09-08T10:00:00.000Z",
        "open_at": "2015-07-22T09:30:00.000Z",
        "closed_at": None,
        "government_response_at": None,
        "scheduled_debate_date": None,
        "debate_threshold_reached_at": None,
        "rejected_at": None,
        "debate_outcome_at": None,
        "moderation_threshold_reached_at": "2015-07-21T09:00:00.000Z",
        "creator_name": "A. Person",
        "rejection": None,
        "government_response": None,
        "debate": None,
        "signatures_by_country": [
            {"name": "Spain", "signature_count": 3},
            {"name": "United Kingdom", "signature_count": 12},
        ],
        "signatures_by_constituency": [
            {
                "name": "Islington North",
                "ons_code": "E14000764",
                "mp": "Jeremy Corbyn MP",
                "signature_count": 12,
            },
        ],
    }
    attrs.update(attr_overrides)
    return {"links": {"self": f"{SITE}/petitions/{pid}.json"}, "data": petition_object(pid, attrs)}


def with_attrs(doc: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """A deep copy of a single-view document with some attributes replaced."""
    out = copy.deepcopy(doc)
    out["data"]["attributes"].update(changes)
    return out


def dumps(doc: Any, *, pretty: bool = False) -> str:
    if pretty:
        return json.dumps(doc, indent=4, sort_keys=True, ensure_ascii=False)
    return json.dumps(doc, separators=(",", ":"), ensure_ascii=False)


def write_json(path: Path, doc: Any, *, pretty: bool = False) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dumps(doc, pretty=pretty), encoding="utf-8")
    return path


def write_text(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def write_zip(path: Path, members: dict[str, Any]) -> Path:
    """A zip whose members are JSON documents (dicts/lists) or raw text/bytes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            if isinstance(content, (dict, list)):
                content = dumps(content)
            archive.writestr(name, content)
    return path
