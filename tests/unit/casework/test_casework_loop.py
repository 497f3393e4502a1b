"""Issue 11: the casework loop visible and finishable — the queue of responses awaiting the
Committee, chasing an overdue first response, and "partly" in the review checklist."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import select, text

from caseworker.domain.casework import Answer, Decision, Verdict
from caseworker.importing.importer import import_paths
from caseworker.services.casework import CaseworkError, CaseworkServices
from caseworker.services.casework.response_chases import last_chase_column
from caseworker.services.petitions import PetitionQuery, PetitionService
from caseworker.services.queues import Queue
from caseworker.storage.engine import Database
from caseworker.storage.migrate import alembic_config, upgrade
from caseworker.storage.models import Petition
from tests.unit.casework.story import PID
from tests.unit.services.captures import single, write

AS_OF = date(2025, 6, 20)
WAITING = 900001


def queue_ids(db: Database, queue: Queue, as_of: date = AS_OF) -> list[int]:
    rows = PetitionService(db).list_petitions(PetitionQuery(queue=queue, as_of=as_of))
    return sorted(r.id for r in rows)


def current_version(services: CaseworkServices) -> int:
    return next(v.id for v in services.reviews.pane(PID).versions if v.is_current)


# 1. Response received: awaiting the Committee's consideration ------------------------------


def test_a_reviewed_response_leaves_the_queue_and_stays_findable(
    answered: Database, alice: CaseworkServices
) -> None:
    assert queue_ids(answered, Queue.RESPONSE_RECEIVED) == [PID]
    assert queue_ids(answered, Queue.RESPONSE_CONSIDERED) == []
    deferred = alice.reviews.save_review(PID, current_version(alice), Verdict.DEFER)
    assert queue_ids(answered, Queue.RESPONSE_RECEIVED) == [PID]  # deferring settles nothing
    alice.reviews.save_review(
        PID, current_version(alice), Verdict.ACCEPT, review_id=deferred.id,
        expected_version=deferred.version,
    )  # fmt: skip
    assert queue_ids(answered, Queue.RESPONSE_RECEIVED) == []
    assert queue_ids(answered, Queue.RESPONSE_CONSIDERED) == [PID]
    assert PID in queue_ids(answered, Queue.ALL)


def test_a_meeting_decision_clears_the_response(
    answered: Database, alice: CaseworkServices
) -> None:
    meeting = alice.meetings.open_meeting(date(2025, 6, 10))
    alice.meetings.record_decision(
        meeting.recorded_id, PID, Decision.DEFER, response_version_id=current_version(alice)
    )
    # Deferred at the meeting whose papers it was on: still waiting.
    assert queue_ids(answered, Queue.RESPONSE_RECEIVED) == [PID]
    later = alice.meetings.open_meeting(date(2025, 6, 17))
    alice.meetings.record_decision(
        later.recorded_id, PID, Decision.NOTED, response_version_id=current_version(alice)
    )
    assert queue_ids(answered, Queue.RESPONSE_RECEIVED) == []


def test_responses_on_the_papers_of_a_meeting_already_held_are_not_waiting(
    answered: Database, alice: CaseworkServices
) -> None:
    """Responses from years before the tool were considered at meetings long ago."""
    alice.meetings.open_meeting(date(2025, 6, 17))  # cut-off 13 June; response of 4 June
    assert queue_ids(answered, Queue.RESPONSE_RECEIVED, date(2025, 6, 16)) == [PID]
    assert queue_ids(answered, Queue.RESPONSE_RECEIVED, AS_OF) == []


def queue_last_chased(db: Database) -> dict[int, date | None]:
    """What a queue's rows say in their ``last_chased_on`` column."""
    query = select(Petition.id, last_chase_column())
    with db.sessions() as session:
        return {pid: day for pid, day in session.execute(query)}


# 3. Chasing an overdue first response ---------------------------------------------------------


@pytest.fixture
def overdue(answered: Database, tmp_path: Path) -> Database:
    """A second petition past 10,000 on 1 May 2025 with no response: overdue by 20 June."""
    document = single(
        WAITING, action="Fund rural bus routes", signature_count=12_000,
        opened_at="2025-03-01T09:00:00.000Z",
        response_threshold_reached_at="2025-05-01T10:00:00.000Z",
        updated_at="2025-06-10T12:00:00.000Z",
    )  # fmt: skip
    summary = import_paths(answered.engine, [write(tmp_path, "waiting.json", document)])
    assert summary.failed == 0, summary.failures
    return answered


def test_chasing_an_overdue_response_is_recorded_shown_and_undoable(
    overdue: Database, alice: CaseworkServices
) -> None:
    assert queue_ids(overdue, Queue.RESPONSE_OVERDUE) == [WAITING]
    first = alice.response_chases.chase(WAITING, date(2025, 6, 2), note="Phoned the DfT desk")
    second = alice.response_chases.chase(WAITING, note="  Emailed  ")
    assert (second.chased_on, second.note, second.created_by) == (AS_OF, "Emailed", "alice")
    assert alice.response_chases.last_chased([WAITING, PID]) == {WAITING: AS_OF}
    assert queue_last_chased(overdue) == {PID: None, WAITING: AS_OF}
    query = PetitionQuery(queue=Queue.RESPONSE_OVERDUE, as_of=AS_OF)
    (row,) = PetitionService(overdue).page(query, offset=0, limit=10)
    (summary,) = PetitionService(overdue).list_petitions(query)
    assert (row.id, row.last_chased_on, summary.last_chased_on) == (WAITING, AS_OF, AS_OF)
    assert [c.id for c in alice.response_chases.for_petition(WAITING)] == [first.id, second.id]
    history = alice.audit.for_petition(WAITING)
    assert {(e.subject, e.action, e.field, e.new_value) for e in history} >= {
        ("response chase", "created", "chased_on", "2025-06-02"),
        ("response chase", "created", "note", "Phoned the DfT desk"),
    }
    alice.response_chases.delete(second.id)
    assert alice.response_chases.last_chased([WAITING]) == {WAITING: date(2025, 6, 2)}
    assert alice.audit.for_petition(WAITING)[0].action == "deleted"


@pytest.mark.parametrize(
    ("petition", "day", "message", "field"),
    [
        (PID, None, "already has a Government response", None),
        (WAITING, date(2025, 6, 21), r"\(2025-06-21\) is in the future", "chased_on"),
        (WAITING, date(2025, 4, 30), "before the petition reached 10,000", "chased_on"),
    ],
)  # fmt: skip
def test_a_chase_that_cannot_be_is_refused_in_words(
    overdue: Database, alice: CaseworkServices, petition: int, day: date | None, message: str,
    field: str | None,
) -> None:  # fmt: skip
    with pytest.raises(CaseworkError, match=message) as refused:
        alice.response_chases.chase(petition, day)
    assert refused.value.field == field
    assert alice.response_chases.for_petition(petition) == []


# 5. Partly in the checklist ----------------------------------------------------------------------


def test_the_checklist_answers_yes_partly_or_no(alice: CaseworkServices) -> None:
    version = current_version(alice)
    review = alice.reviews.save_review(
        PID, version, Verdict.REQUEST_REVISION, answers_request=Answer.PARTLY,
        states_position=False,
    )  # fmt: skip
    assert (review.answers_request, review.states_position) == ("partly", "no")
    (stored,) = alice.reviews.pane(PID).reviews
    assert (stored.answers_request, stored.states_position) == ("partly", "no")
    changed = alice.reviews.save_review(
        PID, version, Verdict.REQUEST_REVISION, answers_request="yes", states_position="partly",
        review_id=review.id, expected_version=review.version,
    )  # fmt: skip
    assert (changed.answers_request, changed.states_position) == ("yes", "partly")
    history = alice.audit.for_petition(PID)
    assert ("answers_request", "partly", "yes") in {
        (e.field, e.old_value, e.new_value) for e in history
    }
    with pytest.raises(CaseworkError, match="Answer yes, partly or no") as refused:
        alice.reviews.save_review(PID, version, Verdict.ACCEPT, states_position="maybe")
    assert refused.value.field == "states_position"


def test_existing_true_and_false_answers_become_yes_and_no(
    answered: Database, alice: CaseworkServices
) -> None:
    """Migration 0005 on a database whose reviews were stored as booleans under 0004."""
    version = current_version(alice)
    downgrade_to(answered, "0004")
    try:
        insert = text(
            "INSERT INTO response_reviews (petition_id, response_version_id, reviewer, "
            "reviewed_at, verdict, answers_request, states_position, notes, version) VALUES "
            "(:pid, :version, 'alice', :at, 'accept', :answers, :position, '', 1)"
        )
        at = datetime(2025, 6, 20, 11, tzinfo=UTC)
        with answered.engine.begin() as c:
            for answers, position in ((True, False), (False, None)):
                c.execute(insert, {"pid": PID, "version": version, "at": at,
                                   "answers": answers, "position": position})  # fmt: skip
    finally:
        upgrade(answered.engine)
    stored = [(r.answers_request, r.states_position) for r in alice.reviews.pane(PID).reviews]
    assert stored == [("yes", "no"), ("no", None)]


def downgrade_to(db: Database, revision: str) -> None:
    with db.engine.begin() as connection:
        config = alembic_config(db.engine)
        config.attributes["connection"] = connection
        command.downgrade(config, revision)
