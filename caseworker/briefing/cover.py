"""The cover: who the pack is for, which petitions, the debate, the reference and dates;
then the contents list."""

from __future__ import annotations

from functools import cache

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    HRFlowable,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
)

from caseworker.briefing.blocks import facts_table
from caseworker.briefing.model import BriefingPack
from caseworker.formatting import long_date, papers_clock, papers_moment, weekday_date
from caseworker.pdf import styles as s
from caseworker.pdf.document import BODY, contents_list
from caseworker.pdf.text import para

HOUSE = "House of Commons"
COMMITTEE = "Petitions Committee"
KIND = "Debate briefing"
AUDIENCE = "For the Member opening the debate"


def cover(pack: BriefingPack) -> list[Flowable]:
    st = s.styles()
    story: list[Flowable] = [
        Paragraph(para(HOUSE.upper()), st.kicker),
        Paragraph(para(COMMITTEE), st.subtitle),
        HRFlowable(width="100%", thickness=1.2, color=s.ACCENT, spaceBefore=2, spaceAfter=14),
        Paragraph(para(KIND), st.heading1),
        Paragraph(para(AUDIENCE), st.note),
        Spacer(1, 6 * mm),
    ]
    for petition in pack.petitions:
        story.append(Paragraph(para(f"e-petition {petition.id}"), st.kicker))
        story.append(Paragraph(para(petition.action), st.title))
        story.append(Spacer(1, 3 * mm))
    story += [
        Spacer(1, 4 * mm),
        facts_table(cover_facts(pack), s.FRAME_WIDTH, label_width=140, styles=_cover_fact_styles()),
        Spacer(1, 10 * mm),
    ]
    return story


@cache
def _cover_fact_styles() -> tuple[ParagraphStyle, ParagraphStyle]:
    """The cover's facts a size up from the tables, so they read at a glance."""
    st = s.styles()
    return (
        ParagraphStyle("CoverLabel", parent=st.cell_bold, fontSize=10, leading=14),
        ParagraphStyle("CoverValue", parent=st.body, spaceAfter=0),
    )


def cover_facts(pack: BriefingPack) -> list[tuple[str, str]]:
    rows = [("Debate", debate_line(pack))]
    rows.append(("Opening Member", pack.member or "Not yet known"))
    rows.append(("Reference", pack.reference))
    rows.append(("Prepared", long_date(pack.prepared_on)))
    if pack.data_as_at is not None:
        rows.append(("Signature data as at", papers_moment(pack.data_as_at)))
    return rows


def debate_line(pack: BriefingPack) -> str:
    when = (
        f"{weekday_date(pack.debate_date)}, {papers_clock(pack.debate_time)}"
        if pack.debate_date is not None
        else "Date not yet scheduled"
    )
    return f"{when}, {pack.venue}"


def contents() -> list[Flowable]:
    """The contents list, then the body pages begin on a fresh page."""
    st = s.styles()
    return [
        CondPageBreak(60 * mm),
        Paragraph("Contents", st.heading2),
        contents_list(),
        NextPageTemplate(BODY),
        PageBreak(),
    ]
