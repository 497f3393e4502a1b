"""Vector charts for the pack (reportlab.graphics): drawn as lines and text, never images.

Each chart is printed beside a table of the same numbers, so a reader who cannot read the
chart (or a screen reader) loses nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors

from caseworker.formatting import month_year, short_date
from caseworker.pdf import styles as s
from caseworker.pdf.fonts import SANS
from caseworker.pdf.text import printable

AXIS_FONT_SIZE = 7
GRID = colors.HexColor("#d9d9d9")
BAR = colors.HexColor("#4d7f6c")


def _drawing(width: float, height: float) -> Drawing:
    drawing = Drawing(width, height)
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


def signatures_over_time(
    series: Sequence[tuple[date, int]],
    marked: Sequence[tuple[date, int]],
    thresholds: Sequence[int],
    *,
    width: float,
    height: float,
) -> Drawing:
    """Cumulative signatures by day, the tabulated points marked, thresholds as dashed lines."""
    drawing = _drawing(width, height)
    if len(series) < 2:
        return drawing
    origin = series[0][0]
    days = max((series[-1][0] - origin).days, 1)
    top = max(count for _day, count in series)
    step = _nice_step(top)
    y_max = step * (int(top // step) + 1)

    plot = LinePlot()
    plot.x, plot.y = 44, 22
    plot.width, plot.height = width - plot.x - 8, height - plot.y - 8
    line = [((d - origin).days, n) for d, n in series]
    points = [((d - origin).days, n) for d, n in marked]
    plot.data = [line, points]
    plot.lines[0].strokeColor = s.ACCENT
    plot.lines[0].strokeWidth = 1.2
    plot.lines[1].strokeColor = None
    plot.lines[1].symbol = makeMarker("FilledCircle", size=2.6, fillColor=s.INK)
    _style_value_axis(plot.yValueAxis, y_max, step)
    plot.yValueAxis.visibleGrid = True
    plot.yValueAxis.gridStrokeColor = GRID
    plot.yValueAxis.gridStrokeWidth = 0.3
    x_axis = plot.xValueAxis
    x_axis.valueMin, x_axis.valueMax = 0, days
    # Only months inside the plotted span: a month start before the first point would be
    # drawn at the left edge on top of the next label.
    ticks = [d for d in _month_starts(origin, series[-1][0]) if d >= origin]
    if len(ticks) >= 2:
        x_axis.valueSteps = [(d - origin).days for d in ticks]
        first = ticks[0]
        # The year only where it starts or changes, so the labels never run together.
        x_axis.labelTextFormat = lambda x: _month_label(origin + timedelta(days=int(round(x))),
                                                        first)  # fmt: skip
    else:  # a few weeks: the first and last day instead
        x_axis.valueSteps = [0, days]
        x_axis.labelTextFormat = lambda x: _short_day(origin + timedelta(days=int(round(x))))
    _style_axis_labels(x_axis)
    x_axis.labels.angle = 0
    drawing.add(plot)
    for threshold in thresholds:
        if threshold <= y_max:
            _threshold_line(drawing, plot, threshold, y_max)
    return drawing


def _threshold_line(drawing: Drawing, plot: LinePlot, threshold: int, y_max: float) -> None:
    y = plot.y + plot.height * threshold / y_max
    drawing.add(
        Line(
            plot.x,
            y,
            plot.x + plot.width,
            y,
            strokeColor=s.MUTED,
            strokeWidth=0.6,
            strokeDashArray=[2, 2],
        )
    )
    drawing.add(
        String(plot.x + 3, y + 2, f"{threshold:,}", fontName=SANS, fontSize=6.5, fillColor=s.MUTED)
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
