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
from caseworker.briefing.model import BriefingPack, decided_not_to_debate
from caseworker.formatting import counted, long_date, papers_clock, papers_moment, weekday_date
from caseworker.pdf import styles as s
from caseworker.pdf.document import BODY, contents_list
from caseworker.pdf.fonts import SERIF_BOLD
from caseworker.pdf.text import para
from caseworker.services.debates.views import DebateView

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
        Spacer(1, 4 * mm),
    ]
    story += [Paragraph(para(text), _warning_style()) for text in cover_warnings(pack)]
    story.append(Spacer(1, 6 * mm))
    return story


def cover_warnings(pack: BriefingPack) -> list[str]:
    """What a reader must know before trusting the pack: old data, petitions debated on
    another day than the pack's."""
    warnings = []
    stale = stale_data_warning(pack)
    if stale:
        warnings.append(stale)
    held = {p.id: p.debate is not None and p.debate.debated_on is not None for p in pack.petitions}
    warnings += [
        f"e-petition {pid} {'was debated' if held.get(pid) else 'is listed for debate'} on "
        f"{weekday_date(day)}, not on the day of this debate."
        for pid, day in pack.other_days
    ]
    return warnings


def stale_data_warning(pack: BriefingPack) -> str:
    """ "Data as at 24 March 2019 ..." when the newest capture is too old to speak of now."""
    when = pack.data_date
    if not when.stale or when.day is None:
        return ""
    age = counted((pack.prepared_on - when.day).days, "day")
    return (
        f"Data as at {long_date(when.day)}: the newest capture of "
        f"{'these petitions' if pack.grouped else 'this petition'} is {age} older than this "
        "pack. Signatures, the Government response and the debate may have changed since; "
        f"the pack states what was known on {long_date(when.day)}."
    )


@cache
def _warning_style() -> ParagraphStyle:
    """Bold body text: a warning the reader must not miss (the words carry it, not colour)."""
    st = s.styles()
    return ParagraphStyle("CoverWarning", parent=st.body, fontName=SERIF_BOLD)


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
    if pack.debate is not None and pack.debate.motion:
        rows.append(("Motion", pack.debate.motion))
    rows.append(("Opening Member", pack.member or "Not yet known"))
    if pack.debate is not None:
        rows.append(("Responding Minister", responding_minister(pack.debate)))
    rows.append(("Reference", pack.reference))
    rows.append(("Prepared", long_date(pack.prepared_on)))
    if pack.data_as_at is not None:
        rows.append(("Signature data as at", papers_moment(pack.data_as_at)))
    return rows


def responding_minister(debate: DebateView) -> str:
    """ "Jane Doe MP, Minister for Schools (Department for Education)"."""
    department = f" ({debate.department})" if debate.department else ""
    if debate.minister:
        return debate.minister + department
    return f"Not yet known{department}"


def debate_line(pack: BriefingPack) -> str:
    if pack.debate_date is not None:
        return f"{weekday_date(pack.debate_date)}, {papers_clock(pack.debate_time)}, {pack.venue}"
    if pack.petitions and all(decided_not_to_debate(p) for p in pack.petitions):
        return not_debated_line(pack)
    when = pack.data_date
    if when.stale and when.day is not None:
        return f"No debate date had been set as at {long_date(when.day)}"
    return f"Date not yet scheduled, {pack.venue}"


def not_debated_line(pack: BriefingPack) -> str:
    """ "Not debated: the Petitions Committee decided not to debate it (15 July 2021)"."""
    them = "them" if pack.grouped else "it"
    decided = [p.debate_outcome_at for p in pack.petitions if p.debate_outcome_at is not None]
    on = f" (recorded on {long_date(max(decided))})" if decided else ""
    return f"Not debated: the Petitions Committee decided not to debate {them}{on}"


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
