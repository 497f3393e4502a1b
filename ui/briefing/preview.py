"""The PDF preview inside the dialog (QtPdf), and printing the previewed document."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

#: Pages are rasterised for the printer at no more than this: enough for text on paper,
#: and an A4 page at a printer's 1200 dpi would need over 500 MB.
MAX_PRINT_DPI = 300


class PreviewPane(QWidget):
    """A scrolling view of every page, with a line saying what is shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        self.view.setAccessibleName("Preview of the briefing pack")
        self.caption = QLabel("Choose the options, then Preview.")
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.view, 1)

    def show_file(self, path: Path) -> bool:
        """Load a written pack; False (and a message in the caption) if QtPdf cannot read it."""
        self.document.close()
        error = self.document.load(str(path))
        if error != QPdfDocument.Error.None_:
            self.caption.setText(f"The preview could not be opened ({error.name}).")
            return False
        pages = self.document.pageCount()
        self.caption.setText(f"Preview: {pages} page{'s' if pages != 1 else ''}")
        return True

    def clear(self) -> None:
        self.document.close()


def print_document(document: QPdfDocument, printer: QPrinter) -> int:
    """Print the pages the printer asks for (all by default); returns how many were printed.

    Each page is drawn as an image at the printer's resolution (capped), scaled to fit the
    printable area with its proportions kept.
    """
    count = document.pageCount()
    first = max(printer.fromPage(), 1) - 1
    last = (printer.toPage() or count) - 1
    pages = range(first, min(last, count - 1) + 1)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be started")
    try:
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        for n, index in enumerate(pages):
            if n:
                printer.newPage()
            _draw_page(painter, document, index, dpi)
    finally:
        painter.end()
    return len(pages)


def _draw_page(painter: QPainter, document: QPdfDocument, index: int, dpi: int) -> None:
    points = document.pagePointSize(index)
    size = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
    image = document.render(index, size)
    area = QRectF(painter.viewport())
    scaled = size.toSizeF().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
    target = QRectF(area.topLeft(), scaled)
    painter.drawImage(target, image)
