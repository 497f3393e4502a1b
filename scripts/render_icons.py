"""Render the application's icon, ``resources/icons/petitions-caseworker.svg``, to the PNG
sizes the window and the Linux desktop entry use and to the Windows ``.ico``
(``packaging/``), with Qt.

Run after changing the SVG: ``.venv/bin/python scripts/render_icons.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
#: Only the Windows build uses the .ico, so it stays out of the installed package.
ICO = ROOT / "packaging" / "petitions-caseworker.ico"
SVG = ICONS / "petitions-caseworker.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256)
#: Windows takes one image for its .ico here; it scales it for the smaller sizes.
ICO_SIZE = 256


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv)
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"{SVG} is not an SVG image Qt can read", file=sys.stderr)
        return 1
    for size in SIZES:
        path = ICONS / f"petitions-caseworker-{size}.png"
        if not render(renderer, size).save(str(path)):
            print(f"could not write {path}", file=sys.stderr)
            return 1
    if not render(renderer, ICO_SIZE).save(str(ICO), "ICO"):
        print(f"could not write {ICO} (Qt's ICO image plugin is missing)", file=sys.stderr)
        return 1
    print(f"wrote {len(SIZES)} PNG sizes into {ICONS} and {ICO}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
