"""Issue 13: the engagement window: the call, a CSV import (columns chosen over a preview,
off the GUI thread, bad rows reported by line), paged responses, tagging by key, menu and
toolbar with live counts, and quotations."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QMenu, QTableWidget
from pytestqt.qtbot import QtBot

from caseworker.services.debates.engagement import EngagementService
from caseworker.services.debates.engagement_csv import Columns, CsvPreview
from ui.context import AppContext
from ui.engagement import EngagementWindow
from ui.engagement.import_dialogs import ColumnChooser
from ui.engagement.responses_model import PAGE_SIZE

SURVEY = (
    "Response ID,Submitted,Tell us about your experience,Postcode area\n"
    "1,12/05/2025 09:14,The last bus leaves at 5pm.,Leeds\n"
    "2,31/02/2025,Fares have doubled.,York\n"
    '3,14/05/2025,"I cannot get to hospital.\nThe route was cut.",Truro\n'
    "4,15/05/2025,The Sunday service matters.,Hexham\n"
)
COLUMNS = Columns("Tell us about your experience", "Submitted", "Postcode area")


@pytest.fixture
def debate_id(context: AppContext) -> int:
    # Petition 400 has 120,000 signatures in the UI tests' database.
    return context.debates.debates.schedule([400], day=date(2025, 7, 14)).id


@pytest.fixture
def service(context: AppContext) -> EngagementService:
    return EngagementService(context.database)


@pytest.fixture
def called(service: EngagementService, debate_id: int) -> int:
    service.save_call(debate_id, title="Share your experiences of rural buses")
    return debate_id


def open_window(qtbot: QtBot, context: AppContext, debate_id: int) -> EngagementWindow:
    window = EngagementWindow(context, debate_id)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.windowTitle().startswith("Public engagement: e-petition"),
                    timeout=30_000)  # fmt: skip
    return window


def loaded(qtbot: QtBot, window: EngagementWindow, rows: int) -> None:
    qtbot.waitUntil(
        lambda: window.model.rowCount() == rows and window.model.total is not None
        and not window.model.is_loading,
        timeout=30_000,
    )  # fmt: skip


def cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text() if item is not None else ""


def select_rows(window: EngagementWindow, *rows: int) -> None:
    selection = window.table.selectionModel()
    selection.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in rows:
        selection.select(window.model.index(row, 0), flags)


def test_the_call_is_saved_from_the_form_and_refused_by_field(
    qtbot: QtBot, context: AppContext, debate_id: int, service: EngagementService
) -> None:
    window = open_window(qtbot, context, debate_id)
    assert not window.actions_by_key["import"].isEnabled()
    assert "No call recorded yet" in window.call.status.text()
    form = window.call
    form.call_title.setText("Share your experiences of rural buses")
    form.opens_on.setText("30 May 2025")
    form.closes_on.setText("10 May 2025")
    assert window.save_call() is None
    assert "cannot close (10 May 2025) before it opens" in form.errors["closes_on"].text()
    form.closes_on.setText("31/06/2025")
    assert window.save_call() is None
    assert "not a date in the calendar" in form.errors["closes_on"].text()
    assert service.get(debate_id) is None
    form.closes_on.setText("2025-06-30")
    form.declared.setValue(1_204)
    saved = window.save_call()
    assert saved is not None and (saved.closes_on, saved.responses) == (date(2025, 6, 30), 1_204)
    assert not form.errors["closes_on"].isVisible()
    qtbot.waitUntil(lambda: window.actions_by_key["import"].isEnabled(), timeout=30_000)
    # A colleague's later save: this copy is refused, the clerk's text stays in the form.
    stored = service.get(debate_id)
    assert stored is not None
    service.save_call(debate_id, title="Their title", expected_version=stored.version)
    form.call_title.setText("My title")
    assert window.save_call() is None
    assert "was changed by" in form.error.text() and form.call_title.text() == "My title"


def test_import_reports_bad_rows_then_imports_without_them(
    qtbot: QtBot, context: AppContext, called: int, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    path = tmp_path / "survey.csv"
    path.write_text(SURVEY, encoding="utf-8")
    seen: list[CsvPreview] = []

    def choose(parent: object, preview: CsvPreview) -> Columns:
        seen.append(preview)
        return COLUMNS

    monkeypatch.setattr(ColumnChooser, "ask", staticmethod(choose))
    window = open_window(qtbot, context, called)
    window.choose_columns(path)
    qtbot.waitUntil(lambda: window.last_report is not None, timeout=30_000)
    assert seen[0].columns[2] == "Tell us about your experience"
    report = window.last_report
    assert report is not None and report.refused and report.stored == 0
    dialog = window.report_dialog
    assert dialog is not None and dialog.isVisible()
    assert "line 3: the date '31/02/2025' is not a date" in dialog.text.toPlainText()
    assert dialog.skip_button is not None
    dialog.skip_button.click()
    qtbot.waitUntil(lambda: window.last_report is not report, timeout=30_000)
    assert window.last_report is not None and window.last_report.stored == 3
    loaded(qtbot, window, 3)
    assert window.model.index(1, 2).data() == "Truro"
    assert window.model.index(1, 4).data() == "I cannot get to hospital. The route was cut."
    qtbot.waitUntil(lambda: window.show_box.itemText(1) == "No theme yet (3)", timeout=30_000)


def test_a_file_that_is_not_csv_is_said_in_the_banner(
    qtbot: QtBot, context: AppContext, called: int, tmp_path: Path
) -> None:
    path = tmp_path / "survey.xlsx"
    path.write_bytes(b"PK\x03\x04\x00\x00")
    window = open_window(qtbot, context, called)
    window.choose_columns(path)
    qtbot.waitUntil(lambda: "not a CSV file" in window.banner.text(), timeout=30_000)
    assert "survey.xlsx" in window.banner.text()


def test_tagging_by_key_menu_and_toolbar_updates_counts_and_filters(
    qtbot: QtBot, context: AppContext, called: int, service: EngagementService, tmp_path: Path
) -> None:
    path = tmp_path / "survey.csv"
    path.write_text(SURVEY, encoding="utf-8")
    service.import_csv(called, path, text_column=COLUMNS.text, date_column=COLUMNS.date,
                       skip_bad=True)  # fmt: skip
    window = open_window(qtbot, context, called)
    loaded(qtbot, window, 3)
    assert window.themes.add("Getting to work") is not None
    assert window.themes.add("Health") is not None
    assert window.themes.add("health") is None  # refused: said in the banner
    assert "already a theme 'Health'" in window.banner.text()
    qtbot.waitUntil(lambda: window.tag_box.count() == 2, timeout=30_000)

    select_rows(window, 0, 2)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_1)  # type: ignore[no-untyped-call]
    assert window.model.index(0, 3).data() == "Getting to work"
    qtbot.waitUntil(lambda: [t.count for t in window.themes.themes] == [2, 0], timeout=30_000)
    assert (cell(window.themes.table, 0, 0), cell(window.themes.table, 0, 2)) == ("1", "2")

    select_rows(window, 1)
    menu = window._response_menu()
    tag_menu = menu.actions()[0].menu()
    assert isinstance(tag_menu, QMenu)
    assert [a.text() for a in tag_menu.actions()] == ["&1 Getting to work", "&2 Health"]
    tag_menu.actions()[1].trigger()
    assert window.model.index(1, 3).data() == "Health"
    assert "I cannot get to hospital." in window.response_text.toPlainText()

    window.tag_box.setCurrentIndex(0)
    select_rows(window, 2)
    window.actions_by_key["untag"].trigger()
    assert window.model.index(2, 3).data() == ""
    qtbot.waitUntil(lambda: window.show_box.itemText(1) == "No theme yet (1)", timeout=30_000)

    window.show_box.setCurrentIndex(1)
    window.apply_filter()
    loaded(qtbot, window, 1)
    assert window.model.index(0, 4).data() == "The Sunday service matters."
    window.show_box.setCurrentIndex(0)
    window.search.setText("hospital")
    window.apply_filter()
    loaded(qtbot, window, 1)
    assert window.shown.text() == "1 response"


def test_quotations_from_a_response_marked_and_removed(
    qtbot: QtBot, context: AppContext, called: int, service: EngagementService, tmp_path: Path
) -> None:
    path = tmp_path / "survey.csv"
    path.write_text(SURVEY, encoding="utf-8")
    service.import_csv(called, path, text_column=COLUMNS.text, date_column=COLUMNS.date,
                       location_column=COLUMNS.location, skip_bad=True)  # fmt: skip
    window = open_window(qtbot, context, called)
    loaded(qtbot, window, 3)
    select_rows(window, 0)
    quote = window.quote_response({"body": "The last bus leaves at 5pm.", "source": "",
                                   "may_quote": False, "theme_id": None})  # fmt: skip
    assert quote is not None and quote.source == "Survey response, Leeds, 12 May 2025"
    qtbot.waitUntil(lambda: window.quotes.table.rowCount() == 1, timeout=30_000)
    assert cell(window.quotes.table, 0, 3) == "No"
    window.quotes.table.selectRow(0)
    assert window.quotes.buttons["consent"].isEnabled()
    window.quotes.buttons["consent"].click()
    qtbot.waitUntil(lambda: cell(window.quotes.table, 0, 3) == "Yes", timeout=30_000)
    findings = service.findings(called)
    assert findings is not None and findings.other_quotations[0].may_quote
    window.quotes.table.selectRow(0)
    assert window.remove_quote()
    qtbot.waitUntil(lambda: window.quotes.table.rowCount() == 0, timeout=30_000)


def test_responses_are_paged_and_the_model_is_sound(
    qtbot: QtBot, qtmodeltester: object, context: AppContext, called: int,
    service: EngagementService, tmp_path: Path,
) -> None:  # fmt: skip
    count = PAGE_SIZE * 2 + 50
    path = tmp_path / "many.csv"
    path.write_text("Text\n" + "".join(f"Answer {n}\n" for n in range(count)), encoding="utf-8")
    service.import_csv(called, path, text_column="Text")
    window = open_window(qtbot, context, called)
    loaded(qtbot, window, PAGE_SIZE)
    assert window.shown.text() == f"{PAGE_SIZE} of {count} responses loaded"
    qtmodeltester.check(window.model)  # type: ignore[attr-defined]
    while True:  # the tester may have asked for a page itself: wait for it first
        qtbot.waitUntil(lambda: not window.model.is_loading, timeout=30_000)
        if not window.model.canFetchMore():
            break
        window.model.fetchMore()
    assert window.model.rowCount() == count
    assert window.shown.text() == f"{count} responses"
    qtmodeltester.check(window.model)  # type: ignore[attr-defined]


def test_the_column_chooser_guesses_from_names_and_lengths() -> None:
    named = CsvPreview("a.csv", "UTF-8", ("ID", "Date submitted", "Your views", "Postcode"),
                       (("1", "12/05/2025", "Long text here", "LS1"),))  # fmt: skip
    chooser = ColumnChooser(None, named)
    assert chooser.columns() == Columns("Your views", "Date submitted", "Postcode")
    unnamed = CsvPreview("b.csv", "UTF-8", ("A", "B"), (("1", "A long answer"),))
    chooser = ColumnChooser(None, unnamed)
    assert chooser.columns() == Columns("B", None, None)


def test_shown_again_the_window_reads_what_changed_meanwhile(
    qtbot: QtBot, context: AppContext, called: int, service: EngagementService
) -> None:
    window = open_window(qtbot, context, called)
    qtbot.waitUntil(lambda: window.view is not None, timeout=30_000)
    window.close()
    service.add_theme(called, "Cost of fares")
    window.show()
    qtbot.waitUntil(lambda: [t.name for t in window.themes.themes] == ["Cost of fares"],
                    timeout=30_000)  # fmt: skip
