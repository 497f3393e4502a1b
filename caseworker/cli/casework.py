"""Commands about reviewing responses and requesting revised ones."""

from __future__ import annotations

from caseworker.cli.common import Handler, Subcommands

READ_ONLY: set[str] = set()


def add_parsers(commands: Subcommands) -> None:
    pass


COMMANDS: dict[str, Handler] = {}
