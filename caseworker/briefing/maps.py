"""The pack's map of where a petition's signatures come from: a hex cartogram, one equal hex
per constituency (so a London seat counts as much as a Highland one), shaded by signatures
per 1,000 electors, with the nations outlined and a legend of the classes.

Nothing is told by colour alone: the seats that signed most are numbered on the map and listed
beside it with their figures; the HTML edition gets a text alternative and the classes as a
table; seats with no signatures are white with a dot, so greyscale keeps them apart.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.platypus import Flowable

from caseworker import geography, reference
from caseworker.briefing import charts
from caseworker.briefing.blocks import Outline, data_table, note, plain, side_by_side
from caseworker.formatting import count
from caseworker.geography import Classes, Measure, PetitionGeography, SeatFigures
from caseworker.pdf import styles as s
from caseworker.pdf.fonts import SANS, SANS_BOLD, register_fonts
from caseworker.pdf.semantics import describe
from caseworker.pdf.text import printable
from caseworker.reference import BoundarySet, HexCell
from caseworker.services.dto import PetitionDetail

MAP_WIDTH = 0.52 * s.FRAME_WIDTH
LIST_WIDTH = s.FRAME_WIDTH - MAP_WIDTH - 10
#: Seats numbered on the map and listed beside it.
NUMBERED = 12
#: Seats named as strongest and weakest for their size.
SALIENT = 3
LEGEND_FONT_SIZE = 7
LEGEND_ROW = 10
HEX_EDGE = colors.white
NATION_EDGE = s.INK
#: The dot that marks a seat with no signatures (its white fill is hard to tell from the
#: palest class in greyscale).
NO_DATA_DOT = colors.HexColor("#8c8c8c")
#: Rank numbers on hexes this dark are printed white.
DARK_FROM = 3


@dataclass(frozen=True)
class MapFrame:
    """Where the hex cartogram sits in the drawing: hex radius and offset, in points."""

    radius: float
    left: float
    bottom: float
    min_x: float
    min_y: float

    def place(self, point: reference.Point) -> tuple[float, float]:
        x, y = point
        return (
            self.left + (x - self.min_x) * self.radius,
            self.bottom + (y - self.min_y) * self.radius,
        )


def map_section(petition: PetitionDetail, outline: Outline, level: int) -> list[Flowable]:
    """The map sub-section of a petition's Signatures section (its heading one level down)."""
    found = geography.petition_geography(petition)
    heading = outline.heading("Map of signatures by constituency", level + 1)
    if not found.has_breakdown or found.uk_total <= 0:
        return [heading, plain("No breakdown by constituency was published, so there is no map.")]
    measure = _measure(found)
    seat_classes = geography.classes([f.value(measure) for f in found.seats], measure)
    top = found.ranked(measure)[:NUMBERED]
    drawing = hex_map(
        found, measure, seat_classes, MAP_WIDTH, {f.code: i for i, f in enumerate(top, 1)}
    )
    described = describe(
        drawing,
        _alt(found, measure, top),
        headers=[measure.label, "Seats"],
        rows=_class_rows(found, measure, seat_classes),
        caption=_caption(found, measure),
    )
    story: list[Flowable] = [
        heading,
        side_by_side(described, _top_table(top, measure), MAP_WIDTH + 10, s.FRAME_WIDTH),
        note(_caption(found, measure)),
    ]
    story += _salience(found)
    story += _unmatched(found)
    return story


def _measure(found: PetitionGeography) -> Measure:
    """Rates where electorates are known (they compare seats of different sizes)."""
    known = any(f.per_thousand is not None for f in found.seats)
    return Measure.RATE if known else Measure.COUNT


def hex_map(
    found: PetitionGeography,
    measure: Measure,
    seat_classes: Classes,
    width: float,
    numbered: dict[str, int] | None = None,
) -> Drawing:
    """The hex cartogram with its legend below, ``width`` points wide."""
    register_fonts()
    layout = reference.hex_layout(found.boundary_set)
    frame, map_height = _frame(layout.cells.values(), width)
    legend_height = _legend_height(seat_classes)
    drawing = charts.Chart(width, map_height + legend_height)
    drawing.initialFontName = SANS
    drawing.initialFontSize = LEGEND_FONT_SIZE
    frame = MapFrame(frame.radius, frame.left, legend_height, frame.min_x, frame.min_y)
    numbered = numbered or {}
    for code, cell in layout.cells.items():
        figures = found.by_code.get(code)
        value = figures.value(measure) if figures else None
        _draw_hex(drawing, frame, cell, seat_classes, value, numbered.get(code))
    _draw_nations(drawing, frame, found.boundary_set)
    _draw_legend(drawing, seat_classes, found, measure, legend_height)
    return drawing


def _frame(cells: Iterable[HexCell], width: float) -> tuple[MapFrame, float]:
    centres = [reference.hex_centre(cell) for cell in cells]
    min_x = min(x for x, _ in centres) - 1
    max_x = max(x for x, _ in centres) + 1
    min_y = min(y for _, y in centres) - 1
    max_y = max(y for _, y in centres) + 1
    radius = width / (max_x - min_x)
    return MapFrame(radius, 0.0, 0.0, min_x, min_y), (max_y - min_y) * radius


def _draw_hex(
    drawing: Drawing,
    frame: MapFrame,
    cell: HexCell,
    seat_classes: Classes,
    value: float | None,
    number: int | None,
) -> None:
    points = [c for corner in reference.hex_corners(cell) for c in frame.place(corner)]
    fill = colors.HexColor(seat_classes.colour(value))
    drawing.add(Polygon(points, fillColor=fill, strokeColor=HEX_EDGE, strokeWidth=0.3))
    x, y = frame.place(reference.hex_centre(cell))
    index = seat_classes.index(value)
    if index is None:
        drawing.add(Circle(x, y, frame.radius * 0.22, fillColor=NO_DATA_DOT, strokeColor=None))
    elif number is not None:
        ink = colors.white if index >= DARK_FROM else s.INK
        size = frame.radius * (1.05 if number < 10 else 0.9)
        drawing.add(
            String(
                x,
                y - size * 0.35,
                str(number),
                fontName=SANS_BOLD,
                fontSize=size,
                fillColor=ink,
                textAnchor="middle",
            )
        )


def _draw_nations(drawing: Drawing, frame: MapFrame, boundary_set: BoundarySet) -> None:
    for sides in reference.hex_nation_outlines(boundary_set).values():
        for start, end in sides:
            (x1, y1), (x2, y2) = frame.place(start), frame.place(end)
            drawing.add(Line(x1, y1, x2, y2, strokeColor=NATION_EDGE, strokeWidth=0.7))


def _legend_height(seat_classes: Classes) -> float:
    return (len(seat_classes) + 2) * LEGEND_ROW + 8


def _draw_legend(
    drawing: Drawing,
    seat_classes: Classes,
    found: PetitionGeography,
    measure: Measure,
    height: float,
) -> None:
    """Swatches, darkest at the top as on a key, each with its range and number of seats."""
    y = height - LEGEND_ROW
    drawing.add(_legend_text(0, y, measure.label, bold=True))
    seats = seat_classes.counts(f.value(measure) for f in found.seats)
    for index in reversed(range(len(seat_classes))):
        y -= LEGEND_ROW
        colour = colors.HexColor(seat_classes.colours[index])
        drawing.add(Rect(0, y - 1, 14, 8, fillColor=colour, strokeColor=s.RULE, strokeWidth=0.3))
        text = f"{seat_classes.labels[index]}  ({_seats(seats[index])})"
        drawing.add(_legend_text(20, y, text))
    y -= LEGEND_ROW
    blank = sum(1 for f in found.seats if seat_classes.index(f.value(measure)) is None)
    drawing.add(Rect(0, y - 1, 14, 8, fillColor=colors.white, strokeColor=s.RULE, strokeWidth=0.3))
    drawing.add(Circle(7, y + 3, 1.4, fillColor=NO_DATA_DOT, strokeColor=None))
    drawing.add(_legend_text(20, y, f"{_no_figure(measure)}  ({_seats(blank)})"))


def _no_figure(measure: Measure) -> str:
    if measure is Measure.RATE:
        return "No signatures, or electorate not known"
    return geography.NO_DATA_LABEL


def _legend_text(x: float, y: float, text: str, *, bold: bool = False) -> String:
    return String(
        x,
        y,
        printable(text, SANS),
        fontName=SANS_BOLD if bold else SANS,
        fontSize=LEGEND_FONT_SIZE,
        fillColor=s.INK,
    )


def _seats(number: int) -> str:
    return f"{number:,} seat{'s' if number != 1 else ''}"


def _figure(figures: SeatFigures, measure: Measure) -> str:
    if measure is Measure.RATE:
        return f"{figures.per_thousand:,.1f}" if figures.per_thousand is not None else "–"
    return count(figures.signatures)


def _top_table(top: Sequence[SeatFigures], measure: Measure) -> Flowable:
    heading = "Per 1,000 electors" if measure is Measure.RATE else "Signatures"
    rows = [["No.", "Constituency", heading]]
    rows += [[str(i), f.name, _figure(f, measure)] for i, f in enumerate(top, 1)]
    widths = [24, LIST_WIDTH - 24 - 70, 70]
    return data_table(rows, widths, numeric=[0, 2], repeat_header=False)


def _alt(found: PetitionGeography, measure: Measure, top: Sequence[SeatFigures]) -> str:
    values = [v for f in found.seats if (v := f.value(measure)) is not None and v > 0]
    what = "signatures per 1,000 electors" if measure is Measure.RATE else "signatures"
    text = (
        f"Hex map of the {len(found.seats)} {found.boundary_set.label}, one equal hexagon "
        f"each, shaded by {what}"
    )
    if values:
        low, high = min(values), max(values)
        places = 1 if measure is Measure.RATE else 0
        text += f" from {low:,.{places}f} to {high:,.{places}f}"
    if top:
        names = ", ".join(f.name for f in top[:3])
        text += f"; highest in {names}"
    return text + "."


def _class_rows(
    found: PetitionGeography, measure: Measure, seat_classes: Classes
) -> list[list[str]]:
    seats = seat_classes.counts(f.value(measure) for f in found.seats)
    rows = [[label, f"{n:,}"] for label, n in zip(seat_classes.labels, seats, strict=True)]
    blank = sum(1 for f in found.seats if seat_classes.index(f.value(measure)) is None)
    rows.append([_no_figure(measure), f"{blank:,}"])
    return rows


def _caption(found: PetitionGeography, measure: Measure) -> str:
    electorates = reference.results_election(found.boundary_set).year
    what = (
        f"signatures per 1,000 electors (electorates at the {electorates} general election)"
        if measure is Measure.RATE
        else "signatures (electorates are not known for these seats)"
    )
    return (
        f"Each hexagon is one of the {found.boundary_set.label}, drawn the same size whatever "
        f"its area; darker means more {what}. Thick lines outline the nations. The numbered "
        "seats are listed beside the map; a white hexagon with a dot had no signatures. "
        "Hex layout: ODI Leeds (MIT)."
    )


def _salience(found: PetitionGeography) -> list[Flowable]:
    """The seats strongest and weakest for their size, in words."""
    strong = [f for f in found.strongest(SALIENT) if f.signatures > 0]
    weak = found.weakest(SALIENT)
    if not strong:
        return []
    unsigned = sum(1 for f in found.seats if f.signatures == 0)
    none = f" {_seats(unsigned).capitalize()} had no signatures." if unsigned else ""

    def listed(seats: Sequence[SeatFigures]) -> str:
        return "; ".join(f"{f.name} ({f.salience:,.1f} times)" for f in seats)

    return [
        plain(
            "Against the size of their electorates, the petition is strongest in "
            f"{listed(strong)} and weakest in {listed(weak)}: each figure is the seat's "
            "share of the UK's signatures over its share of the electorate (1 is par)." + none
        )
    ]


def _unmatched(found: PetitionGeography) -> list[Flowable]:
    """Rows of the breakdown that join no seat: said, never left as a silent hole."""
    if not found.unmatched:
        return []
    total = sum(u.signatures for u in found.unmatched)
    names = "; ".join(f"{u.name} ({count(u.signatures)}: {u.reason})" for u in found.unmatched)
    one = len(found.unmatched) == 1
    rows = "1 row" if one else f"{len(found.unmatched):,} rows"
    verbs = "matches no constituency and is" if one else "match no constituency and are"
    return [
        note(
            f"{rows} of the breakdown ({count(total)} signatures) {verbs} not on the map: {names}."
        )
    ]
