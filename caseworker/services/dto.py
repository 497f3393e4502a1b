"""Frozen results that services hand to the command line and the window (never ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from caseworker.domain.forecast import Forecast


@dataclass(frozen=True, slots=True)
class PetitionSummary:
    """One row of a petition list."""

    id: int
    action: str
    state: str
    signature_count: int
    opened_at: datetime | None
    closed_at: datetime | None
    response_threshold_reached_at: datetime | None
    government_response_at: datetime | None
    #: The date of the current Government response (a revised one's own date): the
    #: "Response" column in the window and in ``list``.
    responded_on: date | None
    debate_threshold_reached_at: datetime | None
    scheduled_debate_date: date | None
    debate_outcome_at: datetime | None
    days_waiting: int | None = None
    #: When the department was last chased for an overdue first response (None: never).
    last_chased_on: date | None = None


@dataclass(frozen=True, slots=True)
class ResponseVersionView:
    id: int
    summary: str
    details: str | None
    responded_on: date | None
    first_seen_at: datetime
    last_seen_at: datetime
    is_current: bool
    source: str
    capture_source: str | None


@dataclass(frozen=True, slots=True)
class SnapshotView:
    at: datetime
    count: int


@dataclass(frozen=True, slots=True)
class CountView:
    name: str
    code: str | None
    signature_count: int
    mp: str | None = None


@dataclass(frozen=True, slots=True)
class DebateView:
    debated_on: date | None
    transcript_url: str | None
    video_url: str | None
    debate_pack_url: str | None
    public_engagement_url: str | None
    debate_summary_url: str | None
    overview: str | None


@dataclass(frozen=True, slots=True)
class DepartmentView:
    name: str
    acronym: str | None
    url: str | None


@dataclass(frozen=True, slots=True)
class BusinessView:
    subject: str
    body: str | None
    occurred_on: date | None
    created_at: datetime | None
    updated_at: datetime | None
    is_former_response: bool


@dataclass(frozen=True, slots=True)
class ParliamentView:
    period: str
    government: str | None
    dissolution_at: datetime | None
    response_threshold: int | None
    debate_threshold: int | None


@dataclass(frozen=True, slots=True)
class ChaseView:
    id: int
    chased_on: date
    note: str


@dataclass(frozen=True, slots=True)
class RevisionRequestView:
    """A request to a department for a revised response, and where it has got to."""

    id: int
    petition_id: int
    status: str
    reasons: str
    department: str | None
    sent_on: date | None
    due_on: date | None
    chases: tuple[ChaseView, ...]
    #: The response version the request is about, and the revised one once received.
    response_version_id: int | None
    response_responded_on: date | None
    revised_version_id: int | None
    revised_responded_on: date | None
    created_at: datetime
    created_by: str
    updated_at: datetime
    updated_by: str
    version: int

    @property
    def last_chased_on(self) -> date | None:
        return self.chases[-1].chased_on if self.chases else None


@dataclass(frozen=True, slots=True)
class PetitionDetail:
    """Everything stored about one petition, under the site's attribute names."""

    id: int
    archived: bool
    is_demo: bool
    source_url: str | None
    parliament: ParliamentView | None
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
    rejection_code: str | None
    rejection_details: str | None
    response_state: str
    debate_state: str
    response_due_on: date | None
    responses: tuple[ResponseVersionView, ...]
    signature_history: tuple[SnapshotView, ...]
    signatures_by_country: tuple[CountView, ...]
    signatures_by_region: tuple[CountView, ...]
    signatures_by_constituency: tuple[CountView, ...]
    breakdowns_as_of: datetime | None
    debate: DebateView | None
    departments: tuple[DepartmentView, ...]
    topics: tuple[str, ...]
    other_parliamentary_business: tuple[BusinessView, ...]
    raw_json: str
    forecast: Forecast | None = None
    #: The Committee's requests for a revised response, oldest first.
    revision_requests: tuple[RevisionRequestView, ...] = ()
    #: The breakdown by constituency the newest one replaced, and when it was captured.
    previous_constituencies: tuple[CountView, ...] = ()
    previous_breakdowns_as_of: datetime | None = None

    @property
    def current_response(self) -> ResponseVersionView | None:
        return next((r for r in self.responses if r.is_current), None)


@dataclass(frozen=True, slots=True)
class PetitionRow:
    """One row of the window's petition table."""

    id: int
    action: str
    state: str
    signature_count: int
    signatures_last_24h: int | None
    response_threshold_reached_at: datetime | None
    responded_on: date | None
    debate_threshold_reached_at: datetime | None
    scheduled_debate_date: date | None
    departments: str
    days_waiting: int | None
    overdue: bool
    forecast_threshold: int | None = None
    forecast_crossing_at: datetime | None = None
    #: When the department was last chased for an overdue first response (None: never).
    last_chased_on: date | None = None


@dataclass(frozen=True, slots=True)
class FilterOptions:
    """The values the window's filter boxes offer, with names where known."""

    states: tuple[str, ...]
    departments: tuple[str, ...]
    topics: tuple[tuple[str, str], ...]
    parliaments: tuple[str, ...]
