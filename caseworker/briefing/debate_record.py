"""The debate as the Committee recorded it: when and where, the motion, the Member who
opens it, the Minister who responds, and the clerk's own summary for the Member."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, Paragraph

from caseworker.briefing.blocks import Outline, facts_table, paragraphs
from caseworker.briefing.model import SECTION_TITLES, BriefingPack, Section
from caseworker.domain.debates import DebateStatus
from caseworker.formatting import papers_clock, weekday_date
from caseworker.pdf import styles as s
from caseworker.pdf.text import para
from caseworker.services.debates.views import DebateView

NOT_YET = "Not yet known"
SUMMARY_TITLE = "Summary from the Committee staff"


def debate_section(pack: BriefingPack, outline: Outline) -> list[Flowable]:
    """The section (level 0, before the petitions); nothing for a pack with no record."""
    debate = pack.debate
    if debate is None:
        return []
    st = s.styles()
    story: list[Flowable] = [
        outline.heading(SECTION_TITLES[Section.DEBATE], 0),
        Paragraph(para("The motion"), st.kicker),
        Paragraph(para(debate.motion), st.quote),
        KeepTogether([facts_table(debate_facts(pack, debate), s.FRAME_WIDTH, label_width=120)]),
    ]
    if debate.summary.strip():
        story += outline.kept_heading(SUMMARY_TITLE, 1)
        story += paragraphs(debate.summary)
    return story


def debate_facts(pack: BriefingPack, debate: DebateView) -> list[tuple[str, str]]:
    when = (
        f"{weekday_date(debate.day)}, {papers_clock(debate.starts_at)}"
        if debate.day is not None
        else "Not yet scheduled"
    )
    rows = [("When", when), ("Where", debate.place)]
    rows.append(("Opening Member", opening_member_text(pack, debate)))
    rows.append(("Responding Minister", debate.minister or NOT_YET))
    rows.append(("Department", debate.department or NOT_YET))
    status = DebateStatus(debate.status)
    if status is not DebateStatus.SCHEDULED:
        rows.append(("Status", status.label))
    return rows


def opening_member_text(pack: BriefingPack, debate: DebateView) -> str:
    """The record's Member with party and seat; a Member the clerk named instead as given."""
    member = debate.opening_member
    if member is not None and pack.member in (None, member.styled):
        return member.label
    return pack.member or NOT_YET
