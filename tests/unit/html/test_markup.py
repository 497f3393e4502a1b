"""ReportLab paragraph markup becomes safe HTML: known tags mapped, the rest kept as text."""

from __future__ import annotations

import pytest

from caseworker.html.markup import inline_html, plain_text, safe_href
from caseworker.pdf.text import para


@pytest.mark.parametrize(
    ("markup", "html"),
    [
        ("<b>Bold</b> and <i>italic</i>", "<strong>Bold</strong> and <em>italic</em>"),
        ("one<br/>two", "one<br>two"),
        ('<font color="#006548" size="9">green</font>', "green"),
        ("x<super>2</super> and H<sub>2</sub>O", "x<sup>2</sup> and H<sub>2</sub>O"),
        ("<b>never closed", "<strong>never closed</strong>"),
        ("<b><i>crossed</b> over</i>", "<strong><em>crossed</em></strong> over"),
        ("<unknown attr='1'>kept</unknown>", "kept"),
    ],
)
def test_tags_are_mapped_or_dropped(markup: str, html: str) -> None:
    assert inline_html(markup) == html


def test_escaped_site_text_stays_text() -> None:
    hostile = '<b>Ban & "bar"</b> </para> <script>alert(1)</script>'
    html = inline_html(para(hostile))
    assert "<b>" not in html and "<script>" not in html
    assert (
        html
        == '&lt;b&gt;Ban &amp; "bar"&lt;/b&gt; &lt;/para&gt; &lt;script&gt;alert(1)&lt;/script&gt;'
    )


@pytest.mark.parametrize(
    ("markup", "html"),
    [
        (
            '<link href="https://example.org/a?b=1&amp;c=2">site</link>',
            '<a href="https://example.org/a?b=1&amp;c=2">site</a>',
        ),
        (
            '<a href="mailto:petitionscom@parliament.uk">write</a>',
            '<a href="mailto:petitionscom@parliament.uk">write</a>',
        ),
        ('<a href="#h3">section</a>', '<a href="#h3">section</a>'),
        ('<a href="javascript:alert(1)">bad</a>', "bad"),
        ('<link href="file:///etc/passwd">file</link>', "file"),
        (
            '<a href="https://x.org/&quot;onclick=&quot;">q</a>',
            '<a href="https://x.org/&quot;onclick=&quot;">q</a>',
        ),
    ],
)
def test_only_web_mail_and_own_links_are_kept(markup: str, html: str) -> None:
    assert inline_html(markup) == html


def test_safe_href() -> None:
    assert safe_href(" https://a.b/ ") == "https://a.b/"
    assert safe_href("HTTP://A.B") == "HTTP://A.B"
    assert safe_href("data:text/html,x") is None
    assert safe_href("#") is None
    assert safe_href("#a b") == "#a-b"


def test_plain_text() -> None:
    assert plain_text("<b>One</b><br/>two &amp;\nthree") == "One two & three"
