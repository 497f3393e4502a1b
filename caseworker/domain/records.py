"""Typed records for one capture of a petition, as parsed from the site's JSON.

A field that the capture did not carry at all is ``None`` where the distinction matters
(for example ``departments`` is ``None`` in captures from before February 2020, which is not
the same as an empty list of departments).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True, slots=True)
class Rejection:
    code: str
    details: str | None


@dataclass(frozen=True, slots=True)
class GovernmentResponse:
    summary: str
    details: str | None
    responded_on: date | None
    created_at: datetime | None
    updated_at: datetime | None


@dataclass(frozen=True, slots=True)
class Debate:
    debated_on: date | None
    transcript_url: str | None
    video_url: str | None
    debate_pack_url: str | None
    public_engagement_url: str | None
    debate_summary_url: str | None
    overview: str | None


@dataclass(frozen=True, slots=True)
class Department:
    name: str
    acronym: str | None
    url: str | None


@dataclass(frozen=True, slots=True)
class CountryCount:
    name: str
    code: str | None
    signature_count: int


@dataclass(frozen=True, slots=True)
class RegionCount:
    name: str
    ons_code: str | None
    signature_count: int


@dataclass(frozen=True, slots=True)
class ConstituencyCount:
    name: str
    ons_code: str | None
    mp: str | None
    signature_count: int


@dataclass(frozen=True, slots=True)
class Breakdowns:
    """Signature totals at capture time; a newer capture replaces them whole."""

    countries: tuple[CountryCount, ...]
    regions: tuple[RegionCount, ...] | None
    constituencies: tuple[ConstituencyCount, ...]


@dataclass(frozen=True, slots=True)
class BusinessItem:
    """One item of ``other_parliamentary_business`` ("Related activity" on the site)."""

    subject: str
    body: str | None
    occurred_on: date | None
    created_at: datetime | None
    updated_at: datetime | None


@dataclass(frozen=True, slots=True)
class Parliament:
    period: str
    government: str | None
    dissolution_at: datetime | None
    response_threshold: int | None
    debate_threshold: int | None


@dataclass(frozen=True, slots=True)
class PetitionCapture:
    """Everything one capture says about one petition."""

    id: int
    archived: bool
    parliament: Parliament | None
    source_url: str | None
    action: str
    background: str | None
    additional_details: str | None
    committee_note: str | None
    state: str
    signature_count: int
    closing_date: date | None
    created_at: datetime | None
    updated_at: datetime
    rejected_at: datetime | None
    opened_at: datetime | None
    closed_at: datetime | None
    moderation_threshold_reached_at: datetime | None
    response_threshold_reached_at: datetime | None
    government_response_at: datetime | None
    debate_threshold_reached_at: datetime | None
    debate_scheduled_on: date | None
    scheduled_debate_date: date | None
    debate_outcome_at: datetime | None
    creator_name: str | None
    rejection: Rejection | None
    government_response: GovernmentResponse | None
    debate: Debate | None
    departments: tuple[Department, ...] | None
    topics: tuple[str, ...] | None
    breakdowns: Breakdowns | None
    other_business: tuple[BusinessItem, ...] | None
    raw_json: str
    from_single_view: bool
    is_demo: bool = False
