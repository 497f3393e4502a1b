"""What the casework services hand to the window and the command line."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from caseworker.domain.debates import DebateDecisionKind
from caseworker.services import dto


@dataclass(frozen=True)
class ReviewView:
    id: int
    petition_id: int
    response_version_id: int
    reviewer: str
    reviewed_at: datetime
    verdict: str
    #: "yes", "partly" or "no" (``Answer`` values); None while unanswered.
    answers_request: str | None
    states_position: str | None
    on_time: bool | None
    notes: str
    version: int


@dataclass(frozen=True)
class VersionText:
    """One version of a response, with where it uses the request's key terms."""

    id: int
    label: str
    responded_on: date | None
    summary: str
    details: str
    is_current: bool
    #: Whether it came within its deadline: 21 days from 10,000 signatures for a first
    #: response, the request's due date for a revised one; None when there is no deadline.
    on_time: bool | None
    deadline: date | None
    summary_spans: tuple[tuple[int, int], ...]
    details_spans: tuple[tuple[int, int], ...]
    terms_used: tuple[str, ...]
    terms_missing: tuple[str, ...]
    #: The request's key-term spans this version uses (the request pane marks only these).
    request_spans_used: tuple[tuple[int, int], ...]
    coverage_line: str


@dataclass(frozen=True)
class ReviewPane:
    """Everything the review tab shows for one petition."""

    petition_id: int
    request: str
    request_spans: tuple[tuple[int, int], ...]
    background: str
    departments: str
    #: Full names, as a letter is addressed ("Department for Education; HM Treasury").
    department_names: str
    response_due_on: date | None
    versions: tuple[VersionText, ...]
    reviews: tuple[ReviewView, ...]
    requests: tuple[dto.RevisionRequestView, ...]

    def version(self, version_id: int) -> VersionText | None:
        return next((v for v in self.versions if v.id == version_id), None)


@dataclass(frozen=True)
class RequestRow:
    """One row of the Requests view: a request, its petition, and where it stands today."""

    request: dto.RevisionRequestView
    action: str
    #: Open and past its due date (as of the day the rows were read).
    overdue: bool

    @property
    def last_chased_on(self) -> date | None:
        return self.request.last_chased_on


@dataclass(frozen=True)
class AuditEntryView:
    at: datetime
    actor: str
    subject: str
    subject_id: str | None
    action: str
    field: str | None
    old_value: str | None
    new_value: str | None


@dataclass(frozen=True)
class MeetingView:
    #: None for a meeting not recorded yet (it is recorded with its first decision).
    id: int | None
    meets_on: date
    cut_off: date
    #: Responses received after this date (and by the cut-off) are new at this meeting.
    window_start: date

    @property
    def recorded_id(self) -> int:
        if self.id is None:
            raise ValueError(f"the meeting on {self.meets_on} is not recorded yet")
        return self.id


@dataclass(frozen=True)
class DecisionView:
    id: int
    decision: str
    notes: str
    decided_by: str
    decided_at: datetime
    version: int


@dataclass(frozen=True)
class AgendaItem:
    """One thing for the Committee to consider, and what it decided, once it has."""

    kind: str
    petition_id: int
    action: str
    departments: str
    signature_count: int
    response_version_id: int | None
    request_id: int | None
    #: When the response arrived, or for an overdue request when it was due.
    on: date | None
    #: What to decide, in words: "revised response overdue, chased 25 Sep".
    label: str
    latest_verdict: str | None
    decision: DecisionView | None
    #: A "debate decision" item: what the Committee decided at this meeting, once it has.
    debate_decision: DebateDecisionNote | None = None


@dataclass(frozen=True)
class DebateDecisionNote:
    """A decision at 100,000 signatures, in the few fields an agenda and a history show."""

    id: int
    petition_id: int
    #: A ``DebateDecisionKind`` value: schedule, decline, defer, group, seek_information.
    decision: str
    reason: str
    debates_named: str
    debate_id: int | None
    group_with_id: int | None
    version: int

    @property
    def label(self) -> str:
        return DebateDecisionKind(self.decision).label

    @property
    def summary(self) -> str:
        """ "Decided not to schedule a debate: recently debated (debated 7 July 2025)",
        "Agreed to debate it with another petition: e-petition 724500 (debate 3)"."""
        kind = DebateDecisionKind(self.decision)
        details = []
        if kind is DebateDecisionKind.GROUP and self.group_with_id is not None:
            details.append(f"e-petition {self.group_with_id}")
        if self.reason:
            details.append(self.reason)
        if self.debates_named:
            details.append(f"debates named: {self.debates_named}")
        if self.debate_id is not None and kind in GOES_TO_DEBATE:
            details.append(f"debate {self.debate_id}")
        return f"{kind.label}: {'; '.join(details)}" if details else kind.label


#: Decisions that place the petition in a debate of the Committee's.
GOES_TO_DEBATE = (DebateDecisionKind.SCHEDULE, DebateDecisionKind.GROUP)
