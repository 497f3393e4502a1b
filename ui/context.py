"""The one object that carries what widgets need: built once in ``ui.app``."""

from __future__ import annotations

from dataclasses import dataclass, fields

from caseworker.services.casework import CaseworkServices
from caseworker.services.debates import DebateServices
from caseworker.services.imports import ImportService
from caseworker.services.petitions import PetitionService
from caseworker.storage.engine import Database
from caseworker.storage.errors import display_url
from ui.settings import WindowSettings
from ui.workers import JobRunner


@dataclass(frozen=True)
class AppContext:
    database: Database
    database_label: str
    petitions: PetitionService
    imports: ImportService
    runner: JobRunner
    settings: WindowSettings
    casework: CaseworkServices
    debates: DebateServices

    @classmethod
    def open(cls, database: Database, label: str, settings: WindowSettings) -> AppContext:
        """``label`` is the URL the database was opened with; it is kept without a password."""
        return cls(
            database=database,
            database_label=display_url(label),
            petitions=PetitionService(database),
            imports=ImportService(database),
            runner=JobRunner(),
            settings=settings,
            casework=CaseworkServices.open(database, settings.clerk_name),
            debates=DebateServices.open(database, settings.clerk_name),
        )

    def set_actor(self, name: str) -> None:
        """The name every service records changes under from now on (File ▸ Settings)."""
        for group in (self.casework, self.debates):
            for field in fields(group):
                getattr(group, field.name).actor = name
