"""The command line end to end: import, list, show and their errors, on a real database."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from main import main
from tests.conftest import PROJECT_ROOT
from tests.unit.services.captures import response, single, write


@pytest.fixture
def captures(tmp_path: Path) -> Path:
    folder = tmp_path / "captures"
    folder.mkdir()
    write(
        folder,
        "10.json",
        single(
            10,
            action="Fund <b>rural</b> buses & trams",
            signature_count=12_345,
            response_threshold_reached_at="2025-05-01T08:00:00.000Z",
        ),
    )
    write(
        folder,
        "11.json",
        single(
            11,
            action="Protect Welsh place names: Ynys Môn, Llŷn",
            signature_count=150,
            state="closed",
            closed_at="2025-06-01T22:59:59.999Z",
            government_response=response("A reply.", "2025-05-20"),
            signatures_by_constituency=[
                {"name": "Ynys Môn", "ons_code": "W07000112", "mp": None, "signature_count": 100},
            ],
        ),
    )
    return folder  # fmt: skip


def run(db_url: str, *args: str) -> int:
    return main(["--db", db_url, *args])


def test_import_then_list_json(
    db_url: str, captures: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(db_url, "import", str(captures)) == 0
    summary = "2 files: 2 petitions imported, 0 updated, 0 unchanged; 0 files failed"
    assert summary in capsys.readouterr().out
    assert run(db_url, "list", "--format", "json", "--as-of", "2025-06-30") == 0
    records = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in records] == [10, 11]
    assert records[0]["action"] == "Fund <b>rural</b> buses & trams"
    assert records[0]["opened_at"] == "2025-01-02T09:00:00.000Z"
    assert set(records[0]) == {
        "id", "action", "state", "signature_count", "opened_at", "closed_at",
        "response_threshold_reached_at", "government_response_at", "debate_threshold_reached_at",
        "scheduled_debate_date", "debate_outcome_at",
    }  # fmt: skip


def test_queue_json_has_days_waiting(
    sqlite_url: str, captures: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(sqlite_url, "import", str(captures))
    capsys.readouterr()
    run(
        sqlite_url,
        "list",
        "--queue",
        "response-overdue",
        "--as-of",
        "2025-06-30",
        "--format",
        "json",
    )
    records = json.loads(capsys.readouterr().out)
    assert [(r["id"], r["days_waiting"]) for r in records] == [(10, 60)]


def test_reimport_is_unchanged(
    sqlite_url: str, captures: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(sqlite_url, "import", str(captures))
    capsys.readouterr()
    assert run(sqlite_url, "import", str(captures)) == 0
    assert "0 petitions imported, 0 updated, 2 unchanged; 0 files failed" in capsys.readouterr().out


def test_csv_and_table(sqlite_url: str, captures: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(sqlite_url, "import", str(captures))
    capsys.readouterr()
    run(sqlite_url, "list", "--format", "csv", "--search", "welsh")
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["id"] for r in rows] == ["11"]
    assert rows[0]["action"] == "Protect Welsh place names: Ynys Môn, Llŷn"
    run(sqlite_url, "list", "--state", "open")
    table = capsys.readouterr().out
    assert "12,345" in table and "1 petition" in table


def test_show_json_and_text(
    sqlite_url: str, captures: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(sqlite_url, "import", str(captures))
    capsys.readouterr()
    assert run(sqlite_url, "show", "11", "--format", "json") == 0
    record = json.loads(capsys.readouterr().out)
    assert record["responses"][0]["summary"] == "A reply."
    assert record["responses"][0]["responded_on"] == "2025-05-20"
    assert record["signatures_by_constituency"][0]["name"] == "Ynys Môn"
    assert record["signature_history"] == [{"at": "2025-06-01T12:00:00.000Z", "count": 150}]
    for key in ("responses", "signature_history", "signatures_by_region", "signatures_by_country",
                "debate", "departments", "topics", "government_response"):  # fmt: skip
        assert key in record
    assert run(sqlite_url, "show", "11") == 0
    text = capsys.readouterr().out
    assert "Protect Welsh place names" in text and "A reply." in text


def test_failed_file_exit_code_and_message(
    sqlite_url: str, captures: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = captures / "broken.json"
    bad.write_text('{"data": {"type": "petition", "id": 12, "attributes": {', encoding="utf-8")
    assert run(sqlite_url, "import", str(captures)) == 1
    out, err = capsys.readouterr()
    assert "2 petitions imported, 0 updated, 0 unchanged; 1 file failed" in out
    assert "broken.json: truncated JSON" in err
    assert "Traceback" not in err


def test_unknown_petition(sqlite_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(sqlite_url, "show", "999") == 1
    assert "petition 999 is not in the database" in capsys.readouterr().err


def test_bad_as_of_is_a_usage_error(sqlite_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        run(sqlite_url, "list", "--as-of", "06/30/2025")
    assert exit_info.value.code == 2
    assert "'06/30/2025' has no month 30: dates with / are DD/MM/YYYY" in capsys.readouterr().err


def test_unreachable_database_gives_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--db", "postgresql+psycopg://nobody@127.0.0.1:1/none", "list"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("caseworker: cannot open the database:")
    assert "Traceback" not in err


def test_real_process_prints_no_traceback(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "main.py", "--db", str(tmp_path / "x.sqlite3"), "import",
         str(tmp_path / "missing")],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 1
    assert "missing: no such file or folder" in result.stderr
    assert "Traceback" not in result.stderr
