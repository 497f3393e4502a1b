"""Related activity ("other parliamentary business"): the site's updates to signatories read
as headings, paragraphs, lists and addresses, boilerplate left out, and printed with
clickable addresses broken at sensible points."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from caseworker.briefing import PackOptions, Section, assemble_pack, write_pack
from caseworker.briefing.activity import ActivityBlock, parse_activity
from caseworker.briefing.blocks import URL, break_url, linked_text
from caseworker.briefing.texts import after_debate
from caseworker.pdf import styles as s
from caseworker.services.briefing import BriefingService
from caseworker.services.dto import BusinessView
from caseworker.storage.engine import Database, open_database
from tests.unit.briefing.captures import populate_real
from tests.unit.briefing.conftest import text_of

NBSP = "\N{NO-BREAK SPACE}"

#: An update as the site wrote them before November 2025: a paragraph a line, non-breaking
#: spaces for blank lines, sub-headings as short lines, and the usual closing explanations.
OLD_STYLE = (
    "MPs on the Environmental Audit Committee have published a report on biodiversity. \n"
    f"{NBSP}\n"
    "Read the report:\n"
    "https://publications.parliament.uk/pa/cm5802/cmselect/cmenvaud/674/67402.htm\n"
    "The committee also called on the Government to:\n"
    "    - Set an environmental footprint target.\n"
    "    - Conduct sustainability impact assessments.\n"
    "The response covers recommendations on:\n"
    f"Transport infrastructure and nature recovery{NBSP} \n"
    "Homes and energy efficiency \n"
    "What happens next?\n"
    "The Government must respond within two months: https://committees.parliament.uk/x/.\n"
    "What is the Environmental Audit Committee?\n"
    "The Environmental Audit Committee looks at how the Government:\n"
    f"·{NBSP * 8} protects the environment\n"
    "Follow the Committee on Twitter for updates on its work:\n"
    "https://twitter.com/CommonsEAC\n"
    "Get involved in the work of the UK Parliament\n"
    "Sign up to the Your UK Parliament newsletter (https://parliament.example/subscribe?u=1)\n"
)

#: The format since November 2025: underlined headings, "*" and "1." lists, numbered links.
NEW_STYLE = (
    "MPs debated the petition on Monday 7 July.\r\n\r\n"
    "Watch the debate[1] or read the transcript[2].\r\n\r\n"
    "Next steps\r\n----------\r\n\r\n"
    "* The Government will reply to the Committee\r\n"
    "* The Committee will write to you again\r\n\r\n"
    "1. First point of the debate\r\n"
    "2. Second point\r\n\r\n"
    "[1]: https://parliamentlive.tv/Event/Index/abc\r\n"
    "[2]: https://hansard.parliament.uk/commons/2025-07-07/debates/AAA/Buses\r\n"
)


@pytest.fixture(scope="module")
def real_db(tmp_path_factory: pytest.TempPathFactory, shared_data: Path) -> Iterator[Database]:
    db = open_database(str(tmp_path_factory.mktemp("real") / "real.sqlite3"))
    populate_real(db, shared_data)
    yield db
    db.dispose()


@pytest.fixture(scope="module")
def real_pack(real_db: Database, tmp_path_factory: pytest.TempPathFactory) -> PdfReader:
    service = BriefingService(real_db, today=lambda: date(2026, 12, 1))
    path = tmp_path_factory.mktemp("packs") / "584632.pdf"
    service.write_pack([584632], path)
    return PdfReader(path)


def kinds(blocks: tuple[ActivityBlock, ...]) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in blocks]


def test_old_style_updates_have_headings_lists_and_addresses_with_their_lead_in() -> None:
    parsed = parse_activity(OLD_STYLE)
    blocks = kinds(parsed.blocks)
    assert blocks[0] == (
        "paragraph",
        "MPs on the Environmental Audit Committee have published a report on biodiversity.",
    )
    assert blocks[1] == (
        "paragraph",
        "Read the report:\n"
        "https://publications.parliament.uk/pa/cm5802/cmselect/cmenvaud/674/67402.htm",
    )
    assert ("item", "Set an environmental footprint target.") in blocks
    assert ("item", "Transport infrastructure and nature recovery") in blocks
    assert ("item", "Homes and energy efficiency") in blocks
    assert ("heading", "What happens next?") in blocks
    # Short lines after "on:" are a list, not headings.
    assert not any(kind == "heading" and "Homes" in text for kind, text in blocks)


def test_standard_explanations_and_newsletter_lines_are_left_out_and_listed() -> None:
    parsed = parse_activity(OLD_STYLE)
    text = " ".join(b.text for b in parsed.blocks)
    for boilerplate in (
        "What is the Environmental Audit Committee?",
        "protects the environment",
        "Twitter",
        "newsletter",
        "Get involved",
    ):
        assert boilerplate not in text
    assert parsed.left_out[0] == "What is the Environmental Audit Committee?"
    # The update's own content after a heading survives.
    assert parsed.blocks[-1].text.startswith("The Government must respond within two months")


@pytest.mark.parametrize(
    "heading",
    [
        "What is the Government doing to ensure that everyone is getting the right information?",
        "What is the Committee looking at?",
        "What is the status of marine mammal populations?",
    ],
)
def test_questions_that_are_content_are_kept(heading: str) -> None:
    parsed = parse_activity(f"Intro line.\n{heading}\nThe answer, in a full sentence.\n")
    assert ("heading", heading) in kinds(parsed.blocks)
    assert parsed.left_out == ()


def test_new_style_updates_have_underlined_headings_lists_and_numbered_links() -> None:
    parsed = parse_activity(NEW_STYLE)
    blocks = kinds(parsed.blocks)
    assert ("heading", "Next steps") in blocks
    assert ("item", "The Government will reply to the Committee") in blocks
    items = [b for b in parsed.blocks if b.kind == "item"]
    assert [b.marker for b in items] == ["•", "•", "1.", "2."]
    assert parsed.footnotes == (
        ("1", "https://parliamentlive.tv/Event/Index/abc"),
        ("2", "https://hansard.parliament.uk/commons/2025-07-07/debates/AAA/Buses"),
    )
    assert not any("[1]:" in text for _kind, text in blocks)


def test_only_web_addresses_become_links_and_markup_stays_literal() -> None:
    style = s.styles().body
    markup = linked_text(
        "See javascript:alert(1) or ftp://files.example/x & <b>this</b>: "
        "https://example.org/a?b=1&c=2.",
        style,
    )
    assert markup.count("<a href=") == 1
    assert 'href="https://example.org/a?b=1&amp;c=2"' in markup
    assert "javascript:alert(1)" in markup and "ftp://files.example/x" in markup
    assert "&lt;b&gt;this&lt;/b&gt;" in markup
    # The sentence's full stop is not part of the address.
    assert markup.endswith("</a>.")


def test_an_address_in_brackets_keeps_its_own_brackets_only() -> None:
    url = "https://hansard.parliament.uk/commons/2021-11-19/debates/C2D5/GlueTraps(Offences)Bill"
    markup = linked_text(f"Watch the debate ({url})\nThen more", s.styles().body)
    assert f'href="{url}"' in markup
    assert "Watch the debate<br/>" in markup
    assert "</a><br/>Then more" in markup


def test_long_addresses_break_after_slashes_dots_and_hyphens_within_the_width() -> None:
    url = (
        "https://www.ukparliamentweek.org/en/blog/tell-the-climate-assembly-what-your-group-"
        "thinks-about-their-recommendations/"
    )
    style = s.styles().body
    width = 200.0
    lines = break_url(url, width, style.fontName, style.fontSize)
    assert "".join(lines) == url
    assert len(lines) > 2
    assert all(stringWidth(line, style.fontName, style.fontSize) <= width for line in lines)
    assert all(line[-1] in "/.-?&=_#" for line in lines[:-1])


def test_a_piece_longer_than_a_line_is_cut_rather_than_overflowing() -> None:
    url = "https://example.org/" + "x" * 200
    style = s.styles().body
    lines = break_url(url, 100.0, style.fontName, style.fontSize)
    assert "".join(lines) == url
    assert all(stringWidth(line, style.fontName, style.fontSize) <= 100.0 for line in lines)


def item(day: date | None, created: datetime | None = None) -> BusinessView:
    return BusinessView("Subject", "Body", day, created, created, False)


def test_items_after_the_debate_day_are_marked_by_their_activity_date() -> None:
    debate = date(2021, 6, 14)
    assert after_debate(item(date(2021, 6, 15)), debate)
    assert not after_debate(item(date(2021, 6, 14)), debate)
    assert not after_debate(item(date(2021, 6, 15)), None)
    # Before occurred_on existed, the day it was posted stands in (a London day).
    late_evening = datetime(2021, 6, 14, 23, 30, tzinfo=UTC)  # 15 June in London (BST)
    assert after_debate(item(None, late_evening), debate)


def real_business_bodies(shared_data: Path) -> list[str]:
    bodies: dict[str, None] = {}
    for path in sorted((shared_data / "mysociety-2020-2022" / "single").glob("*.json")):
        attributes = json.loads(path.read_text())["data"]["attributes"]
        for entry in attributes.get("other_parliamentary_business") or []:
            if "original government response" not in entry["subject"].lower():
                bodies[entry["body"]] = None
    return list(bodies)


def test_every_real_update_keeps_its_own_addresses_and_loses_its_boilerplate(
    shared_data: Path,
) -> None:
    bodies = real_business_bodies(shared_data)
    assert len(bodies) > 100
    for body in bodies:
        parsed = parse_activity(body)
        kept = "\n".join(b.text for b in parsed.blocks)
        assert parsed.blocks, body[:80]
        assert "newsletter" not in kept.lower()
        assert "on twitter" not in kept.lower()
        assert "find out how select committees work" not in kept.lower()
        assert all(b.text.strip() for b in parsed.blocks)
        # Every address is either kept or was in a line left out on purpose.
        for url in URL.findall(body):
            assert url.rstrip(".,)") in kept or any(
                url.rstrip(".,)") in line for line in parsed.left_out
            ), url


def test_real_updates_print_as_dated_items_with_whole_clickable_addresses(
    real_pack: PdfReader,
) -> None:
    """584632 (football governance): five updates, three of them after the 14 June debate."""
    text = text_of(real_pack)
    assert "Share your views on the governance of football with MPs" in text
    assert "28 May 2021" in text
    assert text.count("(after the debate)") == 4  # three headings and the intro's explanation
    assert "AFTER THE DEBATE OF 14 JUNE 2021" in text
    assert "What are Westminster Hall debates?" not in text
    uris = {
        annotation["/A"]["/URI"]
        for page in real_pack.pages
        for annotation in (a.get_object() for a in page.get("/Annots") or [])
        if "/A" in annotation
    }
    assert "https://www.smartsurvey.co.uk/s/KTPB3R/" in uris
    assert (
        "https://hansard.parliament.uk/commons/2021-06-14/debates/21061454000001/FootballGovernance"
        in uris
    )


def test_address_lines_in_the_pdf_end_at_a_break_point(real_pack: PdfReader) -> None:
    """pdftotext-style check: a line that continues an address on the next line ends just
    after / . - ? & = _ or #, never in the middle of a word."""
    lines = [
        line.strip()
        for page in real_pack.pages
        for line in (page.extract_text() or "").splitlines()
        if line.strip()
    ]
    for line, following in zip(lines, lines[1:], strict=False):
        continued = " " not in following and following[:1].islower()
        if line.startswith("https://") and continued:
            assert line[-1] in "/.-?&=_#", (line, following)


def test_a_long_update_starts_below_a_short_one_instead_of_on_a_new_page(
    service: BriefingService, tmp_path: Path
) -> None:
    """A heading bound to a page-long body would carry both to the next page and leave the
    rest of this one empty; the heading is kept with the first lines only."""
    detail = service.load_pack([700001]).petitions[0]
    sentence = "The Committee took evidence on licensing hours from councils and landlords. "
    long_body = "\n".join(sentence * 3 for _ in range(60))
    posted = datetime(2025, 5, 1, 10, tzinfo=UTC)
    items = (
        BusinessView(
            "A short update", "One line of news.", date(2025, 5, 1), posted, posted, False
        ),
        BusinessView("A long update", long_body, date(2025, 5, 2), posted, posted, False),
    )
    detail = replace(detail, other_parliamentary_business=items)
    options = PackOptions(sections=frozenset({Section.BUSINESS}))
    path = tmp_path / "long.pdf"
    write_pack(assemble_pack([detail], options, today=date(2025, 7, 1)), path)
    reader = PdfReader(path)
    first_body_page = reader.pages[1].extract_text() or ""
    assert "A short update" in first_body_page
    assert "A long update" in first_body_page
    assert "The Committee took evidence" in first_body_page
