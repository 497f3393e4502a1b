"""Issue 13: a debate's public engagement from the command line: record the call, import a
survey's CSV (bad rows by line, nothing half-stored), theme, tag, quote, show."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

import pytest

from caseworker import cli
from caseworker.cli import engagement
from caseworker.cli.common import PROG, ArgumentParser, CommandError, say
from caseworker.storage.engine import open_database
from main import main
from tests.unit.casework.story import MovableClock
from tests.unit.debates.story import TRAINING, debate_services, import_petitions

SURVEY = (
    "Response ID,Submitted,Your experience,Postcode area\n"
    "1,12/05/2025 09:14,My son waited two years for an assessment.,Leeds\n"
    '2,13/05/2025 18:02,"Teachers were kind, but nobody had training.",Bristol\n'
    "3,31/02/2025,Training made the difference.,York\n"
    "4,15/05/2025,,Leeds\n"
)


@pytest.fixture
def debate(db_url: str, tmp_path: Path) -> tuple[str, str]:
    """The database's URL and a scheduled debate's number."""
    db = open_database(db_url)
    import_petitions(db, tmp_path)
    services = debate_services(db, "alice", MovableClock(date(2025, 6, 20)))
    debate_id = services.debates.schedule([TRAINING], day=date(2025, 7, 14)).id
    db.dispose()
    return db_url, str(debate_id)


def run(url: str, *args: str) -> int:
    """``caseworker engagement …``: through ``main`` once the command is listed there; until
    then through this area's own parser and handler, as ``main`` would run them."""
    if "engagement" in cli.COMMANDS:
        return main(["--db", url, "engagement", *args])
    parser: argparse.ArgumentParser = ArgumentParser(prog=PROG)
    engagement.add_parsers(parser.add_subparsers(dest="command"))
    parsed = parser.parse_args(["engagement", *args])
    db = open_database(url)
    try:
        return engagement.COMMANDS["engagement"](db, parsed, sys.stdout, sys.stderr)
    except CommandError as exc:
        say(sys.stderr, f"{PROG}: {exc}")
        return 1
    finally:
        db.dispose()


def test_a_clerk_records_imports_tags_and_quotes(
    debate: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url, number = debate
    file = tmp_path / "survey.csv"
    file.write_text(SURVEY, encoding="utf-8")
    columns = ["--text", "Your experience", "--date", "Submitted", "--location", "Postcode area"]
    assert run(url, "import", number, str(file), *columns) == 1
    assert "record the call first" in capsys.readouterr().err

    assert run(url, "set", number, "--title", "Share your experiences of SEND training",
               "--opens", "2025-05-10", "--closes", "2025-05-30", "--member", "Jane Smith MP",
               "--ran-on", "the House of Commons website") == 0  # fmt: skip
    assert "(0 responses)" in capsys.readouterr().err

    assert run(url, "import", number, str(file), *columns) == 1
    captured = capsys.readouterr()
    assert captured.out.strip() == "0"
    assert "line 4: the date '31/02/2025' is not a date" in captured.err
    assert "No text on 1 line (5): not imported." in captured.err
    assert "nothing imported: correct the rows above, or give --skip-bad" in captured.err
    assert run(url, "responses", number) == 0
    assert "0 of 0 responses" in capsys.readouterr().out

    assert run(url, "import", number, str(file), *columns, "--skip-bad") == 0
    captured = capsys.readouterr()
    assert captured.out.strip() == "2"
    assert "2 responses imported from survey.csv (4 rows read, UTF-8)." in captured.err

    assert run(url, "theme", number, "add", "Waiting for assessment") == 0
    assert run(url, "theme", number, "add", "Training", "--description", "Staff training") == 0
    capsys.readouterr()
    assert run(url, "responses", number, "--untagged") == 0
    listed = capsys.readouterr().out
    ids = [line.split()[0] for line in listed.splitlines()[1:3]]
    assert "2 of 2 responses" in listed and "12 May 2025  Leeds" in listed
    assert run(url, "tag", number, "--theme", "training", ids[1]) == 0
    assert "theme 'Training': 1 response" in capsys.readouterr().err
    assert run(url, "tag", number, "--theme", "Waiting for assessment", *ids) == 0
    assert run(url, "tag", number, "--theme", "Waiting for assessment", ids[1], "--remove") == 0
    capsys.readouterr()
    assert run(url, "quote", number, "add", "--response", ids[0], "--may-quote",
               "--theme", "Waiting for assessment") == 0  # fmt: skip
    assert run(url, "quote", number, "add", "--text", "Thank you for asking.",
               "--source", "A teacher") == 0  # fmt: skip
    capsys.readouterr()

    assert run(url, "show", number) == 0
    screen = capsys.readouterr().out
    assert "Open: 10 May 2025 to 30 May 2025" in screen
    assert "Responses: 2 imported, 0 with no theme" in screen
    assert "Training                1          Staff training" in screen
    assert ("“My son waited two years for an assessment.” — Survey response, Leeds, "
            "12 May 2025 [Waiting for assessment] (may be quoted)") in screen  # fmt: skip
    assert "“Thank you for asking.” — A teacher (not for quotation)" in screen

    assert run(url, "set", number, "--responses", "1,204") == 0
    assert run(url, "show", number, "--format", "json") == 0
    record = json.loads(capsys.readouterr().out)
    assert (record["title"], record["responses"], record["imported"]) == (
        "Share your experiences of SEND training", 1204, 2,
    )  # fmt: skip
    assert record["closes_on"] == "2025-05-30"  # kept: not given the second time
    assert [(t["name"], t["responses"]) for t in record["themes"]] == [
        ("Waiting for assessment", 1), ("Training", 1),
    ]  # fmt: skip
    assert [q["may_quote"] for q in record["quotations"]] == [True, False]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["import", "{n}", "{file}", "--text", "Answer"],
         "survey.csv has no column 'Answer'; its columns are 'Response ID', 'Submitted', "
         "'Your experience', 'Postcode area'"),
        (["set", "{n}", "--opens", "2025-05-30", "--closes", "2025-05-10"],
         "The call cannot close (10 May 2025) before it opens (30 May 2025)"),
        (["tag", "{n}", "--theme", "Costs", "1"], "has no theme 'Costs'; its themes: none yet"),
        (["show", "999"], "Debate 999 does not exist"),
        (["quote", "{n}", "add"], "give the quotation's --text, or the --response"),
        (["set", "{n}", "--responses", "many"], "--responses 'many' is not a whole number"),
    ],
)  # fmt: skip
def test_refusals_are_one_line_with_exit_code_1(
    debate: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str],
    args: list[str], message: str,
) -> None:  # fmt: skip
    url, number = debate
    file = tmp_path / "survey.csv"
    file.write_text(SURVEY, encoding="utf-8")
    assert run(url, "set", number, "--title", "A call") == 0
    capsys.readouterr()
    filled = [a.replace("{n}", number).replace("{file}", str(file)) for a in args]
    assert run(url, *filled) == 1
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


def _parsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    found = [parser]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                found += _parsers(sub)
    return found


def test_every_argument_is_explained_and_help_wraps_at_spaces() -> None:
    parser: argparse.ArgumentParser = ArgumentParser(prog=PROG)
    engagement.add_parsers(parser.add_subparsers(dest="command"))
    for sub in _parsers(parser)[1:]:
        unexplained = [
            a.metavar or a.dest
            for a in sub._actions
            if not isinstance(a, argparse._HelpAction) and not a.help
        ]
        assert unexplained == [], f"{sub.prog}: {unexplained} have no help"
        shown = sub.format_help()
        words = {w for a in sub._actions if a.help for w in str(a.help).split()}
        assert sorted(w for w in words if w not in shown) == [], sub.prog
