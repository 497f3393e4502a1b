"""The structure checks used on every edition find each fault they are meant to find."""

from __future__ import annotations

import pytest

from tests.unit.html.structure import problems

SOUND_HEAD = '<!DOCTYPE html><html lang="en-GB"><head><title>T</title></head><body>'
END = "</body></html>"


def page(body: str, head: str = SOUND_HEAD) -> str:
    return head + body + END


def test_a_sound_page_has_no_problems() -> None:
    body = (
        '<h1>T</h1><h2 id="a">A</h2><h3>B</h3><p><a href="#a">up</a> '
        '<a href="https://example.org/">site</a></p>'
        '<figure><svg role="img" aria-labelledby="t"><title id="t">Alt</title></svg>'
        '<table><tr><th scope="col">N</th></tr></table></figure>'
    )
    assert problems(page(body)) == []


@pytest.mark.parametrize(
    ("body", "head", "expected"),
    [
        ("<h1>T</h1>", "<html><head><title>T</title></head><body>", 'no <html lang="en-GB">'),
        ("<h1>T</h1><h3>Deep</h3>", SOUND_HEAD, "h3 'Deep' follows an h1"),
        ("<h2>First</h2>", SOUND_HEAD, "the page does not start with its one h1"),
        ("<h1>T</h1><table><tr><td>x</td></tr></table>", SOUND_HEAD, "a table without header"),
        ("<h1>T</h1><table><tr><th>x</th></tr></table>", SOUND_HEAD, "without scope"),
        (
            "<h1>T</h1><svg></svg><table><tr><th scope='col'>x</th></tr></table>",
            SOUND_HEAD,
            "a chart without a text alternative",
        ),
        (
            '<h1>T</h1><svg role="img" aria-labelledby="t"><title id="t">A</title></svg><h2>X</h2>',
            SOUND_HEAD,
            "with no data table after it",
        ),
        ('<h1>T</h1><script src="https://cdn.example/x.js"></script>', SOUND_HEAD, "<script>"),
        ('<h1>T</h1><p><a href="#nowhere">x</a></p>', SOUND_HEAD, "a missing place"),
        ('<h1>T</h1><p><a href="javascript:alert(1)">x</a></p>', SOUND_HEAD, "points at"),
        ("<h1>T</h1><style>@import 'https://x/y.css';</style>", SOUND_HEAD, "@import"),
    ],
)
def test_each_fault_is_found(body: str, head: str, expected: str) -> None:
    assert any(expected in problem for problem in problems(page(body, head)))
