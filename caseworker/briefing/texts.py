"""The pack's text sections for one petition: the petition itself, the Government response
(every version, and the Committee's requests for a revised response), other parliamentary
business (the site's "related activity") and the links.

These sections see one petition, not the pack, so a fact that may since have changed is told
as at the petition's latest capture ("No Government response had been published as at 24
March 2019"), which is true however old the data is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from functools import cache

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer

from caseworker.briefing.activity import ActivityText, parse_activity
from caseworker.briefing.blocks import (
    LINES_WITH_HEADING,
    Outline,
    facts_table,
    kept_style,
    link,
    linked_text,
    note,
    paragraphs,
    plain,
)
from caseworker.briefing.model import decided_not_to_debate, own_debate_date
from caseworker.domain import rules
from caseworker.formatting import long_date
from caseworker.pdf import styles as s
from caseworker.pdf.fonts import SERIF_BOLD
from caseworker.pdf.text import normalise_line_breaks, para
from caseworker.services.dto import (
    BusinessView,
    PetitionDetail,
    ResponseVersionView,
    RevisionRequestView,
)

SITE = "https://petition.parliament.uk"
#: A last paragraph this short is a sign-off ("Department for Transport"): kept with the
#: paragraph before it, never left alone at the top of a page.
SIGN_OFF = 80


def as_at(petition: PetitionDetail) -> str:
    """The date of the petition's latest capture: what "now" means in its data."""
    return long_date(petition.updated_at)


def petition_text(petition: PetitionDetail, outline: Outline, level: int) -> list[Flowable]:
    st = s.styles()
    story: list[Flowable] = [Paragraph(para(petition.action), st.heading3)]
    for title, text in (
        ("Background", petition.background),
        ("Additional details", petition.additional_details),
        ("Note from the Petitions Committee", petition.committee_note),
        ("The Committee’s decision not to debate", _decision_not_to_debate(petition)),
    ):
        if text and text.strip():
            story += outline.kept_heading(title, level + 1)
            story += paragraphs(text)
    # A handful of rows: split over two pages they read as two tables.
    facts = facts_table(_petition_facts(petition), s.FRAME_WIDTH, label_width=120)
    story.append(KeepTogether([facts]))
    return story


def _decision_not_to_debate(petition: PetitionDetail) -> str | None:
    """The Committee's words (the site's debate overview) when it decided not to debate."""
    if not decided_not_to_debate(petition):
        return None
    overview = petition.debate.overview if petition.debate is not None else None
    if overview and overview.strip():
        return overview
    on = petition.debate_outcome_at
    return "The Petitions Committee decided not to debate this petition" + (
        f" (recorded on {long_date(on)})." if on is not None else "."
    )


def _petition_facts(petition: PetitionDetail) -> list[tuple[str, str]]:
    state = petition.state.capitalize()
    if petition.state == "open":
        state += f" (as at {as_at(petition)})"
    rows = [("e-petition number", str(petition.id)), ("State", state)]
    if petition.creator_name:
        rows.append(("Created by", petition.creator_name))
    for label, value in (("Opened", petition.opened_at), ("Closed", petition.closed_at)):
        if value is not None:
            rows.append((label, long_date(value)))
    if petition.closed_at is None and petition.closing_date is not None:
        rows.append(("Due to close", long_date(petition.closing_date)))
    if decided_not_to_debate(petition):
        rows.append(("Debate", "Not debated: the Petitions Committee decided not to debate it"))
    if petition.departments:
        rows.append(("Department", "; ".join(d.name for d in petition.departments)))
    if petition.parliament is not None:
        rows.append(("Parliament", petition.parliament.period))
    return rows


# The Government response -------------------------------------------------------------------


def response(petition: PetitionDetail, outline: Outline, level: int) -> list[Flowable]:
    current = petition.current_response
    if current is None:
        return [plain(no_response(petition))]
    story: list[Flowable] = [*_version_heading(current, None, outline, level)]
    story += _version_text(current)
    for request in petition.revision_requests:
        story += revision_request(request, outline, level)
    versions = list(petition.responses)
    for i in reversed(range(len(versions))):
        version = versions[i]
        if version.is_current:
            continue
        replaced_by = versions[i + 1] if i + 1 < len(versions) else None
        story += _version_heading(version, replaced_by, outline, level)
        story += _version_text(version, small=True)
    return story


def no_response(petition: PetitionDetail) -> str:
    """Where a missing response stands, as at the petition's latest capture."""
    if petition.response_threshold_reached_at is None:
        return (
            f"As at {as_at(petition)}, the petition had not reached "
            f"{rules.RESPONSE_THRESHOLD:,} signatures, so the Government had not been asked "
            "to respond."
        )
    due = petition.response_due_on
    return f"No Government response had been published as at {as_at(petition)}" + (
        f"; it was due on {long_date(due)}." if due else "."
    )


def _version_date(version: ResponseVersionView) -> date:
    return version.responded_on or rules.london_date(version.first_seen_at)


def _version_heading(
    version: ResponseVersionView,
    replaced_by: ResponseVersionView | None,
    outline: Outline,
    level: int,
) -> list[Flowable]:
    """The current response's heading, or an earlier version's with what replaced it and
    when (the date the revision appeared, not the last capture that showed the old one)."""
    when = long_date(_version_date(version))
    if version.is_current:
        return outline.kept_heading(f"The response of {when}", level + 1)
    if replaced_by is not None:
        later = long_date(_version_date(replaced_by))
        title = f"Earlier version: the response of {when}, replaced by the response of {later}"
    else:
        title = f"Earlier version: the response of {when}, last seen on the site on " + long_date(
            version.last_seen_at
        )
    return outline.kept_heading(title, level + 1)


def _version_text(version: ResponseVersionView, *, small: bool = False) -> list[Flowable]:
    st = s.styles()
    style = st.body_small if small else st.body
    return [
        Paragraph(f"<b>{para(version.summary)}</b>", kept_style(style)),
        *response_paragraphs(version.details, style),
    ]


_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")


def response_paragraphs(text: str | None, style: ParagraphStyle) -> list[Flowable]:
    """The response's paragraphs, with a short last one (the department's sign-off) joined
    to the paragraph before it so a page break cannot strand it at the top of a page."""
    parts = [part.strip() for part in _BLANK_LINES.split(normalise_line_breaks(text or ""))]
    parts = [part for part in parts if part]
    if len(parts) >= 2 and len(parts[-1]) <= SIGN_OFF and "\n" not in parts[-1]:
        parts[-2:] = [f"{parts[-2]}\n{parts[-1]}"]
    return [Paragraph(para(part), kept_style(style)) for part in parts]


def revision_request(request: RevisionRequestView, outline: Outline, level: int) -> list[Flowable]:
    """A request for a revised response: where it stands, its dates and the reasons given."""
    title = "The Committee’s request for a revised response"
    if request.sent_on is not None:
        title += f" of {long_date(request.sent_on)}"
    rows = [("Status", request.status.replace("_", " ").capitalize())]
    if request.department:
        rows.append(("Department", request.department))
    rows += [
        (label, long_date(day))
        for label, day in (("Sent", request.sent_on), ("Reply due", request.due_on))
        if day
    ]
    if request.chases:
        rows.append(("Chased", ", ".join(long_date(c.chased_on) for c in request.chases)))
    if request.response_responded_on is not None:
        rows.append(("About the response of", long_date(request.response_responded_on)))
    if request.revised_responded_on is not None:
        rows.append(("Revised response", long_date(request.revised_responded_on)))
    # The heading and its few facts are short: they go over a page break whole.
    heading = outline.heading(title, level + 1)
    return [
        KeepTogether([heading, facts_table(rows, s.FRAME_WIDTH, label_width=120)]),
        Spacer(1, 6),
        *subheading("Reasons given"),
        *paragraphs(request.reasons),
    ]


def subheading(text: str) -> list[Flowable]:
    """A bold run-in heading inside a section, kept with the first lines after it."""
    style = _subheading_style()
    room = style.spaceBefore + style.leading + LINES_WITH_HEADING * s.styles().body.leading
    return [CondPageBreak(room), Paragraph(para(text), style)]


@cache
def _subheading_style() -> ParagraphStyle:
    return ParagraphStyle(
        "ActivityHeading",
        parent=s.styles().body,
        fontName=SERIF_BOLD,
        spaceBefore=4,
        spaceAfter=2,
        keepWithNext=0,
    )


@cache
def _item_style() -> ParagraphStyle:
    """A list item: indented, its marker hanging in the margin."""
    return ParagraphStyle(
        "ActivityItem",
        parent=kept_style(s.styles().body),
        leftIndent=14,
        bulletIndent=3,
        spaceAfter=2,
    )


# Related activity ("other parliamentary business"): read by caseworker.briefing.activity.


def activity_day(item: BusinessView) -> date | None:
    """The day of the activity (the site's ``occurred_on``, else the day it was posted)."""
    if item.occurred_on is not None:
        return item.occurred_on
    return rules.london_date(item.created_at) if item.created_at is not None else None


def after_debate(item: BusinessView, debate_day: date | None) -> bool:
    day = activity_day(item)
    return debate_day is not None and day is not None and day > debate_day


def business(petition: PetitionDetail, outline: Outline, level: int) -> list[Flowable]:
    items = petition.other_parliamentary_business
    if not items:
        return [
            plain(
                f"The petition site listed no other parliamentary business as at {as_at(petition)}."
            )
        ]
    debate_day = own_debate_date(petition)
    parsed = [None if item.is_former_response else parse_activity(item.body) for item in items]
    story: list[Flowable] = [note(_business_intro(items, parsed, debate_day))]
    for item, text in zip(items, parsed, strict=True):
        story += activity_item(item, text, outline, level + 1, debate_day)
    return story


def _business_intro(
    items: Sequence[BusinessView], parsed: Sequence[ActivityText | None], debate_day: date | None
) -> str:
    """What the section holds: the site's updates to signatories, oldest first; which mark
    is used for those after the debate; what was left out."""
    text = "The Committee’s updates to signatories on the petition site, oldest first."
    if debate_day is not None and any(after_debate(item, debate_day) for item in items):
        text += (
            f" Those marked “after the debate” are dated after the debate of "
            f"{long_date(debate_day)}."
        )
    examples = [t.left_out[0] for t in parsed if t is not None and t.left_out]
    if examples:
        text += (
            " The site’s standard explanations of procedure and its newsletter and "
            f"social-media links (such as “{examples[0]}”) are left out."
        )
    return text


def activity_item(
    item: BusinessView,
    text: ActivityText | None,
    outline: Outline,
    level: int,
    debate_day: date | None,
) -> list[Flowable]:
    """One update: its subject as a heading, its date (marked when after the debate), then
    its text with sub-headings, lists and clickable addresses."""
    subject = " ".join(item.subject.split())
    later = after_debate(item, debate_day)
    story = outline.kept_heading(subject + (" (after the debate)" if later else ""), level)
    day = activity_day(item)
    if day is not None:
        dated = long_date(day)
        if later and debate_day is not None:
            dated += f": after the debate of {long_date(debate_day)}"
        story.append(Paragraph(para(dated.upper() if later else dated), _date_style()))
    if text is None:
        story.append(
            note(
                "The site's copy of an earlier Government response; its text is "
                "in the Government response section."
            )
        )
        return story
    story += activity_flowables(text)
    return story


def activity_flowables(text: ActivityText) -> list[Flowable]:
    """An update's blocks as flowables; bodies split across pages freely."""
    body = kept_style(s.styles().body)
    story: list[Flowable] = []
    for block in text.blocks:
        if block.kind == "heading":
            story += subheading(block.text)
        elif block.kind == "item":
            style = _item_style()
            width = s.FRAME_WIDTH
            story.append(
                Paragraph(linked_text(block.text, style, width), style, bulletText=block.marker)
            )
        else:
            story.append(Paragraph(linked_text(block.text, body), body))
    if text.footnotes:
        story += subheading("Links in this update")
        style = _item_style()
        story += [
            Paragraph(link(url, style), style, bulletText=f"[{number}]")
            for number, url in text.footnotes
        ]
    return story


@cache
def _date_style() -> ParagraphStyle:
    return ParagraphStyle("ActivityDate", parent=s.styles().label, spaceAfter=4)


# Links --------------------------------------------------------------------------------------


def links(petition: PetitionDetail) -> list[Flowable]:
    st = s.styles()
    style = kept_style(st.body_small)
    rows = [("The petition on the site", petition_url(petition))]
    debate = petition.debate
    if debate is not None:
        rows += [
            (label(url), url)
            for label, url in (
                (transcript_label, debate.transcript_url),
                (video_label, debate.video_url),
                (research_label, debate.debate_pack_url),
                (lambda _url: "Public engagement summary", debate.public_engagement_url),
                (lambda _url: "Debate summary", debate.debate_summary_url),
            )
            if url
        ]
    story: list[Flowable] = [
        Paragraph(f"<b>{para(name)}</b><br/>{link(url, style)}", style) for name, url in rows
    ]
    if decided_not_to_debate(petition):
        story.append(
            note("The Committee decided not to debate the petition: there is no debate to link to.")
        )
    elif debate is None or not debate.transcript_url:
        story.append(
            note(
                f"No transcript was linked from the site as at {as_at(petition)}: the site adds "
                "the transcript, video and research links once the debate has been held."
            )
        )
    return story


_HANSARD = re.compile(
    r"^https?://hansard\.parliament\.uk/(commons|lords)/(\d{4})-(\d{2})-(\d{2})(/debates/\S+)?/?$",
    re.IGNORECASE,
)


def transcript_label(url: str) -> str:
    """What the site's "transcript" address is: the debate in Hansard, or only the day's
    index (some petitions link to the whole sitting), or something else."""
    match = _HANSARD.match(url)
    if match is None:
        return "Transcript of the debate (as linked from the petition site)"
    if match.group(5):
        return "Transcript of the debate (Hansard)"
    house = match.group(1).capitalize()
    day = date(int(match.group(2)), int(match.group(3)), int(match.group(4)))
    return (
        f"Hansard: the {house} sitting of {long_date(day)} (the day’s index, not the debate itself)"
    )


def video_label(url: str) -> str:
    host = url.lower()
    if "youtube.com/" in host or "youtu.be/" in host:
        return "Video of the debate (YouTube)"
    if "parliamentlive.tv/" in host:
        return "Video of the debate (Parliament TV)"
    return "Video of the debate"


def research_label(url: str) -> str:
    lowered = url.lower()
    if "commonslibrary.parliament.uk" in lowered:
        if "/cdp-" in lowered:
            return "Debate pack (House of Commons Library)"
        return "Research briefing (House of Commons Library)"
    return "Research for the debate"


def petition_url(petition: PetitionDetail) -> str:
    if petition.source_url and petition.source_url.startswith(("http://", "https://")):
        return petition.source_url.removesuffix(".json")
    return f"{SITE}/petitions/{petition.id}"
