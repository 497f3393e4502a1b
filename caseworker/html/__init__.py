"""The accessible HTML edition of a document, from the same flowables as its PDF."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reportlab.platypus import Flowable

from caseworker.html.document import UnsupportedFlowable, html_document
from caseworker.html.figures import UndescribedChart
from caseworker.html.tables import TableWithoutHeaders
from caseworker.pdf.document import DocumentInfo
from caseworker.pdf.files import write_export

__all__ = [
    "TableWithoutHeaders",
    "UndescribedChart",
    "UnsupportedFlowable",
    "html_document",
    "write_html",
]


def write_html(flowables: Sequence[Flowable], info: DocumentInfo, path: Path) -> None:
    """Write the HTML edition to ``path`` whole or not at all (UTF-8).

    The page is made before the file is opened, so a fault in the document (see
    :func:`html_document`) leaves any existing file untouched. Raises ExportError (from
    ``caseworker.pdf.files``) naming the file when it cannot be written.
    """
    page = html_document(flowables, info).encode("utf-8")
    write_export(path, lambda out: out.write(page))
