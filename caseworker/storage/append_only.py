"""Triggers that make the audit history append-only on both backends.

Application code never updates or deletes audit rows; the triggers make sure nothing else
does either, short of dropping them. The one exception is the history of generated demo
petitions, which goes when the demo data is regenerated.
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
