"""Decisions at 100,000: recorded with a meeting, refused in words, in the petition's history,
and in the awaiting-debate queue."""

from __future__ import annotations

from datetime import date

import pytest

from caseworker.services.casework import CaseworkServices
from caseworker.services.casework.agenda_pdf import agenda_lines
from caseworker.services.casework.common import CaseworkError, Clock, EditConflict
from caseworker.services.debates import DebateServices
from caseworker.services.debates.decisions import DebateDecisionService
from caseworker.services.errors import PetitionNotFound
from caseworker.services.petitions import PetitionQuery, PetitionService
from caseworker.services.queues import Queue
from caseworker.storage.engine import Database
from tests.unit.casework.story import MovableClock
from tests.unit.debates.story import DEBATED, SEND, SMALL, TRAINING

MEETING = date(2025, 6, 24)
MONDAY = date(2025, 7, 14)


@pytest.fixture
def decisions(stored: Database, clock: MovableClock) -> DebateDecisionService:
    return DebateDecisionService(stored, "alice", Clock(now=clock))


def awaiting(db: Database, as_of: date) -> set[int]:
    query = PetitionQuery(queue=Queue.AWAITING_DEBATE_DECISION, as_of=as_of)
    return {p.id for p in PetitionService(db).list_petitions(query)}


def not_debated(db: Database, as_of: date) -> set[int]:
    query = PetitionQuery(queue=Queue.NOT_DEBATED, as_of=as_of)
    return {p.id for p in PetitionService(db).list_petitions(query)}


def test_decline_with_a_meeting_records_the_meeting_and_the_reason(
    decisions: DebateDecisionService, stored: Database
) -> None:
    made = decisions.record(
        TRAINING, "decline", reason="recently debated", debates_named="7 July 2025, e-petition "
        "700143", meeting_on=MEETING,
    )  # fmt: skip
    assert (made.decision, made.reason, made.meets_on, made.decided_on) == (
        "decline", "recently debated", MEETING, MEETING,
    )  # fmt: skip
    assert made.summary == (
        "Decided not to schedule a debate: recently debated; debates named: 7 July 2025, "
        "e-petition 700143"
    )
    meeting = CaseworkServices.open(stored).meetings.meetings()
    assert [(mt.id, mt.meets_on) for mt in meeting] == [(made.meeting_id, MEETING)]


def test_decline_needs_a_reason(decisions: DebateDecisionService) -> None:
    with pytest.raises(CaseworkError, match="Say why") as refused:
        decisions.record(TRAINING, "decline", reason="  ")
    assert refused.value.field == "reason"
    assert decisions.history(TRAINING) == []


def test_a_petition_under_100000_is_refused_in_the_debate_services_words(
    decisions: DebateDecisionService,
) -> None:
    with pytest.raises(CaseworkError) as refused:
        decisions.record(SMALL, "defer", meeting_on=MEETING)
    assert str(refused.value) == (
        "e-petition 730000 has 42,000 signatures, under the 100,000 at which the Committee "
        "considers a debate"
    )
    with pytest.raises(PetitionNotFound):
        decisions.record(999_999, "defer")
    with pytest.raises(CaseworkError, match="'vote' is not a debate decision"):
        decisions.record(TRAINING, "vote")


def test_a_refused_decision_opens_no_meeting(
    decisions: DebateDecisionService, stored: Database
) -> None:
    with pytest.raises(CaseworkError):
        decisions.record(SMALL, "decline", reason="recently debated", meeting_on=MEETING)
    assert CaseworkServices.open(stored).meetings.meetings() == []


def test_schedule_makes_a_debate_in_the_slot_and_refuses_a_taken_one(
    decisions: DebateDecisionService, alice: DebateServices
) -> None:
    made = decisions.record(TRAINING, "schedule", day=MONDAY, meeting_on=MEETING)
    debate = alice.debates.get(made.debate_id or 0)
    assert (debate.status, debate.day, debate.petition_ids) == ("scheduled", MONDAY, (TRAINING,))
    with pytest.raises(CaseworkError, match=f"already holds debate {debate.id}") as refused:
        decisions.record(SEND, "schedule", day=MONDAY, meeting_on=MEETING)
    assert refused.value.field == "day"
    assert decisions.history(SEND) == []


def test_schedule_with_an_unknown_member_is_refused_and_leaves_no_debate(
    decisions: DebateDecisionService, alice: DebateServices
) -> None:
    with pytest.raises(CaseworkError, match="unknown Member 'Nobody'"):
        decisions.record(TRAINING, "schedule", day=MONDAY, opening_member="Nobody")
    assert alice.debates.for_petition(TRAINING) == []


def test_schedule_against_an_existing_debate_adds_the_petition(
    decisions: DebateDecisionService, alice: DebateServices
) -> None:
    debate = alice.debates.schedule([SEND], day=MONDAY)
    made = decisions.record(TRAINING, "schedule", debate_id=debate.id)
    assert made.debate_id == debate.id
    assert alice.debates.get(debate.id).petition_ids == (SEND, TRAINING)


def test_group_joins_the_other_petitions_pending_debate(
    decisions: DebateDecisionService, alice: DebateServices
) -> None:
    debate = alice.debates.schedule([SEND], day=MONDAY)
    made = decisions.record(TRAINING, "group", group_with=SEND, meeting_on=MEETING)
    assert (made.group_with_id, made.debate_id) == (SEND, debate.id)
    assert alice.debates.get(debate.id).petition_ids == (SEND, TRAINING)
    assert made.summary == (
        f"Agreed to debate it with another petition: e-petition {SEND}; debate {debate.id}"
    )


def test_group_without_a_debate_proposes_one_of_both(
    decisions: DebateDecisionService, alice: DebateServices
) -> None:
    made = decisions.record(TRAINING, "group", group_with=SEND)
    debate = alice.debates.get(made.debate_id or 0)
    assert (debate.status, debate.petition_ids) == ("proposed", (SEND, TRAINING))


def test_group_needs_another_petition_past_100000(decisions: DebateDecisionService) -> None:
    for other, field in ((None, "group_with"), (TRAINING, "group_with"), (SMALL, "group_with")):
        with pytest.raises(CaseworkError) as refused:
            decisions.record(TRAINING, "group", group_with=other)
        assert refused.value.field == field


def test_the_history_is_newest_first_and_audited(
    decisions: DebateDecisionService, stored: Database, clock: MovableClock
) -> None:
    decisions.record(TRAINING, "seek_information", meeting_on=MEETING)
    clock.set(date(2025, 7, 1))
    decisions.record(TRAINING, "defer", reason="a bill is coming", meeting_on=date(2025, 7, 1))
    history = decisions.history(TRAINING)
    assert [(h.decision, h.meets_on) for h in history] == [
        ("defer", date(2025, 7, 1)), ("seek_information", MEETING),
    ]  # fmt: skip
    audit = CaseworkServices.open(stored).audit.for_petition(TRAINING)
    subjects = {(e.subject, e.action) for e in audit}
    assert ("debate-decision", "created") in subjects


def test_a_second_decision_at_the_same_meeting_changes_the_first(
    decisions: DebateDecisionService,
) -> None:
    first = decisions.record(TRAINING, "defer", meeting_on=MEETING)
    changed = decisions.record(
        TRAINING, "decline", reason="recently debated", meeting_on=MEETING,
        expected_version=first.version,
    )  # fmt: skip
    assert changed.id == first.id and changed.version == first.version + 1
    assert [h.decision for h in decisions.history(TRAINING)] == ["decline"]
    with pytest.raises(EditConflict):
        decisions.record(TRAINING, "defer", meeting_on=MEETING, expected_version=first.version)


def test_clear_undoes_a_decision(decisions: DebateDecisionService) -> None:
    made = decisions.record(TRAINING, "defer")
    with pytest.raises(EditConflict):
        decisions.clear(made.id, made.version + 1)
    decisions.clear(made.id, made.version)
    assert decisions.history(TRAINING) == []


def test_clearing_a_schedule_decision_removes_the_debate_it_made(
    decisions: DebateDecisionService, alice: DebateServices
) -> None:
    made = decisions.record(TRAINING, "schedule", day=date(2025, 7, 14))
    assert made.debate_id is not None and made.made_debate_version == 1
    debate = alice.debates.get(made.debate_id)
    alice.debates.update(debate.id, debate.version, minister="Minister A")
    # Changed since the decision made it: undoing would lose the clerk's edit.
    with pytest.raises(EditConflict):
        decisions.clear(made.id, made.version, made_debate_version=made.made_debate_version)
    assert [h.id for h in decisions.history(TRAINING)] == [made.id]
    again = decisions.record(SEND, "schedule", day=date(2025, 7, 21))
    decisions.clear(again.id, again.version, made_debate_version=again.made_debate_version)
    assert decisions.history(SEND) == [] and alice.debates.for_petition(SEND) == []


def test_the_awaiting_queue_drops_settled_petitions_from_the_day_of_the_decision(
    decisions: DebateDecisionService, stored: Database
) -> None:
    before = date(2025, 6, 23)
    assert awaiting(stored, MEETING) == {TRAINING, SEND}
    decisions.record(TRAINING, "defer", meeting_on=MEETING)
    assert awaiting(stored, MEETING) == {TRAINING, SEND}  # deferred: still waiting
    decisions.record(TRAINING, "decline", reason="recently debated", decided_on=date(2025, 6, 25))
    assert awaiting(stored, MEETING) == {TRAINING, SEND}  # as it stood on the 24th
    assert awaiting(stored, date(2025, 6, 25)) == {SEND}
    assert not_debated(stored, date(2025, 6, 25)) == {TRAINING}
    assert not_debated(stored, before) == set()
    # A later deferral puts it back in the queue.
    decisions.record(TRAINING, "defer", decided_on=date(2025, 6, 30))
    assert awaiting(stored, date(2025, 6, 30)) == {TRAINING, SEND}
    assert DEBATED not in awaiting(stored, date(2025, 6, 30))


def test_a_petition_in_a_pending_committee_debate_is_not_awaiting(
    alice: DebateServices, stored: Database
) -> None:
    debate = alice.debates.schedule([SEND])
    assert awaiting(stored, MEETING) == {TRAINING}
    alice.debates.update(debate.id, debate.version, status="withdrawn")
    assert awaiting(stored, MEETING) == {TRAINING, SEND}


def scheduled(db: Database, as_of: date) -> set[int]:
    query = PetitionQuery(queue=Queue.DEBATE_SCHEDULED, as_of=as_of)
    return {p.id for p in PetitionService(db).list_petitions(query)}


def test_a_petition_the_committee_scheduled_is_in_the_debate_scheduled_queue(
    alice: DebateServices, stored: Database, clock: MovableClock
) -> None:
    """Out of the awaiting queue is into this one: scheduled for a later day, or proposed
    with no day; not once the day has passed, nor when withdrawn."""
    # 700143 is there already: the site gives its debate day, 7 July 2025.
    assert scheduled(stored, MEETING) == {DEBATED}
    proposed = alice.debates.schedule([SEND])
    alice.debates.schedule([TRAINING], day=date(2025, 7, 14))
    assert scheduled(stored, MEETING) == {DEBATED, TRAINING, SEND}
    assert scheduled(stored, date(2025, 7, 15)) == {SEND}
    alice.debates.update(proposed.id, proposed.version, status="withdrawn")
    assert scheduled(stored, MEETING) == {DEBATED, TRAINING}
    # Before the records were made (the clock's day), they were not scheduled.
    assert scheduled(stored, date(2025, 6, 1)) == {DEBATED}


def test_the_agenda_lists_petitions_awaiting_a_debate_decision_with_the_one_made(
    decisions: DebateDecisionService, stored: Database, clock: MovableClock
) -> None:
    meetings = CaseworkServices.open(stored).meetings
    _view, items = meetings.agenda_for(MEETING)
    debate_items = [i for i in items if i.kind == "debate decision"]
    assert [(i.petition_id, i.on, i.debate_decision) for i in debate_items] == [
        (TRAINING, date(2025, 6, 2), None), (SEND, date(2025, 6, 2), None),
    ]  # fmt: skip
    decisions.record(TRAINING, "decline", reason="recently debated", meeting_on=MEETING)
    _view, items = meetings.agenda_for(MEETING)
    decided = {i.petition_id: i.debate_decision for i in items if i.kind == "debate decision"}
    assert set(decided) == {TRAINING, SEND}  # decided at this meeting: still on its agenda
    declined = decided[TRAINING]
    assert declined is not None and declined.decision == "decline"
    # The next meeting: the declined petition is settled; a deferred one comes back, saying so.
    decisions.record(SEND, "defer", meeting_on=MEETING)
    _view, items = meetings.agenda_for(date(2025, 7, 1))
    assert [(i.petition_id, i.label) for i in items if i.kind == "debate decision"] == [
        (SEND, "debate decision, deferred on 24 Jun 2025"),
    ]
    lines = "\n".join(agenda_lines(*meetings.agenda_for(MEETING)))
    assert "Decided not to schedule a debate: recently debated" in lines
