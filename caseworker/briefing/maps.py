"""The pack's map of where a petition's signatures come from: a hex cartogram, one equal hex
per constituency (so a London seat counts as much as a Highland one), shaded by signatures
per 1,000 electors, with the nations outlined and a legend of the classes.

Nothing is told by colour alone: the seats that signed most are numbered on the map and listed
beside it with their figures; the HTML edition gets a text alternative and the classes as a
table; seats with no signatures are white with a dot, so greyscale keeps them apart.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from reportlab.graphics.shapes import Circle, Drawing, Group, Path, Rect, String
from reportlab.lib import colors
from reportlab.lib.attrmap import AttrMap, AttrMapValue
from reportlab.platypus import Flowable

from caseworker import geography, reference
from caseworker.briefing import charts
from caseworker.briefing.blocks import Outline, data_table, note, plain, side_by_side
from caseworker.briefing.opening_seat import OpeningSeat
from caseworker.formatting import count, ordinal
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
#: The opening Member's seat: a heavy line in a colour no class of the scale uses (and said
#: in words under the map, so it is never shown by colour alone).
OPENING_EDGE = colors.HexColor("#d4351c")
#: The dot that marks a seat with no signatures (its white fill is hard to tell from the
#: palest class in greyscale).
NO_DATA_DOT = colors.HexColor("#8c8c8c")
#: The dot's size, in hex radii.
DOT_SIZE = 0.24
#: Numbers on hexes darker than this (relative luminance) are printed white.
DARK_BELOW = 0.3


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


def map_section(
    petition: PetitionDetail, outline: Outline, level: int, opening: OpeningSeat | None = None
) -> list[Flowable]:
    """The map sub-section of a petition's Signatures section (its heading one level down);
    the opening Member's seat, when known, is outlined and its figures said."""
    found = geography.petition_geography(petition)
    heading = outline.heading("Map of signatures by constituency", level + 1)
    if not found.has_breakdown or found.uk_total <= 0:
        return [heading, plain("No breakdown by constituency was published, so there is no map.")]
    measure = _measure(found)
    seat_classes = geography.classes([f.value(measure) for f in found.seats], measure)
    top = found.ranked(measure)[:NUMBERED]
    own = _own_seat(found, opening)
    drawing = hex_map(
        found, measure, seat_classes, MAP_WIDTH, {f.code: i for i, f in enumerate(top, 1)},
        highlight=own.code if own else None,
    )  # fmt: skip
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
    if own is not None and opening is not None:
        story.append(plain(_opening_words(found, measure, own, opening)))
    story += _salience(found)
    story += _unmatched(found)
    return story


def _measure(found: PetitionGeography) -> Measure:
    """Rates where electorates are known (they compare seats of different sizes)."""
    known = any(f.per_thousand is not None for f in found.seats)
    return Measure.RATE if known else Measure.COUNT


class HexMap(charts.Chart):
    """The cartogram's drawing. Its hexes and outlines are a few paths (one per colour), so
    the HTML edition's SVG stays small; in the PDF the same paths are written as prepared
    PDF operators, once per layout pass, instead of being walked shape by shape (ReportLab's
    renderer spends most of a pack's map time formatting the 4,000 corner numbers)."""

    _attrMap = AttrMap(  # noqa: N815 - ReportLab's name
        BASE=charts.Chart,
        pdf_layer=AttrMapValue(None),
        layer_shapes=AttrMapValue(None),
    )

    def draw(self) -> None:
        """The prepared layer, then the other shapes (numbers, legend) on top of it."""
        layered = self.contents[: self.layer_shapes]
        del self.contents[: self.layer_shapes]
        try:
            self.canv.addLiteral(self.pdf_layer)
            super().draw()
        finally:
            self.contents[:0] = layered


_MOVE, _LINE, _CLOSE = 0, 1, 3  # ReportLab's path operators


@dataclass(frozen=True)
class _Ring:
    """One hexagon (or dot, or side) placed on the map: as path points and as PDF."""

    points: tuple[float, ...]
    operators: tuple[int, ...]
    pdf: str


def _ring(corners: Sequence[tuple[float, float]], *, closed: bool = True) -> _Ring:
    points = tuple(c for corner in corners for c in corner)
    operators = (_MOVE, *([_LINE] * (len(corners) - 1)), *((_CLOSE,) if closed else ()))
    code = [f"{corners[0][0]:.2f} {corners[0][1]:.2f} m"]
    code += [f"{x:.2f} {y:.2f} l" for x, y in corners[1:]]
    return _Ring(points, operators, " ".join([*code, "h"] if closed else code))


@dataclass(frozen=True)
class _Geometry:
    """A set's cartogram placed at one width: the same for every petition, so made once."""

    frame: MapFrame
    height: float
    hexes: dict[str, _Ring]
    dots: dict[str, _Ring]
    centres: dict[str, tuple[float, float]]
    nations: tuple[_Ring, ...]


@cache
def _geometry(boundary_set: BoundarySet, width: float) -> _Geometry:
    layout = reference.hex_layout(boundary_set)
    frame, height = _frame(layout.cells.values(), width)
    hexes, dots, centres = {}, {}, {}
    for code, cell in layout.cells.items():
        centre = reference.hex_centre(cell)
        hexes[code] = _ring([frame.place(c) for c in reference.hex_corners(cell)])
        dots[code] = _ring([frame.place(c) for c in _small_hex(centre, DOT_SIZE)])
        centres[code] = frame.place(centre)
    nations = tuple(
        _ring([frame.place(start), frame.place(end)], closed=False)
        for sides in reference.hex_nation_outlines(boundary_set).values()
        for start, end in sides
    )
    return _Geometry(frame, height, hexes, dots, centres, nations)


@dataclass
class _Layer:
    """The hex layer's paths: shapes for the SVG, and the same as PDF operators."""

    shapes: list[Path]
    pdf: list[str]

    def add(
        self,
        rings: Sequence[_Ring],
        *,
        fill: colors.Color | None,
        stroke: colors.Color | None,
        width: float = 0.0,
    ) -> None:
        if not rings:
            return
        points = [c for ring in rings for c in ring.points]
        operators = [o for ring in rings for o in ring.operators]
        self.shapes.append(
            Path(
                points, operators, fillColor=fill, strokeColor=stroke, strokeWidth=width,
                autoclose=None,
            )
        )  # fmt: skip
        code = ["q 1 j"]
        if fill is not None:
            code.append(f"{fill.red:.4f} {fill.green:.4f} {fill.blue:.4f} rg")
        if stroke is not None:
            code.append(f"{stroke.red:.4f} {stroke.green:.4f} {stroke.blue:.4f} RG {width:.2f} w")
        code += [ring.pdf for ring in rings]
        code += [{(True, True): "B", (True, False): "f", (False, True): "S"}[
            (fill is not None, stroke is not None)
        ], "Q"]  # fmt: skip
        self.pdf.append("\n".join(code))


def hex_map(
    found: PetitionGeography,
    measure: Measure,
    seat_classes: Classes,
    width: float,
    numbered: dict[str, int] | None = None,
    highlight: str | None = None,
) -> Drawing:
    """The hex cartogram with its legend below, ``width`` points wide; the ``highlight``
    seat (the opening Member's) outlined in a heavy line."""
    register_fonts()
    geometry = _geometry(found.boundary_set, width)
    legend_height = _legend_height(seat_classes)
    drawing = HexMap(width, geometry.height + legend_height)
    drawing.initialFontName = SANS
    drawing.initialFontSize = LEGEND_FONT_SIZE
    by_class: dict[int | None, list[_Ring]] = {}
    numbered = numbered or {}
    labels = []
    for code, ring in geometry.hexes.items():
        figures = found.by_code.get(code)
        index = seat_classes.index(figures.value(measure) if figures else None)
        by_class.setdefault(index, []).append(ring)
        if index is not None and code in numbered:
            labels.append(
                _number(geometry, code, numbered[code], seat_classes.colours[index], legend_height)
            )
    layer = _Layer([], [])
    for index in sorted(by_class, key=lambda i: -1 if i is None else i):
        fill = colors.HexColor(geography.NO_DATA if index is None else seat_classes.colours[index])
        layer.add(by_class[index], fill=fill, stroke=HEX_EDGE, width=0.3)
    unsigned = [
        code for code, f in found.by_code.items() if seat_classes.index(f.value(measure)) is None
    ]
    layer.add(
        [geometry.dots[c] for c in unsigned if c in geometry.dots], fill=NO_DATA_DOT, stroke=None
    )
    layer.add(geometry.nations, fill=None, stroke=NATION_EDGE, width=0.7)
    if highlight is not None and highlight in geometry.hexes:
        layer.add([geometry.hexes[highlight]], fill=None, stroke=OPENING_EDGE, width=1.8)
    # The map sits above the legend: moved up as a group (SVG) and by a transform (PDF).
    group = Group(*layer.shapes, transform=(1, 0, 0, 1, 0, legend_height))
    drawing.add(group)
    drawing.pdf_layer = "\n".join([f"q 1 0 0 1 0 {legend_height:.2f} cm", *layer.pdf, "Q"])
    drawing.layer_shapes = 1
    for label in labels:
        drawing.add(label)
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


def _small_hex(centre: reference.Point, size: float) -> list[reference.Point]:
    """A small hexagon around a hex's centre (in hex radii): the "no signatures" dot."""
    x, y = centre
    angles = (math.radians(90 + 60 * step) for step in range(6))
    return [(x + size * math.cos(a), y + size * math.sin(a)) for a in angles]


def _number(geometry: _Geometry, code: str, number: int, fill: str, lift: float) -> String:
    """A seat's number in the list beside the map, white on the darker classes."""
    x, y = geometry.centres[code]
    ink = colors.white if luminance(fill) < DARK_BELOW else s.INK
    size = geometry.frame.radius * (1.05 if number < 10 else 0.9)
    return String(
        x, y + lift - size * 0.35, str(number), fontName=SANS_BOLD, fontSize=size,
        fillColor=ink, textAnchor="middle",
    )  # fmt: skip


def luminance(colour: str) -> float:
    """The WCAG relative luminance of a "#rrggbb" colour (0 black, 1 white)."""

    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


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


def _own_seat(found: PetitionGeography, opening: OpeningSeat | None) -> SeatFigures | None:
    """The opening Member's seat among the petition's (by code, else by name: a 2010-set
    petition still finds a seat of the same name)."""
    if opening is None:
        return None
    by_name = {f.name: f for f in found.seats}
    return found.by_code.get(opening.code) or by_name.get(opening.seat.name)


def _opening_words(
    found: PetitionGeography, measure: Measure, own: SeatFigures, opening: OpeningSeat
) -> str:
    """ "Outlined in red on the map: Leeds Central, the seat of Jane Smith MP, who opens the debate:
    412 signatures (5.9 per 1,000 electors), 37th of 650 seats per 1,000 electors." """
    ranked = [f.code for f in found.ranked(measure)]
    place = ranked.index(own.code) + 1 if own.code in ranked else None
    rate = f" ({own.per_thousand:,.1f} per 1,000 electors)" if own.per_thousand else ""
    by = "per 1,000 electors" if measure is Measure.RATE else "by number of signatures"
    where = f", {ordinal(place)} of {len(found.seats):,} seats {by}" if place else ""
    return (
        f"Outlined in red on the map: {own.name}, the seat of {opening.member}, who opens the "
        f"debate: {count(own.signatures)} signatures{rate}{where}."
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
