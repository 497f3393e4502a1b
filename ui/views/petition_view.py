"""Everything stored about the selected petition, in four tabs."""

from __future__ import annotations

import html
from datetime import datetime

import shiboken6
from PySide6.QtCharts import QChart
from PySide6.QtCore import QModelIndex, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from caseworker.domain.rules import DEBATE_THRESHOLD, RESPONSE_THRESHOLD
from caseworker.services.dto import PetitionDetail
from ui.latest import Latest
from ui.maps.data import MapData, load_map_data
from ui.maps.members import MembersPanel
from ui.maps.panel import MapPanel
from ui.models.count_table import CountTableModel
from ui.views import sections
from ui.views.charts import ChartView, bar_chart, bar_height, signature_chart
from ui.workers import JobRunner

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
    """Read-only view of one petition; ``show_petition`` fills it from a detail DTO.

    The map and the Members to invite are worked out from the detail in a reader job on
    ``runner`` (the application's, when given; else one of the view's own).
    """

    def __init__(self, parent: QWidget | None = None, runner: JobRunner | None = None) -> None:
        super().__init__(parent)
        self._runner = runner if runner is not None else JobRunner(self)
        self._map_request = Latest()
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
        self.debate_decisions_text = rich_label()
        self.debate_decisions_text.setAccessibleName("The Committee's decisions on a debate")
        self.debate_decisions_text.hide()
        self.forecast_text = rich_label()
        self.history_chart = ChartView("Signatures over time chart")
        self.country_chart = ChartView("Signatures by country chart")
        self.region_chart = ChartView("Signatures by region chart")
        self.constituencies = CountTableModel("Constituency", with_mp=True)
        self.constituency_table = self._sortable_table(
            self.constituencies, "Signatures by constituency"
        )
        self.constituency_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.constituency_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.map_panel = MapPanel()
        self.members = MembersPanel()
        self.seat_tabs = QTabWidget()
        self.seat_tabs.setAccessibleName("Constituencies and Members")
        self._build()
        self.map_panel.seat_chosen.connect(self._on_map_seat_chosen)
        self.constituency_table.selectionModel().currentRowChanged.connect(self._on_table_row)
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
            if name == "MP":  # beside the map the table is narrow: the names share the room
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
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
        self.tabs.addTab(scrolled(self._debate_tab()), "De&bate and business")
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        layout.addWidget(bars)
        layout.addWidget(self.tabs, 1)

    def _debate_tab(self) -> QWidget:
        """The site's debate and business, then the Committee's decisions on a debate."""
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.debate_text)
        layout.addWidget(self.debate_decisions_text)
        layout.addStretch(1)
        return page

    def show_debate_decisions(self, html: str) -> None:
        """The Committee's decisions at 100,000 (``sections.debate_decisions_html``)."""
        self.debate_decisions_text.setText(html)
        self.debate_decisions_text.setVisible(bool(html))

    def _signatures_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.history_chart)
        layout.addWidget(self.forecast_text)
        layout.addWidget(self.country_chart)
        layout.addWidget(self.region_chart)
        layout.addWidget(QLabel("<h3>Where the signatures come from</h3>"))
        layout.addWidget(self._map_and_seats())
        return page

    def _map_and_seats(self) -> QSplitter:
        """The map beside the constituency table (which carries the numbers the colours
        stand for) and the Members to invite."""
        table_page = QWidget()
        table_layout = QVBoxLayout(table_page)
        table_layout.setContentsMargins(0, 0, 0, 0)
        caption = QLabel("Signatures by &constituency (click a heading to sort)")
        caption.setBuddy(self.constituency_table)
        table_layout.addWidget(caption)
        table_layout.addWidget(self.constituency_table)
        self.seat_tabs.addTab(table_page, "Constituencies")
        self.seat_tabs.addTab(scrolled(self.members), "&Members to invite")
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.map_panel)
        splitter.addWidget(self.seat_tabs)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setMinimumHeight(560)
        return splitter

    def clear(self) -> None:
        self.title.setText("<h2>No petition selected</h2>")
        self.facts.setText("Choose a petition in the list to see everything stored about it.")
        for label in (self.petition_text, self.response_text, self.debate_text, self.forecast_text):
            label.setText("")
        self.show_debate_decisions("")
        self.constituencies.set_counts(())
        self._map_request.forget()
        self.map_panel.show_data(None)
        self.members.show_data(None)
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
        self._load_map(d)

    # The map -----------------------------------------------------------------------------------

    def _load_map(self, d: PetitionDetail) -> None:
        self.map_panel.show_loading()
        self.members.show_data(None)
        succeeded, failed = self._map_request.newest(self._show_map, self._map_failed)
        self._runner.read(lambda _p, _c: load_map_data(d), succeeded=succeeded, failed=failed)

    def _show_map(self, data: MapData) -> None:
        if not shiboken6.isValid(self.map_panel):
            return  # the window closed while the map was worked out
        self.map_panel.show_data(data)
        self.members.show_data(data)
        self._on_table_row(self.constituency_table.currentIndex())

    def _map_failed(self, kind: str, message: str) -> None:
        if not shiboken6.isValid(self.map_panel):
            return
        self.map_panel.notes.setText(f"The map could not be drawn ({kind}: {message}).")

    def _on_map_seat_chosen(self, code: str) -> None:
        """A seat clicked on the map is selected in the table (when the breakdown has it)."""
        data = self.map_panel.data
        place = data.row_for_seat(code) if data else None
        row = self.constituencies.row_of(place) if place else None
        self.seat_tabs.setCurrentIndex(0)
        if row is None:
            self.constituency_table.clearSelection()
            return
        self.constituency_table.selectRow(row)
        self.constituency_table.scrollTo(self.constituencies.index(row, 0))

    def _on_table_row(self, current: QModelIndex, _previous: QModelIndex | None = None) -> None:
        """A row chosen in the table outlines its seat on the map."""
        data = self.map_panel.data
        place = self.constituencies.row_at(current.row()) if current.isValid() else None
        self.map_panel.select_seat(data.seat_of_row.get(place) if data and place else None)
