"""The append-only history of a petition's casework: who changed what, from what to what."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QLabel,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from caseworker.domain.rules import long_date
from caseworker.formatting import moment
from caseworker.services.casework.views import AuditEntryView
from ui.casework.widgets import read_only_table

COLUMNS = ("When", "Who", "Record", "Change", "Field", "From", "To")
#: The stored field names, as a clerk would say them.
FIELD_LABELS = {
    "revised_version_id": "revised response (version)",
    "answers_request": "answers the request",
    "states_position": "states the position",
    "on_time": "on time",
    "sent_on": "sent on",
    "due_on": "due on",
    "chased_on": "chased on",
    "meets_on": "meets on",
    "cut_off": "cut-off",
}


class HistoryTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = read_only_table(COLUMNS, "Casework history")
        self.caption = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.table, 1)
        self.show_entries([])

    def show_entries(self, entries: list[AuditEntryView]) -> None:
        self.caption.setText(
            f"{len(entries):,} recorded changes, newest first. The history cannot be edited."
            if entries
            else "No casework recorded for this petition yet."
        )
        self.table.setRowCount(len(entries))
        for row, e in enumerate(entries):
            record = _record(e)
            cells = (moment(e.at, short=True), e.actor, record, e.action,
                     FIELD_LABELS.get(e.field or "", e.field or ""), _short(e.old_value),
                     _short(e.new_value))  # fmt: skip
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                full = (e.old_value, e.new_value)[column - 5] if column >= 5 else None
                if full and full != text:
                    item.setToolTip(full)
                self.table.setItem(row, column, item)


def _record(e: AuditEntryView) -> str:
    """ "request 3", "request 3, chase 2", "decision at meeting 1", "setting signatory"."""
    if not e.subject_id:
        return e.subject
    first, _, second = e.subject_id.partition("/")
    if e.subject == "decision":
        return f"decision at meeting {first}"
    if second:
        return f"{e.subject} {first}, chase {second}"
    return f"{e.subject} {first}"


def _short(value: str | None, limit: int = 80) -> str:
    if value is None:
        return "—"
    try:  # dates read as everywhere else in the window
        return long_date(date.fromisoformat(value))
    except ValueError:
        pass
    # Stored codes such as "request_revision" read better with spaces.
    flat = (
        " ".join(value.replace("_", " ").split())
        if value.isidentifier()
        else " ".join(value.split())
    )
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
