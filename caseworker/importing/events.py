"""What an import of one file changed on the site, as ``change_events`` rows.

The relevant columns of the file's petitions are read with one query before the file is
written and one after, in the same transaction; an event is a difference between the two.
Reading what was *stored* rather than what the file *says* keeps every import rule: an older
capture imported after a newer one changes nothing stored, so it creates no event backwards,
and a file seen again finds nothing new. The unique key (petition, kind, at) with
insert-or-ignore makes the same happening, seen by another file or sync, one event.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, bindparam, func, select, true
from sqlalchemy.engine import Connection

from caseworker.domain.changes import ChangeKind, start_of_utc_day, starts_seen
from caseworker.domain.records import PetitionCapture
from caseworker.storage import models as m
from caseworker.storage.sync_models import ChangeEvent
from caseworker.storage.upsert import bulk_insert_ignore, table_of

PETITIONS = table_of(m.Petition)
DEBATES = table_of(m.Debate)
VERSIONS = table_of(m.ResponseVersion)
EVENTS = table_of(ChangeEvent)
EVENT_KEY = ("petition_id", "kind", "at")
INSERT_EVENTS = bulk_insert_ignore(EVENTS, (*EVENT_KEY, "recorded_at", "seen_at"), EVENT_KEY)
KNOWN_EVENTS = select(EVENTS.c.petition_id, EVENTS.c.kind, EVENTS.c.at).where(
    EVENTS.c.petition_id.in_(bindparam("ids", expanding=True))
)
#: Ids per snapshot query, well under SQLite's limit on bound parameters.
CHUNK = 5_000

_CURRENT = VERSIONS.alias("current_version")
_ANY_VERSION = VERSIONS.alias("any_version")
SNAPSHOT = (
    select(
        PETITIONS.c.id,
        PETITIONS.c.state,
        PETITIONS.c.updated_at,
        PETITIONS.c.closed_at,
        PETITIONS.c.response_threshold_reached_at,
        PETITIONS.c.debate_threshold_reached_at,
        PETITIONS.c.government_response_at,
        PETITIONS.c.debate_scheduled_on,
        PETITIONS.c.scheduled_debate_date,
        PETITIONS.c.debate_outcome_at,
        DEBATES.c.debated_on,
        _CURRENT.c.id,
        _CURRENT.c.responded_on,
        _CURRENT.c.created_at,
        _CURRENT.c.updated_at,
        select(func.max(_ANY_VERSION.c.id))
        .where(_ANY_VERSION.c.petition_id == PETITIONS.c.id)
        .scalar_subquery(),
    )
    .outerjoin(DEBATES, DEBATES.c.petition_id == PETITIONS.c.id)
    .outerjoin(
        _CURRENT, and_(_CURRENT.c.petition_id == PETITIONS.c.id, _CURRENT.c.is_current == true())
    )
    .where(PETITIONS.c.id.in_(bindparam("ids", expanding=True)))
)


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What the events are read from, for one stored petition."""

    id: int
    state: str
    updated_at: datetime
    closed_at: datetime | None
    response_threshold_reached_at: datetime | None
    debate_threshold_reached_at: datetime | None
    government_response_at: datetime | None
    debate_scheduled_on: date | None
    scheduled_debate_date: date | None
    debate_outcome_at: datetime | None
    debated_on: date | None
    response_id: int | None
    responded_on: date | None
    response_created_at: datetime | None
    response_updated_at: datetime | None
    #: The highest response version id stored (None: no version at all). Versions are never
    #: deleted and ids only grow, so a current version above it was added since.
    newest_version_id: int | None


@dataclass(frozen=True, slots=True)
class Change:
    petition_id: int
    kind: ChangeKind
    at: datetime


def snapshot(connection: Connection, ids: list[int]) -> dict[int, Snapshot]:
    """The relevant columns of these petitions as stored now (one query per 5,000)."""
    found: dict[int, Snapshot] = {}
    unique = sorted(set(ids))
    for start in range(0, len(unique), CHUNK):
        for row in connection.execute(SNAPSHOT, {"ids": unique[start : start + CHUNK]}):
            values: tuple[Any, ...] = tuple(row)
            found[row[0]] = Snapshot(*values)
    return found


class ChangeWatch:
    """Taken before a file is written; :meth:`record` after it, in the same transaction.

    Petitions the file stores for the first time are not read back: the writer inserts a
    new petition's capture as it is (its columns, its debate, its response as the current
    version), so the capture is its stored state. That spares a first import the second
    query; a capture older than what is stored is not read back either.
    """

    def __init__(self, connection: Connection, captures: list[PetitionCapture]) -> None:
        self._captures = captures
        self._before = snapshot(connection, [c.id for c in captures]) if captures else {}

    def record(self, connection: Connection, now: datetime) -> Counter[str]:
        """Write the events the file revealed; returns how many of each kind were new."""
        if not self._captures:
            return Counter()
        listed = Counter(c.id for c in self._captures)
        new = [c for c in self._captures if c.id not in self._before and listed[c.id] == 1]
        read_back = {c.id for c in self._captures if self._may_change(c, listed[c.id])}
        after = snapshot(connection, sorted(read_back)) if read_back else {}
        after.update((c.id, as_stored(c)) for c in new)
        changes = [
            change
            for pid, now_stored in after.items()
            for change in changes_between(self._before.get(pid), now_stored)
        ]
        return write_events(connection, changes, now, stored_before=self._before.keys())

    def _may_change(self, c: PetitionCapture, times_listed: int) -> bool:
        """Whether a petition must be read back after the write to see what changed.

        A capture no newer than what was stored changes none of the columns read here (the
        site moves updated_at with any change to a response or debate). A new petition is
        its capture (:func:`as_stored`) unless the file lists it more than once.
        """
        before = self._before.get(c.id)
        if before is None:
            return times_listed > 1
        return c.updated_at > before.updated_at


def as_stored(c: PetitionCapture) -> Snapshot:
    """A new petition's snapshot, from the capture the writer has just inserted whole."""
    gr = c.government_response
    return Snapshot(
        id=c.id,
        state=c.state,
        updated_at=c.updated_at,
        closed_at=c.closed_at,
        response_threshold_reached_at=c.response_threshold_reached_at,
        debate_threshold_reached_at=c.debate_threshold_reached_at,
        government_response_at=c.government_response_at,
        debate_scheduled_on=c.debate_scheduled_on,
        scheduled_debate_date=c.scheduled_debate_date,
        debate_outcome_at=c.debate_outcome_at,
        debated_on=c.debate.debated_on if c.debate else None,
        # Any ids will do: they are only compared with those before, and there are none.
        response_id=0 if gr else None,
        responded_on=gr.responded_on if gr else None,
        response_created_at=gr.created_at if gr else None,
        response_updated_at=gr.updated_at if gr else None,
        newest_version_id=0 if gr else None,
    )


def changes_between(before: Snapshot | None, after: Snapshot) -> Iterator[Change]:
    """What happened to one petition between two stored states (``before`` None: new)."""
    pid = after.id
    if after.response_threshold_reached_at is not None and (
        before is None or before.response_threshold_reached_at is None
    ):
        yield Change(pid, ChangeKind.CROSSED_10000, after.response_threshold_reached_at)
    if after.debate_threshold_reached_at is not None and (
        before is None or before.debate_threshold_reached_at is None
    ):
        yield Change(pid, ChangeKind.CROSSED_100000, after.debate_threshold_reached_at)
    if after.response_id is not None and (
        before is None or after.response_id > (before.newest_version_id or 0)
    ):
        yield _response(before, after)
    if after.scheduled_debate_date is not None and (
        before is None or before.scheduled_debate_date != after.scheduled_debate_date
    ):
        yield Change(pid, ChangeKind.DEBATE_SCHEDULED, _scheduled_at(before, after))
    if after.debated_on is not None and (before is None or before.debated_on != after.debated_on):
        at = after.debate_outcome_at or start_of_utc_day(after.debated_on)
        yield Change(pid, ChangeKind.DEBATED, at)
    if after.state == "closed" and (before is None or before.state != "closed"):
        yield Change(pid, ChangeKind.CLOSED, after.closed_at or after.updated_at)


def _response(before: Snapshot | None, after: Snapshot) -> Change:
    """A new version became current: the first response, or a new text where one existed.

    A version seen before becoming current again (a response taken down and put back) is
    not news.
    """
    day = start_of_utc_day(after.responded_on) if after.responded_on else None
    if before is None or before.newest_version_id is None:
        # The site dates a response by its record's creation (government_response_at).
        at = after.government_response_at or day or after.response_created_at
        return Change(after.id, ChangeKind.RESPONSE, at or after.updated_at)
    # A revision edits the same record on the site: its updated_at says when.
    at = after.response_updated_at or after.response_created_at or day
    return Change(after.id, ChangeKind.REVISED_RESPONSE, at or after.updated_at)


def _scheduled_at(before: Snapshot | None, after: Snapshot) -> datetime:
    """When the debate was scheduled: the site's ``debate_scheduled_on`` (since Nov 2025).

    A debate moved without a new ``debate_scheduled_on`` would collide with the first
    scheduling's key, so it is dated by the capture that showed the move.
    """
    on = after.debate_scheduled_on
    if on is not None and (
        before is None or before.scheduled_debate_date is None or before.debate_scheduled_on != on
    ):
        return start_of_utc_day(on)
    return after.updated_at


def write_events(
    connection: Connection,
    changes: list[Change],
    now: datetime,
    stored_before: Collection[int] | None = None,
) -> Counter[str]:
    """Insert the changes not recorded yet; returns how many of each kind are new.

    Only petitions in ``stored_before`` (None: all of them) can have events already: a
    petition first stored by this file has none, which spares a first import the look-up.
    The insert still ignores an existing key, so a concurrent writer cannot make it fail.
    """
    fresh = {(c.petition_id, c.kind.value, c.at): c for c in changes}
    maybe_known = {
        c.petition_id for c in changes if stored_before is None or c.petition_id in stored_before
    }
    if maybe_known:
        for key in connection.execute(KNOWN_EVENTS, {"ids": sorted(maybe_known)}):
            fresh.pop(tuple(key), None)
    if not fresh:
        return Counter()
    INSERT_EVENTS.execute(
        connection,
        [(pid, kind, at, now, now if starts_seen(at, now) else None) for pid, kind, at in fresh],
    )
    return Counter(kind for _, kind, _ in fresh)


def record_removed(connection: Connection, petition_id: int, at: datetime, now: datetime) -> bool:
    """The sync's 410 Gone: a ``removed`` event; False if already recorded or not stored.

    Events hang off stored petitions (a foreign key), so a petition never imported has no
    event to show.
    """
    stored = connection.execute(select(PETITIONS.c.id).where(PETITIONS.c.id == petition_id)).first()
    if stored is None:
        return False
    change = Change(petition_id, ChangeKind.REMOVED, at)
    return bool(write_events(connection, [change], now))
