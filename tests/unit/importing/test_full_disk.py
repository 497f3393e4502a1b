"""A full disk during an import: the summary counts only what is stored, and the run stops.

SQLite rolls back the whole transaction on SQLITE_FULL, taking the files still waiting in
the batch with it; those must be reported as not stored, never as imported. See
``small_disk`` for the disk (a real tmpfs, or SQLite's page limit where mounting is refused).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from caseworker.importing import importer
from caseworker.importing.importer import import_paths
from tests.conftest import missing
from tests.unit.importing.small_disk import SmallDisk, capture_files, small_disk, stored

__all__ = ["small_disk"]

#: About 3 MB to store (with the write-ahead log), for 1 MB of room.
FILES = 100


@pytest.fixture(autouse=True)
def batches_by_count(monkeypatch: pytest.MonkeyPatch) -> None:
    """Batches end after a number of files only, never on the clock, for the same result."""
    monkeypatch.setattr(importer, "BATCH_SECONDS", float("inf"))


@pytest.mark.parametrize("batch_files", [importer.BATCH_FILES, 4])
def test_a_full_disk_stops_the_import_and_counts_only_what_is_stored(
    small_disk: SmallDisk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, batch_files: int
) -> None:
    # With batches of 4 some files are committed before the disk fills.
    monkeypatch.setattr(importer, "BATCH_FILES", batch_files)
    files = capture_files(tmp_path / "captures", FILES)
    database = small_disk.open()

    summary = import_paths(database.engine, [tmp_path / "captures"])

    on = f"(on {small_disk.kind})"
    kept = stored(small_disk.path, "petitions")
    assert summary.imported == kept == stored(small_disk.path, "captures"), on
    assert 0 < summary.files < FILES, on
    assert summary.stopped is not None and "the disk is full" in summary.stopped, on
    assert str(small_disk.folder) in summary.stopped, on
    assert summary.not_tried == FILES - summary.files > 0, on
    assert summary.imported + summary.failed == summary.files, on
    for _name, reason in summary.failures:
        assert "the disk is full" in reason and "savepoint" not in reason, (on, reason)
    assert f"the import stopped: the disk is full (where {small_disk.folder} is kept)" in (
        summary.line()
    )
    assert f"{summary.not_tried} files were not tried" in summary.line()
    if batch_files == 4:
        assert kept > 0, on

    # With room again, a second run imports the rest and finds the stored ones unchanged.
    small_disk.free()
    again = import_paths(database.engine, [tmp_path / "captures"])
    assert again.failures == [] and again.stopped is None, on
    assert (again.imported, again.unchanged) == (FILES - kept, kept), on
    assert stored(small_disk.path, "petitions") == len(files) == FILES


def test_files_waiting_in_a_batch_that_the_disk_full_error_undid_are_not_counted(
    small_disk: SmallDisk, tmp_path: Path
) -> None:
    """The disk fills within the first batch of 50: SQLite rolls the whole transaction back
    (or its COMMIT fails), so the files before the failure are not stored either."""
    capture_files(tmp_path / "captures", FILES)
    database = small_disk.open()
    summary = import_paths(database.engine, [tmp_path / "captures"])
    assert summary.imported == stored(small_disk.path, "petitions") == 0, small_disk.kind
    assert summary.failed == summary.files <= importer.BATCH_FILES
    reasons = [reason for _, reason in summary.failures]
    assert all("the disk is full" in reason for reason in reasons)
    lost = "not stored, as the database could not save it: the disk is full (where"
    assert sum(reason.startswith(lost) for reason in reasons) >= summary.files - 1 > 0


def test_real_captures_on_a_full_disk_are_counted_as_stored(
    small_disk: SmallDisk, shared_data: Path
) -> None:
    """The issue's own case: 273 real captures (18 MB) onto a disk with 1 MB of room."""
    folder = shared_data / "mysociety-2020-2022" / "single"
    if not folder.is_dir():
        missing(f"{folder} is absent")
    database = small_disk.open()
    summary = import_paths(database.engine, [folder])
    assert summary.stopped is not None and "the disk is full" in summary.stopped
    assert summary.imported == stored(small_disk.path, "petitions"), small_disk.kind
    assert summary.imported + summary.failed == summary.files
    assert summary.files + summary.not_tried == len(list(folder.glob("*.json")))
    assert not any("savepoint" in reason for _, reason in summary.failures)
