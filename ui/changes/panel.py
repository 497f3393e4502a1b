"""The "Since last sync" list: what happened on the site that the clerk has not yet seen.

Reads and writes go through the window's background runner, so a slow database never
freezes the window; a reload that finishes after a newer one started is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from caseworker.domain.rules import london_date, long_date
from caseworker.services.changes import ChangeService, ChangeView
from caseworker.services.formats import one_line
from ui.context import AppContext
from ui.latest import Latest
from ui.models.tooltips import plain_tooltip

#: Changes listed at most; the heading still gives the full count.
LIMIT = 500
EVENT_ROLE = Qt.ItemDataRole.UserRole
PETITION_ROLE = Qt.ItemDataRole.UserRole + 1
MARK_SEEN_SHORTCUT = "Ctrl+Shift+M"
MARK_ALL_SEEN_SHORTCUT = "Ctrl+Alt+M"
FOCUS_SHORTCUT = "Ctrl+4"
TITLE = "Since last sync"


@dataclass(frozen=True)
class Loaded:
    changes: list[ChangeView]
    unseen: int


def item_text(change: ChangeView) -> str:
    """Two lines: what happened and when; the petition's number and title."""
    when = long_date(london_date(change.at))
    return f"{change.label} · {when}\n{change.petition_id}  {one_line(change.action, 80)}"


class ChangesPanel(QWidget):
    """``petition_activated(id)`` when a change is opened; ``unseen_changed(n)`` after loads."""

    petition_activated = Signal(int)
    unseen_changed = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = context.runner
        self.service = ChangeService(context.database)
        self._reads = Latest()  # a refresh started meanwhile wins over an older read
        self.loaded: Loaded | None = None
        self.heading = QLabel(f"&{TITLE}")
        font = QFont(self.heading.font())
        font.setBold(True)
        self.heading.setFont(font)
        self.list = QListWidget()
        self.list.setAccessibleName(TITLE)
        self.list.setAccessibleDescription(
            "Changes on the site not yet marked seen, newest first; Enter opens the petition"
        )
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setWordWrap(True)
        # Two lines per change: shading and a little space keep one change from running on.
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(2)
        self.heading.setBuddy(self.list)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.message)
        self.mark_seen_action = self._make_action(
            "&Mark seen", MARK_SEEN_SHORTCUT, "Mark the chosen changes as seen", self.mark_seen
        )
        self.mark_all_seen_action = self._make_action(
            "Mark &all seen", MARK_ALL_SEEN_SHORTCUT, "Mark every change as seen",
            self.mark_all_seen,
        )  # fmt: skip
        self.focus_action = self._make_action(
            "Go to &changes", FOCUS_SHORTCUT, "Go to the list of changes since last sync",
            self.focus_list,
        )  # fmt: skip
        self.list.itemActivated.connect(self._activate)
        self.list.itemSelectionChanged.connect(self._update_actions)
        self._update_actions()

    def actions(self) -> list[QAction]:
        """For the window's menu: Mark seen, Mark all seen, Go to changes."""
        return [self.mark_seen_action, self.mark_all_seen_action, self.focus_action]

    @Slot()
    def refresh(self) -> None:
        """Reload the unseen changes in the background."""
        service = self.service
        self.message.setText("Reading the changes…")
        succeeded, failed = self._reads.newest(
            self._show, lambda kind, text: self._failed("read the changes", text)
        )
        self._runner.read(
            lambda p, c: Loaded(service.unseen(LIMIT), service.count_unseen()),
            succeeded=succeeded,
            failed=failed,
        )

    @Slot()
    def focus_list(self) -> None:
        """Show the panel (its dock may have been closed) and put the keyboard in the list."""
        dock = self.parentWidget()
        if isinstance(dock, QDockWidget):
            dock.show()
            dock.raise_()
        self.list.setFocus()
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)

    @Slot()
    def mark_seen(self) -> None:
        ids = [item.data(EVENT_ROLE) for item in self.list.selectedItems()]
        if ids:
            self._mark(ids)

    @Slot()
    def mark_all_seen(self) -> None:
        loaded = self.loaded
        if loaded is None or not loaded.unseen:
            return
        # When every unseen change is listed, only those are marked: one that a sync records
        # after the list was read stays unseen. A list cut at LIMIT marks everything unseen.
        everything = len(loaded.changes) >= loaded.unseen
        self._mark([c.id for c in loaded.changes] if everything else None)

    def _mark(self, ids: list[int] | None) -> None:
        service = self.service
        self.mark_seen_action.setEnabled(False)
        self.mark_all_seen_action.setEnabled(False)
        self._runner.write(
            lambda p, c: service.mark_seen(ids),
            succeeded=lambda _marked: self.refresh(),
            failed=lambda kind, text: self._failed("mark the changes seen", text),
        )

    def _show(self, loaded: Loaded) -> None:
        self.loaded = loaded
        self.list.clear()
        for change in loaded.changes:
            item = QListWidgetItem(item_text(change))
            item.setData(EVENT_ROLE, change.id)
            item.setData(PETITION_ROLE, change.petition_id)
            item.setToolTip(plain_tooltip(change.action) or "")
            self.list.addItem(item)
        self.heading.setText(f"&{TITLE} ({loaded.unseen:,})" if loaded.unseen else f"&{TITLE}")
        self.message.setText(_summary(loaded))
        self._update_actions()
        self.unseen_changed.emit(loaded.unseen)

    def _failed(self, doing: str, text: str) -> None:
        # The error's first line: the reason, without the SQL or links that follow it.
        reason = text.strip().splitlines()[0] if text.strip() else "unknown error"
        self.message.setText(one_line(f"Could not {doing}: {reason}", 200))
        self._update_actions()
        self._update_actions()

    def _activate(self, item: QListWidgetItem) -> None:
        self.petition_activated.emit(int(item.data(PETITION_ROLE)))

    def _update_actions(self) -> None:
        self.mark_seen_action.setEnabled(bool(self.list.selectedItems()))
        self.mark_all_seen_action.setEnabled(bool(self.loaded and self.loaded.unseen))

    def _make_action(self, text: str, shortcut: str, tip: str, slot: Any) -> QAction:
        action = QAction(text, self)
        action.setShortcut(shortcut)
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action


def _summary(loaded: Loaded) -> str:
    if not loaded.unseen:
        return "Nothing new since you last marked the changes seen."
    if loaded.unseen > len(loaded.changes):
        return f"The newest {len(loaded.changes):,} of {loaded.unseen:,} changes are listed."
    return "Double-click or press Enter to open a petition."
