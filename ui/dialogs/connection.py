"""Which database to work on: asked on first run, and changed in File ▸ Settings.

``ConnectionForm`` holds the two choices (a file on this computer, or the team's server);
``ConnectionDialog`` is the first-run question, shown when neither ``--db``, nor
``$CASEWORKER_DB``, nor a kept choice says which database to open.
"""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from caseworker import connection
from caseworker.connection import (
    ConnectionChoice,
    ConnectionFailure,
    ConnectionProblem,
)
from caseworker.storage.engine import DB_ENV
from caseworker.storage.errors import explain
from ui.settings import WindowSettings

FILE_FILTER = "Caseworker databases (*.sqlite3);;All files (*)"
#: The fields a failure can name, in the order they appear.
FIELDS = ("path", "host", "database", "user", "password")


class ConnectionForm(QWidget):
    """The local file or the server's host, port, database, user and password."""

    def __init__(self, choice: ConnectionChoice | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        choice = choice or ConnectionChoice.local()
        self.local = QRadioButton("Work on &this computer")
        self.server = QRadioButton("Connect to the &team's server")
        group = QButtonGroup(self)
        group.addButton(self.local)
        group.addButton(self.server)
        self.path = QLineEdit(choice.path or str(connection.default_local_path()))
        self.path.setAccessibleName("Database file")
        browse = QPushButton("&Browse…")
        browse.clicked.connect(self._browse)
        self.host = QLineEdit(choice.host)
        self.host.setPlaceholderText("caseworker-db.parliament.uk")
        self.host.setAccessibleName("Server")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(choice.port)
        self.port.setAccessibleName("Port")
        self.database = QLineEdit(choice.database)
        self.database.setPlaceholderText("petitions")
        self.database.setAccessibleName("Database")
        self.user = QLineEdit(choice.user)
        self.user.setAccessibleName("User name")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName("Password")
        self.password.setPlaceholderText("kept in this computer's keyring, never in a file")
        if not choice.is_local:
            self.password.setText(_kept_password(choice))
        self.errors = {name: _error_label() for name in (*FIELDS, "general")}

        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        self.local_box = QWidget()
        local_form = QFormLayout(self.local_box)
        path_label = QLabel("&File:")
        path_label.setBuddy(self.path)
        local_form.addRow(path_label, path_row)
        local_form.addRow(self.errors["path"])
        local_form.addRow(note_label("The database is a file kept in your own data folder; only "
                                "you work on it."))  # fmt: skip
        self.server_box = QWidget()
        server_form = QFormLayout(self.server_box)
        for label, field, name in (
            ("&Server:", self.host, "host"),
            ("P&ort:", self.port, None),
            ("&Database:", self.database, "database"),
            ("&User name:", self.user, "user"),
            ("Pass&word:", self.password, "password"),
        ):
            server_form.addRow(label, field)
            if name:
                server_form.addRow("", self.errors[name])
        server_form.addRow(note_label("The whole team works on the same petitions. The password is "
                                 "kept in the operating system's keyring."))  # fmt: skip
        layout = QVBoxLayout(self)
        layout.addWidget(self.local)
        layout.addWidget(self.local_box)
        layout.addWidget(self.server)
        layout.addWidget(self.server_box)
        layout.addWidget(self.errors["general"])
        (self.local if choice.is_local else self.server).setChecked(True)
        self.local.toggled.connect(self._enable)
        self._enable()

    def choice(self) -> ConnectionChoice:
        if self.local.isChecked():
            return ConnectionChoice.local(self.path.text().strip() or None)
        return ConnectionChoice.server(
            self.host.text(), self.database.text(), self.user.text(), self.port.value()
        )

    def test(self) -> ConnectionFailure | None:
        """Test the choice now, showing any failure beside its field."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            failure = connection.test_connection(self.choice(), self.password.text())
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.show_failure(failure)
        return failure

    def show_failure(self, failure: ConnectionFailure | None) -> None:
        for label in self.errors.values():
            label.clear()
            label.hide()
        if failure is None:
            return
        label = self.errors.get(failure.field or "general", self.errors["general"])
        label.setText(failure.message)
        label.show()

    def keep(self, settings: WindowSettings) -> None:
        """Keep the choice in the settings and any password in the keyring."""
        choice = self.choice()
        if not choice.is_local:
            connection.store_password(choice, self.password.text())
        settings.connection = choice

    def _enable(self) -> None:
        self.local_box.setEnabled(self.local.isChecked())
        self.server_box.setEnabled(self.server.isChecked())

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, "Database file", self.path.text(), FILE_FILTER,
            options=QFileDialog.Option.DontConfirmOverwrite,
        )  # fmt: skip
        if chosen:
            self.path.setText(chosen)


def apply_choice(parent: QWidget, form: ConnectionForm, settings: WindowSettings) -> bool:
    """Test the form's choice, offer an upgrade if one is due, then keep it: True if kept."""
    failure = form.test()
    if failure is not None and failure.upgrade_offered and _confirm_upgrade(parent, failure):
        try:
            connection.upgrade_server(form.choice(), form.password.text())
        except Exception as exc:  # noqa: BLE001 - shown beside the form
            failure = ConnectionFailure(f"The upgrade failed: {explain(exc)}")
        else:
            failure = form.test()
    if failure is not None:
        form.show_failure(failure)
        return False
    try:
        form.keep(settings)
    except ConnectionProblem as exc:
        form.show_failure(ConnectionFailure(_sentence(str(exc)), "password"))
        return False
    return True


class ConnectionDialog(QDialog):
    """First run: work on this computer, or connect to the team's server."""

    def __init__(
        self,
        settings: WindowSettings,
        parent: QWidget | None = None,
        failure: ConnectionFailure | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self.setWindowTitle("Welcome to the Petitions caseworker")
        intro = QLabel(
            "<h3>Where are the petitions kept?</h3>"
            "<p>Work on a database of your own on this computer, or connect to the database "
            "the team shares. You can change this later in File ▸ Settings.</p>"
        )
        intro.setWordWrap(True)
        self.form = ConnectionForm(settings.connection)
        self.form.show_failure(failure)
        buttons = QDialogButtonBox()
        self.continue_button = buttons.addButton(
            "&Continue", QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton("&Quit", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._continue)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("0") * 70)

    def _continue(self) -> None:
        if apply_choice(self, self.form, self._settings):
            self.accept()


def resolve_database_url(db_url: str | None, settings: WindowSettings) -> str | None:
    """``--db``, else ``$CASEWORKER_DB``, else the kept choice, else the first-run question.

    A kept server that fails its test brings the question back with the failure beside its
    field (a server that cannot be opened would otherwise keep the window from File ▸
    Settings). None when the clerk quits the question.
    """
    if db_url:
        return db_url
    if os.environ.get(DB_ENV):
        return os.environ[DB_ENV]
    choice = settings.connection
    failure = None
    if choice is not None and not choice.is_local:
        # The server kept may have moved, or its password changed: ask again, saying why.
        failure = connection.test_connection(choice, _kept_password(choice))
    if choice is None or failure is not None:
        dialog = ConnectionDialog(settings, failure=failure)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        choice = settings.connection
        assert choice is not None
    try:
        return connection.open_url(choice)
    except ConnectionProblem as exc:
        QMessageBox.critical(None, "Petitions caseworker", _sentence(str(exc)))
        return None


def _kept_password(choice: ConnectionChoice) -> str:
    try:
        return connection.fetch_password(choice) or ""
    except ConnectionProblem:
        return ""


def _confirm_upgrade(parent: QWidget, failure: ConnectionFailure) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, "Upgrade the database", failure.message,
                      parent=parent)  # fmt: skip
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Yes).setText("&Upgrade")
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box.exec() == QMessageBox.StandardButton.Yes


def _error_label() -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020;")
    label.hide()
    return label


def note_label(text: str) -> QLabel:
    """A greyed explanation under a choice (plain text, wrapped)."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setEnabled(False)
    return label


def _sentence(text: str) -> str:
    text = text[:1].upper() + text[1:]
    return text if text.endswith(".") else text + "."
