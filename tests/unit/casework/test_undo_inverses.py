"""Each edit has a service call that puts things back, which the window's undo uses."""

from __future__ import annotations

from datetime import date

from caseworker.domain.casework import Verdict
from caseworker.services.casework import CaseworkServices
from tests.unit.casework.story import PID


def test_edit_restores_earlier_values_including_status(alice: CaseworkServices) -> None:
    created = alice.requests.create(PID, "Not answered.")
    withdrawn = alice.requests.withdraw(created.id, created.version)
    restored = alice.requests.edit(withdrawn.id, withdrawn.version, {"status": "sent"})
    assert restored.status == "sent"
    assert restored.version == created.version + 2


def test_removing_the_only_chase_returns_the_request_to_sent(alice: CaseworkServices) -> None:
    created = alice.requests.create(PID, "Not answered.")
    chased = alice.requests.chase(created.id, created.version, date(2025, 7, 1))
    back = alice.requests.remove_chase(chased.id, chased.version, chased.chases[0].id)
    assert (back.status, back.chases) == ("sent", ())


def test_deleting_undoes_creation_and_the_audit_keeps_both(alice: CaseworkServices) -> None:
    created = alice.requests.create(PID, "Not answered.")
    alice.requests.delete(created.id, created.version)
    assert alice.requests.list_requests(petition_id=PID) == []
    version_id = alice.reviews.pane(PID).versions[0].id
    review = alice.reviews.save_review(PID, version_id, Verdict.ACCEPT)
    alice.reviews.delete_review(review.id, review.version)
    assert alice.reviews.pane(PID).reviews == ()
    actions = {(e.subject, e.action) for e in alice.audit.for_petition(PID)}
    assert {("request", "created"), ("request", "deleted"), ("review", "deleted")} <= actions
