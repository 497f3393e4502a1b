"""A meeting's agenda: new responses by the cut-off, revised ones, overdue requests, deferrals."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from caseworker.domain.casework import Decision
from caseworker.services.casework import CaseworkServices
from caseworker.storage.engine import Database
from tests.unit.casework.story import PID, MovableClock, import_revised


def kinds(services: CaseworkServices, meeting_id: int) -> dict[int, str]:
    return {i.petition_id: i.kind for i in services.meetings.agenda(meeting_id)}


def test_a_response_is_on_the_agenda_of_the_first_meeting_after_it(
    alice: CaseworkServices,
) -> None:
    too_early = alice.meetings.open_meeting(date(2025, 6, 3))  # cut-off Friday 30 May
    assert too_early.cut_off == date(2025, 5, 30)
    assert kinds(alice, too_early.recorded_id) == {}
    meeting = alice.meetings.open_meeting(date(2025, 6, 10))  # cut-off Friday 6 June
    assert meeting.window_start == date(2025, 5, 30)
    (item,) = alice.meetings.agenda(meeting.recorded_id)
    assert (item.kind, item.petition_id, item.on) == ("response", PID, date(2025, 6, 4))
    assert item.departments == "DfE"


def test_decisions_are_recorded_and_a_deferral_returns_next_time(
    alice: CaseworkServices,
) -> None:
    first = alice.meetings.open_meeting(date(2025, 6, 10))
    decision = alice.meetings.record_decision(
        first.recorded_id, PID, Decision.DEFER, notes="Await data"
    )
    (item,) = alice.meetings.agenda(first.recorded_id)
    assert item.decision == decision
    second = alice.meetings.open_meeting(date(2025, 6, 17))
    assert kinds(alice, second.recorded_id) == {PID: "deferred"}
    alice.meetings.record_decision(second.recorded_id, PID, Decision.REQUEST_REVISION)
    third = alice.meetings.open_meeting(date(2025, 6, 24))
    assert kinds(alice, third.recorded_id) == {}


def test_overdue_and_received_requests_come_back_to_the_committee(
    answered: Database, alice: CaseworkServices, clock: MovableClock, tmp_path: Path
) -> None:
    request = alice.requests.create(PID, "Not answered.", due_on=date(2025, 7, 1))
    meeting = alice.meetings.open_meeting(date(2025, 7, 8))
    assert kinds(alice, meeting.recorded_id) == {PID: "revised response overdue"}
    import_revised(answered, tmp_path)
    later = alice.meetings.open_meeting(date(2025, 7, 15))
    (item,) = alice.meetings.agenda(later.recorded_id)
    assert (item.kind, item.request_id) == ("revised response", request.id)
    assert item.response_version_id == alice.requests.get(request.id).revised_version_id


def test_undoing_a_decision_removes_it(alice: CaseworkServices) -> None:
    meeting = alice.meetings.open_meeting(date(2025, 6, 10))
    decision = alice.meetings.record_decision(meeting.recorded_id, PID, Decision.NOTED)
    alice.meetings.clear_decision(decision.id, decision.version)
    assert alice.meetings.agenda(meeting.recorded_id)[0].decision is None
    actions = [e.action for e in alice.audit.for_petition(PID) if e.subject == "decision"]
    assert actions[:2] == ["deleted", "created"]


def test_looking_at_an_agenda_records_nothing(alice: CaseworkServices) -> None:
    view, items = alice.meetings.agenda_for(date(2025, 6, 10))
    assert (view.id, view.cut_off, [i.petition_id for i in items]) == (
        None,
        date(2025, 6, 6),
        [PID],
    )
    assert alice.meetings.meetings() == []


def test_a_later_meeting_with_an_earlier_cut_off_has_a_sensible_window(
    alice: CaseworkServices,
) -> None:
    alice.meetings.open_meeting(date(2025, 6, 10), date(2025, 6, 9))
    view, _ = alice.meetings.agenda_for(date(2025, 6, 11), date(2025, 6, 6))
    assert view.window_start < view.cut_off


def test_the_clerks_verdict_shown_is_the_one_on_that_version(
    answered: Database, alice: CaseworkServices, tmp_path: Path
) -> None:
    from caseworker.domain.casework import Verdict

    original = alice.reviews.pane(PID).versions[0].id
    alice.reviews.save_review(PID, original, Verdict.REQUEST_REVISION)
    import_revised(answered, tmp_path)
    revised = alice.reviews.pane(PID).versions[-1].id
    alice.reviews.save_review(PID, revised, Verdict.ACCEPT)
    (item,) = alice.meetings.agenda_for(date(2025, 6, 10))[1]
    assert (item.response_version_id, item.latest_verdict) == (original, "request_revision")
