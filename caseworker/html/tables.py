"""ReportLab tables in the HTML edition: data tables with header cells, or layout unwrapped.

A table says what it is through :mod:`caseworker.pdf.semantics` (``mark_table``,
``mark_layout``). Unmarked tables are read from how they were built, as a sighted reader
reads the PDF:

- a cell holding anything but text (a chart, a list of flowables) makes a layout table;
- a first row printed in bold is a header row (a ruled data table's heading);
- otherwise a first column printed in bold is a column of row headers (label and value
  facts, such as the cover's).

A table of text with neither is an error: every table in an edition must have header cells.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

from reportlab.platypus import Flowable, Paragraph, Table

from caseworker.html.markup import inline_html, plain_text
from caseworker.pdf.semantics import TableRole, table_role_of


class TableWithoutHeaders(ValueError):
    """A table of text whose header cells cannot be found; mark it with semantics."""


def role_of(table: Table) -> TableRole:
    """What ``table`` is: marked, or read from its cells and style."""
    marked = table_role_of(table)
    if marked is not None:
        return marked
    cells = cell_rows(table)
    if any(not _is_text(cell) for row in cells for cell in row):
        return TableRole(layout=True)
    if len(cells) > 1 and _row_is_bold(table, 0):
        repeated = table.repeatRows if isinstance(table.repeatRows, int) else 0
        return TableRole(header_rows=max(1, repeated))
    if cells and len(cells[0]) > 1 and all(_is_bold(table, r, 0) for r in range(len(cells))):
        return TableRole(header_columns=1)
    raise TableWithoutHeaders(
        f"a table of {len(cells)} rows has no bold header row or column: mark it with "
        "caseworker.pdf.semantics.mark_table() (or mark_layout() if it only places things)"
    )


def cell_rows(table: Table) -> list[list[Any]]:
    return [list(row) for row in table._cellvalues]


def layout_cells(table: Table) -> list[Any]:
    """The flowables of a layout table in reading order (row by row), lists flattened."""
    out: list[Any] = []
    for row in cell_rows(table):
        for cell in row:
            if isinstance(cell, (list, tuple)):
                out.extend(cell)
            elif cell is not None and cell != "":
                out.append(cell)
    return out


def text_grid(table: Table) -> list[list[str]]:
    """Every cell's words, for comparing a table with a chart's data."""
    return [[cell_text(cell) for cell in row] for row in cell_rows(table)]


def cell_text(cell: Any) -> str:
    if isinstance(cell, Paragraph):
        return plain_text(cell.text)
    return " ".join(str(cell or "").split())


def data_table_html(table: Table, role: TableRole) -> str:
    """A ``<table>`` with ``th`` cells for the header rows (scope=col) and columns (row)."""
    cells = cell_rows(table)
    head = [_row_html(table, r, cells[r], role, header=True) for r in range(role.header_rows)]
    body = [
        _row_html(table, r, cells[r], role, header=False)
        for r in range(role.header_rows, len(cells))
    ]
    out = ["<table>"]
    if head:
        out.append("<thead>" + "".join(head) + "</thead>")
    out.append("<tbody>" + "".join(body) + "</tbody></table>")
    return "\n".join(out)


def figure_table_html(headers: Sequence[str], rows: Sequence[Sequence[str]], caption: str) -> str:
    """A chart's data as a table (the first column names each row)."""
    out = ['<table class="chart-data">']
    if caption:
        out.append(f"<caption>{escape(caption)}</caption>")
    if headers:
        ths = "".join(f'<th scope="col">{escape(h)}</th>' for h in headers)
        out.append(f"<thead><tr>{ths}</tr></thead>")
    body = []
    for row in rows:
        first, *rest = row or ("",)
        tds = "".join(f"<td{_numeric_class(v)}>{escape(v)}</td>" for v in rest)
        body.append(f'<tr><th scope="row">{escape(first)}</th>{tds}</tr>')
    out.append("<tbody>" + "".join(body) + "</tbody></table>")
    return "\n".join(out)


def _row_html(table: Table, r: int, row: list[Any], role: TableRole, *, header: bool) -> str:
    bold_row = not header and _row_is_bold(table, r)
    parts = []
    for c, cell in enumerate(row):
        content = _cell_html(cell)
        if bold_row and content:
            content = f"<strong>{content}</strong>"
        align = ' class="num"' if _right_aligned(table, r, c) else ""
        if header:
            parts.append(f'<th scope="col"{align}>{content}</th>')
        elif c < role.header_columns:
            parts.append(f'<th scope="row"{align}>{content}</th>')
        else:
            parts.append(f"<td{align}>{content}</td>")
    return "<tr>" + "".join(parts) + "</tr>"


def _cell_html(cell: Any) -> str:
    if isinstance(cell, Paragraph):
        return inline_html(cell.text)
    return escape(str(cell or "")).replace("\n", "<br>")


def _is_text(cell: Any) -> bool:
    return (
        cell is None
        or isinstance(cell, (str, int, float, Paragraph))
        or (not isinstance(cell, (Flowable, list, tuple)))
    )


def _row_is_bold(table: Table, r: int) -> bool:
    row = cell_rows(table)[r]
    filled = [c for c in range(len(row)) if cell_text(row[c])]
    return bool(filled) and all(_is_bold(table, r, c) for c in filled)


def _is_bold(table: Table, r: int, c: int) -> bool:
    cell = cell_rows(table)[r][c]
    if isinstance(cell, Paragraph):
        text = cell.text.strip()
        wrapped = text.startswith("<b>") and text.endswith("</b>")
        return wrapped or _bold_font(cell.style.fontName)
    return _bold_font(table._cellStyles[r][c].fontname)


def _bold_font(name: str) -> bool:
    return "bold" in (name or "").lower()


def _right_aligned(table: Table, r: int, c: int) -> bool:
    cell = cell_rows(table)[r][c]
    if isinstance(cell, Paragraph):
        return bool(cell.style.alignment == 2)  # TA_RIGHT
    return bool(str(table._cellStyles[r][c].alignment).upper() == "RIGHT")


def _numeric_class(value: str) -> str:
    digits = value.replace(",", "").replace("%", "").replace(".", "").strip()
    return ' class="num"' if digits.isdigit() else ""
