"""The side panel of work queues, each with its live count."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from caseworker.services.queues import QUEUE_TITLES, Queue

#: The order a clerk works through them: what needs doing first at the top.
PANEL_ORDER = (
    Queue.RESPONSE_OVERDUE,
    Queue.AWAITING_RESPONSE,
    Queue.RESPONSE_RECEIVED,
    Queue.REVISION_REQUESTED,
    Queue.REVISION_RECEIVED,
    Queue.AWAITING_DEBATE_DECISION,
    Queue.DEBATE_SCHEDULED,
    Queue.DEBATED,
    Queue.NOT_DEBATED,
    Queue.APPROACHING_THRESHOLD,
    Queue.ALL,
)
QUEUE_HINTS = {
    Queue.RESPONSE_OVERDUE: "Crossed 10,000 more than 21 days ago and still no Government response",
    Queue.AWAITING_RESPONSE: "Crossed 10,000; no Government response yet",
    Queue.RESPONSE_RECEIVED: "Crossed 10,000 and answered by the Government: for the Committee",
    Queue.REVISION_REQUESTED: "The Committee has asked (or is drafting a request) for a revised "
    "response and is waiting for it",
    Queue.REVISION_RECEIVED: "A revised response has arrived: for the Committee to accept or "
    "ask again",
    Queue.AWAITING_DEBATE_DECISION: "Crossed 100,000; no debate scheduled or decided",
    Queue.DEBATE_SCHEDULED: "A Westminster Hall debate is scheduled",
    Queue.DEBATED: "Debated, or the debate date has passed",
    Queue.NOT_DEBATED: "The Committee decided not to debate (an outcome with no debate date)",
    Queue.APPROACHING_THRESHOLD: "Open, forecast to cross 10,000 or 100,000 within 14 days",
    Queue.ALL: "Every petition in the database",
}
QUEUE_ROLE = Qt.ItemDataRole.UserRole


class QueuePanel(QWidget):
    queue_selected = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = QLabel("&Work queues")
        font = QFont(heading.font())
        font.setBold(True)
        heading.setFont(font)
        self.list = QListWidget()
        self.list.setAccessibleName("Work queues")
        self.list.setAccessibleDescription(
            "Choose a queue to list its petitions; counts in brackets"
        )
        heading.setBuddy(self.list)
        # Wide enough for the longest title and its count at any scale.
        self.list.setMinimumWidth(
            self.list.fontMetrics().horizontalAdvance("⚠ Government response overdue (99,999)") + 24
        )
        for queue in PANEL_ORDER:
            item = QListWidgetItem(QUEUE_TITLES[queue])
            item.setData(QUEUE_ROLE, queue.value)
            item.setToolTip(QUEUE_HINTS[queue])
            self.list.addItem(item)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.list)
        self.list.currentItemChanged.connect(self._on_current_changed)

    def select(self, queue: Queue) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(QUEUE_ROLE) == queue.value:
                self.list.setCurrentRow(row)
                return

    def current(self) -> Queue:
        item = self.list.currentItem()
        return Queue(item.data(QUEUE_ROLE)) if item else Queue.ALL

    def set_counts(self, counts: dict[Queue, int]) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            queue = Queue(item.data(QUEUE_ROLE))
            count = counts.get(queue)
            title = QUEUE_TITLES[queue]
            if queue is Queue.RESPONSE_OVERDUE and count:
                title = f"⚠ {title}"
            item.setText(f"{title} ({count:,})" if count is not None else title)

    def _on_current_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is not None:
            self.queue_selected.emit(Queue(current.data(QUEUE_ROLE)))
