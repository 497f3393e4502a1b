"""The Committee's debate work: debates, decisions at 100,000, the calendar, Members,
public engagement and the parliamentary material a pack lists.

These are the Committee's own records, written by clerks (the site's outcome of a debate
stays in ``debates``, see caseworker.storage.models.Debate). Editable rows carry a
``version`` column: a save based on a stale copy is refused rather than overwriting a
colleague's work on the shared server.
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import (
    Boolean,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from caseworker.storage.base import Base

PETITION = "petitions.id"
DEBATE = "committee_debates.id"

#: A slot holds at most one debate in these statuses (a unique partial index): a withdrawn
#: or postponed debate gives its slot back.
SLOT_HOLDING_STATUSES = ("proposed", "scheduled", "held")
_HOLDS_SLOT = text(
    f"status IN ({', '.join(repr(s) for s in SLOT_HOLDING_STATUSES)}) AND day IS NOT NULL"
)


class Member(Base):
    """A Member of Parliament the clerks work with: a Committee member, or one who opens or
    asks to speak in debates. Kept by the clerks (names change less often than seats)."""

    __tablename__ = "members"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text, unique=True)
    constituency: Mapped[str] = mapped_column(Text, default="")
    # The 2024 constituency code (E14001063) when known: the pack highlights the seat.
    constituency_code: Mapped[str | None] = mapped_column(String(12))
    party: Mapped[str] = mapped_column(Text, default="")
    committee_member: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime]
    updated_by: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class CommitteeDebate(Base):
    """A debate the Committee schedules: one or several petitions, a slot, who speaks."""

    __tablename__ = "committee_debates"
    __table_args__ = (
        Index(
            "uq_committee_debates_one_a_slot",
            "day",
            "starts_at",
            unique=True,
            sqlite_where=_HOLDS_SLOT,
            postgresql_where=_HOLDS_SLOT,
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # None while proposed without a slot.
    day: Mapped[date | None] = mapped_column(index=True)
    starts_at: Mapped[time]
    place: Mapped[str] = mapped_column(Text)
    # The editable phrase of the motion: "That this House has considered e-petition 724432
    # relating to <relating_to>."
    relating_to: Mapped[str] = mapped_column(Text, default="")
    opening_member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    department: Mapped[str] = mapped_column(Text, default="")
    minister: Mapped[str] = mapped_column(Text, default="")
    # proposed, scheduled, held, withdrawn, postponed (caseworker.domain.debates.DebateStatus)
    status: Mapped[str] = mapped_column(String(20), index=True)
    # The clerk's summary for the pack.
    summary: Mapped[str] = mapped_column(Text, default="")
    transcript_url: Mapped[str] = mapped_column(Text, default="")
    video_url: Mapped[str] = mapped_column(Text, default="")
    pack_url: Mapped[str] = mapped_column(Text, default="")
    engagement_url: Mapped[str] = mapped_column(Text, default="")
    summary_url: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime]
    updated_by: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class DebatePetition(Base):
    """A petition in a debate, in the order the motion names them."""

    __tablename__ = "debate_petitions"

    debate_id: Mapped[int] = mapped_column(ForeignKey(DEBATE, ondelete="CASCADE"), primary_key=True)
    petition_id: Mapped[int] = mapped_column(ForeignKey(PETITION), primary_key=True, index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Recess(Base):
    """A week or more with no petitions debates (the House in recess)."""

    __tablename__ = "recesses"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    starts_on: Mapped[date] = mapped_column(index=True)
    ends_on: Mapped[date]
    updated_at: Mapped[datetime]
    updated_by: Mapped[str] = mapped_column(Text)


class ExtraSlot(Base):
    """A slot beyond the Monday 4.30pm ones (a Tuesday morning, a second Monday debate)."""

    __tablename__ = "extra_slots"
    __table_args__ = (UniqueConstraint("day", "starts_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(index=True)
    starts_at: Mapped[time]
    place: Mapped[str] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime]
    updated_by: Mapped[str] = mapped_column(Text)


class DebateDecision(Base):
    """What the Committee decided about a petition that reached 100,000 signatures."""

    __tablename__ = "debate_decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    petition_id: Mapped[int] = mapped_column(ForeignKey(PETITION), index=True)
    # The meeting that decided, when recorded with one.
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("committee_meetings.id"), index=True)
    # schedule, decline, defer, group, seek_information
    # (caseworker.domain.debates.DebateDecisionKind)
    decision: Mapped[str] = mapped_column(String(30))
    reason: Mapped[str] = mapped_column(Text, default="")
    # schedule/group: the debate it goes to; decline "recently debated": a debate named.
    debate_id: Mapped[int | None] = mapped_column(ForeignKey(DEBATE, ondelete="SET NULL"))
    # group: the petition it is grouped with.
    group_with_id: Mapped[int | None] = mapped_column(ForeignKey(PETITION))
    # decline: the earlier debates named (free text: "5 June 2023, e-petition 600000").
    debates_named: Mapped[str] = mapped_column(Text, default="")
    decided_on: Mapped[date]
    decided_at: Mapped[datetime]
    decided_by: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class Engagement(Base):
    """A call for the public's experiences before a debate ("Share your experiences")."""

    __tablename__ = "engagements"

    id: Mapped[int] = mapped_column(primary_key=True)
    debate_id: Mapped[int] = mapped_column(
        ForeignKey(DEBATE, ondelete="CASCADE"), unique=True, index=True
    )
    title: Mapped[str] = mapped_column(Text)
    # Where it ran: "the House of Commons website", "Commons Petitions Committee survey".
    ran_on: Mapped[str] = mapped_column(Text, default="")
    opens_on: Mapped[date | None]
    closes_on: Mapped[date | None]
    member: Mapped[str] = mapped_column(Text, default="")
    link: Mapped[str] = mapped_column(Text, default="")
    # Responses counted by the survey tool; None: count the imported ones.
    declared_responses: Mapped[int | None]
    updated_at: Mapped[datetime]
    updated_by: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class EngagementResponse(Base):
    """One response imported from a survey tool's CSV export."""

    __tablename__ = "engagement_responses"

    id: Mapped[int] = mapped_column(primary_key=True)
    engagement_id: Mapped[int] = mapped_column(
        ForeignKey("engagements.id", ondelete="CASCADE"), index=True
    )
    body: Mapped[str] = mapped_column(Text)
    responded_on: Mapped[date | None]
    location: Mapped[str] = mapped_column(Text, default="")
    # Where it came from: "responses.csv line 12".
    source: Mapped[str] = mapped_column(Text, default="")
    imported_at: Mapped[datetime]
    imported_by: Mapped[str] = mapped_column(Text)


class EngagementTheme(Base):
    """A theme the clerk found in the responses, with its count for the pack."""

    __tablename__ = "engagement_themes"
    __table_args__ = (UniqueConstraint("engagement_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    engagement_id: Mapped[int] = mapped_column(
        ForeignKey("engagements.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class EngagementTag(Base):
    """A response tagged with a theme (a response may carry several)."""

    __tablename__ = "engagement_tags"

    response_id: Mapped[int] = mapped_column(
        ForeignKey("engagement_responses.id", ondelete="CASCADE"), primary_key=True
    )
    theme_id: Mapped[int] = mapped_column(
        ForeignKey("engagement_themes.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class EngagementQuote(Base):
    """A quotation selected for the pack, with its source and whether it may be quoted."""

    __tablename__ = "engagement_quotes"

    id: Mapped[int] = mapped_column(primary_key=True)
    engagement_id: Mapped[int] = mapped_column(
        ForeignKey("engagements.id", ondelete="CASCADE"), index=True
    )
    theme_id: Mapped[int | None] = mapped_column(
        ForeignKey("engagement_themes.id", ondelete="SET NULL")
    )
    response_id: Mapped[int | None] = mapped_column(
        ForeignKey("engagement_responses.id", ondelete="SET NULL")
    )
    body: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(Text, default="")
    may_quote: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer, default=0)


class ParliamentaryMaterial(Base):
    """An item the pack lists: a previous debate, written question, statement, EDM,
    committee report, press article or further reading."""

    __tablename__ = "parliamentary_material"

    id: Mapped[int] = mapped_column(primary_key=True)
    debate_id: Mapped[int] = mapped_column(ForeignKey(DEBATE, ondelete="CASCADE"), index=True)
    # caseworker.domain.debates.MaterialKind
    kind: Mapped[str] = mapped_column(String(30))
    title: Mapped[str] = mapped_column(Text)
    published_on: Mapped[date | None]
    link: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    # Where an item was suggested from ("site activity on e-petition 700143"); "" by hand.
    suggested_from: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime]
    updated_by: Mapped[str] = mapped_column(Text)
