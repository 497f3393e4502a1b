"""The audit history cannot be rewritten, and a stale save is refused with nothing lost."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from caseworker.domain.casework import AWAITING_DEPARTMENT, Decision, RequestStatus, Verdict
from caseworker.services.casework import CaseworkServices, EditConflict
from caseworker.storage.casework_models import OPEN_REQUEST_STATUSES
from caseworker.storage.engine import Database, open_database
from tests.unit.casework.story import PID


def test_audit_history_refuses_updates_and_deletes(
    answered: Database, alice: CaseworkServices
) -> None:
    alice.requests.create(PID, "Not answered.")
    for statement in ("UPDATE audit_events SET actor = 'mallory'", "DELETE FROM audit_events"):
        with pytest.raises(DBAPIError, match="append-only"), answered.engine.begin() as c:
            c.execute(text(statement))
    assert {e.actor for e in alice.audit.for_petition(PID)} == {"alice"}


def test_audit_history_refuses_replace_and_truncate(
    answered: Database, alice: CaseworkServices
) -> None:
    """REPLACE deletes without firing delete triggers; TRUNCATE fires no row triggers."""
    alice.requests.create(PID, "Not answered.")
    with answered.engine.connect() as c:
        first = c.execute(text("SELECT min(id) FROM audit_events")).scalar_one()
    columns = "id, petition_id, at, actor, subject, action, demo"
    values = f"{first}, {PID}, '2025-01-01 00:00:00', 'mallory', 'request', 'created', false"
    if answered.is_sqlite:
        attempts = [
            f"REPLACE INTO audit_events ({columns}) VALUES ({values})",
            f"INSERT OR REPLACE INTO audit_events ({columns}) VALUES ({values})",
            f"INSERT INTO audit_events ({columns}) VALUES ({values}) "
            "ON CONFLICT (id) DO UPDATE SET actor = 'mallory'",
        ]
    else:
        attempts = [
            "TRUNCATE audit_events",
            "TRUNCATE audit_events CASCADE",
            f"INSERT INTO audit_events ({columns}) VALUES ({values}) "
            "ON CONFLICT (id) DO UPDATE SET actor = 'mallory'",
        ]
    for statement in attempts:
        with pytest.raises(DBAPIError, match="append-only"), answered.engine.begin() as c:
            c.execute(text(statement))
    assert {e.actor for e in alice.audit.for_petition(PID)} == {"alice"}


def test_open_statuses_of_the_unique_index_are_the_domains() -> None:
    open_statuses = {RequestStatus.DRAFT, *AWAITING_DEPARTMENT}
    assert set(OPEN_REQUEST_STATUSES) == {s.value for s in open_statuses}


def test_every_change_records_who_what_and_the_old_and_new_values(
    alice: CaseworkServices, bob: CaseworkServices
) -> None:
    request = alice.requests.create(PID, "Not answered.")
    bob.requests.edit(request.id, request.version, {"reasons": "Not answered at all."})
    latest = bob.audit.for_petition(PID)[0]
    assert (latest.actor, latest.action, latest.field) == ("bob", "changed", "reasons")
    assert (latest.old_value, latest.new_value) == ("Not answered.", "Not answered at all.")


def test_second_clerk_saving_a_stale_copy_is_refused(
    alice: CaseworkServices, bob: CaseworkServices
) -> None:
    request = alice.requests.create(PID, "Not answered.")
    seen_by_bob = bob.requests.get(request.id)
    alice.requests.edit(request.id, request.version, {"due_on": date(2025, 7, 30)})
    with pytest.raises(EditConflict, match=r"Request \d+ was changed by alice .* not saved"):
        bob.requests.edit(seen_by_bob.id, seen_by_bob.version, {"reasons": "Bob's reasons"})
    stored = alice.requests.get(request.id)
    assert (stored.reasons, stored.due_on) == ("Not answered.", date(2025, 7, 30))
    assert all(e.actor == "alice" for e in alice.audit.for_petition(PID))


def test_stale_review_and_decision_saves_are_refused_too(
    alice: CaseworkServices, bob: CaseworkServices
) -> None:
    version_id = alice.reviews.pane(PID).versions[0].id
    review = alice.reviews.save_review(PID, version_id, Verdict.DEFER)
    alice.reviews.save_review(PID, version_id, Verdict.ACCEPT, review_id=review.id,
                              expected_version=review.version)  # fmt: skip
    with pytest.raises(EditConflict, match="was changed by alice"):
        bob.reviews.save_review(PID, version_id, Verdict.REQUEST_REVISION, review_id=review.id,
                                expected_version=review.version)  # fmt: skip
    meeting = alice.meetings.open_meeting(date(2025, 6, 24))
    decision = alice.meetings.record_decision(meeting.recorded_id, PID, Decision.DEFER)
    alice.meetings.record_decision(meeting.recorded_id, PID, Decision.NOTED,
                                   expected_version=decision.version)  # fmt: skip
    with pytest.raises(EditConflict):
        bob.meetings.record_decision(meeting.recorded_id, PID, Decision.REQUEST_REVISION,
                                     expected_version=decision.version)  # fmt: skip


@pytest.mark.postgres
def test_concurrent_saves_on_the_shared_server_one_wins(pg_database_url: str) -> None:
    """Bob's save waits for Alice's uncommitted one, then is refused: nothing is lost."""
    from tests.conftest import empty_pg_tables
    from tests.unit.casework.story import MovableClock, import_original, services_for

    empty_pg_tables(pg_database_url)
    db = open_database(pg_database_url)
    try:
        import tempfile
        from pathlib import Path

        with tempfile.TemporaryDirectory() as folder:
            import_original(db, Path(folder))
        clock = MovableClock(date(2025, 6, 20))
        alice, bob = services_for(db, "alice", clock), services_for(db, "bob", clock)
        request = alice.requests.create(PID, "Not answered.")
        outcome: list[object] = []

        with db.engine.connect() as held:
            transaction = held.begin()
            held.execute(text("SELECT 1 FROM revision_requests WHERE id = :i FOR UPDATE"),
                         {"i": request.id})  # fmt: skip

            def bob_saves() -> None:
                try:
                    outcome.append(bob.requests.edit(request.id, request.version,
                                                     {"reasons": "Bob's reasons"}))  # fmt: skip
                except EditConflict as exc:
                    outcome.append(exc)

            thread = threading.Thread(target=bob_saves)
            thread.start()
            thread.join(0.5)
            assert thread.is_alive(), "Bob's save should wait for the row Alice is saving"
            held.execute(
                text("UPDATE revision_requests SET reasons = 'Alice''s reasons', "
                     "version = version + 1, updated_by = 'alice' WHERE id = :i"),
                {"i": request.id},
            )  # fmt: skip
            transaction.commit()
            thread.join(10)
        assert isinstance(outcome[0], EditConflict)
        assert alice.requests.get(request.id).reasons == "Alice's reasons"
    finally:
        db.dispose()
