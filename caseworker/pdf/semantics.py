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
    setattr(flowable, ATTRIBUTE, figure)
    return flowable


def figure_of(flowable: object) -> Figure | None:
    """The description :func:`describe` attached, if any."""
    found = getattr(flowable, ATTRIBUTE, None)
    return found if isinstance(found, Figure) else None
