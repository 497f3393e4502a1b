"""Search as you type, plus filters by state, department, topic and parliament."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from caseworker.services.dto import FilterOptions

SEARCH_DELAY_MS = 250
ANY = ""


class FilterBar(QWidget):
    #: Emitted after typing pauses or a filter changes.
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search titles, details and responses (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search petitions")
        self.state = self._combo("State")
        self.department = self._combo("Department")
        self.topic = self._combo("Topic")
        self.parliament = self._combo("Parliament")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.changed)
        self.search.textChanged.connect(self._timer.start)
        self.search.returnPressed.connect(self._emit_now)
        # Two rows: the search box keeps a usable width even in a narrow window or at 200%.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        search_row, filter_row = QHBoxLayout(), QHBoxLayout()
        layout.addLayout(search_row)
        layout.addLayout(filter_row)
        search_label = QLabel("&Search:")
        search_label.setBuddy(self.search)
        self.search.setMinimumWidth(self.search.fontMetrics().horizontalAdvance("0" * 24))
        search_row.addWidget(search_label)
        search_row.addWidget(self.search, 1)
        for label, combo in (
            ("S&tate:", self.state),
            ("&Department:", self.department),
            ("T&opic:", self.topic),
            ("&Parliament:", self.parliament),
        ):
            caption = QLabel(label)
            caption.setBuddy(combo)
            filter_row.addWidget(caption)
            filter_row.addWidget(combo, 1)

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(f"Filter by {name.lower()}")
        combo.addItem(f"Any {name.lower()}", ANY)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(6)
        combo.currentIndexChanged.connect(self._emit_now)
        return combo

    def _emit_now(self) -> None:
        self._timer.stop()
        self.changed.emit()

    def set_options(self, options: FilterOptions) -> None:
        self._fill(self.state, [(s, s.capitalize()) for s in options.states])
        self._fill(self.department, [(d, d) for d in options.departments])
        self._fill(self.topic, list(options.topics))
        self._fill(self.parliament, [(p, p) for p in options.parliaments])

    def _fill(self, combo: QComboBox, values: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for value, label in values:
            combo.addItem(label, value)
        index = combo.findData(current)
        combo.setCurrentIndex(max(0, index))
        combo.blockSignals(False)

    def values(self) -> dict[str, str | None]:
        return {
            "search": self.search.text().strip() or None,
            "state": self.state.currentData() or None,
            "department": self.department.currentData() or None,
            "topic": self.topic.currentData() or None,
            "parliament": self.parliament.currentData() or None,
        }
