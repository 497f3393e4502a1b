"""Debate briefing packs: the pack assembled from stored petitions, laid out as an A4 PDF."""

from caseworker.briefing.model import (
    ALL_SECTIONS,
    SECTION_TITLES,
    BriefingPack,
    PackError,
    PackOptions,
    Section,
    assemble_pack,
    parse_sections,
)
from caseworker.briefing.render import write_pack

__all__ = [
    "ALL_SECTIONS",
    "SECTION_TITLES",
    "BriefingPack",
    "PackError",
    "PackOptions",
    "Section",
    "assemble_pack",
    "parse_sections",
    "write_pack",
]
