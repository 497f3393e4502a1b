"""Government response versions and related-activity items: history the site overwrites.

Every distinct response text seen becomes a version with the span of captures that showed
it. A later capture may carry an old text only as an "Original Government response" item of
other parliamentary business: that item is linked to the version it copies, or, when the
original was never captured, it stands in for that version until the original turns up.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, bindparam, select, update
from sqlalchemy.engine import Connection

from caseworker.domain.records import BusinessItem, GovernmentResponse, PetitionCapture
from caseworker.domain.responses import (
    fingerprint,
    is_copy_of,
    looks_like_former_response,
    split_former_response,
)
from caseworker.importing.rows import business_key
from caseworker.storage import models as m

VERSIONS = cast(Table, m.ResponseVersion.__table__)
ITEMS = cast(Table, m.BusinessItem.__table__)
FROM_RESPONSE = "government_response"
FROM_BUSINESS = "other_parliamentary_business"


@dataclass(slots=True)
class Version:
    id: int | None
    fingerprint: str
    summary: str
    details: str | None
    source: str
    first_seen_at: datetime
    last_seen_at: datetime
    is_current: bool
    dirty: bool = False

    @property
    def text(self) -> str:
        return f"{self.summary}\n\n{self.details or ''}"


@dataclass(slots=True)
class StoredItem:
    id: int
    updated_at: datetime | None
    response_version_id: int | None


class ResponseHistory:
    def __init__(self, connection: Connection, capture_id: int | None) -> None:
        self._db = connection
        self._capture_id = capture_id

    def record(self, batch: list[PetitionCapture], ages_are_newest: list[bool]) -> set[int]:
        """Record the response and business items of each capture; returns changed ids."""
        work = [
            (c, newest)
            for c, newest in zip(batch, ages_are_newest, strict=True)
            if c.government_response is not None or c.other_business or newest
        ]
        if not work:
            return set()
        ids = [c.id for c, _ in work]
        versions = self._load_versions(ids)
        items = self._load_items([c.id for c, _ in work if c.other_business])
        plan = _Plan()
        for c, newest in work:
            _plan_petition(plan, c, newest, versions[c.id], items[c.id], self._capture_id)
        return self._apply(plan, versions)

    def _load_versions(self, ids: list[int]) -> dict[int, list[Version]]:
        out: dict[int, list[Version]] = defaultdict(list)
        if not ids:
            return out
        query = select(
            VERSIONS.c.petition_id,
            VERSIONS.c.id,
            VERSIONS.c.fingerprint,
            VERSIONS.c.summary,
            VERSIONS.c.details,
            VERSIONS.c.source,
            VERSIONS.c.first_seen_at,
            VERSIONS.c.last_seen_at,
            VERSIONS.c.is_current,
        ).where(VERSIONS.c.petition_id.in_(ids))
        for row in self._db.execute(query):
            out[row[0]].append(Version(*row[1:]))
        return out

    def _load_items(self, ids: list[int]) -> dict[int, dict[str, StoredItem]]:
        out: dict[int, dict[str, StoredItem]] = defaultdict(dict)
        if not ids:
            return out
        query = select(
            ITEMS.c.petition_id,
            ITEMS.c.item_key,
            ITEMS.c.id,
            ITEMS.c.updated_at,
            ITEMS.c.response_version_id,
        ).where(ITEMS.c.petition_id.in_(ids))
        for pid, key, item_id, updated_at, link in self._db.execute(query):
            out[pid][key] = StoredItem(item_id, updated_at, link)
        return out

    def _apply(self, plan: _Plan, versions: dict[int, list[Version]]) -> set[int]:
        if plan.new_versions:
            inserts = [{k: v for k, v in row.items() if k != "_ref"} for row in plan.new_versions]
            self._db.execute(VERSIONS.insert(), inserts)
        dirty = [v for vs in versions.values() for v in vs if v.dirty and v.id is not None]
        for v in dirty:
            values = plan.version_updates[v.id or 0]
            self._db.execute(update(VERSIONS).where(VERSIONS.c.id == v.id).values(values))
        ids_by_fingerprint = self._version_ids(plan.linked_fingerprints)
        for row in plan.new_items:
            key = (row["petition_id"], row.pop("_fp"))
            row["response_version_id"] = ids_by_fingerprint.get(key)
        if plan.new_items:
            self._db.execute(ITEMS.insert(), plan.new_items)
        for row in plan.item_updates:
            key = (row["petition_id"], row.pop("_fp"))
            row["response_version_id"] = ids_by_fingerprint.get(key)
        if plan.item_updates:
            statement = (
                update(ITEMS)
                .where(ITEMS.c.id == bindparam("_id"))
                .values(
                    {
                        k: bindparam(k)
                        for k in plan.item_updates[0]
                        if k not in ("_id", "petition_id")
                    }
                )
            )
            self._db.execute(statement, plan.item_updates)
        return plan.changed

    def _version_ids(self, wanted: set[tuple[int, str]]) -> dict[tuple[int, str], int]:
        if not wanted:
            return {}
        ids = {pid for pid, _ in wanted}
        query = select(VERSIONS.c.petition_id, VERSIONS.c.fingerprint, VERSIONS.c.id).where(
            VERSIONS.c.petition_id.in_(ids)
        )
        return {(pid, fp): vid for pid, fp, vid in self._db.execute(query)}


class _Plan:
    """What one file changes, gathered before any statement runs."""

    def __init__(self) -> None:
        self.new_versions: list[dict[str, Any]] = []
        self.version_updates: dict[int, dict[str, Any]] = defaultdict(dict)
        self.new_items: list[dict[str, Any]] = []
        self.item_updates: list[dict[str, Any]] = []
        self.linked_fingerprints: set[tuple[int, str]] = set()
        self.changed: set[int] = set()

    def change_version(self, pid: int, v: Version, **values: Any) -> None:
        if v.id is None:  # still waiting to be inserted: amend the pending row
            pending = next(r for r in self.new_versions if r["_ref"] is v)
            pending.update(values)
        else:
            self.version_updates[v.id].update(values)
            v.dirty = True
        self.changed.add(pid)


def _plan_petition(
    plan: _Plan,
    c: PetitionCapture,
    newest: bool,
    versions: list[Version],
    items: dict[str, StoredItem],
    capture_id: int | None,
) -> None:
    current = None
    if c.government_response is not None:
        current = _record_response(plan, c, c.government_response, versions, capture_id)
    if newest:
        for v in versions:
            if v.is_current != (v is current):
                v.is_current = v is current
                plan.change_version(c.id, v, is_current=v.is_current)
    for item, key in _keyed_items(c.other_business or ()):
        _record_item(plan, c, item, key, versions, items)


#: Size of ``business_items.item_key``.
ITEM_KEY_LIMIT = 200


def _keyed_items(business: tuple[BusinessItem, ...]) -> list[tuple[BusinessItem, str]]:
    """Each item with its identity; items sharing a creation time are told apart by subject.

    The site's record creation time identifies an item, but two items saved in the same
    instant (or two without a time and with one subject) would otherwise collapse into one.
    An item repeated exactly is kept once.
    """
    out: list[tuple[BusinessItem, str]] = []
    used: dict[str, BusinessItem] = {}
    for item in business:
        base = business_key(item.created_at, item.subject)
        key, n = base, 1
        while key in used:
            earlier = used[key]
            if (earlier.subject, earlier.body) == (item.subject, item.body):
                break
            n += 1
            suffix = f"|{n}" if n > 2 else ""
            room = ITEM_KEY_LIMIT - len(base) - len(suffix) - 1
            key = f"{base}|{item.subject[:room]}{suffix}"
        else:
            used[key] = item
            out.append((item, key))
    return out


def _record_response(
    plan: _Plan,
    c: PetitionCapture,
    gr: GovernmentResponse,
    versions: list[Version],
    capture_id: int | None,
) -> Version:
    seen = c.updated_at
    fp = fingerprint(gr.summary, gr.details)
    version = next((v for v in versions if v.fingerprint == fp), None)
    if version is not None and version.source == FROM_RESPONSE:
        # Whatever order the captures arrive in, a version "comes from" the capture that
        # first showed it, and reads as the newest capture showed it (a corrected date,
        # the 2025 reformatting), so that the result does not depend on the import order.
        if seen < version.first_seen_at:
            version.first_seen_at = seen
            plan.change_version(c.id, version, first_seen_at=seen, capture_id=capture_id)
        if seen > version.last_seen_at:
            version.last_seen_at = seen
            version.summary, version.details = gr.summary, gr.details
            plan.change_version(
                c.id,
                version,
                last_seen_at=seen,
                summary=gr.summary,
                details=gr.details,
                responded_on=gr.responded_on,
                created_at=gr.created_at,
                updated_at=gr.updated_at,
            )
        return version
    fields = {
        "summary": gr.summary,
        "details": gr.details,
        "responded_on": gr.responded_on,
        "created_at": gr.created_at,
        "updated_at": gr.updated_at,
        "fingerprint": fp,
        "source": FROM_RESPONSE,
        "first_seen_at": seen,
        "last_seen_at": seen,
        "capture_id": capture_id,
    }
    # A stand-in built from a copy whose words split exactly like the original has the same
    # fingerprint; it must still be replaced by the response itself (dates, capture, source).
    stand_in = version or next(
        (
            v
            for v in versions
            if v.source == FROM_BUSINESS and is_copy_of(gr.summary, gr.details, v.text)
        ),
        None,
    )
    if stand_in is not None:
        # The original of a copy kept in related activity: it takes the copy's place.
        old_fp = stand_in.fingerprint
        stand_in.fingerprint, stand_in.summary, stand_in.details = fp, gr.summary, gr.details
        stand_in.source, stand_in.first_seen_at, stand_in.last_seen_at = FROM_RESPONSE, seen, seen
        plan.change_version(c.id, stand_in, **fields)
        if (c.id, old_fp) in plan.linked_fingerprints:
            plan.linked_fingerprints.add((c.id, fp))
            _relink_pending(plan, c.id, old_fp, fp)
        return stand_in
    return _add_version(plan, c.id, versions, fields)


def _add_version(plan: _Plan, pid: int, versions: list[Version], fields: dict[str, Any]) -> Version:
    version = Version(
        id=None,
        fingerprint=fields["fingerprint"],
        summary=fields["summary"],
        details=fields["details"],
        source=fields["source"],
        first_seen_at=fields["first_seen_at"],
        last_seen_at=fields["last_seen_at"],
        is_current=False,
    )
    versions.append(version)
    plan.new_versions.append({"petition_id": pid, "is_current": False, **fields, "_ref": version})
    plan.changed.add(pid)
    return version


def _relink_pending(plan: _Plan, pid: int, old_fp: str, new_fp: str) -> None:
    for row in plan.new_items + plan.item_updates:
        if row["petition_id"] == pid and row.get("_fp") == old_fp:
            row["_fp"] = new_fp


def _record_item(
    plan: _Plan,
    c: PetitionCapture,
    item: BusinessItem,
    key: str,
    versions: list[Version],
    items: dict[str, StoredItem],
) -> None:
    linked = _former_response_fingerprint(plan, c, item, versions)
    stored = items.get(key)
    row = {
        "petition_id": c.id,
        "subject": item.subject,
        "body": item.body,
        "occurred_on": item.occurred_on,
        "updated_at": item.updated_at,
        "_fp": linked,
    }
    if stored is None:
        row.update(item_key=key, created_at=item.created_at)
        plan.new_items.append(row)
        items[key] = StoredItem(-1, item.updated_at, None)
        plan.changed.add(c.id)
        return
    edited = item.updated_at is not None and (
        stored.updated_at is None or item.updated_at > stored.updated_at
    )
    newly_linked = linked is not None and stored.response_version_id is None
    if stored.id >= 0 and (edited or newly_linked):
        row["_id"] = stored.id
        plan.item_updates.append(row)
        plan.changed.add(c.id)


def _former_response_fingerprint(
    plan: _Plan, c: PetitionCapture, item: BusinessItem, versions: list[Version]
) -> str | None:
    if not item.body or not looks_like_former_response(item.subject):
        return None
    match = next(
        (
            v
            for v in versions
            if v.source == FROM_RESPONSE and is_copy_of(v.summary, v.details, item.body)
        ),
        None,
    )
    if match is None:
        summary, details = split_former_response(item.body)
        fp = fingerprint(summary, details)
        match = next((v for v in versions if v.fingerprint == fp), None)
        if match is None:
            seen = item.created_at or c.updated_at
            match = _add_version(
                plan,
                c.id,
                versions,
                {
                    "summary": summary,
                    "details": details,
                    "responded_on": None,
                    "created_at": None,
                    "updated_at": None,
                    "fingerprint": fp,
                    "source": FROM_BUSINESS,
                    "first_seen_at": seen,
                    "last_seen_at": seen,
                    "capture_id": None,
                },
            )
    plan.linked_fingerprints.add((c.id, match.fingerprint))
    return match.fingerprint
