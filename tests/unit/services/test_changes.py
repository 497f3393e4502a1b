"""ChangeService over events recorded by real imports (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from caseworker.importing.importer import import_paths
from caseworker.services.changes import ChangeService
from caseworker.storage.engine import Database
from tests.unit.importing import builders as b

NOW = datetime.now(UTC)


def iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def import_recent(database: Database, folder: Path) -> None:
    """Three petitions with news in the last week, and one with only old history."""
    docs = [
        b.single(1, action="First", state="open", updated_at=iso(NOW - timedelta(hours=1)),
                 response_threshold_reached_at=iso(NOW - timedelta(days=1))),
        b.single(2, action="Second", state="open", updated_at=iso(NOW - timedelta(hours=1)),
                 response_threshold_reached_at=iso(NOW - timedelta(days=3))),
        b.single(3, action="Third", state="closed", updated_at=iso(NOW - timedelta(hours=1)),
                 closed_at=iso(NOW - timedelta(days=2))),
        b.single(4, action="Old", state="closed", closed_at="2024-03-10T23:59:59.999Z"),
    ]  # fmt: skip
    paths = [b.write_json(folder / f"{n}.json", doc) for n, doc in enumerate(docs)]
    summary = import_paths(database.engine, paths)
    assert summary.failures == []


def test_unseen_newest_first_with_titles(database: Database, tmp_path: Path) -> None:
    import_recent(database, tmp_path)
    service = ChangeService(database)
    unseen = service.unseen()
    assert [(c.petition_id, c.kind, c.action) for c in unseen] == [
        (1, "crossed-10000", "First"),
        (3, "closed", "Third"),
        (2, "crossed-10000", "Second"),
    ]
    assert unseen[0].label == "Crossed 10,000 signatures"
    assert all(c.seen_at is None and c.recorded_at >= c.at for c in unseen)
    assert [c.petition_id for c in service.unseen(limit=2)] == [1, 3]
    assert service.count_unseen() == 3


def test_since_includes_seen_history(database: Database, tmp_path: Path) -> None:
    import_recent(database, tmp_path)
    service = ChangeService(database)
    everything = service.since(date(2024, 3, 10))
    assert [c.petition_id for c in everything] == [1, 3, 2, 4]
    old = everything[-1]
    assert old.kind == "closed" and old.seen_at == old.recorded_at
    assert service.since(date(2024, 3, 11)) == everything[:3]


def test_mark_seen_some_then_all(database: Database, tmp_path: Path) -> None:
    import_recent(database, tmp_path)
    service = ChangeService(database)
    first, *rest = service.unseen()
    assert service.mark_seen([first.id]) == 1
    assert service.mark_seen([first.id]) == 0  # already seen: keeps when it was first seen
    assert [c.id for c in service.unseen()] == [c.id for c in rest]
    marked = next(c for c in service.since(date(2000, 1, 1)) if c.id == first.id)
    assert marked.seen_at is not None and marked.seen_at >= first.recorded_at
    assert service.mark_seen() == 2
    assert service.unseen() == [] and service.count_unseen() == 0
    again = next(c for c in service.since(date(2000, 1, 1)) if c.id == first.id)
    assert again.seen_at == marked.seen_at
