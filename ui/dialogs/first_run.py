"""Shown when the database is empty: import captures, or explore with demo data."""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget


class FirstRunChoice(Enum):
    IMPORT = "import"
    IMPORT_FOLDER = "import folder"
    DEMO = "demo"
    EMPTY = "empty"


class FirstRunDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Welcome to the Petitions caseworker")
        self.choice = FirstRunChoice.EMPTY
        text = QLabel(
            "<h3>This database has no petitions yet</h3>"
            "<p>Import JSON captures from petition.parliament.uk (single petitions, list pages, "
            "folders or .zip archives), or explore the application with generated demo petitions "
            "that cover every stage of the Committee's work.</p>"
            "<p>Demo petitions are marked as demo data and numbered from 9,000,000.</p>"
        )
        text.setWordWrap(True)
        buttons = QDialogButtonBox()
        import_button = QPushButton("&Import files…")
        folder_button = QPushButton("Import a &folder…")
        demo_button = QPushButton("Explore with &demo data")
        empty_button = QPushButton("Start &empty")
        buttons.addButton(import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(folder_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(demo_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(empty_button, QDialogButtonBox.ButtonRole.RejectRole)
        import_button.clicked.connect(lambda: self._choose(FirstRunChoice.IMPORT))
        folder_button.clicked.connect(lambda: self._choose(FirstRunChoice.IMPORT_FOLDER))
        demo_button.clicked.connect(lambda: self._choose(FirstRunChoice.DEMO))
        empty_button.clicked.connect(lambda: self._choose(FirstRunChoice.EMPTY))
        import_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.resize(600, 220)

    def _choose(self, choice: FirstRunChoice) -> None:
        self.choice = choice
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None) -> FirstRunChoice:
        dialog = cls(parent)
        dialog.exec()
        return dialog.choice
