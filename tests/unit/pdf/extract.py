"""Text read back from a PDF the two ways a reader would: poppler's pdftotext (what copy and
search in most viewers see) and pypdf."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

from pypdf import PdfReader

from tests.conftest import missing


def pdftotext(path: Path) -> str:
    tool = shutil.which("pdftotext")
    if tool is None:
        missing("pdftotext (poppler-utils) is not installed")
    assert tool is not None
    done = subprocess.run(
        [tool, "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True, timeout=60
    )
    return done.stdout.decode("utf-8")


def pypdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def lines_of(text: str) -> list[str]:
    """The non-empty lines, stripped (pdftotext ends each page with a form feed)."""
    return [line.strip() for line in text.replace("\f", "\n").splitlines() if line.strip()]


_PAGE_X_OF_Y = re.compile(r"^Page \d+ of \d+$")


def body_words(pdftotext_output: str) -> str:
    """The words of the pages without their running headers and footers (lines found on most
    pages, and "Page X of Y"), as single-spaced text: a paragraph that runs over a page break
    reads on unbroken."""
    pages = [lines_of(page) for page in pdftotext_output.split("\f") if page.strip()]
    on_pages = Counter(line for page in pages for line in set(page))
    running = {line for line, count in on_pages.items() if count > len(pages) / 2}
    kept = (
        line
        for page in pages
        for line in page
        if line not in running and not _PAGE_X_OF_Y.match(line)
    )
    return " ".join(" ".join(kept).split())
