"""The "Since last sync" list as a dock of the main window, and its count in the status bar."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMenu, QWidget

from ui.changes.panel import ChangesPanel
from ui.context import AppContext

TITLE = "Since last sync"
#: The list's first width, in average characters: a change's two lines fit without wrapping.
WIDTH_CHARS = 34
MIN_WIDTH_CHARS = 24


class ChangesDock(QObject):
    """Mounts the events engineer's panel; the window calls ``install`` and ``refresh`` and
    connects ``panel.petition_activated`` to show the petition."""

    def __init__(self, window: QMainWindow, context: AppContext) -> None:
        super().__init__(window)
        self.panel = ChangesPanel(context)
        self.dock = QDockWidget(TITLE, window)
        self.dock.setObjectName("changes_dock")  # so the window's saved state finds it
        self.dock.setWidget(self.panel)
        # The panel's own heading ("Since last sync (3)") is the title: no second title bar
        # above it, which also leaves the list more of a 768-pixel screen. View ▸ shows it.
        self.dock.setTitleBarWidget(QWidget())
        self.dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.dock)
        zero = self.panel.fontMetrics().horizontalAdvance("0")
        self.dock.setMinimumWidth(zero * MIN_WIDTH_CHARS)
        if context.settings.state("docks") is None:
            # First run: once the window is laid out; later runs restore the clerk's width.
            QTimer.singleShot(0, self, lambda: self._first_width(window, zero * WIDTH_CHARS))
        self.count = QLabel()
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.count.setAccessibleName("Unseen changes")
        window.statusBar().addPermanentWidget(self.count)
        self.count.hide()
        self.panel.unseen_changed.connect(self.show_count)

    def install(self, view_menu: QMenu) -> None:
        """View ▸ Since last sync (show or hide), Go to changes, Mark seen, Mark all seen."""
        view_menu.addSeparator()
        toggle = self.dock.toggleViewAction()
        toggle.setText(f"&{TITLE} list")
        toggle.setStatusTip("Show or hide the changes on the site since they were last marked seen")
        view_menu.addAction(toggle)
        for action in self.panel.actions():
            view_menu.addAction(action)

    def _first_width(self, window: QMainWindow, width: int) -> None:
        window.resizeDocks([self.dock], [width], Qt.Orientation.Horizontal)

    def refresh(self) -> None:
        self.panel.refresh()

    def show_count(self, unseen: int) -> None:
        self.count.setText(f"{unseen:,} new change{'s' if unseen != 1 else ''}")
        self.count.setVisible(unseen > 0)
