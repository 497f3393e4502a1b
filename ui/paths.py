"""Where the window's file dialogs start, and file names safe on every system."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QStandardPaths

#: Characters Windows refuses in a file name (a colon among them), and control characters.
UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')


def documents_folder() -> str:
    """The clerk's Documents folder (home if there is none), never the program's folder."""
    location = QStandardPaths.StandardLocation.DocumentsLocation
    return QStandardPaths.writableLocation(location) or str(Path.home())


def in_documents(name: str) -> str:
    return str(Path(documents_folder()) / name)


def safe_file_name(title: str) -> str:
    """``Briefing pack: e-petition 724432`` → ``Briefing pack - e-petition 724432``."""
    cleaned = UNSAFE.sub(" - ", title).strip(" .-")
    return re.sub(r"\s+", " ", cleaned) or "document"
