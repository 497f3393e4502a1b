"""File ▸ Settings…: the database, the clerk's name, the letters' signatories and sync.

A new database takes effect at once: the window lets go of the old one and a new window
opens on the new one, as after a restore (see ``ui.backups``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from caseworker import connection
from caseworker.identity import current_user
from caseworker.services.casework import CaseworkError
from caseworker.services.casework.settings import CHAIR, SIGNATORY
from caseworker.services.opening import open_failure
from caseworker.storage.engine import open_database
from caseworker.storage.errors import display_url
from ui.actions import ActionId
from ui.context import AppContext
from ui.dialogs.connection import ConnectionForm, apply_choice, note_label
from ui.main_window import MainWindow
from ui.window_extras import register, window_on


class SettingsDialog(QDialog):
    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        open_sync: Callable[[], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self.setWindowTitle("Settings")
        #: The URL to reopen the window on, once saved with a new database.
        self.new_url: str | None = None
        self.tabs = QTabWidget()
        self.form = ConnectionForm(context.settings.connection)
        self._initial = (self.form.choice(), self.form.password.text())
        database_tab = QWidget()
        test_button = QPushButton("&Test connection")
        test_button.clicked.connect(self.test_connection)
        self.tested = QLabel()
        self.tested.setTextFormat(Qt.TextFormat.PlainText)
        database_layout = QVBoxLayout(database_tab)
        database_layout.addWidget(QLabel(f"Open now: {context.database_label}"))
        database_layout.addWidget(self.form)
        database_layout.addWidget(test_button, 0, Qt.AlignmentFlag.AlignLeft)
        database_layout.addWidget(self.tested)
        database_layout.addWidget(note_label("Saving a different database closes this window and "
                                        "opens one on the new database."))  # fmt: skip
        database_layout.addStretch(1)
        self.tabs.addTab(database_tab, "&Database")

        self.clerk = QLineEdit(context.settings.clerk_name or "")
        self.clerk.setPlaceholderText(current_user())
        self.clerk.setAccessibleName("Your name")
        clerk_tab = QWidget()
        clerk_form = QFormLayout(clerk_tab)
        clerk_form.addRow("Your &name:", self.clerk)
        clerk_form.addRow(note_label("The history of every change and the letters you write give "
                                "this name; left empty, your login name is used."))  # fmt: skip
        self.tabs.addTab(clerk_tab, "&Clerk")

        self.letters = context.casework.settings.get()
        self.signatory = QLineEdit(self.letters.signatory.value)
        self.signatory.setAccessibleName("The clerk who signs letters")
        self.chair = QLineEdit(self.letters.chair.value)
        self.chair.setAccessibleName("The Chair")
        letters_tab = QWidget()
        letters_form = QFormLayout(letters_tab)
        letters_form.addRow("The c&lerk (signs to officials):", self.signatory)
        letters_form.addRow("The C&hair (signs to Secretaries of State):", self.chair)
        letters_form.addRow(note_label("Kept in the database: the whole team's letters use them. "
                                  "Casework ▸ Casework settings holds the rest."))  # fmt: skip
        self.tabs.addTab(letters_tab, "&Letters")

        sync_tab = QWidget()
        sync_layout = QVBoxLayout(sync_tab)
        sync_layout.addWidget(note_label("The contact sent to petition.parliament.uk and how fast "
                                    "to ask are in their own dialog."))  # fmt: skip
        if open_sync is not None:
            sync_button = QPushButton("&Sync settings…")
            sync_button.clicked.connect(lambda: open_sync())
            sync_layout.addWidget(sync_button, 0, Qt.AlignmentFlag.AlignLeft)
        sync_layout.addStretch(1)
        self.tabs.addTab(sync_tab, "S&ync")

        self.problem = QLabel()
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("0") * 76)

    def test_connection(self) -> None:
        failure = self.form.test()
        self.tested.setText("" if failure else "The connection works.")

    def save(self) -> None:
        settings = self._context.settings
        name = " ".join(self.clerk.text().split())
        if name != (settings.clerk_name or ""):
            settings.clerk_name = name
            self._context.set_actor(name or current_user())
        if not self._save_letters():
            return
        choice = self.form.choice()
        if (choice, self.form.password.text()) != self._initial:
            if not apply_choice(self, self.form, settings):
                self.tabs.setCurrentIndex(0)
                return
            url = connection.open_url(choice)
            if display_url(url) != self._context.database_label:
                self.new_url = url
        settings.sync()
        self.accept()

    def _save_letters(self) -> bool:
        service = self._context.casework.settings
        try:
            for key, field, current in (
                (SIGNATORY, self.signatory, self.letters.signatory),
                (CHAIR, self.chair, self.letters.chair),
            ):
                if field.text().strip() != current.value:
                    service.update(key, field.text().strip(), current.version)
        except CaseworkError as exc:
            self.tabs.setCurrentIndex(2)
            self.problem.setText(str(exc))
            return False
        return True


class SettingsActions(QObject):
    """File ▸ Settings…, and the window reopened on a new database."""

    def __init__(self, window: MainWindow, context: AppContext) -> None:
        super().__init__(window)
        self._window, self._context = window, context
        self.dialog: SettingsDialog | None = None
        #: The window opened on a new database, in place of this one.
        self.successor: MainWindow | None = None

    @classmethod
    def attach(cls, window: MainWindow, context: AppContext) -> SettingsActions:
        actions = cls(window, context)
        action = QAction("Se&ttings…", window)
        action.setStatusTip("The database, your name, the letters' signatories and sync")
        action.triggered.connect(actions.open)
        window.menus["&File"].insertAction(window.actions_registry[ActionId.QUIT], action)
        return actions

    def open(self) -> SettingsDialog:
        sync = getattr(self._window, "sync", None)
        self.dialog = SettingsDialog(
            self._context, self._window, sync.open_settings if sync is not None else None
        )
        self.dialog.accepted.connect(self._saved)
        self.dialog.open()
        return self.dialog

    def _saved(self) -> None:
        if self.dialog is not None and self.dialog.new_url:
            self.reopen(self.dialog.new_url)

    def reopen(self, url: str) -> None:
        """A window on ``url`` in place of this one, once its jobs end and its file is let go."""
        window = self._window
        if window.imports.running() or window.sync.current is not None:
            self._refuse("an import or a sync is running: the new database is kept and opens "
                         "when the window next starts")  # fmt: skip
            return
        if not window.casework.confirm_discard(window):
            return
        try:
            database = open_database(url)
        except Exception as exc:  # noqa: BLE001 - shown to the clerk, as at start-up
            self._refuse(f"{display_url(url)} could not be opened: {open_failure(url, exc)}")
            return
        self._context.runner.wait_for_all()
        self._context.database.dispose()
        context = AppContext.open(database, url, self._context.settings)
        self.successor = window_on(context)
        self.successor.show()  # first: closing the last window would end the application
        window.close()
        self.successor.start()

    def _refuse(self, text: str) -> None:
        text = text[:1].upper() + text[1:]
        box = QMessageBox(QMessageBox.Icon.Warning, "Settings", text, parent=self._window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.open()


register("settings", 1, SettingsActions.attach)  # before Back up… in the File menu
