"""Text read back from a PDF the two ways a reader would: poppler's pdftotext (what copy and
search in most viewers see) and pypdf."""

from __future__ import annotations

import shutil
import subprocess
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
