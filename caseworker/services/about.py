"""What Help ▸ About tells a clerk and support: versions, the database, the last sync, sources.

The Qt and PySide6 versions are the window's to add (nothing below ``ui`` imports Qt).
"""

from __future__ import annotations

import platform
from dataclasses import dataclass
from datetime import datetime
from importlib import import_module, metadata

from caseworker import __version__
from caseworker.storage.engine import Database
from caseworker.storage.errors import display_url
from caseworker.storage.migrate import SchemaState, schema_state
from caseworker.sync.service import SyncService

#: (name shown, distribution, module): the module's own version is read where a bundle left
#: the distribution's metadata behind.
PACKAGES = (
    ("SQLAlchemy", "SQLAlchemy", "sqlalchemy"),
    ("Alembic", "alembic", "alembic"),
    ("ReportLab", "reportlab", "reportlab"),
)

KINDS = {"sqlite": "SQLite file", "postgresql": "PostgreSQL server"}


@dataclass(frozen=True)
class DataSource:
    what: str
    source: str
    licence: str


#: The shipped reference data (resources/reference/README.md has them in full).
DATA_SOURCES = (
    DataSource("Petitions", "petition.parliament.uk", "Open Government Licence v3.0"),
    DataSource(
        "Constituency electorates, Members and parties",
        "House of Commons Library general election results 2019 and 2024",
        "Open Parliament Licence v3.0",
    ),
    DataSource("Hex maps", "Open Innovations (ODI Leeds) hexmaps", "MIT licence"),
    DataSource(
        "2024 boundaries",
        "Office for National Statistics; contains OS data © Crown copyright and database "
        "right 2024",
        "Open Government Licence v3.0",
    ),
    DataSource(
        "2010–2024 boundaries",
        "unboxed/petition-map, derived from ONS and OS data (Open Government Licence)",
        "MIT licence",
    ),
    DataSource("Fonts", "DejaVu", "Bitstream Vera licence"),
)


@dataclass(frozen=True)
class AboutFacts:
    version: str
    python: str
    #: (name, version) of the libraries below the window, in PACKAGES order.
    packages: tuple[tuple[str, str], ...]
    #: The URL without its password.
    database: str
    kind: str
    schema: SchemaState
    #: When the newest sync that reached the site finished (UTC), or None if none has.
    last_synced_at: datetime | None


def about_facts(database: Database, label: str) -> AboutFacts:
    """Read the facts; ``label`` is the URL the database was opened with."""
    return AboutFacts(
        version=__version__,
        python=platform.python_version(),
        packages=tuple((name, package_version(dist, module)) for name, dist, module in PACKAGES),
        database=display_url(label),
        kind=KINDS.get(database.engine.dialect.name, database.engine.dialect.name),
        schema=schema_state(database.engine),
        last_synced_at=SyncService(database).status().last_synced_at,
    )


def package_version(distribution: str, module: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        found = import_module(module)
        return str(getattr(found, "__version__", None) or getattr(found, "Version", "unknown"))
