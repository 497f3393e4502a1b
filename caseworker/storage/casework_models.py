"""The Committee's own records: reviews, revision requests, meetings and their history.

Unlike the petition tables, which mirror the public site, these are written by clerks, so
each editable row has a ``version`` column: a save based on a stale copy is refused instead
of silently overwriting a colleague's work on the shared server.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from caseworker.storage.base import Base

PETITION = "petitions.id"
VERSION = "response_versions.id"


class ResponseReview(Base):
    """A clerk's review of one version of a Government response."""

    __tablename__ = "response_reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    petition_id: Mapped[int] = mapped_column(ForeignKey(PETITION), index=True)
    response_version_id: Mapped[int] = mapped_column(ForeignKey(VERSION), index=True)
    reviewer: Mapped[str] = mapped_column(Text)
    reviewed_at: Mapped[datetime]
    verdict: Mapped[str] = mapped_column(String(30))
    # The Committee's test: "yes", "partly" or "no"; None while the clerk has not answered.
    answers_request: Mapped[str | None] = mapped_column(String(10))
    states_position: Mapped[str | None] = mapped_column(String(10))
    on_time: Mapped[bool | None] = mapped_column(Boolean)
    notes: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


#: A petition has at most one request in these statuses (a unique partial index).
OPEN_REQUEST_STATUSES = ("draft", "sent", "chased")
_ONE_OPEN = text(f"status IN ({', '.join(repr(s) for s in OPEN_REQUEST_STATUSES)})")


class RevisionRequest(Base):
    """A request to a department for a revised response, from draft to its close."""

    __tablename__ = "revision_requests"
    __table_args__ = (
        Index(
            "uq_revision_requests_one_open",
            "petition_id",
            unique=True,
            sqlite_where=_ONE_OPEN,
            postgresql_where=_ONE_OPEN,
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    petition_id: Mapped[int] = mapped_column(ForeignKey(PETITION), index=True)
    response_version_id: Mapped[int | None] = mapped_column(ForeignKey(VERSION))
    revised_version_id: Mapped[int | None] = mapped_column(ForeignKey(VERSION))
    reasons: Mapped[str] = mapped_column(Text)
    department: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), index=True)
    sent_on: Mapped[date | None]
    due_on: Mapped[date | None]
    received_at: Mapped[datetime | None]
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime]
    updated_by: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class RequestChase(Base):
    __tablename__ = "request_chases"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(
        ForeignKey("revision_requests.id", ondelete="CASCADE"), index=True
    )
    chased_on: Mapped[date]
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(Text)


class ResponseChase(Base):
    """A clerk chased the department for an overdue first Government response."""

    __tablename__ = "response_chases"

    id: Mapped[int] = mapped_column(primary_key=True)
    petition_id: Mapped[int] = mapped_column(ForeignKey(PETITION), index=True)
    chased_on: Mapped[date]
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(Text)


class CommitteeMeeting(Base):
    __tablename__ = "committee_meetings"

    id: Mapped[int] = mapped_column(primary_key=True)
    meets_on: Mapped[date] = mapped_column(unique=True)
    # Responses and revised responses received by this date are considered.
    cut_off: Mapped[date]
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(Text)


class MeetingDecision(Base):
    """What the Committee decided about one petition at one meeting."""

    __tablename__ = "meeting_decisions"
    __table_args__ = (UniqueConstraint("meeting_id", "petition_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("committee_meetings.id"), index=True)
    petition_id: Mapped[int] = mapped_column(ForeignKey(PETITION), index=True)
    response_version_id: Mapped[int | None] = mapped_column(ForeignKey(VERSION))
    request_id: Mapped[int | None] = mapped_column(ForeignKey("revision_requests.id"))
    decision: Mapped[str] = mapped_column(String(40))
    notes: Mapped[str] = mapped_column(Text, default="")
    decided_at: Mapped[datetime]
    decided_by: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class CaseworkSetting(Base):
    """Team-wide settings kept with the data: letter templates, the default due period."""

    __tablename__ = "casework_settings"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime]
    updated_by: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class AuditEvent(Base):
    """One change to the Committee's records. Append-only: the database refuses updates
    and deletes (see caseworker.storage.append_only)."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    petition_id: Mapped[int | None] = mapped_column(ForeignKey(PETITION), index=True)
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(Text)
    # What was changed: "review", "request", "chase", "decision", "meeting" or "setting".
    subject: Mapped[str] = mapped_column(String(20))
    subject_id: Mapped[str | None] = mapped_column(String(60))
    action: Mapped[str] = mapped_column(String(20))
    field: Mapped[str | None] = mapped_column(String(60))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    # About a generated demo petition: removed with it when demo data is regenerated.
    demo: Mapped[bool] = mapped_column(Boolean, default=False)


class LetterRecipient(Base):
    """Who a department's letters go to, in one register: the Secretary of State (from the
    Chair) or the departmental officials (from the clerk). Edited by the clerks."""

    __tablename__ = "letter_recipients"

    department: Mapped[str] = mapped_column(String(200), primary_key=True)
    # "chair" (to the Secretary of State) or "clerk" (to officials).
    register: Mapped[str] = mapped_column(String(10), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    office: Mapped[str] = mapped_column(Text)
    salutation: Mapped[str] = mapped_column(Text)
    address: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime]
    updated_by: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class StoredLetter(Base):
    """A letter as the clerk kept it: the exact text, so it can be reopened and sent again.

    Never changed once stored: an edited letter is kept as a new one.
    """

    __tablename__ = "letters"

    id: Mapped[int] = mapped_column(primary_key=True)
    petition_id: Mapped[int] = mapped_column(ForeignKey(PETITION), index=True)
    request_id: Mapped[int | None] = mapped_column(ForeignKey("revision_requests.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    reference: Mapped[str] = mapped_column(String(60))
    dated: Mapped[date]
    draft: Mapped[bool] = mapped_column(Boolean, default=False)
    recipient: Mapped[str] = mapped_column(Text)
    subject: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    signatory: Mapped[str] = mapped_column(Text)
    signatory_title: Mapped[str] = mapped_column(Text, default="")
    contact: Mapped[str] = mapped_column(Text, default="")
    # What the letter still lacked when it was kept (one item a line; "" when complete).
    missing: Mapped[str] = mapped_column(Text, default="")
    saved_at: Mapped[datetime]
    saved_by: Mapped[str] = mapped_column(Text)
