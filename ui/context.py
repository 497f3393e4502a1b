"""The one object that carries what widgets need: built once in ``ui.app``."""

from __future__ import annotations

from dataclasses import dataclass

from caseworker.services.petitions import PetitionService
from caseworker.storage.engine import Database


@dataclass(frozen=True)
class AppContext:
    database: Database
    database_label: str
    petitions: PetitionService

    @classmethod
    def open(cls, database: Database, label: str) -> AppContext:
        return cls(database=database, database_label=label, petitions=PetitionService(database))
