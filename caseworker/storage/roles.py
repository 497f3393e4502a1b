"""The privileges of the role the application connects as on a shared PostgreSQL server.

The audit triggers hold against anyone who cannot drop or disable them: that is, anyone
who does not own the table. So the tables belong to an owner role that only runs
``db upgrade``, and clerks' copies connect as an application role that may read and write
rows but not alter, truncate or own anything, and may only add to the audit history.
"""

from __future__ import annotations

from sqlalchemy.engine import Engine

from caseworker.storage.append_only import TABLE as AUDIT_TABLE


class RoleError(ValueError):
    """The grant cannot be made as asked; the message says why."""


def application_grants(engine: Engine, role: str) -> list[str]:
    """The statements that give ``role`` what the application needs, and nothing more."""
    quote = engine.dialect.identifier_preparer.quote
    who = quote(role)
    database = quote(engine.url.database or "")
    return [
        f"GRANT CONNECT ON DATABASE {database} TO {who}",
        f"GRANT USAGE ON SCHEMA public TO {who}",
        f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {who}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {who}",
        # The history is only ever added to; the schema's version only read.
        f"REVOKE UPDATE, DELETE ON {quote(AUDIT_TABLE)} FROM {who}",
        f"REVOKE INSERT, UPDATE, DELETE ON alembic_version FROM {who}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {who}",
    ]


def grant_application_role(engine: Engine, role: str) -> list[str]:
    """Grant (again, after each upgrade) the application role's privileges; run as owner."""
    if engine.dialect.name != "postgresql":
        raise RoleError("roles are for a shared PostgreSQL database, not a SQLite file")
    if not role or role == engine.url.username:
        raise RoleError("give the application its own role, not the owner's")
    statements = application_grants(engine, role)
    with engine.begin() as connection:
        for statement in statements:
            connection.exec_driver_sql(statement)
    return statements
