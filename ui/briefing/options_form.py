"""The pack's options as a form: sections, opening Member, debate date and time, reference."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from caseworker.briefing import SECTION_TITLES, PackOptions, Section
from caseworker.briefing.model import DEFAULT_DEBATE_TIME
from caseworker.formatting import weekday_date
from ui.dates import HOUSE_LOCALE, from_qdate, to_qdate

#: Sections only a pack made from the Committee's record of a debate has.
DEBATE_SECTIONS = frozenset({Section.DEBATE, Section.RELATED, Section.MATERIAL, Section.ENGAGEMENT})
#: Mnemonics for the section boxes, unique within the dialog.
SECTION_LABELS = {
    Section.SUMMARY: "S&ummary",
    Section.DEBATE: "The debate: motion, speakers, cler&k's summary",
    Section.PETITION: "The pe&tition",
    Section.SIGNATURES: "Si&gnatures",
    Section.RESPONSE: "Government &response",
    Section.BUSINESS: "Other parliamentary &business",
    Section.LINKS: "&Links",
    Section.RELATED: "Related petiti&ons",
    Section.MATERIAL: "Parliamentar&y material",
    Section.ENGAGEMENT: "&What the public told us",
    Section.MEMBERS: "Members whose &constituents signed most",
    Section.ANNEX: "&Annex: every constituency",
}


class SectionChoice(QGroupBox):
    """One checkbox per optional section, all ticked to start with."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Sections", parent)
        layout = QVBoxLayout(self)
        self.boxes: dict[Section, QCheckBox] = {}
        for section in Section:
            box = QCheckBox(SECTION_LABELS[section])
            box.setChecked(True)
            box.setToolTip(SECTION_TITLES[section])
            layout.addWidget(box)
            self.boxes[section] = box

        self.show_debate_sections(False)

    def show_debate_sections(self, shown: bool) -> None:
        """The record's sections are offered only for a pack made from a debate record."""
        for section in DEBATE_SECTIONS:
            self.boxes[section].setVisible(shown)

    def chosen(self) -> frozenset[Section]:
        return frozenset(s for s, box in self.boxes.items() if box.isChecked())


class PackOptionsForm(QWidget):
    """Sections, Member, date, time and reference; ``options()`` reads them back."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sections = SectionChoice()
        self.member = QLineEdit()
        self.member.setPlaceholderText("e.g. Jane Smith MP")
        self.member.setAccessibleName("Opening Member")
        self.debate_date = QDateEdit()
        self.debate_date.setCalendarPopup(True)
        self.debate_date.setDisplayFormat("dddd d MMMM yyyy")
        self.debate_date.setLocale(HOUSE_LOCALE)  # English day and month names, as the pack
        self.debate_date.setAccessibleName("Debate date")
        self.no_date = QCheckBox("&No debate date (not scheduled, or not debated)")
        self.no_date.setToolTip(
            "The pack then says what the site says: not yet scheduled, or the Committee's "
            "decision not to debate"
        )
        self.no_date.toggled.connect(lambda on: self.debate_date.setEnabled(not on))
        #: Shown when the petitions were debated on different days: which debate is this pack for?
        self.which_debate = QComboBox()
        self.which_debate.setAccessibleName("Which debate")
        self.which_debate.currentIndexChanged.connect(self._debate_chosen)
        self.set_debate_date(None)
        self.debate_time = QTimeEdit(QTime(DEFAULT_DEBATE_TIME.hour, DEFAULT_DEBATE_TIME.minute))
        self.debate_time.setDisplayFormat("h.mmap")
        self.debate_time.setLocale(HOUSE_LOCALE)  # "4.30pm", not the desktop's "PM" or none
        self.reference = QLineEdit()
        self.reference.setPlaceholderText("made from the date and petition number")
        self.reference.setAccessibleName("Reference")
        form = QFormLayout()
        form.addRow("Opening &Member:", self.member)
        form.addRow("W&hich debate:", self.which_debate)
        form.addRow("&Debate date:", self.debate_date)
        form.addRow("", self.no_date)
        form.addRow("T&ime:", self.debate_time)
        form.addRow("R&eference:", self.reference)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.sections)
        layout.addLayout(form)
        layout.addStretch(1)
        self._form = form
        form.setRowVisible(self.which_debate, False)

    def set_debate_date(self, day: date | None) -> None:
        """The petitions' debate date; with none, "No debate date" is ticked and the date box
        waits at the next Monday (petitions debates are on Mondays) for the clerk to set one."""
        self.no_date.setChecked(day is None)
        if day is None:
            today = date.today()
            day = today + timedelta(days=(7 - today.weekday()) % 7 or 7)
        self.debate_date.setDate(to_qdate(day))

    def offer_debates(self, days: Sequence[tuple[date, Sequence[int]]]) -> None:
        """The petitions were debated on different days: offer each debate, the first chosen."""
        self.which_debate.clear()
        for day, ids in days:
            numbers = ", ".join(str(i) for i in ids)
            self.which_debate.addItem(f"{weekday_date(day)} (e-petition {numbers})", day)
        self._form.setRowVisible(self.which_debate, bool(days))
        if days:
            self.which_debate.setCurrentIndex(0)
            self._debate_chosen(0)

    def _debate_chosen(self, index: int) -> None:
        day = self.which_debate.itemData(index)
        if isinstance(day, date):
            self.set_debate_date(day)

    def options(self) -> PackOptions:
        chosen = self.debate_date.date()
        clock = self.debate_time.time()
        return PackOptions(
            sections=self.sections.chosen(),
            member=self.member.text().strip() or None,
            debate_date=None if self.no_date.isChecked() else from_qdate(chosen),
            debate_time=DEFAULT_DEBATE_TIME.replace(hour=clock.hour(), minute=clock.minute()),
            reference=self.reference.text().strip() or None,
        )
