"""The map with its switches, legend and notes: "Hex map | Boundaries", rate or count.

The panel turns a petition's figures into fills (one colour per class, from
:mod:`caseworker.geography`) and words (each seat's tooltip; the notes under the map say which
constituencies are drawn, where the parties come from, and any breakdown row left off the map).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from caseworker.formatting import long_date
from caseworker.geography import Classes, Measure, SeatFigures, classes
from caseworker.reference import results_election
from ui.maps.data import MapData
from ui.maps.legend import Legend
from ui.maps.shapes import MapKind
from ui.maps.widget import SeatMap

MEASURE_BUTTONS = ((Measure.RATE, "Per 1,000 electors"), (Measure.COUNT, "Signatures"))


def seat_tip(figures: SeatFigures) -> str:
    """A seat's figures in words: name, Member and party, count and rate."""
    if figures.vacant:
        member = "Seat vacant"
    else:
        member = f"{figures.mp} ({figures.party})" if figures.party else figures.mp
    rate = (
        "rate unknown (no electorate)"
        if figures.per_thousand is None
        else f"{figures.per_thousand:,.1f} per 1,000 electors"
    )
    count = f"{figures.signatures:,} signature{'' if figures.signatures == 1 else 's'}"
    return f"{figures.name}\n{member}\n{count} · {rate}"


def unmatched_text(data: MapData) -> str:
    """The breakdown rows not on the map, in words (empty when every row found its seat)."""
    rows = data.geography.unmatched
    if not rows:
        return ""
    listed = "; ".join(
        f"{row.name} ({row.code or 'no code'}, {row.signatures:,} signatures): {row.reason}"
        for row in rows
    )
    many = len(rows) != 1
    return (
        f"{len(rows)} row{'s' if many else ''} of the site's breakdown could not be matched to "
        f"a seat and {'are' if many else 'is'} not on the map: {listed}."
    )


def notes_text(data: MapData) -> str:
    """Which constituencies are drawn and where the parties come from; then any unmatched."""
    geography = data.geography
    boundary_set = geography.boundary_set
    if not geography.has_breakdown:
        return "This capture has no signatures by constituency: the map has nothing to show."
    election = long_date(results_election(boundary_set))
    text = (
        f"The {boundary_set.label}. Parties are those returned at the general election of "
        f"{election}; Members as the petition site names them."
    )
    unmatched = unmatched_text(data)
    return f"{text} {unmatched}" if unmatched else f"{text} Every row of the breakdown is mapped."


class MapPanel(QWidget):
    """The seat map, its two switches, zoom buttons, legend and notes."""

    #: The clerk chose a seat on the map (its ONS code).
    seat_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.map = SeatMap()
        self.legend = Legend()
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notes.setAccessibleName("Map notes")
        self._data: MapData | None = None
        self._kind = MapKind.HEX
        self._measure = Measure.RATE
        self.kind_buttons = self._switch(
            ((kind, kind.value) for kind in MapKind), self._on_kind, "Map drawn as"
        )
        self.measure_buttons = self._switch(MEASURE_BUTTONS, self._on_measure, "Colour by")
        self._build()
        self.map.seat_chosen.connect(self.seat_chosen)
        self.show_data(None)

    def _switch(
        self, choices: Iterable[tuple[object, str]], slot: Callable[[Any], None], name: str
    ) -> QButtonGroup:
        """Exclusive buttons, the first checked; ``slot`` gets the choice of the one clicked."""
        group = QButtonGroup(self)
        group.setExclusive(True)
        for index, (value, text) in enumerate(choices):
            button = QPushButton(text)
            button.setCheckable(True)
            button.setChecked(index == 0)
            button.setAccessibleName(f"{name}: {text}")
            button.setProperty("choice", value)
            # Bold as well as pressed: some styles (Fusion, dark) barely shade a checked button.
            button.toggled.connect(lambda on, b=button: _embolden(b, on))
            _embolden(button, button.isChecked())
            group.addButton(button, index)
        group.buttonClicked.connect(lambda button: slot(button.property("choice")))
        return group

    def _build(self) -> None:
        zoom_in = self._tool_button("+", "Zoom in (+)", self.map.zoom_in)
        zoom_out = self._tool_button("−", "Zoom out (−)", self.map.zoom_out)
        fit = self._tool_button("Fit", "Show the whole map (Ctrl+0)", self.map.reset_view)
        top = QHBoxLayout()
        for button in self.kind_buttons.buttons():
            top.addWidget(button)
        top.addStretch(1)
        for button in (zoom_in, zoom_out, fit):
            top.addWidget(button)
        second = QHBoxLayout()
        second.addWidget(QLabel("Colour by:"))
        for button in self.measure_buttons.buttons():
            second.addWidget(button)
        second.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.map, 1)
        body.addWidget(self.legend)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(second)
        layout.addLayout(body, 1)
        layout.addWidget(self.notes)
        reset = QShortcut(QKeySequence("Ctrl+0"), self)
        reset.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        reset.activated.connect(self.map.reset_view)

    def _tool_button(self, text: str, tip: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        width = button.fontMetrics().horizontalAdvance(f"  {text}  ") + 12
        button.setMaximumWidth(max(width, button.fontMetrics().height() * 2))
        button.clicked.connect(slot)
        return button

    # State ---------------------------------------------------------------------------------

    @property
    def kind(self) -> MapKind:
        return self._kind

    @property
    def measure(self) -> Measure:
        return self._measure

    def set_kind(self, kind: MapKind) -> None:
        self._check(self.kind_buttons, kind)
        self._on_kind(kind)

    def set_measure(self, measure: Measure) -> None:
        self._check(self.measure_buttons, measure)
        self._on_measure(measure)

    def _check(self, group: QButtonGroup, value: object) -> None:
        for button in group.buttons():
            button.setChecked(button.property("choice") == value)

    def _on_kind(self, kind: MapKind) -> None:
        if kind != self._kind:
            self._kind = kind
            self._redraw()

    def _on_measure(self, measure: Measure) -> None:
        if measure != self._measure:
            self._measure = measure
            self._redraw()

    def show_loading(self) -> None:
        """The previous petition's map must not stay while the next one is worked out."""
        self._data = None
        self.map.show_seats(None, {}, {})
        self.legend.show_classes(None, (), 0)
        self.notes.setText("Drawing the map…")

    def show_data(self, data: MapData | None) -> None:
        self._data = data
        self.notes.setText(notes_text(data) if data else "")
        self._redraw()

    @property
    def data(self) -> MapData | None:
        return self._data

    def select_seat(self, code: str | None) -> None:
        self.map.select_seat(code)

    def _redraw(self) -> None:
        data = self._data
        if data is None or not data.geography.has_breakdown:
            self.map.show_seats(data.shapes[self._kind] if data else None, {}, {})
            self.legend.show_classes(None, (), 0)
            return
        seats = data.geography.seats
        values = [figures.value(self._measure) for figures in seats]
        found = classes(values, self._measure)
        brushes: dict[str, QBrush] = {}
        fills = {
            f.code: _brush(found.colour(v), brushes) for f, v in zip(seats, values, strict=True)
        }
        tips = {figures.code: seat_tip(figures) for figures in seats}
        unsigned = {f.code for f, v in zip(seats, values, strict=True) if found.index(v) is None}
        self.map.show_seats(data.shapes[self._kind], fills, tips, unsigned)
        self.legend.show_classes(found, found.counts(values), len(unsigned))
        self.map.set_overview(self._overview(found))

    def _overview(self, found: Classes) -> str:
        assert self._data is not None
        best = self._data.geography.ranked(self._measure)[:3]
        top = "; ".join(seat_tip(f).replace("\n", ", ") for f in best)
        return (
            f"{self._kind.value} of the {self._data.geography.boundary_set.label}, coloured by "
            f"{self._measure.label.lower()} in {len(found)} classes, darker for more. "
            f"Highest: {top or 'none'}. The constituency table has every seat's figures"
        )


def _embolden(button: QPushButton, bold: bool) -> None:
    font = button.font()
    font.setBold(bold)
    button.setFont(font)


def _brush(colour: str, made: dict[str, QBrush]) -> QBrush:
    """One brush a colour, shared by the seats of a class."""
    if colour not in made:
        made[colour] = QBrush(QColor(colour))
    return made[colour]
