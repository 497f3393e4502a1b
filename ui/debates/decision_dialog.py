"""The Committee's decision on a petition past 100,000 signatures: schedule a debate, decline
(with the reason and the debates named), defer, group with another petition, or seek more
information first, recorded with the meeting that made it.

The dialog stays open with the clerk's text when a save is refused, the message beside the
field at fault; a saved decision is one step on the main window's undo list.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QIntValidator, QUndoStack
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from caseworker.domain.debates import (
    DEBATE_DECISION_LABELS,
    DECLINE_REASONS,
    MONDAY,
    DebateDecisionKind,
)
from caseworker.formatting import long_date
from caseworker.services.casework import CaseworkServices
from caseworker.services.casework.views import DebateDecisionNote
from caseworker.services.debates.decisions import (
    NEEDS_OTHER,
    NEEDS_REASON,
    DebateDecisionService,
    DebateDecisionView,
)
from caseworker.storage.errors import where
from ui.casework.edits import CaseworkEdits
from ui.casework.widgets import ErrorLabel, error_label, save_cancel
from ui.context import AppContext
from ui.dates import date_edit, from_qdate
from ui.views import sections
from ui.views.petition_view import PetitionView
from ui.workers import JobRunner

#: The form's fields as the services name them; refusals about anything else go under the form.
FIELDS = ("reason", "debates_named", "group_with", "day", "opening_member", "meeting")
#: Decisions that place the petition in a debate (they take a day and an opening Member).
PLACING = (DebateDecisionKind.SCHEDULE, DebateDecisionKind.GROUP)


def next_monday(today: date) -> date:
    """The first Monday after today: where a debate's day starts in the form."""
    return date.fromordinal(today.toordinal() + ((MONDAY - today.weekday()) % 7 or 7))


def _with_error(field: QWidget, error: QWidget) -> QWidget:
    """A field with its own error line underneath."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(field)
    layout.addWidget(error)
    return box


class DebateDecisionDialog(QDialog):
    """Choose the decision and its details; ``values()`` gives what ``record`` takes."""

    def __init__(
        self, parent: QWidget | None, petition_id: int, *, today: date,
        meeting_on: date | None = None, heading: str = "",
        decision: DebateDecisionNote | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle(f"Decide on a debate: e-petition {petition_id}")
        self.petition_id, self.decision = petition_id, decision
        self.heading = QLabel(heading or f"e-petition {petition_id}")
        self.heading.setWordWrap(True)
        self.choices = QButtonGroup(self)
        self.buttons: dict[DebateDecisionKind, QRadioButton] = {}
        for number, (kind, label) in enumerate(DEBATE_DECISION_LABELS.items()):
            button = QRadioButton(f"&{number + 1} {label}")
            self.buttons[kind] = button
            self.choices.addButton(button, number)
        self.reason = QComboBox()
        self.reason.setEditable(True)  # the usual reasons, or the clerk's own words
        self.reason.addItems(["", *DECLINE_REASONS])
        self.reason.setAccessibleName("Reason")
        self.reason_text = self.reason.lineEdit() or QLineEdit()
        self.debates_named = QLineEdit()
        self.debates_named.setPlaceholderText("e.g. 7 July 2025, e-petition 700143")
        self.debates_named.setAccessibleName("Debates named")
        self.group_with = QLineEdit()
        self.group_with.setValidator(QIntValidator(1, 2_147_483_647, self.group_with))
        self.group_with.setPlaceholderText("the e-petition number")
        self.group_with.setAccessibleName("Group with e-petition")
        self.day = date_edit(next_monday(today))
        self.day.setAccessibleName("Debate day")
        self.no_day = QCheckBox("No &date yet (proposed)")
        self.no_day.toggled.connect(lambda on: self.day.setEnabled(not on))
        self.opening_member = QLineEdit()
        self.opening_member.setPlaceholderText("a Committee member (from the Members list)")
        self.opening_member.setAccessibleName("Opening Member")
        self.at_meeting = QCheckBox("At the &meeting on")
        self.meeting = date_edit(meeting_on or today)
        self.meeting.setAccessibleName("Meeting date")
        self.at_meeting.toggled.connect(self.meeting.setEnabled)
        self.at_meeting.setChecked(meeting_on is not None)
        self.meeting.setEnabled(meeting_on is not None)
        self.error = error_label()
        self.field_errors: dict[str, ErrorLabel] = {
            f: error_label(f"Why the {f.replace('_', ' ')} was not accepted") for f in FIELDS
        }
        self._build()
        self._fill(decision)
        self.choices.idToggled.connect(lambda _id, _on: self._choice_changed())
        self._choice_changed()

    def _build(self) -> None:
        choices = QGroupBox("The Committee")
        column = QVBoxLayout(choices)
        for button in self.buttons.values():
            column.addWidget(button)
        day_row = QWidget()
        row = QHBoxLayout(day_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.day)
        row.addWidget(self.no_day)
        row.addStretch(1)
        meeting_row = QWidget()
        row = QHBoxLayout(meeting_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.at_meeting)
        row.addWidget(self.meeting)
        row.addStretch(1)
        form = QFormLayout()
        errors = self.field_errors
        for text, widget, name in (
            ("&Reason:", self.reason, "reason"),
            ("Debates &named:", self.debates_named, "debates_named"),
            ("&Group with:", self.group_with, "group_with"),
            ("Debate da&y:", day_row, "day"),
            ("&Opening Member:", self.opening_member, "opening_member"),
            ("Decided:", meeting_row, "meeting"),
        ):
            caption = QLabel(text)
            caption.setBuddy({"day": self.day, "meeting": self.at_meeting}.get(name, widget))
            form.addRow(caption, _with_error(widget, errors[name]))
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(choices)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(save_cancel(self, on_save=self._check_then_accept))
        width = self.fontMetrics().horizontalAdvance("0" * 70)
        self.setMinimumWidth(width)

    def _fill(self, decision: DebateDecisionNote | None) -> None:
        kind = DebateDecisionKind(decision.decision) if decision else DebateDecisionKind.SCHEDULE
        self.buttons[kind].setChecked(True)
        if decision is None:
            return
        self.reason.setCurrentText(decision.reason)
        self.debates_named.setText(decision.debates_named)
        if decision.group_with_id is not None:
            self.group_with.setText(str(decision.group_with_id))

    def chosen(self) -> DebateDecisionKind:
        return next(k for k, b in self.buttons.items() if b.isChecked())

    def _choice_changed(self) -> None:
        kind = self.chosen()
        self.debates_named.setEnabled(kind is DebateDecisionKind.DECLINE)
        self.group_with.setEnabled(kind is DebateDecisionKind.GROUP)
        for widget in (self.day, self.no_day, self.opening_member):
            widget.setEnabled(kind in PLACING)
        if kind in PLACING:
            self.day.setEnabled(not self.no_day.isChecked())
        self.reason_text.setPlaceholderText(
            "required: e.g. recently debated" if kind is DebateDecisionKind.DECLINE
            else "optional"
        )  # fmt: skip

    def show_error(self, message: str, field: str | None = None) -> None:
        """The message under its field (or under the form), the others cleared."""
        for label in (self.error, *self.field_errors.values()):
            label.say("")
        field = "meeting" if field == "cut_off" else field
        self.field_errors.get(field or "", self.error).say(message)
        widget = {"reason": self.reason, "debates_named": self.debates_named,
                  "group_with": self.group_with, "day": self.day,
                  "opening_member": self.opening_member, "meeting": self.meeting,
                  }.get(field or "")  # fmt: skip
        if widget is not None:
            widget.setFocus()

    def _check_then_accept(self) -> None:
        """What can be told before saving is told at once, beside the field."""
        kind = self.chosen()
        if kind is DebateDecisionKind.DECLINE and not self.reason.currentText().strip():
            self.show_error(NEEDS_REASON, "reason")
            return
        if kind is DebateDecisionKind.GROUP and not self.group_with.text().strip():
            self.show_error(NEEDS_OTHER, "group_with")
            return
        self.accept()

    def values(self) -> dict[str, Any]:
        """Keywords for ``DebateDecisionService.record`` (beside the petition and kind)."""
        kind = self.chosen()
        values: dict[str, Any] = {
            "reason": self.reason.currentText(),
            "meeting_on": from_qdate(self.meeting.date()) if self.at_meeting.isChecked() else None,
        }
        if kind is DebateDecisionKind.DECLINE:
            values["debates_named"] = self.debates_named.text()
        if kind is DebateDecisionKind.GROUP:
            values["group_with"] = int(self.group_with.text())
        if kind in PLACING:
            values["day"] = None if self.no_day.isChecked() else from_qdate(self.day.date())
            values["opening_member"] = self.opening_member.text().strip() or None
        return values


class DebateDecisionEdits(CaseworkEdits):
    """Debate decisions made in the window, on an undo stack shared with the casework."""

    def __init__(
        self, decisions: DebateDecisionService, casework: CaseworkServices, stack: QUndoStack,
        location: str | None = None, runner: JobRunner | None = None,
    ) -> None:  # fmt: skip
        super().__init__(casework, stack, location, runner)
        self.decisions = decisions

    def record(
        self, petition_id: int, kind: DebateDecisionKind, values: dict[str, Any],
        before: DebateDecisionNote | None = None,
    ) -> DebateDecisionView | None:  # fmt: skip
        """Record the decision (or change ``before``, made at the same meeting); undoing
        removes a new decision (and the debate it made, if any), or puts the earlier one back.
        A debate the petition joined keeps it (take it out in the Debates window)."""
        service = self.decisions
        expected = before.version if before else None
        made: DebateDecisionView | None = self._first(
            lambda: service.record(petition_id, kind, expected_version=expected, **values),
            "The debate decision was not recorded",
        )
        if made is None:
            return None
        tracked = self.track("debate-decision", made.id, made.version)
        # The version of the debate the latest redo made: undo removes it with the decision.
        made_debate = [made.made_debate_version]
        if kind is DebateDecisionKind.SCHEDULE and made.made_debate_version is None:
            # It joined a debate already recorded: a redo records the decision against it.
            values = {**values, "debate_id": made.debate_id}

        def again(k: DebateDecisionKind, v: dict[str, Any], version: int | None) -> None:
            view = service.record(petition_id, k, expected_version=version, **v)
            made_debate[0] = view.made_debate_version
            self._recreated("debate-decision", tracked, view.id, view.version)

        def remove() -> None:
            service.clear(tracked.id, tracked.version, made_debate_version=made_debate[0])

        if before is None:
            undo = remove
            redo = lambda: again(kind, values, None)  # noqa: E731
        else:
            old = DebateDecisionKind(before.decision)
            old_values = {"reason": before.reason, "meeting_on": values["meeting_on"],
                          "debates_named": before.debates_named,
                          "group_with": before.group_with_id}  # fmt: skip
            if old is DebateDecisionKind.SCHEDULE:
                old_values["debate_id"] = before.debate_id
            undo = lambda: again(old, old_values, tracked.version)  # noqa: E731
            redo = lambda: again(kind, values, tracked.version)  # noqa: E731
        self._push(f"Record the debate decision on e-petition {petition_id}", petition_id,
                   redo, undo)  # fmt: skip
        return made


class DebateDecisionActions(QObject):
    """ "Decide on debate…" for the chosen petition, and its history in the petition view."""

    #: A decision was recorded, undone or redone: the queues' counts may change.
    data_changed = Signal()

    def __init__(
        self, parent: QWidget, context: AppContext, stack: QUndoStack,
        view: PetitionView | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self._parent, self._context, self._view = parent, context, view
        self.service = DebateDecisionService(context.database)
        self.edits = DebateDecisionEdits(
            self.service, context.casework, stack, where(context.database.engine), context.runner
        )
        self.edits.changed.connect(self._after_change)
        self.edits.refused.connect(self._told)
        self.edits.failed.connect(self._told)
        self.petition_id: int | None = None
        self.action = QAction("Decide &on debate…", parent)
        self.action.setStatusTip(
            "Record the Committee's decision on a debate for the chosen petition "
            "(past 100,000 signatures)"
        )
        self.action.triggered.connect(lambda: self.decide(self.petition_id))
        self.action.setEnabled(False)

    def show_for(self, petition_id: int | None, *, awaiting: bool = False) -> None:
        """The chosen petition: its decisions into the petition view, and the action offered
        when it is in the awaiting-debate queue."""
        self.petition_id = petition_id
        self.action.setEnabled(petition_id is not None and awaiting)
        if self._view is None:
            return
        if petition_id is None:
            self._view.show_debate_decisions("")
            return
        service = self.service
        self._context.runner.read(
            lambda p, c: service.history(petition_id),
            succeeded=lambda rows: self._show_history(petition_id, rows),
        )

    def _show_history(self, petition_id: int, rows: list[DebateDecisionView]) -> None:
        if self._view is not None and petition_id == self.petition_id:
            self._view.show_debate_decisions(sections.debate_decisions_html(rows))

    def decide(
        self, petition_id: int | None, meeting_on: date | None = None, heading: str = "",
        parent: QWidget | None = None, decision: DebateDecisionNote | None = None,
    ) -> DebateDecisionView | None:  # fmt: skip
        """Open the dialog; Save records the decision, or shows the refusal beside the field
        with the dialog left open."""
        if petition_id is None:
            return None
        dialog = DebateDecisionDialog(
            parent or self._parent, petition_id, today=self.service.clock.today(),
            meeting_on=meeting_on, heading=heading, decision=decision,
        )  # fmt: skip
        while dialog.exec() == QDialog.DialogCode.Accepted:
            with self.edits.reporting_to(dialog.show_error):
                made = self.edits.record(petition_id, dialog.chosen(), dialog.values(), decision)
            if made is not None:
                return made
        return None

    def _after_change(self, petition_id: int | None) -> None:
        self.data_changed.emit()
        if petition_id is not None and petition_id == self.petition_id:
            self.show_for(petition_id, awaiting=self.action.isEnabled())

    def _told(self, message: str) -> None:
        window = self._parent.window()
        status = getattr(window, "statusBar", None)
        if status is not None:
            status().showMessage(message, 10_000)


def heading_for(petition_id: int, action: str, signatures: int, meeting_on: date | None) -> str:
    """ "e-petition 724432: Make neurodiversity training… (124,000 signatures), for the
    meeting of 24 June 2025"."""
    at = f", for the meeting of {long_date(meeting_on)}" if meeting_on else ""
    return f"e-petition {petition_id}: {' '.join(action.split())} ({signatures:,} signatures){at}"
