"""``--help`` explains every argument, wraps only at spaces, and dates are typed as clerks do."""

from __future__ import annotations

import argparse
import re
from datetime import date

import pytest

from caseworker.cli import build_parser
from caseworker.formatting import parse_date
from main import main

#: The commands of the petitions, briefing and administration areas.
COMMANDS = ("import", "list", "show", "demo", "brief", "briefs", "db")


def _subparser(name: str) -> argparse.ArgumentParser:
    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    sub: argparse.ArgumentParser = commands.choices[name]
    return sub


@pytest.mark.parametrize("command", COMMANDS)
def test_every_argument_is_explained(command: str) -> None:
    sub = _subparser(command)
    unexplained = [
        a.metavar or a.dest
        for a in sub._actions
        if not isinstance(a, argparse._HelpAction) and not a.help
    ]
    assert unexplained == [], f"{command}: {unexplained} have no help"


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_wraps_at_spaces_and_never_inside_a_word(command: str | None) -> None:
    parser = build_parser() if command is None else _subparser(command)
    shown = parser.format_help()
    words = {w for a in parser._actions if a.help for w in str(a.help).split()}
    broken = sorted(w for w in words if w not in shown)
    assert broken == [], f"cut across lines in {command or 'the main'} help: {broken}"
    # The usage line's choices, cut by argparse's own wrapping, are replaced by names.
    assert not re.search(r"\{[^}]*\n", shown)


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("2021-11-15", date(2021, 11, 15)),
        ("15/11/2021", date(2021, 11, 15)),
        ("5/5/2021", date(2021, 5, 5)),
        ("15 November 2021", date(2021, 11, 15)),
        ("15 nov 2021", date(2021, 11, 15)),
        ("1 Sept 2021", date(2021, 9, 1)),
    ],
)
def test_dates_as_clerks_type_them(typed: str, day: date) -> None:
    assert parse_date(typed) == day


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("04/05/2021", "could be 4 May 2021 or 5 April 2021: write 2021-05-04"),
        ("11/15/2021", "has no month 15: dates with / are DD/MM/YYYY"),
        ("15/11/21", "write the year in full"),
        ("31/02/2021", "is not a date in the calendar"),
        ("yesterday", "write it as YYYY-MM-DD, DD/MM/YYYY or 5 April 2025"),
    ],
)
def test_unclear_dates_are_refused_with_a_reason(typed: str, says: str) -> None:
    with pytest.raises(ValueError, match=re.escape(says)):
        parse_date(typed)


def test_list_takes_a_uk_date_and_refuses_an_unclear_one(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", sqlite_url, "demo", "--petitions", "5"]) == 0
    capsys.readouterr()
    assert main(["--db", sqlite_url, "list", "--as-of", "15/11/2021"]) == 0
    with pytest.raises(SystemExit) as refused:
        main(["--db", sqlite_url, "list", "--as-of", "04/05/2021"])
    assert refused.value.code == 2
    err = capsys.readouterr().err
    assert "'04/05/2021' could be 4 May 2021 or 5 April 2021" in err and "Traceback" not in err
