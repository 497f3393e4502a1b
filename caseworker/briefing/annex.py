"""The annex: every constituency's signatures, most first, in two columns a page, with the
Member's party and the signatures per 1,000 electors where the seat's electorate is known.

A share of all signatures says little here (almost every seat has 0.1–0.3%); a rate per
1,000 electors compares seats of different sizes, so it is what the annex prints instead.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
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
    highlight = seat.rank if seat else None
    story.append(TwoColumns(rows, lambda part: annex_table(part, highlight=highlight)))
    return story


class TwoColumns(BalancedColumns):  # type: ignore[misc]
    """A long table in two columns, down the left then the right, page after page, with
    its heading row on top of each column; the last page's rows are shared evenly.

    ReportLab's own BalancedColumns deep-copies its content at every trial split, which
    took seconds for 650 rows; this knows each row's height and splits by adding them up.
    It is still a BalancedColumns holding the whole table, so the HTML edition, which
    has no pages, shows one table.
    """

    def __init__(
        self,
        rows: Sequence[AnnexRow],
        make: Callable[[Sequence[AnnexRow]], Table],
        heights: tuple[float, list[float]] | None = None,
        left: int | None = None,
    ) -> None:
        super().__init__([make(rows)], nCols=2, innerPadding=GUTTER)
        self.rows = list(rows)
        self.make = make
        if heights is None:
            # A table of its own: laying a table out replaces its paragraph cells, and the
            # one held as content must stay as built for the HTML edition.
            measured = make(rows)
            measured.wrap(COLUMN_WIDTH, s.FRAME_HEIGHT)
            heights = (measured._rowHeights[0], list(measured._rowHeights[1:]))
        self.header, self.heights = heights
        #: Rows in the left column: a full page fills it; the last page shares them evenly.
        self.left = left if left is not None else self._balance()

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        k = self.left
        self.width = avail_width
        self.height = self.header + max(sum(self.heights[:k]), sum(self.heights[k:]))
        return avail_width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        room = avail_height - self.header
        left = self._fill(0, room)
        if left == 0:
            return []  # not even a row: the whole goes to the next page
        end = min(left + self._fill(left, room), len(self.rows) - 1)
        return [self._part(0, end, min(left, end)), self._part(end, len(self.rows))]

    def draw(self) -> None:
        k = self.left
        for x, part in ((0.0, self.rows[:k]), (COLUMN_WIDTH + GUTTER, self.rows[k:])):
            if part:
                table = self.make(part)
                _width, height = table.wrap(COLUMN_WIDTH, self.height)
                table.drawOn(self.canv, x, self.height - height)

    def _balance(self) -> int:
        """How many rows go in the left column so that the taller column is shortest."""
        total, running, best, best_k = sum(self.heights), 0.0, float("inf"), len(self.rows)
        for k in range(len(self.rows) + 1):
            taller = max(running, total - running)
            if taller < best:
                best, best_k = taller, k
            if k < len(self.heights):
                running += self.heights[k]
        return best_k

    def _fill(self, start: int, room: float) -> int:
        """How many rows from ``start`` fit in a column ``room`` high."""
        used, n = 0.0, 0
        for height in self.heights[start:]:
            if used + height > room:
                break
            used, n = used + height, n + 1
        return n

    def _part(self, start: int, end: int, left: int | None = None) -> TwoColumns:
        heights = (self.header, self.heights[start:end])
        return TwoColumns(self.rows[start:end], self.make, heights, left)


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
