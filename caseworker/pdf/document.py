"""An A4 parliamentary document: a cover page, body pages with a running header, a footer with
the reference and "Page X of Y", headings that become PDF bookmarks and contents entries.

ReportLab lays the story out twice (``multiBuild``): the first pass learns the page of every
heading and the number of pages, the second prints them. The contents list is followed by a
page break, so its length never moves the body and two passes always suffice.

The PDF is not tagged (open-source ReportLab writes no structure tree); what it does say
to assistive technology is in :mod:`caseworker.pdf.accessibility`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
)
from reportlab.platypus.tableofcontents import TableOfContents

from caseworker.pdf import styles as s
from caseworker.pdf.accessibility import artifact, canvas_maker
from caseworker.pdf.fonts import SANS, SANS_BOLD, SERIF
from caseworker.pdf.text import para, printable

COVER = "cover"
BODY = "body"


@dataclass(frozen=True)
class DocumentInfo:
    """What the PDF says about itself, and what runs round every page."""

    title: str
    subject: str
    author: str
    reference: str
    #: Left of the running header on body pages, e.g. the short title.
    header_left: str
    #: Right of the running header, e.g. the debate date.
    header_right: str = ""
    keywords: tuple[str, ...] = ()
    language: str = "en-GB"
    #: A handling line printed above the footer rule on every page ("" for none).
    handling: str = ""


class Heading(Paragraph):  # type: ignore[misc]
    """A heading paragraph that also becomes a bookmark and, optionally, a contents entry.

    ``text`` is the plain text (escaped here); ``number`` such as "2.1" is printed before it.
    """

    def __init__(
        self,
        text: str,
        style: Any,
        *,
        level: int,
        key: str,
        number: str = "",
        in_contents: bool = True,
    ) -> None:
        shown = f"{number}\u2002{text}" if number else text
        super().__init__(para(shown), style)
        self.outline_text = printable(f"{number} {text}" if number else text)
        self.contents_text = para(shown)
        self.level = level
        self.key = key
        self.in_contents = in_contents


class PageTotal(Flowable):  # type: ignore[misc]
    """Remembers how many pages the previous pass made, for "Page X of Y".

    Placed last in the story; it asks for another pass if the count changed.
    """

    def __init__(self) -> None:
        super().__init__()
        self.previous: int | None = None
        self.current: int | None = None

    def isIndexing(self) -> int:  # noqa: N802 - ReportLab's hook
        return 1

    def beforeBuild(self) -> None:  # noqa: N802 - ReportLab's hook
        self.previous, self.current = self.current, None

    def afterBuild(self) -> None:  # noqa: N802 - ReportLab's hook
        pass

    def isSatisfied(self) -> bool:  # noqa: N802 - ReportLab's hook
        return self.previous is not None and self.previous == self.current

    def notify(self, kind: str, stuff: Any) -> None:
        pass

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.current = self.canv.getPageNumber()


def contents_list() -> TableOfContents:
    """A contents list in the house style, for the story (before a page break)."""
    st = s.styles()
    return TableOfContents(
        levelStyles=list(st.contents),
        dotsMinLevel=0,
        rightColumnWidth=30,
        tableStyle=s.layout_table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ]
        ),
    )


class ParliamentaryDocument(BaseDocTemplate):  # type: ignore[misc]
    """Cover and body page templates, bookmarks and contents from :class:`Heading` flowables.

    ``after_flowable`` is called after each flowable is placed; the caller uses it for
    progress and to stop (by raising) when the user cancels.
    """

    def __init__(
        self,
        target: Path | IO[bytes],
        info: DocumentInfo,
        *,
        after_flowable: Callable[[], None] | None = None,
    ) -> None:
        self.info = info
        self.page_total = PageTotal()
        self._after_flowable = after_flowable
        #: Each heading's bookmark key and words, to describe links to it (contents entries).
        self._link_names: dict[str, str] = {}
        super().__init__(
            target if not isinstance(target, Path) else str(target),
            pagesize=s.PAGE_SIZE,
            leftMargin=s.LEFT_MARGIN,
            rightMargin=s.RIGHT_MARGIN,
            topMargin=s.TOP_MARGIN,
            bottomMargin=s.BOTTOM_MARGIN,
            title=printable(info.title),
            author=printable(info.author),
            subject=printable(info.subject),
            keywords=[printable(k) for k in info.keywords],
            creator="Petitions caseworker",
            # Otherwise the canvas starts in Helvetica, which is not embedded.
            initialFontName=SERIF,
            initialFontSize=10,
            lang=info.language,
            displayDocTitle=True,
        )
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            id="main",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates(
            [
                PageTemplate(id=COVER, frames=[frame], onPage=self._draw_cover_page),
                PageTemplate(id=BODY, frames=[frame], onPage=self._draw_body_page),
            ]
        )

    def render(self, story: list[Flowable]) -> int:
        """Lay out and write the document; returns the number of pages."""
        self.multiBuild(
            [*story, self.page_total],
            maxPasses=4,
            canvasmaker=canvas_maker(self.info, self._link_names),
        )
        return self.page_total.current or 0

    # Hooks called by ReportLab ----------------------------------------------------------

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 - ReportLab's hook
        if isinstance(flowable, Heading):
            self._mark(flowable)
        if self._after_flowable is not None:
            self._after_flowable()

    def _mark(self, heading: Heading) -> None:
        canvas: Canvas = self.canv
        # Jump to the heading itself, not the whole page; viewers built on PDFium (QtPdf)
        # also ignore destinations that carry no position.
        top = self.frame._y + heading.height + heading.style.spaceBefore
        canvas.bookmarkPage(heading.key, fit="XYZ", left=0, top=top, zoom=0)
        canvas.addOutlineEntry(heading.outline_text, heading.key, level=heading.level)
        self._link_names[heading.key] = heading.outline_text
        if heading.in_contents:
            self.notify("TOCEntry", (heading.level, heading.contents_text, self.page, heading.key))

    def handle_documentBegin(self) -> None:  # noqa: N802 - ReportLab's hook
        super().handle_documentBegin()
        self.canv.showOutline()

    # Page furniture ---------------------------------------------------------------------

    def _draw_cover_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        self._draw_footer(canvas)

    def _draw_body_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        self._draw_header(canvas)
        self._draw_footer(canvas)

    def _draw_header(self, canvas: Canvas) -> None:
        top = s.PAGE_SIZE[1] - s.TOP_MARGIN + 10
        left, right = s.LEFT_MARGIN, s.PAGE_SIZE[0] - s.RIGHT_MARGIN
        with artifact(canvas, "Header"):
            canvas.saveState()
            canvas.setFont(SANS, 8)
            canvas.setFillColor(s.MUTED)
            room = right - left - canvas.stringWidth(self.info.header_right, SANS, 8) - 12
            canvas.drawString(left, top, _fit(self.info.header_left, SANS, 8, room))
            canvas.drawRightString(right, top, printable(self.info.header_right, SANS))
            canvas.setStrokeColor(s.RULE)
            canvas.setLineWidth(0.4)
            canvas.line(left, top - 4, right, top - 4)
            canvas.restoreState()

    def _draw_footer(self, canvas: Canvas) -> None:
        base = s.BOTTOM_MARGIN - 14
        left, right = s.LEFT_MARGIN, s.PAGE_SIZE[0] - s.RIGHT_MARGIN
        total = self.page_total.previous
        page = canvas.getPageNumber()
        page_text = f"Page {page} of {total}" if total else f"Page {page}"
        with artifact(canvas, "Footer"):
            canvas.saveState()
            canvas.setStrokeColor(s.RULE)
            canvas.setLineWidth(0.4)
            canvas.line(left, base + 10, right, base + 10)
            canvas.setFillColor(s.MUTED)
            canvas.setFont(SANS, 8)
            canvas.drawString(left, base, printable(f"Ref. {self.info.reference}", SANS))
            if self.info.handling:
                canvas.setFont(SANS_BOLD, 8)
                middle = (left + right) / 2
                canvas.drawCentredString(middle, base, printable(self.info.handling, SANS))
                canvas.setFont(SANS, 8)
            canvas.drawRightString(right, base, page_text)
            canvas.restoreState()


def _fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` cut with an ellipsis so it fits ``width`` points (a header has one line)."""
    text = printable(text, font)
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"
