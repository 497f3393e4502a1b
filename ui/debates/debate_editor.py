"""A debate's record: its petitions, motion, slot, speakers, status and, once held, outcome.

The motion is made from the petitions and the "relating to" phrase as the clerk types. The
slot is chosen from the free slots of the coming months (and the debate's own), or "No date
yet". A refusal is shown under the field it is about (a slot taken meanwhile under Slot), and
where the public site says something else (another day) a banner says so above the form.
``add_tab`` takes further pages (the parliamentary material, public engagement).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, time
from typing import Any

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from caseworker.domain.debates import (
    DEFAULT_START,
    VENUE,
    DebateStatus,
    default_relating_to,
    motion,
)
from caseworker.formatting import papers_clock, weekday_date
from caseworker.services.debates.views import LINK_FIELDS, DebateView, MemberView, SlotView
from caseworker.services.related import RelatedPetition, RelatedService
from ui.casework.widgets import error_label, save_cancel
from ui.debates.calendar_view import slot_name
from ui.views.related_panel import RelatedPanel
from ui.workers import JobRunner

NO_DATE = "No date yet"
USER = Qt.ItemDataRole.UserRole
LINK_LABELS = {
    "transcript_url": "Tra&nscript:",
    "video_url": "&Video:",
    "pack_url": "Debate &pack:",
    "engagement_url": "Public &engagement:",
    "summary_url": "Debate s&ummary:",
}
INPUTS = (QLineEdit, QComboBox, QListWidget, QTimeEdit, QPlainTextEdit)
#: The fields a message may be about, and the widget to give it (see ``show_error``).
FIELDS = ("petitions", "day", "starts_at", "place", "relating_to", "opening_member",
          "department", "minister", "status", "summary")  # fmt: skip


def _with_error(field: QWidget | QLayout, error: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    if isinstance(field, QWidget):
        layout.addWidget(field)
    else:
        layout.addLayout(field)
    layout.addWidget(error)
    return box


class DebateEditor(QDialog):
    """Record a new debate, or change one; ``petition_ids()`` and ``values()`` give what the
    services take."""

    #: The clerk asked to add a Member to the list (the window adds it and calls set_members).
    new_member_requested = Signal()

    def __init__(
        self, parent: QWidget | None, *, debate: DebateView | None, slots: Sequence[SlotView],
        members: Sequence[MemberView], describe: Callable[[int], str | None],
        related: RelatedService | None = None, runner: JobRunner | None = None,
        petition_ids: Sequence[int] = (), slot: SlotView | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.debate = debate
        self._describe = describe
        self._titles: dict[int, str] = {p.petition_id: p.action for p in debate.petitions} if (
            debate
        ) else {}  # fmt: skip
        self.setWindowTitle(f"Debate {debate.id}" if debate else "New debate")
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.banner.setAccessibleName("Where the public site differs")
        self.error = error_label()
        self.field_errors = {f: error_label(f"Why the {f.replace('_', ' ')} was not accepted")
                             for f in FIELDS}  # fmt: skip
        self.tabs = QTabWidget()
        self.tabs.addTab(self._debate_page(), "&Debate")
        self.related = GroupingPanel(related, runner) if related and runner else None
        if self.related is not None:
            self.tabs.addTab(self._related_page(self.related), "&Related petitions")
        self.tabs.addTab(self._outcome_page(), "Ou&tcome")
        self.tabs.currentChanged.connect(self._tab_shown)
        self.button_row = QHBoxLayout()
        self.button_row.addStretch(1)
        self.button_row.addWidget(save_cancel(self, on_save=self._check_then_accept))
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        layout.addLayout(self.button_row)
        self._fill(debate, slots, members, petition_ids, slot)

    # Building ------------------------------------------------------------------------------

    def _debate_page(self) -> QWidget:
        e = self.field_errors
        self.petitions = QListWidget()
        self.petitions.setAccessibleName("Petitions in the debate, in the motion's order")
        self.petitions.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)
        self.petition_number = QLineEdit()
        self.petition_number.setPlaceholderText("e-petition number")
        self.petition_number.setAccessibleName("e-petition number to add")
        self.petition_number.returnPressed.connect(self._add_typed)
        add = QPushButton("&Add")
        add.clicked.connect(self._add_typed)
        self.remove_button = QPushButton("Remo&ve")
        self.remove_button.clicked.connect(self.remove_current)
        up, down = QPushButton("Move &up"), QPushButton("Move do&wn")
        up.clicked.connect(lambda: self._move(-1))
        down.clicked.connect(lambda: self._move(1))
        row = QHBoxLayout()
        for widget in (self.petition_number, add, self.remove_button, up, down):
            row.addWidget(widget)
        petitions = QVBoxLayout()
        petitions.addWidget(self.petitions)
        petitions.addLayout(row)
        self.relating_to = QLineEdit()
        self.relating_to.textEdited.connect(self._relating_edited)
        self.relating_to.textChanged.connect(self._update_motion)
        self.motion = QLabel()
        self.motion.setWordWrap(True)
        self.motion.setAccessibleName("The motion")
        self.slot = QComboBox()
        self.slot.setAccessibleName("Slot")
        self.slot.currentIndexChanged.connect(self._slot_chosen)
        self.starts_at = QTimeEdit()
        self.starts_at.setDisplayFormat("h.mmap")
        self.place = QLineEdit()
        self.status = QComboBox()
        for s in DebateStatus:
            self.status.addItem(s.label, s.value)
        self.status.currentIndexChanged.connect(self._status_chosen)
        self.member = QComboBox()
        self.member.setAccessibleName("Opening Member")
        new_member = QPushButton("New Mem&ber…")
        new_member.clicked.connect(self.new_member_requested)
        member_row = QHBoxLayout()
        member_row.addWidget(self.member, 1)
        member_row.addWidget(new_member)
        self.department = QLineEdit()
        self.department.setPlaceholderText("the department that responded (filled in if empty)")
        self.minister = QLineEdit()
        self.minister.setPlaceholderText("e.g. the Minister for School Standards")
        form = QFormLayout()
        form.addRow("&Petitions:", _with_error(petitions, e["petitions"]))
        form.addRow("R&elating to:", _with_error(self.relating_to, e["relating_to"]))
        form.addRow("Motion:", self.motion)
        form.addRow("S&lot:", _with_error(self.slot, e["day"]))
        when = QHBoxLayout()
        when.addWidget(self.starts_at)
        place_label = QLabel("Pla&ce:")
        place_label.setBuddy(self.place)
        when.addWidget(place_label)
        when.addWidget(self.place, 1)
        form.addRow("T&ime:", _with_error(when, e["place"]))
        form.addRow("&Status:", _with_error(self.status, e["status"]))
        form.addRow("&Opening Member:", _with_error(member_row, e["opening_member"]))
        form.addRow("Depart&ment:", _with_error(self.department, e["department"]))
        form.addRow("Mi&nister:", _with_error(self.minister, e["minister"]))
        self._buddies(form)
        page = QWidget()
        page.setLayout(form)
        return page

    @staticmethod
    def _buddies(form: QFormLayout) -> None:
        """Each label's mnemonic goes to the field's first input."""
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label is None or field is None or not isinstance(label.widget(), QLabel):
                continue
            target = field.widget()
            inputs = [
                child
                for kind in INPUTS
                for child in (target.findChildren(kind) if target is not None else [])
            ]
            if inputs:
                label.widget().setBuddy(inputs[0])  # type: ignore[union-attr]

    def _related_page(self, panel: RelatedPanel) -> QWidget:
        self.add_related = QPushButton("&Add to debate")
        self.add_related.clicked.connect(self._add_related)
        panel.petition_chosen.connect(self.add_petition)
        page = QWidget()
        layout = QVBoxLayout(page)
        self.related_heading = QLabel()
        self.related_heading.setWordWrap(True)
        layout.addWidget(self.related_heading)
        layout.addWidget(panel, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.add_related)
        layout.addLayout(row)
        return page

    def _outcome_page(self) -> QWidget:
        self.summary = QPlainTextEdit()
        self.summary.setAccessibleName("Summary")
        self.summary.setPlaceholderText("What the debate covered and what the Minister said: "
                                        "the pack prints it")  # fmt: skip
        self.links = {f: QLineEdit() for f in LINK_FIELDS}
        self.links_note = QLabel("Links are recorded once the debate is held.")
        form = QFormLayout()
        form.addRow("Su&mmary:", _with_error(self.summary, self.field_errors["summary"]))
        form.addRow("", self.links_note)
        for f, edit in self.links.items():
            edit.setPlaceholderText("https://…")
            form.addRow(LINK_LABELS[f], edit)
        self._buddies(form)
        page = QWidget()
        page.setLayout(form)
        return page

    def add_tab(self, widget: QWidget, title: str) -> int:
        """Another page of the debate's record (material, engagement); returns its index."""
        return self.tabs.addTab(widget, title)

    def add_button(self, button: QPushButton) -> None:
        """A button beside Save and Cancel (for example "Engagement…")."""
        self.button_row.insertWidget(0, button)

    # Filling -------------------------------------------------------------------------------

    def _fill(
        self, debate: DebateView | None, slots: Sequence[SlotView],
        members: Sequence[MemberView], petition_ids: Sequence[int], slot: SlotView | None,
    ) -> None:  # fmt: skip
        self._relating_touched = debate is not None
        self.set_members(members, debate.opening_member.id if debate and debate.opening_member
                         else None)  # fmt: skip
        self._fill_slots(debate, slots, slot)
        if debate is None:
            self.place.setText(slot.place if slot else VENUE)
            self.starts_at.setTime(_qtime(slot.starts_at if slot else DEFAULT_START))
            self._set_status(DebateStatus.SCHEDULED if slot else DebateStatus.PROPOSED)
            for pid in petition_ids:
                self.add_petition(pid)
            self._disagreements(())
            self._status_chosen()
            self._update_motion()
            return
        for pid in debate.petition_ids:
            self._list_petition(pid)
        self.relating_to.setText(debate.relating_to)
        self.place.setText(debate.place)
        self.starts_at.setTime(_qtime(debate.starts_at))
        self._set_status(DebateStatus(debate.status))
        self.department.setText(debate.department)
        self.minister.setText(debate.minister)
        self.summary.setPlainText(debate.summary)
        for f, edit in self.links.items():
            edit.setText(getattr(debate, f))
        self._disagreements([d.message for d in debate.disagreements])
        self._status_chosen()
        self._update_motion()

    def _fill_slots(
        self, debate: DebateView | None, slots: Sequence[SlotView], chosen: SlotView | None
    ) -> None:
        self.slot.blockSignals(True)
        self.slot.addItem(NO_DATE, None)
        days: list[tuple[date, time]] = []
        if debate is not None and debate.day is not None:
            days.append((debate.day, debate.starts_at))
            own = f"{weekday_date(debate.day)}, {papers_clock(debate.starts_at)} (this debate's)"
            self.slot.addItem(own, (debate.day, debate.starts_at, debate.place))
        for s in slots:
            if (s.day, s.starts_at) in days:
                continue
            days.append((s.day, s.starts_at))
            self.slot.addItem(slot_name(s), (s.day, s.starts_at, s.place))
        if chosen is not None and (chosen.day, chosen.starts_at) not in days:
            self.slot.addItem(slot_name(chosen), (chosen.day, chosen.starts_at, chosen.place))
            days.append((chosen.day, chosen.starts_at))
        want = (chosen.day, chosen.starts_at) if chosen else (
            (debate.day, debate.starts_at) if debate and debate.day else None
        )  # fmt: skip
        self.slot.setCurrentIndex(days.index(want) + 1 if want in days else 0)
        self.slot.blockSignals(False)

    def set_members(self, members: Sequence[MemberView], chosen: int | None = None) -> None:
        """The Members to choose from, ``chosen`` (an id) selected; else the one selected stays."""
        keep = chosen if chosen is not None else self.member.currentData()
        self.member.clear()
        self.member.addItem("Not chosen yet", None)
        for m in members:
            committee = " (Committee member)" if m.committee_member else ""
            self.member.addItem(f"{m.label}{committee}", m.id)
        index = self.member.findData(keep) if keep is not None else 0
        self.member.setCurrentIndex(max(index, 0))

    def _disagreements(self, messages: Sequence[str]) -> None:
        self.banner.setText("⚠ " + "\n⚠ ".join(messages) if messages else "")
        self.banner.setVisible(bool(messages))

    def _set_status(self, status: DebateStatus) -> None:
        self.status.setCurrentIndex(self.status.findData(status.value))

    # Petitions -----------------------------------------------------------------------------

    def petition_ids(self) -> list[int]:
        return [int(self.petitions.item(i).data(USER)) for i in range(self.petitions.count())]

    def add_petition(self, petition_id: int) -> bool:
        """Put a petition in the debate (last); refused beside the list if it is not stored."""
        if petition_id in self.petition_ids():
            self.show_error(f"e-petition {petition_id} is already in this debate", "petitions")
            return False
        if petition_id not in self._titles:
            title = self._describe(petition_id)
            if title is None:
                self.show_error(f"e-petition {petition_id} is not in the database", "petitions")
                return False
            self._titles[petition_id] = title
        self._list_petition(petition_id)
        self.field_errors["petitions"].say("")
        if not self._relating_touched and self.petitions.count() == 1:
            self.relating_to.setText(default_relating_to(self._titles[petition_id]))
        self._update_motion()
        return True

    def _list_petition(self, petition_id: int) -> None:
        item = QListWidgetItem(f"{petition_id}: {self._titles.get(petition_id, '')}")
        item.setData(USER, petition_id)
        self.petitions.addItem(item)

    def _add_typed(self) -> None:
        text = self.petition_number.text().strip()
        if not text.isdigit():
            self.show_error("Type an e-petition number (digits only) to add it", "petitions")
            return
        if self.add_petition(int(text)):
            self.petition_number.clear()

    def _add_related(self) -> None:
        if self.related is None:
            return
        row = self.related.table.currentRow()
        item = self.related.table.item(max(row, 0), 0)
        if item is not None:
            self.add_petition(int(item.data(USER)))

    def remove_current(self) -> None:
        row = self.petitions.currentRow()
        if row >= 0:
            self.petitions.takeItem(row)
            self._update_motion()

    def _move(self, by: int) -> None:
        row = self.petitions.currentRow()
        to = row + by
        if row < 0 or not 0 <= to < self.petitions.count():
            return
        item = self.petitions.takeItem(row)
        self.petitions.insertItem(to, item)
        self.petitions.setCurrentRow(to)
        self._update_motion()

    def _tab_shown(self, index: int) -> None:
        if self.related is not None and self.tabs.widget(index) is self.related.parentWidget():
            ids = self.petition_ids()
            first = ids[0] if ids else None
            self.related_heading.setText(
                f"Petitions like e-petition {first}, to debate with it: select one and choose "
                "Add to debate." if first else "Add a petition to the debate first."
            )  # fmt: skip
            self.related.show_for(first)

    # Live parts ----------------------------------------------------------------------------

    def _relating_edited(self, _text: str) -> None:
        self._relating_touched = True

    def _update_motion(self) -> None:
        text = motion(self.petition_ids(), self.relating_to.text())
        self.motion.setText(text or "(the motion is made once a petition is added)")

    def _slot_chosen(self) -> None:
        data = self.slot.currentData()
        if data is not None:
            _day, starts_at, place = data
            self.starts_at.setTime(_qtime(starts_at))
            self.place.setText(place)
        status = self.status.currentData()
        if data is None and status == DebateStatus.SCHEDULED.value:
            self._set_status(DebateStatus.PROPOSED)
        elif data is not None and status == DebateStatus.PROPOSED.value and self.debate is None:
            self._set_status(DebateStatus.SCHEDULED)
        self.field_errors["day"].say("")

    def _status_chosen(self) -> None:
        held = self.status.currentData() == DebateStatus.HELD.value
        for edit in self.links.values():
            edit.setEnabled(held)
        self.links_note.setVisible(not held)

    # Saving --------------------------------------------------------------------------------

    def show_error(self, message: str, field: str | None = None) -> None:
        """The message under its field (or under the form), the others cleared."""
        for label in (self.error, *self.field_errors.values()):
            label.say("")
        field = {"opening_member_id": "opening_member", "starts_on": "day"}.get(
            field or "", field or ""
        )  # fmt: skip
        self.field_errors.get(field, self.error).say(message)
        widget = {"petitions": self.petition_number, "day": self.slot, "place": self.place,
                  "relating_to": self.relating_to, "opening_member": self.member,
                  "status": self.status}.get(field)  # fmt: skip
        if widget is not None:
            self.tabs.setCurrentIndex(0)
            widget.setFocus()

    def _check_then_accept(self) -> None:
        if not self.petition_ids():
            self.show_error("A debate needs at least one petition: add its number", "petitions")
            return
        self.accept()

    def values(self) -> dict[str, Any]:
        """The fields as ``DebateService.update`` takes them (``schedule`` takes the same)."""
        data = self.slot.currentData()
        qt = self.starts_at.time()
        values: dict[str, Any] = {
            "day": data[0] if data else None,
            "starts_at": time(qt.hour(), qt.minute()),
            "place": self.place.text().strip(),
            "relating_to": self.relating_to.text().strip(),
            "opening_member_id": self.member.currentData(),
            "department": self.department.text().strip(),
            "minister": self.minister.text().strip(),
            "status": self.status.currentData(),
            "summary": self.summary.toPlainText().strip(),
        }
        for f, edit in self.links.items():
            values[f] = edit.text().strip()
        if self.debate is None and not values["department"]:
            values["department"] = None  # the service fills in the responding department
        return values


class GroupingPanel(RelatedPanel):
    """The Related tab's list, where choosing a petition adds it to the debate."""

    def _show(self, found: list[RelatedPetition]) -> None:
        super()._show(found)
        self.message.setText(self.message.text().replace(
            "Double-click or press Enter to show one.",
            "Double-click or press Enter to add one to the debate.",
        ))  # fmt: skip


def _qtime(value: time) -> QTime:
    return QTime(value.hour, value.minute)
