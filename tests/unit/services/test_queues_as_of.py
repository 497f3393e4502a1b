"""``--as-of``: every queue is evaluated as things stood on that date.

A petition not yet created is absent; thresholds, responses, schedules and debate outcomes
after the date have not happened yet.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from caseworker.importing.importer import import_paths
from caseworker.services.petitions import PetitionQuery, PetitionService
from caseworker.services.queues import Queue
from caseworker.storage.engine import Database
from tests.unit.services.captures import response, single, write

AS_OF = date(2021, 6, 1)


def debate(debated_on: str | None) -> dict[str, Any]:
    return {"debated_on": debated_on, "transcript_url": None, "video_url": None,
            "debate_pack_url": None, "overview": None}  # fmt: skip


@pytest.fixture
def service(database: Database, tmp_path: Path) -> PetitionService:
    early = {"created_at": "2021-01-04T09:00:00.000Z", "opened_at": "2021-01-05T09:00:00.000Z",
             "updated_at": "2022-01-01T12:00:00.000Z"}  # fmt: skip
    captures = [
        # Created in November 2021, debate set for December: did not exist on 1 June.
        single(11, signature_count=150_000, created_at="2021-11-02T09:00:00.000Z",
               opened_at="2021-11-03T09:00:00.000Z", updated_at="2022-01-01T12:00:00.000Z",
               debate_threshold_reached_at="2021-11-20T09:00:00.000Z",
               scheduled_debate_date="2021-12-13"),
        # Scheduled (before 1 June) for 21 June and debated then.
        single(12, signature_count=140_000, **early,
               debate_threshold_reached_at="2021-04-01T09:00:00.000Z",
               debate_scheduled_on="2021-05-10", scheduled_debate_date="2021-06-21",
               debate_outcome_at="2021-06-22T09:00:00.000Z", debate=debate("2021-06-21")),
        # Scheduled on 10 June (after the date) for 5 July: awaiting a decision on 1 June.
        single(13, signature_count=130_000, **early,
               debate_threshold_reached_at="2021-04-02T09:00:00.000Z",
               debate_scheduled_on="2021-06-10", scheduled_debate_date="2021-07-05",
               debate_outcome_at="2021-07-06T09:00:00.000Z", debate=debate("2021-07-05")),
        # The Committee decided not to debate it on 1 July.
        single(14, signature_count=120_000, **early,
               debate_threshold_reached_at="2021-04-03T09:00:00.000Z",
               debate_outcome_at="2021-07-01T09:00:00.000Z", debate=debate(None)),
        # Crossed 10,000 on 1 May, answered on 15 June: overdue on 1 June.
        single(15, signature_count=20_000, **early,
               response_threshold_reached_at="2021-05-01T09:00:00.000Z",
               government_response_at="2021-06-15T10:00:00.000Z",
               government_response=response("We will not.", "2021-06-15")),
    ]  # fmt: skip
    for document in captures:
        write(tmp_path, f"{document['data']['id']}.json", document)
    assert import_paths(database.engine, [tmp_path]).failed == 0
    return PetitionService(database)


def ids(service: PetitionService, queue: Queue, as_of: date = AS_OF) -> list[int]:
    rows = service.list_petitions(PetitionQuery(queue=queue, as_of=as_of))
    return sorted(p.id for p in rows)


def test_a_petition_not_yet_created_is_in_no_queue(service: PetitionService) -> None:
    assert ids(service, Queue.ALL) == [12, 13, 14, 15]
    for queue in Queue:
        assert 11 not in ids(service, queue), queue
    assert 11 in ids(service, Queue.ALL, date(2021, 11, 2))


def test_debate_scheduled_as_it_stood(service: PetitionService) -> None:
    assert ids(service, Queue.DEBATE_SCHEDULED) == [12]
    assert ids(service, Queue.DEBATE_SCHEDULED, date(2021, 6, 15)) == [12, 13]
    assert ids(service, Queue.DEBATE_SCHEDULED, date(2021, 12, 1)) == [11]


def test_awaiting_debate_decision_until_scheduled_or_decided(service: PetitionService) -> None:
    assert ids(service, Queue.AWAITING_DEBATE_DECISION) == [13, 14]
    assert ids(service, Queue.AWAITING_DEBATE_DECISION, date(2021, 6, 15)) == [14]
    assert ids(service, Queue.AWAITING_DEBATE_DECISION, date(2021, 7, 2)) == []


def test_debated_and_not_debated_once_they_happened(service: PetitionService) -> None:
    assert ids(service, Queue.DEBATED) == []
    assert ids(service, Queue.NOT_DEBATED) == []
    assert ids(service, Queue.DEBATED, date(2021, 6, 21)) == [12]
    assert ids(service, Queue.NOT_DEBATED, date(2021, 7, 1)) == [14]
    assert ids(service, Queue.DEBATED, date(2021, 7, 10)) == [12, 13]


def test_response_queues_as_they_stood(service: PetitionService) -> None:
    assert ids(service, Queue.AWAITING_RESPONSE) == [15]
    assert ids(service, Queue.RESPONSE_OVERDUE) == [15]
    assert ids(service, Queue.RESPONSE_RECEIVED) == []
    assert ids(service, Queue.RESPONSE_RECEIVED, date(2021, 6, 15)) == [15]
    assert ids(service, Queue.RESPONSE_OVERDUE, date(2021, 4, 30)) == []


def test_counts_agree_with_lists_as_of(service: PetitionService) -> None:
    counts = service.queue_counts(AS_OF)
    for queue in Queue:
        assert counts[queue] == len(ids(service, queue)), queue


def test_approaching_a_threshold_on_a_past_date_is_what_crossed_soon_after(
    service: PetitionService,
) -> None:
    # 15 crossed 10,000 on 1 May 2021: approaching in the fortnight before, not a month before.
    assert 15 in ids(service, Queue.APPROACHING_THRESHOLD, date(2021, 4, 20))
    assert 15 not in ids(service, Queue.APPROACHING_THRESHOLD, date(2021, 4, 1))
    assert 15 not in ids(service, Queue.APPROACHING_THRESHOLD, date(2021, 5, 2))  # crossed
