"""A debate's public engagement: the call, the responses imported from a survey tool, the
themes they are tagged with (with live counts) and the quotations chosen for the pack.

Reads run off the GUI thread; writes on the one writer thread (``EngagementEdits``); an
import runs there too, with a progress dialog and Cancel, and ends with its report. The
clerk tags the selected responses from the toolbar, the context menu, or keys 1–9 (the
themes in order) in the table.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from caseworker.formatting import counted
from caseworker.services.debates.engagement import EngagementService
from caseworker.services.debates.engagement_views import (
    EngagementView,
    ImportReport,
    QuoteView,
    ResponseFilter,
    ResponseView,
)
from caseworker.services.debates.views import DebateView
from caseworker.storage.errors import where
from ui.casework.widgets import error_label
from ui.context import AppContext
from ui.dialogs.progress import ProgressJob
from ui.engagement.actions import ImportActions, QuoteActions
from ui.engagement.call_form import CallForm
from ui.engagement.edits import EngagementEdits
from ui.engagement.import_dialogs import ImportReportDialog
from ui.engagement.quotes_panel import QuotesPanel
from ui.engagement.responses_model import ID_ROLE, ResponsesModel
from ui.engagement.themes_panel import ThemesPanel

ALL, UNTAGGED = "all", "untagged"
SEARCH_DELAY_MS = 300
DIGITS = tuple("123456789")


class EngagementWindow(QuoteActions, ImportActions, QMainWindow):
    def __init__(self, context: AppContext, debate_id: int, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self._context, self.debate_id = context, debate_id
        self.service = EngagementService(context.database)
        self.edits = EngagementEdits(context.runner, where(context.database.engine))
        self.view: EngagementView | None = None
        self.last_report: ImportReport | None = None
        self.import_job: ProgressJob | None = None
        self.report_dialog: ImportReportDialog | None = None
        self.setWindowTitle(f"Public engagement: debate {debate_id}")
        self.banner = error_label("Why the last change was not saved")
        self.call = CallForm()
        self.call.save_requested.connect(self.save_call)
        self.themes = ThemesPanel(self.service, self.edits, debate_id)
        self.themes.theme_chosen.connect(self.show_theme)
        self.model = ResponsesModel(self.service, context.runner, debate_id, self)
        self.model.total_changed.connect(lambda _n: self._count_shown())
        self.model.page_loaded.connect(lambda _n: self._count_shown())
        self.model.load_failed.connect(self.banner.say)
        self.table = self._table()
        self.response_text = QPlainTextEdit()
        self.response_text.setReadOnly(True)
        self.response_text.setAccessibleName("The chosen response in full")
        self.response_text.setPlaceholderText("Choose a response to read it in full.")
        self.quotes = QuotesPanel()
        self._filters()
        self._actions()
        self._quote_buttons()
        self.setCentralWidget(self._layout())
        self.statusBar().showMessage(context.database_label)
        self.edits.refused.connect(self.banner.say)
        self.edits.stored.connect(self.refresh)
        self.resize(1280, 720)
        self.refresh()

    # Building ------------------------------------------------------------------------------

    def _table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setAccessibleName("Responses")
        table.setAccessibleDescription("Select responses, then tag them with a theme (keys 1–9)")
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        widths = ("00000", "00 Mmm 0000", "Newcastle upon Tyne", "Waiting for assessment")
        for column, sample in enumerate(widths):
            table.setColumnWidth(column, table.fontMetrics().horizontalAdvance(sample) + 16)
        header.setStretchLastSection(True)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._context_menu)
        table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        return table

    def _filters(self) -> None:
        self.show_box = QComboBox()
        self.show_box.setAccessibleName("Show")
        self.show_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.show_box.activated.connect(lambda _i: self.apply_filter())
        self.search = QLineEdit()
        self.search.setPlaceholderText("Words in the response or the place")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search responses")
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self.apply_filter)
        self.shown = QLabel()
        self.tag_box = QComboBox()
        self.tag_box.setAccessibleName("Theme to tag with")
        self.tag_box.setMinimumContentsLength(18)

    def _actions(self) -> None:
        bar = QToolBar("Engagement")
        bar.setObjectName("engagement-toolbar")
        self.addToolBar(bar)
        menu = self.menuBar().addMenu("&Responses")
        specs = (
            ("import", "&Import responses…", "Ctrl+I", self.import_responses),
            ("tag", "&Tag with theme", "Ctrl+T", lambda: self.tag_selected()),
            ("untag", "&Remove theme", "Ctrl+Shift+T", lambda: self.untag_selected()),
            ("quote", "&Quote response…", "Ctrl+Q", lambda: self.quote_response()),
            ("refresh", "Re&fresh", "F5", self.reload_all),
        )
        self.actions_by_key: dict[str, QAction] = {}
        for key, text, shortcut, slot in specs:
            action = QAction(text, self)
            action.setShortcut(QKeySequence(shortcut))
            action.setToolTip(f"{text.replace('&', '').rstrip('…')} ({shortcut})")
            action.triggered.connect(lambda _checked=False, s=slot: s())
            self.actions_by_key[key] = action
            menu.addAction(action)
            if key == "tag":
                bar.addSeparator()
                bar.addWidget(QLabel(" Theme: "))
                bar.addWidget(self.tag_box)
            bar.addAction(action)
        menu.addSeparator()
        clear = menu.addAction("Remove &all responses…")
        clear.triggered.connect(lambda: self.clear_responses())
        # Keys 1-9 in the table tag with the themes in order (read as keys, not shortcuts:
        # a shortcut waits for the window to be active, a key press reaches the table).
        self.table.installEventFilter(self)

    def _quote_buttons(self) -> None:
        q = self.quotes
        q.add_button("quote", "&Quote response…", "", self.quote_response,
                     "Quote the chosen response (Ctrl+Q)")  # fmt: skip
        q.add_button("edit", "&Edit…", "Ctrl+E", self.edit_quote, "Edit the chosen quotation")
        q.add_button("consent", "&May be quoted", "Ctrl+M", self.toggle_may_quote,
                     "Mark whether the respondent agreed to be quoted")  # fmt: skip
        q.add_button("remove", "Remo&ve", "", self.remove_quote, "Remove the chosen quotation")
        q.button_row.addStretch(1)
        q.table.itemSelectionChanged.connect(self._enable)
        q.table.cellDoubleClicked.connect(lambda *_: self.edit_quote())

    def _layout(self) -> QWidget:
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.call)
        column.addWidget(self.themes, 1)
        responses = QGroupBox("Res&ponses")
        filters = QHBoxLayout()
        for text, widget in (("&Show:", self.show_box), ("Searc&h:", self.search)):
            label = QLabel(text)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget, 1 if widget is self.search else 0)
        filters.addWidget(self.shown)
        box = QVBoxLayout(responses)
        box.addLayout(filters)
        box.addWidget(self.table, 1)
        right = QSplitter(Qt.Orientation.Vertical)
        for part, stretch in ((responses, 5), (self.response_text, 1), (self.quotes, 3)):
            right.addWidget(part)
            right.setStretchFactor(right.count() - 1, stretch)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([380, 900])
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.banner)
        layout.addWidget(split, 1)
        return page

    # Loading -------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the call, the themes' counts and the quotations again (not the table)."""
        service, debates, debate_id = self.service, self._context.debates.debates, self.debate_id

        def read(progress: Any, cancelled: Any) -> tuple[Any, ...]:
            view = service.get(debate_id)
            quotes = service.quotes(debate_id) if view else []
            return debates.get(debate_id), view, quotes

        self._context.runner.read(
            read, succeeded=lambda result: self._show(*result),
            failed=lambda _kind, message: self.banner.say(f"Could not read: {message}"),
        )  # fmt: skip

    def reload_all(self) -> None:
        self.refresh()
        if self.view is not None:
            self.model.reload()

    def _show(
        self, debate: DebateView, view: EngagementView | None, quotes: Sequence[QuoteView]
    ) -> None:
        self.setWindowTitle(f"Public engagement: {debate.title}")
        first = self.view is None and view is not None
        if self.view is None or view is None or view.version != self.view.version:
            self.call.show_call(view)
        self.view = view
        self.themes.show_themes(view.themes if view else ())
        self.quotes.show_quotes(quotes)
        self._fill_theme_boxes()
        if first:
            self.model.set_filter(ResponseFilter())
        self._count_shown()
        self._enable()

    def _fill_theme_boxes(self) -> None:
        view = self.view
        shown = self.show_box.currentData()
        tagging = self.tag_box.currentData()
        self.show_box.clear()
        self.show_box.addItem(f"All responses ({view.imported:,})" if view else "All", ALL)
        self.show_box.addItem(f"No theme yet ({view.untagged:,})" if view else "None", UNTAGGED)
        self.tag_box.clear()
        for number, theme in enumerate(self.themes.themes, start=1):
            self.show_box.addItem(f"{theme.name} ({theme.count:,})", theme.id)
            key = f"{number}: " if number < 10 else ""
            self.tag_box.addItem(f"{key}{theme.name}", theme.id)
        self.show_box.setCurrentIndex(max(self.show_box.findData(shown), 0))
        self.tag_box.setCurrentIndex(max(self.tag_box.findData(tagging), 0))

    def apply_filter(self) -> None:
        self._search_timer.stop()
        if self.view is None:
            return
        shown = self.show_box.currentData()
        theme_id = shown if isinstance(shown, int) else None
        which = ResponseFilter(theme_id, shown == UNTAGGED, self.search.text().strip())
        if which != self.model.filter:
            self.model.set_filter(which)

    def show_theme(self, theme_id: int) -> None:
        self.show_box.setCurrentIndex(max(self.show_box.findData(theme_id), 0))
        self.apply_filter()

    def _count_shown(self) -> None:
        total = self.model.total
        loaded = self.model.rowCount()
        if self.view is None:
            self.shown.setText("")
        elif total is None:
            self.shown.setText("Counting…")
        elif loaded < total:
            self.shown.setText(f"{loaded:,} of {counted(total, 'response')} loaded")
        else:
            self.shown.setText(counted(total, "response"))

    # Selection and tagging -----------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [int(self.model.index(r, 0).data(ID_ROLE)) for r in rows]

    def selected_response(self) -> ResponseView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.response(rows[0].row()) if len(rows) == 1 else None

    def _selection_changed(self) -> None:
        chosen = self.selected_response()
        self.response_text.setPlainText(
            f"{chosen.body}\n\n— {chosen.credit} ({chosen.source})" if chosen else ""
        )
        self._enable()

    def tag_selected(self, theme_id: int | None = None) -> bool:
        """Tag the selected responses with the theme (default: the toolbar's)."""
        return self._retag(theme_id, untag=False)

    def untag_selected(self, theme_id: int | None = None) -> bool:
        return self._retag(theme_id, untag=True)

    def tag_with_number(self, number: int) -> bool:
        themes = self.themes.themes
        return 0 < number <= len(themes) and self.tag_selected(themes[number - 1].id)

    def _retag(self, theme_id: int | None, *, untag: bool) -> bool:
        theme = theme_id if theme_id is not None else self.tag_box.currentData()
        ids = self.selected_ids()
        if theme is None or not ids:
            return False
        service = self.service
        step = (lambda: service.untag(ids, theme)) if untag else (lambda: service.tag(ids, theme))
        changed = self.edits.run("The tags were not saved", step)
        if changed is None:
            return False
        self.banner.say("")
        self.model.update_rows(changed)
        self._selection_changed()
        return True

    def _context_menu(self, at: QPoint) -> None:
        if not self.selected_ids():
            return
        menu = self._response_menu()
        menu.exec(self.table.viewport().mapToGlobal(at))

    def _response_menu(self) -> QMenu:
        menu = QMenu(self)
        tag, untag = menu.addMenu("&Tag with"), menu.addMenu("&Remove theme")
        for number, theme in enumerate(self.themes.themes, start=1):
            label = f"&{number} {theme.name}" if number < 10 else theme.name
            tag.addAction(label, partial(self.tag_selected, theme.id))
            untag.addAction(theme.name, partial(self.untag_selected, theme.id))
        tag.setEnabled(bool(self.themes.themes))
        untag.setEnabled(bool(self.themes.themes))
        menu.addSeparator()
        menu.addAction(self.actions_by_key["quote"])
        return menu

    def _enable(self) -> None:
        called = self.view is not None
        ids = bool(self.table.selectionModel().selectedRows())
        theme = self.tag_box.count() > 0
        a = self.actions_by_key
        a["import"].setEnabled(called)
        a["import"].setToolTip(
            "Import responses (Ctrl+I)" if called else "Save the call first, then import"
        )
        a["tag"].setEnabled(ids and theme)
        a["untag"].setEnabled(ids and theme)
        a["quote"].setEnabled(self.selected_response() is not None)
        self.quotes.buttons["quote"].setEnabled(self.selected_response() is not None)
        for key in ("edit", "consent", "remove"):
            self.quotes.buttons[key].setEnabled(self.quotes.selected() is not None)

    # The call ------------------------------------------------------------------------------

    def save_call(self) -> EngagementView | None:
        form, service, debate_id = self.call, self.service, self.debate_id
        try:
            values = form.values()
        except ValueError as exc:  # a date that cannot be read: said under its field
            form.show_error(str(exc), getattr(exc, "field", None))
            return None
        version = self.view.version if self.view else None
        saved = self.edits.run(
            "The call was not saved",
            lambda: service.save_call(debate_id, **values, expected_version=version),
            form.show_error,
        )
        if saved is not None:
            form.clear_errors()
        return saved

    def _widget(self) -> QWidget:
        return self

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        pressed = isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress
        if watched is self.table and pressed and isinstance(event, QKeyEvent):
            plain = not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)
            if plain and event.text() in DIGITS:
                self.tag_with_number(int(event.text()))
                return True
        return super().eventFilter(watched, event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        # Shown again after being closed: a colleague may have imported or tagged meanwhile.
        if self.view is not None and not event.spontaneous():
            self.reload_all()
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.import_job is not None and not self.import_job.finished:
            self.import_job.cancel()
        super().closeEvent(event)
