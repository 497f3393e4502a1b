"""The database choice: its URL, the password in the keyring, and failures in plain English."""

from __future__ import annotations

import logging
import os
import socket
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

from caseworker import connection
from caseworker.connection import ConnectionChoice, ConnectionKind, server_failure, test_connection
from caseworker.storage.errors import display_url
from tests.conftest import PG_ENV
from tests.memory_keyring import MemoryKeyring, memory_keyring  # noqa: F401 - a fixture

SECRET = "s3cret-Horse-battery"


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (bound, then let go)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_server_url_holds_the_password_only_in_the_url_string() -> None:
    choice = ConnectionChoice.server(" db.example ", "petitions", "ann", 6543)
    url = choice.url(SECRET)
    assert make_url(url).password == SECRET
    assert (make_url(url).host, make_url(url).port, make_url(url).database) == (
        "db.example", 6543, "petitions",
    )  # fmt: skip
    for shown in (repr(choice), str(choice), choice.label, display_url(url)):
        assert SECRET not in shown
    assert SECRET not in str(choice.to_settings())
    assert choice.keyring_user == "ann@db.example/petitions"


def test_password_with_url_characters_survives(memory_keyring: MemoryKeyring) -> None:  # noqa: F811
    choice = ConnectionChoice.server("db.example", "petitions", "ann")
    odd = "p@ss:w/rd%#"
    connection.store_password(choice, odd)
    assert make_url(connection.open_url(choice)).password == odd


def test_keyring_round_trip(memory_keyring: MemoryKeyring) -> None:  # noqa: F811
    choice = ConnectionChoice.server("db.example", "petitions", "ann")
    assert connection.fetch_password(choice) is None
    connection.store_password(choice, SECRET)
    assert memory_keyring.passwords == {
        ("petitions-caseworker", "ann@db.example/petitions"): SECRET
    }
    assert connection.fetch_password(choice) == SECRET
    assert make_url(connection.open_url(choice)).password == SECRET


def test_settings_round_trip_keeps_no_password() -> None:
    server = ConnectionChoice.server("db.example", "petitions", "ann", 5433)
    assert ConnectionChoice.from_settings(server.to_settings()) == server
    local = ConnectionChoice.local("/tmp/x.sqlite3")
    assert ConnectionChoice.from_settings(local.to_settings()) == local
    assert ConnectionChoice.from_settings({}) is None
    assert ConnectionChoice.from_settings({"kind": "server", "host": "h"}) is None
    assert ConnectionChoice.from_settings({"kind": "server", "port": "x"}) is None


def test_local_default_is_in_the_data_folder() -> None:
    choice = ConnectionChoice.local()
    assert choice.kind is ConnectionKind.LOCAL
    assert choice.path.endswith("caseworker.sqlite3")


def test_closed_port_is_unreachable() -> None:
    choice = ConnectionChoice.server("127.0.0.1", "petitions", "ann", closed_port())
    failure = test_connection(choice, SECRET)
    assert failure is not None and failure.field == "host"
    assert failure.message.startswith("No database server answers at 127.0.0.1 port")
    assert SECRET not in failure.message


def test_empty_fields_are_named() -> None:
    failure = test_connection(ConnectionChoice.server("db.example", "", "ann"), None)
    assert failure is not None
    assert (failure.field, failure.message) == ("database", "Give the database.")


class FakeDriverError(Exception):
    def __init__(self, message: str, sqlstate: str | None) -> None:
        super().__init__(message)
        self.sqlstate = sqlstate


@pytest.mark.parametrize(
    ("sqlstate", "message", "field", "words"),
    [
        ("28P01", "FATAL: authentication failed", "password", "refused the password for ann"),
        (None, 'password authentication failed for user "ann"', "password", "refused the password"),
        ("3D000", "whatever", "database", "has no database called petitions"),
        ("28000", "whatever", "user", "does not let ann in"),
        (None, "connection refused", "host", "No database server answers at db.example"),
    ],
)
def test_driver_failures_in_words(
    sqlstate: str | None, message: str, field: str, words: str
) -> None:
    from sqlalchemy.exc import OperationalError

    choice = ConnectionChoice.server("db.example", "petitions", "ann")
    exc = OperationalError("connect", {}, FakeDriverError(message, sqlstate))
    failure = server_failure(exc, choice)
    assert failure.field == field
    assert words in failure.message


def _sqlite_at_revision(path: Path, revision: str) -> None:
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
        db.execute("INSERT INTO alembic_version VALUES (?)", (revision,))


def test_local_file_from_a_newer_version(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite3"
    _sqlite_at_revision(path, "9999_future")
    failure = test_connection(ConnectionChoice.local(path), None)
    assert failure is not None and failure.field == "path"
    assert "made by a newer version of this application" in failure.message


def test_local_file_not_yet_made_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "new folder" / "caseworker.sqlite3"
    assert test_connection(ConnectionChoice.local(path), None) is None
    assert not path.exists()


def test_local_folder_is_refused(tmp_path: Path) -> None:
    failure = test_connection(ConnectionChoice.local(tmp_path), None)
    assert failure is not None and "is a folder" in failure.message


def test_no_password_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    choice = ConnectionChoice.server("127.0.0.1", "petitions", "ann", closed_port())
    test_connection(choice, SECRET)
    assert SECRET not in caplog.text


# On the test server ------------------------------------------------------------------------


@pytest.fixture
def pg_server() -> Iterator[tuple[ConnectionChoice, str]]:
    """A choice naming an empty database of its own on the test server, and the admin URL."""
    server = os.environ.get(PG_ENV)
    if not server:
        pytest.skip(f"{PG_ENV} is not set")
    parsed = make_url(server)
    name = f"caseworker_conn_{uuid.uuid4().hex[:10]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    choice = ConnectionChoice.server(
        parsed.host or "127.0.0.1", name, parsed.username or "postgres", parsed.port or 5432
    )
    try:
        yield choice, parsed.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _set_revision(url: str, revision: str, with_table: bool) -> None:
    engine = create_engine(url)
    with engine.begin() as c:
        c.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)"))
        c.execute(text("INSERT INTO alembic_version VALUES (:r)"), {"r": revision})
        if with_table:
            c.execute(text("CREATE TABLE petitions_kept (id integer)"))
    engine.dispose()


@pytest.mark.postgres
def test_real_server_empty_database_is_fine(pg_server: tuple[ConnectionChoice, str]) -> None:
    choice, _ = pg_server
    password = make_url(os.environ[PG_ENV]).password
    assert test_connection(choice, password) is None


@pytest.mark.postgres
def test_real_server_missing_database(pg_server: tuple[ConnectionChoice, str]) -> None:
    choice, _ = pg_server
    missing = ConnectionChoice.server(choice.host, "no_such_db_here", choice.user, choice.port)
    failure = test_connection(missing, make_url(os.environ[PG_ENV]).password)
    assert failure is not None and failure.field == "database"
    assert "has no database called no_such_db_here" in failure.message


@pytest.mark.postgres
def test_real_server_schema_ahead(pg_server: tuple[ConnectionChoice, str]) -> None:
    choice, url = pg_server
    _set_revision(url, "9999_future", with_table=False)
    failure = test_connection(choice, make_url(os.environ[PG_ENV]).password)
    assert failure is not None and not failure.upgrade_offered
    assert "made by a newer version of this application" in failure.message


@pytest.mark.postgres
def test_real_server_schema_behind_offers_upgrade(pg_server: tuple[ConnectionChoice, str]) -> None:
    choice, url = pg_server
    _set_revision(url, "0001", with_table=True)
    password = make_url(os.environ[PG_ENV]).password
    failure = test_connection(choice, password)
    assert failure is not None and failure.upgrade_offered  # the test role owns the tables
    assert "older version" in failure.message
