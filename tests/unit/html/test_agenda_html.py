"""The meeting's agenda as an accessible HTML page (``agenda DATE -o papers.html``)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from caseworker.services.casework.agenda_pdf import agenda_html, agenda_pdf, write_agenda
from caseworker.services.casework.common import CaseworkError
from caseworker.services.casework.views import AgendaItem, MeetingView
from tests.unit.html.structure import heading_levels, parse, problems

MEETING = MeetingView(
    id=None, meets_on=date(2025, 7, 8), cut_off=date(2025, 7, 1), window_start=date(2025, 6, 17)
)
ITEM = AgendaItem(
    kind="response",
    petition_id=619781,
    action="Call a <b>general</b> election\r\nnow",
    departments="DfE",
    signature_count=901_913,
    response_version_id=1,
    request_id=None,
    on=date(2025, 6, 20),
    label="new response for decision",
    latest_verdict=None,
    decision=None,
)


def test_the_agenda_page_is_sound_with_a_header_row() -> None:
    page = agenda_html(MEETING, [ITEM])
    assert problems(page) == []
    root = parse(page)
    assert heading_levels(root) == [(1, "Petitions Committee: meeting of 8 July 2025")]
    headers = [(th.text(), th.attrs["scope"]) for th in root.find_all("th")]
    assert headers[:2] == [("No.", "col"), ("Petition", "col")]
    cells = [td.text() for td in root.find_all("td")]
    assert "619781: Call a <b>general</b> election now" in cells
    # The title paragraph is the h1, not said twice.
    assert root.find_all("main")[0].text().count("meeting of 8 July 2025") == 1


def test_an_empty_agenda_says_so() -> None:
    root = parse(agenda_html(MEETING, []))
    assert "Nothing for the Committee to decide." in root.text()
    assert root.find_all("table") == []


def test_write_agenda_chooses_by_the_suffix(tmp_path: Path) -> None:
    write_agenda(MEETING, [ITEM], tmp_path / "papers.html")
    write_agenda(MEETING, [ITEM], tmp_path / "papers.pdf")
    assert problems((tmp_path / "papers.html").read_text(encoding="utf-8")) == []
    assert (tmp_path / "papers.pdf").read_bytes().startswith(b"%PDF")
    with pytest.raises(CaseworkError, match=r"must end in \.pdf or \.html"):
        write_agenda(MEETING, [ITEM], tmp_path / "papers.docx")


def test_the_agenda_pdf_carries_xmp_metadata(tmp_path: Path) -> None:
    path = tmp_path / "papers.pdf"
    path.write_bytes(agenda_pdf(MEETING, [ITEM]))
    xmp = PdfReader(path).xmp_metadata
    assert xmp is not None
    assert xmp.dc_title == {"x-default": "Petitions Committee: meeting of 8 July 2025"}
    assert xmp.dc_language == ["en-GB"]
