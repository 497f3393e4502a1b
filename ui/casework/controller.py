"""Wires the casework tabs, dialogs and menus to the services and the undo stack."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox, QWidget

from caseworker.letters.templates import LetterKind
from caseworker.storage.errors import where
from ui.casework.actions import action, button_actions
from ui.casework.compare_tab import CompareTab
from ui.casework.edits import REFUSALS, CaseworkEdits
from ui.casework.failures import FAILURES, failure_message
from ui.casework.history_tab import HistoryTab
from ui.casework.letter_dialog import LetterDialog
from ui.casework.request_dialogs import ChaseDialog, RequestDialog
from ui.casework.review_tab import ReviewTab
from ui.context import AppContext
from ui.latest import Latest
from ui.views.petition_view import PetitionView

T = TypeVar("T")
#: How install_menus groups the Casework menu.
CASEWORK_MENU_REVIEW = ("save_review", "new", "edit", "send", "chase", "accept", "withdraw",
                        "letter")  # fmt: skip
CASEWORK_MENU_WINDOWS = ("requests", "meeting", "overdue_letter")
CASEWORK_MENU_TEAM = ("settings",)
OPEN_FORM = "Could not open the request form"


class CaseworkController(QObject):
    #: Casework changed in a way the work queues may show (requests opened or closed).
    data_changed = Signal()

    def __init__(self, window: QMainWindow, context: AppContext, view: PetitionView) -> None:
        super().__init__(window)
        self._window, self._context = window, context
        self.services = context.casework
        self.stack = QUndoStack(self)
        self.edits = CaseworkEdits(
            self.services, self.stack, where(context.database.engine), context.runner
        )
        self.review = ReviewTab()
        self.compare = CompareTab()
        self.history = HistoryTab()
        self.petition_id: int | None = None
        self._loading = Latest()
        view.tabs.addTab(self.review, "Re&view")
        view.tabs.addTab(self.compare, "Co&mpare versions")
        view.tabs.addTab(self.history, "Histor&y")
        self._actions = self._build_actions()
        self._connect()

    def _connect(self) -> None:
        self.edits.changed.connect(self._after_change)
        self.edits.refused.connect(self._refused)
        self.edits.failed.connect(self._failed)
        r = self.review
        r.save_review_requested.connect(self.save_review)
        r.new_request_requested.connect(self.new_request)
        r.edit_request_requested.connect(self.edit_request)
        r.send_requested.connect(self.mark_sent)
        r.chase_requested.connect(self.chase)
        r.accept_requested.connect(self.accept)
        r.withdraw_requested.connect(self.withdraw)
        r.letter_requested.connect(self.request_letter)
        self.compare.compare_requested.connect(self._compare)

    def _build_actions(self) -> dict[str, QAction]:
        undo = self.stack.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.stack.createRedoAction(self, "&Redo")
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        return {
            "undo": undo,
            "redo": redo,
            **button_actions(self, self.review),
            "requests": action(self, "Outstanding &requests…", self.open_requests, "Ctrl+Shift+R"),
            "meeting": action(self, "Committee &meeting…", self.open_meeting, "Ctrl+M"),
            "overdue_letter": action(
                self, "&Overdue response letter…", self.overdue_letter, "Ctrl+Shift+L"
            ),
            "settings": action(self, "Casework &settings…", self.open_settings),
        }

    def actions(self) -> dict[str, QAction]:
        """Every casework action, keyed by name, with its text and shortcut: the Review tab's
        buttons (save_review, new, edit, send, chase, accept, withdraw, letter), undo and redo,
        and the windows and dialogs (requests, meeting, overdue_letter, settings)."""
        return dict(self._actions)

    def install_menus(self, edit_menu: QMenu, casework_menu: QMenu) -> None:
        """Undo and redo in Edit; everything else in Casework (until the action registry
        mounts ``actions()`` itself)."""
        a = self._actions
        for key in ("undo", "redo"):
            edit_menu.addAction(a[key])
            self._window.addAction(a[key])
        for group in (CASEWORK_MENU_REVIEW, CASEWORK_MENU_WINDOWS, CASEWORK_MENU_TEAM):
            for key in group:
                casework_menu.addAction(a[key])
            casework_menu.addSeparator()
        self.undo_action, self.redo_action = a["undo"], a["redo"]
        self.meeting_action = a["meeting"]

    # Unsaved work --------------------------------------------------------------------------

    def has_unsaved_work(self) -> bool:
        """Whether a review was typed and not saved (on any petition): ask before quitting."""
        return self.review.has_unsaved_work()

    def confirm_discard(self, parent: QWidget | None = None) -> bool:
        """True if there is nothing unsaved, or the clerk agrees to lose it."""
        drafts = len(self.review.drafts) if self.has_unsaved_work() else 0
        if not drafts:
            return True
        which = "a review" if drafts == 1 else f"{drafts} reviews"
        answer = QMessageBox.question(
            parent or self._window, "Unsaved review",
            f"You have typed {which} and not saved it. Discard and close?",
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )  # fmt: skip
        if answer != QMessageBox.StandardButton.Discard:
            return False
        self.review.discard_drafts()
        return True

    # Loading -------------------------------------------------------------------------------

    def show_petition(self, petition_id: int | None) -> None:
        self.petition_id = petition_id
        if petition_id is None:
            self._loading.forget()  # a petition's casework still on its way is not shown
            self.review.clear()
            self.compare.show_versions(None)
            self.history.show_entries([])
            return
        self._load(petition_id)

    def _load(self, petition_id: int) -> None:
        services = self.services

        def load(progress: Any, cancelled: Any) -> Any:
            return services.reviews.pane(petition_id), services.audit.for_petition(petition_id)

        # The clerk may move on to another petition before this one's casework arrives.
        succeeded, failed = self._loading.newest(
            lambda result: self._show(*result),
            lambda kind, message: self.review.clear(f"Could not load: {message}"),
        )
        self._context.runner.read(load, succeeded=succeeded, failed=failed)

    def _show(self, pane: Any, entries: Any) -> None:
        self.review.show_pane(pane)
        self.compare.show_versions(pane)
        self.history.show_entries(entries)

    def _compare(self, older: int, newer: int) -> None:
        reviews = self.services.reviews
        self._context.runner.read(
            lambda progress, cancelled: reviews.compare_versions(older, newer),
            succeeded=self.compare.show_comparison,
        )

    def _after_change(self, petition_id: int | None) -> None:
        if petition_id is not None and petition_id == self.petition_id:
            self.show_petition(petition_id)
        self.data_changed.emit()

    def _refused(self, message: str) -> None:
        QMessageBox.warning(self._window, "Not saved", message)
        if self.petition_id is not None:
            self.show_petition(self.petition_id)

    def _failed(self, message: str) -> None:
        # Nothing changed in the database, and the form keeps what the clerk typed: showing
        # the petition again would overwrite it (and may fail the same way).
        QMessageBox.warning(self._window, "Not saved", message)

    def _try(self, what: str, make: Callable[[], T]) -> T | None:
        """What a slot reads before it can offer a form; None (and a message) if it cannot."""
        try:
            return make()
        except REFUSALS as exc:
            QMessageBox.warning(self._window, "Casework", str(exc))
        except FAILURES as exc:
            message = failure_message(what, exc, self.edits.location)
            QMessageBox.warning(self._window, "Casework", message)
        return None

    # Reviews and requests ------------------------------------------------------------------

    def save_review(self) -> None:
        version = self.review.current_version()
        if version is None or self.petition_id is None:
            return
        values = self.review.review_values()
        if values is None:
            return
        if self.edits.save_review(
            self.petition_id, version.id, values.pop("verdict"),  # type: ignore[arg-type]
            existing=self.review.review_for_current(), **values,  # type: ignore[arg-type]
        ):  # fmt: skip
            # A verdict asking for a revised response is then offered the request (the tab
            # shows the offer once it has read the saved review back).
            self.review.saved()

    def _dialog(self, title: str, request: Any = None) -> RequestDialog:
        settings = self.services.settings.get()
        pane = self.review.pane
        return RequestDialog(
            self._window, title=title, today=self.services.requests.clock.today(),
            due_days=int(settings.revision_days.value), request=request,
            department=pane.department_names if pane else "",
        )  # fmt: skip

    def new_request(self, reasons: str = "") -> None:
        version = self.review.current_version()
        if self.petition_id is None or version is None:
            return
        petition_id = self.petition_id
        title = f"Request a revised response to e-petition {petition_id}"
        dialog = self._try(OPEN_FORM, lambda: self._dialog(title))
        if dialog is None:
            return
        # The review's notes say why the response falls short: the request starts from them.
        reasons = reasons.strip() or self.review.revision_notes()
        if reasons:
            dialog.reasons.setPlainText(reasons)
        # If refused or not stored, the dialog says why and stays open with the clerk's text.
        with self.edits.reporting_to(dialog.show_error):
            while dialog.exec():
                values = dialog.values()
                reasons = values.pop("reasons")
                if self.edits.create_request(
                    petition_id, reasons, response_version_id=version.id, **values
                ):
                    return

    def edit_request(self, request: Any) -> None:
        dialog = self._try(OPEN_FORM, lambda: self._dialog(f"Request {request.id}", request))
        if dialog is None:
            return
        # If refused (a colleague saved first, say) the dialog says why and stays open with
        # the clerk's wording, to save again over the newer record or cancel.
        with self.edits.reporting_to(dialog.show_error):
            while dialog.exec() and not self.edits.edit_request(request, dialog.values()):
                request = self._newest(request)

    def _newest(self, request: Any) -> Any:
        """The request as stored now, or as it was if the database cannot be read."""
        try:
            return self.services.requests.get(request.id)
        except (*REFUSALS, *FAILURES):
            return request  # the next save says what is wrong

    def chase(self, request: Any) -> None:
        dialog = ChaseDialog(self._window, request, self.services.requests.clock.today())
        with self.edits.reporting_to(dialog.show_error):
            while dialog.exec():
                chased_on, note = dialog.values()
                if self.edits.chase(request, chased_on, note):
                    return

    def mark_sent(self, request: Any) -> bool:
        return self.edits.mark_sent(request)

    def accept(self, request: Any) -> None:
        if self.edits.accept(request):
            # The Committee now looks at the revised response: the tab moves to it.
            self.review.show_newest_next()
            if self.petition_id is not None:
                self.show_petition(self.petition_id)

    def withdraw(self, request: Any) -> None:
        answer = QMessageBox.question(
            self._window, "Withdraw the request",
            f"Withdraw request {request.id}? The Committee will no longer wait for a revised "
            "response. (Edit ▸ Undo puts it back.)",
        )  # fmt: skip
        if answer == QMessageBox.StandardButton.Yes:
            self.edits.withdraw(request)

    def request_letter(self, request: Any) -> None:
        kind = LetterKind.CHASER if request.status in ("sent", "chased") and request.chases else (
            LetterKind.REVISION_REQUEST
        )  # fmt: skip
        self._letter(lambda: self.services.letters.request_letter(request.id, kind))

    def overdue_letter(self) -> None:
        if self.petition_id is None:
            QMessageBox.information(self._window, "Overdue response letter",
                                    "Choose an overdue petition first.")  # fmt: skip
            return
        petition_id = self.petition_id
        self._letter(lambda: self.services.letters.overdue_letter(petition_id))

    def _letter(self, make: Any) -> None:
        try:
            letter = make()
        except REFUSALS as exc:
            QMessageBox.information(self._window, "No letter", str(exc))
            return
        except FAILURES as exc:
            message = failure_message("Could not write the letter", exc, self.edits.location)
            QMessageBox.warning(self._window, "No letter", message)
            return
        LetterDialog(
            self._window, letter, self._context.runner, letters=self.services.letters
        ).exec()

    # Meetings and settings -----------------------------------------------------------------

    def open_meeting(self) -> None:
        from ui.casework.meeting_window import MeetingWindow

        window = MeetingWindow(self._window, self._context, self.edits)
        window.petition_chosen.connect(self.petition_chosen)
        window.show()
        self.meeting_window = window

    #: The clerk asked to see a petition (from the meeting's agenda or the requests).
    petition_chosen = Signal(int)

    def open_requests(self) -> None:
        from ui.casework.requests_window import RequestsWindow

        window = RequestsWindow(self._window, self._context, self)
        window.petition_chosen.connect(self.petition_chosen)
        self.data_changed.connect(window.reload)
        window.show()
        self.requests_window = window

    def open_settings(self) -> None:
        from ui.casework.settings_dialog import SettingsDialog

        dialog = self._try(
            "Could not open the casework settings",
            lambda: SettingsDialog(self._window, self.services, self.edits),
        )
        if dialog is not None:
            dialog.exec()
