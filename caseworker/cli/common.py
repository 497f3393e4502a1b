"""What every command shares: argument types, errors and progress on the terminal."""

from __future__ import annotations

import argparse
import re
import textwrap
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING, Any, TextIO, TypeAlias

from caseworker.formatting import long_date, parse_date
from caseworker.services.casework import CaseworkError, EditConflict, RecordNotFound
from caseworker.storage.engine import Database
from caseworker.textsafe import for_terminal, one_line

PROG = "caseworker"

#: A command's handler: the open database, its arguments, stdout and stderr; returns the
#: exit code.
Handler = Callable[[Database, argparse.Namespace, TextIO, TextIO], int]
if TYPE_CHECKING:  # subscripting argparse's private class fails at run time
    Subcommands: TypeAlias = argparse._SubParsersAction[argparse.ArgumentParser]
else:
    Subcommands = argparse._SubParsersAction


class CommandError(Exception):
    """A command cannot do what was asked; the message is printed as it is (exit code 1)."""


#: Dates a command accepts: wide enough for any petition, narrow enough that adding a
#: deadline or a chart's span can never overflow Python's dates (9999-12-31).
FIRST_DATE = date(2000, 1, 1)
LAST_DATE = date(2999, 12, 31)
#: Days a response may be given: ten years is already far beyond any rule.
MAX_DAYS = 3_650
#: Record numbers (petitions, requests) fit the databases' 32-bit integer columns.
MAX_NUMBER = 2_147_483_647
#: Demo petitions in one run: the generator's own MAX_DEMO_PETITIONS (not imported here, so
#: that every command does not load the generator).
MAX_DEMO_PETITIONS = 1_000_000


def days(value: str) -> int:
    try:
        days = int(value)
    except ValueError:
        days = -1
    if not 0 <= days <= MAX_DAYS:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a whole number of days from 0 to {MAX_DAYS:,}"
        )
    return days


def date_argument(value: str) -> date:
    """A date as a clerk types it: 2021-11-15, 15/11/2021 (where it cannot be mistaken for
    an American date) or 15 November 2021; refused in a sentence otherwise."""
    try:
        day = parse_date(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    if not FIRST_DATE <= day <= LAST_DATE:
        raise argparse.ArgumentTypeError(
            f"{value} is out of range: give a date from {long_date(FIRST_DATE)} "
            f"to {long_date(LAST_DATE)}"
        )
    return day


#: The name other commands import; it accepts every form ``date_argument`` does.
iso_date = date_argument


class HelpFormatter(argparse.HelpFormatter):
    """Help wrapped at spaces only: a path or a list of names is never cut mid-word."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        flat = " ".join(text.split())
        return textwrap.wrap(flat, width, break_long_words=False, break_on_hyphens=False)


class ArgumentParser(argparse.ArgumentParser):
    """The command line's parser; its subcommands are of this class too, so they share the
    help formatter."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)


def record_number(value: str) -> int:
    """A petition or request number: a whole number the database can hold."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if not 0 <= number <= MAX_NUMBER:
        raise argparse.ArgumentTypeError(f"{number} is not a number from 0 to {MAX_NUMBER:,}")
    return number


def whole_number(low: int, high: int, unit: str) -> Callable[[str], int]:
    """An argument type: a whole number from ``low`` to ``high`` ``unit``, refused by value."""

    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
        if not low <= number <= high:
            raise argparse.ArgumentTypeError(
                f"{number:,} is out of range: give from {low:,} to {high:,} {unit}"
            )
        return number

    return parse


demo_petitions = whole_number(1, MAX_DEMO_PETITIONS, "petitions")


def write_text(out: TextIO, text: str) -> None:
    """Text for people (tables, reports): control characters in stored text made visible."""
    out.write(for_terminal(text if text.endswith("\n") else text + "\n"))


def write_json(out: TextIO, text: str) -> None:
    """JSON from ``json.dumps``, with the characters it leaves raw written as \\u escapes.

    ``json.dumps`` escapes C0 controls already; with ``ensure_ascii=False`` it leaves C1
    controls (U+009B starts an escape sequence on some terminals) and bidirectional overrides
    raw. As \\u escapes the JSON still decodes to the text exactly as stored.
    """
    out.write(_JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n")


def say(stream: TextIO, message: str) -> None:
    """One line of a message, whatever text from outside it quotes."""
    print(one_line(message), file=stream)


_JSON_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def terminal_progress(err: TextIO) -> Callable[[int, int, str], None]:
    interactive = err.isatty()

    def report(done: int, total: int, label: str) -> None:
        if interactive and total:
            # Labels are file names: a name holding an escape sequence must not clear the screen.
            shown = one_line(label)[-60:]
            err.write(f"\r{done}/{total} {shown:<60}")
            err.flush()

    return report


def clear_progress(err: TextIO) -> None:
    if err.isatty():
        err.write("\r" + " " * 80 + "\r")


def first_line(exc: BaseException) -> str:
    original = getattr(exc, "orig", None)
    text = str(original or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


@contextmanager
def refusals() -> Iterator[None]:
    """The casework services' refusals as the command's one-line error (exit code 1)."""
    try:
        yield
    except (CaseworkError, EditConflict, RecordNotFound) as exc:
        raise CommandError(str(exc)) from exc
