"""The editable letter templates and the placeholders each may use.

Templates use ``$name`` placeholders (``$$`` for a dollar sign), so that braces, percent
signs and the like in a clerk's wording are never mistaken for anything special, and the
values put in (a petition title, the reasons) are never expanded further.
"""

from __future__ import annotations

from enum import StrEnum
from string import Template


class LetterKind(StrEnum):
    REVISION_REQUEST = "revision_request"
    CHASER = "chaser"
    OVERDUE_RESPONSE = "overdue_response"

    @property
    def label(self) -> str:
        return {
            LetterKind.REVISION_REQUEST: "Request for a revised response",
            LetterKind.CHASER: "Chaser for a revised response",
            LetterKind.OVERDUE_RESPONSE: "Overdue Government response",
        }[self]


COMMON = {
    "petition_number": "the e-petition number, e.g. 724432",
    "petition_title": "the petition's title (what it asks for)",
    "petition_url": "the petition's page on petition.parliament.uk",
    "background": "the petition's background text",
    "signatures": "signatures so far, e.g. 23,214",
    "department": "the department(s) responsible",
    "today": "today's date",
    "signatory": "who signs the letter (a casework setting)",
}
ABOUT_REQUEST = {
    "response_date": "the date of the response the Committee asked to be revised",
    "reasons": "the Committee's reasons, as recorded on the request",
    "sent_date": "the date the request was sent",
    "due_date": "the date the revised response is due",
    "chase_count": "how many times the request has been chased before",
}
ABOUT_OVERDUE = {
    "threshold_date": "the date the petition passed 10,000 signatures",
    "response_due_date": "the date the Government response was due",
    "days_overdue": "days since the response was due",
}

PLACEHOLDERS: dict[LetterKind, dict[str, str]] = {
    LetterKind.REVISION_REQUEST: COMMON | ABOUT_REQUEST,
    LetterKind.CHASER: COMMON | ABOUT_REQUEST,
    LetterKind.OVERDUE_RESPONSE: COMMON | ABOUT_OVERDUE,
}

DEFAULT_TEMPLATES: dict[LetterKind, str] = {
    LetterKind.REVISION_REQUEST: """\
Dear colleague,

The Petitions Committee has considered the Government's response of $response_date to \
e-petition $petition_number, “$petition_title”, which has been signed by $signatures people.

The Committee does not think that the response addresses the petition's specific request, \
for these reasons:

$reasons

The Committee would be grateful for a revised response that answers the petition's request \
directly, by $due_date. The revised response will be published on the petition's page \
($petition_url) and sent to everyone who has signed it.

Yours sincerely,""",
    LetterKind.CHASER: """\
Dear colleague,

On $sent_date the Petitions Committee asked for a revised response to e-petition \
$petition_number, “$petition_title”, by $due_date. We have not yet received it.

The Committee asked for the revised response because:

$reasons

Please send the revised response as soon as possible, and let us know when we can expect it.

Yours sincerely,""",
    LetterKind.OVERDUE_RESPONSE: """\
Dear colleague,

E-petition $petition_number, “$petition_title”, passed 10,000 signatures on $threshold_date \
and has now been signed by $signatures people. The Government has agreed to respond to \
petitions within 21 days of their reaching 10,000 signatures, so a response was due by \
$response_due_date. It is now $days_overdue days overdue.

The Committee would be grateful if the department could publish its response without further \
delay, and let us know when it expects to do so.

Yours sincerely,""",
}


class TemplateError(ValueError):
    """A template cannot be used; the message names the setting and the placeholder."""


def check_template(text: str, name: str) -> None:
    """Refuse a template with unknown or malformed placeholders, naming them."""
    kind = LetterKind(name.removeprefix("template."))
    template = Template(text)
    if not text.strip():
        raise TemplateError(f"{name}: the template is empty")
    if not template.is_valid():
        raise TemplateError(
            f"{name}: a $ must start a placeholder such as $petition_number (write $$ for a "
            "dollar sign)"
        )
    unknown = sorted(set(template.get_identifiers()) - set(PLACEHOLDERS[kind]))
    if unknown:
        allowed = ", ".join(f"${p}" for p in PLACEHOLDERS[kind])
        raise TemplateError(
            f"{name}: ${unknown[0]} is not a placeholder this letter has; use {allowed}"
        )


def fill(text: str, values: dict[str, str]) -> str:
    return Template(text).substitute(values)
