"""The pack read back from the PDF: what it says, how it is structured, what it embeds."""

from __future__ import annotations

import re

from pypdf import PdfReader

from caseworker.pdf.text import REPLACEMENT
from tests.unit.briefing.captures import (
    CJK,
    EMOJI,
    HOSTILE_TITLE,
    MEMBER,
    RESPONSE_SUMMARY,
)
from tests.unit.briefing.conftest import outline_titles, text_of


def test_the_numbers_are_formatted_as_on_the_site(hostile_pdf: PdfReader) -> None:
    text = text_of(hostile_pdf)
    assert "142,931 signatures" in text
    assert "10,000 on 10 February 2025; 100,000 on 20 April 2025" in text
    # The top constituency, with its MP, count and share, in the top-20 table and annex.
    assert re.search(r"1 Ynys Môn Llinos Medi MP 30,000 37\.5%", text)


def test_cover_names_the_debate_member_reference_and_data_date(hostile_pdf: PdfReader) -> None:
    cover = " ".join((hostile_pdf.pages[0].extract_text() or "").split())
    assert "Monday 7 July 2025, 4.30pm, Westminster Hall" in cover
    assert MEMBER in cover  # taken from the site's debate overview
    assert "PC-DB-20250707-700001" in cover
    assert "Prepared 1 July 2025" in cover
    assert "Signature data as at 6 July 2025, 11.59pm" in cover
    assert "Contents" in cover


def test_every_page_says_page_x_of_y_and_the_reference(hostile_pdf: PdfReader) -> None:
    total = len(hostile_pdf.pages)
    for number, page in enumerate(hostile_pdf.pages, start=1):
        text = page.extract_text() or ""
        assert f"Page {number} of {total}" in text
        assert "Ref. PC-DB-20250707-700001" in text


def test_markup_in_site_text_is_printed_literally(hostile_pdf: PdfReader) -> None:
    text = text_of(hostile_pdf)
    assert " ".join(HOSTILE_TITLE.split()) in text
    assert "Line one & <i>two</i> line three" in text
    assert "MPs discussed licensing & <hours>." in text


def test_welsh_letters_print_and_missing_glyphs_are_replaced(hostile_pdf: PdfReader) -> None:
    text = text_of(hostile_pdf)
    assert "Ynys Môn and Dwyfor Meirionnydd say ŵ and ŷ" in text
    assert EMOJI not in text and CJK not in text
    assert f"ŷ {REPLACEMENT} {REPLACEMENT}." in text


def test_the_response_and_the_member_seat_are_there(hostile_pdf: PdfReader) -> None:
    text = text_of(hostile_pdf)
    assert RESPONSE_SUMMARY in text
    assert "Bars are licensed by local authorities under the Licensing Act 2003." in text
    assert "Llinos Medi MP is the Member for Ynys Môn: 30,000 signatures, 1st of 6" in text


def test_sections_are_bookmarked_and_listed_in_the_contents(hostile_pdf: PdfReader) -> None:
    titles = outline_titles(hostile_pdf)
    top = [title for depth, title in titles if depth == 0]
    assert top == [
        "1 Summary",
        "2 The petition",
        "3 Signatures",
        "4 The Government response",
        "5 Other parliamentary business",
        "6 Links",
        "7 Members whose constituents signed most",
        "Annex A: signatures by constituency, e-petition 700001",
    ]
    assert (1, "Countries") in titles and (1, "UK nations and regions") in titles
    assert (1, "Map of signatures by constituency") in titles
    contents = " ".join((hostile_pdf.pages[0].extract_text() or "").split())
    for title in top:
        assert title in contents


def test_metadata_and_language(hostile_pdf: PdfReader) -> None:
    meta = hostile_pdf.metadata
    assert meta is not None
    assert meta.title == f"Debate briefing: {HOSTILE_TITLE}"
    assert meta.author == "House of Commons Petitions Committee"
    assert (
        meta.subject
        == "Briefing for the Westminster Hall debate on 7 July 2025 on e-petition 700001"
    )
    assert hostile_pdf.trailer["/Root"]["/Lang"] == "en-GB"


def test_every_font_is_embedded(hostile_pdf: PdfReader) -> None:
    fonts = {}
    for page in hostile_pdf.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            described = descendants[0].get_object() if descendants else font
            fonts[str(font["/BaseFont"])] = described.get("/FontDescriptor")
    assert fonts, "no fonts found"
    for name, descriptor in fonts.items():
        assert descriptor is not None, f"{name} is not embedded"
        assert "/FontFile2" in descriptor.get_object(), f"{name} has no embedded TrueType"
    assert any("DejaVuSerif" in name for name in fonts)
    assert not any("Helvetica" in name or "Times" in name for name in fonts)


def test_links_are_printed_in_full_and_clickable(hostile_pdf: PdfReader) -> None:
    text = text_of(hostile_pdf)
    assert "https://hansard.parliament.uk/commons/2025-07-07/debates/AAA/BanBar" in text
    uris = {
        annotation.get_object()["/A"].get("/URI")
        for page in hostile_pdf.pages
        for annotation in page.get("/Annots") or []
        if "/A" in annotation.get_object()
    }
    assert "https://petition.parliament.uk/petitions/700001" in uris
