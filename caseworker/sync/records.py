"""What a sync reads and writes besides captures: runs, fetch state, what needs fetching."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import func, select, update
from sqlalchemy.engine import Connection

from caseworker.importing.events import record_removed
from caseworker.storage import models as m
from caseworker.storage.engine import Database, for_writing
from caseworker.storage.sync_models import ChangeEvent, SyncPetition, SyncRun
from caseworker.storage.upsert import table_of, upsert
from caseworker.sync.options import SyncOptions

if TYPE_CHECKING:
    from caseworker.sync.service import SyncSummary

SYNC_PETITIONS = table_of(SyncPetition)


def start_run(database: Database, site: str, now: datetime) -> int:
    with database.writes.begin() as session:
        run = SyncRun(site=site, started_at=now)
        session.add(run)
        session.flush()
        return run.id


def finish_run(database: Database, run_id: int, summary: SyncSummary, now: datetime) -> None:
    message = summary.offline or (summary.failures[0].line() if summary.failures else None)
    with database.writes.begin() as session:
        run = session.get(SyncRun, run_id)
        if run is None:
            return
        run.finished_at, run.outcome, run.message = now, summary.outcome, message
        run.list_pages, run.requests = summary.list_pages, summary.requests
        run.new, run.updated, run.unchanged = summary.new, summary.updated, summary.unchanged
        run.failed = summary.failed


def events_since(database: Database, started: datetime) -> dict[str, int]:
    """The change events this sync recorded (through its imports), by kind."""
    e = ChangeEvent
    with database.sessions() as session:
        rows = session.execute(
            select(e.kind, func.count()).where(e.recorded_at >= started).group_by(e.kind)
        )
        return {kind: count for kind, count in rows}


@dataclass(frozen=True)
class Wanted:
    """A petition whose own page should be fetched, and how to ask for it."""

    petition_id: int
    archived: bool
    last_modified: str | None


def details_needed(database: Database, ids: Sequence[int], options: SyncOptions) -> list[Wanted]:
    """Of these petitions, those whose page has news: open or big enough, breakdowns stale.

    Stale means the site's ``updated_at`` (from the list page just stored) is later than the
    capture the breakdowns came from. Rejected petitions have no breakdowns to fetch;
    petitions the site said are gone are never asked for again.
    """
    if not ids:
        return []
    p, s = m.Petition, SyncPetition
    query = (
        select(
            p.id,
            p.archived,
            p.state,
            p.signature_count,
            p.updated_at,
            p.breakdowns_as_of,
            s.last_modified,
            s.gone_at,
        )  # fmt: skip
        .outerjoin(s, s.petition_id == p.id)
        .where(p.id.in_(list(ids)))
        .order_by(p.id)
    )
    with database.sessions() as session:
        rows = session.execute(query).all()
    return [
        Wanted(row.id, row.archived, row.last_modified)
        for row in rows
        if row.gone_at is None
        and row.state != "rejected"
        and (row.state == "open" or row.signature_count >= options.details_threshold)
        and (row.breakdowns_as_of is None or row.breakdowns_as_of < row.updated_at)
    ]


def mark_checked(
    database: Database, petition_id: int, last_modified: str | None, now: datetime
) -> None:
    row = {"petition_id": petition_id, "last_modified": last_modified, "checked_at": now,
           "missing_at": None}  # fmt: skip
    with for_writing(database.engine).begin() as connection:
        upsert(connection, SYNC_PETITIONS, [row], ["petition_id"],
               ["last_modified", "checked_at", "missing_at"])  # fmt: skip


def mark_missing(database: Database, petition_id: int, now: datetime) -> None:
    row = {"petition_id": petition_id, "checked_at": now, "missing_at": now}
    with for_writing(database.engine).begin() as connection:
        upsert(connection, SYNC_PETITIONS, [row], ["petition_id"], ["checked_at", "missing_at"])


def mark_gone(database: Database, petition_id: int, now: datetime) -> None:
    """410 Gone: the petition was removed from the site. Shown as removed, never asked again."""
    row = {"petition_id": petition_id, "checked_at": now, "gone_at": now}
    with for_writing(database.engine).begin() as connection:
        upsert(connection, SYNC_PETITIONS, [row], ["petition_id"], ["checked_at", "gone_at"])
        _show_removed(connection, petition_id, now)


def _show_removed(connection: Connection, petition_id: int, now: datetime) -> None:
    p = m.Petition
    changed = connection.execute(
        update(p).where(p.id == petition_id, p.state != "removed").values(state="removed")
    ).rowcount
    if changed:
        record_removed(connection, petition_id, now, now)


def periods_in(document: dict[str, object]) -> set[str]:
    """The Parliament periods named by an archived list page's petitions."""
    data = document.get("data")
    periods = set()
    for item in data if isinstance(data, list) else []:
        parliament = item.get("parliament") if isinstance(item, dict) else None
        period = parliament.get("period") if isinstance(parliament, dict) else None
        if isinstance(period, str):
            periods.add(period)
    return periods
