"""Issue 13: the Committee's decisions at 100,000 from the command line, with the window's
refusals as one line and exit code 1."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

import pytest

from caseworker import cli
from caseworker.cli import debate_decisions
from caseworker.cli.common import PROG, ArgumentParser, CommandError, say
from caseworker.services.errors import PetitionNotFound
from caseworker.storage.engine import open_database
from main import main
from tests.unit.casework.story import MovableClock
from tests.unit.debates.story import SEND, SMALL, TRAINING, debate_services, import_petitions

MONDAY = "2025-07-14"


@pytest.fixture
def url(db_url: str, tmp_path: Path) -> str:
    db = open_database(db_url)
    import_petitions(db, tmp_path)
    db.dispose()
    return db_url


def run(url: str, *args: str) -> int:
    """Through ``main`` once the commands are listed there; until then through this area's
    own parser and handlers, as ``main`` would run them."""
    if "decline" in cli.COMMANDS:
        return main(["--db", url, *args])
    parser: argparse.ArgumentParser = ArgumentParser(prog=PROG)
    debate_decisions.add_parsers(parser.add_subparsers(dest="command"))
    parsed = parser.parse_args(list(args))
    db = open_database(url)
    try:
        return debate_decisions.COMMANDS[parsed.command](db, parsed, sys.stdout, sys.stderr)
    except (CommandError, PetitionNotFound) as exc:
        say(sys.stderr, f"{PROG}: {exc}")
        return 1
    finally:
        db.dispose()


def test_decline_with_the_reason_at_a_meeting_then_the_history(
    url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(url, "decline", str(TRAINING), "--reason", "recently debated", "--debates",
               "7 July 2025, e-petition 700143", "--meeting", "2025-06-24") == 0  # fmt: skip
    captured = capsys.readouterr()
    assert captured.out.strip().isdigit()
    assert captured.err.strip() == (
        "meeting of 24 June 2025: e-petition 724432: Decided not to schedule a debate: "
        "recently debated; debates named: 7 July 2025, e-petition 700143"
    )
    assert run(url, "decide-debate", str(SEND), "--defer", "--reason", "a bill is due",
               "--on", "2025-06-25") == 0  # fmt: skip
    capsys.readouterr()
    assert run(url, "debate-decisions", str(TRAINING), "--format", "json") == 0
    [record] = json.loads(capsys.readouterr().out)
    assert (record["decision"], record["reason"], record["meeting_on"]) == (
        "decline", "recently debated", "2025-06-24",
    )  # fmt: skip
    assert run(url, "debate-decisions", str(SEND)) == 0
    table = capsys.readouterr().out
    assert "Deferred its decision on a debate: a bill is due" in table
    assert "1 decision" in table


def test_schedule_and_group_place_the_petitions_in_one_debate(
    url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(url, "decide-debate", str(TRAINING), "--schedule", "--day", MONDAY) == 0
    assert run(url, "decide-debate", str(SEND), "--group-with", str(TRAINING)) == 0
    db = open_database(url)
    try:
        services = debate_services(db, "alice", MovableClock(date(2025, 6, 20)))
        [debate] = services.debates.for_petition(SEND)
        assert (debate.day, debate.petition_ids) == (date(2025, 7, 14), (TRAINING, SEND))
    finally:
        db.dispose()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["decline", str(SMALL), "--reason", "recently debated"],
         "e-petition 730000 has 42,000 signatures, under the 100,000 at which the Committee "
         "considers a debate"),
        (["decline", str(TRAINING), "--reason", " "],
         "Say why the Committee decided not to schedule a debate"),
        (["decide-debate", str(TRAINING), "--schedule", "--day", MONDAY, "--member", "Nobody"],
         "unknown Member 'Nobody'"),
        (["decide-debate", str(TRAINING), "--defer", "--day", MONDAY],
         "--day, --member and --debate go with --schedule or --group-with"),
        (["debate-decisions", "999999"], "999999"),
    ],
)  # fmt: skip
def test_refusals_are_one_line_with_exit_code_1(
    url: str, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert run(url, *args) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert err.startswith(f"{PROG}: ")
    assert message in err


def test_a_slot_already_taken_is_refused_naming_the_debate(
    url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(url, "decide-debate", str(TRAINING), "--schedule", "--day", MONDAY) == 0
    capsys.readouterr()
    assert run(url, "decide-debate", str(SEND), "--schedule", "--day", MONDAY) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert "Monday 14 July 2025 at 4.30pm already holds debate" in err
