"""A letter as an A4 PDF on the Committee's letterhead, with the embedded Unicode fonts.

The letter's content is one list of flowables (:func:`letter_story`), so the PDF and the
accessible HTML edition print the same thing; the PDF adds only the page furniture (the
DRAFT watermark).
"""

from __future__ import annotations

import re
from dataclasses import replace
from io import BytesIO
from xml.sax.saxutils import quoteattr

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, HRFlowable, Paragraph, SimpleDocTemplate, Spacer

from caseworker.formatting import long_date
from caseworker.letters.compose import ADDRESS, COMMITTEE, DRAFT_NOTICE, HOUSE, Letter
from caseworker.pdf.accessibility import artifact, canvas_maker
from caseworker.pdf.document import DocumentInfo, Heading
from caseworker.pdf.fonts import SERIF, SERIF_BOLD, register_fonts
from caseworker.pdf.text import para

GREEN = colors.HexColor("#006548")  # the Commons green, used sparingly in the letterhead
WARNING = colors.HexColor("#b00020")
#: A web address in a letter's text, printed as a link (http and https only).
URL = re.compile(r"https?://[^\s<>\"]+[^\s<>\".,;:!?)\u201d]")


def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("body", fontName=SERIF, fontSize=11, leading=15, spaceAfter=9)
    return {
        "house": ParagraphStyle("house", fontName=SERIF_BOLD, fontSize=15, leading=18,
                                textColor=GREEN),
        "committee": ParagraphStyle("committee", fontName=SERIF, fontSize=12, leading=15,
                                    textColor=GREEN, spaceAfter=4),
        "right": ParagraphStyle("right", parent=body, alignment=TA_RIGHT, spaceAfter=0,
                                fontSize=9.5, leading=12.5),
        "draft": ParagraphStyle("draft", parent=body, fontName=SERIF_BOLD, fontSize=14,
                                leading=18, textColor=WARNING, spaceAfter=6),
        "missing": ParagraphStyle("missing", parent=body, fontName=SERIF_BOLD, textColor=WARNING,
                                  borderColor=WARNING, borderWidth=0.8, borderPadding=5,
                                  spaceBefore=4, spaceAfter=12),
        "to": ParagraphStyle("to", parent=body, spaceAfter=14),
        "subject": ParagraphStyle("subject", parent=body, fontName=SERIF_BOLD, spaceAfter=12),
        "body": body,
    }  # fmt: skip


def letter_story(letter: Letter) -> list[Flowable]:
    """The letter's content as flowables, in reading order: letterhead, reference and date,
    addressee, subject (the letter's one heading), paragraphs, signature, contact details."""
    register_fonts()  # the paragraphs measure their text in these fonts as they are made
    s = _styles()
    contact = letter.contact_lines or list(ADDRESS)
    story: list[Flowable] = [
        Paragraph(HOUSE, s["house"]),
        Paragraph(COMMITTEE, s["committee"]),
        HRFlowable(width="100%", thickness=0.6, color=GREEN, spaceBefore=0, spaceAfter=10),
    ]
    if letter.draft:
        story.append(Paragraph(para(DRAFT_NOTICE), s["draft"]))
    if letter.missing:
        story.append(Paragraph(para(letter.missing_notice), s["missing"]))
    story += [
        *(Paragraph(linked(line), s["right"]) for line in contact),
        Spacer(0, 4 * mm),
        Paragraph(para(f"Our reference: {letter.reference}"), s["right"]),
        Paragraph(para(long_date(letter.dated)), s["right"]),
        Spacer(0, 8 * mm),
        Paragraph("<br/>".join(para(line) for line in letter.to_lines), s["to"]),
        Heading(letter.subject, s["subject"], level=0, key="subject", in_contents=False),
        *(Paragraph(linked(p), s["body"]) for p in letter.paragraphs),
        Spacer(0, 10 * mm),
    ]
    signature = "<br/>".join(para(line) for line in letter.signature_lines)
    if signature:
        story.append(Paragraph(signature, s["body"]))
    return story


def letter_info(letter: Letter) -> DocumentInfo:
    """How the letter describes itself in its HTML edition (the subject is its heading)."""
    return DocumentInfo(
        title=f"Letter from the {COMMITTEE}: {letter.kind.label}",
        subject=letter.subject,
        author=f"{HOUSE} {COMMITTEE}",
        reference=letter.reference,
        header_left=letter.subject,
        handling=DRAFT_NOTICE if letter.draft else "",
    )


def linked(text: str) -> str:
    """Paragraph markup for ``text`` with its web addresses clickable."""
    out, last = [], 0
    for match in URL.finditer(text):
        url = match.group(0)
        out += [para(text[last : match.start()]), _link(url)]
        last = match.end()
    out.append(para(text[last:]))
    return "".join(out)


def _link(url: str) -> str:
    return f'<link href={quoteattr(url)} color="#006548">{para(url)}</link>'


def letter_pdf(letter: Letter) -> bytes:
    out = BytesIO()
    doc = SimpleDocTemplate(
        out, pagesize=A4, leftMargin=25 * mm, rightMargin=25 * mm, topMargin=20 * mm,
        bottomMargin=20 * mm, title=letter.subject, author=f"{HOUSE} {COMMITTEE}",
        subject=letter.kind.label, lang="en-GB", creator="Petitions caseworker",
        # Otherwise the canvas starts in Helvetica, which is not embedded.
        initialFontName=SERIF, initialFontSize=11, displayDocTitle=True,
    )  # fmt: skip
    furniture = _draft_watermark if letter.draft else _nothing
    # The PDF's title is the subject, as in its information dictionary.
    info = replace(letter_info(letter), title=letter.subject)
    doc.build(
        letter_story(letter), onFirstPage=furniture, onLaterPages=furniture,
        canvasmaker=canvas_maker(info),
    )  # fmt: skip
    return out.getvalue()


def _draft_watermark(canvas: Canvas, _doc: object) -> None:
    """A large, pale DRAFT across every page, so a printed draft is never mistaken for a
    letter that was sent."""
    with artifact(canvas, "Watermark"):  # not read out as part of the letter's text
        canvas.saveState()
        canvas.setFont(SERIF_BOLD, 110)
        canvas.setFillColor(colors.Color(0.69, 0.0, 0.125, alpha=0.12))
        width, height = A4
        canvas.translate(width / 2, height / 2)
        canvas.rotate(45)
        canvas.drawCentredString(0, -35, "DRAFT")
        canvas.restoreState()


def _nothing(_canvas: Canvas, _doc: object) -> None:
    return None
