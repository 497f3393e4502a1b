"""The summary box: for each petition the request in a sentence, its signatures, the
thresholds it crossed, where the Government response stands (in its own words) and the key
dates.

Facts are told in the present tense only while the data is current. From an old capture
(``DataDate.stale``) they are told as at the capture's date: "As at 24 March 2019, no
response had been published", never "The Government has not yet responded".
"""

from __future__ import annotations

from datetime import date

from reportlab.platypus import Flowable, Paragraph, Table

from caseworker.briefing import figures
from caseworker.briefing.blocks import Outline, facts_table
from caseworker.briefing.model import (
    SECTION_TITLES,
    BriefingPack,
    Section,
    decided_not_to_debate,
    joined,
    own_debate_date,
)
from caseworker.domain import rules
from caseworker.formatting import count, counted, long_date, papers_moment, weekday_date
from caseworker.pdf import styles as s
from caseworker.pdf.text import para
from caseworker.services.dto import PetitionDetail

BOX_PADDING = 9


def summary(pack: BriefingPack, outline: Outline) -> list[Flowable]:
    st = s.styles()
    inner_width = s.FRAME_WIDTH - 2 * BOX_PADDING
    groups: list[list[Flowable]] = []
    opening = [Paragraph(para(text), st.body) for text in opening_lines(pack)]
    if opening:
        groups.append(opening)
    as_at = stale_day(pack)
    groups += [_petition_summary(petition, inner_width, as_at, pack) for petition in pack.petitions]
    closing = [Paragraph(para(text), st.note) for text in closing_notes(pack)]
    if pack.debate_date is not None:
        closing.insert(
            0,
            Paragraph(
                para(f"Debate: {weekday_date(pack.debate_date)}, {pack.venue}."), st.body_small
            ),
        )
    if closing:
        groups.append(closing)
    return [outline.heading(SECTION_TITLES[Section.SUMMARY], 0), _box(groups)]


def stale_day(pack: BriefingPack) -> date | None:
    """The capture's date when the data is too old for the present tense, else None."""
    when = pack.data_date
    return when.day if when.stale else None


def opening_lines(pack: BriefingPack) -> list[str]:
    """How old the data is (when old) and, for a group, how many petitions and signatures."""
    lines = []
    if pack.debate is not None and pack.debate.motion and pack.debate_date is not None:
        held = pack.debate.status == "held" or pack.debate_date < pack.prepared_on
        verb = "held" if held else "to be held"
        lines.append(
            f"This pack has been prepared for the debate {verb} in {pack.venue} on "
            f"{weekday_date(pack.debate_date)} on the motion “{pack.debate.motion}”"
        )
    as_at = stale_day(pack)
    if as_at is not None:
        age = counted((pack.prepared_on - as_at).days, "day")
        lines.append(
            f"Data as at {long_date(as_at)} (the newest capture, {age} before this pack was "
            "prepared): everything below is as it stood then."
        )
    if pack.grouped:
        total = sum(p.signature_count for p in pack.petitions)
        verb = "were" if as_at is not None else "are"
        lines.append(
            f"{len(pack.petitions)} e-petitions {verb} debated together, with "
            f"{count(total)} signatures between them."
        )
    return lines


def _petition_summary(
    petition: PetitionDetail, width: float, as_at: date | None, pack: BriefingPack
) -> list[Flowable]:
    st = s.styles()
    return [
        Paragraph(para(f"e-petition {petition.id}"), st.kicker),
        Paragraph(para(f"The petition asks: “{petition.action}”"), st.heading3),
        facts_table(summary_facts(petition, as_at, pack), width, label_width=105),
    ]


def summary_facts(
    petition: PetitionDetail, as_at: date | None = None, pack: BriefingPack | None = None
) -> list[tuple[str, str]]:
    crossed = [t for t in figures.thresholds(petition) if t.crossed_on is not None]
    threshold_text = (
        "; ".join(f"{t.signatures:,} on {long_date(t.crossed_on)}" for t in crossed if t.crossed_on)
        or f"Neither (fewer than {rules.RESPONSE_THRESHOLD:,} signatures)"
    )
    signatures = count(petition.signature_count)
    if as_at is not None and petition.state == "open":
        signatures += f" (as at {long_date(as_at)}, while still open)"
    rows = [
        ("Signatures", signatures),
        ("Thresholds crossed", threshold_text),
        ("Government response", response_status(petition, as_at)),
    ]
    current = petition.current_response
    if current is not None and current.summary.strip():
        rows.append(("The response says", f"“{' '.join(current.summary.split())}”"))
    debate = debate_fact(petition, pack)
    if debate:
        rows.append(("Debate", debate))
    rows.append(("Key dates", key_dates(petition, as_at)))
    return rows


def response_status(petition: PetitionDetail, as_at: date | None = None) -> str:
    """Where the response stands; from old data, told as at the capture's date."""
    if petition.current_response is not None or as_at is None:
        return figures.response_status(petition)
    if petition.response_threshold_reached_at is not None:
        due = petition.response_due_on
        when = f"; it was due on {long_date(due)}" if due else ""
        return f"As at {long_date(as_at)}, no response had been published{when}"
    return (
        f"As at {long_date(as_at)}, the petition had fewer than "
        f"{rules.RESPONSE_THRESHOLD:,} signatures, so no response was due"
    )


def debate_fact(petition: PetitionDetail, pack: BriefingPack | None) -> str:
    """Said only when it is not the pack's own debate: not debated, or another day."""
    if decided_not_to_debate(petition):
        on = petition.debate_outcome_at
        when = f" (recorded on {long_date(on)})" if on is not None else ""
        return f"Not debated: the Petitions Committee decided not to debate it{when}"
    day = own_debate_date(petition)
    if pack is not None and day is not None and pack.debate_date not in (None, day):
        held = petition.debate is not None and petition.debate.debated_on is not None
        verb = "Debated" if held else "Listed for debate"
        return f"{verb} on {weekday_date(day)}, not on the day of this debate"
    return ""


def key_dates(petition: PetitionDetail, as_at: date | None = None) -> str:
    dates = []
    if petition.opened_at is not None:
        dates.append(f"opened {long_date(petition.opened_at)}")
    if petition.closed_at is not None:
        dates.append(f"closed {long_date(petition.closed_at)}")
    elif petition.closing_date is not None:
        verb = "due to close" if as_at is not None else "closes"
        dates.append(f"{verb} {long_date(petition.closing_date)}")
    if petition.debate_scheduled_on is not None:
        # The day the Committee fixed the debate, not the debate itself (that is on the cover).
        dates.append(f"debate date set on {long_date(petition.debate_scheduled_on)}")
    text = "; ".join(dates)
    return text[:1].upper() + text[1:] if text else "None recorded"


def closing_notes(pack: BriefingPack) -> list[str]:
    """When the counts were taken, and whether they can still change (only open petitions'
    counts do)."""
    if pack.data_as_at is None:
        return []
    moment = papers_moment(pack.data_as_at)
    still_open = [str(p.id) for p in pack.petitions if p.state == "open"]
    if not still_open:
        final = (
            "the petitions had closed, so the counts are final"
            if pack.grouped
            else "the petition had closed, so the count is final"
        )
        return [f"Signature counts as at {moment}; {final}."]
    several = len(still_open) > 1
    plural = "s" if several else ""
    which = f"e-petition{plural} {joined(still_open)}" if pack.grouped else "the petition"
    counts = "counts" if several else "count"
    if stale_day(pack) is not None:
        were = "were" if several else "was"
        return [
            f"Signature counts as at {moment}; {which} {were} still open then, so the {counts} "
            "may have grown since."
        ]
    are = "are" if several else "is"
    return [f"Signature counts as at {moment}; {which} {are} open, so the {counts} will change."]


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
