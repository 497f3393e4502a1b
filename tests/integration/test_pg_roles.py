"""The shared-server deployment in the README: an owner runs upgrades, clerks connect as a
role that can do the casework but cannot empty, rewrite or unguard the audit history."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from main import main
from tests.conftest import PG_ENV, missing
from tests.unit.casework.story import ORIGINAL, PID, capture
from tests.unit.services.captures import write

pytestmark = pytest.mark.postgres


@dataclass(frozen=True)
class Deployment:
    owner_url: str
    app_url: str
    app_role: str


@pytest.fixture
def deployment() -> Iterator[Deployment]:
    server = os.environ.get(PG_ENV)
    if not server:
        missing(f"{PG_ENV} is not set, so the PostgreSQL tests cannot run")
        return
    suffix = uuid.uuid4().hex[:10]
    owner, app, name = f"cw_owner_{suffix}", f"cw_app_{suffix}", f"cw_roles_{suffix}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE ROLE "{owner}" LOGIN'))
        c.execute(text(f'CREATE ROLE "{app}" LOGIN'))
        c.execute(text(f'CREATE DATABASE "{name}" OWNER "{owner}"'))
    base = make_url(server).set(database=name)
    try:
        yield Deployment(
            base.set(username=owner).render_as_string(hide_password=False),
            base.set(username=app).render_as_string(hide_password=False),
            app,
        )
    finally:
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            c.execute(text(f'DROP ROLE IF EXISTS "{app}"'))
            c.execute(text(f'DROP ROLE IF EXISTS "{owner}"'))
        admin.dispose()


def test_the_application_role_does_casework_but_cannot_touch_the_history(
    deployment: Deployment, tmp_path: Path
) -> None:
    assert main(["--db", deployment.owner_url, "db", "upgrade"]) == 0
    assert main(["--db", deployment.owner_url, "db", "grant", deployment.app_role]) == 0

    june = write(tmp_path, "june.json", capture(ORIGINAL, "2025-06-10T12:00:00.000Z", 15_000))
    assert main(["--db", deployment.app_url, "import", str(june)]) == 0
    assert main(["--db", deployment.app_url, "request-revision", str(PID), "--reason", "No."]) == 0

    engine = create_engine(deployment.app_url)
    refused = [
        "TRUNCATE audit_events",
        "DELETE FROM audit_events",
        "UPDATE audit_events SET actor = 'mallory'",
        "ALTER TABLE audit_events DISABLE TRIGGER ALL",
        "DROP TRIGGER audit_events_append_only ON audit_events",
        "UPDATE alembic_version SET version_num = '0001'",
        "CREATE TABLE public.mine (x int)",
    ]
    try:
        for statement in refused:
            denied = pytest.raises(DBAPIError, match="permission denied|must be owner")
            with denied, engine.begin() as c:
                c.execute(text(statement))
        with engine.connect() as c:
            actors = c.execute(text("SELECT DISTINCT subject FROM audit_events")).scalars()
            assert set(actors) == {"request"}
    finally:
        engine.dispose()


def test_grant_refuses_the_owners_own_role_and_sqlite(
    deployment: Deployment, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    owner = make_url(deployment.owner_url).username
    assert main(["--db", deployment.owner_url, "db", "grant", str(owner)]) == 2
    assert main(["--db", str(tmp_path / "x.sqlite3"), "db", "grant", "clerks"]) == 2
    err = capsys.readouterr().err
    assert "not the owner's" in err and "not a SQLite file" in err
