"""The annex: every constituency's signatures, most first, in two columns a page, with the
Member's party and the signatures per 1,000 electors where the seat's electorate is known.

A share of all signatures says little here (almost every seat has 0.1–0.3%); a rate per
1,000 electors compares seats of different sizes, so it is what the annex prints instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Table
from reportlab.platypus.flowables import BalancedColumns

from caseworker import reference
from caseworker.briefing import figures
from caseworker.briefing.blocks import CELL_PADDING, Outline, note
from caseworker.formatting import count, long_date
from caseworker.pdf import styles as s
from caseworker.pdf.fonts import SANS, SANS_BOLD
from caseworker.pdf.text import para, printable
from caseworker.services.dto import PetitionDetail

#: The space between the two columns of the annex's table.
GUTTER = 14
COLUMN_WIDTH = (s.FRAME_WIDTH - GUTTER) / 2
#: The rate's heading wraps to three short lines: a wider column would wrap more names.
HEADERS = ["Rank", "Constituency", "Party", "Signed", "Per 1,000 electors"]
#: The column that takes the width the others leave.
NAME_COLUMN = 1
NUMERIC = (0, 3, 4)


@dataclass(frozen=True)
class AnnexRow:
    """One constituency of the annex, with what the reference data knows of its seat."""

    ranked: figures.Ranked
    seat: reference.Seat | None

    @property
    def rate(self) -> float | None:
        """Signatures per 1,000 electors, when the electorate is known."""
        electorate = self.seat.electorate if self.seat else None
        if not electorate:
            return None
        return 1000 * self.ranked.area.signature_count / electorate


def annex(
    petition: PetitionDetail, letter: str, member: str | None, outline: Outline
) -> list[Flowable]:
    ranked = figures.ranked_constituencies(petition)
    title = f"Annex {letter}: signatures by constituency, e-petition {petition.id}"
    story: list[Flowable] = [outline.heading(title, 0, numbered=False)]
    if not ranked:
        return [*story, Paragraph("No breakdown by constituency was published.", s.styles().body)]
    boundary_set = _boundary_set(petition)
    rows = annex_rows(petition)
    seat = figures.member_constituency(ranked, member)
    story.append(note(_explanation(rows, boundary_set, seat)))
    table = annex_table(rows, highlight=seat.rank if seat else None)
    story.append(BalancedColumns([table], nCols=2, innerPadding=GUTTER, endSlack=0.1))
    return story


def annex_rows(petition: PetitionDetail) -> list[AnnexRow]:
    """Every constituency, most signatures first, with its seat in the reference data."""
    boundary_set = _boundary_set(petition)
    return [AnnexRow(r, _seat(r, boundary_set)) for r in figures.ranked_constituencies(petition)]


def _boundary_set(petition: PetitionDetail) -> reference.BoundarySet | None:
    """The constituencies the breakdown counts by, or None when no code is a known seat."""
    codes = [c.code for c in petition.signatures_by_constituency if c.code]
    try:
        return reference.boundary_set_for(codes)
    except ValueError:
        return None


def _seat(
    ranked: figures.Ranked, boundary_set: reference.BoundarySet | None
) -> reference.Seat | None:
    if boundary_set is None:
        return None
    return reference.find_seat(ranked.area.code or "", ranked.area.name, boundary_set)


def _explanation(
    rows: Sequence[AnnexRow],
    boundary_set: reference.BoundarySet | None,
    member_seat: figures.Ranked | None,
) -> str:
    text = f"All {len(rows)} constituencies, most signatures first."
    if boundary_set is not None:
        election = long_date(reference.results_election(boundary_set))
        text += (
            f" Party: of the Member returned at the general election of {election}; "
            "per 1,000 electors: signatures for every 1,000 people on the electoral register "
            f"at that election ({boundary_set.label})."
        )
    unknown = sum(1 for r in rows if r.rate is None)
    if unknown:
        text += f" The electorate of {unknown} of them is not known (shown “–”)."
    if member_seat is not None:
        text += f" The opening Member’s constituency, {member_seat.area.name}, is in bold."
    return text


def annex_table(rows: Sequence[AnnexRow], *, highlight: int | None = None) -> Table:
    """Rank, constituency, party, signatures and rate, in the compact table size; the
    heading row repeats at the top of each column and page. Plain strings are quick to lay
    out; a cell too wide for its column becomes a wrapping paragraph."""
    data = [HEADERS, *(_cells(r) for r in rows)]
    widths = _widths(data)
    bold_rows = {0} | {i + 1 for i, r in enumerate(rows) if r.ranked.rank == highlight}
    cells = [
        [
            _cell(text, widths[c], bold=i in bold_rows, right=c in NUMERIC)
            for c, text in enumerate(row)
        ]
        for i, row in enumerate(data)
    ]
    line = s.COMPACT_LEADING + s.TABLE_ROW_HEIGHT - s.TABLE_LEADING
    # Known heights spare ReportLab measuring 650 rows; only wrapped rows are measured.
    heights = [None if any(isinstance(c, Paragraph) for c in row) else line for row in cells]
    table = Table(cells, colWidths=widths, rowHeights=heights, repeatRows=1, hAlign="LEFT")
    extra = [("FONT", (0, i), (-1, i), SANS_BOLD) for i in sorted(bold_rows - {0})]
    table.setStyle(
        s.ruled_table_style(
            numeric_columns=NUMERIC,
            extra=extra,
            font_size=s.COMPACT_FONT_SIZE,
            leading=s.COMPACT_LEADING,
        )
    )
    return table


def _widths(data: Sequence[Sequence[str]]) -> list[float]:
    """Each short column as wide as its widest cell or heading word (headings wrap between
    words), and the constituency's name the rest, so as few names as possible wrap."""
    widths = []
    for c, header in enumerate(data[0]):
        words = max(_width(w, bold=True) for w in header.split())
        cells = max(_width(row[c], bold=False) for row in data[1:])
        widths.append(max(words, cells) + CELL_PADDING + 1)
    widths[NAME_COLUMN] = COLUMN_WIDTH - sum(widths) + widths[NAME_COLUMN]
    return widths


def _width(text: str, *, bold: bool) -> float:
    return float(
        stringWidth(printable(text, SANS), SANS_BOLD if bold else SANS, s.COMPACT_FONT_SIZE)
    )


def _cell(text: str, width: float, *, bold: bool, right: bool) -> str | Paragraph:
    if _width(text, bold=bold) <= width - CELL_PADDING:
        return printable(text, SANS)
    return Paragraph(para(text, SANS), _cell_style(bold, right))


@cache
def _cell_style(bold: bool, right: bool) -> ParagraphStyle:
    return ParagraphStyle(
        f"AnnexCell{'Bold' if bold else ''}{'Right' if right else ''}",
        parent=s.styles().cell,
        fontName=SANS_BOLD if bold else SANS,
        fontSize=s.COMPACT_FONT_SIZE,
        leading=s.COMPACT_LEADING,
        alignment=TA_RIGHT if right else TA_LEFT,
    )


def _cells(row: AnnexRow) -> list[str]:
    party = row.seat.party_short if row.seat and row.seat.party_short else "–"
    rate = f"{row.rate:.1f}" if row.rate is not None else "–"
    signatures = count(row.ranked.area.signature_count)
    return [str(row.ranked.rank), row.ranked.area.name, party, signatures, rate]
