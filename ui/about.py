"""Help ▸ About: the versions, the database in use, the last sync and the data's sources.

The facts are read off the window's thread; the dialog opens once they are in, with a Copy
button that puts the facts (never a password) on the clipboard for support.
"""

from __future__ import annotations

import html
from typing import Any

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from caseworker.formatting import moment
from caseworker.services.about import DATA_SOURCES, AboutFacts, about_facts
from ui.context import AppContext

TITLE = "About Petitions caseworker"


def fact_lines(facts: AboutFacts) -> list[tuple[str, str]]:
    """(label, value) for each fact, in the order shown and copied."""
    schema = facts.schema
    revision = schema.current or "none"
    if schema.current == schema.head:
        revision += " (the newest)"
    elif schema.ahead:
        revision += " (newer than this version knows)"
    else:
        revision += f" (this version expects {schema.head})"
    synced = facts.last_synced_at
    return [
        ("Version", facts.version),
        ("Python", facts.python),
        ("Qt", qVersion()),
        ("PySide6", PySide6.__version__),
        *facts.packages,
        ("Database", f"{facts.database} ({facts.kind})"),
        ("Schema revision", revision),
        ("Last synced", moment(synced, zone_name=True) if synced else "never"),
    ]


def about_text(facts: AboutFacts) -> str:
    """The facts as plain text, as the Copy button puts them on the clipboard."""
    lines = [f"{label}: {value}" for label, value in fact_lines(facts)]
    return "\n".join(["Petitions caseworker", *lines]) + "\n"


def about_html(facts: AboutFacts) -> str:
    # Every value is escaped: a file path may hold "<" or "&".
    rows = "".join(
        f"<tr><td>{html.escape(label)}:&nbsp;</td><td>{html.escape(value)}</td></tr>"
        for label, value in fact_lines(facts)
    )
    sources = "".join(
        f"<li>{html.escape(s.what)}: {html.escape(s.source)}. {html.escape(s.licence)}.</li>"
        for s in DATA_SOURCES
    )
    return (
        f"<h3>Petitions caseworker {html.escape(facts.version)}</h3>"
        "<p>Casework for the House of Commons Petitions Committee.</p>"
        f"<table>{rows}</table>"
        f"<p><b>Data used with thanks.</b></p><ul>{sources}</ul>"
    )


class AboutDialog(QDialog):
    def __init__(self, facts: AboutFacts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self._text = about_text(facts)
        self.body = QLabel(about_html(facts))
        self.body.setWordWrap(True)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy = QPushButton("&Copy")
        self.copy.setToolTip("Copy the versions and the database's details, for support")
        buttons.addButton(self.copy, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy.clicked.connect(self._copy)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.body)
        layout.addWidget(buttons)
        # A fixed width lets the layout find the wrapped text's height: every source shows.
        self.body.setFixedWidth(600)
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetFixedSize)

    def text(self) -> str:
        return self._text

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self._text)
        self.copy.setText("Copied")


def show_about(parent: QWidget, context: AppContext) -> None:
    """Read the facts in the background, then open the dialog over ``parent``."""
    database, label = context.database, context.database_label

    def read(progress: Any, cancelled: Any) -> AboutFacts:
        return about_facts(database, label)

    def failed(kind: str, message: str) -> None:
        QMessageBox.warning(parent, TITLE, f"The database {label} could not be read: {message}")

    context.runner.read(
        read, succeeded=lambda facts: AboutDialog(facts, parent).exec(), failed=failed
    )
