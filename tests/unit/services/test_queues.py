"""The work queues, evaluated as of a date, on both database backends."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from caseworker.importing.importer import import_paths
from caseworker.services.petitions import PetitionQuery, PetitionService
from caseworker.services.queues import Queue
from caseworker.storage.engine import Database
from tests.unit.services.captures import response, single, write

AS_OF = date(2025, 6, 30)


@pytest.fixture
def service(database: Database, tmp_path: Path) -> PetitionService:
    captures = [
        single(1, signature_count=900),
        # Crossed 10,000 on 20 June: waiting 10 days, not yet overdue.
        single(2, signature_count=12_000, response_threshold_reached_at="2025-06-20T08:00:00.000Z"),
        # Crossed 10,000 on 1 May: 60 days waiting, overdue.
        single(3, signature_count=15_000, response_threshold_reached_at="2025-05-01T08:00:00.000Z"),
        # Answered.
        single(
            4,
            signature_count=20_000,
            response_threshold_reached_at="2025-05-01T08:00:00.000Z",
            government_response_at="2025-05-15T10:00:00.000Z",
            government_response=response("We will not do this.", "2025-05-15"),
        ),
        # Crossed 100,000, no decision yet.
        single(
            5,
            signature_count=150_000,
            response_threshold_reached_at="2025-03-01T08:00:00.000Z",
            government_response_at="2025-03-10T10:00:00.000Z",
            government_response=response("Considering.", "2025-03-10"),
            debate_threshold_reached_at="2025-04-01T08:00:00.000Z",
        ),
        single(6, signature_count=120_000, debate_threshold_reached_at="2025-04-01T08:00:00.000Z",
               scheduled_debate_date="2025-07-14"),
        single(7, signature_count=130_000, debate_threshold_reached_at="2025-03-01T08:00:00.000Z",
               scheduled_debate_date="2025-05-12", debate_outcome_at="2025-05-13T09:00:00.000Z",
               debate={"debated_on": "2025-05-12", "transcript_url": None, "video_url": None,
                       "debate_pack_url": None, "overview": None}),
        # Crossed 10,000 after the as-of date: not waiting then.
        single(8, signature_count=11_000, response_threshold_reached_at="2025-07-05T08:00:00.000Z"),
    ]  # fmt: skip
    for document in captures:
        write(tmp_path, f"{document['data']['id']}.json", document)
    summary = import_paths(database.engine, [tmp_path])
    assert summary.failed == 0
    return PetitionService(database)


def ids(service: PetitionService, queue: Queue, as_of: date = AS_OF) -> list[int]:
    return [p.id for p in service.list_petitions(PetitionQuery(queue=queue, as_of=as_of))]


def test_awaiting_response_lists_longest_wait_first(service: PetitionService) -> None:
    assert ids(service, Queue.AWAITING_RESPONSE) == [3, 2]


def test_overdue_after_21_days(service: PetitionService) -> None:
    assert ids(service, Queue.RESPONSE_OVERDUE) == [3]
    # 20 June + 21 days = 11 July is the due date; overdue from 12 July.
    assert ids(service, Queue.RESPONSE_OVERDUE, date(2025, 7, 11)) == [3]
    assert 2 in ids(service, Queue.RESPONSE_OVERDUE, date(2025, 7, 12))


def test_days_waiting_counts_from_crossing(service: PetitionService) -> None:
    rows = service.list_petitions(PetitionQuery(queue=Queue.AWAITING_RESPONSE, as_of=AS_OF))
    assert [(r.id, r.days_waiting) for r in rows] == [(3, 60), (2, 10)]


def test_response_after_as_of_still_counts_as_waiting(service: PetitionService) -> None:
    assert 4 in ids(service, Queue.AWAITING_RESPONSE, date(2025, 5, 10))
    assert 4 not in ids(service, Queue.AWAITING_RESPONSE, date(2025, 5, 20))


def test_debate_queues(service: PetitionService) -> None:
    assert ids(service, Queue.AWAITING_DEBATE_DECISION) == [5]
    assert ids(service, Queue.DEBATE_SCHEDULED) == [6]
    assert ids(service, Queue.DEBATED) == [7]
    # Once the scheduled date has passed the site counts it as debated, outcome pending.
    assert ids(service, Queue.DEBATED, date(2025, 7, 20)) == [6, 7]


def test_all_sorted_by_signatures(service: PetitionService) -> None:
    assert ids(service, Queue.ALL) == [5, 7, 6, 4, 3, 2, 8, 1]


def test_counts_match_lists(service: PetitionService) -> None:
    counts = service.queue_counts(AS_OF)
    for queue in Queue:
        assert counts[queue] == len(ids(service, queue))


def test_search_and_state_filters(service: PetitionService) -> None:
    found = service.list_petitions(PetitionQuery(search="will NOT do", as_of=AS_OF))
    assert [p.id for p in found] == [4]
    assert service.list_petitions(PetitionQuery(search="100%", as_of=AS_OF)) == []
    assert service.count(PetitionQuery(state="closed", as_of=AS_OF)) == 0
    assert service.count(PetitionQuery(state="open", as_of=AS_OF)) == 8
