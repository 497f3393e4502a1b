"""Fill a database with generated demo petitions at every stage of the Committee's work.

All randomness comes from one ``random.Random(seed)`` and every date from ``today``, so the
same seed and day give the same database. Petitions are planned first (stage and creation
time, so that ids follow creation order as on the site), then built and written in batches:
each batch is one transaction through :class:`CaptureWriter`, after which the rest of each
petition's signature history is bulk-inserted. Earlier demo petitions are replaced.
"""

from __future__ import annotations

import gc
import random
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import cast

from sqlalchemy import Table, delete, select
from sqlalchemy.engine import Connection, Engine

from caseworker.demo import assemble, modelled, scenarios
from caseworker.demo.areas import DEPARTMENTS, TOPICS
from caseworker.demo.assemble import DemoPetition
from caseworker.demo.casework import seed_casework
from caseworker.demo.debates import clear_demo_debates, seed_debates
from caseworker.demo.scenarios import SPECS, Context, Stage
from caseworker.demo.text import petition_wording
from caseworker.demo.timeline import Opening, draw_opening, fit
from caseworker.importing.derived import refresh_derived
from caseworker.importing.writer import CaptureWriter
from caseworker.jobs import CancelCheck, Cancelled, ProgressCallback, never_cancelled, no_progress
from caseworker.storage import models as m
from caseworker.storage.base import Base
from caseworker.storage.engine import refresh_statistics
from caseworker.storage.upsert import Row, bulk_insert_ignore, bulk_upsert

#: Demo ids start above this, far beyond real petition numbers (about 750,000 in 2026).
DEMO_ID_BASE = 9_000_000
BATCH = 1_000
LABEL = "Generating demo petitions"

#: Stages at or past 10,000 signatures: (stage, share of all petitions, minimum count).
THRESHOLD_STAGES = (
    (Stage.APPROACHING, 0.002, 3),
    (Stage.AWAITING_RESPONSE, 0.004, 4),
    (Stage.OVERDUE, 0.003, 4),
    (Stage.RESPONDED, 0.011, 6),
    (Stage.REVISED, 0.0015, 2),
    (Stage.AWAITING_DEBATE, 0.0015, 3),
    (Stage.SCHEDULED, 0.001, 3),
    (Stage.DEBATED, 0.002, 4),
    (Stage.NOT_DEBATED, 0.0005, 1),
)
#: Shares of what is left: rejected and open petitions; the rest are closed.
REJECTED_SHARE, OPEN_SHARE = 0.45, 0.14

PETITIONS = cast(Table, m.Petition.__table__)
#: Every table that hangs off a petition, children before parents (so deletes succeed).
CHILD_TABLES = tuple(
    table
    for table in reversed(Base.metadata.sorted_tables)
    if any(fk.column.table is PETITIONS for fk in table.foreign_keys)
)
INSERT_SNAPSHOTS = bulk_insert_ignore(
    cast(Table, m.SignatureSnapshot.__table__),
    ("petition_id", "at", "signature_count"),
    keys=["petition_id", "at"],
)
INSERT_TOPICS = bulk_insert_ignore(cast(Table, m.Topic.__table__), ("code", "name"), keys=["code"])
DEPARTMENT_TABLE = cast(Table, m.Department.__table__)
RESTORE_DEPARTMENTS = bulk_upsert(DEPARTMENT_TABLE, ("name", "acronym", "url"), keys=["name"])


@dataclass(frozen=True)
class DemoSummary:
    petitions: int
    seed: int


@dataclass(frozen=True, slots=True)
class _Slot:
    stage: Stage
    opening: Opening


def plan_stages(total: int) -> list[Stage]:
    """The stage of each petition: every stage at least once (room permitting), then by share."""
    left = {stage: max(minimum, round(share * total)) for stage, share, minimum in THRESHOLD_STAGES}
    stages = [Stage.MODELLED]
    while any(left.values()):
        for stage in left:
            if left[stage]:
                stages.append(stage)
                left[stage] -= 1
    stages = stages[:total]
    rest = total - len(stages)
    rejected, opened = round(rest * REJECTED_SHARE), round(rest * OPEN_SHARE)
    stages += [Stage.REJECTED] * rejected + [Stage.OPEN] * opened
    return stages + [Stage.CLOSED] * (rest - rejected - opened)


def _plan(rng: random.Random, total: int, as_of: datetime) -> list[_Slot]:
    slots = []
    for stage in plan_stages(total):
        if stage is Stage.MODELLED:
            slots.append(_Slot(stage, modelled.opening(as_of.date())))
        else:
            ago = (3.0, 720.0) if stage is Stage.REJECTED else SPECS[stage].opened_ago
            slots.append(_Slot(stage, draw_opening(rng, ago, as_of)))
    slots.sort(key=lambda s: s.opening.created_at)
    return slots


def _petition(
    rng: random.Random, slot: _Slot, pid: int, as_of: datetime, total: int
) -> DemoPetition:
    stage = slot.stage
    if stage is Stage.MODELLED:
        return modelled.modelled_petition(rng, pid, as_of)
    if stage is Stage.REJECTED:
        other = _demo_id(rng.randrange(max(1, total)))
        return assemble.rejected(rng, pid, slot.opening, as_of, other)
    spec, opening = SPECS[stage], slot.opening
    for attempt in range(10_000):
        if attempt and attempt % 100 == 0:  # this opening cannot carry the stage: draw another
            opening = draw_opening(rng, spec.opened_ago, as_of)
        line = fit(rng, spec, as_of, opening)
        if line is None:
            continue
        ctx = Context(rng, pid, petition_wording(rng), line, as_of)
        events = scenarios.BUILDERS[stage](ctx)
        if events is not None:
            return assemble.build(ctx, events)
    raise RuntimeError(f"no demo timeline fits the stage {stage}")  # pragma: no cover


def _demo_id(index: int) -> int:
    return DEMO_ID_BASE + index + 1


def _clear_demo(db: Connection) -> None:
    """Remove earlier demo petitions and everything hanging off them."""
    demo_ids = select(PETITIONS.c.id).where(PETITIONS.c.is_demo.is_(True)).scalar_subquery()
    clear_demo_debates(db)
    for table in CHILD_TABLES:
        db.execute(delete(table).where(table.c.petition_id.in_(demo_ids)))
    db.execute(delete(PETITIONS).where(PETITIONS.c.is_demo.is_(True)))


def _stored_departments(engine: Engine) -> list[Row]:
    """Details of the demo's departments already stored (from real captures, say)."""
    t = DEPARTMENT_TABLE
    names = [d.name for d in DEPARTMENTS.values()]
    query = select(t.c.name, t.c.acronym, t.c.url).where(t.c.name.in_(names))
    with engine.connect() as db:
        return [tuple(row) for row in db.execute(query)]


def _write(db: Connection, batch: list[DemoPetition], now: datetime, keep: list[Row]) -> None:
    CaptureWriter(db, None, now).write([c for p in batch for c in p.captures])
    # The writer upserts departments from every capture: put back what real data said.
    RESTORE_DEPARTMENTS.execute(db, keep)
    # The writer stored a snapshot for each capture; the rest of the history goes in here.
    snapshots = [(p.captures[-1].id, at, count) for p in batch for at, count in p.snapshots]
    INSERT_SNAPSHOTS.execute(db, snapshots)
    # As after an import: forecasts, labels and search text, now the history is complete.
    refresh_derived(db, (p.captures[-1].id for p in batch))


#: Far more than any real archive, and demo numbers (from 9,000,001) stay 32-bit.
MAX_DEMO_PETITIONS = 1_000_000


def generate_demo(
    engine: Engine,
    *,
    petitions: int = 2000,
    seed: int = 1,
    today: date | None = None,
    progress: ProgressCallback = no_progress,
    cancelled: CancelCheck = never_cancelled,
) -> DemoSummary:
    """Replace any demo petitions with ``petitions`` new ones; raises Cancelled when asked.

    Each batch commits on its own, so a cancelled run leaves whole batches behind.
    """
    if not 0 <= petitions <= MAX_DEMO_PETITIONS:
        raise ValueError(f"the number of demo petitions must be from 0 to {MAX_DEMO_PETITIONS:,}")
    as_of = datetime.combine(today or date.today(), time(0), UTC)
    rng = random.Random(seed)
    slots = _plan(rng, petitions, as_of)
    progress(0, petitions, LABEL)
    with _collector_paused():
        _generate(engine, rng, slots, as_of, progress, cancelled)
        seed_casework(engine, as_of.date())
        seed_debates(engine, as_of.date())
    refresh_statistics(engine, petitions)
    return DemoSummary(petitions=petitions, seed=seed)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector: generating builds millions of short-lived objects
    (none of them in cycles), and its passes over them cost about 15% of the run."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _generate(
    engine: Engine,
    rng: random.Random,
    slots: list[_Slot],
    as_of: datetime,
    progress: ProgressCallback,
    cancelled: CancelCheck,
) -> None:
    petitions = len(slots)
    keep = _stored_departments(engine)
    for start in range(0, max(petitions, 1), BATCH):
        if cancelled():
            raise Cancelled()
        chunk = slots[start : start + BATCH]
        batch = [
            _petition(rng, slot, _demo_id(start + i), as_of, petitions)
            for i, slot in enumerate(chunk)
        ]
        with engine.begin() as db:
            if start == 0:
                _clear_demo(db)
                INSERT_TOPICS.execute(db, list(TOPICS.items()))
            _write(db, batch, as_of, keep)
        progress(start + len(chunk), petitions, LABEL)
