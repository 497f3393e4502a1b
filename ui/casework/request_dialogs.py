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
        self.error = error_label()
        self._build()
        self._draft_toggled(self.draft.isChecked())

    def _build(self) -> None:
        form = QFormLayout()
        form.addRow("&Reasons:", self.reasons)
        form.addRow("De&partment:", self.department)
        form.addRow("", self.draft)
        form.addRow("&Sent on:", self.sent_on)
        form.addRow("D&ue on:", self.due_on)
        buttons = save_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(560, 360)

    def _draft_toggled(self, draft: bool) -> None:
        self.sent_on.setEnabled(not draft)
        self.due_on.setEnabled(not draft)

    def show_error(self, message: str) -> None:
        self.error.setText(message)

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

    def show_error(self, message: str) -> None:
        self.error.setText(message)

    def values(self) -> tuple[date, str]:
        return from_qdate(self.chased_on.date()), self.note.text()
