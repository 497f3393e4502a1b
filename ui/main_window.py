"""The main window: queues with their counts (the full browser arrives with the window issue)."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QMainWindow, QVBoxLayout, QWidget

from caseworker.services.queues import QUEUE_TITLES, Queue
from ui.context import AppContext


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self._context = context
        self.setWindowTitle("Petitions caseworker")
        self.queues = QListWidget()
        self.queues.setAccessibleName("Work queues")
        heading = QLabel("<b>Work queues</b> (as of today)")
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(heading)
        layout.addWidget(self.queues)
        self.setCentralWidget(central)
        self._build_menu()
        self.statusBar().showMessage(f"Database: {context.database_label}")
        self.refresh()

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

    def refresh(self) -> None:
        counts = self._context.petitions.queue_counts(date.today())
        self.queues.clear()
        for queue in Queue:
            item = QListWidgetItem(f"{QUEUE_TITLES[queue]}: {counts[queue]:,}")
            item.setData(256, queue.value)
            self.queues.addItem(item)
