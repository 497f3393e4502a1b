"""Small building blocks shared by the pack's sections: text, ruled tables, headings."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any
from xml.sax.saxutils import quoteattr

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Table

from caseworker.pdf import styles as s
from caseworker.pdf.document import Heading
from caseworker.pdf.fonts import SANS, SANS_BOLD
from caseworker.pdf.text import normalise_line_breaks, para, printable

_BLANK_LINES = re.compile(r"(?:\r?\n[ \t]*){2,}")
CELL_PADDING = 6  # left + right padding of a ruled table cell
LINK_COLOUR = "#006548"
#: A web address in running text: http(s) only (other schemes stay plain text), up to white
#: space or an angle bracket; trailing punctuation is trimmed off by :func:`_trimmed_url`.
URL = re.compile(r"https?://[^\s<>\"]+", re.IGNORECASE)
#: Where an address may break across lines: after these characters, never inside a word.
_URL_BREAKS = re.compile(r"(?<=[/.\-?&=_#])")
_LEADING_PUNCTUATION = re.compile(r"[.,;:!?]*")
#: Lines of body text a heading is kept with at the foot of a page.
LINES_WITH_HEADING = 3


def paragraphs(text: str | None, style: Any | None = None) -> list[Flowable]:
    """Site or clerk text as paragraphs, split at blank lines so long texts break across
    pages between paragraphs; single line breaks are kept; no line is left alone at the foot
    or the top of a page."""
    style = kept_style(style or s.styles().body)
    # Every kind of line break first: a lone CR or U+2029 is a break a page may fall at too.
    parts = (part.strip() for part in _BLANK_LINES.split(normalise_line_breaks(text or "")))
    return [Paragraph(para(part), style) for part in parts if part]


@cache
def kept_style(parent: ParagraphStyle) -> ParagraphStyle:
    """``parent`` that never leaves one line of a paragraph alone at the foot or the top of a
    page (no orphans, no widows)."""
    return ParagraphStyle(
        f"{parent.name}Kept", parent=parent, allowWidows=0, allowOrphans=0, keepWithNext=0
    )


def break_url(url: str, width: float, font: str, size: float) -> list[str]:
    """``url`` as lines no wider than ``width``, broken after / . - ? & = _ or #; a piece
    longer than a whole line (a long identifier) is cut where it must be."""
    lines: list[str] = []
    line = ""
    for piece in _URL_BREAKS.split(url):
        if line and stringWidth(line + piece, font, size) > width:
            lines.append(line)
            line = ""
        line += piece
        while stringWidth(line, font, size) > width and len(line) > 1:
            cut = _longest_fitting(line, width, font, size)
            lines.append(line[:cut])
            line = line[cut:]
    if line:
        lines.append(line)
    return lines


def _longest_fitting(text: str, width: float, font: str, size: float) -> int:
    cut = len(text) - 1
    while cut > 1 and stringWidth(text[:cut], font, size) > width:
        cut -= 1
    return cut


def link(url: str, style: ParagraphStyle | None = None, width: float = s.FRAME_WIDTH) -> str:
    """Paragraph markup for ``url`` printed in full on lines of its own (broken at sensible
    points for a ``width``-wide paragraph in ``style``); clickable only if it is a web
    address."""
    if not url.lower().startswith(("http://", "https://")):
        return para(url)
    style = style or s.styles().body
    room = width - style.leftIndent - style.rightIndent - 2  # a hair spare for rounding
    lines = break_url(printable(url, style.fontName), room, style.fontName, style.fontSize)
    shown = "<br/>".join(para(line) for line in lines)
    return f"<a href={quoteattr(url)} color={quoteattr(LINK_COLOUR)}>{shown}</a>"


def linked_text(text: str, style: ParagraphStyle, width: float = s.FRAME_WIDTH) -> str:
    """Site text as paragraph markup: each web address clickable on a line of its own (so it
    can be broken at sensible points), line breaks kept, everything else printed literally."""
    out: list[str] = []
    position = 0
    for match in URL.finditer(text):
        url = _trimmed_url(match.group(0))
        end = match.start() + len(url)
        before = text[position : match.start()].rstrip(" ")
        if before.endswith("(") and text[end : end + 1] == ")":
            before, end = before[:-1].rstrip(" "), end + 1  # the address needs no brackets
        tail = _LEADING_PUNCTUATION.match(text, end)
        punctuation = tail.group(0) if tail else ""
        end += len(punctuation)
        out += [para(before), "<br/>" if before and not before.endswith("\n") else ""]
        out.append(link(url, style, width) + para(punctuation))
        rest = text[end:]
        if rest.strip(" ") and not rest.startswith("\n"):
            out.append("<br/>")
            end += len(rest) - len(rest.lstrip(" "))
        position = end
    out.append(para(text[position:]))
    return "".join(out)


def _trimmed_url(url: str) -> str:
    """An address without the sentence's punctuation after it; a closing bracket is kept
    when the address opened one (``.../GlueTraps(Offences)Bill``)."""
    while url and url[-1] in ".,;:!?'\u2019\u201d":
        url = url[:-1]
    while url.endswith(")") and url.count("(") < url.count(")"):
        url = url[:-1]
    return url


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

    def kept_heading(self, text: str, level: int) -> list[Flowable]:
        """A heading kept with the first lines of what follows it, without binding it to the
        whole of a long body (``keepWithNext`` would carry a heading and a page-long body
        to the next page together, leaving a half-empty page behind)."""
        heading = self.heading(text, level, keep_with_next=False)
        style = heading.style
        _width, height = heading.wrap(s.FRAME_WIDTH, s.FRAME_HEIGHT)
        room = style.spaceBefore + height + style.spaceAfter
        room += LINES_WITH_HEADING * s.styles().body.leading
        return [CondPageBreak(room), heading]

    def heading(
        self, text: str, level: int, *, numbered: bool = True, keep_with_next: bool = True
    ) -> Heading:
        st = s.styles()
        style = (st.heading1, st.heading2, st.heading3)[min(level, 2)]
        if not keep_with_next:
            style = kept_style(style)
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
