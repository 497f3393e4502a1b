"""``--as-of`` on the revision queues: a request counts from its creation, is with the
department until the revised response was published, and received until it was accepted."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from caseworker.services.casework import CaseworkServices
from caseworker.services.petitions import PetitionQuery, PetitionService
from caseworker.services.queues import Queue
from caseworker.storage.engine import Database
from tests.unit.casework.story import PID, MovableClock, import_revised


def queue_ids(db: Database, queue: Queue, as_of: date) -> list[int]:
    rows = PetitionService(db).list_petitions(PetitionQuery(queue=queue, as_of=as_of))
    return sorted(r.id for r in rows)


def where(db: Database, as_of: date) -> tuple[bool, bool]:
    """(in Revised response requested, in Revised response received) on ``as_of``."""
    return (
        PID in queue_ids(db, Queue.REVISION_REQUESTED, as_of),
        PID in queue_ids(db, Queue.REVISION_RECEIVED, as_of),
    )


def test_the_request_moves_through_the_queues_by_date(
    answered: Database, alice: CaseworkServices, clock: MovableClock, tmp_path: Path
) -> None:
    # Asked on 20 June 2025; revised response published 10 July (imported later).
    request = alice.requests.create(PID, "Does not say whether training will be mandatory.",
                                    sent_on=date(2025, 6, 20))  # fmt: skip
    import_revised(answered, tmp_path)
    clock.set(date(2025, 7, 21))
    received = alice.requests.get(request.id)
    alice.requests.accept(request.id, received.version)

    assert where(answered, date(2025, 6, 19)) == (False, False)  # not yet asked
    assert where(answered, date(2025, 6, 25)) == (True, False)  # with the department
    assert where(answered, date(2025, 7, 10)) == (False, True)  # published that day
    assert where(answered, date(2025, 7, 20)) == (False, True)
    assert where(answered, date(2025, 7, 21)) == (False, False)  # accepted


def test_a_withdrawn_request_left_the_queue_when_withdrawn(
    answered: Database, alice: CaseworkServices, clock: MovableClock
) -> None:
    request = alice.requests.create(PID, "Not answered.", sent_on=date(2025, 6, 20))
    clock.set(date(2025, 6, 30))
    alice.requests.withdraw(request.id, request.version)
    assert where(answered, date(2025, 6, 29)) == (True, False)
    assert where(answered, date(2025, 6, 30)) == (False, False)
