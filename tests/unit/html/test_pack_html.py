"""The HTML edition of real, awkward and demo briefing packs, parsed back and checked."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from reportlab.platypus import KeepTogether, ListFlowable, ListItem, Paragraph, Table

from caseworker.briefing import BriefingPack
from caseworker.briefing.html_edition import pack_html, write_pack_html
from caseworker.briefing.render import story
from caseworker.html.markup import plain_text
from caseworker.pdf.document import Heading
from caseworker.services.briefing import BriefingService
from tests.unit.briefing.captures import HOSTILE_TITLE
from tests.unit.html.conftest import REAL
from tests.unit.html.structure import heading_levels, parse, problems, section_headings


def _words(text: str) -> str:
    return " ".join(text.split())


def paragraphs_in(flowables: list[Any]) -> Iterator[Paragraph]:
    """Every paragraph in a story, inside tables, lists and kept-together groups too."""
    for f in flowables:
        if isinstance(f, Paragraph):
            yield f
        elif isinstance(f, Table):
            for row in f._cellvalues:
                for cell in row:
                    yield from paragraphs_in(
                        list(cell) if isinstance(cell, (list, tuple)) else [cell]
                    )
        elif isinstance(f, KeepTogether):
            yield from paragraphs_in(list(f._content))
        elif isinstance(f, (ListFlowable, ListItem)):
            yield from paragraphs_in(list(f._flowables))


def check_pack(pack: BriefingPack) -> str:
    page = pack_html(pack)
    assert problems(page) == []
    text = _words(parse(page).text())
    missing = [
        plain_text(p.text)
        for p in paragraphs_in(story(pack))
        if plain_text(p.text) not in text and plain_text(p.text) != "Contents"
    ]
    assert missing == [], "paragraphs of the PDF missing from the HTML"
    return page


def test_the_awkward_pack_is_sound_and_loses_no_words(capture_service: BriefingService) -> None:
    check_pack(capture_service.load_pack([700001]))


def test_a_grouped_pack_is_sound(capture_service: BriefingService) -> None:
    page = check_pack(capture_service.load_pack([700002, 700003]))
    levels = [level for level, _text in heading_levels(parse(page))]
    assert 4 in levels  # grouped: part (h2), section (h3), sub-section (h4)


@pytest.mark.parametrize("petition", sorted(REAL))
def test_packs_of_real_captures_are_sound(real_service: BriefingService, petition: int) -> None:
    check_pack(real_service.load_pack([petition]))


def test_a_demo_pack_is_sound(demo_pack: BriefingPack) -> None:
    check_pack(demo_pack)


def test_headings_follow_the_pdf_outline(capture_service: BriefingService) -> None:
    pack = capture_service.load_pack([700001])
    expected = [
        (2 + f.level, _words(plain_text(f.text)))
        for f in _flattened(story(pack))
        if isinstance(f, Heading)
    ]
    root = parse(pack_html(pack))
    levels = heading_levels(root)
    assert levels[0][0] == 1 and levels[0][1].startswith("Debate briefing:")
    assert section_headings(root) == expected


def _flattened(flowables: list[Any]) -> list[Any]:
    """Flowables in reading order, those kept together (a heading with its table) opened."""
    out: list[Any] = []
    for f in flowables:
        inner = getattr(f, "_content", None)
        out += _flattened(list(inner)) if isinstance(f, KeepTogether) and inner else [f]
    return out


def test_headings_in_heading_styles_sit_below_their_section(
    capture_service: BriefingService,
) -> None:
    levels = heading_levels(parse(pack_html(capture_service.load_pack([700001]))))
    asks = next(i for i, (_lv, text) in enumerate(levels) if text.startswith("The petition asks"))
    assert levels[asks - 1 : asks + 1] == [(2, "1 Summary"), (3, levels[asks][1])]


def test_site_markup_is_shown_as_text(capture_service: BriefingService) -> None:
    page = pack_html(capture_service.load_pack([700001]))
    assert "&lt;b&gt;Ban &amp;" in page
    assert "<b>Ban" not in page and "</para>" not in page
    assert HOSTILE_TITLE in parse(page).text()


def test_the_contents_link_every_numbered_section(capture_service: BriefingService) -> None:
    root = parse(pack_html(capture_service.load_pack([700001])))
    nav = root.find_all("nav")
    assert len(nav) == 1
    links = [(a.attrs["href"], a.text()) for a in nav[0].find_all("a")]
    assert [text for _href, text in links][:2] == ["1 Summary", "2 The petition"]
    targets = {n.attrs.get("id"): n.text() for n in root.walk() if n.tag in {"h2", "h3"}}
    assert all(targets.get(href[1:]) == text for href, text in links)


def test_charts_are_inline_svg_with_their_numbers(capture_service: BriefingService) -> None:
    root = parse(pack_html(capture_service.load_pack([700001])))
    charts = root.find_all("svg")
    assert len(charts) >= 2
    for svg in charts:
        assert svg.attrs["role"] == "img"
        title = svg.find_all("title")[0]
        assert title.attrs["id"] == svg.attrs["aria-labelledby"] and title.text()
    # Each chart's ids are its own: one chart's clip path must not clip the next.
    ids = [n.attrs["id"] for svg in charts for n in svg.walk() if "id" in n.attrs]
    assert len(ids) == len(set(ids))


def test_the_table_beside_a_chart_is_shown_once(capture_service: BriefingService) -> None:
    root = parse(pack_html(capture_service.load_pack([700001])))
    first_cells = [t.find_all("tr")[1].text() for t in root.find_all("table")]
    regions = [cells for cells in first_cells if cells.startswith("Wales")]
    assert len(regions) == 1


def test_links_are_links_and_only_to_the_web(capture_service: BriefingService) -> None:
    root = parse(pack_html(capture_service.load_pack([700001])))
    hrefs = [a.attrs["href"] for a in root.find_all("a")]
    assert "https://hansard.parliament.uk/commons/2025-07-07/debates/AAA/BanBar" in hrefs
    assert all(h.startswith(("#", "https://", "http://", "mailto:")) for h in hrefs)


def test_write_pack_html_writes_utf8(capture_service: BriefingService, tmp_path: Path) -> None:
    pack = capture_service.load_pack([700001])
    path = tmp_path / "pack.html"
    write_pack_html(pack, path)
    page = path.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Ynys Môn" in page
    assert [p.name for p in tmp_path.iterdir()] == ["pack.html"]
