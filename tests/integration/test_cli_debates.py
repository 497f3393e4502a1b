"""Issue 13 from the command line, through ``main``: Members, scheduling (grouped petitions,
a slot taken, a petition under 100,000, an unknown Member), a debate shown and changed, the
calendar with a recess and an extra slot."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

import caseworker.cli
from caseworker.storage.engine import open_database
from main import main
from tests.unit.debates.story import SEND, SMALL, TRAINING, import_petitions


@pytest.fixture
def story_url(sqlite_url: str, tmp_path: Path) -> str:
    db = open_database(sqlite_url)
    import_petitions(db, tmp_path)
    db.dispose()
    return sqlite_url


def run(url: str, *args: str) -> int:
    return main(["--db", url, *args])


def output(capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    captured = capsys.readouterr()
    return captured.out, captured.err


def test_the_debate_commands_are_on_the_command_line() -> None:
    for name in ("debates", "debate", "schedule", "calendar", "recess", "slot", "member"):
        assert name in caseworker.cli.COMMANDS, name
    # The Members whose constituents signed most keep their own command.
    assert "members" in caseworker.cli.COMMANDS


def test_a_grouped_debate_is_scheduled_shown_changed_and_listed(
    story_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    url = story_url
    assert run(url, "member", "add", "Amir Khan MP", "--constituency", "Leeds Central",
               "--party", "Labour", "--committee") == 0  # fmt: skip
    out, err = output(capsys)
    assert out.strip().isdigit() and "Amir Khan MP (Labour, Leeds Central)" in err
    assert run(url, "schedule", str(TRAINING), str(SEND), "--date", "2025-07-14",
               "--member", "amir khan", "--minister", "Minister for School Standards",
               "--relating-to", "training for education staff") == 0  # fmt: skip
    out, err = output(capsys)
    number = out.strip()
    assert "scheduled: Monday 14 July 2025, 4.30pm" in err
    assert (f"That this House has considered e-petitions {TRAINING} and {SEND} relating to "
            "training for education staff.") in err  # fmt: skip

    assert run(url, "debate", "show", number) == 0
    shown = output(capsys)[0]
    assert "Monday 14 July 2025, 4.30pm, Westminster Hall" in shown
    assert "Amir Khan MP (Labour, Leeds Central)" in shown and "Scheduled" in shown

    assert run(url, "debate", "set", number, "--status", "held", "--summary", "MPs agreed.",
               "--transcript-url", "https://hansard.parliament.uk/x") == 0  # fmt: skip
    assert "Held" in output(capsys)[1]
    assert run(url, "debate", "show", number, "--format", "json") == 0
    record = json.loads(output(capsys)[0])
    assert (record["status"], record["summary"], record["transcript_url"]) == (
        "held",
        "MPs agreed.",
        "https://hansard.parliament.uk/x",
    )
    assert record["petitions"] == [TRAINING, SEND] and record["starts_at"] == "16:30"
    assert record["opening_member_constituency"] == "Leeds Central"

    # The story's petition 700143 was debated on 7 July (the site's record, imported).
    assert run(url, "debates", "--status", "held", "--from", "2025-07-10", "--format", "csv") == 0
    (row,) = list(csv.DictReader(io.StringIO(output(capsys)[0])))
    assert (row["id"], row["day"], row["petitions"]) == (number, "2025-07-14", f"{TRAINING} {SEND}")
    assert run(url, "debates", "--status", "proposed") == 0
    assert output(capsys) == ("", "no debates recorded\n")
    assert run(url, "debates", "--from", "2025-07-01", "--to", "2025-07-31") == 0
    table = output(capsys)[0]
    assert "14 Jul 2025" in table and "Amir Khan MP" in table


def test_refusals_are_one_line(story_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    url = story_url
    assert run(url, "schedule", str(TRAINING), "--date", "2025-07-14") == 0
    first = output(capsys)[0].strip()
    assert run(url, "schedule", str(SEND), "--date", "2025-07-14") == 1
    err = output(capsys)[1]
    assert err.count("\n") == 1
    assert f"Monday 14 July 2025 at 4.30pm already holds debate {first}" in err
    assert run(url, "schedule", str(SMALL), "--date", "2025-07-21") == 1
    assert "under the 100,000" in output(capsys)[1]
    assert run(url, "schedule", str(SEND), "--date", "2025-07-21", "--member", "Nobody") == 1
    assert "unknown Member 'Nobody'" in output(capsys)[1]
    assert run(url, "schedule", str(SEND), "--date", "2025-07-22") == 1  # a Tuesday
    assert "is not a debate slot" in output(capsys)[1]
    assert run(url, "debate", "set", "999", "--status", "held") == 1
    assert run(url, "debate", "set", first, "--member", "Nobody") == 1
    assert "unknown Member" in output(capsys)[1]
    with pytest.raises(SystemExit):
        run(url, "schedule", str(SEND), "--date", "2025-07-21", "--time", "25:00")
    assert "not a time of day" in output(capsys)[1]


def test_the_calendar_with_a_recess_and_an_extra_slot(
    story_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    url = story_url
    assert run(url, "schedule", str(TRAINING), "--date", "2025-07-14") == 0
    debate = output(capsys)[0].strip()
    assert run(url, "recess", "add", "Summer", "2025-07-22", "2025-09-01") == 0
    recess = output(capsys)[0].strip()
    assert run(url, "recess", "add", "Overlap", "2025-07-10", "2025-07-15") == 1
    assert f"Debate {debate} is scheduled for Monday 14 July 2025" in output(capsys)[1]
    assert run(url, "slot", "add", "2025-07-16", "--time", "18:00", "--note", "Backbench") == 0
    slot = output(capsys)[0].strip()
    assert run(url, "slot", "add", "2025-08-05", "--time", "18:00") == 1
    assert "in the Summer recess" in output(capsys)[1]

    assert run(url, "calendar", "--from", "2025-06-30", "--to", "2025-09-15") == 0
    lines = output(capsys)[0].splitlines()
    assert any("Monday 30 June 2025" in x and "free" in x for x in lines)
    assert any("Monday 7 July 2025" in x and "Held, e-petition 700143" in x for x in lines)
    assert any("Monday 14 July 2025" in x and f"debate {debate}: Scheduled" in x for x in lines)
    assert any("Wednesday 16 July 2025" in x and f"extra slot {slot}: Backbench" in x
               for x in lines)  # fmt: skip
    assert not any("Monday 4 August 2025" in x for x in lines)  # in recess: no slot
    assert any("Monday 8 September 2025" in x for x in lines)
    assert f"Recess {recess}: Summer, 22 July 2025 to 1 September 2025" in lines
    assert any(x.startswith(f"Waiting for a decision: {SEND}") for x in lines)

    assert run(url, "slot", "remove", slot) == 0 and run(url, "recess", "remove", recess) == 0
    assert run(url, "recess", "list") == 0
    assert "no recesses entered" in output(capsys)[0]
    assert run(url, "recess", "remove", recess) == 1


def test_members_are_listed_changed_and_removed(
    story_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    url = story_url
    # The story's import kept the Member the site names as opening the 7 July debate.
    assert run(url, "member", "list") == 0
    assert "Jane Smith MP" in output(capsys)[0]
    assert run(url, "member", "add", "Tom Brown", "--party", "Liberal Democrat") == 0
    tom = output(capsys)[0].strip()
    assert run(url, "member", "add", "Ann Green", "--committee") == 0
    assert run(url, "member", "add", "tom brown MP") == 1
    assert "Tom Brown is already in the list of Members" in output(capsys)[1]
    assert run(url, "member", "edit", tom, "--constituency", "Bath", "--committee") == 0
    assert run(url, "member", "list", "--format", "json") == 0
    listed = json.loads(output(capsys)[0])
    assert [(m["name"], m["constituency"], m["committee_member"]) for m in listed] == [
        ("Ann Green", "", True), ("Tom Brown", "Bath", True), ("Jane Smith", "", False),
    ]  # fmt: skip
    assert run(url, "member", "edit", tom, "--not-committee") == 0
    assert run(url, "member", "list", "--committee") == 0
    assert "Tom Brown" not in output(capsys)[0]
    assert run(url, "schedule", str(TRAINING), "--member", "Tom Brown") == 0
    assert run(url, "member", "remove", tom) == 1
    assert "opens 1 debate(s)" in output(capsys)[1]
    assert run(url, "member", "edit", "999", "--party", "Green") == 1


def test_scheduling_and_a_taken_slot_on_each_backend(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = open_database(db_url)
    import_petitions(db, tmp_path)
    db.dispose()
    assert run(db_url, "member", "add", "Amir Khan", "--constituency", "Leeds Central") == 0
    assert run(db_url, "schedule", str(TRAINING), "--date", "2025-07-14", "--time", "4.30pm",
               "--member", "Amir Khan") == 0  # fmt: skip
    capsys.readouterr()
    assert run(db_url, "schedule", str(SEND), "--date", "14/07/2025") == 1
    assert "already holds debate" in output(capsys)[1]
    assert run(db_url, "debates", "--from", "2025-07-10", "--format", "json") == 0
    (record,) = json.loads(output(capsys)[0])
    assert (record["day"], record["opening_member"]) == ("2025-07-14", "Amir Khan MP")
