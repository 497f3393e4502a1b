"""Issue 11: a clerk can finish the casework loop from the command line, end to end through
``main``: review, request, mark sent, chase, the agenda and its PDF, decide, accept."""

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


def test_the_loop_is_finished_from_the_command_line(
    answered_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = answered_url
    assert run(url, "review", str(PID), "--verdict", "request_revision", "--answers", "partly",
               "--position", "no", "--notes", "Silent on mandatory training.") == 0  # fmt: skip
    assert capsys.readouterr().out.strip().isdigit()
    assert run(url, "list", "--queue", "response-received", "--format", "json") == 0
    assert json.loads(capsys.readouterr().out) == []  # reviewed: no longer awaiting

    assert run(url, "request-revision", str(PID), "--reason", "Silent.", "--draft") == 0
    number = capsys.readouterr().out.strip()
    assert run(url, "mark-sent", number, "--on", "2025-06-05", "--due", "2025-06-08") == 0
    assert run(url, "chase", number, "--on", "2025-06-09", "--note", "Emailed") == 0
    assert "chased on 9 June 2025" in capsys.readouterr().err
    assert run(url, "requests", "--sort", "due", "--format", "json") == 0
    (record,) = json.loads(capsys.readouterr().out)
    assert (record["status"], record["overdue"], record["last_chased_on"]) == (
        "chased", True, "2025-06-09",
    )  # fmt: skip

    assert run(url, "agenda", "2025-06-10") == 0
    screen = capsys.readouterr().out
    assert "revised response overdue, chased 9 Jun" in screen and screen.count(str(PID)) == 1
    papers = tmp_path / "papers.pdf"
    assert run(url, "agenda", "2025-06-10", "-o", str(papers)) == 0
    assert "agenda of 1 item written to" in capsys.readouterr().err
    assert "chased 9 Jun" in " ".join(PdfReader(papers).pages[0].extract_text().split())

    assert run(url, "decide", "2025-06-10", str(PID), "write_to_department",
               "--notes", "Ask again") == 0  # fmt: skip
    assert run(url, "decide", "2025-06-10", str(PID), "defer") == 0  # changes it
    assert run(url, "agenda", "2025-06-10") == 0
    assert "Deferred its decision" in capsys.readouterr().out

    db = open_database(url)
    import_revised(db, tmp_path)
    db.dispose()
    assert run(url, "accept", number) == 0
    assert run(url, "requests", "--format", "json") == 0
    assert json.loads(capsys.readouterr().out)[0]["status"] == "accepted"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["chase-response", str(PID)], f"Petition {PID} already has a Government response"),
        (["chase-response", "1"], "petition 1 is not in the database"),
        (["review", str(PID), "--verdict", "accept", "--version", "999"],
         "Response version 999 does not exist"),
        (["mark-sent", "42"], "Request 42 does not exist"),
        (["withdraw", "42"], "Request 42 does not exist"),
        (["agenda", "2025-06-10", "-o", "papers.doc"], "the file name must end in .pdf"),
    ],
)  # fmt: skip
def test_refusals_are_one_line_with_exit_code_1(
    answered_url: str, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert run(answered_url, *args) == 1
    err = capsys.readouterr().err.strip()
    assert message in err and len(err.splitlines()) == 1


def test_chasing_an_overdue_first_response(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from caseworker.importing.importer import import_paths
    from tests.unit.services.captures import single, write

    document = single(
        900001, action="Fund rural\x1b[31m bus routes", signature_count=12_000,
        opened_at="2025-03-01T09:00:00.000Z",
        response_threshold_reached_at="2025-05-01T10:00:00.000Z",
        updated_at="2025-06-10T12:00:00.000Z",
    )  # fmt: skip
    db = open_database(db_url)
    assert import_paths(db.engine, [write(tmp_path, "w.json", document)]).failed == 0
    db.dispose()
    assert run(db_url, "chase-response", "900001", "--on", "2025-06-02", "--note", "Phoned") == 0
    captured = capsys.readouterr()
    assert captured.out.strip().isdigit()
    assert "petition 900001: department chased on 2 June 2025" in captured.err
    assert run(db_url, "chase-response", "900001", "--on", "2999-01-01") == 1
    assert "is in the future" in capsys.readouterr().err
    # The queue shows when the department was last chased, in the table and in JSON.
    queue = ["list", "--queue", "response-overdue", "--as-of", "2025-06-10"]
    assert run(db_url, *queue) == 0
    header, row = capsys.readouterr().out.splitlines()[:2]
    assert "Chased" in header and "2 Jun 2025" in row
    assert run(db_url, *queue, "--format", "json") == 0
    assert json.loads(capsys.readouterr().out)[0]["last_chased_on"] == "2025-06-02"
