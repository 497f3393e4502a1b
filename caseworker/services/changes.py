"""What changed on the site, for the "Since last sync" panel and ``changes`` command.

Events are recorded by every import and sync (caseworker.importing.events); this service
reads them, newest first, and marks them seen. Events stay unseen until a clerk marks them.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Select, Update, func, select, update

from caseworker.domain.changes import ChangeKind
from caseworker.domain.rules import start_of_london_day
from caseworker.storage.engine import Database
from caseworker.storage.models import Petition
from caseworker.storage.sync_models import ChangeEvent as E

#: Ids marked per statement, well under every backend's limit on bound parameters.
MARK_CHUNK = 5_000


@dataclass(frozen=True, slots=True)
class ChangeView:
    id: int
    petition_id: int
    action: str
    kind: str
    at: datetime
    recorded_at: datetime
    seen_at: datetime | None

    @property
    def label(self) -> str:
        """The kind in words ("Crossed 10,000 signatures"), or as stored if unknown."""
        try:
            return ChangeKind(self.kind).label
        except ValueError:
            return self.kind


AnySelect = Select[*tuple[Any, ...]]

_COLUMNS: AnySelect = select(
    E.id, E.petition_id, Petition.action, E.kind, E.at, E.recorded_at, E.seen_at
).join(Petition, Petition.id == E.petition_id)


def _newest_first(statement: AnySelect) -> AnySelect:
    return statement.order_by(E.at.desc(), E.id.desc())


class ChangeService:
    def __init__(self, database: Database) -> None:
        self._database = database

    def unseen(self, limit: int | None = None) -> list[ChangeView]:
        """Events not yet marked seen, newest first."""
        statement = _newest_first(_COLUMNS.where(E.seen_at.is_(None)))
        if limit is not None:
            statement = statement.limit(limit)
        return self._read(statement)

    def since(self, day: date) -> list[ChangeView]:
        """Every event (seen or not) that happened on or after ``day`` (London), newest first."""
        return self._read(_newest_first(_COLUMNS.where(E.at >= start_of_london_day(day))))

    def count_unseen(self) -> int:
        with self._database.sessions() as session:
            statement = select(func.count()).select_from(E).where(E.seen_at.is_(None))
            return int(session.execute(statement).scalar_one())

    def mark_seen(self, ids: Collection[int] | None = None) -> int:
        """Mark these events (None: every event) seen now; returns how many were unseen.

        An event already seen keeps the moment it was first seen.
        """
        now = datetime.now(UTC)
        marked = 0
        with self._database.writes.begin() as session:
            if ids is None:
                marked = _rowcount(session.execute(_mark().values(seen_at=now)))
            else:
                wanted = sorted(set(ids))
                for start in range(0, len(wanted), MARK_CHUNK):
                    chunk = wanted[start : start + MARK_CHUNK]
                    statement = _mark().where(E.id.in_(chunk)).values(seen_at=now)
                    marked += _rowcount(session.execute(statement))
        return marked

    def _read(self, statement: AnySelect) -> list[ChangeView]:
        with self._database.sessions() as session:
            return [ChangeView(*row) for row in session.execute(statement).all()]


def _mark() -> Update:
    return update(E).where(E.seen_at.is_(None))


def _rowcount(result: object) -> int:
    return int(getattr(result, "rowcount", 0) or 0)
