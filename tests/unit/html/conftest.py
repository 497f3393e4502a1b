"""Packs to read back as HTML: the awkward invented captures, real captures, a demo."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from caseworker.briefing import BriefingPack
from caseworker.demo import generate_demo
from caseworker.importing.importer import import_paths
from caseworker.services.briefing import BriefingService
from caseworker.storage import models as m
from caseworker.storage.engine import Database, open_database
from tests.unit.briefing.captures import populate

PREPARED = date(2025, 7, 1)
#: Real captures with a debate, a response, other business and every breakdown (2020–22),
#: and the 2019 "revoke Article 50" capture (5.1 million signatures, 650 constituencies).
REAL = {
    319891: "mysociety-2020-2022/single/319891.json",
    241584: "single-241584-2019-revoke50/241584.json",
}
DEMO_TODAY = date(2026, 3, 2)


def _database(folder: Path) -> Database:
    return open_database(str(folder / "packs.sqlite3"))


@pytest.fixture(scope="session")
def capture_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    folder = tmp_path_factory.mktemp("html-captures")
    db = _database(folder)
    populate(db, folder)
    yield db
    db.dispose()


@pytest.fixture(scope="session")
def capture_service(capture_db: Database) -> BriefingService:
    return BriefingService(capture_db, today=lambda: PREPARED)


@pytest.fixture(scope="session")
def real_service(
    shared_data: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[BriefingService]:
    db = _database(tmp_path_factory.mktemp("html-real"))
    summary = import_paths(db.engine, [shared_data / path for path in REAL.values()])
    assert summary.failed == 0, summary.failures
    yield BriefingService(db, today=lambda: PREPARED)
    db.dispose()


@pytest.fixture(scope="session")
def demo_pack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BriefingPack]:
    """A pack for the demo petition with the most signatures among those debated."""
    db = _database(tmp_path_factory.mktemp("html-demo"))
    generate_demo(db.engine, petitions=40, seed=3, today=DEMO_TODAY)
    with db.sessions() as session:
        debated = select(m.Debate.petition_id)
        top = session.scalars(
            select(m.Petition.id)
            .where(m.Petition.id.in_(debated))
            .order_by(m.Petition.signature_count.desc())
            .limit(2)
        ).all()
    assert top, "the demo has no debated petition"
    yield BriefingService(db, today=lambda: DEMO_TODAY).load_pack(top[:1])
    db.dispose()
