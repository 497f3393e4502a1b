"""A letter as data: what both the PDF and the plain-text renderings print."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from datetime import date

from caseworker.formatting import long_date
from caseworker.letters.templates import LetterKind

COMMITTEE = "Petitions Committee"
HOUSE = "House of Commons"
ADDRESS = ("Committee Office", "House of Commons", "London SW1A 0AA")


@dataclass(frozen=True)
class Letter:
    kind: LetterKind
    petition_id: int
    reference: str
    dated: date
    to: str
    subject: str
    body: str
    signatory: str

    @property
    def paragraphs(self) -> list[str]:
        """The body split at blank lines; single line breaks inside a paragraph are kept."""
        blocks = [b.strip("\n") for b in self.body.replace("\r\n", "\n").split("\n\n")]
        return [b for b in blocks if b.strip()]


def as_text(letter: Letter, width: int = 78) -> str:
    """The letter for a mail client: wrapped lines, paragraphs separated by blank lines."""
    head = [
        f"{HOUSE}, {COMMITTEE}",
        f"Our reference: {letter.reference}",
        long_date(letter.dated),
        "",
        f"To: {letter.to}",
        "",
        letter.subject,
        "",
    ]
    body = ["\n".join(_wrap(line, width) for line in p.split("\n")) for p in letter.paragraphs]
    return "\n".join(head) + "\n" + "\n\n".join(body) + f"\n\n{letter.signatory}\n{COMMITTEE}\n"


def _wrap(line: str, width: int) -> str:
    # Long words (URLs) are kept whole rather than broken across lines.
    return textwrap.fill(line, width, break_long_words=False, break_on_hyphens=False) or line
