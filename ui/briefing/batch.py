"""Briefing packs for a date range…: every debate held or scheduled in the range, one PDF
each, into a folder."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from caseworker.briefing import PackOptions
from caseworker.formatting import short_date
from caseworker.services.briefing import BatchResult, BriefingService, DebateGroup
from ui.briefing.options_form import SectionChoice
from ui.dates import date_edit, from_qdate
from ui.dialogs.progress import ProgressJob, run_with_progress
from ui.latest import Latest
from ui.paths import documents_folder
from ui.workers import JobRunner


class BatchDialog(QDialog):
    def __init__(self, parent: QWidget | None, service: BriefingService, runner: JobRunner) -> None:
        super().__init__(parent)
        self.setWindowTitle("Briefing packs for a date range")
        self._service = service
        self._runner = runner
        self._latest = Latest()  # a range changed again meanwhile: drop the older answer
        self.current: ProgressJob | None = None
        self.written: BatchResult | None = None
        today = date.today()
        self.first = date_edit(today)
        self.last = date_edit(today + timedelta(days=28))
        self.folder = QLineEdit()
        self.folder.setAccessibleName("Folder for the packs")
        browse = QPushButton("&Browse…")
        browse.clicked.connect(self._choose_folder)
        self.sections = SectionChoice()
        self.debates = QListWidget()
        self.debates.setAccessibleName("Debates in the range")
        self.found = QLabel()
        self._build_layout(browse)
        self.first.dateChanged.connect(self.refresh_debates)
        self.last.dateChanged.connect(self.refresh_debates)
        self.refresh_debates()

    def _build_layout(self, browse: QPushButton) -> None:
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        form = QFormLayout()
        form.addRow("&From:", self.first)
        form.addRow("&To:", self.last)
        # A row holding a layout gets no buddy from the form: without one, the label would
        # show its "&" instead of underlining the o.
        folder_label = QLabel("F&older:")
        folder_label.setBuddy(self.folder)
        form.addRow(folder_label, folder_row)
        self.make_button = QPushButton("&Make packs")
        self.make_button.setDefault(True)
        self.make_button.clicked.connect(self.make_packs)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.make_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.found)
        layout.addWidget(self.debates, 1)
        layout.addWidget(self.sections)
        layout.addWidget(buttons)
        self.resize(560, 620)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, "Folder for the briefing packs", self.folder.text() or documents_folder()
        )
        if folder:
            self.folder.setText(folder)

    def refresh_debates(self) -> None:
        """List the debates in the range (in the background; late answers are dropped)."""
        service = self._service
        first, last = from_qdate(self.first.date()), from_qdate(self.last.date())
        self._runner.read(
            lambda p, c: service.debates_between(first, last),
            succeeded=self._latest.only_newest(self._show_debates),
            failed=lambda kind, message: self.found.setText(message),
        )

    def _show_debates(self, groups: list[DebateGroup]) -> None:
        self.debates.clear()
        for group in groups:
            numbers = ", ".join(str(i) for i in group.petition_ids)
            when = short_date(group.debate_date)
            self.debates.addItem(f"{when}  e-petition {numbers}: {group.titles[0]}")
        count = len(groups)
        plural = "s" if count != 1 else ""
        self.found.setText(f"{count} debate{plural} in the range: {count} pack{plural} to make")
        self.make_button.setEnabled(count > 0)

    def make_packs(self) -> ProgressJob | None:
        folder = self.folder.text().strip()
        if not folder:
            QMessageBox.information(self, "Choose a folder", "Choose the folder for the packs.")
            return None
        service, target = self._service, Path(folder)
        first, last = from_qdate(self.first.date()), from_qdate(self.last.date())
        options = PackOptions(sections=self.sections.chosen())

        def work(progress: Any, cancelled: Any) -> BatchResult:
            return service.write_batch(
                first, last, target, options, progress=progress, cancelled=cancelled
            )

        self.current = run_with_progress(
            self, "Making briefing packs", self._runner, work, self._on_done
        )
        return self.current

    def _on_done(self, job: ProgressJob, result: BatchResult | None) -> None:
        if job.error:
            QMessageBox.critical(self, "Packs not written", job.error[1])
            return
        if result is None:
            self.found.setText("Cancelled: packs already written are kept.")
            return
        self.written = result
        self.found.setText(f"{len(result.packs)} packs written to {self.folder.text()}.")
