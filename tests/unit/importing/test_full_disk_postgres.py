"""A full disk on the PostgreSQL server: the import stops, saying so, and counts what is stored.

The raw-JSON table is moved to a tablespace on a small tmpfs, which then fills up: the server
answers "could not extend file ...: No space left on device" (SQLSTATE 53100). Needs root (to
mount) and the server on this machine (to use the folder); otherwise skipped, with the reason.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from caseworker.importing import importer
from caseworker.importing.importer import import_paths
from caseworker.storage.engine import open_database
from tests.conftest import empty_pg_tables
from tests.unit.importing.small_disk import _fill, _unmount, capture_files

pytestmark = pytest.mark.postgres

FILES = 100


@pytest.fixture
def small_tablespace(pg_database_url: str) -> Iterator[tuple[str, Path]]:
    """The per-run database with ``petition_raw`` on a tmpfs with 200 KB of room."""
    local = make_url(pg_database_url).host in ("127.0.0.1", "localhost")
    if not local or not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("a PostgreSQL tablespace on a small tmpfs needs root and a local server")
    import pwd  # POSIX only, like the rest of this test

    try:
        server = pwd.getpwnam("postgres")  # the server's own user must own the folder
    except KeyError:
        pytest.skip("no postgres user on this machine to own the tablespace folder")
    folder = Path(tempfile.mkdtemp(prefix="caseworker-pg-disk-"))
    folder.chmod(0o755)
    options = f"size=2m,uid={server.pw_uid},gid={server.pw_gid},mode=0700"
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True
    )
    if mounted.returncode != 0:
        folder.rmdir()
        pytest.skip(f"cannot mount a tmpfs for the tablespace ({mounted.stderr.decode().strip()})")
    empty_pg_tables(pg_database_url)
    # Named after this run's database, so that two runs on one server do not meet.
    tablespace = f"{make_url(pg_database_url).database}_small"
    admin = create_engine(pg_database_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f"CREATE TABLESPACE {tablespace} LOCATION '{folder}'"))
            connection.execute(text(f"ALTER TABLE petition_raw SET TABLESPACE {tablespace}"))
        _fill(folder, 200 * 1024)
        yield pg_database_url, folder / "ballast"
    finally:
        with admin.connect() as connection:
            connection.execute(text("ALTER TABLE petition_raw SET TABLESPACE pg_default"))
            connection.execute(text(f"DROP TABLESPACE IF EXISTS {tablespace}"))
        admin.dispose()
        _unmount(folder)
        folder.rmdir()


def test_a_full_disk_on_the_server_stops_the_import_and_counts_what_is_stored(
    small_tablespace: tuple[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url, ballast = small_tablespace
    monkeypatch.setattr(importer, "BATCH_SECONDS", float("inf"))
    monkeypatch.setattr(importer, "BATCH_FILES", 4)
    capture_files(tmp_path / "captures", FILES)
    database = open_database(url, upgrade=False)
    try:
        summary = import_paths(database.engine, [tmp_path / "captures"])
        with database.engine.connect() as connection:
            kept = connection.execute(text("SELECT count(*) FROM petitions")).scalar_one()
        name = make_url(url).database
        assert summary.stopped is not None
        assert summary.stopped.startswith(f"the disk is full (where database {name} on 127.0.0.1")
        assert summary.imported == kept > 0
        assert summary.not_tried == FILES - summary.files > 0
        assert summary.imported + summary.failed == summary.files
        assert all("the disk is full" in reason for _, reason in summary.failures)

        ballast.unlink()
        again = import_paths(database.engine, [tmp_path / "captures"])
        assert again.failures == [] and (again.imported, again.unchanged) == (FILES - kept, kept)
    finally:
        database.dispose()
