"""The story's petitions with what a debate pack reads: the site's related activity on
724432 (a Committee letter, a Government statement) and an earlier debate on a petition
much like it (710000, debated on Monday 4 March 2024)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from caseworker.importing.importer import import_paths
from caseworker.storage.engine import Database
from tests.unit.debates.story import CAPTURES, TRAINING, petition
from tests.unit.importing.builders import business_item
from tests.unit.services.captures import write

EARLIER = 710000
EARLIER_ON = "2024-03-04"
LETTER = "https://committees.parliament.uk/publications/1234/documents/5678/default/"
STATEMENT = (
    "https://questions-statements.parliament.uk/written-statements/detail/2025-05-20/hcws600"
)
EARLIER_TRANSCRIPT = "https://hansard.parliament.uk/commons/2024-03-04/debates/ABC/Neurodiversity"

ACTIVITY = [
    business_item(
        "The Petitions Committee writes to the Education Secretary",
        "The Committee wrote to the Secretary of State about training for education staff.\n"
        f"Read the letter: {LETTER}",
        "2025-05-12T10:00:00.000Z",
    ),
    business_item(
        "Government statement on training for teachers",
        f"The Minister made a written statement on training.\n{STATEMENT}",
        "2025-05-20T10:00:00.000Z",
    ),
]


def debated_before() -> dict[str, Any]:
    return petition(
        EARLIER, "Make neurodiversity training mandatory for teachers and education staff",
        150_000, scheduled_debate_date=EARLIER_ON,
        debate={
            "debated_on": EARLIER_ON, "transcript_url": EARLIER_TRANSCRIPT,
            "video_url": None, "debate_pack_url": None, "public_engagement_url": None,
            "debate_summary_url": None, "overview": "MPs debated neurodiversity training.",
        },
    )  # fmt: skip


def import_pack_story(db: Database, folder: Path) -> None:
    """The story's four petitions (724432 with related activity) and 710000."""
    training = copy.deepcopy(CAPTURES[TRAINING])
    training["data"]["attributes"]["other_parliamentary_business"] = ACTIVITY
    documents = {**CAPTURES, TRAINING: training, EARLIER: debated_before()}
    paths = [write(folder, f"{pid}.json", doc) for pid, doc in documents.items()]
    summary = import_paths(db.engine, paths)
    assert summary.failed == 0, summary.failures
