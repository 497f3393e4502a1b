"""HTML for the review and comparison panes. Every piece of text is escaped.

Marks never rely on colour alone: key terms are bold and underlined as well as tinted,
removed words are struck through and added words underlined.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from caseworker.domain.textdiff import Change, Piece

TERM = "font-weight:600; text-decoration:underline; background-color:{bg};"
MISSING = "font-style:italic;"
REMOVED = "text-decoration:line-through; background-color:{bg};"
ADDED = "text-decoration:underline; background-color:{bg};"


def text_html(text: str) -> str:
    """Escaped text with line breaks kept."""
    return html.escape(text).replace("\r\n", "\n").replace("\n", "<br>")


def highlighted(
    text: str, spans: Iterable[tuple[int, int]], *, dark: bool = False,
    missing: Iterable[tuple[int, int]] = (),
) -> str:  # fmt: skip
    """``text`` with the given character ranges marked as key terms; ``missing`` ranges (key
    terms the response never uses) are set in italics instead."""
    style = TERM.format(bg="#5c4b00" if dark else "#fff1a8")
    marks = sorted([(s, e, style) for s, e in spans] + [(s, e, MISSING) for s, e in missing])
    out, at = [], 0
    for start, end, how in marks:
        out.append(text_html(text[at:start]))
        out.append(f'<span style="{how}">{text_html(text[start:end])}</span>')
        at = end
    out.append(text_html(text[at:]))
    return "".join(out)


def diff_html(pieces: Iterable[Piece], *, dark: bool = False) -> str:
    removed = REMOVED.format(bg="#6b2020" if dark else "#ffd7d5")
    added = ADDED.format(bg="#1f5130" if dark else "#d3f5dc")
    out = []
    for piece in pieces:
        body = text_html(piece.text)
        if piece.change is Change.REMOVED:
            out.append(f'<span style="{removed}" title="removed">{body}</span>')
        elif piece.change is Change.ADDED:
            out.append(f'<span style="{added}" title="added">{body}</span>')
        else:
            out.append(body)
    return "".join(out)


def yes_no(value: bool | None) -> str:
    return "not answered" if value is None else ("yes" if value else "no")
