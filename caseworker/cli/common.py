"""What every command shares: argument types, errors and progress on the terminal."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, TextIO, TypeAlias

from caseworker.storage.engine import Database
from caseworker.textsafe import one_line

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


def days(value: str) -> int:
    try:
        days = int(value)
    except ValueError:
        days = -1
    if days < 0:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of days (0 or more)")
    return days


def iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a date in the form YYYY-MM-DD"
        ) from None


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
