"""Change events recorded by imports (SQLite and PostgreSQL): each kind, once, never backwards.

Every test imports real capture files through the importer and reads ``change_events`` back.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from caseworker.importing.events import as_stored, record_removed, snapshot
from caseworker.importing.importer import ImportSummary, events_line
from caseworker.importing.parse import parse_document
from caseworker.storage.engine import Database, for_writing
from caseworker.storage.sync_models import ChangeEvent
from tests.unit.importing import builders as b
from tests.unit.importing.tables import run

PID = 700_001
T1 = "2024-03-01T10:00:00.000Z"
T2 = "2024-06-01T10:00:00.000Z"
T3 = "2024-09-01T10:00:00.000Z"
T4 = "2024-12-01T10:00:00.000Z"
CROSSED_10K = "2024-05-20T08:30:00.000Z"
RESPONDED = "2024-05-30T15:00:00.000Z"
CROSSED_100K = "2024-08-02T19:00:00.000Z"
REVISED = "2024-08-20T11:00:00.000Z"
OUTCOME = "2024-11-05T16:00:00.000Z"
CLOSED = "2024-11-30T23:59:59.999Z"


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def events(db: Database) -> list[dict[str, Any]]:
    statement = select(ChangeEvent.__table__).order_by(ChangeEvent.at, ChangeEvent.kind)
    with db.engine.connect() as connection:
        return [dict(r._mapping) for r in connection.execute(statement)]


def kinds_at(db: Database) -> set[tuple[str, datetime]]:
    return {(e["kind"], e["at"]) for e in events(db)}


def ok(summary: ImportSummary) -> ImportSummary:
    assert summary.failures == [], summary.failures
    return summary


def capture(stage: int, pid: int = PID) -> dict[str, Any]:
    """The petition's life in four captures: open; 10,000 and a response; 100,000, a debate
    scheduled and a revised response; debated and closed."""
    fields: dict[str, Any] = {"state": "open", "updated_at": T1}
    if stage >= 2:
        fields.update(
            updated_at=T2,
            response_threshold_reached_at=CROSSED_10K,
            government_response_at=RESPONDED,
            government_response=b.response(
                "We will look at this.", responded_on="2024-05-30", created_at=RESPONDED
            ),
        )
    if stage >= 3:
        fields.update(
            updated_at=T3,
            debate_threshold_reached_at=CROSSED_100K,
            debate_scheduled_on="2024-08-15",
            scheduled_debate_date="2024-11-04",
            government_response=b.response(
                "We have looked again and will fund libraries.",
                responded_on="2024-05-30",
                created_at=RESPONDED,
                updated_at=REVISED,
            ),
        )
    if stage >= 4:
        fields.update(
            updated_at=T4,
            state="closed",
            closed_at=CLOSED,
            debate_outcome_at=OUTCOME,
            debate={
                "debated_on": "2024-11-04",
                "transcript_url": None,
                "video_url": None,
                "debate_pack_url": None,
                "public_engagement_url": None,
                "debate_summary_url": None,
                "overview": "MPs debated libraries.",
            },
        )
    return b.single(pid, **fields)


def write_stages(folder: Path, *stages: int) -> list[Path]:
    return [b.write_json(folder / f"stage{s}.json", capture(s)) for s in stages]


EVERY_KIND = {
    ("crossed-10000", at(CROSSED_10K)),
    ("response", at(RESPONDED)),
    ("crossed-100000", at(CROSSED_100K)),
    ("debate-scheduled", datetime(2024, 8, 15, tzinfo=UTC)),
    ("revised-response", at(REVISED)),
    ("debated", at(OUTCOME)),
    ("closed", at(CLOSED)),
}


def test_each_kind_recorded_once_as_captures_arrive(database: Database, tmp_path: Path) -> None:
    summaries = [ok(run(database, path)) for path in write_stages(tmp_path, 1, 2, 3, 4)]
    assert kinds_at(database) == EVERY_KIND
    assert [dict(s.events) for s in summaries] == [
        {},
        {"crossed-10000": 1, "response": 1},
        {"crossed-100000": 1, "debate-scheduled": 1, "revised-response": 1},
        {"debated": 1, "closed": 1},
    ]
    assert summaries[2].events_line() == (
        "events: 1 crossed-100000, 1 revised-response, 1 debate-scheduled"
    )


def test_importing_again_adds_nothing(database: Database, tmp_path: Path) -> None:
    paths = write_stages(tmp_path, 1, 2, 3, 4)
    ok(run(database, *paths))
    before = events(database)
    # The same files (skipped by their bytes) and copies laid out differently (read again).
    again = [b.write_json(tmp_path / "pretty" / p.name, capture(n), pretty=True)
             for n, p in enumerate(paths, 1)]  # fmt: skip
    summary = ok(run(database, *paths, *again))
    assert summary.events == Counter()
    assert events(database) == before


def test_older_captures_after_a_newer_one_create_nothing_backwards(
    database: Database, tmp_path: Path
) -> None:
    newest, *older = write_stages(tmp_path, 4, 1, 2, 3)
    first = ok(run(database, newest))
    # Everything the newest capture shows, dated by the site; no revision is known yet.
    assert kinds_at(database) == EVERY_KIND - {("revised-response", at(REVISED))} | {
        ("response", at(RESPONDED))
    }
    assert sum(first.events.values()) == 6
    later = ok(run(database, *older))
    assert later.events == Counter()
    assert len(events(database)) == 6


def test_a_new_petition_records_its_history(database: Database, tmp_path: Path) -> None:
    (path,) = write_stages(tmp_path, 4)
    ok(run(database, path))
    assert {kind for kind, _ in kinds_at(database)} == {
        "crossed-10000", "crossed-100000", "response", "debate-scheduled", "debated", "closed",
    }  # fmt: skip


def test_only_the_last_seven_days_start_unseen(database: Database, tmp_path: Path) -> None:
    # A database already in use: the rule holds for every import, not only the first.
    ok(run(database, b.write_json(tmp_path / "other.json", b.single(PID + 1))))
    now = datetime.now(UTC)
    recent, old = now - timedelta(days=2), now - timedelta(days=30)
    doc = b.single(
        PID,
        state="open",
        updated_at=iso(now - timedelta(hours=1)),
        response_threshold_reached_at=iso(recent),
        debate_threshold_reached_at=iso(old),
    )
    ok(run(database, b.write_json(tmp_path / "recent.json", doc)))
    found = {e["kind"]: e for e in events(database) if e["petition_id"] == PID}
    assert set(found) == {"crossed-10000", "crossed-100000"}
    assert found["crossed-10000"]["seen_at"] is None
    assert found["crossed-100000"]["seen_at"] == found["crossed-100000"]["recorded_at"]
    assert found["crossed-100000"]["recorded_at"] >= now - timedelta(seconds=1)


def test_a_moved_debate_is_a_second_event(database: Database, tmp_path: Path) -> None:
    scheduled = capture(3)
    moved = b.with_attrs(
        scheduled, updated_at="2024-10-01T09:00:00.000Z", scheduled_debate_date="2024-11-11"
    )
    ok(run(database, b.write_json(tmp_path / "a.json", scheduled)))
    summary = ok(run(database, b.write_json(tmp_path / "b.json", moved)))
    assert summary.events == Counter({"debate-scheduled": 1})
    assert ("debate-scheduled", at("2024-10-01T09:00:00.000Z")) in kinds_at(database)


def test_list_page_records_events_for_each_petition(database: Database, tmp_path: Path) -> None:
    page = b.list_page([
        b.list_item(1, state="open", response_threshold_reached_at=CROSSED_10K),
        b.list_item(2),  # closed
        b.list_item(3, state="open"),
    ])  # fmt: skip
    summary = ok(run(database, b.write_json(tmp_path / "page.json", page)))
    assert summary.events == Counter({"crossed-10000": 1, "closed": 1})
    assert {(e["petition_id"], e["kind"]) for e in events(database)} == {
        (1, "crossed-10000"),
        (2, "closed"),
    }


def test_a_failed_file_records_no_event(database: Database, tmp_path: Path) -> None:
    good = b.list_item(1, response_threshold_reached_at=CROSSED_10K)
    bad = b.list_item(2)
    bad["attributes"]["signature_count"] = "many"
    summary = run(database, b.write_json(tmp_path / "page.json", b.list_page([good, bad])))
    assert summary.failed == 1 and summary.events == Counter()
    assert events(database) == []


def test_removed_is_recorded_once(database: Database, tmp_path: Path) -> None:
    ok(run(database, *write_stages(tmp_path, 1)))
    gone = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)
    now = datetime.now(UTC)
    with for_writing(database.engine).begin() as connection:
        assert record_removed(connection, PID, gone, now) is True
        assert record_removed(connection, PID, gone, now) is False
        assert record_removed(connection, 999_999, gone, now) is False
    (event,) = events(database)
    assert (event["kind"], event["at"], event["seen_at"]) == ("removed", gone, now)


def test_events_line_orders_kinds() -> None:
    line = events_line(Counter({"closed": 2, "crossed-10000": 1_200}))
    assert line == "events: 1,200 crossed-10000, 2 closed"
    assert events_line(Counter()) == "events: none"


def test_a_new_petition_is_stored_as_its_capture_says(database: Database, tmp_path: Path) -> None:
    """The import reads a new petition's state from its capture instead of the database:
    this checks the two agree, for every stage of a petition's life."""
    for stage in (1, 2, 3, 4):
        pid = PID + stage
        path = b.write_json(tmp_path / f"new{stage}.json", capture(stage, pid))
        ok(run(database, path))
        (parsed,) = parse_document(path.read_text(encoding="utf-8")).petitions
        with database.engine.connect() as connection:
            stored = snapshot(connection, [pid])[pid]
        assert stored.response_id is not None or parsed.government_response is None
        expected = as_stored(parsed)
        assert (stored.newest_version_id is None) == (expected.newest_version_id is None)
        ids = {"response_id": expected.response_id, "newest_version_id": expected.newest_version_id}
        assert replace(stored, **ids) == expected


def test_a_petition_listed_twice_in_one_file(database: Database, tmp_path: Path) -> None:
    page = b.list_page([
        b.list_item(5, state="open", updated_at=T1),
        b.list_item(5, state="open", updated_at=T2, response_threshold_reached_at=CROSSED_10K),
    ])  # fmt: skip
    summary = ok(run(database, b.write_json(tmp_path / "twice.json", page)))
    assert summary.events == Counter({"crossed-10000": 1})
    assert kinds_at(database) == {("crossed-10000", at(CROSSED_10K))}


def test_a_response_taken_down_and_put_back_is_not_news(database: Database, tmp_path: Path) -> None:
    answered = capture(2)
    taken_down = b.with_attrs(
        answered, updated_at=T3, government_response=None, government_response_at=None
    )
    put_back = b.with_attrs(answered, updated_at=T4)
    docs = {"a.json": answered, "b.json": taken_down, "c.json": put_back}
    summaries = [ok(run(database, b.write_json(tmp_path / n, d))) for n, d in docs.items()]
    assert [dict(s.events) for s in summaries] == [
        {"crossed-10000": 1, "response": 1},
        {},
        {},
    ]
