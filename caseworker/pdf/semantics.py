"""What a flowable means, for the accessible HTML edition of a document.

The PDF and the HTML edition are made from the same story of flowables. Most flowables say
what they are by their type (a Heading, a Paragraph, a Table of text); a chart does not: its
drawing is shapes. :func:`describe` attaches the text alternative and the data the chart
shows, so the HTML edition can give a screen reader words and a table instead of a picture.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

F = TypeVar("F")

#: The attribute under which a flowable carries its description.
ATTRIBUTE = "caseworker_figure"


@dataclass(frozen=True)
class Figure:
    """A chart's meaning: one sentence of text alternative and the data it draws."""

    alt: str
    headers: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    caption: str = ""


def describe(
    flowable: F,
    alt: str,
    *,
    headers: Sequence[str] = (),
    rows: Sequence[Sequence[str]] = (),
    caption: str = "",
) -> F:
    """``flowable`` marked as a figure with text alternative ``alt`` and its data table."""
    figure = Figure(
        alt=alt,
        headers=tuple(headers),
        rows=tuple(tuple(row) for row in rows),
        caption=caption,
    )
    _attach(flowable, ATTRIBUTE, figure)
    return flowable


def figure_of(flowable: object) -> Figure | None:
    """The description :func:`describe` attached, if any."""
    found = getattr(flowable, ATTRIBUTE, None)
    return found if isinstance(found, Figure) else None


#: The attribute under which a table carries what its rows and columns are.
TABLE_ATTRIBUTE = "caseworker_table_role"


@dataclass(frozen=True)
class TableRole:
    """What a table is: data with header rows and/or columns, or layout only.

    A layout table (a chart beside its numbers, a tinted box) only places flowables; the
    HTML edition shows its cells one after another and no table.
    """

    header_rows: int = 0
    header_columns: int = 0
    layout: bool = False


def mark_table(table: F, *, header_rows: int = 0, header_columns: int = 0) -> F:
    """``table`` marked as data whose first rows and/or columns are headers."""
    _attach(table, TABLE_ATTRIBUTE, TableRole(header_rows, header_columns))
    return table


def mark_layout(table: F) -> F:
    """``table`` marked as layout only: its cells are read in order, not as a table."""
    _attach(table, TABLE_ATTRIBUTE, TableRole(layout=True))
    return table


def table_role_of(table: object) -> TableRole | None:
    """The role :func:`mark_table` or :func:`mark_layout` gave, if any."""
    found = getattr(table, TABLE_ATTRIBUTE, None)
    return found if isinstance(found, TableRole) else None


def _attach(target: object, name: str, value: object) -> None:
    """Set an attribute even on a ReportLab drawing, whose ``__setattr__`` refuses names it
    does not know (shape checking): the meaning is stored beside the drawing's own state."""
    try:
        setattr(target, name, value)
    except AttributeError:
        vars(target)[name] = value
