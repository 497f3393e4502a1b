"""Lay a briefing pack out as an A4 PDF: cover and contents, summary, a part for each
petition, annexes."""

from __future__ import annotations

import string
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO

from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Table
from reportlab.platypus.doctemplate import NotAtTopPageBreak

from caseworker.briefing import (
    annex,
    debate_record,
    engagement,
    maps,
    material,
    members,
    related,
    signatures,
    summary,
    texts,
)
from caseworker.briefing.blocks import Outline
from caseworker.briefing.cover import contents, cover
from caseworker.briefing.model import SECTION_TITLES, BriefingPack, Section
from caseworker.briefing.opening_seat import opening_seat
from caseworker.formatting import long_date, weekday_date
from caseworker.jobs import CancelCheck, Cancelled, ProgressCallback, never_cancelled, no_progress
from caseworker.pdf import styles as s
from caseworker.pdf.document import DocumentInfo, ParliamentaryDocument
from caseworker.services.dto import PetitionDetail

AUTHOR = "House of Commons Petitions Committee"
#: Each pass lays the story out; the second also prints the page numbers.
PASSES = 2

#: The sections of one petition's part, in order, and how each is made.
PartMaker = Callable[[PetitionDetail, str | None, Outline, int], list[Flowable]]
PART_SECTIONS: tuple[tuple[Section, PartMaker], ...] = (
    (Section.PETITION, lambda p, m, o, lv: texts.petition_text(p, o, lv)),
    # The map of signatures by constituency closes the Signatures section.
    (Section.SIGNATURES, lambda p, m, o, lv: signatures.signatures(p, m, o, lv)),
    (Section.RESPONSE, lambda p, m, o, lv: texts.response(p, o, lv)),
    (Section.BUSINESS, lambda p, m, o, lv: texts.business(p, o, lv)),
    (Section.LINKS, lambda p, m, o, lv: texts.links(p)),
)


def document_info(pack: BriefingPack) -> DocumentInfo:
    numbers = ", ".join(str(i) for i in pack.ids)
    first = pack.petitions[0].action
    title = f"Debate briefing: {first}" + (
        f" and {len(pack.petitions) - 1} more" if pack.grouped else ""
    )
    when = f" on {long_date(pack.debate_date)}" if pack.debate_date else ""
    return DocumentInfo(
        title=title,
        subject=f"Briefing for the {pack.venue} debate{when} on e-petition"
        f"{'s' if pack.grouped else ''} {numbers}",
        author=AUTHOR,
        reference=pack.reference,
        header_left=f"Debate briefing: e-petition{'s' if pack.grouped else ''} {numbers}",
        header_right=f"Debate on {weekday_date(pack.debate_date)}" if pack.debate_date else "",
        keywords=("e-petition", "debate briefing", pack.venue, *(str(i) for i in pack.ids)),
    )


def story(pack: BriefingPack) -> list[Flowable]:
    """Every flowable of the pack, in reading order."""
    outline = Outline(depth=2 if pack.grouped else 1)
    out = [*cover(pack), *contents()]
    if pack.has(Section.SUMMARY):
        out += summary.summary(pack, outline)
    if pack.has(Section.DEBATE):  # these four only in a pack made from a debate record
        out += debate_record.debate_section(pack, outline)
    for petition in pack.petitions:
        out += _part(pack, petition, outline)
    if pack.has(Section.RELATED):
        out += related.related_section(pack, outline)
    if pack.has(Section.MATERIAL):
        out += material.material_section(pack, outline)
    if pack.has(Section.ENGAGEMENT):
        out += engagement.engagement_section(pack, outline)
    if pack.has(Section.MEMBERS):  # once a pack: a debate's petitions added up
        out += members.members_section(pack.petitions, outline, 0, opening_seat(pack))
    if pack.has(Section.ANNEX):
        for letter, petition in zip(string.ascii_uppercase, pack.petitions, strict=False):
            # Each annex starts a page: it is long, and read apart from the briefing. A page
            # that is already fresh (as after the contents) is not left blank.
            out += [NotAtTopPageBreak(), *annex.annex(petition, letter, pack.member, outline)]
    return keep_headings(out)


def keep_headings(flowables: Sequence[Flowable]) -> list[Flowable]:
    """The story with each heading kept with the first lines of a body that can split,
    rather than with all of it.

    A heading's ``keepWithNext`` carries the heading and its whole body to the next page
    when the body does not fit, leaving the rest of the page empty. Where the body can split
    (text, a long table), the heading instead gets a conditional page break in front of it
    asking only for room for itself and the body's first lines. Where the body cannot
    split (a chart beside its table), ``keepWithNext`` stays: the body moves anyway, and the
    heading must go with it. Runs of headings ("3 Signatures", "Countries") are kept together
    by one break asking for room for all of them.
    """
    out = list(flowables)
    for i in range(len(out) - 1, -1, -1):
        heading = out[i]
        if not _is_kept_heading(heading) or i + 1 >= len(out):
            continue
        body = out[i + 1]
        room = _room_for_start(body)
        if room is None:
            continue
        if isinstance(body, CondPageBreak):
            del out[i + 1]
        heading.keepWithNext = 0
        needed = min(_height(heading) + room, MOST_ROOM_ASKED * s.FRAME_HEIGHT)
        out.insert(i, CondPageBreak(needed))
    return out


#: A heading never asks for more than this share of a page: it would leave that much empty.
MOST_ROOM_ASKED = 0.4
#: Lines of a paragraph, or rows of a table below its heading row, kept with a heading.
FIRST_LINES = 3


def _is_kept_heading(flowable: Flowable) -> bool:
    return isinstance(flowable, Paragraph) and bool(flowable.getKeepWithNext())


def _room_for_start(body: Flowable) -> float | None:
    """The height of the first lines of a body that can split, or None if it cannot."""
    if isinstance(body, CondPageBreak):  # a heading already kept with its own body
        return float(body.height)
    if _is_kept_heading(body):
        return None
    if isinstance(body, Paragraph):
        style = body.style
        full = _height(body) - style.spaceBefore - style.spaceAfter
        return float(style.spaceBefore + min(full, FIRST_LINES * style.leading))
    if isinstance(body, Table) and len(body._cellvalues) > body.repeatRows + FIRST_LINES:
        body.wrap(s.FRAME_WIDTH, s.FRAME_HEIGHT)
        return float(sum(body._rowHeights[: body.repeatRows + FIRST_LINES]))
    return None


def _height(paragraph: Flowable) -> float:
    """A flowable's height across the frame, with the space around it."""
    _width, height = paragraph.wrap(s.FRAME_WIDTH, s.FRAME_HEIGHT)
    return float(height + paragraph.getSpaceBefore() + paragraph.getSpaceAfter())


def _part(pack: BriefingPack, petition: PetitionDetail, outline: Outline) -> list[Flowable]:
    """One petition's sections; in a grouped pack, under a heading of its own."""
    out: list[Flowable] = []
    level = 0
    if pack.grouped:
        out.append(outline.heading(f"e-petition {petition.id}: {petition.action}", 0))
        level = 1
    for section, make in PART_SECTIONS:
        if pack.has(section):
            out.append(outline.heading(SECTION_TITLES[section], level))
            out += make(petition, pack.member, outline, level)
            if section is Section.SIGNATURES:
                # The map closes the Signatures section, pointing out the opening seat.
                out += maps.map_section(petition, outline, level, opening_seat(pack))
    return out


def write_pack(
    pack: BriefingPack,
    target: Path | IO[bytes],
    *,
    progress: ProgressCallback = no_progress,
    cancelled: CancelCheck = never_cancelled,
) -> int:
    """Write the pack as PDF to ``target``; returns the number of pages.

    Reports progress over both layout passes and raises Cancelled between flowables once
    ``cancelled()`` is true.
    """
    flowables = story(pack)
    total = PASSES * len(flowables)
    placed = 0

    def after_flowable() -> None:
        nonlocal placed
        placed += 1
        if cancelled():
            raise Cancelled()
        if placed % 8 == 0:
            progress(min(placed, total), total, "Laying out the pages")

    document = ParliamentaryDocument(target, document_info(pack), after_flowable=after_flowable)
    pages = document.render(flowables)
    progress(total, total, f"{pages} pages")
    return pages
