"""The story of flowables as one accessible, self-contained HTML page.

The PDF and the HTML edition are laid out from the same flowables. Here each flowable says
what it is in HTML: a :class:`Heading` becomes ``h2``..``h4`` under the document's ``h1``,
a paragraph ``p``, a list ``ul``/``ol``, a table of text a ``table`` with header cells, a
layout table its cells in order, a chart inline SVG with its text alternative and numbers,
the contents list a ``nav`` of links to the headings. Page furniture (breaks, spacers,
rules, the page count) has no place in a page that scrolls and is left out.

A flowable of any other type is an error (an edition must not lose words silently) unless
it says itself what it is, with a ``to_html()`` method returning safe HTML.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape
from typing import Any

from reportlab.graphics.shapes import Drawing
from reportlab.platypus import (
    ActionFlowable,
    CondPageBreak,
    Flowable,
    HRFlowable,
    KeepInFrame,
    KeepTogether,
    ListFlowable,
    ListItem,
    PageBreak,
    Paragraph,
    Preformatted,
    Spacer,
    Table,
    XPreformatted,
)
from reportlab.platypus.doctemplate import FrameActionFlowable
from reportlab.platypus.flowables import AnchorFlowable, BalancedColumns, UseUpSpace
from reportlab.platypus.tableofcontents import TableOfContents

from caseworker.html.figures import chart_html
from caseworker.html.markup import html_id, inline_html, plain_text
from caseworker.html.style import STYLESHEET
from caseworker.html.tables import data_table_html, layout_cells, role_of, text_grid
from caseworker.pdf.document import DocumentInfo, Heading, PageTotal
from caseworker.pdf.semantics import Figure, figure_of

#: A Heading of level 0 is an h2: the document's title is the one h1.
FIRST_LEVEL = 2
#: Flowables that only shape the printed page.
FURNITURE = (
    Spacer,
    PageBreak,
    CondPageBreak,
    ActionFlowable,
    PageTotal,
    HRFlowable,
    FrameActionFlowable,
    UseUpSpace,
)
ORDERED_BULLETS = frozenset("1aAiI")
#: Printed markers of an unordered list; any other marker ("1.", "[2]") is kept as text.
PLAIN_BULLETS = frozenset({"•", "·", "-", "–", "—", "*", "▪", "◦"})


class UnsupportedFlowable(TypeError):
    """A flowable the HTML edition does not know; give it a ``to_html()`` method."""


@dataclass(frozen=True)
class _Entry:
    id: str
    level: int
    text: str


class _ContentsPlace:
    """Where the contents list goes; filled in once every heading is known."""

    def __init__(self, title: str) -> None:
        self.title = title


@dataclass
class _Edition:
    parts: list[Any] = field(default_factory=list)
    headings: list[_Entry] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    figures: int = 0
    #: Text grids of chart data already shown, so the table beside a chart is not repeated.
    shown_data: list[list[list[str]]] = field(default_factory=list)
    #: The last chart's caption: the note repeating it under the chart is not repeated.
    caption: str = ""
    #: The document's title, already the page's h1: a first paragraph repeating it goes.
    title: str = ""
    #: The list that bulleted paragraphs are being gathered into ("ul", "ol" or "").
    open_list: str = ""
    #: The HTML level of the last Heading (0 before the first: the cover).
    section_level: int = 0

    def add(self, flowable: Any, figure: Figure | None = None) -> None:
        if _marker(flowable) is None:
            self._end_list()
        to_html = getattr(flowable, "to_html", None)
        if callable(to_html):
            self.parts.append(str(to_html()))
        elif isinstance(flowable, Heading):
            self._heading(flowable)
        elif isinstance(flowable, XPreformatted):
            self.parts.append(f"<pre>{inline_html(flowable.text)}</pre>")
        elif isinstance(flowable, Paragraph):
            self._paragraph(flowable)
        elif isinstance(flowable, Preformatted):
            self.parts.append(f"<pre>{escape(chr(10).join(flowable.lines))}</pre>")
        elif isinstance(flowable, Table):
            self._table(flowable, figure)
        elif isinstance(flowable, Drawing):
            self._chart(flowable, figure_of(flowable) or figure)
        elif isinstance(flowable, TableOfContents):
            self._contents()
        elif isinstance(flowable, str):  # plain text in a layout table's cell
            if flowable.strip():
                self.parts.append(f"<p>{escape(flowable)}</p>")
        else:
            self._other(flowable, figure)

    def _other(self, flowable: Any, figure: Figure | None) -> None:
        if isinstance(flowable, (KeepTogether, KeepInFrame, BalancedColumns)):
            for inner in flowable._content:
                self.add(inner, figure)
        elif isinstance(flowable, ListFlowable):
            self._list(flowable)
        elif isinstance(flowable, AnchorFlowable):
            self.parts.append(f'<span id="{self._unique(flowable._name)}"></span>')
        elif not isinstance(flowable, FURNITURE):
            raise UnsupportedFlowable(
                f"the HTML edition cannot show a {type(flowable).__module__}."
                f"{type(flowable).__name__}: add it to caseworker.html or give it a "
                "to_html() method"
            )

    def _heading(self, heading: Heading) -> None:
        level = FIRST_LEVEL + heading.level
        self.section_level = level
        self.shown_data.clear()  # a chart's numbers stand in only for a table beside it
        anchor = self._unique(heading.key)
        content = inline_html(heading.text)
        self.parts.append(f'<h{level} id="{anchor}">{content}</h{level}>')
        if heading.in_contents:
            self.headings.append(_Entry(anchor, heading.level, escape(plain_text(heading.text))))

    def _paragraph(self, paragraph: Paragraph) -> None:
        content = inline_html(paragraph.text)
        words = plain_text(paragraph.text)
        repeated = bool(self.caption) and words == self.caption
        repeated = repeated or (not self.parts and words == self.title)
        self.caption = ""
        if not content or repeated:
            return
        marker = _marker(paragraph)
        if marker is not None:
            self._list_item(marker, content)
            return
        css = html_id(paragraph.style.name.lower())
        if self.section_level and "heading" in css:
            # A heading in a heading's style that is no bookmark ("The petition asks", a
            # run-in heading in an update): a heading one below its section's.
            level = min(self.section_level + 1, 6)
            self.parts.append(f'<h{level} class="{css}">{content}</h{level}>')
            return
        self.parts.append(f'<p class="{css}">{content}</p>')

    def _table(self, table: Table, figure: Figure | None) -> None:
        role = role_of(table)
        if role.layout:
            figure = figure_of(table) or figure
            for cell in layout_cells(table):
                self.add(cell, figure)
            return
        grid = text_grid(table)
        if grid in self.shown_data:
            self.shown_data.remove(grid)  # the chart before it showed these numbers
            return
        self.parts.append(data_table_html(table, role))

    def _chart(self, drawing: Drawing, figure: Figure | None) -> None:
        self.figures += 1
        self.parts.append(chart_html(drawing, figure, self.figures))
        self.caption = " ".join(figure.caption.split()) if figure is not None else ""
        if figure is not None and figure.rows:
            self.shown_data.append([list(figure.headers), *map(list, figure.rows)])

    def _list(self, items: ListFlowable) -> None:
        tag = "ol" if str(items._bulletType) in ORDERED_BULLETS else "ul"
        self.parts.append(f"<{tag}>")
        for item in items._flowables:
            self.parts.append("<li>")
            for inner in item._flowables if isinstance(item, ListItem) else [item]:
                self.add(inner)
            self.parts.append("</li>")
        self.parts.append(f"</{tag}>")

    def _list_item(self, marker: str, content: str) -> None:
        """A bulleted paragraph as an item of a list gathered from its neighbours: bullets
        make a ``ul``; numbers or notes ("1.", "[2]") an ``ol`` showing the printed marker."""
        kind = "ul" if marker in PLAIN_BULLETS else "ol"
        if self.open_list != kind:
            self._end_list()
            self.parts.append("<ul>" if kind == "ul" else '<ol class="marked" role="list">')
            self.open_list = kind
        if kind == "ol":
            content = f'<span class="marker">{escape(marker)}</span> {content}'
        self.parts.append(f"<li>{content}</li>")

    def _end_list(self) -> None:
        if self.open_list:
            self.parts.append(f"</{self.open_list}>")
            self.open_list = ""

    def _contents(self) -> None:
        title = "Contents"
        last = self.parts[-1] if self.parts else None
        # The "Contents" paragraph printed above the list becomes the nav's heading.
        if isinstance(last, str) and last.startswith("<p ") and plain_text(last) == "Contents":
            self.parts.pop()
        self.parts.append(_ContentsPlace(title))

    def _unique(self, name: str) -> str:
        base = html_id(name or "section")
        anchor, n = base, 1
        while anchor in self.ids:
            n += 1
            anchor = f"{base}-{n}"
        self.ids.add(anchor)
        return anchor

    def body(self) -> str:
        self._end_list()
        out = []
        for part in self.parts:
            if isinstance(part, _ContentsPlace):
                out.append(contents_nav(part.title, self.headings))
            else:
                out.append(part)
        return "\n".join(out)


def _marker(flowable: Any) -> str | None:
    """The printed bullet or number of a bulleted paragraph; None for anything else."""
    if not isinstance(flowable, Paragraph) or isinstance(flowable, Heading):
        return None
    marker = plain_text(str(getattr(flowable, "bulletText", None) or ""))
    return marker or None


def contents_nav(title: str, entries: Sequence[_Entry]) -> str:
    """A ``nav`` with a nested list of links to the headings the PDF lists in its contents."""
    return (
        '<nav class="contents" aria-labelledby="contents-title">\n'
        f'<h2 id="contents-title">{escape(title)}</h2>\n{_nested(entries)}\n</nav>'
    )


def _nested(entries: Sequence[_Entry]) -> str:
    """Entries as a list; each entry's deeper followers as a list inside its item."""
    items, i = [], 0
    while i < len(entries):
        entry, j = entries[i], i + 1
        while j < len(entries) and entries[j].level > entry.level:
            j += 1
        inner = _nested(entries[i + 1 : j]) if j > i + 1 else ""
        items.append(f'<li><a href="#{entry.id}">{entry.text}</a>{inner}</li>')
        i = j
    return "<ul>" + "".join(items) + "</ul>" if items else ""


def html_document(flowables: Sequence[Flowable], info: DocumentInfo) -> str:
    """The whole HTML page for ``flowables``, described by ``info``.

    Raises UnsupportedFlowable for a flowable it cannot show, UndescribedChart for a chart
    with no text alternative and TableWithoutHeaders for a table of text with no header
    cells: each is a fault in the document's code, not in its data.
    """
    edition = _Edition(title=" ".join(info.title.split()))
    for flowable in flowables:
        edition.add(flowable)
    return _page(info, edition.body())


def _page(info: DocumentInfo, body: str) -> str:
    meta = [
        ("author", info.author),
        ("description", info.subject),
        ("keywords", ", ".join(info.keywords)),
        ("generator", "Petitions caseworker"),
    ]
    metas = "\n".join(
        f'<meta name="{name}" content="{escape(value)}">' for name, value in meta if value
    )
    handling = f'<p class="handling">{escape(info.handling)}</p>' if info.handling else ""
    reference = f"Ref. {escape(info.reference)} · " if info.reference else ""
    return f"""<!DOCTYPE html>
<html lang="{escape(info.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(info.title)}</title>
{metas}
<style>
{STYLESHEET}
</style>
</head>
<body>
{handling}
<main>
<h1>{escape(info.title)}</h1>
{body}
</main>
<footer>
<p>{reference}{escape(info.author)}</p>
{handling}
</footer>
</body>
</html>
"""
