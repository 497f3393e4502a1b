"""Import and demo generation as services, for the window's background jobs and the CLI."""

from __future__ import annotations

from pathlib import Path

from caseworker.importing.importer import ImportSummary, import_paths
from caseworker.jobs import CancelCheck, ProgressCallback, never_cancelled, no_progress
from caseworker.storage.engine import Database


class ImportService:
    def __init__(self, database: Database) -> None:
        self._engine = database.engine

    def import_paths(
        self,
        paths: list[Path],
        progress: ProgressCallback = no_progress,
        cancelled: CancelCheck = never_cancelled,
    ) -> ImportSummary:
        """Import captures; each file commits on its own, so a cancel keeps finished files."""
        return import_paths(self._engine, paths, progress=progress, cancelled=cancelled)

    def generate_demo(
        self,
        petitions: int,
        seed: int = 1,
        progress: ProgressCallback = no_progress,
        cancelled: CancelCheck = never_cancelled,
    ) -> int:
        from caseworker.demo import generate_demo

        summary = generate_demo(
            self._engine, petitions=petitions, seed=seed, progress=progress, cancelled=cancelled
        )
        return summary.petitions
