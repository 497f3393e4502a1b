"""What the public told us: the debate's public engagement, its themes by how often they
came up, and quotations from those who agreed to be quoted (no others are printed)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Paragraph

from caseworker.briefing.blocks import Outline, data_table, fitted_widths, link, note, plain
from caseworker.briefing.model import SECTION_TITLES, BriefingPack, Section
from caseworker.formatting import count, counted, long_date
from caseworker.pdf import styles as s
from caseworker.pdf.text import para
from caseworker.services.debates.views import EngagementFindings, Quotation

HEADERS = ["Theme", "Responses"]


def engagement_section(pack: BriefingPack, outline: Outline) -> list[Flowable]:
    """The section (level 0); nothing for a pack with no debate record."""
    if pack.debate is None:
        return []
    heading = outline.heading(SECTION_TITLES[Section.ENGAGEMENT], 0)
    found = pack.engagement
    if found is None:
        return [heading, plain("No public engagement was recorded for this debate.")]
    story: list[Flowable] = [heading, plain(introduction(found))]
    if found.link:
        story.append(Paragraph(f"<b>Full findings</b><br/>{link(found.link)}", s.styles().body))
    if found.themes:
        rows = [HEADERS, *([t.name, count(t.count)] for t in found.themes)]
        widths = fitted_widths(rows, {1: 70}, s.FRAME_WIDTH)
        story.append(data_table(rows, widths, numeric=[1]))
    for theme in found.themes:
        story += outline.kept_heading(f"{theme.name} ({counted(theme.count, 'response')})", 1)
        if theme.description.strip():
            story.append(plain(theme.description))
        story += quotations(theme.quotations)
    others = quotable(found.other_quotations)
    if others:
        story += outline.kept_heading("Other comments", 1)
        story += quotations(others)
    story.append(note(caveat(found)))
    return story


def introduction(found: EngagementFindings) -> str:
    parts = [f"{found.title}: {counted(found.responses, 'response')}"]
    if found.ran_on:
        parts.append(f"run on {found.ran_on}")
    if found.opens_on is not None and found.closes_on is not None:
        parts.append(f"open from {long_date(found.opens_on)} to {long_date(found.closes_on)}")
    elif found.closes_on is not None:
        parts.append(f"closed on {long_date(found.closes_on)}")
    text = ", ".join(parts) + "."
    if found.member:
        text += f" Run with {found.member}."
    if found.themes:
        text += " The themes below are the Committee staff's reading of the responses, most "
        text += "mentioned first; a response may raise several."
    return text


def quotable(items: Sequence[Quotation]) -> list[Quotation]:
    """Only quotations the respondent agreed to have quoted."""
    return [q for q in items if q.may_quote]


def quotations(items: Sequence[Quotation]) -> list[Flowable]:
    """Each quotation with its source under it, kept together."""
    st = s.styles()
    return [
        KeepTogether(
            [
                Paragraph(para(f"“{' '.join(q.body.split())}”"), st.quote),
                Paragraph(para(q.source), _source_style()),
            ]
        )
        for q in quotable(items)
    ]


def caveat(found: EngagementFindings) -> str:
    held_back = sum(
        1
        for q in [*found.other_quotations, *(q for t in found.themes for q in t.quotations)]
        if not q.may_quote
    )
    text = (
        "Responses came from people who chose to take part: they are not a representative "
        "sample. Quotations are printed only where the respondent agreed to be quoted"
    )
    if held_back:
        verb = "is" if held_back == 1 else "are"
        text += f"; {counted(held_back, 'other quotation')} the Committee holds {verb} not printed"
    return text + "."


@cache
def _source_style() -> ParagraphStyle:
    st = s.styles()
    return ParagraphStyle("QuoteSource", parent=st.note, leftIndent=10, spaceAfter=6)
