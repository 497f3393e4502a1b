"""A letter as data: what the PDF, the plain text and the HTML edition all print."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, replace
from datetime import date

from caseworker.formatting import long_date
from caseworker.letters.templates import LetterKind

COMMITTEE = "Petitions Committee"
HOUSE = "House of Commons"
ADDRESS = ("Committee Office", "House of Commons", "London SW1A 0AA")
DRAFT_NOTICE = "DRAFT \u2014 the request has not been sent"


@dataclass(frozen=True)
class Letter:
    """One letter, ready to print.

    ``to`` is the addressee block, one line a line (name, office, department, address);
    ``body`` runs from the greeting to the sign-off, paragraphs separated by blank lines;
    ``missing`` names what the team has not set yet (a named recipient, the signatory), so
    that the letter says so in words instead of printing a placeholder.
    """

    kind: LetterKind
    petition_id: int
    reference: str
    dated: date
    to: str
    subject: str
    body: str
    signatory: str
    signatory_title: str = ""
    #: The Committee's contact details, one item a line (address, email, telephone).
    contact: str = ""
    draft: bool = False
    request_id: int | None = None
    missing: tuple[str, ...] = ()

    @property
    def paragraphs(self) -> list[str]:
        """The body split at blank lines; single line breaks inside a paragraph are kept."""
        return paragraphs_of(self.body)

    @property
    def to_lines(self) -> list[str]:
        return [line.strip() for line in self.to.replace("\r\n", "\n").split("\n") if line.strip()]

    @property
    def contact_lines(self) -> list[str]:
        lines = self.contact.replace("\r\n", "\n").split("\n")
        return [line.strip() for line in lines if line.strip()]

    @property
    def signature_lines(self) -> list[str]:
        return [line for line in (self.signatory, self.signatory_title) if line.strip()]

    def addressed_to(self, to: str) -> Letter:
        """The letter with the addressee block ``to``: a clerk who types a named addressee
        for this one letter has supplied what a missing recipient note asked for."""
        if to.strip() == self.to.strip():
            return replace(self, to=to)
        kept = tuple(note for note in self.missing if not is_no_recipient_note(note))
        return replace(self, to=to, missing=kept)

    @property
    def missing_notice(self) -> str:
        """One sentence naming what is missing; "" when the letter is complete."""
        if not self.missing:
            return ""
        return "Not ready to send: " + "; ".join(self.missing) + "."


def no_recipient_note(recipient: str, department: str, where: str) -> str:
    """ "no Secretary of State is named for the Home Office (set one in …)"."""
    return f"no {recipient} is named for {department} (set one in {where})"


def is_no_recipient_note(note: str) -> bool:
    return note.startswith("no ") and " is named for " in note


def paragraphs_of(text: str) -> list[str]:
    blocks = [b.strip("\n") for b in text.replace("\r\n", "\n").split("\n\n")]
    return [b for b in blocks if b.strip()]


def as_text(letter: Letter, width: int = 78) -> str:
    """The letter for a mail client: wrapped lines, paragraphs separated by blank lines."""
    head = [f"{HOUSE}, {COMMITTEE}"]
    if letter.draft:
        head += [DRAFT_NOTICE]
    if letter.missing:
        head += [_wrap(letter.missing_notice, width)]
    head += [f"Our reference: {letter.reference}", long_date(letter.dated), ""]
    head += [*letter.to_lines, "", letter.subject, ""]
    body = ["\n".join(_wrap(line, width) for line in p.split("\n")) for p in letter.paragraphs]
    tail = ["", *letter.signature_lines]
    if letter.contact_lines:
        tail += ["", *letter.contact_lines]
    return "\n".join(head) + "\n" + "\n\n".join(body) + "\n" + "\n".join(tail) + "\n"


def _wrap(line: str, width: int) -> str:
    # Long words (URLs) are kept whole rather than broken across lines.
    return textwrap.fill(line, width, break_long_words=False, break_on_hyphens=False) or line
