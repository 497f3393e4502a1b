"""``caseworker import`` on a terminal: hostile file names, and a disk that fills up."""

from __future__ import annotations

import argparse
import io
from pathlib import Path

import pytest

from caseworker.cli.petitions import _import
from caseworker.storage.engine import Database
from tests.unit.importing import builders as b
from tests.unit.importing.small_disk import SmallDisk, capture_files, small_disk, stored

__all__ = ["small_disk"]


class Terminal(io.StringIO):
    """What the command writes to an interactive terminal (progress is shown only there)."""

    def isatty(self) -> bool:
        return True


def run_import(database: Database, *paths: Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), Terminal()
    code = _import(database, argparse.Namespace(paths=list(paths)), out, err)
    return code, out.getvalue(), err.getvalue()


def test_escape_sequences_in_file_names_are_shown_not_run(
    sqlite_database: Database, tmp_path: Path
) -> None:
    folder = tmp_path / "captures"
    b.write_json(folder / "good\x1b]0;owned\x07.json", b.single(1))
    b.write_text(folder / "clear\x1b[2J\rfake.json", "{not json")
    code, out, err = run_import(sqlite_database, folder)
    assert code == 1
    assert "1 petition imported" in out and "1 file failed" in out
    assert "\x1b" not in out + err and "\x07" not in err
    # The progress and failure lines show the escapes (and the carriage return) as text.
    assert "clear\\x1b[2J\\x0dfake.json: not valid JSON" in err
    assert "good\\x1b]0;owned\\x07.json" in err


def test_a_full_disk_ends_the_command_with_the_reason_and_what_was_not_tried(
    small_disk: SmallDisk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("caseworker.importing.importer.BATCH_SECONDS", float("inf"))
    monkeypatch.setattr("caseworker.importing.importer.BATCH_FILES", 4)
    capture_files(tmp_path / "captures", 100)
    code, out, err = run_import(small_disk.open(), tmp_path / "captures")
    assert code == 1, small_disk.kind
    kept = stored(small_disk.path, "petitions")
    assert f": {kept} petition" in out and " imported, " in out and "files were not tried" in out
    assert f"the import stopped: the disk is full (where {small_disk.folder} is kept)" in err
    assert "run the same import again once there is room" in err
    assert "savepoint" not in err
