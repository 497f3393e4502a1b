"""The main window: queues and changes on the left, the petition list above the petition view."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMessageBox, QSplitter, QWidget

from caseworker.services.petitions import PetitionQuery
from caseworker.services.queues import Queue
from caseworker.services.related import RelatedService
from caseworker.storage.errors import display_url
from ui.about import show_about
from ui.actions import ActionId, ActionRegistry
from ui.briefing import BriefingActions
from ui.casework.controller import CaseworkController
from ui.context import AppContext
from ui.crash import open_log_folder
from ui.debates.decision_dialog import DebateDecisionActions
from ui.debates.launcher import DebatesLauncher
from ui.dialogs.first_run import FirstRunChoice, FirstRunDialog
from ui.import_controller import ImportController
from ui.latest import Latest
from ui.models.petition_table import PetitionTableModel
from ui.sync.changes_dock import ChangesDock
from ui.sync.controller import SyncController
from ui.views.petition_list import PetitionList
from ui.views.petition_view import PetitionView
from ui.views.queue_panel import QueuePanel
from ui.views.related_panel import RelatedPanel

#: Bumped when the docks change: a layout saved by an older window is not restored onto them.
DOCKS_VERSION = 2


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self._context = context
        self._detail = Latest()
        self.setWindowTitle("Petitions caseworker")
        self.queues = QueuePanel()
        self.model = PetitionTableModel(context.petitions, context.runner, self)
        self.list = PetitionList(self.model)
        self.filters, self.table = self.list.filters, self.list.table
        self.summary = self.list.summary
        self.petition = PetitionView(runner=context.runner)
        self.related = RelatedPanel(RelatedService(context.database), context.runner)
        self.petition.tabs.addTab(self.related, "Rela&ted")
        self.imports = ImportController(self, context)
        self.casework = CaseworkController(self, context, self.petition)
        self.sync = SyncController(self, context)
        self.briefing = BriefingActions(self, context, self.selected_petition_ids)
        self.debates = DebatesLauncher(
            self, context, self.casework.stack, self.show_petition_by_id,
            self.selected_petition_ids, open_pack=self.briefing.open_for_debate,
        )  # fmt: skip
        # Debates ▸ Decide on debate…, for a petition in the awaiting-debate queue.
        self.debate_decisions = DebateDecisionActions(
            self, context, self.casework.stack, self.petition
        )
        self._layout()
        self.changes = ChangesDock(self, context)
        self.splitDockWidget(self.queues_dock, self.changes.dock, Qt.Orientation.Vertical)
        self.actions_registry = ActionRegistry(self)
        self._make_actions()
        self._connect()
        self._restore_state()

    # Building ------------------------------------------------------------------------------

    def _layout(self) -> None:
        # List above detail: a clerk scans the queue and reads the chosen petition below it,
        # both at full width; the detail's tabs scroll rather than widen the window.
        self.right_split = QSplitter(Qt.Orientation.Vertical)
        self.right_split.setChildrenCollapsible(False)
        self.right_split.addWidget(self.list)
        self.right_split.addWidget(self.petition)
        self.right_split.setStretchFactor(0, 1)
        self.right_split.setStretchFactor(1, 1)
        self.right_split.setSizes([420, 380])
        self.setCentralWidget(self.right_split)
        self.queues_dock = QDockWidget("Work queues", self)
        self.queues_dock.setObjectName("queues_dock")
        self.queues_dock.setWidget(self.queues)
        self.queues_dock.setTitleBarWidget(QWidget())  # the panel has its own heading
        self.queues_dock.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.queues_dock)
        # A permanent widget: a temporary message (a menu's tip on hover) cannot hide it.
        self.database_label = QLabel(f"Database: {display_url(self._context.database_label)}")
        self.database_label.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addPermanentWidget(self.database_label)

    def _make_actions(self) -> None:
        registry = self.actions_registry
        registry.create({
            ActionId.IMPORT_FILES: self.imports.choose_files,
            ActionId.IMPORT_FOLDER: self.imports.choose_folder,
            ActionId.DEMO_DATA: self._offer_demo,
            ActionId.QUIT: self.close,
            ActionId.FIND: self._focus_search,
            ActionId.REFRESH: self.refresh,
            ActionId.GO_QUEUES: self.queues.list.setFocus,
            ActionId.GO_PETITIONS: self.table.setFocus,
            ActionId.GO_DETAILS: self.petition.tabs.setFocus,
            ActionId.DEBATE_CALENDAR: self.debates.open_calendar,
            ActionId.NEW_DEBATE: self.debates.new_debate,
            ActionId.MEMBERS: self.debates.open_members,
            ActionId.BRIEFING_PACK: self.briefing.open_pack,
            ActionId.BRIEFING_RANGE: self.briefing.open_batch,
            ActionId.LOG_FOLDER: lambda: open_log_folder(self),
            ActionId.ABOUT: lambda: show_about(self, self._context),
        })  # fmt: skip
        self.import_action = registry[ActionId.IMPORT_FILES]
        toolbar = registry.build_toolbar()
        self.menus = registry.build_menus({
            "sync": lambda menu: self.sync.install(menu, toolbar),
            "changes": self.changes.install,
        })  # fmt: skip
        # Casework fills two menus at once: Edit (undo, redo) and Casework (its buttons too).
        self.casework.install_menus(self.menus["&Edit"], self.menus["&Casework"])
        self.menus["&Debates"].insertAction(
            registry[ActionId.MEMBERS], self.debate_decisions.action
        )

    def _connect(self) -> None:
        self.queues.queue_selected.connect(self._on_queue_selected)
        self.filters.changed.connect(self._apply_filters)
        self.model.total_changed.connect(self.list.show_total)
        self.model.page_loaded.connect(self._on_page_loaded)
        self.model.load_failed.connect(
            lambda message: self.statusBar().showMessage(f"Could not load: {message}")
        )
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.changes.panel.petition_activated.connect(self.show_petition_by_id)
        self.imports.data_changed.connect(self.refresh)
        self.imports.data_changed.connect(self.sync.refresh_status)  # "data as at" moves
        self.sync.data_changed.connect(self.refresh)
        for changed in (self.imports.data_changed, self.sync.data_changed):
            changed.connect(self.changes.refresh)
        # Casework changes the request queues' counts, never the filter lists.
        self.casework.data_changed.connect(self._load_counts)
        self.debate_decisions.data_changed.connect(self.refresh)  # it may leave the queue
        self.casework.petition_chosen.connect(self.show_petition_by_id)
        self.related.petition_chosen.connect(self.show_petition_by_id)

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
        elif choice is FirstRunChoice.IMPORT_FOLDER:
            self.imports.choose_folder()
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
        values, old = self.filters.values(), self.model.query
        return PetitionQuery(
            queue=self.queues.current(), sort=old.sort, descending=old.descending,
            search=values["search"], state=values["state"], department=values["department"],
            topic=values["topic"], parliament=values["parliament"],
        )  # fmt: skip

    def _on_queue_selected(self, queue: Queue) -> None:
        self._context.settings.last_queue = queue.value
        # A queue has its own natural order (longest wait first, ...): drop any column sort.
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.model.set_query(replace(self.current_query(), sort=None))

    def _apply_filters(self) -> None:
        self.model.set_query(self.current_query())

    def _on_page_loaded(self, loaded: int) -> None:
        if loaded:
            self.list.select_first()
        else:
            self.show_no_petition()

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        petition_id = self.model.petition_id(current.row()) if current.isValid() else None
        if petition_id is None:
            self.show_no_petition()
        else:
            self.show_petition_by_id(petition_id)

    def show_no_petition(self) -> None:
        """Nothing chosen: no tab may go on showing the previous petition."""
        self._detail.forget()  # a detail still on its way is for a petition no longer chosen
        self.petition.clear()
        self.casework.show_petition(None)
        self.related.show_for(None)
        self.debate_decisions.show_for(None)

    def show_petition_by_id(self, petition_id: int) -> None:
        """Show one petition's record and casework, whether or not it is in the list."""
        self.casework.show_petition(petition_id)
        self.related.show_for(petition_id)
        awaiting = self.queues.current() is Queue.AWAITING_DEBATE_DECISION
        self.debate_decisions.show_for(petition_id, awaiting=awaiting)
        service = self._context.petitions
        self._context.runner.read(
            lambda p, c: service.get_petition(petition_id),
            succeeded=self._detail.only_newest(self.petition.show_petition),
            failed=lambda kind, message: self.statusBar().showMessage(message),
        )

    def selected_petition_ids(self) -> list[int]:
        return self.list.selected_ids()

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

    # State between runs ----------------------------------------------------------------------

    def _restore_state(self) -> None:
        settings = self._context.settings
        if settings.state("geometry") is None:
            self.resize(1280, 720)
        for name, restore in (
            ("geometry", self.restoreGeometry),
            ("docks", lambda saved: self.restoreState(saved, DOCKS_VERSION)),
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
        settings.save_state("docks", self.saveState(DOCKS_VERSION))
        settings.save_state("right_split", self.right_split.saveState())
        settings.save_state("table_header", self.table.horizontalHeader().saveState())
        settings.last_queue = self.queues.current().value
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        # A review typed and not saved, or an import running: the clerk may keep the window.
        if not self.casework.confirm_discard(self) or not self.imports.stop_for_quit():
            event.ignore()
            return
        self.save_state()
        self.sync.shutdown()  # a running sync stops after the request in hand
        self._context.runner.wait_for_all(10_000)
        super().closeEvent(event)
