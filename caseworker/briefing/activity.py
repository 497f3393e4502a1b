"""Reading the site's updates to signatories ("other parliamentary business") into headings,
paragraphs and list items, leaving out the standard explanations and newsletter lines.

The pack lays them out (caseworker.briefing.texts); this module only reads the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from caseworker.briefing.blocks import URL
from caseworker.pdf.text import normalise_line_breaks

# The site's updates to signatories arrive as plain text converted from Markdown: before
# November 2025 one paragraph a line, sub-headings as short lines of their own ("What happens
# next?"), lists as "·", "-" or short unpunctuated lines after a colon; since then headings
# underlined with "-", "* " and "1. " lists and links as "text[1]" with "[1]: url" below.
# Most updates end with the same explanations of procedure and newsletter links; those are
# left out, and the pack says so.

#: A heading of a standard explanation: "What is a Select Committee?", "What are Westminster
#: Hall debates?", "How do petitions debates work?" (not "What is the Committee looking at?").
_PROCEDURE = r"committees?|debates?|bills?|statements?|days?|questions|sessions?|speech|reading"
_EXPLAINER_HEADING = re.compile(
    rf"^(what (is|are) (an? |the )?.*\b({_PROCEDURE})|how do .+ work"
    r"|get involved in the work of (the )?uk parliament)\s*\??$",
    re.IGNORECASE,
)
#: Lines of newsletter boilerplate: social media, "Find out how Select Committees work: ...".
_BOILERPLATE_LINE = re.compile(
    r"\b(on|via) twitter\b|^(you can )?follow (the|us|our)\b|\bfind out (more )?(about )?how\b"
    r"|\bget involved in the work of (the )?uk parliament\b|\bnewsletter\b"
    r"|^take part in the discussion using #|^@\w+ and take part",
    re.IGNORECASE,
)
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s*(.+?)\s*#*$")
_UNDERLINE = re.compile(r"^(-{3,}|={3,})$")
_BULLET = re.compile(r"^([-*•·‣◦–]|\d{1,2}[.)])\s+(.+)$")
_FOOTNOTE = re.compile(r"^\[(\d{1,3})\]:?\s+(\S+)$")
#: A line this short, without a full stop, colon or comma at its end, is a heading or a
#: list item rather than a paragraph.
SHORT_LINE = 100


@dataclass(frozen=True)
class ActivityBlock:
    """One piece of an update: a ``heading``, a ``paragraph`` or a list ``item``."""

    kind: str
    text: str
    marker: str = ""


@dataclass(frozen=True)
class ActivityText:
    blocks: tuple[ActivityBlock, ...]
    #: ("1", "https://...") for the "[1]: url" link list of newer updates.
    footnotes: tuple[tuple[str, str], ...] = ()
    #: The standard explanations and newsletter lines left out, as they began.
    left_out: tuple[str, ...] = ()


def parse_activity(body: str | None) -> ActivityText:
    """An update's text as headings, paragraphs and list items, boilerplate left out."""
    lines, footnotes = _lines_and_footnotes(body or "")
    blocks = _classified(lines)
    kept, left_out = _without_boilerplate(blocks)
    return ActivityText(tuple(kept), tuple(footnotes), tuple(left_out))


def _lines_and_footnotes(body: str) -> tuple[list[str], list[tuple[str, str]]]:
    lines: list[str] = []
    footnotes: list[tuple[str, str]] = []
    for raw in normalise_line_breaks(body).split("\n"):
        line = " ".join(raw.replace("\N{NO-BREAK SPACE}", " ").split())
        footnote = _FOOTNOTE.match(line)
        if footnote:
            footnotes.append((footnote.group(1), footnote.group(2)))
        elif _UNDERLINE.match(line) and lines:
            lines[-1] = "# " + lines[-1]  # an underlined heading
        elif line:
            lines.append(line)
    return lines, footnotes


def _is_short(line: str) -> bool:
    return (
        len(line) <= SHORT_LINE
        and not URL.search(line)
        and not line.endswith((".", ":", ";", ",", "!"))
        and not _BULLET.match(line)
        and not _MARKDOWN_HEADING.match(line)
    )


def _classified(lines: Sequence[str]) -> list[ActivityBlock]:
    blocks: list[ActivityBlock] = []
    for i, line in enumerate(lines):
        heading = _MARKDOWN_HEADING.match(line)
        bullet = _BULLET.match(line)
        if heading:
            blocks.append(ActivityBlock("heading", heading.group(1)))
        elif bullet:
            marker = bullet.group(1)
            number = marker[0].isdigit()
            blocks.append(ActivityBlock("item", bullet.group(2), marker if number else "•"))
        elif blocks and _is_lead_in(blocks[-1]) and URL.fullmatch(line):
            # "Read the report:" and its address stay together.
            blocks[-1] = ActivityBlock("paragraph", f"{blocks[-1].text}\n{line}")
        else:
            previous = lines[i - 1] if i else ""
            following = lines[i + 1] if i + 1 < len(lines) else ""
            last = blocks[-1].kind if blocks else ""
            kind = _plain_line_kind(line, previous, following, last)
            blocks.append(ActivityBlock(kind, line, "•" if kind == "item" else ""))
    return blocks


def _is_lead_in(block: ActivityBlock) -> bool:
    return block.kind == "paragraph" and block.text.endswith(":")


def _plain_line_kind(line: str, previous: str, following: str, last: str) -> str:
    """A line that is not marked up: a long line is a paragraph; a short one is a list
    item (after a colon, or among other short lines) or a heading (before text)."""
    if not _is_short(line):
        return "paragraph"
    capitalised = line[:1].isupper()
    if capitalised and line.endswith("?") and following and not _is_short(following):
        return "heading"  # "What happens next?" after a list still heads the next text
    listed = last == "item" and _is_short(previous)
    if previous.endswith(":") or listed or _is_short(following):
        return "item"
    return "heading" if capitalised and following else "paragraph"


def _without_boilerplate(blocks: Sequence[ActivityBlock]) -> tuple[list[ActivityBlock], list[str]]:
    """The blocks without standard explanations (a "What is a Select Committee?" heading and
    everything up to the next heading) or newsletter and social-media lines."""
    kept: list[ActivityBlock] = []
    left_out: list[str] = []
    skipping = False
    for block in blocks:
        if block.kind == "heading":
            skipping = bool(_EXPLAINER_HEADING.match(block.text))
        if skipping or _BOILERPLATE_LINE.search(block.text):
            left_out.append(block.text)
            continue
        kept.append(block)
    return _without_empty_headings(kept), left_out


def _without_empty_headings(blocks: list[ActivityBlock]) -> list[ActivityBlock]:
    """Headings with nothing left under them (all boilerplate) go too."""
    return [
        block
        for i, block in enumerate(blocks)
        if block.kind != "heading" or (i + 1 < len(blocks) and blocks[i + 1].kind != "heading")
    ]
