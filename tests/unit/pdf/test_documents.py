"""Line breaks the site or a clerk sends print as breaks in letters and agendas too (packs:
test_real_packs.py), with no "�"."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from caseworker.letters.compose import Letter
from caseworker.letters.pdf import letter_pdf
from caseworker.letters.templates import LetterKind
from caseworker.pdf.text import REPLACEMENT
from caseworker.services.casework.agenda_pdf import agenda_pdf
from caseworker.services.casework.views import AgendaItem, MeetingView
from tests.unit.pdf.extract import lines_of, pdftotext


def extracted(tmp_path: Path, name: str, pdf: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(pdf)
    return pdftotext(path)


def test_a_letter_prints_every_kind_of_line_break(tmp_path: Path) -> None:
    letter = Letter(
        kind=LetterKind.REVISION_REQUEST,
        petition_id=619781,
        reference="PC-RR-619781",
        dated=date(2025, 7, 1),
        to="Secretary of State\r\nCabinet Office",
        subject="Petition 619781\r\n",
        body=(
            "Dear Secretary of State,\r\n\r\n"
            "The response does not address the petition.\rIt should say when.\u2028"
            "And by how much.\u2029Yours sincerely,"
        ),
        signatory="Catherine McKinnell MP",
        signatory_title="Chair",
    )
    text = extracted(tmp_path, "letter.pdf", letter_pdf(letter))

    assert REPLACEMENT not in text
    lines = lines_of(text)
    for line in (
        "Secretary of State",
        "Cabinet Office",
        "The response does not address the petition.",
        "It should say when.",
        "And by how much.",
        "Yours sincerely,",
    ):
        assert line in lines


def test_an_agenda_prints_line_breaks_in_its_cells(tmp_path: Path) -> None:
    meeting = MeetingView(
        id=None, meets_on=date(2025, 7, 8), cut_off=date(2025, 7, 1), window_start=date(2025, 6, 17)
    )
    item = AgendaItem(
        kind="response",
        petition_id=619781,
        action="Call a general election\r\nnow",
        departments="DfE\r\nDfT",
        signature_count=901_913,
        response_version_id=1,
        request_id=None,
        on=date(2025, 6, 20),
        label="new response\rfor decision",
        latest_verdict=None,
        decision=None,
    )
    text = extracted(tmp_path, "agenda.pdf", agenda_pdf(meeting, [item]))

    assert REPLACEMENT not in text
    lines = lines_of(text)
    assert "619781: Call a general election now" in lines
    for line in ("DfE", "DfT", "new response", "for decision"):
        assert line in lines
