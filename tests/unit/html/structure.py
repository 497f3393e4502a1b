"""Read an HTML edition back as a tree and check what an accessible page must have."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = frozenset({"br", "meta", "hr", "img", "input", "link", "wbr", "col", "source"})
#: Elements that would fetch something or run code.
FETCHING = frozenset({"link", "script", "img", "iframe", "object", "embed", "audio", "video"})


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    #: Elements and text in document order.
    content: list[Node | str] = field(default_factory=list)

    @property
    def children(self) -> list[Node]:
        return [c for c in self.content if isinstance(c, Node)]

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            yield from child.walk()

    def text(self) -> str:
        return " ".join("".join(self._texts()).split())

    def _texts(self) -> Iterator[str]:
        if self.tag in {"style", "script"}:
            return
        for part in self.content:
            if isinstance(part, str):
                yield part
            else:
                yield from part._texts()

    def find_all(self, tag: str) -> list[Node]:
        return [n for n in self.walk() if n.tag == tag]


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        if tag == "br":  # a line break separates words
            node.content.append(" ")
        self.stack[-1].content.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].content.append(Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].content.append(data)


def parse(page: str) -> Node:
    builder = _Builder()
    builder.feed(page)
    builder.close()
    assert builder.stack == [builder.root], "unclosed elements"
    return builder.root


def in_order(root: Node) -> list[Node]:
    return list(root.walk())


def problems(page: str) -> list[str]:
    """Everything wrong with the page, in words (empty when it is sound)."""
    root = parse(page)
    found: list[str] = []
    found += _language(root)
    found += _headings(root)
    found += _tables(root)
    found += _charts(root)
    found += _requests(root)
    found += [
        f"a style fetches {m}" for m in re.findall(r"url\(\s*['\"]?(?!#)[^)]*\)|@import", page)
    ]
    return found


def _language(root: Node) -> list[str]:
    html = root.find_all("html")
    if len(html) != 1 or html[0].attrs.get("lang") != "en-GB":
        return ['no <html lang="en-GB">']
    titles = root.find_all("title")
    if not titles or not titles[0].text():
        return ["no document title"]
    return []


def heading_levels(root: Node) -> list[tuple[int, str]]:
    svg_titles = {id(t) for svg in root.find_all("svg") for t in svg.find_all("title")}
    return [
        (int(n.tag[1]), n.text())
        for n in root.walk()
        if n.tag in {"h1", "h2", "h3", "h4", "h5", "h6"} and id(n) not in svg_titles
    ]


def section_headings(root: Node) -> list[tuple[int, str]]:
    """The headings that are sections of the document (they have ids: the PDF's bookmarks),
    without the h1 and the contents list's own heading."""
    return [
        (int(n.tag[1]), n.text())
        for n in root.walk()
        if n.tag in {"h2", "h3", "h4", "h5", "h6"}
        and "id" in n.attrs
        and n.attrs["id"] != "contents-title"
    ]


def _headings(root: Node) -> list[str]:
    levels = heading_levels(root)
    found = []
    if not levels or levels[0][0] != 1 or sum(1 for lv, _ in levels if lv == 1) != 1:
        found.append("the page does not start with its one h1")
    for (before, _), (level, text) in zip(levels, levels[1:], strict=False):
        if level > before + 1:
            found.append(f"h{level} {text!r} follows an h{before}")
    return found


def _tables(root: Node) -> list[str]:
    found = []
    for table in root.find_all("table"):
        cells = table.find_all("th")
        if not cells:
            found.append(f"a table without header cells: {table.text()[:60]!r}")
        found += [
            f"a header cell without scope: {th.text()!r}"
            for th in cells
            if th.attrs.get("scope") not in {"col", "row"}
        ]
    return found


def _charts(root: Node) -> list[str]:
    found = []
    order = in_order(root)
    ids = {n.attrs["id"]: n for n in order if "id" in n.attrs}
    for svg in root.find_all("svg"):
        label = ids.get(svg.attrs.get("aria-labelledby", ""))
        if svg.attrs.get("role") != "img" or label is None or not label.text():
            found.append("a chart without a text alternative")
        after = order[order.index(svg) + 1 :]
        following = next(
            (n.tag for n in after if n.tag in {"table", "svg", "h2", "h3", "h4"}), None
        )
        if following != "table":
            found.append(f"a chart ({label.text() if label else '?'}) with no data table after it")
    return found


def _requests(root: Node) -> list[str]:
    found = []
    ids = {n.attrs["id"] for n in root.walk() if "id" in n.attrs}
    for node in root.walk():
        if node.tag in FETCHING:
            found.append(f"a <{node.tag}> element")
        if "src" in node.attrs:
            found.append(f"a src attribute: {node.attrs['src']}")
        href = node.attrs.get("href") or node.attrs.get("xlink:href")
        if href is None:
            continue
        if href.startswith("#"):
            if href[1:] not in ids:
                found.append(f"a link to a missing place: {href}")
        elif not href.startswith(("https://", "http://", "mailto:")) or node.tag != "a":
            found.append(f"<{node.tag}> points at {href}")
    return found
