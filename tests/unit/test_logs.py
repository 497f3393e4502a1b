"""The log: a rotating file, no passwords, no petition texts at the default level."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

import main
from caseworker import __version__, logs
from caseworker.cli import COMMANDS
from caseworker.importing.importer import import_paths
from caseworker.storage.engine import Database
from tests.site.server import FakeSite
from tests.unit.services.captures import single, write

SECRET = "fake-s3cret-pw"


@pytest.fixture
def log_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "logs"
    monkeypatch.setenv("CASEWORKER_LOG_DIR", str(folder))
    yield folder
    logs.stop()


def read_log(folder: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return (folder / logs.FILE_NAME).read_text(encoding="utf-8")


def test_the_log_folder_is_the_platforms_unless_overridden(
    log_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert logs.log_folder() == log_dir
    monkeypatch.delenv("CASEWORKER_LOG_DIR")
    assert "petitions-caseworker" in str(logs.log_folder())


def test_the_log_rotates_and_keeps_five_old_files(
    log_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert (logs.MAX_BYTES, logs.BACKUPS) == (1_000_000, 5)
    monkeypatch.setattr(logs, "MAX_BYTES", 2_000)
    assert logs.configure() == log_dir / "caseworker.log"
    for n in range(400):
        logging.getLogger("caseworker.test").info("line %d of a long run %s", n, "x" * 40)
    names = sorted(path.name for path in log_dir.iterdir())
    assert names == ["caseworker.log"] + [f"caseworker.log.{n}" for n in range(1, 6)]
    assert all(path.stat().st_size <= 2_000 for path in log_dir.iterdir())
    assert "line 399 of a long run" in read_log(log_dir)


def test_a_password_in_a_url_never_reaches_the_log(log_dir: Path) -> None:
    logs.configure()
    url = f"postgresql+psycopg://ann:{SECRET}@db.example:5432/petitions"
    log = logging.getLogger("caseworker.test")
    log.info("connecting to %s", url)
    log.warning("libpq said: host=db.example user=ann password=%s dbname=x", SECRET)
    try:
        raise ConnectionError(f"could not connect to {url}")
    except ConnectionError:
        log.exception("failed")
    text = read_log(log_dir)
    assert SECRET not in text
    assert "postgresql+psycopg://ann:***@db.example:5432/petitions" in text
    assert "password=***" in text
    assert "Traceback" in text


def test_an_import_logs_its_counts_and_never_a_petitions_text(
    log_dir: Path, sqlite_database: Database, tmp_path: Path
) -> None:
    logs.configure()
    words = {
        "action": "Ban unicorn-shaped lampposts",
        "background": "Lampposts shaped as unicorns frighten horses",
        "additional_details": "Seventeen ponies bolted in Lewes",
    }
    good = write(tmp_path, "good.json", single(7001, **words))
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    summary = import_paths(sqlite_database.engine, [good, bad])
    assert summary.imported == 1 and summary.failed == 1
    text = read_log(log_dir)
    assert "import done: 2 files, 1 petitions new, 0 updated, 0 unchanged, 1 files failed" in text
    assert f"import failed for {bad}: not valid JSON" in text
    for words_of_the_petition in words.values():
        assert words_of_the_petition not in text


def test_a_command_logs_its_start_without_the_password(log_dir: Path, sqlite_url: str) -> None:
    assert main.main(["--db", sqlite_url, "list"]) == 0
    text = read_log(log_dir)
    assert f"Command list started: Petitions caseworker {__version__}" in text
    assert sqlite_url in text


def test_a_commands_unexpected_error_is_one_line_and_logged_in_full(
    log_dir: Path,
    sqlite_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def broken(*_: object) -> int:
        raise RuntimeError(f"the list broke reading postgresql://ann:{SECRET}@db/x\nsecond line")

    monkeypatch.setitem(COMMANDS, "list", broken)
    assert main.main(["--db", sqlite_url, "list"]) == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "unexpected error: RuntimeError: the list broke reading postgresql://ann:***@db/x" in err
    assert str(log_dir / "caseworker.log") in err
    text = read_log(log_dir)
    assert "command list failed unexpectedly" in text and "Traceback" in text
    assert SECRET not in text + err


def test_a_sync_logs_its_summary_and_each_failure(
    log_dir: Path, sqlite_url: str, fake_site: FakeSite
) -> None:
    fake_site.add(700_001, action="Keep the unicorn lampposts of Lewes")
    fake_site.add(700_002)
    fake_site.fail("/petitions/700002.json", status=404)
    assert main.main(["--db", sqlite_url, "sync", "--site", fake_site.base, "--rate", "1000"]) == 1
    text = read_log(log_dir)
    assert f"sync with {fake_site.base} partial: 1 list page, 2 petitions: 2 new" in text
    assert f"sync failed for petition 700002 ({fake_site.base}/petitions/700002.json)" in text
    assert "unicorn" not in text
