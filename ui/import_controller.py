"""File > Import… and demo data: pick captures, run in the background, report the outcome."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from caseworker.importing.importer import ImportSummary
from ui.context import AppContext
from ui.dialogs.progress import ProgressJob, run_with_progress
from ui.paths import documents_folder

CAPTURE_FILTER = "Petition captures (*.json *.zip);;All files (*)"
DEMO_PETITIONS = 3000
IMPORT_TITLE = "Importing captures"


class ImportController(QObject):
    #: Emitted after any import or demo generation that may have changed the data.
    data_changed = Signal()

    def __init__(self, parent: QWidget, context: AppContext) -> None:
        super().__init__(parent)
        self._parent = parent
        self._context = context
        self.current: ProgressJob | None = None
        self.quitting = False

    def running(self) -> bool:
        return self.current is not None and not self.current.finished

    def _busy(self) -> bool:
        """True (and the running job's dialog brought forward) if an import or demo runs."""
        if self.current is not None and self.running():
            self.current.dialog.show()
            self.current.dialog.raise_()
            return True
        return False

    def choose_files(self) -> None:
        if self._busy():
            return
        files, _ = QFileDialog.getOpenFileNames(
            self._parent, "Import petition captures", documents_folder(), CAPTURE_FILTER
        )
        if files:
            self.start_import([Path(f) for f in files])

    def choose_folder(self) -> None:
        if self._busy():
            return
        folder = QFileDialog.getExistingDirectory(
            self._parent, "Import a folder of captures", documents_folder()
        )
        if folder:
            self.start_import([Path(folder)])

    def stop_for_quit(self) -> bool:
        """Before the window closes: True to go on (nothing runs, or the clerk cancels it)."""
        if self.current is None or not self.running():
            return True
        what = "An import" if self.current.dialog.windowTitle() == IMPORT_TITLE else "A demo load"
        answer = QMessageBox.question(
            self._parent, "Quit", f"{what} is running: cancel it and quit?"
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.quitting = True  # no "cancelled" message for a window that is going
        self.current.cancel()
        return True

    def start_import(self, paths: list[Path]) -> ProgressJob:
        service = self._context.imports

        def work(progress: Any, cancelled: Any) -> ImportSummary:
            return service.import_paths(paths, progress=progress, cancelled=cancelled)

        self.current = run_with_progress(
            self._parent, IMPORT_TITLE, self._context.runner, work, self._on_imported
        )
        return self.current

    def start_demo(self, petitions: int = DEMO_PETITIONS) -> ProgressJob:
        service = self._context.imports

        def work(progress: Any, cancelled: Any) -> int:
            return service.generate_demo(petitions, progress=progress, cancelled=cancelled)

        self.current = run_with_progress(
            self._parent, "Generating demo data", self._context.runner, work, self._on_demo
        )
        return self.current

    def _on_imported(self, job: ProgressJob, summary: ImportSummary | None) -> None:
        if self.quitting:
            return  # the window is closing: nothing to refresh or report
        self.data_changed.emit()
        if job.error:
            QMessageBox.critical(self._parent, "Import failed", job.error[1])
            return
        if job.was_cancelled and not self.quitting:
            self.cancelled_box(*job.last).open()
        if summary is None:
            return
        self.summary_box(summary).open()

    def cancelled_box(self, done: int, total: int) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Information, "Import cancelled", "", parent=self._parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(cancelled_text(done, total))
        return box

    def summary_box(self, summary: ImportSummary) -> QMessageBox:
        """The message that ends an import: what is stored, what failed, why it stopped."""
        box = QMessageBox(self._parent)
        # File names and reasons are quoted as they are, never read as markup.
        box.setTextFormat(Qt.TextFormat.PlainText)
        if summary.stopped is not None:
            box.setWindowTitle("Import stopped")
            box.setIcon(QMessageBox.Icon.Critical)
            box.setText(_sentence(summary.line()))
            box.setInformativeText(
                "Only the files counted as imported, updated or unchanged are stored. Free some "
                "space and import the same files again: those already stored are skipped."
            )
        else:
            box.setWindowTitle("Import finished")
            box.setIcon(
                QMessageBox.Icon.Warning if summary.failed else QMessageBox.Icon.Information
            )
            box.setText(_sentence(summary.line()))
            if summary.failed:
                box.setInformativeText(
                    "Files that failed were not imported at all; see the details."
                )
        if summary.failed:
            box.setDetailedText("\n".join(f"{name}: {reason}" for name, reason in summary.failures))
        return box

    def _on_demo(self, job: ProgressJob, count: int | None) -> None:
        if self.quitting:
            return
        self.data_changed.emit()
        if job.error:
            QMessageBox.critical(self._parent, "Demo data failed", job.error[1])


def cancelled_text(done: int, total: int) -> str:
    files = "file" if total == 1 else "files"
    return (
        f"Import cancelled after {done:,} of {total:,} {files}; "
        "the files already imported are kept."
    )


def _sentence(line: str) -> str:
    # Not str.capitalize(), which would lower-case the rest: folder and file names included.
    return line[:1].upper() + line[1:] + "."
