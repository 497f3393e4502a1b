"""The house look of printed documents: A4, serif text, restrained colour, thin-ruled tables.

Shared by briefing packs and letters, so nothing here knows about petitions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import TableStyle

from caseworker.pdf.fonts import SANS, SANS_BOLD, SERIF, SERIF_BOLD, SERIF_ITALIC, register_fonts

PAGE_SIZE = A4
#: Wide side margins: briefings are annotated in the margin.
LEFT_MARGIN = RIGHT_MARGIN = 25 * mm
TOP_MARGIN = 24 * mm
BOTTOM_MARGIN = 22 * mm
FRAME_WIDTH = PAGE_SIZE[0] - LEFT_MARGIN - RIGHT_MARGIN
FRAME_HEIGHT = PAGE_SIZE[1] - TOP_MARGIN - BOTTOM_MARGIN

INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#9a9a9a")
#: The House of Commons green, for rules and accents only: never the sole carrier of meaning.
ACCENT = colors.HexColor("#006548")
#: A barely-there tint behind summary boxes and table headings (prints well in greyscale).
TINT = colors.HexColor("#eef3f0")

TABLE_FONT_SIZE = 8.5
TABLE_LEADING = 10
#: The height of a one-line table row: leading plus top and bottom padding.
TABLE_ROW_HEIGHT = TABLE_LEADING + 2.8
#: A long reference table (the annex of every constituency) in a smaller size, so that two
#: columns of it fit a page with few names wrapping.
COMPACT_FONT_SIZE = 7.5
COMPACT_LEADING = 9


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    body_small: ParagraphStyle
    quote: ParagraphStyle
    note: ParagraphStyle
    label: ParagraphStyle
    heading1: ParagraphStyle
    heading2: ParagraphStyle
    heading3: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    kicker: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_right: ParagraphStyle
    contents: tuple[ParagraphStyle, ...]


@cache
def styles() -> Styles:
    """The paragraph styles, built once per process (fonts registered first)."""
    register_fonts()
    body = ParagraphStyle(
        "Body",
        fontName=SERIF,
        fontSize=10,
        leading=14,
        textColor=INK,
        spaceAfter=6,
        alignment=TA_LEFT,
        # Never one line of a paragraph alone at the foot (orphan) or the top (widow) of a
        # page; every style built on the body inherits this.
        allowWidows=0,
        allowOrphans=0,
    )
    cell = ParagraphStyle(
        "Cell", fontName=SANS, fontSize=TABLE_FONT_SIZE, leading=TABLE_LEADING, textColor=INK
    )
    return Styles(
        body=body,
        body_small=ParagraphStyle("BodySmall", parent=body, fontSize=9, leading=12),
        quote=ParagraphStyle("Quote", parent=body, leftIndent=10, borderPadding=0),
        note=ParagraphStyle(
            "Note",
            parent=body,
            fontName=SERIF_ITALIC,
            fontSize=8.5,
            leading=11,
            textColor=MUTED,
            spaceBefore=2,
            spaceAfter=8,
        ),
        label=ParagraphStyle(
            "Label",
            parent=body,
            fontName=SANS_BOLD,
            fontSize=8,
            leading=10,
            textColor=MUTED,
            spaceAfter=1,
        ),
        heading1=ParagraphStyle(
            "Heading1",
            parent=body,
            fontName=SERIF_BOLD,
            fontSize=15,
            leading=19,
            spaceBefore=18,
            spaceAfter=8,
            keepWithNext=True,
        ),
        heading2=ParagraphStyle(
            "Heading2",
            parent=body,
            fontName=SERIF_BOLD,
            fontSize=12,
            leading=15,
            spaceBefore=14,
            spaceAfter=6,
            keepWithNext=True,
        ),
        heading3=ParagraphStyle(
            "Heading3",
            parent=body,
            fontName=SERIF_BOLD,
            fontSize=10,
            leading=13,
            spaceBefore=8,
            spaceAfter=3,
            keepWithNext=True,
        ),
        title=ParagraphStyle(
            "Title", parent=body, fontName=SERIF_BOLD, fontSize=20, leading=25, spaceAfter=6
        ),
        subtitle=ParagraphStyle(
            "Subtitle",
            parent=body,
            fontName=SERIF,
            fontSize=12,
            leading=16,
            textColor=MUTED,
            spaceAfter=4,
        ),
        kicker=ParagraphStyle(
            "Kicker",
            parent=body,
            fontName=SANS_BOLD,
            fontSize=9,
            leading=12,
            textColor=ACCENT,
            spaceAfter=2,
        ),
        cell=cell,
        cell_bold=ParagraphStyle("CellBold", parent=cell, fontName=SANS_BOLD),
        cell_right=ParagraphStyle("CellRight", parent=cell, alignment=TA_RIGHT),
        contents=(
            ParagraphStyle(
                "Contents0",
                parent=body,
                fontSize=10.5,
                leading=13,
                spaceBefore=0,
                spaceAfter=0,
            ),
            ParagraphStyle(
                "Contents1",
                parent=body,
                fontSize=9.5,
                leading=12,
                leftIndent=16,
                spaceBefore=0,
                spaceAfter=0,
            ),
        ),
    )


def ruled_table_style(
    *,
    numeric_columns: Sequence[int] = (),
    header_rows: int = 1,
    extra: Sequence[Any] = (),
    font_size: float = TABLE_FONT_SIZE,
    leading: float = TABLE_LEADING,
) -> TableStyle:
    """Thin horizontal rules, a bold heading row on a light tint, numbers right-aligned.

    Cells hold plain strings (fast to lay out) in the condensed sans font; the caller passes
    the columns that hold numbers.
    """
    commands: list[Any] = [
        ("FONT", (0, 0), (-1, -1), SANS, font_size, leading),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.6),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, header_rows), (-1, -1), 0.25, RULE),
    ]
    if header_rows:
        last = header_rows - 1
        commands += [
            ("FONT", (0, 0), (-1, last), SANS_BOLD, font_size, leading),
            ("BACKGROUND", (0, 0), (-1, last), TINT),
            ("LINEABOVE", (0, 0), (-1, 0), 0.75, INK),
            ("LINEBELOW", (0, last), (-1, last), 0.75, INK),
            ("VALIGN", (0, 0), (-1, last), "BOTTOM"),
        ]
    for column in numeric_columns:
        commands.append(("ALIGN", (column, 0), (column, -1), "RIGHT"))
    commands.extend(extra)
    return TableStyle(commands)


def layout_table_style(commands: Sequence[Any]) -> TableStyle:
    """A style for a table used only to place things side by side or in a box.

    It names an embedded font: ReportLab otherwise sets Helvetica before drawing each cell,
    which puts an unembedded font in the PDF even though no text is drawn in it.
    """
    return TableStyle([("FONT", (0, 0), (-1, -1), SERIF, 10), *commands])
