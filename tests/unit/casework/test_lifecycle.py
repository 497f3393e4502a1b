"""The whole life of a request for a revised response, on both backends."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from caseworker.domain.casework import RequestStatus, Verdict
from caseworker.services.casework import CaseworkError, CaseworkServices
from caseworker.storage.engine import Database
from tests.unit.casework.story import PID, MovableClock, import_capture, import_revised


def test_request_is_answered_by_an_imported_revision_then_accepted(
    answered: Database, alice: CaseworkServices, clock: MovableClock, tmp_path: Path
) -> None:
    pane = alice.reviews.pane(PID)
    (original,) = pane.versions
    assert original.on_time is True  # 4 June, due 4 June (21 days from 14 May)
    assert "mandatory" in original.terms_missing

    review = alice.reviews.save_review(
        PID, original.id, Verdict.REQUEST_REVISION, answers_request=False,
        states_position=False, notes="Does not say yes or no to mandatory training.",
    )  # fmt: skip
    assert (review.reviewer, review.on_time) == ("alice", True)

    request = alice.requests.create(PID, "It does not say whether training will be mandatory.")
    assert request.status == "sent"
    assert request.sent_on == date(2025, 6, 20)
    assert request.due_on == date(2025, 7, 11)  # 21 days by default
    assert request.department == "Department for Education"
    assert request.response_version_id == original.id

    clock.set(date(2025, 7, 8))
    request = alice.requests.chase(request.id, request.version, note="Phoned the DfE clerk")
    assert request.status == "chased"
    assert [c.chased_on for c in request.chases] == [date(2025, 7, 8)]

    clock.set(date(2025, 7, 11))
    import_revised(answered, tmp_path)
    request = alice.requests.get(request.id)
    assert request.status == "received"
    revised = alice.reviews.pane(PID).versions[-1]
    assert request.revised_version_id == revised.id
    assert request.revised_responded_on == date(2025, 7, 10)
    assert revised.on_time is True  # 10 July, due 11 July
    assert revised.terms_missing == ()

    request = alice.requests.accept(request.id, request.version)
    assert request.status == "accepted"
    assert [r.id for r in alice.requests.list_requests(status=RequestStatus.ACCEPTED)] == [
        request.id
    ]

    story = [(e.subject, e.action, e.field, e.new_value) for e in alice.audit.for_petition(PID)]
    assert ("request", "received", "status", "received") in story
    assert ("request", "accepted", "status", "accepted") in story
    assert ("request", "chased", "chased_on", "2025-07-08") in story
    assert ("review", "created", "verdict", "request_revision") in story


def test_an_older_capture_imported_later_does_not_answer_a_request(
    answered: Database, alice: CaseworkServices, tmp_path: Path
) -> None:
    import_revised(answered, tmp_path)
    request = alice.requests.create(PID, "Still does not answer.")  # about the revised text
    from tests.unit.casework.story import ORIGINAL, capture

    import_capture(
        answered, tmp_path, "may.json", capture(ORIGINAL, "2025-06-05T12:00:00Z", 11_000)
    )
    assert alice.requests.get(request.id).status == "sent"


def test_a_draft_is_not_answered_and_must_have_reasons_to_be_sent(
    answered: Database, alice: CaseworkServices, tmp_path: Path
) -> None:
    draft = alice.requests.create(PID, "", status=RequestStatus.DRAFT)
    assert (draft.sent_on, draft.due_on) == (None, None)
    import_revised(answered, tmp_path)
    assert alice.requests.get(draft.id).status == "draft"
    with pytest.raises(CaseworkError, match="^Say which points of the response") as refused:
        alice.requests.mark_sent(draft.id, draft.version)
    assert refused.value.field == "reasons"
    draft = alice.requests.edit(draft.id, draft.version, {"reasons": "Not answered."})
    sent = alice.requests.mark_sent(draft.id, draft.version)
    assert (sent.status, sent.sent_on, sent.due_on) == (
        "sent",
        date(2025, 6, 20),
        date(2025, 7, 11),
    )


def test_moves_the_process_does_not_allow_are_refused(alice: CaseworkServices) -> None:
    request = alice.requests.create(PID, "Not answered.")
    with pytest.raises(CaseworkError, match="is sent, so it cannot be accepted"):
        alice.requests.accept(request.id, request.version)
    withdrawn = alice.requests.withdraw(request.id, request.version)
    with pytest.raises(CaseworkError, match="is withdrawn, so it cannot be chased"):
        alice.requests.chase(withdrawn.id, withdrawn.version)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"due_on": date(2025, 6, 1)}, r"^The due date \(2025-06-01\) is before the request"),
        ({"status": "lost"}, "^A request's status is one of draft, sent"),
        ({"petition_id": 1}, "^A clerk cannot change petition_id"),
        ({"reasons": "  "}, r"^Say which points of the response fall short \(the reasons"),
        ({"sent_on": date(2025, 6, 21)}, r"^The date sent \(2025-06-21\) is in the future"),
    ],
)
def test_bad_edits_are_refused_in_plain_english_naming_the_field_and_change_nothing(
    alice: CaseworkServices, changes: dict[str, object], message: str
) -> None:
    request = alice.requests.create(PID, "Not answered.")
    with pytest.raises(CaseworkError, match=message) as refused:
        alice.requests.edit(request.id, request.version, changes)
    assert refused.value.field == next(iter(changes))
    assert alice.requests.get(request.id) == request


def test_the_due_date_default_is_a_team_setting(alice: CaseworkServices) -> None:
    days = alice.settings.get().revision_days
    alice.settings.update(days.key, "28", days.version)
    assert alice.requests.create(PID, "Not answered.").due_on == date(2025, 7, 18)
    with pytest.raises(CaseworkError, match="not a number of days"):
        alice.settings.update(days.key, "0", days.version + 1)


def test_a_petition_without_a_response_cannot_be_asked_to_revise_it(
    database: Database, clock: MovableClock
) -> None:
    from caseworker.services.petitions import PetitionNotFound
    from tests.unit.casework.story import services_for

    with pytest.raises(PetitionNotFound):
        services_for(database, "alice", clock).requests.create(PID, "Not answered.")


def test_request_queues_follow_the_request(
    answered: Database, alice: CaseworkServices, tmp_path: Path
) -> None:
    from caseworker.services.petitions import PetitionQuery, PetitionService
    from caseworker.services.queues import Queue

    def queue(q: Queue) -> list[int]:
        rows = PetitionService(answered).list_petitions(PetitionQuery(queue=q))
        return [r.id for r in rows]

    assert queue(Queue.REVISION_REQUESTED) == []
    alice.requests.create(PID, "Not answered.")
    assert queue(Queue.REVISION_REQUESTED) == [PID]
    import_revised(answered, tmp_path)
    assert (queue(Queue.REVISION_REQUESTED), queue(Queue.REVISION_RECEIVED)) == ([], [PID])


def test_a_second_open_request_is_refused(alice: CaseworkServices) -> None:
    first = alice.requests.create(PID, "Not answered.", status=RequestStatus.DRAFT)
    with pytest.raises(CaseworkError, match=f"already has an open request \\({first.id}\\)"):
        alice.requests.create(PID, "Again.")
    alice.requests.withdraw(first.id, first.version)
    assert alice.requests.create(PID, "Asked again.").status == "sent"
