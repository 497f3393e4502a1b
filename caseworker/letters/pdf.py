"""A letter as an A4 PDF on the Committee's letterhead, with the embedded Unicode fonts."""

from __future__ import annotations

from io import BytesIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import HRFlowable, Paragraph, SimpleDocTemplate, Spacer

from caseworker.formatting import long_date
from caseworker.letters.compose import ADDRESS, COMMITTEE, HOUSE, Letter
from caseworker.pdf.fonts import SERIF, SERIF_BOLD, register_fonts
from caseworker.pdf.text import para

GREEN = colors.HexColor("#006548")  # the Commons green, used sparingly in the letterhead


def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("body", fontName=SERIF, fontSize=11, leading=15, spaceAfter=9)
    return {
        "house": ParagraphStyle("house", fontName=SERIF_BOLD, fontSize=15, leading=18,
                                textColor=GREEN),
        "committee": ParagraphStyle("committee", fontName=SERIF, fontSize=12, leading=15,
                                    textColor=GREEN, spaceAfter=4),
        "right": ParagraphStyle("right", parent=body, alignment=TA_RIGHT, spaceAfter=0,
                                fontSize=9.5, leading=12.5),
        "to": ParagraphStyle("to", parent=body, spaceAfter=14),
        "subject": ParagraphStyle("subject", parent=body, fontName=SERIF_BOLD, spaceAfter=12),
        "body": body,
    }  # fmt: skip


def letter_pdf(letter: Letter) -> bytes:
    register_fonts()
    out = BytesIO()
    doc = SimpleDocTemplate(
        out, pagesize=A4, leftMargin=25 * mm, rightMargin=25 * mm, topMargin=20 * mm,
        bottomMargin=20 * mm, title=letter.subject, author=f"{HOUSE} {COMMITTEE}",
        subject=letter.kind.label, lang="en-GB", creator="Petitions caseworker",
        # Otherwise the canvas starts in Helvetica, which is not embedded.
        initialFontName=SERIF, initialFontSize=11, displayDocTitle=True,
    )  # fmt: skip
    s = _styles()
    story = [
        Paragraph(HOUSE, s["house"]),
        Paragraph(COMMITTEE, s["committee"]),
        HRFlowable(width="100%", thickness=0.6, color=GREEN, spaceBefore=0, spaceAfter=10),
        *(Paragraph(para(line), s["right"]) for line in ADDRESS),
        Spacer(0, 4 * mm),
        Paragraph(para(f"Our reference: {letter.reference}"), s["right"]),
        Paragraph(para(long_date(letter.dated)), s["right"]),
        Spacer(0, 8 * mm),
        Paragraph("To: " + para(letter.to), s["to"]),
        Paragraph(para(letter.subject), s["subject"]),
        *(Paragraph(para(p), s["body"]) for p in letter.paragraphs),
        Spacer(0, 10 * mm),
        Paragraph(f"{para(letter.signatory)}<br/>{COMMITTEE}", s["body"]),
    ]
    doc.build(story)
    return out.getvalue()
