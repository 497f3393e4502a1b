"""Site and clerk text made printable: every kind of line break prints as a break, invisible
characters are left out, and only visible characters the font lacks become "�"."""

from __future__ import annotations

import pytest

from caseworker.pdf.fonts import SANS, SERIF
from caseworker.pdf.text import REPLACEMENT, normalise_line_breaks, para, printable


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("one\r\ntwo", "one\ntwo"),
        ("one\r\n\r\ntwo", "one\n\ntwo"),
        ("one\rtwo", "one\ntwo"),
        ("one\r\rtwo", "one\n\ntwo"),
        ("one\ntwo", "one\ntwo"),
        ("one\u2028two", "one\ntwo"),
        ("one\u2029two", "one\n\ntwo"),
        ("one\x0btwo\x0cthree\x85four", "one\ntwo\nthree\nfour"),
        ("trailing\r\n", "trailing\n"),
    ],
)
def test_every_line_break_becomes_a_newline(text: str, expected: str) -> None:
    assert normalise_line_breaks(text) == expected


def test_site_text_with_windows_line_ends_prints_without_replacement_characters() -> None:
    summary = "The Prime Minister has pledged prosperity for all.\r\n"
    assert printable(summary) == "The Prime Minister has pledged prosperity for all.\n"


def test_controls_are_left_out_and_tabs_become_spaces() -> None:
    assert printable("Bell\x07 escape\x1b[2J NUL\x00 DEL\x7f tab\there") == (
        "Bell escape[2J NUL DEL tab here"
    )


def test_invisible_characters_the_font_lacks_are_left_out() -> None:
    # A byte-order mark (Serif has no glyph) and the tag characters inside the flag of Wales.
    wales = "\U0001f3f4\U000e0067\U000e0062\U000e0077\U000e006c\U000e0073\U000e007f"
    assert printable(f"\ufeffStart {wales} end") == f"Start {REPLACEMENT} end"


def test_visible_characters_the_font_lacks_become_the_replacement_character() -> None:
    assert printable("Party \U0001f389 and \u6f22") == f"Party {REPLACEMENT} and {REPLACEMENT}"


def test_characters_beyond_the_bmp_the_font_has_are_kept() -> None:
    assert printable("\U0001d7d9\U0001d7da\U0001d7db") == "\U0001d7d9\U0001d7da\U0001d7db"
    # DejaVu Sans has the grinning face; DejaVu Serif does not.
    assert printable("\U0001f600", SANS) == "\U0001f600"
    assert printable("\U0001f600", SERIF) == REPLACEMENT


def test_welsh_and_typography_are_untouched() -> None:
    text = "Ynys Môn, ŵ ŷ — “curly” ‘quotes’ café\u00a0nbsp"
    assert printable(text) is text


def test_para_escapes_markup_and_breaks_lines_once_per_break() -> None:
    assert para("<b>Fish & chips</b>\r\nline two\u2029next") == (
        "&lt;b&gt;Fish &amp; chips&lt;/b&gt;<br/>line two<br/><br/>next"
    )


def test_para_of_nothing_is_empty() -> None:
    assert para(None) == ""
    assert para("") == ""
