"""Database rows built from a parsed capture.

Rows are tuples in the order of the matching ``*_COLUMNS`` (see :class:`~caseworker.storage.
upsert.Bulk`): the importer builds hundreds of thousands of them, and a tuple costs a
fraction of a dictionary.
"""

from __future__ import annotations

from datetime import date, datetime
from operator import attrgetter
from typing import Any

from caseworker.domain.records import PetitionCapture

Row = tuple[Any, ...]

#: Petition columns a newer capture overwrites.
SCALAR_FIELDS = (
    "action",
    "background",
    "additional_details",
    "committee_note",
    "state",
    "signature_count",
    "closing_date",
    "created_at",
    "updated_at",
    "rejected_at",
    "opened_at",
    "closed_at",
    "moderation_threshold_reached_at",
    "response_threshold_reached_at",
    "government_response_at",
    "debate_threshold_reached_at",
    "debate_scheduled_on",
    "scheduled_debate_date",
    "debate_outcome_at",
    "creator_name",
)

#: The petition columns every capture sets (everything but the key and the columns below).
PETITION_COLUMNS = (
    *SCALAR_FIELDS,
    "archived",
    "parliament_period",
    "source_url",
    "rejection_code",
    "rejection_details",
    "has_response",
    "has_debate_outcome",
    "is_demo",
    "raw_from_single_view",
    "capture_id",
)
#: A new petition: its id, :data:`PETITION_COLUMNS`, then what only the first capture sets.
NEW_PETITION_COLUMNS = (
    "id",
    *PETITION_COLUMNS,
    "first_imported_at",
    "breakdowns_as_of",
    "responded_on",
    "departments_label",
)
SNAPSHOT_COLUMNS = ("petition_id", "at", "signature_count")
DEBATE_COLUMNS = (
    "petition_id",
    "debated_on",
    "transcript_url",
    "video_url",
    "debate_pack_url",
    "public_engagement_url",
    "debate_summary_url",
    "overview",
)
COUNTRY_COLUMNS = ("petition_id", "position", "name", "code", "signature_count")
REGION_COLUMNS = ("petition_id", "position", "name", "ons_code", "signature_count")
CONSTITUENCY_COLUMNS = ("petition_id", "position", "name", "ons_code", "mp", "signature_count")

_scalars = attrgetter(*SCALAR_FIELDS)
_debate = attrgetter(*DEBATE_COLUMNS[1:])


def petition_values(c: PetitionCapture, capture_id: int | None) -> Row:
    """The :data:`PETITION_COLUMNS` this capture sets."""
    rejection = c.rejection
    return (
        *_scalars(c),
        c.archived,
        c.parliament.period if c.parliament else None,
        c.source_url,
        rejection.code if rejection else None,
        rejection.details if rejection else None,
        c.government_response is not None,
        c.debate is not None,
        c.is_demo,
        c.from_single_view,
        capture_id,
    )


def new_petition_row(
    c: PetitionCapture,
    capture_id: int | None,
    now: datetime,
    derived: tuple[date | None, str | None] = (None, None),
) -> Row:
    """A :data:`NEW_PETITION_COLUMNS` row for a petition seen for the first time."""
    breakdowns_as_of = c.updated_at if c.breakdowns else None
    return (c.id, *petition_values(c, capture_id), now, breakdowns_as_of, *derived)


def debate_row(c: PetitionCapture) -> Row | None:
    d = c.debate
    if d is None:
        return None
    return (c.id, *_debate(d))


def country_rows(c: PetitionCapture) -> list[Row]:
    """:data:`COUNTRY_COLUMNS` rows, in the site's order."""
    b = c.breakdowns
    assert b is not None
    pid = c.id
    return [(pid, i, x.name, x.code, x.signature_count) for i, x in enumerate(b.countries)]


def region_rows(c: PetitionCapture) -> list[Row]:
    """:data:`REGION_COLUMNS` rows, in the site's order."""
    b = c.breakdowns
    assert b is not None
    pid = c.id
    return [(pid, i, x.name, x.ons_code, x.signature_count) for i, x in enumerate(b.regions or ())]


def constituency_rows(c: PetitionCapture) -> list[Row]:
    """:data:`CONSTITUENCY_COLUMNS` rows, in the site's order."""
    b = c.breakdowns
    assert b is not None
    pid = c.id
    return [
        (pid, i, x.name, x.ons_code, x.mp, x.signature_count)
        for i, x in enumerate(b.constituencies)
    ]


def raw_row(c: PetitionCapture) -> Row:
    return (c.id, c.raw_json)


def snapshot_row(c: PetitionCapture) -> Row:
    return (c.id, c.updated_at, c.signature_count)


def business_key(created_at: datetime | None, subject: str) -> str:
    """Identity of a business item: the site's record creation time, else its subject."""
    if created_at is not None:
        return created_at.isoformat()
    return "subject:" + subject[:180]
