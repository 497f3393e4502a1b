"""Charts in the HTML edition: the same vector drawing as inline SVG, named by its text
alternative, followed by its data table."""

from __future__ import annotations

import re
from html import escape

from reportlab.graphics import renderSVG
from reportlab.graphics.shapes import Drawing

from caseworker.html.tables import figure_table_html
from caseworker.pdf.fonts import SANS, SERIF
from caseworker.pdf.semantics import Figure

#: The drawings name the PDF's embedded fonts; a browser gets the same faces if installed.
FONT_STACKS = {
    SANS: "'DejaVu Sans Condensed', 'Arial Narrow', Arial, sans-serif",
    SERIF: "'DejaVu Serif', Georgia, serif",
}
_PROLOGUE = re.compile(r"\A.*?(?=<svg\b)", re.DOTALL)
_ROOT = re.compile(r"<svg\b[^>]*>")
_PLACEHOLDERS = re.compile(r"\s*<(title|desc)>[^<]*</\1>")
_IDS = re.compile(r'\bid="([^"]+)"')


class UndescribedChart(ValueError):
    """A chart with no text alternative: describe it with caseworker.pdf.semantics.describe."""


def chart_html(drawing: Drawing, figure: Figure | None, number: int) -> str:
    """A ``<figure>``: the SVG (role img, titled by the alternative), its data, its caption."""
    if figure is None or not figure.alt.strip():
        raise UndescribedChart(
            f"a chart ({type(drawing).__name__}, {drawing.width:.0f} by {drawing.height:.0f} "
            "points) has no text alternative: attach one with "
            "caseworker.pdf.semantics.describe()"
        )
    prefix = f"figure-{number}"
    parts = [f'<figure class="chart" id="{prefix}">', inline_svg(drawing, figure.alt, prefix)]
    if figure.rows:
        parts.append(figure_table_html(figure.headers, figure.rows, "The chart’s numbers"))
    if figure.caption:
        parts.append(f"<figcaption>{escape(figure.caption)}</figcaption>")
    parts.append("</figure>")
    return "\n".join(parts)


def inline_svg(drawing: Drawing, alt: str, prefix: str) -> str:
    """The drawing as an ``<svg>`` element for an HTML page.

    ReportLab writes a standalone file: an XML prologue, empty title and description, and
    the same ids ("clip", "group") in every drawing. The prologue goes, the ids get the
    figure's prefix (one chart's clip path must not clip the next), the element is an image
    named by its title, and the fonts fall back to ones a browser has.
    """
    svg = _PROLOGUE.sub("", renderSVG.drawToString(drawing))
    svg = _PLACEHOLDERS.sub("", svg)
    for old in set(_IDS.findall(svg)):
        new = f"{prefix}-{old}"
        svg = svg.replace(f'id="{old}"', f'id="{new}"').replace(f"#{old})", f"#{new})")
        svg = svg.replace(f'href="#{old}"', f'href="#{new}"')
    for font, stack in FONT_STACKS.items():
        svg = re.sub(rf"font-family: {re.escape(font)}(?=[;\"])", f"font-family: {stack}", svg)
    title_id = f"{prefix}-title"
    root = _ROOT.search(svg)
    if root is None:
        raise ValueError("ReportLab wrote no <svg> element")
    opening = root.group(0)[:-1].rstrip("/") + (
        f' role="img" aria-labelledby="{title_id}" focusable="false" class="chart-drawing">'
    )
    title = f'<title id="{title_id}">{escape(alt)}</title>'
    return svg[: root.start()] + opening + title + svg[root.end() :]
