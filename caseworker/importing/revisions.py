"""Closing the loop: a new response version answers the Committee's open request.

When a capture brings a response text the petition did not have before, and the Committee
is waiting on the department for a revised response, the request records the new version
and moves to ``received``, for a clerk to accept or ask again.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Row, Select, Table, and_, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import aliased

from caseworker.domain.casework import AWAITING_DEPARTMENT, RequestStatus
from caseworker.storage import models as m
from caseworker.storage.casework_models import AuditEvent, RevisionRequest

REQUESTS = cast(Table, RevisionRequest.__table__)
AUDIT = cast(Table, AuditEvent.__table__)
#: Petition ids per query, well inside every backend's limit on bound parameters.
CHUNK = 500


#: Petitions the Committee is waiting on, as one cheap driver-level query. Every imported file
#: asks, and nearly always the answer is none of its petitions, so the full query (which costs
#: about a millisecond to build and run) is kept for the petitions that have one.
AWAITED = (
    "SELECT DISTINCT petition_id FROM revision_requests WHERE status IN ("
    + ", ".join(f"'{s.value}'" for s in sorted(AWAITING_DEPARTMENT))
    + ")"
)


def link_revised_responses(
    connection: Connection, petition_ids: Iterable[int], actor: str, now: datetime
) -> list[int]:
    """Link open requests on these petitions to a newer current response; returns their ids."""
    awaited = {row[0] for row in connection.exec_driver_sql(AWAITED)}
    ids = sorted(awaited.intersection(petition_ids))
    linked: list[int] = []
    for start in range(0, len(ids), CHUNK):
        for row in connection.execute(_answered(ids[start : start + CHUNK])):
            if _mark_received(connection, row, actor, now):
                linked.append(row.id)
    return linked


def _answered(petition_ids: list[int]) -> Select[*tuple[Any, ...]]:
    r = RevisionRequest
    current = aliased(m.ResponseVersion)
    about = aliased(m.ResponseVersion)
    return (
        select(
            r.id,
            r.petition_id,
            r.status,
            r.version,
            current.id.label("revised_id"),
            m.Petition.is_demo,
        )
        .join(m.Petition, m.Petition.id == r.petition_id)
        .join(current, and_(current.petition_id == r.petition_id, current.is_current))
        .join(about, about.id == r.response_version_id)
        .where(r.petition_id.in_(petition_ids))
        .where(r.status.in_([s.value for s in AWAITING_DEPARTMENT]))
        .where(current.id != about.id, current.first_seen_at > about.first_seen_at)
    )


def _mark_received(connection: Connection, row: Row[Any], actor: str, now: datetime) -> bool:
    # The version check makes a clerk's concurrent edit of this request fail cleanly.
    result = connection.execute(
        update(REQUESTS)
        .where(REQUESTS.c.id == row.id, REQUESTS.c.version == row.version)
        .values(
            status=RequestStatus.RECEIVED.value,
            revised_version_id=row.revised_id,
            received_at=now,
            updated_at=now,
            updated_by=actor,
            version=row.version + 1,
        )
    )
    if result.rowcount != 1:
        return False
    base = {
        "petition_id": row.petition_id, "at": now, "actor": actor, "subject": "request",
        "subject_id": str(row.id), "action": "received", "demo": row.is_demo,
    }  # fmt: skip
    connection.execute(
        AUDIT.insert(),
        [
            {**base, "field": "status", "old_value": row.status, "new_value": "received"},
            {
                **base,
                "field": "revised_version_id",
                "old_value": None,
                "new_value": str(row.revised_id),
            },
        ],  # fmt: skip
    )
    return True
