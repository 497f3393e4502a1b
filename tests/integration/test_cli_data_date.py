"""``list`` and ``show`` on old captures: ages to the data's date, and a line saying so."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from caseworker.services.petitions import PetitionService
from caseworker.storage.engine import Database
from main import main
from tests.unit.services.captures import single, write

NOTICE = "Data as at 3 January 2023 (the newest capture"


def _import(db_url: str, folder: Path, updated_at: str, crossed: str) -> None:
    write(folder, "7.json", single(7, signature_count=12_000, updated_at=updated_at,
                                   created_at="2022-11-01T09:00:00.000Z",
                                   opened_at="2022-11-02T09:00:00.000Z",
                                   response_threshold_reached_at=crossed))  # fmt: skip
    assert main(["--db", db_url, "import", str(folder)]) == 0


def test_old_captures_count_to_their_date(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _import(db_url, tmp_path, "2023-01-03T12:00:00.000Z", "2022-12-01T09:00:00.000Z")
    capsys.readouterr()
    assert main(["--db", db_url, "list", "--queue", "response-overdue"]) == 0
    out = capsys.readouterr().out
    # 1 December to 3 January: 33 days, not the ~1,400 days to today.
    assert "33 days" in out and NOTICE in out
    assert main(["--db", db_url, "list", "--queue", "awaiting-response", "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)[0]["days_waiting"] == 33 and NOTICE in captured.err
    assert main(["--db", db_url, "show", "7"]) == 0
    assert capsys.readouterr().out.startswith(NOTICE)


def test_an_explicit_as_of_needs_no_notice(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _import(db_url, tmp_path, "2023-01-03T12:00:00.000Z", "2022-12-01T09:00:00.000Z")
    capsys.readouterr()
    args = ["--db", db_url, "list", "--queue", "awaiting-response", "--as-of", "2022-12-11"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "10 days" in out and "Data as at" not in out


def test_current_captures_count_to_today_without_a_notice(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    now = datetime.now(UTC) - timedelta(hours=1)
    crossed = now - timedelta(days=5)
    _import(db_url, tmp_path, _site(now), _site(crossed))
    capsys.readouterr()
    assert main(["--db", db_url, "list", "--queue", "awaiting-response"]) == 0
    out = capsys.readouterr().out
    assert "Data as at" not in out and ("5 days" in out or "6 days" in out)


def test_the_window_can_ask_the_service(database: Database, tmp_path: Path) -> None:
    write(tmp_path, "7.json", single(7, updated_at="2023-01-03T12:00:00.000Z"))
    from caseworker.importing.importer import import_paths

    import_paths(database.engine, [tmp_path])
    service = PetitionService(database)
    assert service.data_as_at() == datetime(2023, 1, 3, 12, 0, tzinfo=UTC)
    assert service.data_date().stale


def _site(value: datetime) -> str:
    return value.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def test_one_day_is_a_day(db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _import(db_url, tmp_path, "2023-01-03T12:00:00.000Z", "2023-01-02T09:00:00.000Z")
    capsys.readouterr()
    assert main(["--db", db_url, "list", "--queue", "awaiting-response"]) == 0
    out = capsys.readouterr().out
    assert "  1 day  " in out and "1 days" not in out and out.rstrip().endswith("\n1 petition")
