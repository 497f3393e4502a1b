"""The Unicode fonts embedded in every generated PDF.

ReportLab's built-in Helvetica and Times cover only Latin-1, so Welsh ŵ and ŷ, curly quotes
and many dashes would print as black boxes. The DejaVu fonts shipped in ``resources/fonts``
cover them, and their licence allows embedding and redistribution. They are installed inside
the package and found through :func:`caseworker.shipped.shipped_path`; ``CASEWORKER_FONTS``
names another folder holding files of the same names.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from caseworker.shipped import ShippedFileMissing, shipped_path

FONTS_ENV = "CASEWORKER_FONTS"

#: Family names used in paragraph styles and table styles.
SERIF = "CaseworkerSerif"
SERIF_BOLD = "CaseworkerSerif-Bold"
SERIF_ITALIC = "CaseworkerSerif-Italic"
SERIF_BOLD_ITALIC = "CaseworkerSerif-BoldItalic"
SANS = "CaseworkerSans"
SANS_BOLD = "CaseworkerSans-Bold"

_FILES = {
    SERIF: "DejaVuSerif.ttf",
    SERIF_BOLD: "DejaVuSerif-Bold.ttf",
    SERIF_ITALIC: "DejaVuSerif-Italic.ttf",
    SERIF_BOLD_ITALIC: "DejaVuSerif-BoldItalic.ttf",
    SANS: "DejaVuSansCondensed.ttf",
    SANS_BOLD: "DejaVuSansCondensed-Bold.ttf",
}


class FontsMissing(RuntimeError):
    """The font files are not where the application expects them."""


def fonts_folder() -> Path:
    configured = os.environ.get(FONTS_ENV)
    if configured:
        return Path(configured)
    try:
        return shipped_path("fonts")
    except ShippedFileMissing as error:
        raise FontsMissing(str(error)) from error


@cache
def register_fonts() -> None:
    """Register the fonts with ReportLab once per process (parsing them takes ~0.1 s)."""
    _write_characters_beyond_the_bmp_correctly()
    folder = fonts_folder()
    for name, filename in _FILES.items():
        path = folder / filename
        if not path.is_file():
            raise FontsMissing(f"font file {path} is missing; reinstall the application")
        pdfmetrics.registerFont(TTFont(name, str(path)))
    # So that <b> and <i> inside a paragraph pick the matching face.
    addMapping(SERIF, 0, 0, SERIF)
    addMapping(SERIF, 1, 0, SERIF_BOLD)
    addMapping(SERIF, 0, 1, SERIF_ITALIC)
    addMapping(SERIF, 1, 1, SERIF_BOLD_ITALIC)
    addMapping(SANS, 0, 0, SANS)
    addMapping(SANS, 1, 0, SANS_BOLD)
    addMapping(SANS, 0, 1, SANS)
    addMapping(SANS, 1, 1, SANS_BOLD)


@cache
def covered_characters(font_name: str = SERIF) -> frozenset[int]:
    """Code points the font has a glyph for."""
    register_fonts()
    font = pdfmetrics.getFont(font_name)
    return frozenset(font.face.charToGlyph)


# ReportLab writes each embedded subset's ToUnicode map (what copy, search and screen readers
# read) with "<%02X> <%04X>": a code point beyond U+FFFF such as 𝟙 (U+1D7D9) comes out as five
# hex digits, which readers take as U+1D7D plus garbage ("ᵽ"). The PDF specification wants the
# destination in UTF-16BE, i.e. a surrogate pair. The map is rewritten after ReportLab makes it;
# a ReportLab that writes pairs itself leaves nothing to rewrite.
_BEYOND_BMP_ENTRY = re.compile(r"^(<[0-9A-F]{2}>) <([0-9A-F]{5,6})>$", re.MULTILINE)
_PATCHED = "_caseworker_utf16_destinations"


def _as_utf16(match: re.Match[str]) -> str:
    code_point = int(match.group(2), 16)
    return f"{match.group(1)} <{chr(code_point).encode('utf-16-be').hex().upper()}>"


def utf16_to_unicode_cmap(
    make_cmap: Callable[[str, Sequence[int]], str],
) -> Callable[[str, Sequence[int]], str]:
    """``make_cmap`` (ReportLab's ``makeToUnicodeCMap``) with its destinations beyond the
    Basic Multilingual Plane written as UTF-16 surrogate pairs."""

    def make(fontname: str, subset: Sequence[int]) -> str:
        return _BEYOND_BMP_ENTRY.sub(_as_utf16, make_cmap(fontname, subset))

    setattr(make, _PATCHED, True)
    return make


def _write_characters_beyond_the_bmp_correctly() -> None:
    """Replace ReportLab's ToUnicode writer, once per process (``TTFont.addObjects`` looks it
    up in its module each time it embeds a subset)."""
    if not getattr(ttfonts.makeToUnicodeCMap, _PATCHED, False):
        ttfonts.makeToUnicodeCMap = utf16_to_unicode_cmap(ttfonts.makeToUnicodeCMap)
