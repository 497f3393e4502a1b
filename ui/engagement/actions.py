"""What the engagement window does with quotations and imports (the window composes them
with its layout, ``ui.engagement.window``): quote the chosen response, edit a quotation, mark
whether it may be quoted; import a survey's CSV off the GUI thread with progress, then
report bad rows by line and offer to leave them out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from caseworker.formatting import counted
from caseworker.services.debates.engagement import EngagementService
from caseworker.services.debates.engagement_csv import Columns, CsvPreview
from caseworker.services.debates.engagement_views import (
    EngagementView,
    ImportReport,
    QuoteView,
    ResponseView,
)
from ui.casework.widgets import ErrorLabel
from ui.context import AppContext
from ui.dialogs.progress import ProgressJob, run_with_progress
from ui.engagement.edits import EngagementEdits
from ui.engagement.import_dialogs import ColumnChooser, ImportReportDialog
from ui.engagement.quotes_panel import QuoteDialog, QuotesPanel
from ui.engagement.responses_model import ResponsesModel
from ui.engagement.themes_panel import ThemesPanel
from ui.paths import documents_folder


class _WindowParts:
    """What the actions use of the window that mixes them in."""

    _context: AppContext
    debate_id: int
    service: EngagementService
    edits: EngagementEdits
    view: EngagementView | None
    banner: ErrorLabel
    model: ResponsesModel
    themes: ThemesPanel
    quotes: QuotesPanel

    def _widget(self) -> QWidget:
        raise NotImplementedError

    def selected_response(self) -> ResponseView | None:
        raise NotImplementedError

    def reload_all(self) -> None:
        raise NotImplementedError


class QuoteActions(_WindowParts):
    def quote_response(self, values: dict[str, Any] | None = None) -> QuoteView | None:
        """Quote the selected response; ``values`` as the quotation dialog gives them (the
        dialog asks when they are not given)."""
        response = self.selected_response()
        if response is None:
            return None
        if values is None:
            ids = {t.name: t.id for t in self.themes.themes}
            theme = ids.get(response.themes[0]) if response.themes else None
            values = self._ask_quote("Quote a response", body=response.body,
                                     source=response.credit, theme_id=theme)  # fmt: skip
            if values is None:
                return None
        service, debate_id, fields = self.service, self.debate_id, dict(values)
        body = fields.pop("body")
        return self.edits.run("The quotation was not added", lambda: service.add_quote(
            debate_id, body, response_id=response.id, **fields))  # fmt: skip

    def edit_quote(self, values: dict[str, Any] | None = None) -> QuoteView | None:
        quote = self.quotes.selected()
        if quote is None:
            return None
        if values is None:
            values = self._ask_quote(
                "Edit quotation", body=quote.body, source=quote.source,
                may_quote=quote.may_quote, theme_id=quote.theme_id,
            )  # fmt: skip
            if values is None:
                return None
        service, changes = self.service, dict(values)
        return self.edits.run("The quotation was not saved",
                              lambda: service.update_quote(quote.id, **changes))  # fmt: skip

    def toggle_may_quote(self) -> QuoteView | None:
        quote = self.quotes.selected()
        if quote is None:
            return None
        return self.edit_quote({"may_quote": not quote.may_quote})

    def remove_quote(self) -> bool:
        quote = self.quotes.selected()
        if quote is None:
            return False
        service = self.service

        def remove() -> bool:
            service.delete_quote(quote.id)
            return True

        return bool(self.edits.run("The quotation was not removed", remove))

    def _ask_quote(self, title: str, **known: Any) -> dict[str, Any] | None:
        dialog = QuoteDialog(self._widget(), title=title, themes=self.themes.themes, **known)
        return dialog.values() if dialog.exec() else None


class ImportActions(_WindowParts):
    last_report: ImportReport | None = None
    import_job: ProgressJob | None = None
    report_dialog: ImportReportDialog | None = None

    def import_responses(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self._widget(),
            "Import responses",
            documents_folder(),
            "CSV files (*.csv *.txt);;All files (*)",
        )
        if name:
            self.choose_columns(Path(name))

    def choose_columns(self, path: Path) -> None:
        """Read the file's columns off the GUI thread, then ask which to import."""
        service = self.service
        self._context.runner.read(
            lambda progress, cancelled: service.csv_columns(path),
            succeeded=lambda preview: self._columns_read(path, preview),
            failed=lambda _kind, message: self.banner.say(message),
        )

    def _columns_read(self, path: Path, preview: CsvPreview) -> None:
        columns = ColumnChooser.ask(self._widget(), preview)
        if columns is not None:
            self.start_import(path, columns)

    def start_import(self, path: Path, columns: Columns, *, skip_bad: bool = False) -> ProgressJob:
        service, debate_id = self.service, self.debate_id
        self.banner.say("")

        def work(progress: Any, cancelled: Any) -> ImportReport:
            return service.import_csv(
                debate_id, path, text_column=columns.text, date_column=columns.date,
                location_column=columns.location, skip_bad=skip_bad, progress=progress,
                cancelled=cancelled,
            )  # fmt: skip

        self.import_job = run_with_progress(
            self._widget(), f"Importing {path.name}", self._context.runner, work,
            lambda job, report: self._imported(job, report, path, columns),
        )  # fmt: skip
        return self.import_job

    def _imported(self, job: ProgressJob, report: ImportReport | None, path: Path,
                  columns: Columns) -> None:  # fmt: skip
        if job.error is not None:
            self.banner.say(f"Nothing imported from {path.name}: {job.error[1]}")
            return
        if report is None:
            self.banner.say(f"Import of {path.name} cancelled: nothing was stored.")
            return
        self.last_report = report
        self.report_dialog = ImportReportDialog(self._widget(), report)
        self.report_dialog.skip_bad_requested.connect(
            lambda: self.start_import(path, columns, skip_bad=True)
        )
        self.report_dialog.show()
        if report.stored:
            self.reload_all()

    def clear_responses(self, confirmed: bool = False) -> int | None:
        if self.view is None or not self.view.imported:
            return None
        if not confirmed:
            answer = QMessageBox.question(
                self._widget(), "Remove all responses",
                f"Remove all {counted(self.view.imported, 'response')} and their tags? "
                "Quotations stay. Import the file again to bring them back.",
            )  # fmt: skip
            if answer != QMessageBox.StandardButton.Yes:
                return None
        service, debate_id = self.service, self.debate_id
        gone = self.edits.run("The responses were not removed",
                              lambda: service.clear_responses(debate_id))  # fmt: skip
        if gone is not None:
            self.model.reload()
        return gone
