"""The pack's text sections for one petition: the petition itself, the Government response
(every version, and the Committee's requests for a revision), other parliamentary business and
the links."""

from __future__ import annotations

from xml.sax.saxutils import quoteattr

from reportlab.platypus import Flowable, Paragraph, Spacer

from caseworker.briefing.blocks import Outline, facts_table, note, paragraphs, plain
from caseworker.domain import rules
from caseworker.formatting import long_date
from caseworker.pdf import styles as s
from caseworker.pdf.text import para
from caseworker.services.dto import (
    PetitionDetail,
    ResponseVersionView,
    RevisionRequestView,
)

SITE = "https://petition.parliament.uk"


def petition_text(petition: PetitionDetail, outline: Outline, level: int) -> list[Flowable]:
    st = s.styles()
    story: list[Flowable] = [Paragraph(para(petition.action), st.heading3)]
    for title, text in (
        ("Background", petition.background),
        ("Additional details", petition.additional_details),
        ("Note from the Petitions Committee", petition.committee_note),
    ):
        if text and text.strip():
            story.append(outline.heading(title, level + 1))
            story += paragraphs(text)
    story.append(facts_table(_petition_facts(petition), s.FRAME_WIDTH, label_width=120))
    return story


def _petition_facts(petition: PetitionDetail) -> list[tuple[str, str]]:
    rows = [("e-petition number", str(petition.id)), ("State", petition.state.capitalize())]
    if petition.creator_name:
        rows.append(("Created by", petition.creator_name))
    for label, value in (("Opened", petition.opened_at), ("Closed", petition.closed_at)):
        if value is not None:
            rows.append((label, long_date(value)))
    if petition.closed_at is None and petition.closing_date is not None:
        rows.append(("Closes", long_date(petition.closing_date)))
    if petition.departments:
        rows.append(("Department", "; ".join(d.name for d in petition.departments)))
    if petition.parliament is not None:
        rows.append(("Parliament", petition.parliament.period))
    return rows


def response(petition: PetitionDetail, outline: Outline, level: int) -> list[Flowable]:
    current = petition.current_response
    if current is None:
        return [plain(_no_response(petition))]
    story: list[Flowable] = [_version_heading(current, outline, level, current=True)]
    story += _version_text(current)
    for request in petition.revision_requests:
        story += revision_request(request, outline, level)
    earlier = [r for r in petition.responses if not r.is_current]
    for version in reversed(earlier):
        story.append(_version_heading(version, outline, level, current=False))
        story += _version_text(version, small=True)
    return story


def _no_response(petition: PetitionDetail) -> str:
    if petition.response_threshold_reached_at is None:
        return (
            f"The petition has not reached {rules.RESPONSE_THRESHOLD:,} signatures, so the "
            "Government has not been asked to respond."
        )
    due = petition.response_due_on
    return "The Government has not yet responded" + (
        f"; the response was due on {long_date(due)}." if due else "."
    )


def _version_heading(
    version: ResponseVersionView, outline: Outline, level: int, *, current: bool
) -> Flowable:
    when = version.responded_on or rules.london_date(version.first_seen_at)
    if current:
        return outline.heading(f"The response of {long_date(when)}", level + 1)
    shown = f", shown on the site until {long_date(version.last_seen_at)}"
    return outline.heading(f"Earlier version: the response of {long_date(when)}{shown}", level + 1)


def _version_text(version: ResponseVersionView, *, small: bool = False) -> list[Flowable]:
    st = s.styles()
    style = st.body_small if small else st.body
    return [
        Paragraph(f"<b>{para(version.summary)}</b>", style),
        *paragraphs(version.details, style),
    ]


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
    return [
        outline.heading(title, level + 1),
        facts_table(rows, s.FRAME_WIDTH, label_width=120),
        Spacer(1, 6),
        Paragraph("<b>Reasons given</b>", s.styles().body),
        *paragraphs(request.reasons),
    ]


def business(petition: PetitionDetail, outline: Outline, level: int) -> list[Flowable]:
    items = petition.other_parliamentary_business
    if not items:
        return [plain("The petition site lists no other parliamentary business.")]
    story: list[Flowable] = []
    for item in items:
        day = item.occurred_on or item.created_at
        title = item.subject + (f" ({long_date(day)})" if day else "")
        story.append(outline.heading(title, level + 1))
        if item.is_former_response:
            story.append(
                note(
                    "The site's copy of an earlier Government response; its text is "
                    "in the Government response section."
                )
            )
        else:
            story += paragraphs(item.body)
    return story


def links(petition: PetitionDetail) -> list[Flowable]:
    st = s.styles()
    rows = [("The petition on the site", petition_url(petition))]
    debate = petition.debate
    if debate is not None:
        rows += [
            (label, url)
            for label, url in (
                ("Transcript of the debate (Hansard)", debate.transcript_url),
                ("Video of the debate", debate.video_url),
                ("Research for the debate (Commons Library)", debate.debate_pack_url),
                ("Public engagement summary", debate.public_engagement_url),
                ("Debate summary", debate.debate_summary_url),
            )
            if url
        ]
    story: list[Flowable] = []
    for label, url in rows:
        story.append(Paragraph(f"<b>{para(label)}</b><br/>{link(url)}", st.body_small))
    if debate is None or not debate.transcript_url:
        story.append(
            note(
                "The transcript, video and research links appear on the site once "
                "the debate has been held."
            )
        )
    return story


def petition_url(petition: PetitionDetail) -> str:
    if petition.source_url and petition.source_url.startswith(("http://", "https://")):
        return petition.source_url.removesuffix(".json")
    return f"{SITE}/petitions/{petition.id}"


def link(url: str) -> str:
    """The address printed in full, and clickable only if it is a web address."""
    if not url.startswith(("http://", "https://")):
        return para(url)
    return f'<link href={quoteattr(url)} color="#006548">{para(url)}</link>'
