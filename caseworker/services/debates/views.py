"""What the debate services hand to the window and the command line."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time

from caseworker.formatting import papers_clock, weekday_date


@dataclass(frozen=True)
class MemberView:
    id: int
    name: str
    constituency: str
    constituency_code: str | None
    party: str
    committee_member: bool
    notes: str
    version: int

    @property
    def label(self) -> str:
        """``"Jane Smith MP (Labour, Leeds Central)"``: how lists and the pack name a Member."""
        about = ", ".join(part for part in (self.party, self.constituency) if part)
        return f"{self.styled} ({about})" if about else self.styled

    @property
    def styled(self) -> str:
        """``"Jane Smith MP"``."""
        return f"{self.name} MP"


@dataclass(frozen=True)
class DebatePetitionView:
    petition_id: int
    action: str
    state: str
    signature_count: int
    #: The day the public site says it is scheduled for or was debated on (None: not said).
    site_day: date | None


@dataclass(frozen=True)
class Disagreement:
    """Where the Committee's record and the public site differ: shown to the clerk, never
    resolved silently."""

    #: "day" or "opening_member".
    field: str
    ours: str
    site: str
    message: str


#: Outcome links a held debate keeps (attribute names of DebateView and of the update call).
LINK_FIELDS = ("transcript_url", "video_url", "pack_url", "engagement_url", "summary_url")
#: Fields a clerk may set with ``DebateService.update``.
EDITABLE_FIELDS = (
    "day", "starts_at", "place", "relating_to", "opening_member_id", "department",
    "minister", "status", "summary", *LINK_FIELDS,
)  # fmt: skip


@dataclass(frozen=True)
class DebateView:
    id: int
    petitions: tuple[DebatePetitionView, ...]
    day: date | None
    starts_at: time
    place: str
    relating_to: str
    #: "That this House has considered e-petition 724432 relating to …."
    motion: str
    opening_member: MemberView | None
    department: str
    minister: str
    #: A DebateStatus value.
    status: str
    summary: str
    transcript_url: str
    video_url: str
    pack_url: str
    engagement_url: str
    summary_url: str
    created_at: datetime
    created_by: str
    updated_at: datetime
    updated_by: str
    version: int
    disagreements: tuple[Disagreement, ...] = ()

    @property
    def petition_ids(self) -> tuple[int, ...]:
        return tuple(p.petition_id for p in self.petitions)

    @property
    def when(self) -> str:
        """``"Monday 7 July 2025, 4.30pm"`` or ``"No date yet"``."""
        if self.day is None:
            return "No date yet"
        return f"{weekday_date(self.day)}, {papers_clock(self.starts_at)}"

    @property
    def title(self) -> str:
        """``"e-petition 724432: Make neurodiversity training mandatory"``; grouped debates
        name the first and how many more."""
        if not self.petitions:
            return f"Debate {self.id}"
        first = self.petitions[0]
        more = f" and {len(self.petitions) - 1} more" if len(self.petitions) > 1 else ""
        return f"e-petition {first.petition_id}{more}: {first.action}"


@dataclass(frozen=True)
class RecessView:
    id: int
    name: str
    starts_on: date
    ends_on: date


@dataclass(frozen=True)
class ExtraSlotView:
    id: int
    day: date
    starts_at: time
    place: str
    note: str


@dataclass(frozen=True)
class SlotView:
    """A slot in the calendar: free, or holding a debate."""

    day: date
    starts_at: time
    place: str
    #: The clerk's note for an extra slot ("" for a Monday one).
    note: str
    #: An extra slot's id (None for a standard Monday slot).
    extra_slot_id: int | None
    debate: DebateView | None

    @property
    def free(self) -> bool:
        return self.debate is None


@dataclass(frozen=True)
class WaitingPetition:
    """A petition past 100,000 signatures with no debate yet: the Committee must decide."""

    petition_id: int
    action: str
    signature_count: int
    reached_on: date | None
    #: The Committee's latest debate decision, as a label ("Deferred its decision on a
    #: debate"); None when none is recorded.
    latest_decision: str | None


@dataclass(frozen=True)
class CalendarView:
    first: date
    last: date
    #: Every slot in the range (Monday 4.30pm outside recess, and extra slots), in order.
    slots: tuple[SlotView, ...]
    recesses: tuple[RecessView, ...]
    #: Debates in the range not in any slot (a date entered before a recess was), and
    #: proposed debates with no date yet: the clerk places them.
    unplaced: tuple[DebateView, ...]
    waiting: tuple[WaitingPetition, ...] = field(default=())

    def debates(self) -> tuple[DebateView, ...]:
        return tuple(s.debate for s in self.slots if s.debate is not None)


@dataclass(frozen=True)
class Quotation:
    body: str
    #: Where it came from: "Survey response, Leeds, 12 May 2025".
    source: str
    #: Whether the respondent agreed to be quoted: the pack prints only those that may be.
    may_quote: bool


@dataclass(frozen=True)
class ThemeFinding:
    name: str
    description: str
    #: Responses tagged with this theme.
    count: int
    quotations: tuple[Quotation, ...]


@dataclass(frozen=True)
class EngagementFindings:
    """What a debate's public engagement found: the pack's "What the public told us"."""

    title: str
    ran_on: str
    opens_on: date | None
    closes_on: date | None
    member: str
    link: str
    #: The survey tool's count when given, else the responses imported.
    responses: int
    #: Most-mentioned first.
    themes: tuple[ThemeFinding, ...]
    #: Quotations not filed under a theme.
    other_quotations: tuple[Quotation, ...] = ()


@dataclass(frozen=True)
class MaterialItem:
    """One entry of a pack's parliamentary material."""

    id: int | None
    #: A MaterialKind value.
    kind: str
    title: str
    published_on: date | None
    link: str
    note: str
    #: Where a suggestion came from ("" when the clerk added it by hand).
    suggested_from: str = ""
