"""``db status``, ``upgrade``, ``grant``, ``backup`` and ``restore``: the schema, a shared
server's roles and the local file's backups."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from sqlalchemy.engine import Engine

from caseworker.cli.common import PROG, Subcommands, say
from caseworker.services import backups
from caseworker.storage import migrate
from caseworker.storage.engine import (
    database_for,
    default_database_url,
    make_engine,
    newer_schema_message,
    upgrade_schema,
)
from caseworker.storage.errors import explain
from caseworker.storage.roles import RoleError, grant_application_role


def add_parsers(commands: Subcommands) -> None:
    p = commands.add_parser(
        "db",
        help="database administration: schema status, upgrade, a shared server's roles, backups",
        description="status: the schema's revision. upgrade: migrate to this application's "
        "schema (a SQLite file is backed up first). grant ROLE: on PostgreSQL, run as the "
        "tables' owner after each upgrade, give the role clerks connect as what the "
        "application needs and no more. backup FILE: a consistent copy of the SQLite file, "
        "safe while the window is open. restore FILE: check a backup and put it in place of "
        "the SQLite file (close the window first); the replaced file is kept beside it. A "
        "shared PostgreSQL server is backed up with pg_dump.",
    )
    p.add_argument(
        "action",
        choices=["status", "upgrade", "grant", "backup", "restore"],
        metavar="ACTION",
        help="status: say which schema revision the database has and whether it is current; "
        "upgrade: bring it to this version's schema; grant: give ROLE the rights clerks need "
        "(PostgreSQL only); backup: copy the SQLite file to FILE; restore: replace it by "
        "the backup FILE",
    )
    p.add_argument(
        "operand",
        nargs="?",
        metavar="ROLE|FILE",
        help="with grant: the PostgreSQL role clerks connect as; with backup or restore: the "
        "backup file",
    )


def run_db(args: argparse.Namespace, out: TextIO, err: TextIO | None = None) -> int:
    """Works on the schema itself, so it does not open the database for work first."""
    err = err or sys.stderr
    engine = make_engine(args.db or default_database_url())
    try:
        if args.action == "grant":
            return _grant(engine, args.operand, out, err)
        if args.action in ("backup", "restore"):
            return _backup_or_restore(engine, args.action, args.operand, out, err)
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


def _backup_or_restore(
    engine: Engine, action: str, file: str | None, out: TextIO, err: TextIO
) -> int:
    if not file:
        say(err, f"{PROG}: db {action} needs the backup file: db {action} FILE")
        return 2
    database = database_for(engine)
    try:
        working = backups.sqlite_path(database)
        if action == "backup":
            made = backups.back_up(database, Path(file).expanduser())
            say(out, f"backed up {working} to {made}")
            return 0
        engine.dispose()  # the working file is replaced: this program lets go of it first
        kept = _restore(working, Path(file).expanduser(), out)
    except backups.BackupError as exc:
        say(err, f"{PROG}: {exc}")
        return 1
    except OSError as exc:
        say(err, f"{PROG}: {explain(exc)}")
        return 1
    if kept is not None:
        say(out, f"the replaced file is kept as {kept}")
    return 0


def _restore(working: Path, backup: Path, out: TextIO) -> Path | None:
    prepared = backups.prepare_restore(working, backup)
    try:
        kept = backups.finish_restore(prepared)
    finally:
        prepared.discard()
    upgraded = f", upgraded from {prepared.upgraded_from}" if prepared.upgraded_from else ""
    say(out, f"restored {backup} to {working} (schema {prepared.revision}{upgraded})")
    return kept


def _schema_status(state: migrate.SchemaState) -> str:
    if state.current == state.head:
        return "up to date"
    return "behind" if state.behind else "newer than this application"
