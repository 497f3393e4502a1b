from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from caseworker.services.debates import DebateServices
from caseworker.storage.engine import Database
from tests.unit.casework.story import MovableClock
from tests.unit.debates.story import debate_services, import_petitions


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock(date(2025, 6, 20))


@pytest.fixture
def stored(database: Database, tmp_path: Path) -> Database:
    """The four petitions of ``story`` on the backend under test."""
    import_petitions(database, tmp_path)
    return database


@pytest.fixture
def alice(stored: Database, clock: MovableClock) -> DebateServices:
    return debate_services(stored, "alice", clock)


@pytest.fixture
def bob(stored: Database, clock: MovableClock) -> DebateServices:
    return debate_services(stored, "bob", clock)
