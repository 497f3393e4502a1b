"""Letters kept with the case: stored as the clerk left them, listed, reopened, audited."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from caseworker.demo.generator import generate_demo
from caseworker.letters.compose import as_text
from caseworker.letters.templates import LetterKind
from caseworker.services.casework import CaseworkError, CaseworkServices, RecordNotFound
from caseworker.storage.engine import Database, open_database
from main import main
from tests.unit.casework.story import PID, import_original


def test_an_edited_letter_is_kept_listed_and_reopened_as_it_was(
    alice: CaseworkServices, bob: CaseworkServices
) -> None:
    request = alice.requests.create(PID, "Not answered.")
    letter = alice.letters.request_letter(request.id)
    edited = replace(letter, body=letter.body.replace("I am writing", "I write"))
    kept = alice.letters.keep(edited)
    chaser = bob.letters.keep(bob.letters.request_letter(request.id, LetterKind.CHASER))
    listed = alice.letters.kept_letters(PID)
    assert [k.id for k in listed] == [chaser.id, kept.id]  # newest first
    assert [k.saved_by for k in listed] == ["bob", "alice"]
    reopened = alice.letters.kept_letter(kept.id)
    assert reopened.letter == edited  # every field, the missing notes too
    assert reopened.request_id == request.id and reopened.kind is LetterKind.REVISION_REQUEST
    assert reopened.label == f"20 June 2025: Request for a revised response, PC/{PID}/{request.id}R"
    history = [(e.subject, e.action, e.actor) for e in alice.audit.for_petition(PID)]
    assert ("letter", "kept", "bob") in history and ("letter", "kept", "alice") in history


def test_an_empty_letter_or_an_unknown_number_is_refused(alice: CaseworkServices) -> None:
    letter = alice.letters.request_letter(alice.requests.create(PID, "Not answered.").id)
    with pytest.raises(CaseworkError, match="the letter has no text"):
        alice.letters.keep(replace(letter, body="  \n\n "))
    with pytest.raises(RecordNotFound, match="Letter 99 does not exist"):
        alice.letters.kept_letter(99)
    assert alice.letters.kept_letters(PID) == []


def test_letters_are_kept_and_listed_from_the_command_line(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = open_database(db_url)
    import_original(db, tmp_path)
    db.dispose()

    def run(*args: str) -> int:
        return main(["--db", db_url, *args])

    assert run("request-revision", str(PID), "--reason", "Not answered.",
               "--sent", "2025-06-20", "--due", "2025-07-11") == 0  # fmt: skip
    number = capsys.readouterr().out.strip()
    assert run("letters", str(PID)) == 0
    assert capsys.readouterr().out == f"0 letters kept for e-petition {PID}\n"
    assert run("letter", number, "-o", str(tmp_path / "a.txt"), "--keep") == 0
    err = capsys.readouterr().err
    assert "kept with the case as letter 1" in err
    assert "Not ready to send: no Secretary of State is named" in err  # said, not hidden
    assert run("letters", str(PID)) == 0
    table = capsys.readouterr().out
    assert f"PC/{PID}/{number}R" in table and "2025-06-20" in table
    assert table.rstrip().endswith(f"1 letter kept for e-petition {PID}")
    assert run("letters", str(PID), "--format", "json") == 0
    (record,) = json.loads(capsys.readouterr().out)
    assert {k: record[k] for k in ("id", "request_id", "kind", "dated", "draft")} == {
        "id": 1, "request_id": int(number), "kind": "revision_request",
        "dated": "2025-06-20", "draft": False,
    }  # fmt: skip
    assert record["body"].startswith("Dear Secretary of State,")
    assert run("letter", "--kept", "1", "-o", str(tmp_path / "b.txt")) == 0
    assert (tmp_path / "b.txt").read_text() == (tmp_path / "a.txt").read_text()
    assert run("letter", "--kept", "1", "-o", str(tmp_path / "b.html")) == 0  # by the suffix
    page = (tmp_path / "b.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Not ready to send" in page
    assert run("letters", "1") == 1
    assert "petition 1 is not in the database" in capsys.readouterr().err


def test_letters_about_demo_petitions_go_when_the_demo_is_made_again(
    database: Database,
) -> None:
    today = date(2026, 12, 1)
    generate_demo(database.engine, petitions=40, seed=3, today=today)
    services = CaseworkServices.open(database, actor="alice")
    (request, *_) = services.requests.list_requests()
    kept = services.letters.keep(services.letters.request_letter(request.id))
    assert "petition.parliament.uk" not in as_text(kept.letter)  # a demo petition has no page
    generate_demo(database.engine, petitions=40, seed=3, today=today)  # no dangling letters
    assert services.letters.kept_letters(kept.petition_id) == []
