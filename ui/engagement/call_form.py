"""The call for the public's experiences: its title, where it ran, when, who, the link and
the survey tool's count. Dates are typed as the Committee writes them ("12 May 2025") and
may be left empty; a refusal is shown under the field it is about."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from caseworker.formatting import long_date, parse_date
from caseworker.services.casework.common import CaseworkError
from caseworker.services.debates.engagement_views import EngagementView
from ui.casework.widgets import ErrorLabel, error_label

#: The spin box's lowest value stands for "no count given: count the imported responses".
AS_IMPORTED = "as imported"
FIELDS = ("title", "ran_on", "opens_on", "closes_on", "member", "link", "declared_responses")


class CallForm(QGroupBox):
    """``values()`` gives what ``EngagementService.save_call`` takes; ``save_requested``
    asks the window to store them."""

    save_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("The &call", parent)
        self.view: EngagementView | None = None
        self.call_title = QLineEdit()
        self.call_title.setPlaceholderText("Share your experiences of …")
        self.ran_on = QLineEdit()
        self.ran_on.setPlaceholderText("the House of Commons website")
        self.opens_on, self.closes_on = QLineEdit(), QLineEdit()
        for edit in (self.opens_on, self.closes_on):
            edit.setPlaceholderText("e.g. 12 May 2025")
        self.member = QLineEdit()
        self.member.setPlaceholderText("Jane Smith MP")
        self.link = QLineEdit()
        self.link.setPlaceholderText("https://…")
        self.declared = QSpinBox()
        self.declared.setRange(-1, 10_000_000)
        self.declared.setSpecialValueText(AS_IMPORTED)
        self.declared.setGroupSeparatorShown(True)
        self.declared.setToolTip(
            "The survey tool's count of responses, if it differs from those imported"
        )
        self.errors = {f: error_label(f"Why the {f.replace('_', ' ')} was not accepted")
                       for f in FIELDS}  # fmt: skip
        self.error = error_label()
        self.save_button = QPushButton("&Save call")
        self.save_button.clicked.connect(self.save_requested)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self._build()
        self.show_call(None)

    def _build(self) -> None:
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        rows = (
            ("&Title:", self.call_title, "title"), ("&Ran on:", self.ran_on, "ran_on"),
            ("&Opens:", self.opens_on, "opens_on"), ("C&loses:", self.closes_on, "closes_on"),
            ("&Member:", self.member, "member"), ("Lin&k:", self.link, "link"),
            ("Res&ponses:", self.declared, "declared_responses"),
        )  # fmt: skip
        for text, widget, field in rows:
            label = QLabel(text)
            label.setBuddy(widget)
            widget.setAccessibleName(text.replace("&", "").rstrip(":"))
            form.addRow(label, _with_error(widget, self.errors[field]))
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    def show_call(self, view: EngagementView | None) -> None:
        """Fill the form from the stored call (empty for a new one)."""
        self.view = view
        self.clear_errors()
        self.call_title.setText(view.title if view else "")
        self.ran_on.setText(view.ran_on if view else "")
        self.opens_on.setText(long_date(view.opens_on) if view and view.opens_on else "")
        self.closes_on.setText(long_date(view.closes_on) if view and view.closes_on else "")
        self.member.setText(view.member if view else "")
        self.link.setText(view.link if view else "")
        for line in (self.call_title, self.ran_on, self.member, self.link):
            line.setCursorPosition(0)  # a long title or link reads from its start
        declared = view.declared_responses if view else None
        self.declared.setValue(-1 if declared is None else declared)
        if view is None:
            self.status.setText("No call recorded yet: give it a title and save it.")
        else:
            self.status.setText(f"Saved by {view.updated_by}, {long_date(view.updated_at)}.")

    def values(self) -> dict[str, Any]:
        """The form's values; a date that cannot be read is refused under its field."""
        declared = self.declared.value()
        return {
            "title": self.call_title.text(), "ran_on": self.ran_on.text(),
            "opens_on": _day(self.opens_on.text(), "opens_on"),
            "closes_on": _day(self.closes_on.text(), "closes_on"),
            "member": self.member.text(), "link": self.link.text(),
            "declared_responses": None if declared < 0 else declared,
        }  # fmt: skip

    def show_error(self, message: str, field: str | None) -> None:
        self.clear_errors()
        target: ErrorLabel = self.errors.get(field or "", self.error)
        target.say(message)

    def clear_errors(self) -> None:
        for label in (*self.errors.values(), self.error):
            label.say("")


def _day(text: str, field: str) -> date | None:
    if not text.strip():
        return None
    try:
        return parse_date(text)
    except ValueError as exc:
        raise CaseworkError(str(exc), field=field) from None


def _with_error(field: QWidget, error: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    layout.addWidget(error)
    return box
