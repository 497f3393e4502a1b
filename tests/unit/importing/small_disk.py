"""A database on a disk that fills up: a real small tmpfs, or SQLite's page limit instead.

``small_disk`` mounts a tmpfs of a few megabytes in the test's folder (the tests run as root,
locally and in CI), copies the migrated template database onto it and fills the rest with a
ballast file but for ``FREE_BYTES``; ``free()`` deletes the ballast. Where mounting is not
permitted it falls back to ``PRAGMA max_page_count`` on every connection, for which SQLite
returns the same SQLITE_FULL ("database or disk is full"); ``kind`` says which ran.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from caseworker.storage.engine import Database, open_database
from tests.unit.importing import builders as b

TMPFS_SIZE = "16m"
#: Room left for the import: a few of the generated files, not all of them.
FREE_BYTES = 1024 * 1024
PAGE_SIZE = 4096


@dataclass
class SmallDisk:
    folder: Path
    kind: str  # "tmpfs" or "max_page_count"
    path: Path
    _limit_pages: int | None = None
    _databases: list[Database] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"sqlite:///{self.path}"

    def open(self) -> Database:
        """The database, with the page limit applied when there is no tmpfs."""
        database = open_database(self.url, upgrade=False)
        if self.kind == "max_page_count":
            event.listen(database.engine, "connect", self._limit)
            database.engine.dispose()
        self._databases.append(database)
        return database

    def free(self) -> None:
        """Make room, as a clerk would by deleting files."""
        if self.kind == "tmpfs":
            (self.folder / "ballast").unlink()
        else:
            self._limit_pages = None
            for database in self._databases:
                database.engine.dispose()  # connections opened with the old limit

    def _limit(self, dbapi_connection: Any, _record: Any) -> None:
        if self._limit_pages is not None:
            dbapi_connection.execute(f"PRAGMA max_page_count = {self._limit_pages}")

    def dispose(self) -> None:
        for database in self._databases:
            database.dispose()


def _mount(folder: Path) -> bool:
    folder.mkdir()
    try:
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={TMPFS_SIZE}", "tmpfs", str(folder)],
            check=True,
            capture_output=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return False
    return True


def _unmount(folder: Path) -> None:
    done = subprocess.run(["umount", str(folder)], capture_output=True)
    if done.returncode != 0:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def _fill(folder: Path, leave: int) -> None:
    stats = os.statvfs(folder)
    room = stats.f_bavail * stats.f_frsize - leave
    with (folder / "ballast").open("wb") as ballast:
        ballast.write(b"\0" * max(room, 0))


@pytest.fixture
def small_disk(sqlite_template: Path, tmp_path: Path) -> Iterator[SmallDisk]:
    folder = tmp_path / "disk"
    mounted = _mount(folder)
    path = folder / "caseworker.sqlite3"
    shutil.copy(sqlite_template, path)
    if mounted:
        disk = SmallDisk(folder, "tmpfs", path)
        _fill(folder, FREE_BYTES)
    else:
        pages = path.stat().st_size // PAGE_SIZE + FREE_BYTES // PAGE_SIZE
        disk = SmallDisk(folder, "max_page_count", path, _limit_pages=pages)
    try:
        yield disk
    finally:
        disk.dispose()
        if mounted:
            _unmount(folder)


def stored(path: Path, table: str) -> int:
    """Rows in ``table`` as a fresh connection sees them: what really is on the disk."""
    import sqlite3

    connection = sqlite3.connect(path)
    try:
        return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        connection.close()


def capture_files(folder: Path, count: int) -> list[Path]:
    """``count`` single-view captures of distinct petitions, each about 10 KB of text, so
    that the room on the small disk holds only some of them."""
    files = []
    for n in range(1, count + 1):
        words = " ".join(f"word{n}x{i}" for i in range(300))[:3000]
        doc = b.single(
            800_000 + n,
            action=f"Petition {n} about the disk",
            background=words,
            additional_details=words,
            government_response=b.response("Considered.", words),
            government_response_at="2024-11-20T15:00:00.000Z",
        )
        files.append(b.write_json(folder / f"{800_000 + n}.json", doc))
    return files
