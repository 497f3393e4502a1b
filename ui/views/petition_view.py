"""Everything stored about the selected petition, in four tabs."""

from __future__ import annotations

import html
from datetime import datetime

from PySide6.QtCharts import QChart
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from caseworker.domain.rules import DEBATE_THRESHOLD, RESPONSE_THRESHOLD
from caseworker.services.dto import PetitionDetail
from ui.models.count_table import CountTableModel
from ui.views import sections
from ui.views.charts import ChartView, bar_chart, bar_height, signature_chart

SAFE_SCHEMES = ("http", "https")


def open_link(url: str) -> bool:
    """Open a link in the browser, but only an http or https one."""
    target = QUrl(url)
    if target.scheme().lower() not in SAFE_SCHEMES or not target.host():
        return False
    return QDesktopServices.openUrl(target)


def rich_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse
        | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        | Qt.TextInteractionFlag.LinksAccessibleByMouse
    )  # fmt: skip
    label.setOpenExternalLinks(False)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    label.linkActivated.connect(open_link)
    return label


def scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(widget)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    return area


class DetailTabs(QTabWidget):
    """Tabs whose pages scroll: a page wider or taller than the room it has (the Review tab's
    form, say) gets scroll bars instead of forcing the window larger."""

    def addTab(self, page: QWidget, label: str) -> int:  # type: ignore[override]
        return super().addTab(page if isinstance(page, QScrollArea) else scrolled(page), label)

    def page(self, index: int) -> QWidget | None:
        """The page as added (inside its scroll area)."""
        area = self.widget(index)
        return area.widget() if isinstance(area, QScrollArea) else area


class ThresholdBar(QWidget):
    def __init__(self, threshold: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.threshold = threshold
        self.bar = QProgressBar()
        self.bar.setRange(0, threshold)
        self.bar.setAccessibleName(f"Progress to {threshold:,} signatures")
        self.caption = QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.bar)

    def show_progress(self, count: int, crossed_at: datetime | None) -> None:
        self.bar.setValue(min(count, self.threshold))
        self.bar.setFormat(f"{min(count / self.threshold, 1.0):.0%}")
        if crossed_at is not None:
            self.caption.setText(f"✓ Crossed {self.threshold:,} on {sections.when(crossed_at)}")
        else:
            self.caption.setText(f"{count:,} of {self.threshold:,} signatures")


class PetitionView(QWidget):
    """Read-only view of one petition; ``show_petition`` fills it from a detail DTO."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = rich_label()
        self.title.setAccessibleName("Petition title")
        self.facts = rich_label()
        self.response_bar = ThresholdBar(RESPONSE_THRESHOLD)
        self.debate_bar = ThresholdBar(DEBATE_THRESHOLD)
        self.tabs = DetailTabs()
        self.tabs.setAccessibleName("Petition details")
        self.petition_text = rich_label()
        self.response_text = rich_label()
        self.debate_text = rich_label()
        self.forecast_text = rich_label()
        self.history_chart = ChartView("Signatures over time chart")
        self.country_chart = ChartView("Signatures by country chart")
        self.region_chart = ChartView("Signatures by region chart")
        self.constituencies = CountTableModel("Constituency", with_mp=True)
        self.constituency_table = self._sortable_table(
            self.constituencies, "Signatures by constituency"
        )
        self._build()
        self.clear()

    def _sortable_table(self, model: CountTableModel, name: str) -> QTableView:
        table = QTableView()
        table.setModel(model)
        table.setSortingEnabled(True)
        table.sortByColumn(model.columnCount() - 2, Qt.SortOrder.DescendingOrder)
        table.setAccessibleName(name)
        table.verticalHeader().hide()
        table.setWordWrap(False)
        # Fixed widths from the font: measuring 650 rows on every petition would stall the
        # window for a tenth of a second.
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        widths = {"MP": 30, "Signatures": 11, "Share": 7}
        for column in range(1, model.columnCount()):
            name = str(model.headerData(column, Qt.Orientation.Horizontal))
            chars = widths.get(name, 12)
            table.setColumnWidth(column, table.fontMetrics().horizontalAdvance("0" * chars) + 16)
        table.setMinimumHeight(260)
        return table

    def _build(self) -> None:
        bars = QWidget()
        bars_layout = QHBoxLayout(bars)
        bars_layout.setContentsMargins(0, 0, 0, 0)
        bars_layout.addWidget(self.response_bar)
        bars_layout.addWidget(self.debate_bar)
        self.tabs.addTab(scrolled(self.petition_text), "&Petition")
        self.tabs.addTab(scrolled(self._signatures_tab()), "Si&gnatures")
        self.tabs.addTab(scrolled(self.response_text), "&Response")
        self.tabs.addTab(scrolled(self.debate_text), "De&bate and business")
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        layout.addWidget(bars)
        layout.addWidget(self.tabs, 1)

    def _signatures_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.history_chart)
        layout.addWidget(self.forecast_text)
        layout.addWidget(self.country_chart)
        layout.addWidget(self.region_chart)
        caption = QLabel("Signatures by &constituency (click a heading to sort)")
        caption.setBuddy(self.constituency_table)
        layout.addWidget(caption)
        layout.addWidget(self.constituency_table)
        return page

    def clear(self) -> None:
        self.title.setText("<h2>No petition selected</h2>")
        self.facts.setText("Choose a petition in the list to see everything stored about it.")
        for label in (self.petition_text, self.response_text, self.debate_text, self.forecast_text):
            label.setText("")
        self.constituencies.set_counts(())
        for chart in (self.history_chart, self.country_chart, self.region_chart):
            chart.setChart(QChart())  # the previous petition's figures must not stay
        self.tabs.setEnabled(False)
        for bar in (self.response_bar, self.debate_bar):
            bar.show_progress(0, None)
            bar.setVisible(False)

    def show_petition(self, d: PetitionDetail) -> None:
        self.tabs.setEnabled(True)
        demo = " <i>(demo data)</i>" if d.is_demo else ""
        self.title.setText(f"<h2>{html.escape(d.action)}</h2>")
        self.facts.setText(sections.facts_html(d) + demo)
        self.response_bar.show_progress(d.signature_count, d.response_threshold_reached_at)
        self.debate_bar.show_progress(d.signature_count, d.debate_threshold_reached_at)
        for bar in (self.response_bar, self.debate_bar):
            bar.setVisible(d.state != "rejected")
        self.petition_text.setText(sections.petition_html(d))
        self.response_text.setText(sections.responses_html(d))
        self.debate_text.setText(sections.debate_html(d))
        self.forecast_text.setText(sections.forecast_html(d))
        palette = self.palette()
        self.history_chart.setChart(signature_chart(d.signature_history, d.forecast, palette))
        as_at = ""
        if d.breakdowns_as_of is not None and d.breakdowns_as_of != d.updated_at:
            as_at = f" (as at {sections.when(d.breakdowns_as_of)})"
        # The UK dwarfs every other country; its total is in the facts line and the regions.
        abroad = tuple(
            c for c in d.signatures_by_country if c.code != "GB" and c.name != "United Kingdom"
        )
        self.country_chart.setChart(
            bar_chart("Top countries outside the UK" + as_at, abroad, palette)
        )
        self.region_chart.setChart(
            bar_chart("UK regions and nations" + as_at, d.signatures_by_region, palette, 12)
        )
        self.country_chart.setMinimumHeight(bar_height(min(10, len(abroad))))
        self.country_chart.setVisible(bool(abroad))
        self.region_chart.setMinimumHeight(bar_height(min(12, len(d.signatures_by_region))))
        self.region_chart.setVisible(bool(d.signatures_by_region))
        self.constituencies.set_counts(d.signatures_by_constituency)
