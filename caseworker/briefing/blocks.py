"""Small building blocks shared by the pack's sections: text, ruled tables, headings."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Table

from caseworker.pdf import styles as s
from caseworker.pdf.document import Heading
from caseworker.pdf.fonts import SANS, SANS_BOLD
from caseworker.pdf.text import para, printable

_BLANK_LINES = re.compile(r"(?:\r?\n[ \t]*){2,}")
CELL_PADDING = 6  # left + right padding of a ruled table cell


def paragraphs(text: str | None, style: Any | None = None) -> list[Flowable]:
    """Site or clerk text as paragraphs, split at blank lines so long texts break across
    pages between paragraphs; single line breaks are kept."""
    style = style or s.styles().body
    parts = (part.strip() for part in _BLANK_LINES.split(text or ""))
    return [Paragraph(para(part), style) for part in parts if part]


def plain(text: str) -> Paragraph:
    """A body paragraph of literal text."""
    return Paragraph(para(text), s.styles().body)


def note(text: str) -> Paragraph:
    """A small italic note (what a table's share is of, why a chart leaves something out)."""
    return Paragraph(para(text), s.styles().note)


def facts_table(
    rows: Sequence[tuple[str, str]],
    width: float,
    label_width: float = 120,
    *,
    styles: tuple[Any, Any] | None = None,
) -> Table:
    """Two columns of label and value (values may wrap), thin rules between rows.

    ``styles`` are the label and value paragraph styles (the small table font by default).
    """
    st = s.styles()
    label_style, value_style = styles or (st.cell_bold, st.cell)
    data = [
        [Paragraph(para(label), label_style), Paragraph(para(value), value_style)]
        for label, value in rows
    ]
    table = Table(data, colWidths=[label_width, width - label_width], hAlign="LEFT")
    table.setStyle(
        s.ruled_table_style(
            header_rows=0,
            extra=[
                ("LINEABOVE", (0, 0), (-1, 0), 0.25, s.RULE),
            ],
        )
    )
    return table


def fitted_widths(
    rows: Sequence[Sequence[str]], fixed: dict[int, float], width: float, bold_first: bool = True
) -> list[float]:
    """Column widths: ``fixed`` columns as given, the rest shared in proportion to their
    widest text (measured in the table font) so long names fit where they can."""
    columns = len(rows[0])
    widest = [0.0] * columns
    for i, row in enumerate(rows):
        font = SANS_BOLD if bold_first and i == 0 else SANS
        for c in range(columns):
            if c not in fixed:
                widest[c] = max(widest[c], stringWidth(row[c], font, s.TABLE_FONT_SIZE))
    free = width - sum(fixed.values())
    wanted = sum(widest[c] + CELL_PADDING for c in range(columns) if c not in fixed) or 1
    return [
        fixed[c] if c in fixed else free * (widest[c] + CELL_PADDING) / wanted
        for c in range(columns)
    ]


def data_table(
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    *,
    numeric: Sequence[int] = (),
    repeat_header: bool = True,
    extra: Sequence[Any] = (),
) -> Table:
    """A ruled table of plain strings (the first row is the heading).

    Plain strings are several times faster to lay out than paragraphs; a cell too wide for
    its column becomes a wrapping paragraph instead, so nothing runs over its neighbour.
    """
    cells: list[list[Any]] = []
    heights: list[float | None] = []
    line = s.TABLE_ROW_HEIGHT
    for i, row in enumerate(rows):
        font = SANS_BOLD if i == 0 else SANS
        out: list[Any] = []
        wrapped = False
        for c, text in enumerate(row):
            text = printable(text, SANS)
            if stringWidth(text, font, s.TABLE_FONT_SIZE) > widths[c] - CELL_PADDING:
                out.append(_wrapping_cell(text, bold=i == 0, right=c in numeric))
                wrapped = True
            else:
                out.append(text)
        cells.append(out)
        # Known heights spare ReportLab measuring every row; wrapped rows are measured.
        heights.append(None if wrapped else line)
    table = Table(
        cells,
        colWidths=list(widths),
        rowHeights=heights,
        repeatRows=1 if repeat_header else 0,
        hAlign="LEFT",
    )
    table.setStyle(s.ruled_table_style(numeric_columns=numeric, extra=extra))
    return table


def _wrapping_cell(text: str, *, bold: bool, right: bool) -> Paragraph:
    st = s.styles()
    style = st.cell_bold if bold else (st.cell_right if right else st.cell)
    return Paragraph(para(text, SANS), style)


def side_by_side(left: Flowable, right: Flowable, left_width: float, width: float) -> Table:
    """A chart and its table next to each other, tops aligned."""
    table = Table([[left, right]], colWidths=[left_width, width - left_width], hAlign="LEFT")
    table.setStyle(
        s.layout_table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, -1), 10),
                ("RIGHTPADDING", (1, 0), (1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


@dataclass
class Outline:
    """Hands out section numbers, outline levels and unique bookmark keys.

    In a single-petition pack the sections are the top level ("3 Signatures"); in a grouped
    pack each petition is a top-level part and its sections are numbered within it ("2.3").
    Headings above ``depth`` are numbered and listed in the contents; deeper ones (such as
    "Countries" within Signatures) are bookmarks only.
    """

    depth: int = 1
    _keys: int = 0
    _numbers: list[int] = field(default_factory=lambda: [0, 0, 0])

    def heading(self, text: str, level: int, *, numbered: bool = True) -> Heading:
        st = s.styles()
        style = (st.heading1, st.heading2, st.heading3)[min(level, 2)]
        listed = level < self.depth
        number = ""
        if listed and numbered:
            self._numbers[level] += 1
            for deeper in range(level + 1, len(self._numbers)):
                self._numbers[deeper] = 0
            number = ".".join(str(n) for n in self._numbers[: level + 1])
        self._keys += 1
        return Heading(
            text, style, level=level, key=f"h{self._keys}", number=number, in_contents=listed
        )
