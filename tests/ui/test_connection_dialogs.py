"""The first-run database question and File ▸ Settings…, with a keyring kept in memory."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from caseworker import connection
from caseworker.storage.casework_models import AuditEvent
from caseworker.storage.engine import DB_ENV, open_database
from tests.memory_keyring import MemoryKeyring, memory_keyring  # noqa: F401 - a fixture
from tests.ui.conftest import OPENED, wait_loaded
from ui.dialogs.connection import ConnectionDialog, ConnectionForm, resolve_database_url
from ui.dialogs.first_run import FirstRunChoice, FirstRunDialog
from ui.dialogs.settings_dialog import SettingsActions
from ui.main_window import MainWindow
from ui.settings import WindowSettings

SHOTS = Path(os.environ.get("CASEWORKER_SHOTS", "/tmp/firstrun"))


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setattr(connection, "default_local_path", lambda: folder / "caseworker.sqlite3")
    monkeypatch.delenv(DB_ENV, raising=False)
    return folder


def shoot(widget: QDialog, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / name))


def test_first_run_local_creates_the_file_in_the_data_folder(
    qtbot: QtBot,
    settings: WindowSettings,
    data_folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    memory_keyring: MemoryKeyring,  # noqa: F811
) -> None:
    shown: list[ConnectionDialog] = []

    def answer(dialog: ConnectionDialog) -> int:
        qtbot.addWidget(dialog)
        shown.append(dialog)
        dialog.resize(760, 560)
        dialog.show()
        shoot(dialog, "first-run-connection.png")
        assert dialog.form.local.isChecked()  # the default: this computer
        dialog.continue_button.click()
        return int(dialog.result())

    monkeypatch.setattr(ConnectionDialog, "exec", answer)
    url = resolve_database_url(None, settings)
    assert shown and url is not None
    expected = data_folder / "caseworker.sqlite3"
    assert url == f"sqlite:///{expected}"
    assert settings.connection == connection.ConnectionChoice.local(expected)
    open_database(url).dispose()
    assert expected.is_file()
    assert memory_keyring.passwords == {}
    # Asked once: the next start opens the kept choice without a question.
    monkeypatch.setattr(ConnectionDialog, "exec", lambda d: pytest.fail("asked again"))
    assert resolve_database_url(None, settings) == url


def test_db_option_and_environment_skip_the_question(
    settings: WindowSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ConnectionDialog, "exec", lambda d: pytest.fail("asked"))
    assert resolve_database_url("sqlite:///given.sqlite3", settings) == "sqlite:///given.sqlite3"
    monkeypatch.setenv(DB_ENV, "sqlite:///from-env.sqlite3")
    assert resolve_database_url(None, settings) == "sqlite:///from-env.sqlite3"
    assert settings.connection is None


def test_failing_server_shows_the_error_beside_the_field_and_keeps_nothing(
    qtbot: QtBot,
    settings: WindowSettings,
    data_folder: Path,
    memory_keyring: MemoryKeyring,  # noqa: F811
) -> None:
    dialog = ConnectionDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    form = dialog.form
    form.server.setChecked(True)
    form.host.setText("127.0.0.1")
    form.port.setValue(closed_port())
    form.database.setText("petitions")
    form.user.setText("ann")
    form.password.setText("not-kept")
    dialog.continue_button.click()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert form.errors["host"].isVisible()
    assert "No database server answers at 127.0.0.1" in form.errors["host"].text()
    assert not form.errors["password"].isVisible()
    assert settings.connection is None
    assert memory_keyring.passwords == {}
    assert not data_folder.exists()
    dialog.resize(760, 620)
    shoot(dialog, "first-run-server-failed.png")


@pytest.fixture
def settings_actions(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> SettingsActions:
    monkeypatch.setattr(QMessageBox, "open", lambda box: None)
    return SettingsActions.attach(window, window._context)


def test_settings_change_the_clerks_name_and_the_audit_follows(
    qtbot: QtBot, window: MainWindow, settings_actions: SettingsActions
) -> None:
    (action,) = [a for a in window.menus["&File"].actions() if a.text() == "Se&ttings…"]
    action.trigger()
    dialog = settings_actions.dialog
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.tabs.setCurrentIndex(1)
    dialog.clerk.setText("  Ann   Clerk ")
    dialog.signatory.setText("Ann Clerk")
    dialog.resize(900, 560)
    shoot(dialog, "settings-clerk.png")
    dialog.tabs.setCurrentIndex(0)
    shoot(dialog, "settings-database.png")
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    context = window._context
    assert context.settings.clerk_name == "Ann Clerk"
    assert context.casework.reviews.actor == "Ann Clerk"
    assert context.debates.calendar.actor == "Ann Clerk"
    assert context.casework.settings.get().signatory.value == "Ann Clerk"
    with context.database.sessions() as session:
        actors = session.scalars(
            select(AuditEvent.actor).where(AuditEvent.subject == "setting")
        ).all()
    assert actors == ["Ann Clerk"]
    assert settings_actions.successor is None  # the database is unchanged: no new window


def test_settings_new_local_database_reopens_the_window(
    qtbot: QtBot,
    tmp_path: Path,
    window: MainWindow,
    settings_actions: SettingsActions,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The new database is empty: the window would ask about importing.
    monkeypatch.setattr(FirstRunDialog, "ask", lambda parent: FirstRunChoice.EMPTY)
    dialog = settings_actions.open()
    qtbot.addWidget(dialog)
    other = tmp_path / "other" / "caseworker.sqlite3"
    dialog.form.path.setText(str(other))
    dialog.save()
    successor = settings_actions.successor
    assert successor is not None
    qtbot.addWidget(successor)
    OPENED.append(successor._context)
    wait_loaded(qtbot, successor)
    assert other.is_file()
    assert str(other) in successor._context.database_label
    assert window._context.settings.connection == connection.ConnectionChoice.local(other)
    assert not window.isVisible()
    texts = [a.text() for a in successor.menus["&File"].actions()]
    assert texts[-5:] == ["Se&ttings…", "&Back up…", "&Restore…", "", "&Quit"]


def test_server_password_goes_to_the_keyring_not_the_settings_file(
    qtbot: QtBot,
    tmp_path: Path,
    memory_keyring: MemoryKeyring,  # noqa: F811
) -> None:
    ini = tmp_path / "kept.ini"
    settings = WindowSettings.at(str(ini))
    form = ConnectionForm(None)
    qtbot.addWidget(form)
    form.server.setChecked(True)
    form.host.setText("db.example")
    form.database.setText("petitions")
    form.user.setText("ann")
    form.password.setText("Horse-battery-9")
    form.keep(settings)
    settings.sync()
    assert "Horse-battery-9" not in ini.read_text()
    assert settings.connection == connection.ConnectionChoice.server(
        "db.example", "petitions", "ann"
    )
    assert memory_keyring.passwords == {
        ("petitions-caseworker", "ann@db.example/petitions"): "Horse-battery-9"
    }
    # Opened again, the form fills the password in from the keyring.
    again = ConnectionForm(settings.connection)
    qtbot.addWidget(again)
    assert again.password.text() == "Horse-battery-9"


def test_kept_server_that_fails_brings_the_question_back(
    qtbot: QtBot,
    settings: WindowSettings,
    data_folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    memory_keyring: MemoryKeyring,  # noqa: F811
) -> None:
    settings.connection = connection.ConnectionChoice.server(
        "127.0.0.1", "petitions", "ann", closed_port()
    )
    shown: list[ConnectionDialog] = []

    def quit_(dialog: ConnectionDialog) -> int:
        qtbot.addWidget(dialog)
        shown.append(dialog)
        dialog.show()
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(ConnectionDialog, "exec", quit_)
    assert resolve_database_url(None, settings) is None
    (dialog,) = shown
    assert dialog.form.server.isChecked()
    assert "No database server answers" in dialog.form.errors["host"].text()
