"""Petition 724432's story in small captures: the original response, then the revised one.

Invented wording in the real shape; the dates follow the real case (domain notes §1.5).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from caseworker.importing.importer import import_paths
from caseworker.services.casework import CaseworkServices, Clock
from caseworker.storage.engine import Database
from tests.unit.services.captures import response, single, write

PID = 724432
REQUEST = "Make neurodiversity training mandatory for all education staff"
DFE = {
    "acronym": "DfE",
    "name": "Department for Education",
    "url": "https://www.gov.uk/government/organisations/department-for-education",
}
ORIGINAL = response(
    "We are improving teacher training, including through the PINS programme.",
    "2025-06-04",
    details="Teachers learn about special educational needs in initial teacher training.",
)
REVISED = response(
    "The Department has no further plans to make neurodiversity training mandatory.",
    "2025-07-10",
    details="This is a revised response requested by the Petitions Committee. Training for "
    "education staff is covered by the new ITT and Early Career Framework.",
)


def capture(government_response: dict[str, Any], updated_at: str, count: int) -> dict[str, Any]:
    return single(
        PID,
        action=REQUEST,
        signature_count=count,
        opened_at="2025-04-29T09:00:00.000Z",
        response_threshold_reached_at="2025-05-14T10:00:00.000Z",
        government_response_at=f"{government_response['responded_on']}T10:00:00.000Z",
        government_response=government_response,
        updated_at=updated_at,
        departments=[DFE],
    )


def import_capture(db: Database, folder: Path, name: str, document: dict[str, Any]) -> None:
    summary = import_paths(db.engine, [write(folder, name, document)])
    assert summary.failed == 0, summary.failures


def import_original(db: Database, folder: Path) -> None:
    import_capture(db, folder, "june.json", capture(ORIGINAL, "2025-06-10T12:00:00.000Z", 15_000))


def import_revised(db: Database, folder: Path) -> None:
    import_capture(db, folder, "july.json", capture(REVISED, "2025-07-11T12:00:00.000Z", 23_200))


class MovableClock:
    """A clock a test can move forward; services read it on every call."""

    def __init__(self, day: date) -> None:
        self.at = datetime(day.year, day.month, day.day, 11, tzinfo=UTC)

    def set(self, day: date) -> None:
        self.at = datetime(day.year, day.month, day.day, 11, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.at


def services_for(db: Database, actor: str, now: Callable[[], datetime]) -> CaseworkServices:
    return CaseworkServices.open(db, actor=actor, clock=Clock(now=now))
