"""The request-revision, requests and letter commands, end to end through ``main``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from caseworker.storage.engine import open_database
from main import main
from tests.unit.casework.story import PID, import_original, import_revised


@pytest.fixture
def answered_url(db_url: str, tmp_path: Path) -> str:
    db = open_database(db_url)
    import_original(db, tmp_path)
    db.dispose()
    return db_url


def run(url: str, *args: str) -> int:
    return main(["--db", url, *args])


def test_request_list_and_letter(
    answered_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reason = "It does not say whether the training will be mandatory."
    assert run(answered_url, "request-revision", str(PID), "--reason", reason,
               "--sent", "2025-06-20", "--due", "2025-07-11") == 0  # fmt: skip
    number = int(capsys.readouterr().out.strip())

    assert run(answered_url, "requests", "--format", "json") == 0
    (record,) = json.loads(capsys.readouterr().out)
    assert {k: record[k] for k in ("id", "petition_id", "status", "reasons", "due_on")} == {
        "id": number, "petition_id": PID, "status": "sent", "reasons": reason,
        "due_on": "2025-07-11",
    }  # fmt: skip
    assert record["revised_version"] is None
    assert isinstance(record["response_version"], int)
    assert record["sent_on"] == "2025-06-20"

    db = open_database(answered_url)
    import_revised(db, tmp_path)
    db.dispose()
    assert run(answered_url, "requests", "--status", "received", "--format", "json") == 0
    (record,) = json.loads(capsys.readouterr().out)
    assert record["revised_version"] not in (None, record["response_version"])

    assert run(answered_url, "requests") == 0
    table = capsys.readouterr().out
    assert f"{number}    {PID}" in table and "received" in table and "1 request" in table
    assert "20 Jun 2025" in table and "11 Jul 2025" in table  # House style, as in the window

    pdf, txt = tmp_path / "letter.pdf", tmp_path / "letter.txt"
    assert run(answered_url, "letter", str(number), "-o", str(pdf)) == 0
    assert run(answered_url, "letter", str(number), "-o", str(txt)) == 0
    printed = " ".join(PdfReader(pdf).pages[0].extract_text().split())
    assert reason in printed and "11 July 2025" in printed
    assert reason in " ".join(txt.read_text(encoding="utf-8").split())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["request-revision", "1", "--reason", "x"], "petition 1 is not in the database"),
        (["request-revision", str(PID), "--reason", " "], "Say which points of the"),
        (["request-revision", str(PID), "--reason", "x", "--due", "2020-01-01"],
         "The due date (2020-01-01) is before the request was sent"),
        (["letter", "99", "-o", "x.pdf"], "Request 99 does not exist"),
        (["requests", "--petition", "123"], "petition 123 is not in the database"),
        (["request-revision", str(PID), "--reason", "x", "--sent", "2999-01-01"],
         "The date sent (2999-01-01) is in the future"),
        (["letter", "-o", "x.pdf"], "give either a REQUEST_ID or --overdue"),
        (["letter", "--overdue", str(PID), "-o", "x.txt"], "already has a Government response"),
    ],
)  # fmt: skip
def test_refusals_are_one_line_naming_the_problem(
    answered_url: str, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert run(answered_url, *args) == 1
    err = capsys.readouterr().err.strip()
    assert message in err and len(err.splitlines()) == 1
    assert run(answered_url, "requests", "--format", "json") == 0
    assert json.loads(capsys.readouterr().out) == []
