"""Apply parsed captures to the database inside the caller's transaction.

Work is batched per file: one query finds what is stored for every petition in the file,
then each table gets one ``executemany``. That keeps a 50-petition list page at a handful
of statements, which is what makes a 100,000-petition import fast on SQLite.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Any

from sqlalchemy import bindparam, delete, select, update
from sqlalchemy.engine import Connection

from caseworker.domain.records import Parliament, PetitionCapture
from caseworker.importing import rows
from caseworker.importing.history import ResponseHistory
from caseworker.storage import models as m
from caseworker.storage.upsert import insert_ignore, upsert

PETITIONS = m.Petition.__table__
SNAPSHOTS = m.SignatureSnapshot.__table__
BREAKDOWN_TABLES = {
    "country_signatures": m.CountrySignatures.__table__,
    "region_signatures": m.RegionSignatures.__table__,
    "constituency_signatures": m.ConstituencySignatures.__table__,
}


class Outcome(str, Enum):
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


class CaptureWriter:
    """Writes the petitions of one file; every method runs inside one transaction."""

    def __init__(self, connection: Connection, capture_id: int | None, now: datetime) -> None:
        self._db = connection
        self._capture_id = capture_id
        self._now = now
        self._history = ResponseHistory(connection, capture_id)

    def write(self, captures: list[PetitionCapture]) -> Counter[Outcome]:
        outcomes: Counter[Outcome] = Counter()
        # A petition listed twice in one file is applied in rounds, so each round sees the last.
        for batch in _rounds(captures):
            outcomes.update(self._write_round(batch))
        return outcomes

    def write_parliaments(self, parliaments: list[Parliament]) -> None:
        upsert(
            self._db,
            m.Parliament.__table__,
            [_parliament_row(p) for p in parliaments],
            keys=["period"],
            update=["government", "dissolution_at", "response_threshold", "debate_threshold"],
        )

    def write_topic_names(self, names: dict[str, str]) -> None:
        upsert(
            self._db,
            m.Topic.__table__,
            [{"code": code, "name": name} for code, name in names.items()],
            keys=["code"],
            update=["name"],
        )

    def _write_round(self, batch: list[PetitionCapture]) -> list[Outcome]:
        stored = self._stored([c.id for c in batch])
        ages = [_age(c, stored.get(c.id)) for c in batch]
        self._write_reference_data(batch)
        self._insert_new([c for c, a in zip(batch, ages, strict=True) if a is Age.NEW])
        self._update_newer([c for c, a in zip(batch, ages, strict=True) if a is Age.NEWER])
        changed = self._fill_gaps(batch, ages, stored)
        changed |= self._append_snapshots([c for c, a in zip(batch, ages, strict=True) if a is not Age.NEW])
        changed |= self._history.record(batch, ages_are_newest=[a is not Age.OLDER for a in ages])
        return [_outcome(c, a, changed) for c, a in zip(batch, ages, strict=True)]

    def _stored(self, ids: list[int]) -> dict[int, Stored]:
        query = select(
            PETITIONS.c.id,
            PETITIONS.c.updated_at,
            PETITIONS.c.raw_from_single_view,
            PETITIONS.c.breakdowns_as_of,
        ).where(PETITIONS.c.id.in_(ids))
        return {row.id: Stored(*row[1:]) for row in self._db.execute(query)}

    def _write_reference_data(self, batch: list[PetitionCapture]) -> None:
        parliaments = {c.parliament.period: c.parliament for c in batch if c.parliament}
        if parliaments:
            self.write_parliaments(list(parliaments.values()))
        departments = {d.name: d for c in batch for d in c.departments or ()}
        upsert(
            self._db,
            m.Department.__table__,
            [{"name": d.name, "acronym": d.acronym, "url": d.url} for d in departments.values()],
            keys=["name"],
            update=["acronym", "url"],
        )
        codes = {code for c in batch for code in c.topics or ()}
        insert_ignore(self._db, m.Topic.__table__, [{"code": code} for code in codes], ["code"])

    def _insert_new(self, new: list[PetitionCapture]) -> None:
        if not new:
            return
        petition_rows = []
        for c in new:
            row = rows.petition_row(c, self._capture_id)
            row["first_imported_at"] = self._now
            row["breakdowns_as_of"] = c.updated_at if c.breakdowns else None
            petition_rows.append(row)
        self._db.execute(PETITIONS.insert(), petition_rows)
        self._db.execute(SNAPSHOTS.insert(), [rows.snapshot_row(c) for c in new])
        self._write_links(new)
        self._write_debates(new)
        self._write_breakdowns([c for c in new if c.breakdowns])

    def _update_newer(self, newer: list[PetitionCapture]) -> None:
        if not newer:
            return
        params = []
        for c in newer:
            row = rows.petition_row(c, self._capture_id)
            row["_id"] = c.id
            params.append(row)
        values = {name: bindparam(name) for name in params[0] if name not in ("_id", "id")}
        statement = update(PETITIONS).where(PETITIONS.c.id == bindparam("_id")).values(values)
        self._db.execute(statement, params)
        self._write_links(newer, replace=True)
        debate_table = m.Debate.__table__
        gone = [c.id for c in newer if c.debate is None]
        if gone:
            self._db.execute(delete(debate_table).where(debate_table.c.petition_id.in_(gone)))
        self._write_debates(newer)
        with_breakdowns = [c for c in newer if c.breakdowns]
        self._replace_breakdowns(with_breakdowns)

    def _fill_gaps(
        self, batch: list[PetitionCapture], ages: list[Age], stored: dict[int, Stored]
    ) -> set[int]:
        """Breakdowns and fuller raw JSON from a capture that is not newer than what is stored."""
        fill = []
        raw_upgrades = []
        for c, age in zip(batch, ages, strict=True):
            if age in (Age.NEW, Age.NEWER):
                continue
            known = stored[c.id]
            if c.breakdowns and (known.breakdowns_as_of is None or known.breakdowns_as_of < c.updated_at):
                fill.append(c)
            if age is Age.SAME and c.from_single_view and not known.raw_from_single_view:
                raw_upgrades.append({"_id": c.id, "raw_json": c.raw_json, "raw_from_single_view": True})
        self._replace_breakdowns(fill)
        if raw_upgrades:
            statement = (
                update(PETITIONS)
                .where(PETITIONS.c.id == bindparam("_id"))
                .values(raw_json=bindparam("raw_json"), raw_from_single_view=bindparam("raw_from_single_view"))
            )
            self._db.execute(statement, raw_upgrades)
        return {c.id for c in fill} | {r["_id"] for r in raw_upgrades}

    def _replace_breakdowns(self, captures: list[PetitionCapture]) -> None:
        if not captures:
            return
        ids = [c.id for c in captures]
        for table in BREAKDOWN_TABLES.values():
            self._db.execute(delete(table).where(table.c.petition_id.in_(ids)))
        self._write_breakdowns(captures)
        self._db.execute(
            update(PETITIONS).where(PETITIONS.c.id == bindparam("_id")).values(breakdowns_as_of=bindparam("as_of")),
            [{"_id": c.id, "as_of": c.updated_at} for c in captures],
        )

    def _write_breakdowns(self, captures: list[PetitionCapture]) -> None:
        collected: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for c in captures:
            for name, table_rows in rows.breakdown_rows(c).items():
                collected[name].extend(table_rows)
        for name, table_rows in collected.items():
            if table_rows:
                self._db.execute(BREAKDOWN_TABLES[name].insert(), table_rows)

    def _write_links(self, captures: list[PetitionCapture], *, replace: bool = False) -> None:
        dept_table = m.PetitionDepartment.__table__
        topic_table = m.PetitionTopic.__table__
        with_depts = [c for c in captures if c.departments is not None]
        with_topics = [c for c in captures if c.topics is not None]
        if replace and with_depts:
            ids = [c.id for c in with_depts]
            self._db.execute(delete(dept_table).where(dept_table.c.petition_id.in_(ids)))
        if replace and with_topics:
            ids = [c.id for c in with_topics]
            self._db.execute(delete(topic_table).where(topic_table.c.petition_id.in_(ids)))
        dept_rows = [
            {"petition_id": c.id, "department_name": name}
            for c in with_depts
            for name in dict.fromkeys(d.name for d in c.departments or ())
        ]
        topic_rows = [{"petition_id": c.id, "topic_code": t} for c in with_topics for t in c.topics or ()]
        if dept_rows:
            self._db.execute(dept_table.insert(), dept_rows)
        if topic_rows:
            self._db.execute(topic_table.insert(), topic_rows)

    def _write_debates(self, captures: list[PetitionCapture]) -> None:
        debate_rows = [row for c in captures if (row := rows.debate_row(c)) is not None]
        upsert(
            self._db,
            m.Debate.__table__,
            debate_rows,
            keys=["petition_id"],
            update=[k for k in (debate_rows[0] if debate_rows else {}) if k != "petition_id"],
        )

    def _append_snapshots(self, captures: list[PetitionCapture]) -> set[int]:
        """A snapshot for each capture whose count differs from the one just before it."""
        if not captures:
            return set()
        series: dict[int, list[tuple[datetime, int]]] = defaultdict(list)
        query = select(SNAPSHOTS.c.petition_id, SNAPSHOTS.c.at, SNAPSHOTS.c.signature_count).where(
            SNAPSHOTS.c.petition_id.in_([c.id for c in captures])
        )
        for pid, at, count in self._db.execute(query):
            series[pid].append((at, count))
        new_rows = [rows.snapshot_row(c) for c in captures if _adds_information(c, series[c.id])]
        if new_rows:
            self._db.execute(SNAPSHOTS.insert(), new_rows)
        return {r["petition_id"] for r in new_rows}


def _adds_information(c: PetitionCapture, series: list[tuple[datetime, int]]) -> bool:
    if any(at == c.updated_at for at, _ in series):
        return False
    earlier = [(at, count) for at, count in series if at < c.updated_at]
    return not earlier or max(earlier)[1] != c.signature_count


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


def _parliament_row(p: Parliament) -> dict[str, Any]:
    return {
        "period": p.period,
        "government": p.government,
        "dissolution_at": p.dissolution_at,
        "response_threshold": p.response_threshold,
        "debate_threshold": p.debate_threshold,
    }
