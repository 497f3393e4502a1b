"""The Review tab: the petition's request beside the response, the checklist, the requests."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from caseworker.domain.casework import TRANSITIONS, VERDICT_LABELS, Answer, RequestStatus, Verdict
from caseworker.domain.rules import long_date
from caseworker.services.casework.views import ReviewPane, ReviewView, VersionText
from caseworker.services.dto import RevisionRequestView
from ui.casework.markup import highlighted, text_html
from ui.casework.widgets import Reflow, read_only_table, scrolling, text_browser

#: The checklist's answers as the services take them ("yes", "partly", "no").
ANSWERS = (
    ("Not answered yet", None),
    ("Yes", Answer.YES.value),
    ("Partly", Answer.PARTLY.value),
    ("No", Answer.NO.value),
)
REQUEST_COLUMNS = ("No.", "Status", "Sent", "Due", "Last chased", "Revised response", "Reasons")


#: The review form's answers, verdict (as indexes in their boxes) and notes.
ReviewForm = tuple[int, int, int, str]
EMPTY_FORM: ReviewForm = (0, 0, 0, "")
#: A draft is kept per petition and response version.
DraftKey = tuple[int, int]
#: Below this width the request buttons stand in two rows.
BUTTON_COLUMNS = 4


def _differ(form: ReviewForm, stored: ReviewForm | None) -> bool:
    """Whether the form holds typing not yet saved (notes are saved without outer spaces)."""
    return stored is not None and (form[:3] != stored[:3] or form[3].strip() != stored[3].strip())


def _day(value: date | None) -> str:
    return long_date(value) if value else ""


def answer_box(name: str) -> QComboBox:
    box = QComboBox()
    box.setAccessibleName(name)
    for label, value in ANSWERS:
        box.addItem(label, value)
    return box


class ReviewTab(QWidget):
    """Shows a ``ReviewPane``; asks the controller (by signal) to make every change."""

    save_review_requested = Signal()
    new_request_requested = Signal()
    edit_request_requested = Signal(object)
    send_requested = Signal(object)
    chase_requested = Signal(object)
    accept_requested = Signal(object)
    withdraw_requested = Signal(object)
    letter_requested = Signal(object)
    #: Which buttons are enabled may have changed (the menu's actions follow them).
    buttons_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pane: ReviewPane | None = None
        # The form as last filled from the stored review: what differs is the clerk's typing.
        self._filled: ReviewForm | None = None
        # Reviews typed and not saved, kept while the clerk looks at other petitions or
        # versions (in memory: closing the window asks first, see has_unsaved_work).
        self.drafts: dict[DraftKey, ReviewForm] = {}
        # Which petition and version the form shows now (its draft's key).
        self._shown: DraftKey | None = None
        # After a revised response is accepted the newest version is shown next.
        self._newest_next = False
        self.coverage = QLabel()
        self.coverage.setWordWrap(True)
        self.coverage.setAccessibleName("Key terms the response uses")
        self.request_text = text_browser("The petition's request")
        self.version_box = QComboBox()
        self.version_box.setAccessibleName("Response version")
        self.on_time = QLabel()
        self.response_text = text_browser("The Government's response")
        self.answers = answer_box("Does it answer the petition's request?")
        self.position = answer_box("Does it state the Government's position?")
        self.verdict = QComboBox()
        self.verdict.setAccessibleName("Verdict")
        self.verdict.addItem("— choose a verdict —", None)
        for v in Verdict:
            self.verdict.addItem(VERDICT_LABELS[v], v.value)
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName("Review notes")
        self.notes.setPlaceholderText("Notes for the Committee")
        self.notes.setMinimumHeight(self.fontMetrics().height() * 4)
        self.reviewed = QLabel()
        self.reviewed.setWordWrap(True)
        self.save_button = QPushButton("&Save review")
        # Shown while the saved verdict asks for a revised response and none is open.
        self.offer = QLabel("Your verdict asks for a revised response.")
        self.offer.setWordWrap(True)
        self.offer_button = QPushButton("Request it &now…")
        self.offer_button.setToolTip("Opens the request with your review notes as its reasons")
        self.offer_button.clicked.connect(self.new_request_requested)
        self.requests = self._requests_table()
        self.buttons = self._request_buttons()
        self._build()
        self.version_box.currentIndexChanged.connect(self._show_version)
        self.save_button.clicked.connect(self.save_review_requested)
        self.requests.itemSelectionChanged.connect(self._enable_request_buttons)
        self.clear()

    # Building ------------------------------------------------------------------------------

    def _requests_table(self) -> QTableWidget:
        table = read_only_table(REQUEST_COLUMNS, "Requests for a revised response")
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setWordWrap(False)
        # Reasons take the room that is left, instead of pushing the table sideways.
        table.horizontalHeader().setSectionResizeMode(
            len(REQUEST_COLUMNS) - 1, QHeaderView.ResizeMode.Stretch
        )
        return table

    def _request_buttons(self) -> dict[str, QPushButton]:
        specs = {
            "new": ("&New request…", self.new_request_requested.emit),
            "edit": ("&Edit…", lambda: self._emit(self.edit_request_requested)),
            "send": ("Mark s&ent", lambda: self._emit(self.send_requested)),
            "chase": ("C&hase…", lambda: self._emit(self.chase_requested)),
            "accept": ("&Accept revised", lambda: self._emit(self.accept_requested)),
            "withdraw": ("&Withdraw", lambda: self._emit(self.withdraw_requested)),
            "letter": ("&Letter…", lambda: self._emit(self.letter_requested)),
        }
        buttons = {}
        for key, (text, slot) in specs.items():
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons[key] = button
        return buttons

    def _build(self) -> None:
        asks = QGroupBox("The petition asks")
        QVBoxLayout(asks).addWidget(self.request_text)
        answer = QGroupBox("The Government's response")
        answer_layout = QVBoxLayout(answer)
        row = QHBoxLayout()
        caption = QLabel("&Version:")
        caption.setBuddy(self.version_box)
        row.addWidget(caption)
        row.addWidget(self.version_box, 1)
        answer_layout.addLayout(row)
        answer_layout.addWidget(self.on_time)
        answer_layout.addWidget(self.response_text, 1)
        texts = QSplitter(Qt.Orientation.Horizontal)
        texts.addWidget(asks)
        texts.addWidget(answer)
        texts.setSizes([380, 620])
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.coverage)
        top_layout.addWidget(texts, 1)
        # Side by side on a wide screen, one above the other on a laptop.
        bottom = Reflow((self._review_box(), 2), (self._requests_box(), 3))
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setSizes([300, 260])
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # The tab scrolls instead of widening the window (a laptop at 1280×720).
        split.setObjectName("review content")
        layout.addWidget(scrolling(split))

    def _review_box(self) -> QGroupBox:
        box = QGroupBox("Your review of this version")
        form = QFormLayout(box)
        # Questions stand above their answers when the box is narrow.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow("Answers the petition's &request?", self.answers)
        form.addRow("States the Government's &position?", self.position)
        form.addRow("&Verdict:", self.verdict)
        form.addRow("N&otes:", self.notes)
        row = QHBoxLayout()
        row.addWidget(self.reviewed, 1)
        row.addWidget(self.save_button)
        form.addRow(row)
        offer = QHBoxLayout()
        offer.addWidget(self.offer, 1)
        offer.addWidget(self.offer_button)
        form.addRow(offer)
        return box

    def _requests_box(self) -> QGroupBox:
        box = QGroupBox("Requests for a revised response")
        layout = QVBoxLayout(box)
        layout.addWidget(self.requests, 1)
        grid = QGridLayout()
        for index, button in enumerate(self.buttons.values()):
            grid.addWidget(button, index // BUTTON_COLUMNS, index % BUTTON_COLUMNS)
        grid.setColumnStretch(BUTTON_COLUMNS, 1)
        layout.addLayout(grid)
        return box

    # Showing -------------------------------------------------------------------------------

    def clear(self, message: str = "Choose a petition to review its Government response.") -> None:
        self._keep_draft()
        self.pane = None
        self._filled = None
        self._shown = None
        self._put_form(EMPTY_FORM)  # the previous petition's review must not show
        self.coverage.setText(message)
        self.request_text.clear()
        self.response_text.clear()
        self.version_box.clear()
        self.on_time.clear()
        self.reviewed.clear()
        self.requests.setRowCount(0)
        self._show_offer()
        self.setEnabled(False)
        self.buttons_changed.emit()

    def show_pane(self, pane: ReviewPane) -> None:
        keep = (
            self.current_version_id()
            if self.pane and self.pane.petition_id == pane.petition_id and not self._newest_next
            else None
        )
        self._newest_next = False
        # What the clerk typed and did not save is kept as a draft, shown again on return.
        self._keep_draft()
        self.pane = pane
        self.setEnabled(True)
        self._show_request(pane.request_spans, ())
        self.version_box.blockSignals(True)
        self.version_box.clear()
        for v in pane.versions:
            self.version_box.addItem(v.label, v.id)
        current = next(
            (i for i, v in enumerate(pane.versions) if v.id == keep), len(pane.versions) - 1
        )
        self.version_box.setCurrentIndex(current)
        self.version_box.blockSignals(False)
        self._show_version()
        self._show_requests(pane.requests)
        self._show_offer()
        if not pane.versions:
            self.coverage.setText("There is no Government response to review yet.")

    def _show_request(
        self, used: tuple[tuple[int, int], ...], missing: tuple[tuple[int, int], ...]
    ) -> None:
        """The request, its key terms marked where the shown version uses them."""
        if self.pane is None:
            return
        dark = self.palette().window().color().lightness() < 128
        request = highlighted(self.pane.request, used, dark=dark, missing=missing)
        background = f"<p>{text_html(self.pane.background)}</p>" if self.pane.background else ""
        legend = (
            "<p><small>Key terms the response uses are <u><b>underlined</b></u>; those it "
            "never uses are in <i>italics</i>.</small></p>"
        )
        self.request_text.setHtml(f"<p style='font-size:large'>{request}</p>{legend}{background}")

    def current_version_id(self) -> int | None:
        value = self.version_box.currentData()
        return int(value) if value is not None else None

    def current_version(self) -> VersionText | None:
        version_id = self.current_version_id()
        return self.pane.version(version_id) if self.pane and version_id is not None else None

    def review_for_current(self) -> ReviewView | None:
        version_id = self.current_version_id()
        reviews = [
            r
            for r in (self.pane.reviews if self.pane else ())
            if r.response_version_id == version_id
        ]
        return reviews[-1] if reviews else None

    def _show_version(self) -> None:
        self._keep_draft()
        v = self.current_version()
        has_version = v is not None
        for widget in (self.answers, self.position, self.verdict, self.notes, self.save_button):
            widget.setEnabled(has_version)
        self.buttons_changed.emit()
        if v is None:
            self.response_text.clear()
            self.on_time.clear()
            return
        dark = self.palette().window().color().lightness() < 128
        assert self.pane is not None
        unused = tuple(s for s in self.pane.request_spans if s not in v.request_spans_used)
        self._show_request(v.request_spans_used, unused)
        self.coverage.setText(f"<b>Key terms:</b> {text_html(v.coverage_line)}")
        self.response_text.setHtml(
            f"<p><b>{highlighted(v.summary, v.summary_spans, dark=dark)}</b></p>"
            f"<p>{highlighted(v.details, v.details_spans, dark=dark)}</p>"
        )
        self.on_time.setText(self._on_time_text(v))
        self._fill_review(self.review_for_current())
        self._shown = (self.pane.petition_id, v.id)
        draft = self.drafts.pop(self._shown, None)
        if draft is not None and _differ(draft, self._filled):
            self._put_form(draft)
            self.reviewed.setText(f"{self.reviewed.text()} Your unsaved changes are kept.")

    def _on_time_text(self, v: VersionText) -> str:
        when = _day(v.responded_on) or "an unknown date"
        if v.on_time is None:
            return f"Responded on {when}; no deadline applies to this version."
        mark = "✓ On time" if v.on_time else "⚠ Late"
        return f"{mark}: responded on {when} (due by {_day(v.deadline)})"

    def _fill_review(self, review: ReviewView | None) -> None:
        self.answers.setCurrentIndex(_answer_index(review.answers_request if review else None))
        self.position.setCurrentIndex(_answer_index(review.states_position if review else None))
        # A new review starts with no verdict: saving one is a choice, never a default.
        self.verdict.setCurrentIndex(self.verdict.findData(review.verdict) if review else 0)
        self.notes.setPlainText(review.notes if review else "")
        self._filled = self._form()
        if review is None:
            self.reviewed.setText("Not reviewed yet.")
        else:
            at = review.reviewed_at.astimezone()
            self.reviewed.setText(
                f"Reviewed by {review.reviewer} on {long_date(at.date())} at {at:%H:%M}."
            )

    def _form(self) -> ReviewForm:
        return (self.answers.currentIndex(), self.position.currentIndex(),
                self.verdict.currentIndex(), self.notes.toPlainText())  # fmt: skip

    def _put_form(self, form: ReviewForm) -> None:
        answers, position, verdict, notes = form
        self.answers.setCurrentIndex(answers)
        self.position.setCurrentIndex(position)
        self.verdict.setCurrentIndex(verdict)
        self.notes.setPlainText(notes)

    def revision_notes(self) -> str:
        """The saved review's notes, when its verdict asks for a revised response."""
        review = self.review_for_current()
        wanted = review is not None and review.verdict == Verdict.REQUEST_REVISION.value
        return review.notes.strip() if review is not None and wanted else ""

    def _show_offer(self) -> None:
        review = self.review_for_current()
        asked = review is not None and review.verdict == Verdict.REQUEST_REVISION.value
        pane_requests = self.pane.requests if self.pane else ()
        open_request = any(not RequestStatus(r.status).is_closed for r in pane_requests)
        for widget in (self.offer, self.offer_button):
            widget.setVisible(asked and not open_request)

    def _keep_draft(self) -> None:
        """Before the form shows something else: keep what the clerk typed and did not save."""
        if self._shown is None:
            return
        form = self._form()
        if _differ(form, self._filled):
            self.drafts[self._shown] = form
        else:
            self.drafts.pop(self._shown, None)

    def saved(self) -> None:
        """The review in the form was stored: it is no longer a draft."""
        self._filled = self._form()
        if self._shown is not None:
            self.drafts.pop(self._shown, None)

    def has_unsaved_work(self) -> bool:
        """Whether a review typed on any petition has not been saved."""
        self._keep_draft()
        return bool(self.drafts)

    def discard_drafts(self) -> None:
        self.drafts.clear()
        if self._filled is not None:
            self._put_form(self._filled)

    def show_newest_next(self) -> None:
        """The next time this petition is shown, show its newest response version."""
        self._newest_next = True

    def review_values(self) -> dict[str, object] | None:
        """What to save, or None (with a hint shown) while no verdict is chosen."""
        if self.verdict.currentData() is None:
            self.reviewed.setText("⚠ Choose a verdict before saving the review.")
            self.verdict.setFocus()
            return None
        return {
            "verdict": Verdict(self.verdict.currentData()),
            "answers_request": self.answers.currentData(),
            "states_position": self.position.currentData(),
            "notes": self.notes.toPlainText(),
        }

    def _show_requests(self, requests: tuple[RevisionRequestView, ...]) -> None:
        selected = self.selected_request()
        # A request that has just appeared (the clerk recorded it) is the one to act on next.
        shown_before = self._shown_request_ids()
        new = [r for r in requests if r.id not in shown_before]
        if new and shown_before:
            selected = new[-1]
        self.requests.setRowCount(len(requests))
        for row, r in enumerate(requests):
            cells = (str(r.id), r.status, _day(r.sent_on), _day(r.due_on), _day(r.last_chased_on),
                     _day(r.revised_responded_on), " ".join(r.reasons.split()))  # fmt: skip
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, r.id)
                self.requests.setItem(row, column, item)
        if requests:
            keep = next(
                (i for i, r in enumerate(requests) if selected and r.id == selected.id),
                len(requests) - 1,
            )
            self.requests.selectRow(keep)
        self._enable_request_buttons()

    def _shown_request_ids(self) -> set[int]:
        items = (self.requests.item(row, 0) for row in range(self.requests.rowCount()))
        return {item.data(Qt.ItemDataRole.UserRole) for item in items if item is not None}

    def selected_request(self) -> RevisionRequestView | None:
        rows = (
            self.requests.selectionModel().selectedRows() if self.requests.selectionModel() else []
        )
        if not rows or self.pane is None:
            return None
        item = self.requests.item(rows[0].row(), 0)
        request_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        return next((r for r in self.pane.requests if r.id == request_id), None)

    def _enable_request_buttons(self) -> None:
        r = self.selected_request()
        status = RequestStatus(r.status) if r else None
        moves = TRANSITIONS[status] if status else frozenset()
        self.buttons["new"].setEnabled(bool(self.pane and self.pane.versions))
        self.buttons["edit"].setEnabled(status is not None and not status.is_closed)
        self.buttons["send"].setEnabled(RequestStatus.SENT in moves)
        self.buttons["chase"].setEnabled(RequestStatus.CHASED in moves)
        self.buttons["accept"].setEnabled(RequestStatus.ACCEPTED in moves)
        self.buttons["withdraw"].setEnabled(RequestStatus.WITHDRAWN in moves)
        self.buttons["letter"].setEnabled(r is not None)
        self.buttons_changed.emit()

    def _emit(self, signal: SignalInstance) -> None:
        request = self.selected_request()
        if request is not None:
            signal.emit(request)


def _answer_index(value: bool | str | None) -> int:
    # An older record may hold True or False: yes and no.
    if isinstance(value, bool):
        value = "yes" if value else "no"
    return next((i for i, (_label, v) in enumerate(ANSWERS) if v == value), 0)
