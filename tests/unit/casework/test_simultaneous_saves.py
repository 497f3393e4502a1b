"""Two clerks saving the same one-of-a-kind record at the same moment on PostgreSQL.

Each service checks "is there one already?" and then inserts. Under READ COMMITTED both
clerks can pass the check; the database's unique rules must refuse the second insert, and
the service must say so in words. To make the race certain rather than likely, Alice's
insert is held uncommitted while Bob's save runs: Bob passes the check, then waits on
Alice's row; when she commits, Bob's insert must be refused.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Connection

from caseworker.domain.casework import Decision
from caseworker.services.casework import CaseworkServices
from caseworker.services.casework.common import SimultaneousSave
from caseworker.services.casework.settings import REVISION_DAYS
from caseworker.storage.engine import Database
from tests.conftest import empty_pg_tables
from tests.unit.casework.story import PID

pytestmark = pytest.mark.postgres

NOW = "TIMESTAMP WITH TIME ZONE '2025-06-20 11:00:00+00'"


@pytest.fixture
def db_url(pg_database_url: str) -> str:
    """PostgreSQL only: on SQLite each writer takes the write lock first, so none can race."""
    empty_pg_tables(pg_database_url)
    return pg_database_url


@pytest.fixture
def on_postgres(answered: Database) -> Database:
    return answered


def race(db: Database, alice_inserts: str, bob_saves: Callable[[], object]) -> object:
    """Run Bob's save while Alice's insert is uncommitted; what Bob's save returned or raised."""
    outcome: list[object] = []

    def bob() -> None:
        try:
            outcome.append(bob_saves())
        except Exception as exc:  # what Bob sees is the result under test
            outcome.append(exc)

    with db.engine.connect() as alice:
        transaction = alice.begin()
        alice.execute(text(alice_inserts))
        thread = threading.Thread(target=bob)
        thread.start()
        _wait_until_blocked(alice, thread)
        transaction.commit()
        thread.join(10)
    assert not thread.is_alive()
    return outcome[0]


def _wait_until_blocked(observer: Connection, thread: threading.Thread) -> None:
    """Until Bob's session waits on a lock (or has already finished, which fails later)."""
    deadline = time.monotonic() + 10
    query = text(
        "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
        "AND datname = current_database()"
    )
    while time.monotonic() < deadline and thread.is_alive():
        with observer.engine.connect() as probe:
            if probe.execute(query).scalar_one():
                return
        time.sleep(0.02)


def open_requests(db: Database) -> int:
    with db.engine.connect() as c:
        return int(
            c.execute(
                text(
                    "SELECT count(*) FROM revision_requests WHERE petition_id = :p "
                    "AND status IN ('draft', 'sent', 'chased')"
                ),
                {"p": PID},
            ).scalar_one()
        )


def test_a_second_open_request_is_refused_not_stored(
    on_postgres: Database, bob: CaseworkServices
) -> None:
    alice_inserts = (
        "INSERT INTO revision_requests (petition_id, reasons, department, status, created_at, "
        f"created_by, updated_at, updated_by, version) VALUES ({PID}, 'Alice''s reasons', "
        f"'Department for Education', 'sent', {NOW}, 'alice', {NOW}, 'alice', 1)"
    )
    outcome = race(on_postgres, alice_inserts, lambda: bob.requests.create(PID, "Bob's reasons"))
    assert isinstance(outcome, SimultaneousSave)
    assert f"Petition {PID} already has an open revision request" in str(outcome)
    assert open_requests(on_postgres) == 1


def test_the_first_save_of_a_setting_by_two_clerks(
    on_postgres: Database, bob: CaseworkServices
) -> None:
    alice_inserts = (
        "INSERT INTO casework_settings (key, value, updated_at, updated_by, version) "
        f"VALUES ('{REVISION_DAYS}', '28', {NOW}, 'alice', 1)"
    )
    outcome = race(on_postgres, alice_inserts, lambda: bob.settings.update(REVISION_DAYS, "14", 0))
    assert isinstance(outcome, SimultaneousSave)
    assert bob.settings.get().revision_days.value == "28"


def test_two_clerks_opening_the_same_new_meeting_get_one_meeting(
    on_postgres: Database, bob: CaseworkServices
) -> None:
    alice_inserts = (
        "INSERT INTO committee_meetings (meets_on, cut_off, created_at, created_by) "
        f"VALUES ('2025-07-01', '2025-06-27', {NOW}, 'alice')"
    )
    outcome = race(on_postgres, alice_inserts, lambda: bob.meetings.open_meeting(date(2025, 7, 1)))
    assert not isinstance(outcome, Exception), outcome
    assert [m.meets_on for m in bob.meetings.meetings()] == [date(2025, 7, 1)]


def test_two_clerks_recording_the_first_decision_on_a_petition(
    on_postgres: Database, alice: CaseworkServices, bob: CaseworkServices
) -> None:
    meeting = alice.meetings.open_meeting(date(2025, 7, 1))
    alice_inserts = (
        "INSERT INTO meeting_decisions (meeting_id, petition_id, decision, notes, decided_at, "
        f"decided_by, version) VALUES ({meeting.id}, {PID}, 'defer', '', {NOW}, 'alice', 1)"
    )
    outcome = race(
        on_postgres,
        alice_inserts,
        lambda: bob.meetings.record_decision(meeting.id, PID, Decision.NOTED, notes="Bob's"),
    )
    assert isinstance(outcome, SimultaneousSave)
    assert "The decision on petition" in str(outcome)
