"""File ▸ Back up… and File ▸ Restore…, and the daily backup made when the window starts.

A backup only reads the database, so it runs on the reader pool and may go on while an import
writes. A restore is checked in the background first (and an older backup upgraded in a
copy); only then is the clerk asked, naming the file that will be replaced. The window then
lets go of the working file, puts the backup in its place and opens it in a new window.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from caseworker.formatting import counted, moment
from caseworker.services import backups
from caseworker.services.backups import BackupError, PreparedRestore
from caseworker.services.opening import open_failure
from caseworker.storage.engine import open_database
from caseworker.storage.errors import explain
from ui.actions import ActionId
from ui.context import AppContext
from ui.dialogs.progress import ProgressJob, run_with_progress
from ui.main_window import MainWindow
from ui.paths import documents_folder, in_documents
from ui.window_extras import register, window_on

BACKUP_FILTER = "Caseworker backups (*.sqlite3);;All files (*)"
BACKUP_TITLE = "Backing up the database"
CHECK_TITLE = "Checking the backup"


class BackupActions(QObject):
    """Backs up and restores a main window's database, from its File menu."""

    def __init__(self, window: MainWindow, context: AppContext) -> None:
        super().__init__(window)
        self._window, self._context = window, context
        self.current: ProgressJob | None = None
        #: The window opened on a restored file, in place of this one.
        self.successor: MainWindow | None = None

    @classmethod
    def attach(cls, window: MainWindow, context: AppContext) -> BackupActions:
        """File ▸ Back up… and File ▸ Restore…, put before Quit."""
        actions = cls(window, context)
        quit_action = window.actions_registry[ActionId.QUIT]
        for text, tip, slot in (
            (
                "&Back up…",
                "Save a copy of the database, even while importing",
                actions.back_up,
            ),
            ("&Restore…", "Check a backup and put it in place of the database", actions.restore),
        ):
            action = QAction(text, window)
            action.setStatusTip(tip)
            action.triggered.connect(slot)
            window.menus["&File"].insertAction(quit_action, action)
        window.menus["&File"].insertSeparator(quit_action)
        return actions

    # Back up -----------------------------------------------------------------------------

    def back_up(self) -> None:
        if not self._local():
            return
        name = f"caseworker-{date.today().isoformat()}.sqlite3"
        target, _ = QFileDialog.getSaveFileName(
            self._window, "Back up the database", in_documents(name), BACKUP_FILTER
        )
        if not target:
            return
        database = self._context.database

        def work(progress: Any, cancelled: Any) -> Path:
            return backups.back_up(database, Path(target), progress, cancelled)

        self.current = run_with_progress(
            self._window, BACKUP_TITLE, self._context.runner, work, self._backed_up, writes=False
        )

    def _backed_up(self, job: ProgressJob, made: Path | None) -> None:
        if job.error:
            self._refuse("Backup failed", job.error[1])
        elif made is not None:
            self._window.statusBar().showMessage(f"Backed up to {made}", 10_000)
            self._tell("Backup made", f"The database is backed up to {made}.")

    def start_daily(self) -> None:
        """Today's automatic backup, in the background, if it is not made yet."""
        database, kept = self._context.database, self._context.settings.backups_kept
        if not database.is_sqlite:
            return
        self._context.runner.read(
            lambda p, c: backups.daily_backup(database, date.today(), kept),
            failed=lambda kind, message: self._window.statusBar().showMessage(
                f"Today's automatic backup failed: {message}"
            ),
        )

    # Restore -----------------------------------------------------------------------------

    def restore(self) -> None:
        if not self._local():
            return
        chosen, _ = QFileDialog.getOpenFileName(
            self._window, "Restore a backup", documents_folder(), BACKUP_FILTER
        )
        if not chosen:
            return
        working = backups.sqlite_path(self._context.database)

        def work(progress: Any, cancelled: Any) -> PreparedRestore:
            progress(0, 0, f"Checking {Path(chosen).name}")
            return backups.prepare_restore(working, Path(chosen))

        self.current = run_with_progress(
            self._window, CHECK_TITLE, self._context.runner, work, self._checked, writes=False
        )

    def _checked(self, job: ProgressJob, prepared: PreparedRestore | None) -> None:
        if job.error:
            self._refuse("Backup not restored", job.error[1])
            return
        if prepared is None:
            return
        if not (self.confirm(prepared) and self._may_let_go()):
            prepared.discard()
            return
        self._replace(prepared)

    def confirm(self, prepared: PreparedRestore) -> bool:
        box = confirmation_box(self._window, prepared)
        return box.exec() == QMessageBox.StandardButton.Yes

    def _replace(self, prepared: PreparedRestore) -> None:
        # Every job ends and every connection closes: the working file is not in use here.
        self._context.runner.wait_for_all()
        self._context.database.dispose()
        try:
            kept = backups.finish_restore(prepared)
        except (BackupError, OSError) as exc:
            text = str(exc) if isinstance(exc, BackupError) else explain(exc)
            self._refuse("Backup not restored", f"{text}. Nothing was replaced.")
            return
        finally:
            prepared.discard()
        self._reopen(prepared.database)
        where = f" The replaced database is kept as {kept}." if kept else ""
        self._tell("Backup restored", f"{prepared.backup} is restored.{where}")

    def _may_let_go(self) -> bool:
        """Before the database is replaced: nothing writing, no review left unsaved."""
        window = self._window
        if window.imports.running() or window.sync.current is not None:
            self._refuse("Restore", "an import or a sync is running: restore the backup once "
                         "it has finished; nothing was replaced")  # fmt: skip
            return False
        return window.casework.confirm_discard(window)

    def _reopen(self, path: Path) -> None:
        """A window on the restored file in place of this one (whose database is closed)."""
        try:
            database = open_database(str(path))
        except Exception as exc:  # noqa: BLE001 - shown to the clerk, as at start-up
            self._refuse("Restore", f"{path} could not be opened: {open_failure(str(path), exc)}")
            return
        context = AppContext.open(database, str(path), self._context.settings)
        self.successor = window_on(context)
        self.successor.show()  # first: closing the last window would end the application
        self._window.close()
        self.successor.start()

    # Messages ----------------------------------------------------------------------------

    def _local(self) -> bool:
        if self._context.database.is_sqlite:
            return True
        self._tell("Backups", _sentence(backups.SERVER_MESSAGE))
        return False

    def _tell(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=self._window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.open()

    def _refuse(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Critical, title, _sentence(text), parent=self._window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.open()


def confirmation_box(parent: QMainWindow, prepared: PreparedRestore) -> QMessageBox:
    """Asks before the working file is replaced, naming both files."""
    upgraded = (
        f" It was made with an older version and has been upgraded (schema "
        f"{prepared.upgraded_from} to {prepared.revision}) in a copy."
        if prepared.upgraded_from
        else ""
    )
    box = QMessageBox(QMessageBox.Icon.Warning, "Restore a backup", "", parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(f"Replace the working database with the backup {prepared.backup.name}?")
    box.setInformativeText(
        f"Backup: {prepared.backup}\nSaved {moment(prepared.saved_at)}; it holds "
        f"{counted(prepared.petitions, 'petition')}.{upgraded}\n\n"
        f"Working database: {prepared.database}\nIt is kept in its folder as "
        "caseworker-replaced-<date and time>.sqlite3; then the window opens the backup."
    )
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Yes).setText("&Replace")
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box


def _sentence(text: str) -> str:
    text = text[:1].upper() + text[1:]
    return text if text.endswith(".") else text + "."


register("backups", 2, BackupActions.attach)
