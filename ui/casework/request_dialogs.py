"""Dialogs for a revision request: record or edit one, and record a chase."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from caseworker.domain.casework import RequestStatus
from caseworker.domain.rules import long_date
from caseworker.services.dto import RevisionRequestView
from ui.casework.widgets import error_label, save_cancel
from ui.dates import date_edit, from_qdate

MISSING_REASONS = (
    "Say which points of the petition's request the response did not address "
    "(or tick Draft to save it unsent)."
)


def _with_error(field: QWidget, error: QWidget) -> QWidget:
    """A field with its own error line underneath."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(field)
    layout.addWidget(error)
    return box


class RequestDialog(QDialog):
    """Record a new request, or edit one; ``values()`` gives what the services take."""

    def __init__(
        self, parent: QWidget | None, *, title: str, today: date, due_days: int,
        request: RevisionRequestView | None = None, department: str = "",
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle(title)
        self._request = request
        self.reasons = QPlainTextEdit(request.reasons if request else "")
        self.reasons.setPlaceholderText(
            "Which points of the petition's request the response did not address"
        )
        self.reasons.setAccessibleName("Reasons")
        self.department = QLineEdit(request.department or "" if request else department)
        sent = request.sent_on if request and request.sent_on else today
        self.sent_on = date_edit(sent)
        due = request.due_on if request and request.due_on else date.fromordinal(
            sent.toordinal() + due_days
        )  # fmt: skip
        self.due_on = date_edit(due)
        self.draft = QCheckBox("&Draft: not sent yet")
        self.draft.setChecked(request is not None and request.status == RequestStatus.DRAFT)
        self.draft.setVisible(request is None or request.status == RequestStatus.DRAFT)
        self.draft.toggled.connect(self._draft_toggled)
        # Each message stands under the field it is about; the rest under the form.
        self.error = error_label()
        self.field_errors = {
            "reasons": error_label("Why the reasons were not accepted"),
            "department": error_label("Why the department was not accepted"),
            "sent_on": error_label("Why the date sent was not accepted"),
            "due_on": error_label("Why the due date was not accepted"),
        }
        self._build()
        self._draft_toggled(self.draft.isChecked())

    def _build(self) -> None:
        form = QFormLayout()
        errors = self.field_errors
        form.addRow("&Reasons:", _with_error(self.reasons, errors["reasons"]))
        form.addRow("De&partment:", _with_error(self.department, errors["department"]))
        form.addRow("", self.draft)
        form.addRow("&Sent on:", _with_error(self.sent_on, errors["sent_on"]))
        form.addRow("D&ue on:", _with_error(self.due_on, errors["due_on"]))
        buttons = save_cancel(self, on_save=self._check_then_accept)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(560, 360)

    def _draft_toggled(self, draft: bool) -> None:
        self.sent_on.setEnabled(not draft)
        self.due_on.setEnabled(not draft)

    def show_error(self, message: str, field: str | None = None) -> None:
        """The message under its field (or under the form), the others cleared."""
        for label in (self.error, *self.field_errors.values()):
            label.say("")
        self.field_errors.get(field or "", self.error).say(message)
        widget = {"reasons": self.reasons, "department": self.department,
                  "sent_on": self.sent_on, "due_on": self.due_on}.get(field or "")  # fmt: skip
        if widget is not None:
            widget.setFocus()

    def _check_then_accept(self) -> None:
        """What can be told before saving is told at once, beside the field; Save then
        does nothing else, so the clerk sees why."""
        if not self.draft.isChecked() and not self.reasons.toPlainText().strip():
            self.show_error(MISSING_REASONS, "reasons")
            return
        if not self.draft.isChecked() and self.due_on.date() < self.sent_on.date():
            self.show_error("The due date is before the date the request was sent.", "due_on")
            return
        self.accept()

    def values(self) -> dict[str, Any]:
        """Fields for ``create`` (new) or ``edit`` (existing): only what the clerk can set."""
        draft = self.draft.isChecked()
        values: dict[str, Any] = {
            "reasons": self.reasons.toPlainText(),
            "department": self.department.text().strip() or None,
            "sent_on": None if draft else from_qdate(self.sent_on.date()),
            "due_on": None if draft else from_qdate(self.due_on.date()),
        }
        if self._request is None:
            values["status"] = RequestStatus.DRAFT if draft else RequestStatus.SENT
        elif self._request.status == RequestStatus.DRAFT and not draft:
            values["status"] = RequestStatus.SENT
        return values


class ChaseDialog(QDialog):
    def __init__(self, parent: QWidget | None, request: RevisionRequestView, today: date) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Chase request {request.id}")
        self.chased_on = date_edit(today)
        self.note = QLineEdit()
        self.note.setPlaceholderText("e.g. emailed the parliamentary clerk")
        self.note.setMinimumWidth(self.note.fontMetrics().horizontalAdvance("0" * 40))
        self.error = error_label()
        form = QFormLayout()
        form.addRow("&Chased on:", self.chased_on)
        form.addRow("&Note:", self.note)
        buttons = save_cancel(self)
        layout = QVBoxLayout(self)
        due = long_date(request.due_on) if request.due_on else "not set"
        early = request.due_on is not None and today <= request.due_on
        note = " (not yet due: a chaser now is early)" if early else ""
        layout.addWidget(QLabel(f"Request {request.id}, due {due}{note}"))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def show_error(self, message: str, field: str | None = None) -> None:
        self.error.say(message)

    def values(self) -> tuple[date, str]:
        return from_qdate(self.chased_on.date()), self.note.text()
