"""The Unicode fonts embedded in every generated PDF.

ReportLab's built-in Helvetica and Times cover only Latin-1, so Welsh ŵ and ŷ, curly quotes
and many dashes would print as black boxes. The DejaVu fonts shipped in ``resources/fonts``
cover them, and their licence allows embedding and redistribution. They are installed inside
the package and found through :func:`caseworker.shipped.shipped_path`; ``CASEWORKER_FONTS``
names another folder holding files of the same names.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
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
