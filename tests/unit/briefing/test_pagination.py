"""Pagination: no blank page before an annex, headings never alone at a page foot yet not
dragging a long body to the next page, and no single line of a paragraph left alone."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer

from caseworker.briefing import Section
from caseworker.briefing.blocks import Outline, side_by_side
from caseworker.briefing.charts import horizontal_bars
from caseworker.briefing.model import PackOptions
from caseworker.briefing.render import keep_headings
from caseworker.pdf import styles as s
from caseworker.pdf.document import DocumentInfo, ParliamentaryDocument
from caseworker.services.briefing import BriefingService

INFO = DocumentInfo(title="t", subject="s", author="a", reference="REF", header_left="h")


def words(n: int, tag: str) -> str:
    """A paragraph of ``n`` numbered words, so each line can be told apart."""
    return " ".join(f"{tag}{i}" for i in range(n))


def lines_of_body(n: int) -> float:
    return n * s.styles().body.leading


def render(story: list[Flowable], path: Path) -> list[str]:
    ParliamentaryDocument(path, INFO).render(keep_headings(story))
    return [page.extract_text() or "" for page in PdfReader(path).pages]


def heading(text: str, level: int = 0) -> Paragraph:
    return Outline().heading(text, level)


# The story pass --------------------------------------------------------------------------


def test_a_heading_over_text_asks_for_room_for_itself_and_a_few_lines() -> None:
    title = heading("Background")
    body = Paragraph(words(400, "w"), s.styles().body)
    out = keep_headings([title, body])
    assert isinstance(out[0], CondPageBreak) and out[1:] == [title, body]
    assert not title.getKeepWithNext()
    own = title.wrap(s.FRAME_WIDTH, s.FRAME_HEIGHT)[1] + title.getSpaceBefore()
    assert own + lines_of_body(2) < out[0].height < own + lines_of_body(5)


def test_a_heading_over_a_chart_stays_bound_to_it() -> None:
    title = heading("Countries", 1)
    chart = horizontal_bars([("France", 10)], width=200, label_width=50)
    body = side_by_side(chart, Spacer(1, 10), 210, s.FRAME_WIDTH)
    assert keep_headings([title, body]) == [title, body]
    assert title.getKeepWithNext()


def test_a_run_of_headings_is_kept_together_by_one_break() -> None:
    section, sub = heading("3 Signatures"), heading("Top 20", 1)
    body = Paragraph(words(300, "w"), s.styles().body)
    out = keep_headings([section, sub, body])
    assert isinstance(out[0], CondPageBreak) and out[1:] == [section, sub, body]
    assert not section.getKeepWithNext() and not sub.getKeepWithNext()


# Laid out --------------------------------------------------------------------------------


def test_a_heading_is_never_alone_at_the_foot_of_a_page(tmp_path: Path) -> None:
    room = lines_of_body(2)  # the heading fits, its first lines do not
    story = [
        Spacer(1, s.FRAME_HEIGHT - room),
        heading("Alone"),
        Paragraph(words(200, "w"), s.styles().body),
    ]
    pages = render(story, tmp_path / "foot.pdf")
    assert "Alone" not in pages[0] and "Alone" in pages[1]


def test_a_long_body_starts_under_its_heading_on_a_half_empty_page(tmp_path: Path) -> None:
    # Half a page left, and a body that fits a page but not the half: with keepWithNext
    # the heading and the whole body would move on, leaving half a page empty.
    story = [
        Spacer(1, s.FRAME_HEIGHT / 2),
        heading("Half"),
        Paragraph(words(450, "w"), s.styles().body),
    ]
    pages = render(story, tmp_path / "half.pdf")
    assert "Half" in pages[0] and "w0 " in pages[0]


def test_no_single_line_at_the_foot_of_a_page(tmp_path: Path) -> None:
    body = s.styles().body
    story = [Spacer(1, s.FRAME_HEIGHT - lines_of_body(1) - 2), Paragraph(words(60, "o"), body)]
    pages = render(story, tmp_path / "orphan.pdf")
    assert "o0 " not in pages[0] and "o0 " in pages[1]


def test_no_single_line_at_the_top_of_a_page(tmp_path: Path) -> None:
    body = s.styles().body
    paragraph = Paragraph(words(100, "d"), body)
    height = paragraph.wrap(s.FRAME_WIDTH, s.FRAME_HEIGHT)[1]
    assert height >= lines_of_body(4)
    # Room for all but the last line: the last line would be a widow.
    room = height - body.leading + 1
    story = [Spacer(1, s.FRAME_HEIGHT - room), Paragraph(words(100, "d"), body)]
    pages = render(story, tmp_path / "widow.pdf")
    carried = [line for line in pages[1].splitlines() if line.startswith("d")]
    assert len(carried) >= 2, f"{len(carried)} line carried over"


def test_an_annex_after_the_contents_starts_on_the_next_page(
    service: BriefingService, tmp_path: Path
) -> None:
    path = tmp_path / "annex-only.pdf"
    service.write_pack([700001], path, PackOptions(sections=frozenset({Section.ANNEX})))
    pages = [page.extract_text() or "" for page in PdfReader(path).pages]
    assert len(pages) == 2
    assert "Annex A: signatures by constituency" in pages[1]
