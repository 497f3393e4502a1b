"""``db status``, ``db upgrade`` and ``db grant``: the schema and a shared server's roles."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from sqlalchemy.engine import Engine

from caseworker.cli.common import PROG, Subcommands
from caseworker.storage import migrate
from caseworker.storage.engine import (
    default_database_url,
    make_engine,
    newer_schema_message,
    upgrade_schema,
)
from caseworker.storage.roles import RoleError, grant_application_role


def add_parsers(commands: Subcommands) -> None:
    p = commands.add_parser(
        "db",
        help="database administration: schema status, upgrade, a shared server's roles",
        description="status: the schema's revision. upgrade: migrate to this application's "
        "schema (a SQLite file is backed up first). grant ROLE: on PostgreSQL, run as the "
        "tables' owner after each upgrade, give the role clerks connect as what the "
        "application needs and no more.",
    )
    p.add_argument(
        "action",
        choices=["status", "upgrade", "grant"],
        metavar="ACTION",
        help="status: say which schema revision the database has and whether it is current; "
        "upgrade: bring it to this version's schema; grant: give ROLE the rights clerks need "
        "(PostgreSQL only)",
    )
    p.add_argument(
        "role",
        nargs="?",
        metavar="ROLE",
        help="with grant: the PostgreSQL role clerks connect as",
    )


def run_db(args: argparse.Namespace, out: TextIO, err: TextIO | None = None) -> int:
    """Works on the schema itself, so it does not open the database for work first."""
    err = err or sys.stderr
    engine = make_engine(args.db or default_database_url())
    try:
        if args.action == "grant":
            return _grant(engine, args.role, out, err)
        state = migrate.schema_state(engine)
        if args.action == "upgrade":
            if state.ahead:
                print(f"{PROG}: {newer_schema_message(state.current, state.head)}", file=err)
                return 1
            if state.behind:
                backup = upgrade_schema(engine, state.current)
                if backup is not None:
                    print(f"backed up to {backup}", file=out)
                state = migrate.schema_state(engine)
    finally:
        engine.dispose()
    print(f"schema {state.current or 'none'} (application head {state.head}): "
          f"{_schema_status(state)}", file=out)  # fmt: skip
    return 0


def _grant(engine: Engine, role: str | None, out: TextIO, err: TextIO) -> int:
    if not role:
        print(f"{PROG}: db grant needs the application's role: db grant ROLE", file=err)
        return 2
    try:
        statements = grant_application_role(engine, role)
    except RoleError as exc:
        print(f"{PROG}: {exc}", file=err)
        return 2
    for statement in statements:
        print(f"{statement};", file=out)
    return 0


def _schema_status(state: migrate.SchemaState) -> str:
    if state.current == state.head:
        return "up to date"
    return "behind" if state.behind else "newer than this application"
