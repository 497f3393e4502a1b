"""What is drawn is what a reader copies: line breaks of every kind print as breaks, and
characters beyond the Basic Multilingual Plane (𝟙, 😀) extract as themselves."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import ttfonts
from reportlab.platypus import Paragraph, SimpleDocTemplate

from caseworker.pdf.fonts import SANS, SERIF, register_fonts, utf16_to_unicode_cmap
from caseworker.pdf.text import REPLACEMENT, para
from tests.unit.pdf.extract import lines_of, pdftotext, pypdf_text

DOUBLE_STRUCK = "\U0001d7d9\U0001d7da\U0001d7db"  # 𝟙𝟚𝟛
GRINNING = "\U0001f600"  # 😀: in DejaVu Sans, not in DejaVu Serif


def write_paragraphs(path: Path, texts: list[tuple[str, str]]) -> Path:
    """One paragraph per (text, font), each through :func:`para` as every document does."""
    register_fonts()
    story = [
        Paragraph(para(text, font), ParagraphStyle(f"p{i}", fontName=font, fontSize=11))
        for i, (text, font) in enumerate(texts)
    ]
    SimpleDocTemplate(str(path)).build(story)
    return path


def test_characters_beyond_the_bmp_extract_as_themselves(tmp_path: Path) -> None:
    source = f"{DOUBLE_STRUCK} and {GRINNING}"
    pdf = write_paragraphs(tmp_path / "astral.pdf", [(source, SERIF), (source, SANS)])

    # What the font lacks is drawn, and read, as the replacement character.
    expected = [f"{DOUBLE_STRUCK} and {REPLACEMENT}", source]
    assert lines_of(pdftotext(pdf)) == expected
    assert lines_of(pypdf_text(pdf)) == expected


def test_the_to_unicode_map_writes_surrogate_pairs() -> None:
    register_fonts()
    cmap = ttfonts.makeToUnicodeCMap("AAAAAA+Test", [0x20, 0x1D7D9, 0x1F600])
    assert "<00> <0020>" in cmap.splitlines()
    assert "<01> <D835DFD9>" in cmap.splitlines()
    assert "<02> <D83DDE00>" in cmap.splitlines()


def test_only_entries_beyond_the_bmp_are_rewritten() -> None:
    def reportlab_style(fontname: str, subset: list[int]) -> str:
        return "\n".join(["begincmap", *(f"<{i:02X}> <{v:04X}>" for i, v in enumerate(subset))])

    rewritten = utf16_to_unicode_cmap(reportlab_style)("F", [0x41, 0xFFFD, 0x10000, 0x10FFFF])
    assert rewritten.splitlines() == [
        "begincmap",
        "<00> <0041>",
        "<01> <FFFD>",
        "<02> <D800DC00>",
        "<03> <DBFFDFFF>",
    ]


def test_registering_twice_does_not_wrap_the_writer_twice() -> None:
    register_fonts()
    writer = ttfonts.makeToUnicodeCMap
    register_fonts.cache_clear()
    register_fonts()
    assert ttfonts.makeToUnicodeCMap is writer


def test_every_kind_of_line_break_prints_as_a_break(tmp_path: Path) -> None:
    source = "first\r\nsecond\rthird\u2028fourth\u2029fifth\nsixth\x0cseventh\x07 bell"
    pdf = write_paragraphs(tmp_path / "breaks.pdf", [(source, SERIF)])

    for text in (pdftotext(pdf), pypdf_text(pdf)):
        assert REPLACEMENT not in text
        lines = lines_of(text)
        assert lines == ["first", "second", "third", "fourth", "fifth", "sixth", "seventh bell"]
