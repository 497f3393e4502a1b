"""Alembic, driven from code: the migration scripts ship inside the package."""

from __future__ import annotations

from dataclasses import dataclass

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine

SCRIPT_LOCATION = "caseworker.storage:migrations"


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    # env.py picks the engine up from here rather than from a URL in an ini file.
    config.attributes["engine"] = engine
    return config


@dataclass(frozen=True)
class SchemaState:
    current: str | None
    head: str

    @property
    def behind(self) -> bool:
        return self.current != self.head and not self.ahead

    @property
    def ahead(self) -> bool:
        return self.current is not None and self.current not in _known_revisions()


def _known_revisions() -> set[str]:
    script = ScriptDirectory.from_config(alembic_config_for_scripts())
    return {rev.revision for rev in script.walk_revisions()}


def alembic_config_for_scripts() -> Config:
    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config_for_scripts()).get_current_head()
    assert head is not None
    return head


def schema_state(engine: Engine) -> SchemaState:
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
    return SchemaState(current=current, head=head_revision())


def upgrade(engine: Engine, revision: str = "head") -> None:
    with engine.begin() as connection:
        config = alembic_config(engine)
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
