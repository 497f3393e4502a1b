"""The application as the desktop sees it: its name, organisation and icon, the Linux desktop
entry, and the hook that starts the window only until its first rows (the bundle's smoke test).
"""

from __future__ import annotations

import configparser
import os
import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from caseworker.importing.importer import import_paths
from caseworker.storage.engine import Database
from tests.conftest import PROJECT_ROOT
from tests.unit.services.captures import single, write
from ui.app import APPLICATION, DESKTOP_NAME, ICON_SIZES, QUIT_AFTER_LOAD, application_icon

DESKTOP_ENTRY = PROJECT_ROOT / "packaging" / "petitions-caseworker.desktop"


def test_the_icon_has_every_size_the_desktop_asks_for(qtbot: QtBot) -> None:
    sizes = {size.width() for size in application_icon().availableSizes()}
    assert sizes == set(ICON_SIZES)


def test_the_desktop_entry_names_the_program_and_its_icon() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(DESKTOP_ENTRY, encoding="utf-8")
    fields = entry["Desktop Entry"]
    assert fields["Name"] == APPLICATION
    assert fields["Exec"] == DESKTOP_NAME
    assert fields["Icon"] == DESKTOP_NAME
    assert fields["StartupWMClass"] == DESKTOP_NAME
    assert (PROJECT_ROOT / "resources" / "icons" / f"{DESKTOP_NAME}.svg").exists()


def test_the_window_can_quit_once_it_shows_its_first_rows(
    sqlite_database: Database, sqlite_url: str, tmp_path: Path
) -> None:
    write(tmp_path, "5.json", single(5))
    assert import_paths(sqlite_database.engine, [tmp_path]).failed == 0
    home = tmp_path / "home"
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "QT_QPA_PLATFORM": "offscreen",
        QUIT_AFTER_LOAD: "1",
    }
    command = [sys.executable, str(PROJECT_ROOT / "main.py"), "--db", sqlite_url]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("first rows shown: ")
