"""html_document on small stories: every kind of flowable, and the faults it refuses."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.graphics.shapes import Drawing, Rect
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    HRFlowable,
    KeepTogether,
    ListFlowable,
    ListItem,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from caseworker.html import (
    TableWithoutHeaders,
    UndescribedChart,
    UnsupportedFlowable,
    html_document,
    write_html,
)
from caseworker.pdf.document import DocumentInfo, Heading, PageTotal
from caseworker.pdf.semantics import describe, mark_layout, mark_table
from tests.unit.html.structure import heading_levels, parse, problems

INFO = DocumentInfo(
    title="A & B",
    subject="What it is about",
    author="House of Commons Petitions Committee",
    reference="REF-1",
    header_left="A",
    keywords=("one", "two"),
    handling="OFFICIAL",
)
STYLES = getSampleStyleSheet()


def body(page: str) -> str:
    return page.split("<main>", 1)[1].split("</main>", 1)[0]


def heading(text: str, level: int, key: str, listed: bool = True) -> Heading:
    return Heading(text, STYLES["Heading2"], level=level, key=key, in_contents=listed)


def chart() -> Drawing:
    drawing = Drawing(100, 50)
    drawing.add(Rect(0, 0, 40, 20))
    return drawing


def test_the_page_says_what_it_is() -> None:
    root = parse(html_document([], INFO))
    assert root.find_all("html")[0].attrs["lang"] == "en-GB"
    assert root.find_all("title")[0].text() == "A & B"
    meta = {m.attrs.get("name"): m.attrs.get("content") for m in root.find_all("meta")}
    assert meta["description"] == "What it is about"
    assert meta["author"] == "House of Commons Petitions Committee"
    assert meta["keywords"] == "one, two"
    assert heading_levels(root) == [(1, "A & B")]
    assert "REF-1" in root.find_all("footer")[0].text()
    assert [p.text() for p in root.find_all("p") if p.attrs.get("class") == "handling"] == [
        "OFFICIAL",
        "OFFICIAL",
    ]


def test_language_comes_from_the_document() -> None:
    from dataclasses import replace

    assert '<html lang="cy">' in html_document([], replace(INFO, language="cy"))


def test_page_furniture_is_left_out() -> None:
    story = [
        Spacer(1, 10),
        PageBreak(),
        CondPageBreak(30),
        NextPageTemplate("body"),
        HRFlowable(),
        PageTotal(),
    ]
    assert body(html_document(story, INFO)).strip() == "<h1>A &amp; B</h1>"


def test_headings_take_their_level_below_the_title_and_unique_ids() -> None:
    story = [heading("One", 0, "k"), heading("Two", 1, "k"), heading("Three", 2, "k", False)]
    root = parse(html_document(story, INFO))
    assert heading_levels(root) == [(1, "A & B"), (2, "One"), (3, "Two"), (4, "Three")]
    ids = [n.attrs["id"] for n in root.walk() if n.tag in {"h2", "h3", "h4"}]
    assert len(set(ids)) == 3


def test_the_contents_list_becomes_a_nav_of_the_listed_headings() -> None:
    story = [
        Paragraph("Contents", STYLES["Heading2"]),
        TableOfContents(),
        heading("One", 0, "a"),
        heading("One point one", 1, "b"),
        heading("Not listed", 1, "c", listed=False),
        heading("Two", 0, "d"),
    ]
    page = html_document(story, INFO)
    assert problems(page) == []
    nav = parse(page).find_all("nav")[0]
    assert [a.text() for a in nav.find_all("a")] == ["One", "One point one", "Two"]
    assert len(nav.find_all("ul")) == 2  # One point one is nested under One
    assert "Contents" not in [p.text() for p in parse(page).find_all("p")]


def test_lists_and_kept_together_groups() -> None:
    story = [
        KeepTogether([Paragraph("kept", STYLES["Normal"])]),
        ListFlowable(
            [ListItem(Paragraph("first", STYLES["Normal"])), Paragraph("second", STYLES["Normal"])],
            bulletType="bullet",
        ),
        ListFlowable([Paragraph("one", STYLES["Normal"])], bulletType="1"),
    ]
    root = parse(html_document(story, INFO))
    assert [li.text() for li in root.find_all("ul")[0].find_all("li")] == ["first", "second"]
    assert [li.text() for li in root.find_all("ol")[0].find_all("li")] == ["one"]
    assert "kept" in root.text()


def test_a_ruled_table_has_a_header_row() -> None:
    table = Table([["Name", "Signatures"], ["Wales", "65,000"]])
    table.setStyle(
        TableStyle(
            [("FONT", (0, 0), (-1, 0), "Helvetica-Bold"), ("ALIGN", (1, 0), (1, -1), "RIGHT")]
        )
    )
    root = parse(html_document([table], INFO))
    assert [(th.text(), th.attrs["scope"]) for th in root.find_all("th")] == [
        ("Name", "col"),
        ("Signatures", "col"),
    ]
    assert root.find_all("td")[1].attrs.get("class") == "num"


def test_a_facts_table_has_row_headers() -> None:
    bold, normal = STYLES["Heading4"], STYLES["Normal"]
    bold.fontName = "Helvetica-Bold"
    rows = [
        [Paragraph("Debate", bold), Paragraph("Monday", normal)],
        [Paragraph("Member", bold), Paragraph("Jane", normal)],
    ]
    root = parse(html_document([Table(rows)], INFO))
    assert [(th.text(), th.attrs["scope"]) for th in root.find_all("th")] == [
        ("Debate", "row"),
        ("Member", "row"),
    ]


def test_a_table_without_header_cells_is_refused_until_marked() -> None:
    table = Table([["a", "b"], ["c", "d"]])
    with pytest.raises(TableWithoutHeaders, match="mark_table"):
        html_document([table], INFO)
    mark_table(table, header_rows=1)
    assert [th.text() for th in parse(html_document([table], INFO)).find_all("th")] == ["a", "b"]


def test_a_layout_table_is_unwrapped_in_reading_order() -> None:
    marked = mark_layout(
        Table([[Paragraph("left", STYLES["Normal"]), Paragraph("right", STYLES["Normal"])]])
    )
    boxed = Table([[[Paragraph("in a box", STYLES["Normal"]), Paragraph("too", STYLES["Normal"])]]])
    root = parse(html_document([marked, boxed], INFO))
    assert root.find_all("table") == []
    assert [p.text() for p in root.find_all("main")[0].find_all("p")] == [
        "left",
        "right",
        "in a box",
        "too",
    ]


def test_a_chart_is_svg_named_by_its_alternative_then_its_numbers() -> None:
    drawing = describe(
        chart(),
        "Wales leads",
        headers=["Nation", "Signatures"],
        rows=[["Wales", "65,000"]],
        caption="Signatures by nation.",
    )
    page = html_document([drawing, Paragraph("Signatures by nation.", STYLES["Normal"])], INFO)
    assert problems(page) == []
    root = parse(page)
    svg = root.find_all("svg")[0]
    assert svg.attrs["role"] == "img"
    assert svg.find_all("title")[0].text() == "Wales leads"
    figure = root.find_all("figure")[0]
    assert [t.tag for t in figure.children] == ["svg", "table", "figcaption"]
    assert [th.text() for th in figure.find_all("th")] == ["Nation", "Signatures", "Wales"]
    assert page.count("Signatures by nation.") == 1  # the note repeating the caption goes


def test_a_chart_beside_the_same_numbers_shows_them_once() -> None:
    drawing = describe(
        chart(), "Wales leads", headers=["Nation", "Signatures"], rows=[["Wales", "65,000"]]
    )
    table = Table([["Nation", "Signatures"], ["Wales", "65,000"]])
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, 0), "Helvetica-Bold")]))
    page = html_document([Table([[drawing, table]])], INFO)
    assert problems(page) == []
    assert len(parse(page).find_all("table")) == 1


def test_a_chart_without_a_description_is_refused() -> None:
    with pytest.raises(UndescribedChart, match="describe"):
        html_document([Table([[chart(), Paragraph("x", STYLES["Normal"])]])], INFO)


def test_an_unknown_flowable_is_refused_unless_it_speaks_html() -> None:
    class Stamp(Flowable):  # type: ignore[misc]
        pass

    class Speaking(Flowable):  # type: ignore[misc]
        def to_html(self) -> str:
            return "<p>says itself</p>"

    with pytest.raises(UnsupportedFlowable, match="Stamp"):
        html_document([Stamp()], INFO)
    assert "<p>says itself</p>" in html_document([Speaking()], INFO)


def test_write_html_keeps_the_old_file_when_the_document_is_faulty(tmp_path: Path) -> None:
    path = tmp_path / "pack.html"
    write_html([Paragraph("first", STYLES["Normal"])], INFO, path)
    assert "first" in path.read_text(encoding="utf-8")
    with pytest.raises(UndescribedChart):
        write_html([chart()], INFO, path)
    assert "first" in path.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["pack.html"]


def test_bulleted_paragraphs_become_lists() -> None:
    normal = STYLES["Normal"]
    story = [
        Paragraph("Recommendations:", normal),
        Paragraph("Plant trees", normal, bulletText="•"),
        Paragraph("Count birds", normal, bulletText="•"),
        Paragraph("Links in this update", normal),
        Paragraph(
            '<link href="https://a.example/">https://a.example/</link>', normal, bulletText="[1]"
        ),
        Paragraph("https://b.example/", normal, bulletText="[2]"),
    ]
    root = parse(html_document(story, INFO))
    assert [li.text() for li in root.find_all("ul")[0].find_all("li")] == [
        "Plant trees",
        "Count birds",
    ]
    ordered = root.find_all("ol")[0]
    assert [li.text() for li in ordered.find_all("li")] == [
        "[1] https://a.example/",
        "[2] https://b.example/",
    ]
    assert [p.text() for p in root.find_all("main")[0].find_all("p")] == [
        "Recommendations:",
        "Links in this update",
    ]
