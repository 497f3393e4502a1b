"""The main window: queues on the left, the petition table above the petition view."""

from __future__ import annotations

import html
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from caseworker.services.petitions import PetitionQuery
from caseworker.services.queues import QUEUE_TITLES, Queue
from caseworker.storage.errors import display_url
from ui.briefing import install_briefing_actions
from ui.casework.controller import CaseworkController
from ui.context import AppContext
from ui.dialogs.first_run import FirstRunChoice, FirstRunDialog
from ui.import_controller import ImportController
from ui.models.columns import COLUMNS
from ui.models.petition_table import PetitionTableModel
from ui.sync.changes_dock import ChangesDock
from ui.sync.controller import SyncController
from ui.views.filter_bar import FilterBar
from ui.views.petition_view import PetitionView
from ui.views.queue_panel import QueuePanel


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self._context = context
        self._detail_generation = 0
        self.setWindowTitle("Petitions caseworker")
        self.queues = QueuePanel()
        self.filters = FilterBar()
        self.model = PetitionTableModel(context.petitions, context.runner, self)
        self.table = self._make_table()
        self.petition = PetitionView()
        self.imports = ImportController(self, context)
        self.casework = CaseworkController(self, context, self.petition)
        self.sync = SyncController(self, context)
        self.changes = ChangesDock(self, context)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # it quotes the search typed
        self._layout()
        self._make_actions()
        self._connect()
        self._restore_state()

    # Building ------------------------------------------------------------------------------

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setAccessibleName("Petitions")
        table.setAccessibleDescription("Petitions in the chosen queue; sort by clicking a heading")
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setSortingEnabled(True)
        table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        table.horizontalHeader().setSectionsMovable(True)
        table.horizontalHeader().setHighlightSections(False)
        table.verticalHeader().hide()
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        metrics = table.fontMetrics()
        for i, column in enumerate(COLUMNS):
            table.setColumnWidth(i, metrics.horizontalAdvance("0" * column.width_chars) + 20)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        table.verticalHeader().setDefaultSectionSize(metrics.height() + 8)
        return table

    def _layout(self) -> None:
        list_area = QWidget()
        list_layout = QVBoxLayout(list_area)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(self.filters)
        list_layout.addWidget(self.table, 1)
        list_layout.addWidget(self.summary)
        self.right_split = QSplitter(Qt.Orientation.Vertical)
        self.right_split.addWidget(list_area)
        self.right_split.addWidget(self.petition)
        self.right_split.setStretchFactor(0, 1)
        self.right_split.setStretchFactor(1, 1)
        self.right_split.setSizes([420, 480])
        self.main_split = QSplitter(Qt.Orientation.Horizontal)
        self.main_split.addWidget(self.queues)
        self.main_split.addWidget(self.right_split)
        self.main_split.setStretchFactor(1, 1)
        self.main_split.setSizes([260, 1000])
        self.setCentralWidget(self.main_split)
        self.statusBar().showMessage(f"Database: {display_url(self._context.database_label)}")

    def _action(self, text: str, slot: Any, shortcut: Any = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.import_action = self._action("&Import files…", self.imports.choose_files, "Ctrl+I",
                                          "Import JSON captures or .zip archives")  # fmt: skip
        file_menu.addAction(self.import_action)
        file_menu.addAction(
            self._action("Import &folder…", self.imports.choose_folder, "Ctrl+Shift+I")
        )
        file_menu.addAction(self._action("&Demo data…", self._offer_demo))
        self.sync.install(file_menu)
        file_menu.addSeparator()
        file_menu.addAction(self._action("&Quit", self.close, QKeySequence.StandardKey.Quit))
        edit_menu = self.menuBar().addMenu("&Edit")
        view = self.menuBar().addMenu("&View")
        view.addAction(self._action("&Find…", self._focus_search, QKeySequence.StandardKey.Find))
        view.addAction(self._action("&Refresh", self.refresh, QKeySequence.StandardKey.Refresh))
        view.addAction(self._action("Go to &queues", self.queues.list.setFocus, "Ctrl+1"))
        view.addAction(self._action("Go to &petitions", self.table.setFocus, "Ctrl+2"))
        view.addAction(
            self._action("Go to petition &details", self.petition.tabs.setFocus, "Ctrl+3")
        )
        self.changes.install(view)
        self.casework.install_menus(edit_menu, self.menuBar().addMenu("&Casework"))
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(self._action("&About", self._about))
        self.briefing = install_briefing_actions(self, self._context)

    def _connect(self) -> None:
        self.queues.queue_selected.connect(self._on_queue_selected)
        self.filters.changed.connect(self._apply_filters)
        self.model.total_changed.connect(self._show_summary)
        self.model.page_loaded.connect(self._on_page_loaded)
        self.model.load_failed.connect(
            lambda message: self.statusBar().showMessage(f"Could not load: {message}")
        )
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.imports.data_changed.connect(self.refresh)
        self.imports.data_changed.connect(self.sync.refresh_status)  # "data as at" moves
        self.sync.data_changed.connect(self.refresh)
        for changed in (self.imports.data_changed, self.sync.data_changed):
            changed.connect(self.changes.refresh)
        # Casework changes the request queues' counts, never the filter lists.
        self.casework.data_changed.connect(self._load_counts)
        self.casework.petition_chosen.connect(self.show_petition_by_id)

    # Behaviour -----------------------------------------------------------------------------

    def start(self) -> None:
        """Load the counts (the last queue's rows are already coming); offer a first run."""
        self._load_counts_and_options()
        self.sync.refresh_status()
        self.changes.refresh()
        service = self._context.petitions
        self._context.runner.read(lambda p, c: service.is_empty(), succeeded=self._offer_first_run)

    def _offer_first_run(self, empty: bool) -> None:
        if not empty:
            return
        choice = FirstRunDialog.ask(self)
        if choice is FirstRunChoice.IMPORT:
            self.imports.choose_files()
        elif choice is FirstRunChoice.DEMO:
            self.imports.start_demo()

    def refresh(self) -> None:
        """Reload the rows, then the counts and filter lists (after an import, or F5)."""
        self.model.reload()
        self._load_counts_and_options()

    def _load_counts_and_options(self) -> None:
        self._load_counts()
        service = self._context.petitions
        self._context.runner.read(
            lambda p, c: service.filter_options(), succeeded=self.filters.set_options
        )

    def _load_counts(self) -> None:
        service, as_of = self._context.petitions, date.today()
        self._context.runner.read(
            lambda p, c: service.queue_counts(as_of), succeeded=self.queues.set_counts
        )

    def current_query(self) -> PetitionQuery:
        values = self.filters.values()
        old = self.model.query
        return PetitionQuery(
            queue=self.queues.current(),
            sort=old.sort,
            descending=old.descending,
            search=values["search"],
            state=values["state"],
            department=values["department"],
            topic=values["topic"],
            parliament=values["parliament"],
        )

    def _on_queue_selected(self, queue: Queue) -> None:
        self._context.settings.last_queue = queue.value
        # A queue has its own natural order (longest wait first, ...): drop any column sort.
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.model.set_query(replace(self.current_query(), sort=None))

    def _apply_filters(self) -> None:
        self.model.set_query(self.current_query())

    def _show_summary(self, total: int) -> None:
        query = self.model.query
        title = QUEUE_TITLES[query.queue]
        filtered = any((query.search, query.state, query.department, query.topic, query.parliament))
        if total == 0 and filtered:
            what = f"“{query.search}”" if query.search else "these filters"
            self.summary.setText(
                f"No petitions in {title} match {what}. "
                "Clear the search or filters to see them all."
            )
        elif total == 0:
            self.summary.setText(f"{title}: no petitions")
        else:
            self.summary.setText(f"{title}: {total:,} petition{'s' if total != 1 else ''}")

    def _on_page_loaded(self, loaded: int) -> None:
        if loaded and not self.table.selectionModel().hasSelection():
            index = self.model.index(0, 0)
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
            self.table.selectionModel().setCurrentIndex(index, flags)
        if loaded == 0:
            self.petition.clear()
            self.casework.show_petition(None)

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        petition_id = self.model.petition_id(current.row()) if current.isValid() else None
        if petition_id is None:
            return
        self.show_petition_by_id(petition_id)

    def show_petition_by_id(self, petition_id: int) -> None:
        """Show one petition's record and casework, whether or not it is in the list."""
        self.casework.show_petition(petition_id)
        self._detail_generation += 1
        generation, service = self._detail_generation, self._context.petitions
        self._context.runner.read(
            lambda p, c: service.get_petition(petition_id),
            succeeded=lambda detail: self._show_detail(generation, detail),
            failed=lambda kind, message: self.statusBar().showMessage(message),
        )

    def _show_detail(self, generation: int, detail: Any) -> None:
        if generation == self._detail_generation:
            self.petition.show_petition(detail)

    def selected_petition_ids(self) -> list[int]:
        """The selected petitions in table order, or the current one if none is selected."""
        selection = self.table.selectionModel()
        rows = sorted(index.row() for index in selection.selectedRows())
        if not rows and selection.currentIndex().isValid():
            rows = [selection.currentIndex().row()]
        ids = (self.model.petition_id(row) for row in rows)
        return [petition_id for petition_id in ids if petition_id is not None]

    def _focus_search(self) -> None:
        self.filters.search.setFocus()
        self.filters.search.selectAll()

    def _offer_demo(self) -> None:
        answer = QMessageBox.question(
            self, "Demo data",
            "Fill this database with 3,000 generated demo petitions? Any earlier demo petitions "
            "are replaced. They are marked as demo data and numbered from 9,000,001, so they "
            "never mix with real petitions.",
        )  # fmt: skip
        if answer == QMessageBox.StandardButton.Yes:
            self.imports.start_demo()

    def _about(self) -> None:
        QMessageBox.about(self, "About Petitions caseworker", self.about_text())

    def about_text(self) -> str:
        # The label is a URL without its password; escaped, as a file path may hold "<" or "&".
        return (
            "<p>Casework for the House of Commons Petitions Committee.</p>"
            f"<p>Database: {html.escape(display_url(self._context.database_label))}</p>"
        )

    # State between runs ----------------------------------------------------------------------

    def _restore_state(self) -> None:
        settings = self._context.settings
        if settings.state("geometry") is None:
            self.resize(1280, 800)
        for name, restore in (
            ("geometry", self.restoreGeometry),
            ("docks", self.restoreState),  # the toolbar and docks
            ("main_split", self.main_split.restoreState),
            ("right_split", self.right_split.restoreState),
            ("table_header", self.table.horizontalHeader().restoreState),
        ):
            saved = settings.state(name)
            if saved is not None:
                restore(saved)
        last = settings.last_queue
        self.queues.select(
            Queue(last) if last in {q.value for q in Queue} else Queue.AWAITING_RESPONSE
        )

    def save_state(self) -> None:
        settings = self._context.settings
        settings.save_state("geometry", self.saveGeometry())
        settings.save_state("docks", self.saveState())
        settings.save_state("main_split", self.main_split.saveState())
        settings.save_state("right_split", self.right_split.saveState())
        settings.save_state("table_header", self.table.horizontalHeader().saveState())
        settings.last_queue = self.queues.current().value
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self.sync.shutdown()  # a running sync stops after the request in hand
        self._context.runner.wait_for_all(10_000)
        super().closeEvent(event)
