"""Columns worked out from several tables, refreshed whenever a petition changes.

The petition table carries them so that the window can filter and sort on them in SQL:
the current response date, a department label, signatures in the last 24 hours, the
forecast crossing of the next threshold, and the full-text search document.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any, cast

from sqlalchemy import Table, bindparam, delete, select, update
from sqlalchemy.engine import Connection

from caseworker.domain.forecast import forecast
from caseworker.domain.records import PetitionCapture
from caseworker.domain.responses import looks_like_former_response
from caseworker.domain.rules import closing_time, london_date
from caseworker.storage import models as m

P = cast(Table, m.Petition.__table__)
SNAPSHOTS = cast(Table, m.SignatureSnapshot.__table__)
VERSIONS = cast(Table, m.ResponseVersion.__table__)
SEARCH = cast(Table, m.PetitionSearch.__table__)
DAY = timedelta(days=1)
MAX_BRACKET = timedelta(hours=36)
MAX_STALENESS = timedelta(hours=6)


def first_capture_values(c: PetitionCapture) -> tuple[date | None, str | None, str]:
    """Response date, department label and search text of a petition seen for the first time.

    The same values :func:`refresh_derived` would read back from the tables, worked out from
    the capture alone: a first capture has one snapshot (so no 24-hour gain or forecast) and
    at most one response. Callers check :func:`needs_tables` first.
    """
    gr = c.government_response
    responded_on = None
    if gr is not None:
        created = c.government_response_at
        responded_on = gr.responded_on or (london_date(created) if created else None)
    departments = sorted(c.departments or (), key=lambda d: d.name)
    label = department_label(dict.fromkeys(d.acronym or d.name for d in departments))
    texts = (gr.summary, gr.details) if gr is not None else ()
    document = search_document(
        c.action, c.background, c.additional_details, c.committee_note, *texts
    )
    return responded_on, label, document


def needs_tables(c: PetitionCapture) -> bool:
    """True when a first capture's derived values depend on more than the capture itself."""
    return any(looks_like_former_response(item.subject) for item in c.other_business or ())


def refresh_derived(connection: Connection, ids: Iterable[int]) -> None:
    """Recompute the derived columns and search text of these petitions."""
    wanted = sorted(set(ids))
    if not wanted:
        return
    petitions = connection.execute(
        select(
            P.c.id, P.c.action, P.c.background, P.c.additional_details, P.c.committee_note,
            P.c.state, P.c.signature_count, P.c.updated_at, P.c.opened_at, P.c.closing_date,
            P.c.closed_at, P.c.government_response_at,
        ).where(P.c.id.in_(wanted))
    ).all()  # fmt: skip
    series = _series(connection, wanted)
    responses = _responses(connection, wanted)
    labels = _department_labels(connection, wanted)
    updates = [
        _derived_values(p, series[p.id], responses[p.id], labels.get(p.id)) for p in petitions
    ]
    if updates:
        statement = (
            update(P)
            .where(P.c.id == bindparam("_id"))
            .values({k: bindparam(k) for k in updates[0] if k != "_id"})
        )
        connection.execute(statement, updates)
    _write_search(connection, wanted, list(petitions), responses)


def _derived_values(
    p: Any,
    points: list[tuple[datetime, int]],
    responses: list[tuple[str, str | None, date | None, bool]],
    label: str | None,
) -> dict[str, Any]:
    current = next((r for r in responses if r[3]), None)
    values: dict[str, Any] = {
        "_id": p.id,
        # Responses before June 2018 carry no responded_on: the record's creation date stands in.
        "responded_on": _responded_on(current, p.government_response_at),
        "departments_label": label,
        "signatures_last_24h": _last_24h(points, p.updated_at, p.signature_count),
        "forecast_threshold": None,
        "forecast_crossing_at": None,
        "forecast_final": None,
    }
    if p.state == "open" and p.opened_at is not None:
        result = forecast(
            points, as_of=p.updated_at, closes_at=closing_time(p.opened_at, p.closing_date)
        )
        if result is not None:
            values["forecast_final"] = result.final_estimate
            values["forecast_threshold"] = result.threshold if result.crossing_at else None
            values["forecast_crossing_at"] = result.crossing_at
    return values


def _responded_on(
    current: tuple[str, str | None, date | None, bool] | None, created: datetime | None
) -> date | None:
    if current is None:
        return None
    if current[2] is not None:
        return current[2]
    return london_date(created) if created is not None else None


def _last_24h(points: list[tuple[datetime, int]], at: datetime, count: int) -> int | None:
    """Signatures gained in the 24 hours to ``at``, or None when the history cannot say.

    The count a day earlier is read off the snapshots either side of that moment when they
    are at most 36 hours apart, or taken from a snapshot within 6 hours of it; a gain over a
    longer gap would not be a 24-hour figure.
    """
    moment = at - DAY
    before = [(t, c) for t, c in points if t <= moment]
    after = [(t, c) for t, c in points if moment < t <= at]
    if not before:
        return None
    (t0, c0) = before[-1]
    if after and after[0][0] - t0 <= MAX_BRACKET:
        (t1, c1) = after[0]
        estimate = c0 + (c1 - c0) * ((moment - t0) / (t1 - t0))
        return max(0, round(count - estimate))
    if moment - t0 <= MAX_STALENESS:
        return max(0, count - c0)
    return None


def _series(connection: Connection, ids: list[int]) -> dict[int, list[tuple[datetime, int]]]:
    out: dict[int, list[tuple[datetime, int]]] = defaultdict(list)
    query = (
        select(SNAPSHOTS.c.petition_id, SNAPSHOTS.c.at, SNAPSHOTS.c.signature_count)
        .where(SNAPSHOTS.c.petition_id.in_(ids))
        .order_by(SNAPSHOTS.c.petition_id, SNAPSHOTS.c.at)
    )
    for pid, at, count in connection.execute(query):
        out[pid].append((at, count))
    return out


def _responses(
    connection: Connection, ids: list[int]
) -> dict[int, list[tuple[str, str | None, date | None, bool]]]:
    out: dict[int, list[tuple[str, str | None, date | None, bool]]] = defaultdict(list)
    query = select(
        VERSIONS.c.petition_id, VERSIONS.c.summary, VERSIONS.c.details,
        VERSIONS.c.responded_on, VERSIONS.c.is_current,
    ).where(VERSIONS.c.petition_id.in_(ids))  # fmt: skip
    for pid, summary, details, responded_on, is_current in connection.execute(query):
        out[pid].append((summary, details, responded_on, is_current))
    return out


def _department_labels(connection: Connection, ids: list[int]) -> dict[int, str]:
    link, dept = m.PetitionDepartment.__table__, m.Department.__table__
    query = (
        select(link.c.petition_id, dept.c.acronym, dept.c.name)
        .join(dept, dept.c.name == link.c.department_name)
        .where(link.c.petition_id.in_(ids))
        .order_by(link.c.petition_id, dept.c.name)
    )
    names: dict[int, list[str]] = defaultdict(list)
    for pid, acronym, name in connection.execute(query):
        names[pid].append(acronym or name)
    return {pid: label for pid, parts in names.items() if (label := department_label(parts))}


#: Longest department label kept. PostgreSQL indexes the label (``ix_petitions_departments_
#: label``, a btree whose entries hold at most 2,704 bytes); 600 characters of four UTF-8
#: bytes are 2,400. Real labels are a few acronyms ("DfE, DHSC"); fifty departments named in
#: full would not fit, so a label that long is cut, the same way on every backend.
LABEL_LIMIT = 600


def department_label(parts: Iterable[str]) -> str | None:
    """The departments' acronyms (or names) joined, cut to :data:`LABEL_LIMIT`."""
    label = ", ".join(parts)
    if len(label) > LABEL_LIMIT:
        return label[: LABEL_LIMIT - 1] + "…"
    return label or None


#: Longest search text kept for one petition. PostgreSQL's ``to_tsvector`` refuses text whose
#: words take over 1 MB; 200,000 characters stay below that whatever the words, and hold a
#: petition's texts and a whole response at the import's own bounds with room to spare.
SEARCH_TEXT_LIMIT = 200_000


def search_document(*parts: str | None) -> str:
    """The text full-text search looks in for one petition (its start, if very long)."""
    return "\n".join(p for p in parts if p)[:SEARCH_TEXT_LIMIT]


def _write_search(
    connection: Connection,
    ids: list[int],
    petitions: list[Any],
    responses: dict[int, list[tuple[str, str | None, date | None, bool]]],
) -> None:
    write_search(connection, ids, [
        (
            p.id,
            search_document(
                p.action, p.background, p.additional_details, p.committee_note,
                *(part for r in responses[p.id] for part in (r[0], r[1])),
            ),
        )
        for p in petitions
    ])  # fmt: skip


def write_search(connection: Connection, ids: list[int], documents: list[tuple[int, str]]) -> None:
    """Replace the search text of petitions ``ids`` with ``documents`` (id, text)."""
    if connection.dialect.name == "sqlite":
        # The FTS5 table is its own store, keyed by petition number (see storage.fulltext).
        if ids:
            keys = [(pid,) for pid in ids]
            connection.exec_driver_sql("DELETE FROM petition_fts WHERE rowid = ?", keys)
        if documents:
            connection.exec_driver_sql(
                "INSERT INTO petition_fts (rowid, document) VALUES (?, ?)", documents
            )
        return
    if ids:
        connection.execute(delete(SEARCH).where(SEARCH.c.petition_id.in_(ids)))
    if documents:
        connection.execute(
            SEARCH.insert(), [{"petition_id": pid, "document": doc} for pid, doc in documents]
        )
