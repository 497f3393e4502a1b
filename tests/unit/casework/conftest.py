from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from caseworker.services.casework import CaseworkServices
from caseworker.storage.engine import Database
from tests.unit.casework.story import MovableClock, import_original, services_for


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock(date(2025, 6, 20))


@pytest.fixture
def answered(database: Database, tmp_path: Path) -> Database:
    """Petition 724432 with the Department's original response of 4 June 2025."""
    import_original(database, tmp_path)
    return database


@pytest.fixture
def alice(answered: Database, clock: MovableClock) -> CaseworkServices:
    return services_for(answered, "alice", clock)


@pytest.fixture
def bob(answered: Database, clock: MovableClock) -> CaseworkServices:
    return services_for(answered, "bob", clock)
