"""Which database the window works on: a file on this computer or the team's server.

The choice is kept in the window's settings; the server's password never is. It is kept in
the operating system's keyring (service ``petitions-caseworker``, user ``user@host/db``) and
fetched only when the database is opened. A choice is tested before it is kept: the failures
come back as one plain-English sentence, naming the field to correct.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from platformdirs import user_data_path
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, Engine
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from caseworker.storage.engine import APP_NAME, make_engine, upgrade_schema
from caseworker.storage.errors import explain

KEYRING_SERVICE = "petitions-caseworker"
DEFAULT_PORT = 5432
LOCAL_FILE_NAME = "caseworker.sqlite3"
#: Seconds to wait for the server before calling it unreachable.
CONNECT_TIMEOUT = 5

#: SQLSTATEs (and, for errors raised before the server answers with one, the driver's words).
WRONG_PASSWORD = "28P01"
NOT_AUTHORISED = "28000"
NO_DATABASE = "3D000"


class ConnectionKind(Enum):
    LOCAL = "local"
    SERVER = "server"


class ConnectionProblem(RuntimeError):
    """The chosen database cannot be opened as it stands; the message says why."""


@dataclass(frozen=True)
class ConnectionChoice:
    """A local SQLite file, or a PostgreSQL server: never a password."""

    kind: ConnectionKind
    path: str = ""
    host: str = ""
    port: int = DEFAULT_PORT
    database: str = ""
    user: str = ""

    @classmethod
    def local(cls, path: str | Path | None = None) -> ConnectionChoice:
        """The file ``path``, or ``caseworker.sqlite3`` in the user's data folder."""
        chosen = Path(path) if path else default_local_path()
        return cls(ConnectionKind.LOCAL, path=str(chosen))

    @classmethod
    def server(
        cls, host: str, database: str, user: str, port: int = DEFAULT_PORT
    ) -> ConnectionChoice:
        return cls(
            ConnectionKind.SERVER,
            host=host.strip(),
            port=port,
            database=database.strip(),
            user=user.strip(),
        )

    @property
    def is_local(self) -> bool:
        return self.kind is ConnectionKind.LOCAL

    @property
    def keyring_user(self) -> str:
        """The keyring's user name for this server's password: ``user@host/db``."""
        return f"{self.user}@{self.host}/{self.database}"

    def url(self, password: str | None = None) -> str:
        """The SQLAlchemy URL; only this string (never logged: see ``label``) holds a password."""
        if self.is_local:
            return f"sqlite:///{self.path}"
        return URL.create(
            "postgresql+psycopg",
            username=self.user,
            password=password or None,
            host=self.host,
            port=self.port,
            database=self.database,
        ).render_as_string(hide_password=False)

    @property
    def label(self) -> str:
        """Where the database is, for people: a file path or ``db on host:port as user``."""
        if self.is_local:
            return self.path
        return f"database {self.database} on {self.host}:{self.port} as {self.user}"

    def missing(self) -> str | None:
        """The first field left empty, in words, or None when the choice is complete."""
        if self.is_local:
            return None if self.path.strip() else "give the database file"
        for value, name in ((self.host, "server"), (self.database, "database"),
                            (self.user, "user name")):  # fmt: skip
            if not value:
                return f"give the {name}"
        return None

    def to_settings(self) -> dict[str, str]:
        """Plain strings for a settings file: no password."""
        return {
            "kind": self.kind.value,
            "path": self.path,
            "host": self.host,
            "port": str(self.port),
            "database": self.database,
            "user": self.user,
        }

    @classmethod
    def from_settings(cls, values: Mapping[str, str]) -> ConnectionChoice | None:
        """The choice kept by ``to_settings``, or None if nothing (or nothing sound) is kept."""
        try:
            kind = ConnectionKind(values.get("kind", ""))
            port = int(values.get("port") or DEFAULT_PORT)
        except ValueError:
            return None
        if kind is ConnectionKind.LOCAL:
            path = values.get("path", "")
            return cls.local(path) if path else None
        choice = cls.server(
            values.get("host", ""), values.get("database", ""), values.get("user", ""), port
        )
        return None if choice.missing() else choice


def default_local_path() -> Path:
    return user_data_path(APP_NAME, appauthor=False) / LOCAL_FILE_NAME


# The keyring -------------------------------------------------------------------------------


def store_password(choice: ConnectionChoice, password: str) -> None:
    """Keep the server's password in the operating system's keyring."""
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(KEYRING_SERVICE, choice.keyring_user, password)
    except KeyringError as exc:
        raise ConnectionProblem(f"the password could not be kept in the keyring: {exc}") from exc


def fetch_password(choice: ConnectionChoice) -> str | None:
    """The server's password from the keyring, or None when none is kept."""
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(KEYRING_SERVICE, choice.keyring_user)
    except KeyringError as exc:
        raise ConnectionProblem(f"the keyring could not be read: {exc}") from exc


def open_url(choice: ConnectionChoice) -> str:
    """The URL to open ``choice`` with, the server's password fetched from the keyring now."""
    if choice.is_local:
        return choice.url()
    return choice.url(fetch_password(choice))


# Testing a choice --------------------------------------------------------------------------


@dataclass(frozen=True)
class ConnectionFailure:
    """Why a choice cannot be used: a sentence, and the field to correct (if one is)."""

    message: str
    field: str | None = None
    #: The schema is behind and this user may upgrade it: the dialog offers to.
    upgrade_offered: bool = False


def test_connection(choice: ConnectionChoice, password: str | None) -> ConnectionFailure | None:
    """Connect to ``choice`` and read its schema: None if the window can open it."""
    missing = choice.missing()
    if missing:
        return ConnectionFailure(missing[:1].upper() + missing[1:] + ".", _first_empty(choice))
    if choice.is_local:
        return _test_local(Path(choice.path))
    engine = create_engine(choice.url(password), connect_args={"connect_timeout": CONNECT_TIMEOUT})
    try:
        return _test_server(engine, choice)
    except DBAPIError as exc:
        return server_failure(exc, choice)
    except SQLAlchemyError as exc:
        return ConnectionFailure(_sentence(explain(exc, choice.label)))
    finally:
        engine.dispose()


# pytest would otherwise collect test_connection as a test wherever it is imported.
test_connection.__test__ = False  # type: ignore[attr-defined]


def upgrade_server(choice: ConnectionChoice, password: str | None) -> None:
    """Bring the server's schema up to this application's (the dialog asked first)."""
    from caseworker.storage import migrate

    engine = make_engine(choice.url(password))
    try:
        upgrade_schema(engine, migrate.schema_state(engine).current)
    finally:
        engine.dispose()


def server_failure(exc: BaseException, choice: ConnectionChoice) -> ConnectionFailure:
    """A driver's failure to connect, in words: by SQLSTATE, else by the driver's message."""
    original = getattr(exc, "orig", None) or exc
    state = getattr(original, "sqlstate", None)
    words = str(original).lower()
    if state == WRONG_PASSWORD or "password authentication failed" in words:
        return ConnectionFailure(
            f"The server refused the password for {choice.user}: check the password "
            "(it is case-sensitive) or ask the administrator to reset it.",
            "password",
        )
    if "no password supplied" in words:
        return ConnectionFailure(f"The server asks for {choice.user}'s password.", "password")
    if state == NO_DATABASE or ("database" in words and "does not exist" in words):
        return ConnectionFailure(
            f"The server {choice.host} has no database called {choice.database}: check its "
            "name, or ask the administrator to create it.",
            "database",
        )
    if state == NOT_AUTHORISED or ("role" in words and "does not exist" in words):
        return ConnectionFailure(
            f"The server {choice.host} does not let {choice.user} in: check the user name, "
            "or ask the administrator to give it access.",
            "user",
        )
    if any(w in words for w in ("connection refused", "could not translate", "timeout",
                                "timed out", "no route", "name or service")):  # fmt: skip
        return ConnectionFailure(
            f"No database server answers at {choice.host} port {choice.port}: check the "
            "server's name and port, and that this computer is on the Parliamentary network.",
            "host",
        )
    return ConnectionFailure(
        f"The server {choice.host} could not be reached: {_first_line(str(original))}",
        "host",
    )


def _test_server(engine: Engine, choice: ConnectionChoice) -> ConnectionFailure | None:
    from caseworker.storage import migrate

    state = migrate.schema_state(engine)
    if state.ahead:
        return ConnectionFailure(_newer(choice.label))
    if not state.behind or (state.current is None and not _has_tables(engine)):
        return None  # up to date, or empty (the window creates the tables)
    if _may_upgrade(engine):
        return ConnectionFailure(
            f"The {choice.label} was made by an older version of this application; upgrade "
            "it now (other clerks then need this version too).",
            upgrade_offered=True,
        )
    return ConnectionFailure(
        f"The {choice.label} was made by an older version of this application; ask the "
        f"administrator to run: caseworker --db {choice.url()} db upgrade"
    )


def _test_local(path: Path) -> ConnectionFailure | None:
    from caseworker.storage import migrate

    if path.is_dir():
        return ConnectionFailure(f"{path} is a folder: give a file name in it.", "path")
    if not path.exists():
        folder = _nearest_existing(path.parent)
        if not os.access(folder, os.W_OK):
            return ConnectionFailure(f"The folder {folder} cannot be written to.", "path")
        return None  # the window creates it
    engine = make_engine(str(path))
    try:
        state = migrate.schema_state(engine)
    except SQLAlchemyError as exc:
        return ConnectionFailure(_sentence(explain(exc, str(path))), "path")
    finally:
        engine.dispose()
    return ConnectionFailure(_newer(str(path)), "path") if state.ahead else None


def _may_upgrade(engine: Engine) -> bool:
    """The user owns the schema's tables (or is a superuser): an upgrade can alter them."""
    query = text(
        "SELECT coalesce(bool_and(pg_has_role(current_user, c.relowner, 'USAGE')), true) "
        "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = current_schema() AND c.relkind = 'r'"
    )
    with engine.connect() as connection:
        return bool(connection.execute(query).scalar())


def _has_tables(engine: Engine) -> bool:
    from sqlalchemy import inspect

    return bool(set(inspect(engine).get_table_names()) - {"alembic_version"})


def _newer(where: str) -> str:
    return (
        f"{where[:1].upper()}{where[1:]} was made by a newer version of this application: "
        "install the newer version to open it."
    )


def _first_empty(choice: ConnectionChoice) -> str:
    if choice.is_local:
        return "path"
    for name in ("host", "database", "user"):
        if not getattr(choice, name):
            return name
    return "host"


def _nearest_existing(folder: Path) -> Path:
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder


def _first_line(text_: str) -> str:
    line = text_.strip().splitlines()[0] if text_.strip() else "no reason given"
    return _sentence(line)


def _sentence(text_: str) -> str:
    text_ = text_[:1].upper() + text_[1:]
    return text_ if text_.endswith(".") else text_ + "."
