"""The annex: every constituency's signatures, most first, the heading repeated on each page."""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph

from caseworker.briefing import figures
from caseworker.briefing.blocks import Outline
from caseworker.briefing.signatures import constituency_table
from caseworker.formatting import count
from caseworker.pdf import styles as s
from caseworker.pdf.text import para
from caseworker.services.dto import PetitionDetail


def annex(
    petition: PetitionDetail, letter: str, member: str | None, outline: Outline
) -> list[Flowable]:
    ranked = figures.ranked_constituencies(petition)
    title = f"Annex {letter}: signatures by constituency, e-petition {petition.id}"
    story: list[Flowable] = [outline.heading(title, 0, numbered=False)]
    if not ranked:
        return [*story, Paragraph("No breakdown by constituency was published.", s.styles().body)]
    total = figures.constituency_total(petition)
    seat = figures.member_constituency(ranked, member)
    note = (
        f"All {len(ranked)} constituencies, most signatures first. Share: of the {count(total)} "
        "signatures from constituencies."
    )
    if seat is not None:
        note += f" The opening Member’s constituency, {seat.area.name}, is in bold."
    story.append(Paragraph(para(note), s.styles().note))
    story.append(constituency_table(ranked, total, highlight=seat.rank if seat else None))
    return story
