"""Charts for the petition view: signatures over time with a forecast, and breakdown bars."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCharts import (
    QAreaSeries,
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QDateTimeAxis,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QDateTime, QMargins, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from caseworker.domain.forecast import Forecast
from caseworker.services.dto import CountView, SnapshotView

THRESHOLDS = (10_000, 100_000)


def _msecs(value: datetime) -> float:
    return float(value.timestamp() * 1000)


def _themed(chart: QChart, palette: QPalette) -> None:
    chart.setBackgroundBrush(palette.color(QPalette.ColorRole.Base))
    chart.setTitleBrush(palette.color(QPalette.ColorRole.Text))
    chart.legend().setLabelColor(palette.color(QPalette.ColorRole.Text))
    chart.setMargins(QMargins(4, 4, 4, 4))


def _axis_colours(axis: QValueAxis | QDateTimeAxis | QBarCategoryAxis, palette: QPalette) -> None:
    axis.setLabelsColor(palette.color(QPalette.ColorRole.Text))
    axis.setGridLineColor(palette.color(QPalette.ColorRole.Mid))


class ChartView(QChartView):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setAccessibleName(name)
        self.setMinimumHeight(220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)


def signature_chart(
    history: tuple[SnapshotView, ...], prediction: Forecast | None, palette: QPalette
) -> QChart:
    chart = QChart()
    _themed(chart, palette)
    chart.setTitle("Signatures over time")
    line = QLineSeries()
    line.setName("Signatures")
    for point in history:
        line.append(_msecs(point.at), point.count)
    # A few snapshots are easier to read as dots joined by lines.
    line.setPointsVisible(len(history) < 40)
    chart.addSeries(line)
    top = max((p.count for p in history), default=0)
    series: list[QLineSeries | QAreaSeries] = [line]
    if prediction is not None:
        series += _forecast_series(chart, prediction)
        for s in series[1:]:
            chart.addSeries(s)
        # Scale to the central estimate: the likely range may run off the top, the data may not.
        top = max(top, prediction.final_estimate)
    for threshold in THRESHOLDS:
        if history and top >= threshold * 0.6:
            series.append(_threshold_line(chart, history, prediction, threshold))
    _add_time_axes(chart, series, top, palette)
    if history:
        end = prediction.closes_at if prediction else history[-1].at
        _set_time_range(chart, history[0].at, end)
    return chart


def _set_time_range(chart: QChart, start: datetime, end: datetime) -> None:
    """Show the whole history and, with a forecast, the time to closing."""
    axis = chart.axes(Qt.Orientation.Horizontal)[0]
    first = QDateTime.fromMSecsSinceEpoch(int(_msecs(start)))
    last = QDateTime.fromMSecsSinceEpoch(int(_msecs(end)))
    if first.secsTo(last) < 86_400:
        first, last = first.addDays(-14), last.addDays(14)
    axis.setRange(first, last)


def _forecast_series(chart: QChart, prediction: Forecast) -> list[QLineSeries | QAreaSeries]:
    central = QLineSeries()
    central.setName("Forecast")
    for at, middle, _low, _high in prediction.path:
        central.append(_msecs(at), middle)
    pen = QPen(QColor("#d4351c"))
    pen.setStyle(Qt.PenStyle.DashLine)
    pen.setWidthF(2.0)
    central.setPen(pen)
    # The band's edges must outlive this function: the chart owns them.
    upper, lower = QLineSeries(chart), QLineSeries(chart)
    for at, _middle, low, high in prediction.path:
        upper.append(_msecs(at), high)
        lower.append(_msecs(at), low)
    band = QAreaSeries(upper, lower)
    band.setParent(chart)
    band.setName("Likely range")
    band.setColor(QColor(212, 53, 28, 50))
    band.setBorderColor(QColor(212, 53, 28, 90))
    return [band, central]


def _threshold_line(
    chart: QChart, history: tuple[SnapshotView, ...], prediction: Forecast | None, threshold: int
) -> QLineSeries:
    line = QLineSeries()
    line.setName(f"{threshold:,} threshold")
    end = prediction.closes_at if prediction else history[-1].at
    line.append(_msecs(history[0].at), threshold)
    line.append(_msecs(end), threshold)
    pen = QPen(QColor("#505a5f") if threshold == THRESHOLDS[0] else QColor("#6f72af"))
    pen.setStyle(Qt.PenStyle.DotLine if threshold == THRESHOLDS[0] else Qt.PenStyle.DashDotLine)
    pen.setWidthF(1.5)
    line.setPen(pen)
    chart.addSeries(line)
    return line


def _add_time_axes(
    chart: QChart, series: list[QLineSeries | QAreaSeries], top: int, palette: QPalette
) -> None:
    x_axis = QDateTimeAxis()
    x_axis.setFormat("d MMM yy")
    x_axis.setTickCount(5)
    y_axis = QValueAxis()
    y_axis.setLabelFormat("%'.0f")
    y_axis.setRange(0, max(10, top * 1.05))
    for axis in (x_axis, y_axis):
        _axis_colours(axis, palette)
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    for s in series:
        s.attachAxis(x_axis)
        s.attachAxis(y_axis)
    y_axis.setRange(0, max(10, top * 1.05))
    y_axis.applyNiceNumbers()


def bar_height(bars: int) -> int:
    """Pixels a bar chart needs to show ``bars`` bars and their labels legibly."""
    return 70 + 26 * max(1, bars)


def bar_chart(
    title: str, counts: tuple[CountView, ...], palette: QPalette, top: int = 10
) -> QChart:
    """Horizontal bars of the largest ``top`` counts, largest at the top."""
    chart = QChart()
    _themed(chart, palette)
    chart.setTitle(title)
    chart.legend().hide()
    largest = sorted(counts, key=lambda c: c.signature_count, reverse=True)[:top]
    largest.reverse()
    bars = QBarSet("Signatures")
    bars.setColor(QColor("#1d70b8"))
    for c in largest:
        bars.append(c.signature_count)
    series = QHorizontalBarSeries()
    series.append(bars)
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    # The figure goes in the label, so every bar can be read exactly without hovering.
    categories.append([f"{c.name} ({c.signature_count:,})" for c in largest])
    values = QValueAxis()
    values.setLabelFormat("%'.0f")
    values.setRange(0, max((c.signature_count for c in largest), default=1) * 1.15)
    for axis in (categories, values):
        _axis_colours(axis, palette)
    chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(categories)
    series.attachAxis(values)
    return chart
