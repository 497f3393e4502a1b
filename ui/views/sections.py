"""HTML for the petition view's text sections. Every text from the site is escaped first."""

from __future__ import annotations

from datetime import date, datetime
from html import escape
from urllib.parse import urlparse

from caseworker.domain.forecast import Forecast
from caseworker.domain.rules import london_date
from caseworker.formatting import long_date
from caseworker.services.debates.decisions import DebateDecisionView
from caseworker.services.dto import PetitionDetail, ResponseVersionView

LINK_TITLES = (
    ("video_url", "Watch the debate"),
    ("transcript_url", "Read the transcript of the debate"),
    ("debate_pack_url", "Read the research used for the debate"),
    ("public_engagement_url", "Read what the public said"),
    ("debate_summary_url", "Read a summary of the debate"),
)


def when(value: date | datetime | None) -> str:
    """House style, "5 April 2025" (a timestamp's London date), whatever the desktop's language."""
    return "–" if value is None else long_date(value)


def paragraphs(text: str | None) -> str:
    if not text:
        return ""
    blocks = [b for b in text.replace("\r\n", "\n").split("\n\n") if b.strip()]
    return "".join(f"<p>{escape(b).replace(chr(10), '<br>')}</p>" for b in blocks)


def link(url: str | None, title: str) -> str:
    """A link only for http(s) addresses; anything else is shown as inert text."""
    if not url:
        return ""
    parsed = urlparse(url)
    if parsed.scheme.lower() in ("http", "https") and parsed.netloc:
        return f'<a href="{escape(url, quote=True)}">{escape(title)}</a>'
    return f"{escape(title)}: {escape(url)} (not a web link, not opened)"


def facts_html(d: PetitionDetail, today: date | None = None) -> str:
    kind = "Archived e-petition" if d.archived else "e-petition"
    parts = [
        f"<b>{kind} {d.id}</b>",
        escape(d.state.capitalize()),
        f"<b>{d.signature_count:,}</b> signatures (as at {when(d.updated_at)})",
        response_status(d, today or date.today()),
        debate_status(d),
    ]
    if d.departments:
        parts.append(escape("; ".join(x.name for x in d.departments)))
    return " · ".join(parts)


def response_status(d: PetitionDetail, today: date) -> str:
    """The response's state in a clerk's words, with the deadline where it matters."""
    current = d.current_response
    if current is not None:
        revised = " (revised)" if len(d.responses) > 1 else ""
        responded = when(current.responded_on or d.government_response_at)
        return f"Government responded{revised} {responded}"
    if d.response_due_on is None:
        return "Below 10,000: no response due" if d.state != "rejected" else "Rejected"
    late = (today - d.response_due_on).days
    if late > 0:
        days = f"{late} day{'s' if late != 1 else ''}"
        waited = (
            (today - london_date(d.response_threshold_reached_at)).days
            if d.response_threshold_reached_at
            else 0
        )
        return (
            f"<b>⚠ Response overdue by {days}</b> "
            f"(due {when(d.response_due_on)}; waiting {waited} days)"
        )
    return f"Awaiting response, due {when(d.response_due_on)}"


def debate_status(d: PetitionDetail) -> str:
    state = d.debate_state
    if state == "debated":
        debated_on = d.debate.debated_on if d.debate else d.scheduled_debate_date
        return f"Debated {when(debated_on)}"
    if state == "scheduled":
        return f"Debate scheduled for {when(d.scheduled_debate_date)}"
    if state == "not_debated":
        return "Decided not to debate"
    if state == "awaiting":
        return "Awaiting a debate decision"
    return "Below 100,000"


def petition_html(d: PetitionDetail) -> str:
    out = []
    if d.committee_note:
        out.append(f"<h3>Committee note</h3>{paragraphs(d.committee_note)}")
    out.append(f"<h3>Background</h3>{paragraphs(d.background) or '<p>–</p>'}")
    if d.additional_details:
        out.append(f"<h3>Additional details</h3>{paragraphs(d.additional_details)}")
    if d.rejection_code:
        out.append(
            f"<h3>Rejected</h3><p>{escape(d.rejection_code)}</p>{paragraphs(d.rejection_details)}"
        )
    out.append("<h3>Dates</h3>" + _dates_table(d))
    if d.topics:
        out.append(f"<p><b>Topics:</b> {escape(', '.join(d.topics))}</p>")
    if d.source_url:
        out.append(f"<p>{link(d.source_url, 'Petition data on petition.parliament.uk')}</p>")
    return "".join(out)


def _dates_table(d: PetitionDetail) -> str:
    rows = [
        ("Created", d.created_at),
        ("Opened", d.opened_at),
        ("Closing date", d.closing_date),
        ("Closed", d.closed_at),
        ("Crossed 10,000", d.response_threshold_reached_at),
        ("Response due", d.response_due_on),
        ("Government responded", _first_response_date(d)),
        ("Response revised", _revised_date(d)),
        ("Crossed 100,000", d.debate_threshold_reached_at),
        ("Debate scheduled on", d.debate_scheduled_on),
        ("Debate date", d.scheduled_debate_date),
        ("Signature data as at", d.updated_at),
    ]
    cells = "".join(
        f"<tr><td>{label}</td><td>&nbsp;&nbsp;{when(value)}</td></tr>"
        for label, value in rows
        if value
    )
    return f"<table>{cells}</table>"


def _first_response_date(d: PetitionDetail) -> date | datetime | None:
    if d.responses and d.responses[0].responded_on:
        return d.responses[0].responded_on
    return d.government_response_at


def _revised_date(d: PetitionDetail) -> date | None:
    return d.responses[-1].responded_on if len(d.responses) > 1 else None


def responses_html(d: PetitionDetail) -> str:
    if not d.responses:
        due = f" It is due by {when(d.response_due_on)}." if d.response_due_on else ""
        return f"<p>No Government response has been captured.{due}</p>"
    newest_first = list(reversed(d.responses))
    out = [_response(newest_first[0], len(d.responses), len(d.responses), d.response_due_on)]
    if len(newest_first) > 1:
        out.append("<hr><h3>Earlier versions</h3>")
        for n, version in zip(range(len(d.responses) - 1, 0, -1), newest_first[1:], strict=True):
            out.append(
                _response(version, n, len(d.responses), d.response_due_on if n == 1 else None)
            )
    return "".join(out)


def _response(r: ResponseVersionView, number: int, of: int, due: date | None) -> str:
    status = "current" if r.is_current else "superseded"
    origin = (
        ""
        if r.source == "government_response"
        else " (known from the site's copy in related activity)"
    )
    heading = f"<h3>Version {number} of {of} ({status})</h3>"
    seen = when(r.first_seen_at)
    if when(r.last_seen_at) != seen:
        seen = f"from {seen} to {when(r.last_seen_at)}"
    late = ""
    if due is not None and r.responded_on is not None and r.responded_on > due:
        days = (r.responded_on - due).days
        late = f"; <b>late by {days} day{'s' if days != 1 else ''}</b> (due {when(due)})"
    meta = (
        f"<p><i>Responded on {when(r.responded_on)}{late}; seen in captures {seen}"
        f"{escape(origin)}</i></p>"
    )
    return heading + meta + f"<p><b>{escape(r.summary)}</b></p>" + paragraphs(r.details)


def debate_html(d: PetitionDetail) -> str:
    out = []
    if d.debate is not None:
        x = d.debate
        out.append("<h3>Debate</h3>")
        out.append(
            f"<p>{'Debated on ' + when(x.debated_on) if x.debated_on else 'Not debated'}</p>"
        )
        links = [link(getattr(x, key), title) for key, title in LINK_TITLES if getattr(x, key)]
        out += [f"<p>{item}</p>" for item in links]
        out.append(paragraphs(x.overview))
    elif d.scheduled_debate_date:
        out.append(f"<h3>Debate</h3><p>Scheduled for {when(d.scheduled_debate_date)}</p>")
    else:
        out.append("<h3>Debate</h3><p>No debate scheduled.</p>")
    out.append("<h3>Other parliamentary business</h3>")
    if not d.other_parliamentary_business:
        out.append("<p>None recorded.</p>")
    for item in d.other_parliamentary_business:
        marker = " <i>(a former Government response)</i>" if item.is_former_response else ""
        out.append(f"<h4>{escape(item.subject)}{marker}</h4>")
        out.append(
            f"<p><i>{when(item.occurred_on or item.created_at)}</i></p>{paragraphs(item.body)}"
        )
    return "".join(out)


def _crossing_text(f: Forecast) -> str:
    earliest = when(f.crossing_earliest) if f.crossing_earliest else None
    if f.crossing_at is None:
        if earliest:
            return f"not expected before closing on the present trend; possible from {earliest}."
        return "not expected before closing on the present trend."
    expected = when(f.crossing_at)
    latest = when(f.crossing_latest) if f.crossing_latest else "after closing"
    if earliest in (None, expected) and latest == expected:
        return f"expected on {expected}."
    return f"expected on {expected} (between {earliest or expected} and {latest})."


def forecast_html(d: PetitionDetail) -> str:
    f = d.forecast
    if f is None:
        reason = (
            "it is not open"
            if d.state != "open"
            else "the history is too short (3 days or more needed)"
        )
        return f"<p><i>No forecast: {reason}.</i></p>"
    text = (
        f"<p><b>Forecast at closing ({when(f.closes_at)}):</b> "
        f"about {f.final_estimate:,} signatures "
        f"(likely between {f.final_low:,} and {f.final_high:,}).</p>"
    )
    if f.threshold is not None:
        text += f"<p><b>{f.threshold:,}:</b> {_crossing_text(f)}</p>"
    return (
        text + "<p><i>Method: exponential decay fitted to the last 21 days; see the README.</i></p>"
    )


def debate_decisions_html(rows: list[DebateDecisionView]) -> str:
    """The Committee's decisions at 100,000 signatures, newest first: one line each."""
    if not rows:
        return ""
    items = "".join(
        f"<li><b>{escape(long_date(r.decided_on))}</b>"
        + (f" (meeting of {escape(long_date(r.meets_on))})" if r.meets_on else "")
        + f": {escape(r.summary.rstrip('.'))}. <i>Recorded by {escape(r.decided_by)}.</i></li>"
        for r in rows
    )
    return f"<h3>The Committee's decisions on a debate</h3><ul>{items}</ul>"
