"""Recesses and extra slots: the calendar's exceptions to "every Monday at 4.30pm".

Each dialog lists what is entered and adds or removes one at a time through the debate
edits (undoable). A refusal (a recess over a scheduled debate, a slot in recess) is shown
under the field it is about.
"""

from __future__ import annotations

from datetime import date, time, timedelta

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from caseworker.domain.debates import VENUE
from caseworker.formatting import long_date, papers_clock, weekday_date
from caseworker.services.debates.views import ExtraSlotView, RecessView
from ui.casework.failures import FAILURES, failure_message
from ui.casework.widgets import error_label, read_only_table
from ui.dates import date_edit, from_qdate
from ui.debates.edits import REFUSALS, DebateEdits

#: How far either side of today the extra slots dialog lists.
SLOTS_SPAN = timedelta(days=730)


def _labelled(form: QFormLayout, text: str, widget: QWidget, error: QWidget | None) -> None:
    label = QLabel(text)
    label.setBuddy(widget)
    if error is None:
        form.addRow(label, widget)
        return
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.addWidget(widget)
    column.addWidget(error)
    form.addRow(label, box)


class _ListDialog(QDialog):
    """A table of what is entered, a form to add one, and Remove."""

    COLUMNS: tuple[str, ...] = ()

    def __init__(self, parent: QWidget | None, edits: DebateEdits, title: str, intro: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.edits = edits
        self.table = read_only_table(self.COLUMNS, title)
        self.error = error_label()
        self.form = QFormLayout()
        self.add_button = QPushButton("&Add")
        self.add_button.clicked.connect(self.add)
        self.remove_button = QPushButton("&Remove")
        self.remove_button.clicked.connect(self.remove_current)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addLayout(row)
        edits.changed.connect(lambda _id: self.reload())

    def show_error(self, message: str, field: str | None = None) -> None:
        self.error.say(message)

    def reload(self) -> None:
        try:
            rows = self.rows()
        except (*REFUSALS, *FAILURES) as exc:
            self.error.say(failure_message("Could not read the calendar", exc,
                                           self.edits.location))  # fmt: skip
            return
        self.table.setRowCount(len(rows))
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.remove_button.setEnabled(bool(rows))

    def rows(self) -> list[tuple[str, ...]]:
        raise NotImplementedError

    def add(self) -> None:
        raise NotImplementedError

    def remove_current(self) -> None:
        raise NotImplementedError


class RecessDialog(_ListDialog):
    COLUMNS = ("Recess", "From", "To")

    def __init__(self, parent: QWidget | None, edits: DebateEdits, today: date) -> None:
        super().__init__(
            parent,
            edits,
            "Recesses",
            "No petitions debates are held in recess: "
            "its Mondays are not offered as slots. Move a debate out first.",
        )
        self.recesses: list[RecessView] = []
        self.name = QLineEdit()
        self.name.setPlaceholderText("e.g. Summer")
        self.starts_on = date_edit(today)
        self.ends_on = date_edit(today + timedelta(days=7))
        self.field_errors = {"name": error_label(), "starts_on": error_label(),
                             "ends_on": error_label()}  # fmt: skip
        _labelled(self.form, "&Name:", self.name, self.field_errors["name"])
        _labelled(self.form, "&From:", self.starts_on, self.field_errors["starts_on"])
        _labelled(self.form, "&To:", self.ends_on, self.field_errors["ends_on"])
        self.add_button.setText("&Add recess")
        self.reload()
        self.resize(560, 480)

    def show_error(self, message: str, field: str | None = None) -> None:
        for label in (self.error, *self.field_errors.values()):
            label.say("")
        self.field_errors.get(field or "", self.error).say(message)

    def rows(self) -> list[tuple[str, ...]]:
        self.recesses = self.edits.debates.calendar.recesses()
        return [(r.name, long_date(r.starts_on), long_date(r.ends_on)) for r in self.recesses]

    def add(self) -> None:
        with self.edits.reporting_to(self.show_error):
            made = self.edits.add_recess(
                self.name.text(), from_qdate(self.starts_on.date()), from_qdate(self.ends_on.date())
            )
        if made is not None:
            self.show_error("")
            self.name.clear()

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.recesses):
            with self.edits.reporting_to(self.show_error):
                self.edits.remove_recess(self.recesses[row])


class ExtraSlotDialog(_ListDialog):
    COLUMNS = ("Day", "Time", "Place", "Note")

    def __init__(self, parent: QWidget | None, edits: DebateEdits, today: date) -> None:
        super().__init__(
            parent,
            edits,
            "Extra slots",
            "Slots the Committee is given beyond "
            "Mondays at 4.30pm; the calendar offers them like any other.",
        )
        self.today = today
        self.slots: list[ExtraSlotView] = []
        self.day = date_edit(today + timedelta(days=(1 - today.weekday()) % 7 or 7))
        self.starts_at = QTimeEdit(QTime(16, 30))
        self.starts_at.setDisplayFormat("h.mmap")
        self.place = QLineEdit(VENUE)
        self.note = QLineEdit()
        self.note.setPlaceholderText("e.g. an extra slot given by the Liaison Committee")
        self.day_error = error_label()
        _labelled(self.form, "&Day:", self.day, self.day_error)
        _labelled(self.form, "T&ime:", self.starts_at, None)
        _labelled(self.form, "&Place:", self.place, None)
        _labelled(self.form, "&Note:", self.note, None)
        self.add_button.setText("&Add slot")
        self.reload()
        self.resize(640, 480)

    def show_error(self, message: str, field: str | None = None) -> None:
        self.error.say("")
        self.day_error.say("")
        (self.day_error if field == "day" else self.error).say(message)

    def rows(self) -> list[tuple[str, ...]]:
        calendar = self.edits.debates.calendar
        view = calendar.calendar(self.today - SLOTS_SPAN, self.today + SLOTS_SPAN)
        self.slots = [
            ExtraSlotView(s.extra_slot_id, s.day, s.starts_at, s.place, s.note)
            for s in view.slots
            if s.extra_slot_id is not None
        ]
        return [(weekday_date(s.day), papers_clock(s.starts_at), s.place, s.note)
                for s in self.slots]  # fmt: skip

    def add(self) -> None:
        qt = self.starts_at.time()
        with self.edits.reporting_to(self.show_error):
            made = self.edits.add_slot(
                from_qdate(self.day.date()), time(qt.hour(), qt.minute()), self.place.text(),
                self.note.text(),
            )  # fmt: skip
        if made is not None:
            self.show_error("")
            self.note.clear()

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.slots):
            with self.edits.reporting_to(self.show_error):
                self.edits.remove_slot(self.slots[row])
