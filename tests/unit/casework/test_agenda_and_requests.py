"""Issue 11: the agenda lists what the Committee must decide (nothing already settled, an
overdue request with its last chase), printable as meeting papers; the Requests view."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from caseworker.domain.casework import RequestSort, RequestStatus
from caseworker.services.casework import CaseworkError, CaseworkServices
from tests.unit.casework.story import PID

MEETING = date(2025, 6, 10)  # cut-off Friday 6 June: the response of 4 June is new


def overdue_and_chased(services: CaseworkServices) -> int:
    request = services.requests.create(
        PID, "Not answered.", sent_on=date(2025, 6, 5), due_on=date(2025, 6, 8)
    )
    services.requests.chase(request.id, request.version, date(2025, 6, 9), "Emailed the desk")
    return request.id


def test_a_response_whose_revision_was_requested_is_not_new_business(
    alice: CaseworkServices,
) -> None:
    alice.requests.create(PID, "Not answered.", sent_on=date(2025, 6, 5))  # due 26 June
    assert alice.meetings.agenda_for(MEETING)[1] == []


def test_a_draft_request_leaves_the_response_for_the_committee(alice: CaseworkServices) -> None:
    alice.requests.create(PID, "", status=RequestStatus.DRAFT)
    (item,) = alice.meetings.agenda_for(MEETING)[1]
    assert (item.kind, item.label) == ("response", "response")


def test_an_overdue_chased_request_says_so(alice: CaseworkServices) -> None:
    request_id = overdue_and_chased(alice)
    (item,) = alice.meetings.agenda_for(MEETING)[1]
    assert (item.kind, item.request_id, item.on) == (
        "revised response overdue", request_id, date(2025, 6, 8),
    )  # fmt: skip
    assert item.label == "revised response overdue, chased 9 Jun"


def test_the_agenda_is_saved_as_meeting_papers(alice: CaseworkServices, tmp_path: Path) -> None:
    overdue_and_chased(alice)
    folder = tmp_path / "papers"
    folder.mkdir()
    path = folder / "papers.pdf"
    alice.meetings.save_agenda(MEETING, path)
    reader = PdfReader(path)
    text = " ".join(reader.pages[0].extract_text().split())
    assert "Petitions Committee: meeting of 10 June 2025" in text
    assert "revised response overdue, chased 9 Jun" in text
    assert f"{PID}: Make neurodiversity training mandatory" in text
    assert reader.metadata is not None and reader.metadata.title.endswith("10 June 2025")
    assert alice.meetings.agenda_pdf(MEETING).startswith(b"%PDF")
    with pytest.raises(CaseworkError, match=r"papers\.docx: the file name must end in \.pdf"):
        alice.meetings.save_agenda(MEETING, tmp_path / "papers.docx")
    assert [p.name for p in folder.iterdir()] == ["papers.pdf"]


def test_the_requests_view_shows_where_each_request_stands(alice: CaseworkServices) -> None:
    first = alice.requests.create(
        PID, "Not answered.", sent_on=date(2025, 6, 2), due_on=date(2025, 6, 9)
    )
    alice.requests.withdraw(first.id, first.version)
    second = alice.requests.create(
        PID, "Still not answered.", sent_on=date(2025, 6, 10), due_on=date(2025, 6, 15)
    )
    alice.requests.chase(second.id, second.version, date(2025, 6, 17))

    (row,) = alice.requests.outstanding()
    assert (row.request.id, row.request.status, row.overdue, row.last_chased_on) == (
        second.id, "chased", True, date(2025, 6, 17),
    )  # fmt: skip
    assert row.action == "Make neurodiversity training mandatory for all education staff"

    def order(sort: RequestSort, descending: bool = False) -> list[int]:
        rows = alice.requests.outstanding(sort=sort, descending=descending, include_closed=True)
        return [r.request.id for r in rows]

    assert order(RequestSort.DUE) == [first.id, second.id]
    assert order(RequestSort.SENT, descending=True) == [second.id, first.id]
    assert order(RequestSort.STATUS) == [second.id, first.id]  # chased before withdrawn
    assert order(RequestSort.CHASED) == [second.id, first.id]  # never chased: last
    withdrawn = alice.requests.outstanding(status=RequestStatus.WITHDRAWN)
    assert [(r.request.id, r.overdue) for r in withdrawn] == [(first.id, False)]
