"""A meeting's agenda as meeting papers: an A4 landscape PDF (one row per thing the Committee
must decide), its accessible HTML edition from the same flowables, or the same rows as lines
for the terminal.

Saved like a letter: written beside the target and renamed, so a failed save never leaves
half a file.
"""

from __future__ import annotations

from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from caseworker.domain.casework import Decision, Verdict
from caseworker.domain.rules import long_date
from caseworker.html import html_document
from caseworker.letters.compose import COMMITTEE, HOUSE
from caseworker.pdf.accessibility import canvas_maker
from caseworker.pdf.document import DocumentInfo
from caseworker.pdf.files import ExportError, write_export
from caseworker.pdf.fonts import SERIF, SERIF_BOLD, register_fonts
from caseworker.pdf.text import para
from caseworker.services.casework.common import CaseworkError
from caseworker.services.casework.views import AgendaItem, MeetingView

GREEN = colors.HexColor("#006548")
HEADERS = ("No.", "Petition", "For decision", "Date", "Departments", "Clerk's view", "Decision")
#: Column widths in millimetres (A4 landscape less 15 mm margins: 267 mm).
WIDTHS = (10, 92, 42, 24, 27, 36, 36)
SUBJECT = "Meeting papers: agenda"
#: File names the agenda is written to as its HTML edition.
HTML_SUFFIXES = (".html", ".htm")


def agenda_title(meeting: MeetingView) -> str:
    return f"{COMMITTEE}: meeting of {long_date(meeting.meets_on)}"


def agenda_info(meeting: MeetingView) -> DocumentInfo:
    title = agenda_title(meeting)
    return DocumentInfo(
        title=title,
        subject=SUBJECT,
        author=f"{HOUSE} {COMMITTEE}",
        reference="",
        header_left=title,
        keywords=("agenda", "meeting papers", COMMITTEE),
    )


def agenda_rows(items: list[AgendaItem]) -> Iterator[tuple[str, ...]]:
    """The cells of each agenda row, in words, numbered from 1."""
    for number, item in enumerate(items, 1):
        verdict = Verdict(item.latest_verdict).label if item.latest_verdict else ""
        decision = Decision(item.decision.decision).label if item.decision else ""
        if item.debate_decision is not None:
            decision = item.debate_decision.summary
        yield (
            str(number),
            f"{item.petition_id}: {' '.join(item.action.split())}",
            item.label,
            long_date(item.on) if item.on else "",
            item.departments,
            verdict,
            decision,
        )


def agenda_lines(meeting: MeetingView, items: list[AgendaItem]) -> list[str]:
    head = (
        f"{agenda_title(meeting)} (responses received {long_date(meeting.window_start)} "
        f"to {long_date(meeting.cut_off)})"
    )
    if not items:
        return [head, "Nothing for the Committee to decide."]
    return [head, *("  ".join(cell for cell in row if cell) for row in agenda_rows(items))]


def agenda_pdf(meeting: MeetingView, items: list[AgendaItem]) -> bytes:
    register_fonts()
    out = BytesIO()
    doc = SimpleDocTemplate(
        out, pagesize=landscape(A4), leftMargin=15 * mm, rightMargin=15 * mm,
        topMargin=15 * mm, bottomMargin=15 * mm, title=agenda_title(meeting),
        author=f"{HOUSE} {COMMITTEE}", subject=SUBJECT, lang="en-GB",
        creator="Petitions caseworker", initialFontName=SERIF, initialFontSize=10,
        displayDocTitle=True,
    )  # fmt: skip
    doc.build(_story(meeting, items), canvasmaker=canvas_maker(agenda_info(meeting)))
    return out.getvalue()


def agenda_html(meeting: MeetingView, items: list[AgendaItem]) -> str:
    """The agenda as one accessible HTML page (the same story as the PDF)."""
    return html_document(_story(meeting, items), agenda_info(meeting))


def write_agenda(meeting: MeetingView, items: list[AgendaItem], path: Path) -> None:
    """Save the meeting papers as PDF, or as HTML when the name ends in .html; a failure is
    a one-line CaseworkError naming the file."""
    suffix = path.suffix.lower()
    if suffix != ".pdf" and suffix not in HTML_SUFFIXES:
        raise CaseworkError(f"{path}: the file name must end in .pdf or .html", field="path")
    if suffix in HTML_SUFFIXES:
        data = agenda_html(meeting, items).encode("utf-8")
    else:
        data = agenda_pdf(meeting, items)
    try:
        write_export(path, lambda out: out.write(data))
    except ExportError as exc:
        raise CaseworkError(str(exc), field="path") from exc


def _story(meeting: MeetingView, items: list[AgendaItem]) -> list[object]:
    title = ParagraphStyle("title", fontName=SERIF_BOLD, fontSize=15, leading=19,
                           textColor=GREEN, spaceAfter=4)  # fmt: skip
    note = ParagraphStyle("note", fontName=SERIF, fontSize=10, leading=13, spaceAfter=8)
    cell = ParagraphStyle("cell", fontName=SERIF, fontSize=9, leading=11.5)
    head = ParagraphStyle("head", parent=cell, fontName=SERIF_BOLD)
    story: list[object] = [
        Paragraph(para(agenda_title(meeting)), title),
        Paragraph(
            para(
                f"Agenda. Responses received from {long_date(meeting.window_start)} to the "
                f"cut-off, {long_date(meeting.cut_off)}; revised responses awaiting "
                "acceptance; requests past their due date; decisions deferred earlier; "
                "petitions past 100,000 signatures awaiting a decision on a debate."
            ),
            note,
        ),
    ]
    if not items:
        return [*story, Paragraph("Nothing for the Committee to decide.", note)]
    rows = [[Paragraph(para(h), head) for h in HEADERS]]
    rows += [[Paragraph(para(c), cell) for c in row] for row in agenda_rows(items)]
    table = Table(rows, colWidths=[w * mm for w in WIDTHS], repeatRows=1)
    table.setStyle(
        TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, GREEN),
            ("LINEBELOW", (0, 1), (-1, -1), 0.3, colors.grey),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ])
    )  # fmt: skip
    return [*story, Spacer(0, 2 * mm), table]
