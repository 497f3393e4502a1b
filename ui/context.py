"""The one object that carries what widgets need: built once in ``ui.app``."""

from __future__ import annotations

from dataclasses import dataclass

from caseworker.services.casework import CaseworkServices
from caseworker.services.imports import ImportService
from caseworker.services.petitions import PetitionService
from caseworker.storage.engine import Database
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

    @classmethod
    def open(cls, database: Database, label: str, settings: WindowSettings) -> AppContext:
        return cls(
            database=database,
            database_label=label,
            petitions=PetitionService(database),
            imports=ImportService(database),
            runner=JobRunner(),
            settings=settings,
            casework=CaseworkServices.open(database),
        )
