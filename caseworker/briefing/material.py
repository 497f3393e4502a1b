"""Parliamentary material: the list the Committee staff keep for the debate (previous
debates, written questions, statements, early day motions, committee reports and
correspondence, press, further reading), each kind under a heading of its own."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Paragraph

from caseworker.briefing.blocks import Outline, kept_style, link, note, plain
from caseworker.briefing.model import SECTION_TITLES, BriefingPack, Section
from caseworker.domain.debates import MaterialKind
from caseworker.formatting import long_date
from caseworker.pdf import styles as s
from caseworker.pdf.text import para
from caseworker.services.debates.views import MaterialItem

INTRODUCTION = (
    "Material the Committee staff have listed for this debate, by kind, each with the date "
    "it was published. The House of Commons Library's debate pack may list more."
)


def material_section(pack: BriefingPack, outline: Outline) -> list[Flowable]:
    """The section (level 0); nothing for a pack with no debate record."""
    if pack.debate is None:
        return []
    heading = outline.heading(SECTION_TITLES[Section.MATERIAL], 0)
    if not pack.material:
        return [heading, plain("No parliamentary material has been listed for this debate.")]
    story: list[Flowable] = [heading, note(INTRODUCTION)]
    for kind, items in by_kind(pack.material):
        story += outline.kept_heading(kind.label, 1)
        story += [item_flowable(item) for item in items]
    return story


def by_kind(items: Sequence[MaterialItem]) -> list[tuple[MaterialKind, list[MaterialItem]]]:
    """The items under each kind, in MaterialKind's order (the list's own order within)."""
    out: dict[MaterialKind, list[MaterialItem]] = {}
    for item in items:
        out.setdefault(MaterialKind(item.kind), []).append(item)
    return [(kind, out[kind]) for kind in MaterialKind if kind in out]


def item_flowable(item: MaterialItem) -> Flowable:
    """Title in bold, date, the clerk's note, the address printed in full."""
    style = _item_style()
    lines = [f"<b>{para(item.title)}</b>"]
    if item.published_on is not None:
        lines.append(para(long_date(item.published_on)))
    if item.note.strip():
        lines.append(para(" ".join(item.note.split())))
    if item.link:
        lines.append(link(item.link, style))
    return KeepTogether([Paragraph("<br/>".join(lines), style)])


@cache
def _item_style() -> ParagraphStyle:
    return ParagraphStyle("MaterialItem", parent=kept_style(s.styles().body_small), spaceAfter=7)
