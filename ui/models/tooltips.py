"""Tooltips that show stored text exactly, never as markup.

Qt renders a tooltip as HTML whenever ``Qt.mightBeRichText`` guesses it is (a title such as
``<b>x</b><img src=...>`` would be drawn bold, with an image fetched). Stored text is
therefore always escaped and wrapped in a paragraph of our own, which also lets a long title
wrap instead of running off the screen.
"""

from __future__ import annotations

import html


def plain_tooltip(text: str | None) -> str | None:
    """A tooltip showing ``text`` as it is stored; None (no tooltip) for no text."""
    if not text:
        return None
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"
