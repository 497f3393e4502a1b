"""Briefing pack…: choose the options, preview the PDF in the dialog, print it, save it as
PDF or as its accessible HTML edition.

Every export runs in the background (ReportLab takes a fraction of a second, a grouped pack a
little more) with the shared progress dialog and Cancel.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTemporaryDir
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from caseworker.briefing import BriefingPack, PackOptions, Section
from caseworker.briefing.html_edition import write_pack_html
from caseworker.briefing.model import DebatedOnDifferentDays
from caseworker.services.briefing import BriefingService, PackResult
from caseworker.services.debates.records import DebateService
from caseworker.services.debates.views import DebateView
from ui.briefing.options_form import PackOptionsForm
from ui.briefing.preview import PreviewPane, print_document
from ui.casework.widgets import ErrorLabel
from ui.dialogs.progress import ProgressJob, run_with_progress
from ui.paths import in_documents, safe_file_name
from ui.workers import JobRunner

PDF_FILTER = "PDF documents (*.pdf)"
HTML_FILTER = "Web pages (*.html)"


#: The record's own facts: the pack takes them from the debate, not the form.
FROM_THE_RECORD = "From the debate record: change it in the debate's own window"


class BriefingDialog(QDialog):
    """Options on the left, the preview on the right; Preview, Print…, Save… and Close.

    Opened for a debate record (``debate_id``, with the debate service to save the clerk's
    summary), the pack is the debate's: its petitions, day, time and Member, the motion and
    the record's sections, with the summary editable beside the options.
    """

    def __init__(
        self,
        parent: QWidget | None,
        service: BriefingService,
        runner: JobRunner,
        petition_ids: Sequence[int],
        *,
        debate_id: int | None = None,
        debates: DebateService | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._runner = runner
        self._debates = debates
        self.debate_id = debate_id
        self.debate: DebateView | None = None
        self.petition_ids = list(petition_ids)
        self._folder = QTemporaryDir()
        self._previews = 0
        self.current: ProgressJob | None = None
        self.last_result: PackResult | None = None
        numbers = ", ".join(str(i) for i in self.petition_ids)
        plural = "s" if len(self.petition_ids) > 1 else ""
        self.setWindowTitle(f"Briefing pack: e-petition{plural} {numbers}")
        self.heading = QLabel(f"<b>e-petition {numbers}</b>")
        self.heading.setWordWrap(True)
        self.warning = ErrorLabel("About these petitions")
        self.form = PackOptionsForm()
        self.preview = PreviewPane()
        self.summary = QPlainTextEdit()
        self.summary.setAccessibleName("Summary for the Member")
        self.summary.setPlaceholderText(
            "What the Member most needs to know, in a few paragraphs: printed under The debate"
        )
        self.save_summary_button = QPushButton("Sa&ve summary")
        self.summary_label = QLabel("Summary from the Committee staff (kept with the debate):")
        self.summary_label.setWordWrap(True)
        self.summary_label.setBuddy(self.summary)
        self.save_summary_button.clicked.connect(self.save_summary)
        self._build_layout()
        if debate_id is not None:
            self._for_debate(debate_id)
        else:
            for widget in (self.summary, self.summary_label, self.save_summary_button):
                widget.setVisible(False)
            self._load_defaults()

    def _build_layout(self) -> None:
        self.preview_button = QPushButton("&Preview")
        self.print_button = QPushButton("Pri&nt…")
        self.save_button = QPushButton("&Save as PDF…")
        self.save_html_button = QPushButton("Save as &HTML…")
        self.save_html_button.setToolTip(
            "The accessible edition: one web page with real headings, tables and charts "
            "described in words, for screen readers and GOV.UK-style publishing"
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        for button in (
            self.preview_button,
            self.print_button,
            self.save_button,
            self.save_html_button,
        ):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.preview_button.setDefault(True)
        self.preview_button.clicked.connect(self.make_preview)
        self.print_button.clicked.connect(self.print_pack)
        self.save_button.clicked.connect(self.save_pack)
        self.save_html_button.clicked.connect(self.save_html)
        buttons.rejected.connect(self.reject)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.heading)
        left_layout.addWidget(self.warning)
        left_layout.addWidget(self.form, 1)
        left_layout.addWidget(self.summary_label)
        left_layout.addWidget(self.summary, 1)
        left_layout.addWidget(self.save_summary_button, 0, Qt.AlignmentFlag.AlignRight)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.preview)
        split.setStretchFactor(1, 1)
        split.setSizes([340, 620])
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        row = QHBoxLayout()
        row.addWidget(buttons)
        layout.addLayout(row)
        self.resize(980, 760)

    def _load_defaults(self) -> None:
        """Fill in the titles, debate date and opening Member from the stored petitions."""
        service, ids = self._service, self.petition_ids

        def work(progress: Any, cancelled: Any) -> tuple[BriefingPack, tuple[Any, ...]]:
            try:
                return service.load_pack(ids), ()
            except DebatedOnDifferentDays as apart:
                # Ask which debate: load it for the first day, and offer the others.
                first = PackOptions(debate_date=apart.days[0][0])
                return service.load_pack(ids, first), apart.days

        self._runner.read(
            work,
            succeeded=lambda loaded: self._show_defaults(*loaded),
            failed=lambda kind, message: self.warning.setText(message),
        )

    def _show_defaults(self, pack: BriefingPack, apart: tuple[Any, ...]) -> None:
        titles = "<br>".join(f"<b>e-petition {p.id}</b>: {_html(p.action)}" for p in pack.petitions)
        self.heading.setText(titles)
        self.form.set_debate_date(pack.debate_date)
        if apart:
            self.form.offer_debates(apart)
            self.warning.setText(
                "These petitions were debated on different days. Choose which debate this "
                "pack is for under Which debate; the pack names the petitions debated on "
                "other days."
            )
        if pack.member and not self.form.member.text():
            self.form.member.setText(pack.member)

    # A debate record -----------------------------------------------------------------------

    def _for_debate(self, debate_id: int) -> None:
        """The pack is the record's: its date, time and Member are not the form's to set."""
        self.setWindowTitle(f"Briefing pack: debate {debate_id}")
        self.heading.setText(f"<b>Debate {debate_id}</b>")
        self.form.sections.show_debate_sections(True)
        for widget in (self.form.debate_date, self.form.no_date, self.form.debate_time):
            widget.setEnabled(False)
            widget.setToolTip(FROM_THE_RECORD)
        self.save_summary_button.setEnabled(False)
        service = self._service
        # Only the record's own facts: related petitions and the rest wait for the preview.
        quick = PackOptions(sections=frozenset({Section.DEBATE}))
        self._runner.read(
            lambda progress, cancelled: service.load_pack_for_debate(debate_id, quick),
            succeeded=self._show_debate,
            failed=lambda kind, message: self.warning.setText(message),
        )

    def _show_debate(self, pack: BriefingPack) -> None:
        debate = pack.debate
        if debate is None:
            return
        self.debate = debate
        self.petition_ids = list(pack.ids)
        self.setWindowTitle(f"Briefing pack: {debate.title}")
        titles = "<br>".join(f"<b>e-petition {p.id}</b>: {_html(p.action)}" for p in pack.petitions)
        self.heading.setText(f"{_html(debate.when)}, {_html(debate.place)}<br>{titles}")
        self.form.set_debate_date(pack.debate_date)
        self.form.debate_date.setEnabled(False)  # "No debate date" turns it back on
        if debate.opening_member is not None and not self.form.member.text():
            self.form.member.setText(debate.opening_member.styled)
        self.summary.setPlainText(debate.summary)
        self.save_summary_button.setEnabled(self._debates is not None)

    def save_summary(self) -> None:
        """Save the summary to the debate record (refused if a colleague changed it)."""
        debates, debate = self._debates, self.debate
        if debates is None or debate is None:
            return
        text = self.summary.toPlainText()
        self.save_summary_button.setEnabled(False)

        def saved(view: DebateView) -> None:
            self.debate = view
            self.warning.setText("")
            self.preview.caption.setText("Summary saved with the debate.")
            self.save_summary_button.setEnabled(True)

        def refused(kind: str, message: str) -> None:
            self.warning.setText(message)
            self.save_summary_button.setEnabled(True)

        self._runner.write(
            lambda progress, cancelled: debates.update(debate.id, debate.version, summary=text),
            succeeded=saved,
            failed=refused,
        )

    def _warn_unsaved_summary(self) -> None:
        if self.debate is not None and self.summary.toPlainText().strip() != self.debate.summary:
            self.warning.setText(
                "The summary has changes not saved: the pack prints the saved summary. "
                "Choose Save summary, then Preview."
            )

    def _options(self) -> PackOptions:
        options = self.form.options()
        if self.debate_id is not None:
            # The record's day and time; the form shows them only.
            return PackOptions(
                sections=options.sections, member=options.member, reference=options.reference
            )
        return options

    # Exports -------------------------------------------------------------------------------

    def _export(self, path: Path, then: Callable[[PackResult], None], title: str) -> ProgressJob:
        self._warn_unsaved_summary()
        service, ids, options = self._service, self.petition_ids, self._options()
        debate_id = self.debate_id

        def work(progress: Any, cancelled: Any) -> PackResult:
            if debate_id is not None:
                return service.write_pack_for_debate(
                    debate_id, path, options, progress=progress, cancelled=cancelled
                )
            return service.write_pack(ids, path, options, progress=progress, cancelled=cancelled)

        def done(job: ProgressJob, result: PackResult | None) -> None:
            if job.error:
                QMessageBox.critical(self, "The briefing pack was not written", job.error[1])
            elif result is not None:
                self.last_result = result
                then(result)

        self.current = run_with_progress(self, title, self._runner, work, done)
        return self.current

    def _preview_path(self) -> Path:
        # A new name each time: the previous file may still be open in the viewer.
        self._previews += 1
        return Path(self._folder.path()) / f"preview-{self._previews}.pdf"

    def make_preview(self) -> ProgressJob:
        return self._export(self._preview_path(), self._show_preview, "Making the preview")

    def _show_preview(self, result: PackResult) -> None:
        self.preview.show_file(result.path)

    def print_pack(self) -> ProgressJob:
        """Make the pack with the current options, show it, then offer the print dialog."""

        def then(result: PackResult) -> None:
            if self.preview.show_file(result.path):
                self._ask_and_print()

        return self._export(self._preview_path(), then, "Preparing to print")

    def _ask_and_print(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        # The print dialog offers "<doc name>.pdf" when printing to a file: no colon in it.
        name = safe_file_name(self.windowTitle())
        printer.setDocName(name)
        printer.setOutputFileName(in_documents(f"{name}.pdf"))
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, self.preview.document.pageCount())
        if dialog.exec() == QDialog.DialogCode.Accepted:
            # Qt's printer is driven from this thread; a busy cursor shows the few seconds
            # an 18-page pack takes to draw.
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                print_document(self.preview.document, printer)
            finally:
                QGuiApplication.restoreOverrideCursor()

    def save_pack(self) -> ProgressJob | None:
        suggested = f"briefing-{'-'.join(str(i) for i in self.petition_ids[:3])}.pdf"
        name, _ = QFileDialog.getSaveFileName(
            self, "Save the briefing pack", in_documents(suggested), PDF_FILTER
        )
        if not name:
            return None
        return self.save_to(Path(name))

    def save_to(self, path: Path) -> ProgressJob:
        def then(result: PackResult) -> None:
            # Not loaded into the preview: the viewer would keep the saved file open.
            self.preview.caption.setText(f"Saved to {result.path} ({result.pages} pages).")

        return self._export(path, then, "Saving the briefing pack")

    def save_html(self) -> ProgressJob | None:
        suggested = f"briefing-{'-'.join(str(i) for i in self.petition_ids[:3])}.html"
        name, _ = QFileDialog.getSaveFileName(
            self, "Save the accessible HTML edition", in_documents(suggested), HTML_FILTER
        )
        if not name:
            return None
        return self.save_html_to(Path(name))

    def save_html_to(self, path: Path) -> ProgressJob:
        """Write the HTML edition with the current options, off the window's thread."""
        service, ids, options = self._service, self.petition_ids, self._options()
        debate_id = self.debate_id

        def work(progress: Any, cancelled: Any) -> Path:
            progress(0, 0, "Reading the petitions")
            if debate_id is not None:
                pack = service.load_pack_for_debate(debate_id, options)
            else:
                pack = service.load_pack(ids, options)
            write_pack_html(pack, path)
            return path

        def done(job: ProgressJob, result: Path | None) -> None:
            if job.error:
                QMessageBox.critical(self, "The HTML edition was not written", job.error[1])
            elif result is not None:
                self.preview.caption.setText(f"Saved the HTML edition to {result}.")

        self.current = run_with_progress(self, "Saving the HTML edition", self._runner, work, done)
        return self.current

    def done(self, result: int) -> None:
        self.preview.clear()
        super().done(result)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
