"""Reading the database back in tests: whole-table dumps and order-independent views."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import MetaData, Table, delete, select, text
from sqlalchemy.engine import Engine

from caseworker.importing.importer import ImportSummary, import_paths
from caseworker.storage.append_only import create_append_only_triggers, drop_append_only_triggers
from caseworker.storage.engine import Database

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"

# Table names; the tables themselves are reflected from the database under test, so these
# helpers read whatever schema the migrations actually built.
PETITIONS = "petitions"
SNAPSHOTS = "signature_snapshots"
VERSIONS = "response_versions"
ITEMS = "business_items"
CAPTURES = "captures"
CONSTITUENCIES = "constituency_signatures"
COUNTRIES = "country_signatures"
REGIONS = "region_signatures"
DEBATES = "debates"
DEPARTMENTS = "departments"
PETITION_DEPARTMENTS = "petition_departments"
TOPICS = "topics"
PETITION_TOPICS = "petition_topics"
PARLIAMENTS = "parliaments"


_REFLECTED: dict[str, dict[str, Table]] = {}


def reflect(engine: Engine) -> dict[str, Table]:
    """The application's tables, parents first.

    Left out: Alembic's bookkeeping, and SQLite virtual tables (the full-text index) with
    their shadow tables, which are derived storage whose bytes depend on write history.
    Every database of one backend in a run is migrated to the same head, so the reflection
    is done once per backend.
    """
    cached = _REFLECTED.get(engine.dialect.name)
    if cached is None:
        cached = _REFLECTED[engine.dialect.name] = _reflect(engine)
    return cached


def _reflect(engine: Engine) -> dict[str, Table]:
    skip = {"alembic_version"}
    virtual: list[str] = []
    if engine.dialect.name == "sqlite":
        with engine.connect() as connection:
            virtual = list(
                connection.execute(
                    text(
                        "SELECT name FROM sqlite_master WHERE type = 'table' "
                        "AND sql LIKE 'CREATE VIRTUAL TABLE%'"
                    )
                ).scalars()
            )
    metadata = MetaData()
    metadata.reflect(engine)
    return {
        t.name: t
        for t in metadata.sorted_tables
        if t.name not in skip and not any(t.name.startswith(v) for v in virtual)
    }


def fixture(name: str) -> Path:
    return FIXTURES / name


def run(database: Database, *paths: Path | str, **kwargs: Any) -> ImportSummary:
    return import_paths(database.engine, [Path(p) for p in paths], **kwargs)


def dump(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, sorted, for before/after comparisons."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with engine.connect() as connection:
        for table in reflect(engine).values():
            rows = [tuple(row) for row in connection.execute(select(table))]
            out[table.name] = sorted(rows, key=repr)
    return out


def rows(engine: Engine, name: str, **where: Any) -> list[dict[str, Any]]:
    table = reflect(engine)[name]
    query = select(table)
    for column, value in where.items():
        query = query.where(table.c[column] == value)
    with engine.connect() as connection:
        result = [
            {k: _utc(v) for k, v in row._mapping.items()} for row in connection.execute(query)
        ]
    if name == "petitions":
        _add_raw_json(engine, result)
    keys = [c.name for c in table.primary_key.columns] or list(table.c.keys())
    return sorted(result, key=lambda r: tuple(repr(r[k]) for k in keys))


def _add_raw_json(engine: Engine, petitions: list[dict[str, Any]]) -> None:
    """The raw capture lives in its own table; tests read it as part of the petition."""
    raw = reflect(engine)["petition_raw"]
    with engine.connect() as connection:
        texts = dict(connection.execute(select(raw.c.petition_id, raw.c.raw_json)).all())
    for p in petitions:
        p["raw_json"] = texts.get(p["id"])


def _utc(value: Any) -> Any:
    """Timestamps as aware UTC datetimes: SQLite keeps them naive (in UTC), PostgreSQL in the
    session's zone."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return value


def one(engine: Engine, name: str, **where: Any) -> dict[str, Any]:
    found = rows(engine, name, **where)
    assert len(found) == 1, f"expected one row in {name} where {where}, got {len(found)}"
    return found[0]


def count(engine: Engine, name: str, **where: Any) -> int:
    return len(rows(engine, name, **where))


#: Columns whose values depend on import order or wall-clock time, not on the captures.
_VOLATILE = {"id", "capture_id", "imported_at", "first_imported_at", "response_version_id"}
#: The Committee's records an import makes or fills in: when it did, how many versions a
#: record went through, and the title and departments it started from (the petition's at
#: the time) depend on the order of import by design.
_VOLATILE_IN = {
    "committee_debates": {"created_at", "updated_at", "version", "relating_to", "department"},
    "debate_petitions": {"debate_id"},
    "members": {"updated_at", "version"},
}


def content(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """The tables as a set of facts that should not depend on the order of import.

    Surrogate ids, capture links and import times are left out; a business item's link to a
    response version is replaced by that version's fingerprint.
    """
    dumped: dict[str, list[tuple[Any, ...]]] = {}
    tables = reflect(engine)
    versions = tables[VERSIONS]
    with engine.connect() as connection:
        fingerprints = dict(connection.execute(select(versions.c.id, versions.c.fingerprint)).all())
        for table in tables.values():
            # Change events say what each import revealed, so they depend on import order by
            # design (tests/unit/importing/test_change_events.py covers them).
            # So does the audit history of what each import changed.
            if table.name in ("captures", "change_events", "audit_events"):
                continue
            volatile = _VOLATILE | _VOLATILE_IN.get(table.name, set())
            names = [c.name for c in table.columns if c.name not in volatile]
            out = []
            for row in connection.execute(select(table)):
                mapping = row._mapping
                values = [mapping[n] for n in names]
                if "response_version_id" in mapping:
                    values.append(fingerprints.get(mapping["response_version_id"]))
                if table.name == "petition_search":
                    # Words for the full-text index: their order does not matter.
                    values = [sorted(v.split("\n")) if isinstance(v, str) else v for v in values]
                out.append(tuple(values))
            dumped[table.name] = sorted(out, key=repr)
    return dumped


def wipe(engine: Engine) -> None:
    """Delete every row (children first), leaving the migrated schema in place."""
    # Reflected first: reflection uses a connection of its own, which on PostgreSQL would
    # wait for ever on the locks the trigger changes below hold until their commit.
    tables = list(reflect(engine).values())
    with engine.begin() as connection:
        # The audit history refuses deletes; a test's own database may lose it.
        drop_append_only_triggers(connection)
        for table in reversed(tables):
            connection.execute(delete(table))
        create_append_only_triggers(connection)
