"""The site's answers: list, single, archived and count views, redirects, 304, 404, 410.

Rendered on each request from the catalogue, with links on the server's own base
(``http://127.0.0.1:PORT``), as sections 1-5 of ``petitions-data-format.md`` describe.
"""

from __future__ import annotations

import email.utils
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from math import ceil
from typing import Any
from urllib.parse import urlencode

from tests.site.catalogue import Catalogue
from tests.site.faults import split_target
from tests.site.petitions import last_modified

MAX_AGE = 60
DEFAULT_COUNT = 25
MAX_COUNT = 50
MAX_PAGE = 99_999
CURRENT_STATES = ("all", "open", "closed", "rejected", "recent")
ARCHIVED_STATES = ("all", "published", "rejected")
#: Parameters the list links carry over (sorted, ``page`` left out for page 1).
LINK_PARAMS = ("count", "parliament", "q", "state", "topic")

SINGLE = re.compile(r"/petitions/(\d{1,9})\.json")
COUNT = re.compile(r"/petitions/(\d{1,9})/count\.json")
ARCHIVED_SINGLE = re.compile(r"/archived/petitions/(\d{1,9})\.json")


@dataclass
class Answer:
    status: int
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b""

    def json(self) -> Any:
        return json.loads(self.body)


def http_date(at: datetime) -> str:
    return email.utils.format_datetime(at.astimezone(UTC), usegmt=True)


def parse_http_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed


def json_answer(document: Any, extra: Iterable[tuple[str, str]] = ()) -> Answer:
    body = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    headers = [
        ("Content-Type", "application/json; charset=utf-8"),
        ("Cache-Control", f"public, max-age={MAX_AGE}"),
        ("Access-Control-Allow-Origin", "*"),
        *extra,
    ]
    return Answer(200, headers, body)


def text_answer(status: int, text: str) -> Answer:
    return Answer(status, [("Content-Type", "text/plain; charset=utf-8")], text.encode())


def redirect(base: str, location: str, status: int = 302) -> Answer:
    if location.startswith("/"):
        location = f"{base}{location}"
    return Answer(status, [("Location", location), ("Content-Length", "0")])


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def render(site: Catalogue, base: str, target: str, headers: dict[str, str]) -> Answer:
    """The answer to GET ``target``; ``headers`` with lower-case names."""
    path, query = split_target(target)
    params = dict(query)
    with site.lock:
        if path == "/petitions.json":
            return _list(site, base, target, params, archived=False)
        if path == "/archived/petitions.json":
            return _list(site, base, target, params, archived=True)
        if path == "/parliaments.json":
            return json_answer([p.as_json() for p in site.parliaments])
        if match := SINGLE.fullmatch(path):
            return _single(site, base, target, int(match[1]), headers, archived=False)
        if match := ARCHIVED_SINGLE.fullmatch(path):
            return _single(site, base, target, int(match[1]), headers, archived=True)
        if match := COUNT.fullmatch(path):
            return _count(site, int(match[1]))
    return text_answer(404, "Not Found")


def _single(
    site: Catalogue, base: str, target: str, pid: int, headers: dict[str, str], archived: bool
) -> Answer:
    petition = site.find(pid)
    if petition is None or (archived and petition.parliament is None):
        return text_answer(404, "Not Found")
    if not archived and petition.parliament is not None:
        return redirect(base, f"/archived/petitions/{pid}.json")
    if petition.removed:
        return text_answer(410, "Gone")
    if not petition.visible:
        return text_answer(404, "Not Found")
    modified = last_modified(petition.updated_at)
    stamp = ("Last-Modified", http_date(modified))
    since = parse_http_date(headers.get("if-modified-since"))
    if since is not None and since >= modified:
        return Answer(304, [("Cache-Control", f"public, max-age={MAX_AGE}"), stamp])
    data: dict[str, Any] = {
        "type": "archived-petition" if archived else "petition",
        "id": pid,
        "attributes": petition.single_attributes(),
    }
    if petition.parliament is not None:
        data["parliament"] = site.parliament(petition.parliament).as_json()
    return json_answer({"links": {"self": f"{base}{target}"}, "data": data}, [stamp])


def _count(site: Catalogue, pid: int) -> Answer:
    petition = site.find(pid)
    if petition is None or petition.parliament is not None:
        return text_answer(404, "Not Found")
    if petition.removed:
        return text_answer(410, "Gone")
    return json_answer(petition.count_view())


def _list(
    site: Catalogue, base: str, target: str, params: dict[str, str], archived: bool
) -> Answer:
    path = "/archived/petitions.json" if archived else "/petitions.json"
    state = params.get("state", "all")
    if state not in (ARCHIVED_STATES if archived else CURRENT_STATES):
        # The site sends an unknown state to state=all.
        query = urlencode(sorted({**params, "state": "all"}.items()))
        return redirect(base, f"{path}?{query}")
    count = _int(params.get("count"), DEFAULT_COUNT)
    count = DEFAULT_COUNT if count < 1 else min(count, MAX_COUNT)
    page = min(max(_int(params.get("page"), 1), 1), MAX_PAGE)
    parliament = None
    if archived:
        number = _int(params["parliament"], -1) if "parliament" in params else None
        parliament = site.numbered(number)
    order = (
        []
        if archived and parliament is None
        else site.listed(state, parliament.period if parliament else "")
    )
    last = max(1, ceil(len(order) / count))
    data = []
    for pid in order[(page - 1) * count : page * count]:
        item = site.stored(pid).item(base)
        if parliament is not None:
            item["parliament"] = parliament.as_json()
        data.append(item)
    kept = {k: v for k, v in params.items() if k in LINK_PARAMS}

    def link(n: int) -> str:
        query = {**kept, **({"page": str(n)} if n > 1 else {})}
        return f"{base}{path}?{urlencode(sorted(query.items()))}" if query else f"{base}{path}"

    links = {
        "self": f"{base}{target}",
        "first": link(1),
        "last": link(last),
        "next": link(page + 1) if page < last else None,
        "prev": link(page - 1) if 1 < page <= last + 1 else None,
    }
    return json_answer({"links": links, "data": data})
