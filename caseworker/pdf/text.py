"""Text from the site or from clerks, made safe to print literally.

ReportLab paragraphs read a small markup language, so a title such as ``<b>Ban & bar</b>``
would turn bold or fail to parse. Everything user-supplied goes through :func:`para` first.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from caseworker.pdf.fonts import SERIF, covered_characters

#: Printed in place of a character the embedded font has no glyph for.
REPLACEMENT = "\N{REPLACEMENT CHARACTER}"
_ALWAYS_KEPT = frozenset(map(ord, "\n\t"))


def printable(text: str, font_name: str = SERIF) -> str:
    """``text`` with characters the font cannot draw replaced, so export never fails on them."""
    covered = covered_characters(font_name)
    if all(ord(ch) in covered or ord(ch) in _ALWAYS_KEPT for ch in text):
        return text
    fallback = REPLACEMENT if ord(REPLACEMENT) in covered else "?"
    return "".join(ch if ord(ch) in covered or ord(ch) in _ALWAYS_KEPT else fallback for ch in text)


def para(text: str | None, font_name: str = SERIF) -> str:
    """Paragraph markup that prints ``text`` exactly: markup characters escaped, line
    breaks kept."""
    if not text:
        return ""
    safe = escape(printable(text, font_name))
    return safe.replace("\r\n", "\n").replace("\n", "<br/>")
