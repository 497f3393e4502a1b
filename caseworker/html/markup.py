"""ReportLab paragraph markup as safe HTML.

A paragraph's text is ReportLab's small markup language (``<b>``, ``<i>``, ``<br/>``,
``<font>``, ``<link href>``...). Site and clerk text inside it was escaped by
:func:`caseworker.pdf.text.para`, so the markup here is ours; even so nothing is copied
through: each tag is mapped to a known HTML element or dropped (its text kept), every
attribute is dropped except a link's address, and only web, e-mail and in-document links
are kept as links.
"""

from __future__ import annotations

import re
from html import escape, unescape
from html.parser import HTMLParser

#: ReportLab tags and the HTML element each becomes; tags not listed keep only their text.
ELEMENTS = {
    "b": "strong",
    "strong": "strong",
    "i": "em",
    "em": "em",
    "u": "u",
    "strike": "s",
    "s": "s",
    "del": "s",
    "super": "sup",
    "sup": "sup",
    "sub": "sub",
}
LINK_TAGS = frozenset({"a", "link"})
#: Addresses a reader may follow out of the document.
SAFE_SCHEMES = ("http://", "https://", "mailto:")
_ID = re.compile(r"[^A-Za-z0-9_-]")


def safe_href(address: str) -> str | None:
    """``address`` if it is a web or e-mail address or a place in this document, else None."""
    address = address.strip()
    if address.lower().startswith(SAFE_SCHEMES):
        return address
    if address.startswith("#") and len(address) > 1:
        return "#" + html_id(address[1:])
    return None


def html_id(name: str) -> str:
    """``name`` reduced to letters, digits, hyphens and underscores, for an id attribute."""
    cleaned = _ID.sub("-", name)
    return cleaned if cleaned[:1].isalpha() else f"id-{cleaned}"


class _Converter(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        #: For each open ReportLab tag, the closing HTML it needs ("" when none).
        self._open: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.out.append("<br>")
            return
        opening, closing = _element(tag, dict(attrs))
        self.out.append(opening)
        self._open.append((tag, closing))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.out.append("<br>")
        elif tag == "a" and dict(attrs).get("name"):
            self.out.append(f'<span id="{html_id(dict(attrs)["name"] or "")}"></span>')

    def handle_endtag(self, tag: str) -> None:
        # Close back to the matching tag; ReportLab is lenient about nesting, HTML is not.
        for depth in range(len(self._open) - 1, -1, -1):
            if self._open[depth][0] == tag:
                while len(self._open) > depth:
                    self.out.append(self._open.pop()[1])
                return

    def handle_data(self, data: str) -> None:
        self.out.append(escape(data, quote=False))

    def finish(self) -> str:
        self.close()
        while self._open:
            self.out.append(self._open.pop()[1])
        return "".join(self.out)


def _element(tag: str, attrs: dict[str, str | None]) -> tuple[str, str]:
    """The opening and closing HTML for one ReportLab tag."""
    if tag in ELEMENTS:
        name = ELEMENTS[tag]
        return f"<{name}>", f"</{name}>"
    if tag in LINK_TAGS:
        href = safe_href(attrs.get("href") or attrs.get("destination") or "")
        if href is not None:
            return f'<a href="{escape(href, quote=True)}">', "</a>"
        if attrs.get("name"):
            return f'<span id="{html_id(attrs["name"] or "")}">', "</span>"
    return "", ""


def inline_html(markup: str) -> str:
    """The HTML for one paragraph's ReportLab markup (inline content, no enclosing element)."""
    converter = _Converter()
    converter.feed(markup)
    return converter.finish().strip()


def plain_text(markup: str) -> str:
    """The words of ReportLab markup with the tags removed and white space made single."""
    text = re.sub(r"<br\s*/?>", " ", markup, flags=re.IGNORECASE)
    return " ".join(unescape(re.sub(r"<[^>]*>", "", text)).split())
