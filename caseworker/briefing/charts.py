"""Vector charts for the pack (reportlab.graphics): drawn as lines and text, never images.

Each chart is printed beside a table of the same numbers, so a reader who cannot read the
chart (or a screen reader) loses nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.lib.attrmap import AttrMap, AttrMapValue
from reportlab.pdfbase.pdfmetrics import stringWidth

from caseworker.domain import rules
from caseworker.formatting import month_year, short_date
from caseworker.pdf import semantics
from caseworker.pdf import styles as s
from caseworker.pdf.fonts import SANS, register_fonts
from caseworker.pdf.text import printable

AXIS_FONT_SIZE = 7
GRID = colors.HexColor("#d9d9d9")
BAR = colors.HexColor("#4d7f6c")


class Chart(Drawing):  # type: ignore[misc]
    """A drawing that may carry a description for the HTML edition: ReportLab refuses
    attributes a shape does not declare, so this one declares it."""

    _attrMap = AttrMap(BASE=Drawing, **{semantics.ATTRIBUTE: AttrMapValue(None)})  # noqa: N815 - ReportLab's name


def _drawing(width: float, height: float) -> Drawing:
    register_fonts()  # text is measured before any paragraph style has registered them
    drawing = Chart(width, height)
    # The renderer starts each drawing in Helvetica, which would put an unembedded font in
    # the PDF; start in the embedded one instead.
    drawing.initialFontName = SANS
    drawing.initialFontSize = AXIS_FONT_SIZE
    return drawing


def _thousands(value: float) -> str:
    return f"{value:,.0f}"


def _nice_step(top: float, ticks: int = 5) -> float:
    """A round step (1, 2 or 5 times a power of ten) giving about ``ticks`` intervals."""
    raw = max(top / ticks, 1)
    power = 10 ** (len(str(int(raw))) - 1)
    for factor in (1, 2, 5, 10):
        if raw <= factor * power:
            return float(factor * power)
    return float(10 * power)


def _month_label(day: date, first: date) -> str:
    return month_year(day, year=day == first or day.month == 1)


def _short_day(day: date) -> str:
    return short_date(day)


def _month_starts(first: date, last: date, most: int = 7) -> list[date]:
    """First days of months between two dates, thinned to at most ``most`` labels."""
    months = []
    day = date(first.year, first.month, 1)
    while day <= last:
        if day >= first:
            months.append(day)
        day = (day + timedelta(days=32)).replace(day=1)
    stride = max(1, -(-len(months) // most))
    return months[::stride]


@dataclass(frozen=True)
class Marker:
    """A dated event drawn as a labelled vertical line ("Response", "Debate")."""

    label: str
    at: datetime


@dataclass(frozen=True)
class Box:
    """A label's rectangle in drawing coordinates."""

    x0: float
    y0: float
    x1: float
    y1: float

    def overlaps(self, other: Box) -> bool:
        across = self.x0 < other.x1 and other.x0 < self.x1
        return across and self.y0 < other.y1 and other.y0 < self.y1


@dataclass(frozen=True)
class TimeChart:
    """The drawing and what was actually drawn in it, so a caption names only those."""

    drawing: Drawing
    thresholds: tuple[int, ...]
    markers: tuple[Marker, ...]
    #: The curve's corners in drawing coordinates (for tests and label placement).
    curve: tuple[tuple[float, float], ...]
    labels: tuple[Box, ...]


@dataclass(frozen=True)
class _Frame:
    """The plot area and the mapping from (moment, count) to drawing coordinates."""

    x: float
    y: float
    width: float
    height: float
    origin: datetime
    days: float
    y_max: float

    def px(self, at: datetime) -> float:
        return self.x + self.width * _days(self.origin, at) / self.days

    def py(self, n: float) -> float:
        return self.y + self.height * n / self.y_max


MARKER_ROW = 9
LABEL_SIZE = 6.5
#: The least height between a threshold line and the axis or the line below it.
THRESHOLD_GAP = 7


def signatures_over_time(
    points: Sequence[tuple[datetime, int]],
    thresholds: Sequence[int],
    markers: Sequence[Marker],
    *,
    width: float,
    height: float,
) -> TimeChart:
    """The known counts as dots joined by a line, thresholds as dashed lines labelled where
    the line is not, and dated events as labelled vertical lines above the plot."""
    drawing = _drawing(width, height)
    if len(points) < 2:
        return TimeChart(drawing, (), (), (), ())
    top = max(n for _at, n in points)
    step = _nice_step(top)
    y_max = step * (int(top // step) + 1)
    first = min([points[0][0], *(m.at for m in markers)])
    last = max([points[-1][0], *(m.at for m in markers)])
    rows = _marker_rows(markers)
    y_labels = [_thousands(step * i) for i in range(int(y_max // step) + 1)]
    left = max(stringWidth(t, SANS, AXIS_FONT_SIZE) for t in y_labels) + 8
    band = MARKER_ROW * (max(rows, default=-1) + 1) + 4
    frame = _Frame(
        left, 22, width - left - 8, height - 22 - band, first, max(_days(first, last), 1), y_max
    )
    _draw_grid(drawing, frame, step)
    _draw_time_axis(drawing, frame, last)
    curve = tuple((frame.px(at), frame.py(n)) for at, n in points)
    drawn_markers = _draw_markers(drawing, frame, markers, rows)
    drawing.add(PolyLine(_flat(curve), strokeColor=s.ACCENT, strokeWidth=1.2))
    for x, y in curve:
        drawing.add(Circle(x, y, 1.5, fillColor=s.INK, strokeColor=None))
    drawn = _visible_thresholds(frame, thresholds)
    boxes: list[Box] = []
    for threshold in drawn:
        boxes.append(_threshold(drawing, frame, threshold, curve, drawn_markers, boxes))
    return TimeChart(drawing, drawn, tuple(m for m, _x in drawn_markers), curve, tuple(boxes))


def _visible_thresholds(frame: _Frame, thresholds: Sequence[int]) -> tuple[int, ...]:
    """The thresholds worth a line: inside the plot, and far enough above the axis and each
    other to be told apart (on a chart of millions, 10,000 would lie on the axis)."""
    drawn: list[int] = []
    floor = frame.y
    for threshold in sorted(thresholds):
        y = frame.py(threshold)
        if threshold <= frame.y_max and y - floor >= THRESHOLD_GAP:
            drawn.append(threshold)
            floor = y
    return tuple(drawn)


def _days(origin: datetime, at: datetime) -> float:
    return (at - origin).total_seconds() / 86400


def _flat(points: Sequence[tuple[float, float]]) -> list[float]:
    return [v for point in points for v in point]


def _draw_grid(drawing: Drawing, frame: _Frame, step: float) -> None:
    """Horizontal grid lines with their counts, and the two axes."""
    for i in range(int(frame.y_max // step) + 1):
        y = frame.py(step * i)
        if i:
            drawing.add(
                Line(frame.x, y, frame.x + frame.width, y, strokeColor=GRID, strokeWidth=0.3)
            )
        drawing.add(_text(frame.x - 4, y - 2.5, _thousands(step * i), anchor="end"))
    drawing.add(
        Line(frame.x, frame.y, frame.x, frame.y + frame.height, strokeColor=s.INK, strokeWidth=0.5)
    )
    drawing.add(
        Line(frame.x, frame.y, frame.x + frame.width, frame.y, strokeColor=s.INK, strokeWidth=0.5)
    )


def _draw_time_axis(drawing: Drawing, frame: _Frame, last: datetime) -> None:
    """Month labels (the year only where it starts or changes), or the first and last day
    when the span is a few weeks."""
    first_day, last_day = rules.london_date(frame.origin), rules.london_date(last)
    ticks = _month_starts(first_day, last_day)
    if len(ticks) >= 2:
        labelled = [(_at_day(d), _month_label(d, ticks[0])) for d in ticks]
    else:
        labelled = [(frame.origin, _short_day(first_day)), (last, _short_day(last_day))]
    for at, text in labelled:
        x = frame.px(at)
        drawing.add(Line(x, frame.y, x, frame.y - 3, strokeColor=s.INK, strokeWidth=0.5))
        anchor = "middle"
        if len(ticks) < 2:  # the first and last day: keep them inside the drawing
            anchor = "start" if at == frame.origin else "end"
        drawing.add(_text(x, frame.y - 11, text, anchor=anchor))


def _at_day(day: date) -> datetime:
    """The start of a London day, as a moment."""
    return datetime.combine(day, time(0), tzinfo=rules.LONDON)


def _marker_rows(markers: Sequence[Marker]) -> list[int]:
    """Each marker's label has a row of its own above the plot, so labels of close dates
    never print over each other."""
    return list(range(len(markers)))


def _draw_markers(
    drawing: Drawing, frame: _Frame, markers: Sequence[Marker], rows: Sequence[int]
) -> list[tuple[Marker, float]]:
    drawn: list[tuple[Marker, float]] = []
    top = frame.y + frame.height
    for marker, row in zip(markers, rows, strict=True):
        x = frame.px(marker.at)
        label_y = top + 4 + MARKER_ROW * (len(rows) - 1 - row)
        drawing.add(
            Line(
                x,
                frame.y,
                x,
                label_y + 6,
                strokeColor=s.INK,
                strokeWidth=0.6,
                strokeDashArray=[1, 1.5],
            )
        )
        text = f"{marker.label} {short_date(marker.at)}"
        room = frame.x + frame.width - x
        fits_right = stringWidth(text, SANS, LABEL_SIZE) + 3 <= room + 6
        anchor, dx = ("start", 2.5) if fits_right else ("end", -2.5)
        drawing.add(_text(x + dx, label_y, text, anchor=anchor, size=LABEL_SIZE, fill=s.INK))
        drawn.append((marker, x))
    return drawn


def _threshold(
    drawing: Drawing,
    frame: _Frame,
    threshold: int,
    curve: Sequence[tuple[float, float]],
    markers: Sequence[tuple[Marker, float]],
    taken: Sequence[Box],
) -> Box:
    """A dashed line across the plot and its label, put where the curve is not."""
    y = frame.py(threshold)
    drawing.add(
        Line(
            frame.x,
            y,
            frame.x + frame.width,
            y,
            strokeColor=s.MUTED,
            strokeWidth=0.6,
            strokeDashArray=[2, 2],
        )
    )
    text = f"{threshold:,} signatures"
    box = _place(_candidates(frame, y, text), curve, [x for _m, x in markers], taken)
    # A white ground, so a grid or marker line under the label does not run through it.
    drawing.add(
        Rect(
            box.x0,
            box.y0,
            box.x1 - box.x0,
            box.y1 - box.y0,
            fillColor=colors.white,
            strokeColor=None,
        )
    )
    drawing.add(_text(box.x0 + 1, box.y0 + 1.6, text, size=LABEL_SIZE, fill=s.MUTED))
    return box


def _candidates(frame: _Frame, y: float, text: str) -> list[Box]:
    """Places for a threshold's label, best first: above the line at the left (where a
    rising curve is still below it), below it at the right (where the curve is above it),
    then the other two corners and points along the line."""
    w = stringWidth(text, SANS, LABEL_SIZE) + 2
    h = LABEL_SIZE + 2
    left, right = frame.x + 3, frame.x + frame.width - 3 - w
    above, below = y + 1.5, y - 1.5 - h
    spots = [(left, above), (right, below), (right, above), (left, below)]
    steps = 8
    for i in range(1, steps):
        x = left + (right - left) * i / steps
        spots += [(x, above), (x, below)]
    return [Box(x, b, x + w, b + h) for x, b in spots if b >= frame.y]


def _place(
    candidates: Sequence[Box],
    curve: Sequence[tuple[float, float]],
    marker_xs: Sequence[float],
    taken: Sequence[Box],
) -> Box:
    """The first candidate clear of the curve, the marker lines and other labels; failing
    that, the first clear of the curve; failing that, the first."""

    def clear_of_curve(box: Box) -> bool:
        return not any(
            _segment_hits(box, a, b) for a, b in zip(curve, curve[1:], strict=False)
        ) and not any(_inside(box, p) for p in curve)

    def clear_of_rest(box: Box) -> bool:
        return not any(box.x0 <= x <= box.x1 for x in marker_xs) and not any(
            box.overlaps(t) for t in taken
        )

    for test in (lambda b: clear_of_curve(b) and clear_of_rest(b), clear_of_curve):
        found = next((b for b in candidates if test(b)), None)
        if found is not None:
            return found
    return candidates[0]


def _inside(box: Box, point: tuple[float, float], margin: float = 2) -> bool:
    x, y = point
    return box.x0 - margin <= x <= box.x1 + margin and box.y0 - margin <= y <= box.y1 + margin


def _segment_hits(box: Box, a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Whether the segment from ``a`` to ``b`` passes through ``box`` (Liang–Barsky)."""
    (x0, y0), (x1, y1) = a, b
    dx, dy = x1 - x0, y1 - y0
    low, high = 0.0, 1.0
    for p, q in (
        (-dx, x0 - box.x0),
        (dx, box.x1 - x0),
        (-dy, y0 - box.y0),
        (dy, box.y1 - y0),
    ):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return False
    return True


def _text(
    x: float,
    y: float,
    text: str,
    *,
    anchor: str = "start",
    size: float = AXIS_FONT_SIZE,
    fill: Any = None,
) -> String:
    return String(
        x,
        y,
        printable(text, SANS),
        fontName=SANS,
        fontSize=size,
        fillColor=fill or s.INK,
        textAnchor=anchor,
    )


def horizontal_bars(
    rows: Sequence[tuple[str, int]], *, width: float, label_width: float, bar_height: float = 11
) -> Drawing:
    """One bar per row, largest first at the top, names on the left."""
    height = max(len(rows), 1) * bar_height + 26
    drawing = _drawing(width, height)
    if not rows:
        return drawing
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width, 18
    chart.width, chart.height = width - label_width - 12, height - chart.y - 4
    # The chart draws its first category at the bottom; reverse so the largest is on top.
    ordered = list(reversed(rows))
    chart.data = [[n for _name, n in ordered]]
    chart.categoryAxis.categoryNames = [printable(name, SANS) for name, _n in ordered]
    chart.categoryAxis.labels.fontName = SANS
    chart.categoryAxis.labels.fontSize = AXIS_FONT_SIZE
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -3
    chart.categoryAxis.strokeColor = s.INK
    chart.categoryAxis.strokeWidth = 0.5
    chart.categoryAxis.tickLeft = 0
    top = max(n for _name, n in rows)
    step = _nice_step(top, ticks=4)
    _style_value_axis(chart.valueAxis, step * (int(top // step) + 1), step)
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = GRID
    chart.valueAxis.gridStrokeWidth = 0.3
    chart.bars[0].fillColor = BAR
    chart.bars[0].strokeColor = None
    chart.barSpacing = 0
    chart.groupSpacing = 3
    drawing.add(chart)
    return drawing


def _style_value_axis(axis: Any, top: float, step: float) -> None:
    axis.valueMin = 0
    axis.valueMax = top
    axis.valueStep = step
    axis.labelTextFormat = _thousands
    axis.strokeColor = s.INK
    axis.strokeWidth = 0.5
    _style_axis_labels(axis)


def _style_axis_labels(axis: Any) -> None:
    labels = axis.labels
    labels.fontName = SANS
    labels.fontSize = AXIS_FONT_SIZE
    labels.fillColor = s.INK
