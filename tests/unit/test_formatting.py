"""House style for dates, times and numbers, whatever the desktop's language."""

from __future__ import annotations

import ast
import re
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest

from caseworker import formatting as f
from caseworker.domain import rules
from caseworker.letters.compose import Letter, as_text
from caseworker.letters.templates import LetterKind
from caseworker.services import text_report
from tests.conftest import PROJECT_ROOT
from tests.house_locale import french_dates
from ui.sync import status_text

__all__ = ["french_dates"]

SUMMER_NOON = datetime(2025, 4, 29, 11, 7, tzinfo=UTC)  # 12:07 BST
WINTER = datetime(2025, 11, 25, 23, 30, tzinfo=UTC)  # 23:30 GMT


def test_dates_are_house_style() -> None:
    assert f.long_date(date(2025, 4, 5)) == "5 April 2025"
    assert f.short_date(date(2025, 4, 5)) == "5 Apr 2025"
    assert f.day_month(date(2025, 9, 30)) == "30 Sep"
    assert f.month_year(date(2025, 1, 1)) == "Jan 2025"
    assert f.month_year(date(2025, 3, 1), year=False) == "Mar"
    assert f.weekday_date(date(2025, 7, 7)) == "Monday 7 July 2025"
    # A timestamp is first turned into its London date: 23:30 UTC on 30 June is 1 July in BST.
    assert f.long_date(datetime(2025, 6, 30, 23, 30, tzinfo=UTC)) == "1 July 2025"


def test_times_are_london_clock_and_name_the_zone_only_when_asked() -> None:
    assert f.clock(time(9, 5)) == "09:05"
    assert f.moment(SUMMER_NOON) == "29 April 2025, 12:07"
    assert f.moment(SUMMER_NOON, zone_name=True) == "29 April 2025, 12:07 BST"
    assert f.moment(WINTER, short=True, zone_name=True) == "25 Nov 2025 23:30 GMT"
    assert f.papers_clock(time(16, 30)) == "4.30pm"


def test_numbers_carry_separators_and_nouns_agree() -> None:
    assert f.count(142_931) == "142,931"
    assert f.counted(1, "file") == "1 file"
    assert f.counted(3, "file") == "3 files"
    assert f.counted(1_204, "petition") == "1,204 petitions"
    assert f.counted(2, "reply", "replies") == "2 replies"


def test_letters_and_the_cli_agree_under_a_french_desktop(french_dates: None) -> None:
    letter = Letter(LetterKind.CHASER, 1, "PC/1", date(2026, 10, 7), "A", "S", "Body.", "Clerk")
    assert "\n7 October 2026\n" in as_text(letter)
    assert rules.long_date(date(2026, 10, 7)) == "7 October 2026"
    assert text_report._when(SUMMER_NOON) == "29 April 2025, 12:07 BST"
    assert f.short_date(date(2025, 4, 5)) == "5 Apr 2025"
    assert f.weekday_date(date(2025, 7, 7)) == "Monday 7 July 2025"
    assert status_text.when(SUMMER_NOON, WINTER, UTC) == "29 Apr 2025 11:07"


#: strftime codes whose words come from the locale: month and day names, AM/PM, %c/%x/%X.
LOCALE_CODES = re.compile(r"%[-#_^0]?[aAbBhcxXpPZ]")

#: Every module writes dates through caseworker.formatting, never the locale's names.
HOUSE_STYLE_MODULES = ("caseworker", "ui", "main.py")


def _python_files() -> list[Path]:
    found: list[Path] = []
    for name in HOUSE_STYLE_MODULES:
        path = PROJECT_ROOT / name
        found += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return found


@pytest.mark.parametrize("path", _python_files(), ids=lambda p: str(p.relative_to(PROJECT_ROOT)))
def test_no_house_style_module_asks_the_locale_for_names(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(n.body[0].value) for n in ast.walk(tree) if _has_docstring(n)}
    codes = [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and LOCALE_CODES.search(node.value)
    ]
    assert codes == [], f"{path.name} formats with the locale: {codes}"


def _has_docstring(node: ast.AST) -> bool:
    scopes = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
    return (
        isinstance(node, scopes)
        and bool(node.body)
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    )
