"""Related petitions: the stored petitions most like the debate's own, with their state,
signatures and why each matches."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether

from caseworker.briefing.blocks import Outline, data_table, fitted_widths, note, plain
from caseworker.briefing.model import SECTION_TITLES, BriefingPack, Section
from caseworker.formatting import count
from caseworker.pdf import styles as s

HEADERS = ["e-petition", "Petition", "State", "Signatures", "Why it is related"]


def related_section(pack: BriefingPack, outline: Outline) -> list[Flowable]:
    """The section (level 0); nothing for a pack with no debate record."""
    if pack.debate is None:
        return []
    heading = outline.heading(SECTION_TITLES[Section.RELATED], 0)
    if not pack.related:
        return [heading, plain("No stored petition shares enough with this debate's petitions.")]
    rows = [
        HEADERS,
        *(
            [str(r.id), r.action, r.state.capitalize(), count(r.signature_count),
             "; ".join(r.reasons) or "–"]
            for r in pack.related
        ),
    ]  # fmt: skip
    widths = fitted_widths(rows, {0: 52, 2: 52, 3: 58, 4: 130}, s.FRAME_WIDTH)
    intro = plain(
        "The stored petitions most like this debate's (open, closed and rejected), closest "
        "first, with the words they share."
    )
    # A short table: the heading and the words above it never sit apart from it.
    return [
        KeepTogether([heading, intro, data_table(rows, widths, numeric=[3])]),
        note("Matched on shared distinctive words in the petitions' text; check before citing."),
    ]
