"""``show --format text``: one petition as a clerk would read it in a terminal."""

from __future__ import annotations

import textwrap
from datetime import date, datetime

from caseworker.formatting import counted, long_date, moment
from caseworker.services import dto

WIDTH = 88


def detail_text(d: dto.PetitionDetail) -> str:
    parts = [
        _heading(d),
        _dates(d),
        _texts(d),
        _responses(d),
        _debate(d),
        _signatures(d),
        _business(d),
    ]
    return "\n\n".join(p for p in parts if p).rstrip() + "\n"


def _heading(d: dto.PetitionDetail) -> str:
    kind = "archived e-petition" if d.archived else "e-petition"
    demo = "  [demo data]" if d.is_demo else ""
    lines = [f"{kind.capitalize()} {d.id}: {d.action}{demo}"]
    lines.append(
        f"State: {d.state}  ·  {d.signature_count:,} signatures  ·  "
        f"response {d.response_state}  ·  debate {d.debate_state.replace('_', ' ')}"
    )
    if d.parliament:
        lines.append(
            f"Parliament: {d.parliament.period} ({d.parliament.government or 'government unknown'})"
        )
    if d.departments:
        lines.append("Departments: " + "; ".join(x.name for x in d.departments))
    if d.topics:
        lines.append("Topics: " + ", ".join(d.topics))
    if d.rejection_code:
        lines.append(
            f"Rejected: {d.rejection_code}"
            + (f": {d.rejection_details}" if d.rejection_details else "")
        )
    return "\n".join(lines)


def _dates(d: dto.PetitionDetail) -> str:
    rows = [
        ("Opened", d.opened_at),
        ("Closing date", d.closing_date),
        ("Closed", d.closed_at),
        ("Crossed 10,000", d.response_threshold_reached_at),
        ("Response due", d.response_due_on),
        ("Government responded", d.government_response_at),
        ("Crossed 100,000", d.debate_threshold_reached_at),
        ("Debate scheduled on", d.debate_scheduled_on),
        ("Debate date", d.scheduled_debate_date),
        ("Signature data as at", d.updated_at),
    ]
    return "\n".join(f"{label + ':':<24}{_when(value)}" for label, value in rows if value)


def _texts(d: dto.PetitionDetail) -> str:
    blocks = []
    for title, body in (
        ("Committee note", d.committee_note),
        ("Background", d.background),
        ("Additional details", d.additional_details),
    ):
        if body:
            blocks.append(f"{title}\n{_wrap(body)}")
    return "\n\n".join(blocks)


def _responses(d: dto.PetitionDetail) -> str:
    if not d.responses:
        return ""
    blocks = []
    for n, r in enumerate(d.responses, start=1):
        status = "current" if r.is_current else "superseded"
        header = (
            f"Government response, version {n} of {len(d.responses)} ({status}); "
            f"responded on {_when(r.responded_on) or 'not given'}; "
            f"seen {_when(r.first_seen_at)} to {_when(r.last_seen_at)}"
        )
        body = _wrap(r.summary) + ("\n\n" + _wrap(r.details) if r.details else "")
        blocks.append(f"{header}\n{body}")
    return "\n\n".join(blocks)


def _debate(d: dto.PetitionDetail) -> str:
    if d.debate is None:
        return ""
    x = d.debate
    lines = [f"Debate: {'debated on ' + _when(x.debated_on) if x.debated_on else 'not debated'}"]
    for label, url in (
        ("Transcript", x.transcript_url),
        ("Video", x.video_url),
        ("Research", x.debate_pack_url),
        ("Public engagement", x.public_engagement_url),
        ("Summary", x.debate_summary_url),
    ):
        if url:
            lines.append(f"  {label}: {url}")
    if x.overview:
        lines.append(_wrap(x.overview))
    return "\n".join(lines)


def _signatures(d: dto.PetitionDetail) -> str:
    lines = []
    if d.signature_history:
        lines.append(
            f"Signature history: {counted(len(d.signature_history), 'snapshot')} from "
            f"{_when(d.signature_history[0].at)} to {_when(d.signature_history[-1].at)}"
        )
    top = sorted(d.signatures_by_constituency, key=lambda c: -c.signature_count)[:10]
    if top:
        lines.append("Top constituencies:")
        lines += [f"  {c.signature_count:>9,}  {c.name} ({c.mp or 'seat vacant'})" for c in top]
    if d.signatures_by_country:
        countries = sorted(d.signatures_by_country, key=lambda c: -c.signature_count)[:5]
        lines.append(
            "Top countries: " + "; ".join(f"{c.name} {c.signature_count:,}" for c in countries)
        )
    return "\n".join(lines)


def _business(d: dto.PetitionDetail) -> str:
    if not d.other_parliamentary_business:
        return ""
    lines = ["Other parliamentary business:"]
    for item in d.other_parliamentary_business:
        when = _when(item.occurred_on or item.created_at)
        lines.append(f"  {when}  {item.subject}")
    return "\n".join(lines)


def _when(value: date | datetime | None) -> str:
    # A terminal may be anywhere: a time names its zone (BST or GMT).
    if value is None:
        return ""
    if isinstance(value, datetime):
        return moment(value, zone_name=True)
    return long_date(value)


def _wrap(text: str) -> str:
    paragraphs = text.replace("\r\n", "\n").split("\n")
    return "\n".join(textwrap.fill(p, WIDTH) if p.strip() else "" for p in paragraphs)
