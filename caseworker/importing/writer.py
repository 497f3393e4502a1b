"""Apply parsed captures to the database inside the caller's transaction.

Work is batched per file: one query finds what is stored for every petition in the file,
then each table gets one ``executemany``. That keeps a 50-petition list page at a handful
of statements, which is what makes a 100,000-petition import fast on SQLite. The statements
are declared once below as :class:`~caseworker.storage.upsert.Bulk` and fed tuples from
:mod:`caseworker.importing.rows`, which keeps the per-row cost close to the driver's own.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from sqlalchemy import bindparam, func, select
from sqlalchemy.engine import Connection

from caseworker.domain.records import Parliament, PetitionCapture
from caseworker.importing import rows
from caseworker.importing.derived import first_capture_values, needs_tables, write_search
from caseworker.importing.history import ResponseHistory
from caseworker.storage import models as m
from caseworker.storage.base import Base
from caseworker.storage.upsert import (
    Bulk,
    Row,
    bulk_delete,
    bulk_insert,
    bulk_insert_ignore,
    bulk_update,
    bulk_upsert,
    table_of,
)

PETITIONS = table_of(m.Petition)
RAW = table_of(m.PetitionRaw)
SNAPSHOTS = table_of(m.SignatureSnapshot)
CONSTITUENCIES = table_of(m.ConstituencySignatures)
PREVIOUS_CONSTITUENCIES = table_of(m.PreviousConstituencySignatures)
INSERT_PREVIOUS = bulk_insert(PREVIOUS_CONSTITUENCIES, (*rows.CONSTITUENCY_COLUMNS, "as_of"))
DEBATES = table_of(m.Debate)
TOPICS = table_of(m.Topic)
PETITION_DEPARTMENTS = table_of(m.PetitionDepartment)
PETITION_TOPICS = table_of(m.PetitionTopic)
PARLIAMENT_COLUMNS = (
    "period",
    "government",
    "dissolution_at",
    "response_threshold",
    "debate_threshold",
)

# Reads, with the ids as one expanding parameter so each statement is built once.
STORED = select(
    PETITIONS.c.id,
    PETITIONS.c.updated_at,
    PETITIONS.c.raw_from_single_view,
    PETITIONS.c.breakdowns_as_of,
    PETITIONS.c.parliament_period,
).where(PETITIONS.c.id.in_(bindparam("ids", expanding=True)))
SERIES = select(SNAPSHOTS.c.petition_id, SNAPSHOTS.c.at, SNAPSHOTS.c.signature_count).where(
    SNAPSHOTS.c.petition_id.in_(bindparam("ids", expanding=True))
)

# Writes; each takes tuples in the order of its columns (see caseworker.importing.rows).
INSERT_PETITIONS = bulk_insert(PETITIONS, rows.NEW_PETITION_COLUMNS)
UPDATE_PETITIONS = bulk_update(PETITIONS, "id", rows.PETITION_COLUMNS)
INSERT_RAW = bulk_insert(RAW, ("petition_id", "raw_json"))
UPSERT_RAW = bulk_upsert(RAW, ("petition_id", "raw_json"), keys=["petition_id"])
MARK_SINGLE_VIEW = bulk_update(PETITIONS, "id", ("raw_from_single_view",))
SET_BREAKDOWNS_AS_OF = bulk_update(PETITIONS, "id", ("breakdowns_as_of",))
INSERT_SNAPSHOTS = bulk_insert(SNAPSHOTS, rows.SNAPSHOT_COLUMNS)
DELETE_SNAPSHOTS = bulk_delete(SNAPSHOTS, ("petition_id", "at"))
UPSERT_DEBATES = bulk_upsert(DEBATES, rows.DEBATE_COLUMNS, keys=["petition_id"])
DELETE_DEBATES = bulk_delete(DEBATES, "petition_id")
UPSERT_PARLIAMENTS = bulk_upsert(table_of(m.Parliament), PARLIAMENT_COLUMNS, keys=["period"])
UPSERT_TOPIC_NAMES = bulk_upsert(TOPICS, ("code", "name"), keys=["code"])
INSERT_TOPIC_CODES = bulk_insert_ignore(TOPICS, ("code",), keys=["code"])
UPSERT_DEPARTMENTS = bulk_upsert(table_of(m.Department), ("name", "acronym", "url"), keys=["name"])
INSERT_DEPARTMENTS = bulk_insert_ignore(
    table_of(m.Department), ("name", "acronym", "url"), keys=["name"]
)
INSERT_DEPARTMENT_LINKS = bulk_insert(PETITION_DEPARTMENTS, ("petition_id", "department_name"))
DELETE_DEPARTMENT_LINKS = bulk_delete(PETITION_DEPARTMENTS, "petition_id")
INSERT_TOPIC_LINKS = bulk_insert(PETITION_TOPICS, ("petition_id", "topic_code"))
DELETE_TOPIC_LINKS = bulk_delete(PETITION_TOPICS, "petition_id")


@dataclass(frozen=True)
class BreakdownTable:
    """One of the three breakdown tables: its statements and the rows a capture gives it."""

    delete: Bulk
    insert: Bulk
    rows: Callable[[PetitionCapture], list[Row]]

    @classmethod
    def of(
        cls,
        model: type[Base],
        columns: tuple[str, ...],
        make_rows: Callable[[PetitionCapture], list[Row]],
    ) -> BreakdownTable:
        table = table_of(model)
        return cls(bulk_delete(table, "petition_id"), bulk_insert(table, columns), make_rows)


#: In the site's order: countries, regions, constituencies.
BREAKDOWNS = (
    BreakdownTable.of(m.CountrySignatures, rows.COUNTRY_COLUMNS, rows.country_rows),
    BreakdownTable.of(m.RegionSignatures, rows.REGION_COLUMNS, rows.region_rows),
    BreakdownTable.of(m.ConstituencySignatures, rows.CONSTITUENCY_COLUMNS, rows.constituency_rows),
)


class Outcome(str, Enum):  # noqa: UP042 (StrEnum would change str(outcome))
    IMPORTED = "imported"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


class Age(Enum):
    """How a capture relates to what is stored for the same petition."""

    NEW = "new"
    NEWER = "newer"
    SAME = "same"
    OLDER = "older"


@dataclass(slots=True)
class Stored:
    updated_at: datetime
    raw_from_single_view: bool
    breakdowns_as_of: datetime | None
    parliament_period: str | None


class CaptureWriter:
    """Writes the petitions of one file; every method runs inside one transaction."""

    def __init__(self, connection: Connection, capture_id: int | None, now: datetime) -> None:
        self._db = connection
        self._capture_id = capture_id
        self._now = now
        self._history = ResponseHistory(connection, capture_id)
        #: New petitions whose derived values and search text were written with them; the
        #: rest need caseworker.importing.derived.refresh_derived after the write.
        self.derived_written: set[int] = set()

    def write(self, captures: list[PetitionCapture]) -> Counter[Outcome]:
        outcomes: Counter[Outcome] = Counter()
        # A petition listed twice in one file is applied in rounds, so each round sees the last.
        rounds = _rounds(captures)
        for batch in rounds:
            outcomes.update(self._write_round(batch))
        if len(rounds) > 1:
            self.derived_written -= {c.id for batch in rounds[1:] for c in batch}
        return outcomes

    def write_parliaments(self, parliaments: list[Parliament]) -> None:
        UPSERT_PARLIAMENTS.execute(self._db, [_parliament_row(p) for p in parliaments])

    def write_topic_names(self, names: dict[str, str]) -> None:
        UPSERT_TOPIC_NAMES.execute(self._db, list(names.items()))

    def _write_round(self, batch: list[PetitionCapture]) -> list[Outcome]:
        stored = self._stored([c.id for c in batch])
        ages = [_age(c, stored.get(c.id)) for c in batch]
        self._write_reference_data(batch, ages)
        self._insert_new([c for c, a in zip(batch, ages, strict=True) if a is Age.NEW])
        self._update_newer([c for c, a in zip(batch, ages, strict=True) if a is Age.NEWER], stored)
        changed = self._fill_gaps(batch, ages, stored)
        changed |= self._append_snapshots(
            [c for c, a in zip(batch, ages, strict=True) if a is not Age.NEW]
        )
        changed |= self._history.record(batch, ages_are_newest=[a is not Age.OLDER for a in ages])
        return [_outcome(c, a, changed) for c, a in zip(batch, ages, strict=True)]

    def _stored(self, ids: list[int]) -> dict[int, Stored]:
        found = self._db.execute(STORED, {"ids": ids})
        return {pid: Stored(*values) for pid, *values in found}

    def _write_reference_data(self, batch: list[PetitionCapture], ages: list[Age]) -> None:
        parliaments = {c.parliament.period: c.parliament for c in batch if c.parliament}
        if parliaments:
            self.write_parliaments(list(parliaments.values()))
        # A department's acronym and address come from the newest captures only.
        newest = {
            d.name: (d.name, d.acronym, d.url)
            for c, age in zip(batch, ages, strict=True)
            if age in (Age.NEW, Age.NEWER)
            for d in c.departments or ()
        }
        older = {
            d.name: (d.name, d.acronym, d.url)
            for c, age in zip(batch, ages, strict=True)
            if age not in (Age.NEW, Age.NEWER)
            for d in c.departments or ()
            if d.name not in newest
        }
        UPSERT_DEPARTMENTS.execute(self._db, list(newest.values()))
        INSERT_DEPARTMENTS.execute(self._db, list(older.values()))
        codes = {code for c in batch for code in c.topics or ()}
        INSERT_TOPIC_CODES.execute(self._db, [(code,) for code in codes])

    def _insert_new(self, new: list[PetitionCapture]) -> None:
        if not new:
            return
        capture_id, now = self._capture_id, self._now
        simple = [c for c in new if not needs_tables(c)]
        derived = {c.id: first_capture_values(c) for c in simple}
        INSERT_PETITIONS.execute(
            self._db,
            [
                rows.new_petition_row(
                    c, capture_id, now, derived[c.id][:2] if c.id in derived else (None, None)
                )
                for c in new
            ],
        )
        write_search(self._db, [], [(pid, values[2]) for pid, values in derived.items()])
        self.derived_written |= derived.keys()
        INSERT_RAW.execute(self._db, [rows.raw_row(c) for c in new])
        INSERT_SNAPSHOTS.execute(self._db, [rows.snapshot_row(c) for c in new])
        self._write_links(new)
        self._write_debates(new)
        self._write_breakdowns([c for c in new if c.breakdowns])

    def _update_newer(self, newer: list[PetitionCapture], stored: dict[int, Stored]) -> None:
        if not newer:
            return
        capture_id = self._capture_id
        UPDATE_PETITIONS.execute(
            self._db,
            [
                (c.id, *_keep_parliament(rows.petition_values(c, capture_id), c, stored))
                for c in newer
            ],
        )
        UPSERT_RAW.execute(self._db, [rows.raw_row(c) for c in newer])
        self._write_links(newer, replace=True)
        DELETE_DEBATES.execute(self._db, [(c.id,) for c in newer if c.debate is None])
        self._write_debates(newer)
        with_breakdowns = [c for c in newer if c.breakdowns]
        self._replace_breakdowns(with_breakdowns)

    def _fill_gaps(
        self, batch: list[PetitionCapture], ages: list[Age], stored: dict[int, Stored]
    ) -> set[int]:
        """Breakdowns and fuller raw JSON from a capture that is not newer than what is stored."""
        fill = []
        earlier: list[PetitionCapture] = []
        raw_upgrades: list[Row] = []
        for c, age in zip(batch, ages, strict=True):
            if age in (Age.NEW, Age.NEWER):
                continue
            known = stored[c.id]
            if c.breakdowns and (
                known.breakdowns_as_of is None or known.breakdowns_as_of < c.updated_at
            ):
                fill.append(c)
            elif c.breakdowns and known.breakdowns_as_of != c.updated_at:
                earlier.append(c)  # older than the stored breakdown: perhaps the previous one
            if age is Age.SAME and c.from_single_view and not known.raw_from_single_view:
                raw_upgrades.append((c.id, c.raw_json))
        self._keep_earlier_constituencies(earlier)
        self._replace_breakdowns(fill)
        UPSERT_RAW.execute(self._db, raw_upgrades)
        MARK_SINGLE_VIEW.execute(self._db, [(pid, True) for pid, _ in raw_upgrades])
        return {c.id for c in fill} | {pid for pid, *_ in raw_upgrades}

    def _replace_breakdowns(self, captures: list[PetitionCapture]) -> None:
        if not captures:
            return
        ids = [(c.id,) for c in captures]
        self._keep_previous_constituencies([c.id for c in captures])
        for table in BREAKDOWNS:
            table.delete.execute(self._db, ids)
        self._write_breakdowns(captures)
        SET_BREAKDOWNS_AS_OF.execute(self._db, [(c.id, c.updated_at) for c in captures])

    def _keep_previous_constituencies(self, petition_ids: list[int]) -> None:
        """Before a newer breakdown replaces it, the stored one by constituency (with the
        capture time it is from) becomes the petition's previous one: signals compare them."""
        current, kept = CONSTITUENCIES, PREVIOUS_CONSTITUENCIES
        self._db.execute(kept.delete().where(kept.c.petition_id.in_(petition_ids)))
        columns = ("petition_id", "position", "name", "ons_code", "mp", "signature_count")
        earlier = (
            select(*(current.c[name] for name in columns), PETITIONS.c.breakdowns_as_of)
            .join(PETITIONS, PETITIONS.c.id == current.c.petition_id)
            .where(
                current.c.petition_id.in_(petition_ids),
                PETITIONS.c.breakdowns_as_of.is_not(None),
            )
        )
        self._db.execute(kept.insert().from_select([*columns, "as_of"], earlier))

    def _keep_earlier_constituencies(self, captures: list[PetitionCapture]) -> None:
        """An older capture's breakdown becomes the previous one when it is newer than the
        previous one kept: whatever order captures come in, the previous breakdown is the
        newest one older than the current (import order never changes the result)."""
        if not captures:
            return
        kept = PREVIOUS_CONSTITUENCIES
        ids = [c.id for c in captures]
        kept_as_of = dict(
            self._db.execute(
                select(kept.c.petition_id, func.max(kept.c.as_of, type_=kept.c.as_of.type))
                .where(kept.c.petition_id.in_(ids))
                .group_by(kept.c.petition_id)
            ).all()
        )
        newer = [
            c for c in captures if kept_as_of.get(c.id) is None or kept_as_of[c.id] < c.updated_at
        ]
        if not newer:
            return
        self._db.execute(kept.delete().where(kept.c.petition_id.in_([c.id for c in newer])))
        earlier = [(*row, c.updated_at) for c in newer for row in rows.constituency_rows(c)]
        INSERT_PREVIOUS.execute(self._db, earlier)

    def _write_breakdowns(self, captures: list[PetitionCapture]) -> None:
        for table in BREAKDOWNS:
            table.insert.execute(self._db, [row for c in captures for row in table.rows(c)])

    def _write_links(self, captures: list[PetitionCapture], *, replace: bool = False) -> None:
        with_depts = [c for c in captures if c.departments is not None]
        with_topics = [c for c in captures if c.topics is not None]
        if replace:
            DELETE_DEPARTMENT_LINKS.execute(self._db, [(c.id,) for c in with_depts])
            DELETE_TOPIC_LINKS.execute(self._db, [(c.id,) for c in with_topics])
        dept_rows = [
            (c.id, name)
            for c in with_depts
            for name in dict.fromkeys(d.name for d in c.departments or ())
        ]
        topic_rows = [(c.id, t) for c in with_topics for t in c.topics or ()]
        INSERT_DEPARTMENT_LINKS.execute(self._db, dept_rows)
        INSERT_TOPIC_LINKS.execute(self._db, topic_rows)

    def _write_debates(self, captures: list[PetitionCapture]) -> None:
        debate_rows = [row for c in captures if (row := rows.debate_row(c)) is not None]
        UPSERT_DEBATES.execute(self._db, debate_rows)

    def _append_snapshots(self, captures: list[PetitionCapture]) -> set[int]:
        """A snapshot for each capture whose count differs from the one just before it.

        An older capture can arrive after a newer one with the same count: the newer snapshot
        then adds nothing and goes, so the series never depends on the order of import.
        """
        if not captures:
            return set()
        series: dict[int, list[tuple[datetime, int]]] = defaultdict(list)
        for pid, at, count in self._db.execute(SERIES, {"ids": [c.id for c in captures]}):
            series[pid].append((at, count))
        new_rows, redundant = [], []
        for c in captures:
            points = sorted(series[c.id])
            if _adds_information(c, points):
                new_rows.append(rows.snapshot_row(c))
                later = [(at, count) for at, count in points if at > c.updated_at]
                if later and later[0][1] == c.signature_count:
                    redundant.append((c.id, later[0][0]))
        INSERT_SNAPSHOTS.execute(self._db, new_rows)
        DELETE_SNAPSHOTS.execute(self._db, redundant)
        return {pid for pid, *_ in new_rows}


def _adds_information(c: PetitionCapture, series: list[tuple[datetime, int]]) -> bool:
    if any(at == c.updated_at for at, _ in series):
        return False
    earlier = [(at, count) for at, count in series if at < c.updated_at]
    return not earlier or earlier[-1][1] != c.signature_count


def _keep_parliament(values: Row, c: PetitionCapture, stored: dict[int, Stored]) -> Row:
    """A capture without the parliament block (a bare archived item) keeps the one known."""
    if c.parliament is not None:
        return values
    position = rows.PETITION_COLUMNS.index("parliament_period")
    known = stored[c.id].parliament_period
    return (*values[:position], known, *values[position + 1 :])


def _rounds(captures: list[PetitionCapture]) -> list[list[PetitionCapture]]:
    rounds: list[list[PetitionCapture]] = []
    seen: Counter[int] = Counter()
    for c in captures:
        n = seen[c.id]
        seen[c.id] += 1
        if n == len(rounds):
            rounds.append([])
        rounds[n].append(c)
    return rounds


def _age(c: PetitionCapture, stored: Stored | None) -> Age:
    if stored is None:
        return Age.NEW
    if c.updated_at > stored.updated_at:
        return Age.NEWER
    if c.updated_at == stored.updated_at:
        return Age.SAME
    return Age.OLDER


def _outcome(c: PetitionCapture, age: Age, changed: set[int]) -> Outcome:
    if age is Age.NEW:
        return Outcome.IMPORTED
    if age is Age.NEWER or c.id in changed:
        return Outcome.UPDATED
    return Outcome.UNCHANGED


def _parliament_row(p: Parliament) -> Row:
    return (p.period, p.government, p.dissolution_at, p.response_threshold, p.debate_threshold)
