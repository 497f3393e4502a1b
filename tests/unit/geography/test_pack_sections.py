"""The pack's map and Members sections, laid out by the real document class: what they print,
what the drawing holds, and what the HTML edition is told."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from pypdf import PdfReader
from reportlab.graphics.shapes import Circle, Drawing, Group
from reportlab.graphics.shapes import Path as DrawnPath
from reportlab.platypus import Flowable, Table

from caseworker import geography
from caseworker.briefing.blocks import Outline
from caseworker.briefing.maps import NUMBERED, hex_map, map_section
from caseworker.briefing.members import TITLE, members_section
from caseworker.geography import Measure
from caseworker.html import html_document
from caseworker.pdf.document import DocumentInfo, ParliamentaryDocument
from caseworker.pdf.semantics import figure_of
from caseworker.reference import BoundarySet
from caseworker.services.dto import PetitionDetail
from tests.unit.geography.builders import detail, row, seat_rows

INFO = DocumentInfo(
    title="Maps test pack", subject="Maps", author="Tests", reference="T1", header_left="Maps"
)


def pack(story: list[Flowable], path: Path) -> str:
    """``story`` under a top heading, written as PDF; its text, spaces made single."""
    document = ParliamentaryDocument(path, INFO)
    document.render(story)
    text = " ".join(page.extract_text() for page in PdfReader(path).pages)
    return " ".join(text.split())


def drawing_of(story: list[Flowable]) -> Drawing:
    table = next(f for f in story if isinstance(f, Table))
    cell = table._cellvalues[0][0]
    drawing = cell[0] if isinstance(cell, (list, tuple)) else cell
    assert isinstance(drawing, Drawing)
    return drawing


def closed_rings(drawing: Drawing) -> int:
    """Closed rings in the map's PDF layer (hexagons and dots), and the same in its shapes."""
    in_pdf = drawing.pdf_layer.count(" h")
    in_shapes = sum(path.operators.count(3) for path in shapes(drawing, DrawnPath))  # closePath
    assert in_pdf == in_shapes
    return int(in_pdf)


def shapes(drawing: Drawing | Group, kind: type) -> list:
    """The shapes of a kind in a drawing, inside its groups too."""
    found = []
    for shape in drawing.contents:
        if isinstance(shape, Group):
            found += shapes(shape, kind)
        elif isinstance(shape, kind):
            found.append(shape)
    return found


def test_real_map_page(real: dict[int, PetitionDetail], tmp_path: Path) -> None:
    petition = real[700143]
    outline = Outline()
    story = [outline.heading("Signatures", 0), *map_section(petition, outline, 0)]
    text = pack(story, tmp_path / "map.pdf")
    found = geography.petition_geography(petition)
    seat_classes = geography.classes([f.per_thousand for f in found.seats], Measure.RATE)
    assert "Map of signatures by constituency" in text
    for label in seat_classes.labels:
        assert label in text
    for figures in found.ranked(Measure.RATE)[:NUMBERED]:
        assert figures.name in text
    assert "strongest in" in text and "weakest in" in text
    drawing = drawing_of(story)
    assert closed_rings(drawing) == 650  # one hexagon a seat, every seat signed
    assert "S\nQ" in drawing.pdf_layer, "the nations are outlined (stroked, not filled)"


def test_the_map_is_described_for_the_html_edition(real: dict[int, PetitionDetail]) -> None:
    outline = Outline()
    story = [outline.heading("Signatures", 0), *map_section(real[131215], outline, 0)]
    figure = figure_of(drawing_of(story))
    assert figure is not None
    assert figure.alt.startswith("Hex map of the 650 2010–2024 constituencies")
    assert "Hornsey and Wood Green" in figure.alt
    assert figure.rows[-1][0].startswith("No signatures")
    assert sum(int(r[1].replace(",", "")) for r in figure.rows) == 650
    page = html_document(story, INFO)
    assert "<svg" in page and "Hex map of the 650" in page
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert svg.count("<path") >= 6  # the classes' hexes, the dots, the nations


def test_seats_without_signatures_are_dotted_and_unmatched_rows_said(tmp_path: Path) -> None:
    rows = seat_rows(BoundarySet.B2024, signatures=0)[:3]
    rows = [replace(r, signature_count=100 * (i + 1)) for i, r in enumerate(rows)]
    rows.append(row("Atlantis", "E14999999", 42))
    outline = Outline()
    story = [outline.heading("Signatures", 0), *map_section(detail(rows), outline, 0)]
    drawing = drawing_of(story)
    assert closed_rings(drawing) == 650 + 647  # the hexes, and a dot in each unsigned one
    assert len(shapes(drawing, Circle)) == 1  # the legend's "no signatures" swatch
    text = pack(story, tmp_path / "sparse.pdf")
    assert "1 row of the breakdown (42 signatures) matches no constituency and is not" in text
    assert "647 seats had no signatures" in text
    assert "Atlantis" in text


def test_no_breakdown_no_map(tmp_path: Path) -> None:
    outline = Outline()
    story = [outline.heading("Signatures", 0), *map_section(detail([]), outline, 0)]
    assert "there is no map" in pack(story, tmp_path / "none.pdf")


def test_count_map_when_no_electorate_is_known() -> None:
    found = geography.petition_geography(detail(seat_rows(BoundarySet.B2024, 5)))
    seat_classes = geography.classes([f.signatures for f in found.seats], Measure.COUNT)
    drawing = hex_map(found, Measure.COUNT, seat_classes, 200)
    assert drawing.width == 200 and drawing.height > 200


def test_members_section_real_debate_of_two(
    real: dict[int, PetitionDetail], tmp_path: Path
) -> None:
    petitions = [real[131215], real[700143]]
    outline = Outline()
    text = pack(members_section(petitions, outline, 0), tmp_path / "members.pdf")
    assert TITLE in text
    assert "By number of signatures" in text and "By signatures per 1,000 electors" in text
    found = [geography.petition_geography(p) for p in petitions]
    for by in Measure:
        first = geography.members_to_invite(found, by, 1)[0]
        assert first.member in text and first.seat.name in text
    assert "added up over the 2 petitions" in text


def test_members_section_without_breakdowns(tmp_path: Path) -> None:
    outline = Outline()
    text = pack(members_section([detail([])], outline, 0), tmp_path / "none.pdf")
    assert "No breakdown by constituency was published" in text


def test_members_section_in_the_html_edition(real: dict[int, PetitionDetail]) -> None:
    outline = Outline()
    page = html_document(members_section([real[700143]], outline, 0), INFO)
    assert TITLE in page
    assert page.count("<table") == 2
    assert "<th" in page and "Per 1,000 electors" in page
