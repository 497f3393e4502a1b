"""A briefing pack's accessible HTML edition, from the same story as its PDF."""

from __future__ import annotations

from pathlib import Path

from caseworker.briefing.model import BriefingPack, PackError
from caseworker.briefing.render import document_info, story
from caseworker.html import html_document, write_html
from caseworker.pdf.files import ExportError

#: File names the HTML edition is written to (any other suffix is a PDF or an error).
HTML_SUFFIXES = frozenset({".html", ".htm"})


def is_html_path(path: Path) -> bool:
    return path.suffix.lower() in HTML_SUFFIXES


def pack_html(pack: BriefingPack) -> str:
    """The pack as one self-contained HTML page."""
    return html_document(story(pack), document_info(pack))


def write_pack_html(pack: BriefingPack, path: Path) -> None:
    """Write the pack's HTML edition to ``path``, replacing any file there only once it is
    complete. Raises PackError naming the file when it cannot be written."""
    try:
        write_html(story(pack), document_info(pack), path)
    except ExportError as exc:
        raise PackError(str(exc)) from exc
