"""The annex: every constituency in two columns a page, most signatures first, with the
Member's party and signatures per 1,000 electors instead of a share of the whole."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from caseworker import reference
from caseworker.briefing import Section, annex
from caseworker.briefing.blocks import Outline
from caseworker.briefing.html_edition import pack_html
from caseworker.briefing.model import PackOptions
from caseworker.importing.importer import import_paths
from caseworker.services.briefing import BriefingService
from caseworker.services.dto import CountView, PetitionDetail
from caseworker.storage.engine import Database, open_database
from tests.unit.briefing.conftest import PREPARED

REAL = "mysociety-2020-2022/single/584632.json"
#: The old annex: 55 rows a page, one table wide, took 12 pages for 650 constituencies.
OLD_ANNEX_PAGES = 12


@pytest.fixture(scope="module")
def real_service(
    shared_data: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[BriefingService]:
    db: Database = open_database(str(tmp_path_factory.mktemp("annex") / "real.sqlite3"))
    assert import_paths(db.engine, [shared_data / REAL]).failed == 0
    yield BriefingService(db, today=lambda: PREPARED)
    db.dispose()


@pytest.fixture(scope="module")
def real_annex_pdf(
    real_service: BriefingService, tmp_path_factory: pytest.TempPathFactory
) -> PdfReader:
    path = tmp_path_factory.mktemp("annex-pdf") / "annex.pdf"
    real_service.write_pack([584632], path, PackOptions(sections=frozenset({Section.ANNEX})))
    return PdfReader(path)


def annex_pages(reader: PdfReader) -> list[int]:
    """The pages from the annex's bookmark to the end."""
    mark = next(item for item in reader.outline if item.title.startswith("Annex A:"))
    return list(range(reader.get_destination_page_number(mark), len(reader.pages)))


def header_columns(reader: PdfReader, index: int) -> set[int]:
    """The x positions (rounded) where a table's "Rank" heading is printed on a page."""
    found: set[int] = set()

    def visit(text: str, cm: list, tm: list, _font: object, _size: float) -> None:
        if text.strip() == "Rank":  # the page position: the text matrix moved by the CTM
            found.add(round(tm[4] * cm[0] + tm[5] * cm[2] + cm[4]))

    reader.pages[index].extract_text(visitor_text=visit)
    return found


def test_the_real_annex_takes_two_columns_a_page(real_annex_pdf: PdfReader) -> None:
    pages = annex_pages(real_annex_pdf)
    assert len(pages) <= OLD_ANNEX_PAGES * 3 // 5, f"{len(pages)} annex pages"
    for index in pages:
        assert len(header_columns(real_annex_pdf, index)) == 2, f"page {index + 1}"


def test_every_constituency_is_printed_once_in_rank_order(real_annex_pdf: PdfReader) -> None:
    # Each cell is a line of its own: a rank is a whole number followed by a name (the
    # signatures, also whole numbers, are followed by the rate).
    lines: list[str] = []
    for index in annex_pages(real_annex_pdf):
        page = [line.strip() for line in real_annex_pdf.pages[index].extract_text().splitlines()]
        lines += page[page.index("Rank") :]  # the tables, not the heading above them
    numeric = re.compile(r"[\d,.–]+")
    ranks = [
        int(line)
        for line, following in zip(lines, lines[1:], strict=False)
        if line.isdigit() and not numeric.fullmatch(following)
    ]
    assert ranks == list(range(1, 651))


def test_the_annex_shows_party_and_rate_not_share(real_annex_pdf: PdfReader) -> None:
    text = " ".join(real_annex_pdf.pages[i].extract_text() for i in annex_pages(real_annex_pdf))
    text = " ".join(text.split())
    assert "Share" not in text and "%" not in text
    assert "Party" in text and "electors" in text
    top = "Stretford and Urmston"
    seat = reference.find_seat("", top, reference.BoundarySet.B2010)
    assert seat is not None and seat.electorate is not None
    rate = 1000 * 1888 / seat.electorate
    assert f"1 {top} {seat.party_short} 1,888 {rate:.1f}" in text
    assert "general election of 12 December 2019" in text


def test_rows_are_sorted_by_signatures_with_every_real_seat_found(
    real_service: BriefingService,
) -> None:
    petition = real_service.load_pack([584632]).petitions[0]
    rows = annex.annex_rows(petition)
    counts = [r.ranked.area.signature_count for r in rows]
    assert len(rows) == 650 and counts == sorted(counts, reverse=True)
    assert [r.ranked.rank for r in rows] == list(range(1, 651))
    assert all(r.seat is not None and r.rate is not None for r in rows)


def test_a_seat_the_reference_does_not_know_has_no_rate_and_the_note_says_so(
    service: BriefingService,
) -> None:
    petition: PetitionDetail = service.load_pack([700001]).petitions[0]
    unknown = CountView("Atlantis", "X99000001", 1, None)
    petition = replace(
        petition, signatures_by_constituency=(*petition.signatures_by_constituency, unknown)
    )
    rows = annex.annex_rows(petition)
    assert rows[-1].seat is None and rows[-1].rate is None
    table = annex.annex_table(rows)
    assert table._cellvalues[-1] == ["7", "Atlantis", "–", "1", "–"]
    story = annex.annex(petition, "A", "Llinos Medi MP", Outline())
    explanation = story[1].getPlainText()
    assert "The electorate of 1 of them is not known" in explanation
    assert "Ynys Môn, is in bold" in explanation


def test_the_html_edition_has_the_annex_as_one_table_of_every_seat(
    real_service: BriefingService,
) -> None:
    pack = real_service.load_pack([584632], PackOptions(sections=frozenset({Section.ANNEX})))
    annex_part = pack_html(pack).split("Annex A:")[-1]
    tables = annex_part.split("<table")[1:]
    assert len(tables) == 1
    assert tables[0].count("<tr") == 651  # the heading row and 650 constituencies
    assert "Stretford and Urmston" in tables[0] and "electors" in tables[0]
