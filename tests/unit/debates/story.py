"""Petitions past 100,000 signatures, in small captures, for the debate work's tests.

Invented wording in the real shape. 724432 and 724500 are on related subjects (training
for teachers); 730000 is under 100,000; 700143 was debated on Monday 7 July 2025 and the
site names who opened it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from caseworker.importing.importer import import_paths
from caseworker.services.casework.common import Clock
from caseworker.services.debates import DebateServices
from caseworker.storage.engine import Database
from tests.unit.casework.story import MovableClock
from tests.unit.services.captures import single, write

DFE = {
    "acronym": "DfE",
    "name": "Department for Education",
    "url": "https://www.gov.uk/government/organisations/department-for-education",
}
TRAINING = 724432
SEND = 724500
SMALL = 730000
DEBATED = 700143
DEBATED_ON = date(2025, 7, 7)


def petition(pid: int, action: str, count: int, **attributes: Any) -> dict[str, Any]:
    big = count >= 100_000
    return single(
        pid,
        action=action,
        background=attributes.pop("background", f"Background of {action.lower()}."),
        signature_count=count,
        response_threshold_reached_at="2025-05-14T10:00:00.000Z",
        debate_threshold_reached_at="2025-06-02T10:00:00.000Z" if big else None,
        updated_at="2025-06-10T12:00:00.000Z",
        departments=[DFE],
        **attributes,
    )


CAPTURES = {
    TRAINING: petition(TRAINING, "Make neurodiversity training mandatory for all education staff",
                       124_000),
    SEND: petition(SEND, "Fund training for teachers on special educational needs", 101_500),
    SMALL: petition(SMALL, "Give every school a sensory room", 42_000),
    DEBATED: petition(
        DEBATED, "Make verified ID a requirement for opening a social media account", 696_000,
        scheduled_debate_date="2025-07-07",
        debate_outcome_at="2025-07-08T09:00:00.000Z",
        debate={
            "debated_on": "2025-07-07",
            "transcript_url": "https://hansard.parliament.uk/x",
            "video_url": "https://parliamentlive.tv/x",
            "debate_pack_url": "https://commonslibrary.parliament.uk/x",
            "public_engagement_url": None,
            "debate_summary_url": None,
            "overview": "MPs debated the petition. The debate was opened by Jane Smith MP.",
        },
    ),
}  # fmt: skip


def import_petitions(db: Database, folder: Path, *ids: int) -> None:
    paths = [write(folder, f"{pid}.json", CAPTURES[pid]) for pid in ids or CAPTURES]
    summary = import_paths(db.engine, paths)
    assert summary.failed == 0, summary.failures


def debate_services(db: Database, actor: str, clock: MovableClock) -> DebateServices:
    return DebateServices.open(db, actor=actor, clock=Clock(now=clock))
