"""Text from the site or from clerks, made safe to print literally.

ReportLab paragraphs read a small markup language, so a title such as ``<b>Ban & bar</b>``
would turn bold or fail to parse. Everything user-supplied goes through :func:`para` first.

The site's text comes with Windows line ends (``\\r\\n``), and pasted text brings the other
kinds: a lone ``\\r``, Unicode's line and paragraph separators, form feeds. Each prints as a line
break (a paragraph separator as a blank line), never as a replacement character.
"""

from __future__ import annotations

import re
import unicodedata
from xml.sax.saxutils import escape

from caseworker.pdf.fonts import SERIF, covered_characters

#: Printed in place of a character the embedded font has no glyph for.
REPLACEMENT = "\N{REPLACEMENT CHARACTER}"

# CR LF first, so that it makes one break rather than two. Then a lone CR (old Macintosh text),
# vertical tab, form feed, NEXT LINE (U+0085) and LINE SEPARATOR (U+2028).
_LINE_BREAK = re.compile("\r\n|[\r\x0b\x0c\x85\u2028]")
_PARAGRAPH_SEPARATOR = "\u2029"

# Invisible characters: controls (bell, escape, NUL, ...) and format characters (zero-width
# joiners, bidirectional marks, the tag characters inside flag emoji, byte-order marks).
# Printing them as "�" would put marks in the text that the author never saw.
_INVISIBLE = frozenset({"Cc", "Cf"})


def normalise_line_breaks(text: str) -> str:
    """``text`` with every kind of line break made ``\\n``, and a paragraph separator a blank
    line."""
    return _LINE_BREAK.sub("\n", text).replace(_PARAGRAPH_SEPARATOR, "\n\n")


def printable(text: str, font_name: str = SERIF) -> str:
    """``text`` as the font can draw it, so export never fails and nothing prints as a box.

    Line breaks become ``\\n`` and tabs spaces; other invisible characters are left out; a
    visible character the font has no glyph for becomes :data:`REPLACEMENT`.
    """
    text = normalise_line_breaks(text)
    covered = covered_characters(font_name)
    if all(ord(ch) in covered or ch == "\n" for ch in text):
        return text
    fallback = REPLACEMENT if ord(REPLACEMENT) in covered else "?"
    return "".join(_printable_character(ch, covered, fallback) for ch in text)


def _printable_character(ch: str, covered: frozenset[int], fallback: str) -> str:
    if ch == "\n":
        return ch
    if ch == "\t":
        return " "
    # Controls are checked before the font: fonts often map NUL or CR to an empty glyph.
    category = unicodedata.category(ch)
    if category == "Cc":
        return ""
    if ord(ch) in covered:
        return ch
    return "" if category in _INVISIBLE else fallback


def para(text: str | None, font_name: str = SERIF) -> str:
    """Paragraph markup that prints ``text`` exactly: markup characters escaped, line
    breaks kept."""
    if not text:
        return ""
    return escape(printable(text, font_name)).replace("\n", "<br/>")
