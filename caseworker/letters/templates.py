"""The editable letter templates, the registers they are written in, and their placeholders.

Templates use ``$name`` placeholders (``$$`` for a dollar sign), so that braces, percent
signs and the like in a clerk's wording are never mistaken for anything special, and the
values put in (a petition title, the reasons) are never expanded further.

A template is the letter's wording only: the greeting comes from the recipient kept for the
department ("Dear Secretary of State,"), the sign-off from the register (the Chair or the
clerk, by name), so neither is typed into a template.
"""

from __future__ import annotations

from enum import StrEnum
from string import Template


class Register(StrEnum):
    """Who writes to whom. The Committee's published letters go from the Chair to the
    Secretary of State; day-to-day follow-up goes from the clerk to departmental officials."""

    CHAIR = "chair"
    CLERK = "clerk"

    @property
    def label(self) -> str:
        return {
            Register.CHAIR: "Chair to the Secretary of State",
            Register.CLERK: "Clerk to departmental officials",
        }[self]

    @property
    def recipient_label(self) -> str:
        return {Register.CHAIR: "Secretary of State", Register.CLERK: "official"}[self]


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

    @property
    def register(self) -> Register:
        """The Chair asks for revised responses and complains of lateness; the clerk chases."""
        return Register.CLERK if self is LetterKind.CHASER else Register.CHAIR


COMMON = {
    "petition_number": "the e-petition number, e.g. 724432",
    "petition_title": "the petition's title (what it asks for)",
    "petition_page": "\u201cthe petition's page\u201d followed by its address on the site "
    "(no address for a demo petition, which has no page there)",
    "petition_url": "the petition's address on petition.parliament.uk (empty for a demo petition)",
    "background": "the petition's background text",
    "signatures": "signatures by the letter's date, e.g. 23,214",
    "department": "the department responsible, e.g. the Department for Education",
    "today": "the letter's date",
    "signatory": "who signs the letter (the Chair or the clerk, by name)",
}
ABOUT_REQUEST = {
    "response_date": "the date of the response the Committee asked to be revised",
    "reasons": "the Committee's reasons, as recorded on the request",
    "sent_date": "the date the request was sent",
    "due_date": "the date the revised response is due",
    "chase_count": "how many times the request has been chased",
    "lateness": "a sentence on lateness, with dates (empty when nothing was late)",
}
ABOUT_CHASE = {
    "chase_date": "the date of the chase (the chaser's date)",
    "days_overdue": "days the revised response is overdue at the chase, e.g. 3",
    "new_due_date": "the new date the chaser asks for",
}
ABOUT_OVERDUE = {
    "threshold_date": "the date the petition passed 10,000 signatures",
    "response_due_date": "the date the Government response was due",
    "checked_date": "the date of the newest data, when no response had been published",
    "days_overdue": "days overdue on the checked date, e.g. 1,204",
    "new_due_date": "the date the letter asks for the response by",
}

PLACEHOLDERS: dict[LetterKind, dict[str, str]] = {
    LetterKind.REVISION_REQUEST: COMMON | ABOUT_REQUEST,
    LetterKind.CHASER: COMMON | ABOUT_REQUEST | ABOUT_CHASE,
    LetterKind.OVERDUE_RESPONSE: COMMON | ABOUT_OVERDUE,
}

#: The standard the Chair's letters cite (domain notes §1.4).
STANDARD = "the standard for Government responses agreed with the Leader of the House"

DEFAULT_TEMPLATES: dict[LetterKind, str] = {
    LetterKind.REVISION_REQUEST: f"""\
I am writing on behalf of the Petitions Committee about the Government's response of \
$response_date to e-petition $petition_number, \u201c$petition_title\u201d, which has been \
signed by $signatures people.

$lateness

Under {STANDARD}, a response should address directly what a petition asks for. The Committee \
does not think that this response meets that standard, for these reasons:

$reasons

The Committee therefore asks the Government for a revised response. The revised response \
should state clearly whether the Government will do what the petition asks \u2014 \
\u201c$petition_title\u201d \u2014 and, if it will not, why not. I should be grateful to \
receive it by $due_date. It will be published on $petition_page and sent to everyone who has \
signed the petition.""",
    LetterKind.CHASER: """\
On $sent_date the Chair of the Petitions Committee asked for a revised Government response \
to e-petition $petition_number, \u201c$petition_title\u201d, by $due_date.

$lateness

The Committee asked for the revised response because:

$reasons

Please send the revised response by $new_due_date. If it cannot be sent by then, please let \
me know when the Committee can expect it.""",
    LetterKind.OVERDUE_RESPONSE: f"""\
I am writing about the Government's response to e-petition $petition_number, \
\u201c$petition_title\u201d, which passed 10,000 signatures on $threshold_date and has been \
signed by $signatures people.

Under {STANDARD}, the Government responds to petitions within 21 days of their reaching \
10,000 signatures, so a response to this petition was due by $response_due_date. As at \
$checked_date no response had been published: it was then $days_overdue days overdue.

I should be grateful if $department would publish its response without further delay, and \
by $new_due_date at the latest, and let the Committee know when it expects to do so.""",
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
