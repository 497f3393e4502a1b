"""Generated demo data: every stage present, deterministic, self-consistent, cancellable."""

from __future__ import annotations

import random
import shutil
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
from sqlalchemy import func, select, text

from caseworker.demo import DemoSummary, generate_demo
from caseworker.demo import generator as demo_generator
from caseworker.demo.modelled import ACTION, MODELLED_ON
from caseworker.demo.sitejson import site_json
from caseworker.demo.text import AREAS
from caseworker.domain.records import Department
from caseworker.domain.rules import response_due_on
from caseworker.importing.parse import parse_document
from caseworker.importing.writer import CaptureWriter
from caseworker.jobs import Cancelled
from caseworker.storage import models as m
from caseworker.storage.engine import Database, open_database

TODAY = date(2026, 3, 2)
PETITIONS = 200
SEED = 7


@pytest.fixture
def demo(database: Database) -> Database:
    generate_demo(database.engine, petitions=PETITIONS, seed=SEED, today=TODAY)
    return database


@pytest.fixture
def second_sqlite(sqlite_template: Path, tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "second.sqlite3"
    shutil.copy(sqlite_template, path)
    db = open_database(str(path))
    yield db
    db.dispose()


def scalar(db: Database, sql: str, **params: Any) -> Any:
    with db.engine.connect() as c:
        return c.execute(text(sql), params).scalar_one()


def rows(db: Database, sql: str, **params: Any) -> list[Any]:
    with db.engine.connect() as c:
        return list(c.execute(text(sql), params))


def awaiting_response(db: Database) -> list[tuple[int, datetime]]:
    """Petitions over 10,000 without a response, with the time they crossed it."""
    query = select(m.Petition.id, m.Petition.response_threshold_reached_at).where(
        m.Petition.response_threshold_reached_at.is_not(None), m.Petition.has_response.is_(False)
    )
    with db.engine.connect() as c:
        return [(pid, at) for pid, at in c.execute(query) if at is not None]


def test_every_stage_of_the_work_is_present(demo: Database) -> None:
    waiting = awaiting_response(demo)
    overdue = [pid for pid, at in waiting if response_due_on(at) < TODAY]
    assert len(overdue) >= 2
    assert len(waiting) - len(overdue) >= 2
    assert scalar(demo, "SELECT count(*) FROM petitions WHERE has_response") >= 5
    assert (
        scalar(
            demo,
            "SELECT count(*) FROM (SELECT petition_id FROM response_versions "
            "GROUP BY petition_id HAVING count(*) = 2) AS revised",
        )
        >= 2
    )
    assert (
        scalar(
            demo,
            "SELECT count(*) FROM petitions p WHERE debate_threshold_reached_at IS NOT NULL "
            "AND scheduled_debate_date IS NULL AND NOT has_debate_outcome",
        )
        >= 2
    )
    scheduled = "SELECT count(*) FROM petitions WHERE scheduled_debate_date > :d"
    assert scalar(demo, scheduled, d=TODAY) >= 2
    assert scalar(demo, "SELECT count(*) FROM debates WHERE debated_on IS NOT NULL") >= 2
    assert scalar(demo, "SELECT count(*) FROM debates WHERE debated_on IS NULL") >= 1
    by_state = dict(rows(demo, "SELECT state, count(*) FROM petitions GROUP BY state"))
    assert by_state["rejected"] >= 20 and by_state["closed"] >= 20 and by_state["open"] >= 20
    assert sum(by_state.values()) == PETITIONS
    codes = {c for (c,) in rows(demo, "SELECT DISTINCT rejection_code FROM petitions")}
    assert {"duplicate", "no-action", "irrelevant"} <= codes


def test_some_open_petitions_are_heading_for_10000(demo: Database) -> None:
    """At their pace over the last week they reach 10,000 within a fortnight."""
    series = _series(demo)
    open_ids = rows(
        demo, "SELECT id FROM petitions WHERE state = 'open' AND signature_count >= 6000 "
        "AND signature_count < 10000",
    )  # fmt: skip
    heading = 0
    for (pid,) in open_ids:
        points = series[pid]
        now, count = points[-1]
        before = max((n for at, n in points if at <= now - timedelta(days=7)), default=0)
        heading += count + 2 * (count - before) >= 10_000
    assert heading >= 2


def test_every_demo_petition_is_marked_and_numbered_apart(demo: Database) -> None:
    assert scalar(demo, "SELECT count(*) FROM petitions WHERE NOT is_demo") == 0
    low, high = rows(demo, "SELECT min(id), max(id) FROM petitions")[0]
    assert low == demo_generator.DEMO_ID_BASE + 1
    assert high == demo_generator.DEMO_ID_BASE + PETITIONS
    # Ids follow creation order, as on the site.
    created = [at for (at,) in rows(demo, "SELECT created_at FROM petitions ORDER BY id")]
    assert created == sorted(created)


def _fingerprint(db: Database) -> list[Any]:
    return rows(
        db,
        "SELECT p.id, p.action, p.signature_count, p.updated_at, "
        "(SELECT raw_json FROM petition_raw r WHERE r.petition_id = p.id), "
        "(SELECT count(*) FROM signature_snapshots s WHERE s.petition_id = p.id), "
        "(SELECT sum(signature_count) FROM constituency_signatures c WHERE c.petition_id = p.id), "
        "(SELECT max(fingerprint) FROM response_versions r WHERE r.petition_id = p.id) "
        "FROM petitions p ORDER BY p.id",
    )


def test_the_same_seed_and_day_give_the_same_database(
    sqlite_database: Database, second_sqlite: Database
) -> None:
    for db in (sqlite_database, second_sqlite):
        generate_demo(db.engine, petitions=PETITIONS, seed=SEED, today=TODAY)
    assert _fingerprint(sqlite_database) == _fingerprint(second_sqlite)
    generate_demo(second_sqlite.engine, petitions=PETITIONS, seed=SEED + 1, today=TODAY)
    assert _fingerprint(sqlite_database) != _fingerprint(second_sqlite)


def _series(db: Database) -> dict[int, list[tuple[datetime, int]]]:
    out: dict[int, list[tuple[datetime, int]]] = {}
    s = m.SignatureSnapshot
    query = select(s.petition_id, s.at, s.signature_count).order_by(s.at)
    with db.engine.connect() as c:
        for pid, at, count in c.execute(query):
            out.setdefault(pid, []).append((at, count))
    return out


def test_thresholds_and_final_counts_agree_with_the_snapshots(demo: Database) -> None:
    series = _series(demo)
    query = select(
        m.Petition.id, m.Petition.signature_count, m.Petition.updated_at,
        m.Petition.response_threshold_reached_at, m.Petition.debate_threshold_reached_at,
    )  # fmt: skip
    with demo.engine.connect() as c:
        petitions = c.execute(query).all()
    for pid, count, updated_at, reached_10k, reached_100k in petitions:
        points = series[pid]
        assert points[-1] == (updated_at, count), pid
        assert [n for _, n in points] == sorted(n for _, n in points), pid
        for threshold, reached in ((10_000, reached_10k), (100_000, reached_100k)):
            over = [at for at, n in points if n >= threshold]
            if reached is None:
                assert not over, pid
            else:
                assert over and over[0] >= reached, pid
                assert all(n < threshold for at, n in points if at < reached), pid


def test_breakdowns_add_up(demo: Database) -> None:
    mismatched = rows(
        demo,
        "SELECT p.id FROM petitions p JOIN (SELECT petition_id, sum(signature_count) AS n "
        "FROM country_signatures GROUP BY petition_id) c ON c.petition_id = p.id "
        "WHERE c.n <> p.signature_count",
    )
    assert mismatched == []
    uk_vs_places = rows(
        demo,
        "SELECT c.signature_count, (SELECT sum(signature_count) FROM region_signatures r "
        "WHERE r.petition_id = c.petition_id), (SELECT sum(signature_count) FROM "
        "constituency_signatures k WHERE k.petition_id = c.petition_id) "
        "FROM country_signatures c WHERE c.code = 'GB'",
    )
    assert uk_vs_places
    for uk, regions, constituencies in uk_vs_places:
        assert regions == uk
        assert constituencies in (None, uk)
    zeros = "SELECT count(*) FROM constituency_signatures WHERE signature_count = 0"
    assert scalar(demo, zeros) == 0
    assert scalar(demo, "SELECT count(DISTINCT ons_code) FROM region_signatures") == 12


def test_the_modelled_case_keeps_both_responses(demo: Database) -> None:
    pid, background, state = rows(
        demo, "SELECT id, background, state FROM petitions WHERE action = :a", a=ACTION
    )[0]
    assert pid != MODELLED_ON and pid > demo_generator.DEMO_ID_BASE
    assert str(MODELLED_ON) in background and state == "closed"
    v, b = m.ResponseVersion, m.BusinessItem
    with demo.engine.connect() as c:
        query = select(v.summary, v.responded_on, v.is_current).where(v.petition_id == pid)
        versions = c.execute(query.order_by(v.first_seen_at)).all()
        copies = c.execute(
            select(b.subject, v.responded_on)
            .join(v, v.id == b.response_version_id)
            .where(b.petition_id == pid)
        ).all()
    assert [(r.responded_on, r.is_current) for r in versions] == [
        (date(2025, 6, 4), False),
        (date(2025, 7, 10), True),
    ]
    assert "no further plans" in versions[1].summary and "2027" in versions[1].summary
    assert "mandatory" not in versions[0].summary
    assert [tuple(r) for r in copies] == [("Original Government response", date(2025, 6, 4))]
    departments = "SELECT department_name FROM petition_departments WHERE petition_id = :p"
    assert rows(demo, departments, p=pid) == [("Department for Education",)]


def test_the_modelled_case_moves_back_when_today_is_early(sqlite_database: Database) -> None:
    generate_demo(sqlite_database.engine, petitions=30, seed=SEED, today=date(2025, 1, 15))
    with sqlite_database.engine.connect() as c:
        responded = c.execute(select(m.ResponseVersion.responded_on)).scalars().all()
        latest = c.execute(select(func.max(m.Petition.updated_at))).scalar_one()
    assert responded and max(d for d in responded if d) < date(2025, 1, 15)
    assert latest < datetime(2025, 1, 15, tzinfo=UTC)


def test_a_cancel_leaves_only_whole_batches(
    sqlite_database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(demo_generator, "BATCH", 50)
    checks = iter([False, False, True])
    reports: list[tuple[int, int, str]] = []
    with pytest.raises(Cancelled):
        generate_demo(
            sqlite_database.engine,
            petitions=PETITIONS,
            seed=SEED,
            today=TODAY,
            progress=lambda done, total, label: reports.append((done, total, label)),
            cancelled=lambda: next(checks),
        )
    assert scalar(sqlite_database, "SELECT count(*) FROM petitions") == 100
    orphans = (
        "SELECT count(*) FROM signature_snapshots "
        "WHERE petition_id NOT IN (SELECT id FROM petitions)"
    )
    assert scalar(sqlite_database, orphans) == 0
    assert [done for done, _, _ in reports] == [0, 50, 100]


def test_progress_runs_to_the_end_and_the_summary_says_what_was_made(
    sqlite_database: Database,
) -> None:
    reports: list[tuple[int, int]] = []
    summary = generate_demo(
        sqlite_database.engine,
        petitions=120,
        seed=3,
        today=TODAY,
        progress=lambda done, total, label: reports.append((done, total)),
    )
    assert summary == DemoSummary(petitions=120, seed=3)
    assert reports[0] == (0, 120) and reports[-1] == (120, 120)


def test_a_new_run_replaces_demo_petitions_and_keeps_real_data(database: Database) -> None:
    generate_demo(database.engine, petitions=60, seed=1, today=TODAY)
    with database.engine.connect() as c:
        raw = c.execute(
            select(m.PetitionRaw.raw_json)
            .join(m.Petition, m.Petition.id == m.PetitionRaw.petition_id)
            .where(m.Petition.state == "closed")
        ).first()
    assert raw is not None
    education = Department("Department for Education", "DFE", "https://www.gov.uk/dfe")
    real = replace(parse_document(raw[0]).petitions[0], id=700_001, departments=(education,))
    with database.engine.begin() as c:
        CaptureWriter(c, None, datetime.now(UTC)).write([real])
    generate_demo(database.engine, petitions=40, seed=2, today=TODAY)
    assert scalar(database, "SELECT count(*) FROM petitions WHERE is_demo") == 40
    assert scalar(database, "SELECT count(*) FROM petitions WHERE NOT is_demo") == 1
    # Department details from real data are not replaced by the demo's.
    stored = "SELECT acronym, url FROM departments WHERE name = 'Department for Education'"
    assert tuple(rows(database, stored)[0]) == ("DFE", "https://www.gov.uk/dfe")
    kept = "SELECT count(*) FROM signature_snapshots WHERE petition_id = 700001"
    assert scalar(database, kept) == 1


def _captures(seed: int, count: int) -> Iterator[Any]:
    as_of = datetime.combine(TODAY, time(0), UTC)
    rng = random.Random(seed)
    for n, slot in enumerate(demo_generator._plan(rng, count, as_of)):
        petition = demo_generator._petition(
            rng, slot, demo_generator.DEMO_ID_BASE + n + 1, as_of, count
        )
        yield from petition.captures


def test_raw_json_reads_back_as_the_same_capture() -> None:
    for capture in _captures(SEED, PETITIONS):
        parsed = parse_document(capture.raw_json).petitions[0]
        assert replace(parsed, is_demo=True, raw_json=capture.raw_json) == capture


def test_raw_json_survives_text_that_looks_like_its_own_markup() -> None:
    capture = next(c for c in _captures(SEED, 60) if c.breakdowns and c.breakdowns.constituencies)
    tricky = replace(capture, action='Say "signatures_by_constituency":"@@" twice \\')
    parsed = parse_document(site_json(tricky)).petitions[0]
    assert parsed.action == tricky.action
    assert parsed.breakdowns == tricky.breakdowns


def test_every_title_template_fits_in_80_characters() -> None:
    for area in AREAS:
        for ask in area.asks:
            titles = [ask.format(x=x, y=y) for x in area.fills for y in area.more_fills or ("",)]
            assert all(0 < len(t) <= 80 and "{" not in t for t in titles), ask


def test_wording_fits_the_site_limits() -> None:
    hosts = {
        "transcript_url": {"hansard.parliament.uk"},
        "video_url": {"parliamentlive.tv"},
        "debate_pack_url": {"commonslibrary.parliament.uk"},
        "public_engagement_url": {"committees.parliament.uk"},
        "debate_summary_url": {"ukparliament.shorthandstories.com"},
    }
    for c in _captures(11, 400):
        assert 0 < len(c.action) <= 80
        assert c.background is not None and len(c.background) <= 300
        assert len(c.additional_details or "") <= 800
        if c.government_response is not None:
            assert 0 < len(c.government_response.summary) <= 200
        for name, allowed in hosts.items():
            url = getattr(c.debate, name, None) if c.debate else None
            assert url is None or urlparse(url).hostname in allowed


def test_zero_petitions_clears_the_demo_data(sqlite_database: Database) -> None:
    generate_demo(sqlite_database.engine, petitions=20, today=TODAY)
    assert generate_demo(sqlite_database.engine, petitions=0, today=TODAY).petitions == 0
    assert scalar(sqlite_database, "SELECT count(*) FROM petitions") == 0
    assert scalar(sqlite_database, "SELECT count(*) FROM signature_snapshots") == 0
    with pytest.raises(ValueError):
        generate_demo(sqlite_database.engine, petitions=-1, today=TODAY)


def test_the_modelled_case_tells_the_whole_revision_story(demo: Database) -> None:
    from caseworker.demo.modelled import ACTION
    from caseworker.domain.casework import RequestStatus
    from caseworker.services.casework import CaseworkServices
    from caseworker.services.petitions import PetitionQuery, PetitionService
    from caseworker.services.queues import Queue

    casework = CaseworkServices.open(demo)
    (accepted,) = casework.requests.list_requests(status=RequestStatus.ACCEPTED)
    pane = casework.reviews.pane(accepted.petition_id)
    assert pane.request == ACTION
    original, revised = pane.versions
    assert (accepted.response_version_id, accepted.revised_version_id) == (
        original.id, revised.id,
    )  # fmt: skip
    assert accepted.chases  # the revision came after its due date, so it was chased
    assert [r.verdict for r in pane.reviews] == ["request_revision", "accept"]
    actions = {e.action for e in casework.audit.for_petition(accepted.petition_id)}
    assert {"created", "chased", "received", "accepted"} <= actions
    waiting = PetitionService(demo).list_petitions(
        PetitionQuery(queue=Queue.REVISION_REQUESTED, as_of=TODAY)
    )
    assert waiting, "some demo requests are still open"
