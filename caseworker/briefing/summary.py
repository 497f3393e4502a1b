"""The summary box: for each petition the request in a sentence, its signatures, the
thresholds it crossed, where the Government response stands and the key dates."""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph, Table

from caseworker.briefing import figures
from caseworker.briefing.blocks import Outline, facts_table
from caseworker.briefing.model import SECTION_TITLES, BriefingPack, Section
from caseworker.domain import rules
from caseworker.formatting import count, long_date, papers_moment, weekday_date
from caseworker.pdf import styles as s
from caseworker.pdf.text import para
from caseworker.services.dto import PetitionDetail

BOX_PADDING = 9


def summary(pack: BriefingPack, outline: Outline) -> list[Flowable]:
    st = s.styles()
    inner_width = s.FRAME_WIDTH - 2 * BOX_PADDING
    groups: list[list[Flowable]] = []
    if pack.grouped:
        total = sum(p.signature_count for p in pack.petitions)
        groups.append(
            [
                Paragraph(
                    para(
                        f"{len(pack.petitions)} e-petitions are debated together, with "
                        f"{count(total)} signatures between them."
                    ),
                    st.body,
                )
            ]
        )
    groups += [_petition_summary(petition, inner_width) for petition in pack.petitions]
    closing: list[Flowable] = []
    if pack.debate_date is not None:
        closing.append(
            Paragraph(
                para(f"Debate: {weekday_date(pack.debate_date)}, {pack.venue}."), st.body_small
            )
        )
    if pack.data_as_at is not None:
        closing.append(
            Paragraph(
                para(
                    f"Signature counts as at {papers_moment(pack.data_as_at)}; they change while a "
                    "petition is open."
                ),
                st.note,
            )
        )
    if closing:
        groups.append(closing)
    return [outline.heading(SECTION_TITLES[Section.SUMMARY], 0), _box(groups)]


def _petition_summary(petition: PetitionDetail, width: float) -> list[Flowable]:
    st = s.styles()
    return [
        Paragraph(para(f"e-petition {petition.id}"), st.kicker),
        Paragraph(para(f"The petition asks: “{petition.action}”"), st.heading3),
        facts_table(summary_facts(petition), width, label_width=105),
    ]


def summary_facts(petition: PetitionDetail) -> list[tuple[str, str]]:
    crossed = [t for t in figures.thresholds(petition) if t.crossed_on is not None]
    threshold_text = (
        "; ".join(f"{t.signatures:,} on {long_date(t.crossed_on)}" for t in crossed if t.crossed_on)
        or f"Neither (fewer than {rules.RESPONSE_THRESHOLD:,} signatures)"
    )
    return [
        ("Signatures", count(petition.signature_count)),
        ("Thresholds crossed", threshold_text),
        ("Government response", figures.response_status(petition)),
        ("Key dates", key_dates(petition)),
    ]


def key_dates(petition: PetitionDetail) -> str:
    dates = []
    if petition.opened_at is not None:
        dates.append(f"opened {long_date(petition.opened_at)}")
    if petition.closed_at is not None:
        dates.append(f"closed {long_date(petition.closed_at)}")
    elif petition.closing_date is not None:
        dates.append(f"closes {long_date(petition.closing_date)}")
    if petition.debate_scheduled_on is not None:
        # The day the Committee fixed the debate, not the debate itself (that is on the cover).
        dates.append(f"debate date set on {long_date(petition.debate_scheduled_on)}")
    text = "; ".join(dates)
    return text[:1].upper() + text[1:] if text else "None recorded"


def _box(groups: list[list[Flowable]]) -> Table:
    """The summary inside a lightly tinted box with a green rule down its left side; one row
    per petition, so a long grouped summary can break between petitions."""
    box = Table([[group] for group in groups], colWidths=[s.FRAME_WIDTH], hAlign="LEFT")
    box.setStyle(
        s.layout_table_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), s.TINT),
                ("LINEBEFORE", (0, 0), (0, -1), 2.5, s.ACCENT),
                ("LEFTPADDING", (0, 0), (-1, -1), BOX_PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), BOX_PADDING),
                ("TOPPADDING", (0, 0), (-1, -1), BOX_PADDING / 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), BOX_PADDING / 2),
                ("TOPPADDING", (0, 0), (-1, 0), BOX_PADDING),
                ("BOTTOMPADDING", (0, -1), (-1, -1), BOX_PADDING),
            ]
        )
    )
    return box
