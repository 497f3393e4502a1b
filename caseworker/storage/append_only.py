"""Triggers that make the audit history append-only on both backends.

Application code never updates or deletes audit rows; the triggers make sure nothing else
does either, short of dropping them. The one exception is the history of generated demo
petitions, which goes when the demo data is regenerated.

What they cannot stop is whoever may drop or disable them: the owner of the file (SQLite)
or of the table (PostgreSQL). On a shared server the application therefore connects as a
role that owns nothing (see ``grant_application_role``); README "What the audit history
guarantees" says exactly what holds against whom.
"""

from __future__ import annotations

from sqlalchemy.engine import Connection

TABLE = "audit_events"
MESSAGE = "the audit history is append-only"

_SQLITE = [
    f"""CREATE TRIGGER {TABLE}_no_update BEFORE UPDATE ON {TABLE}
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
    f"""CREATE TRIGGER {TABLE}_no_delete BEFORE DELETE ON {TABLE} WHEN NOT OLD.demo
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
]

#: Added by migration 0003. ``REPLACE INTO`` deletes the row it replaces without firing
#: delete triggers (unless a connection turns on recursive_triggers), so an insert that
#: would meet an existing id is refused before the conflict is resolved.
SQLITE_NO_REPLACE = f"""CREATE TRIGGER {TABLE}_no_replace BEFORE INSERT ON {TABLE}
    WHEN EXISTS (SELECT 1 FROM {TABLE} WHERE id = NEW.id)
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"""

#: Added by migration 0003: TRUNCATE fires no row triggers.
POSTGRESQL_NO_TRUNCATE = [
    f"""CREATE FUNCTION {TABLE}_refuse_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION '{MESSAGE}'; END $$""",
    f"""CREATE TRIGGER {TABLE}_no_truncate BEFORE TRUNCATE ON {TABLE}
    FOR EACH STATEMENT EXECUTE FUNCTION {TABLE}_refuse_truncate()""",
]

_POSTGRESQL = [
    f"""CREATE FUNCTION {TABLE}_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'DELETE' AND OLD.demo THEN RETURN OLD; END IF;
        RAISE EXCEPTION '{MESSAGE}';
    END $$""",
    f"""CREATE TRIGGER {TABLE}_append_only BEFORE UPDATE OR DELETE ON {TABLE}
    FOR EACH ROW EXECUTE FUNCTION {TABLE}_refuse()""",
]


def create_append_only_triggers(connection: Connection) -> None:
    statements = _SQLITE if connection.dialect.name == "sqlite" else _POSTGRESQL
    for statement in statements:
        connection.exec_driver_sql(statement)


def drop_append_only_triggers(connection: Connection) -> None:
    if connection.dialect.name == "sqlite":
        for verb in ("update", "delete"):
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {TABLE}_no_{verb}")
    else:
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {TABLE}_append_only ON {TABLE}")
        connection.exec_driver_sql(f"DROP FUNCTION IF EXISTS {TABLE}_refuse()")


def create_replace_and_truncate_guards(connection: Connection) -> None:
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql(SQLITE_NO_REPLACE)
    else:
        for statement in POSTGRESQL_NO_TRUNCATE:
            connection.exec_driver_sql(statement)


def drop_replace_and_truncate_guards(connection: Connection) -> None:
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {TABLE}_no_replace")
    else:
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {TABLE}_no_truncate ON {TABLE}")
        connection.exec_driver_sql(f"DROP FUNCTION IF EXISTS {TABLE}_refuse_truncate()")
