"""The schema: petitions as the site publishes them, plus the history the site throws away.

Column names follow the site's attribute names so that a clerk, the JSON and the database
all use the same words.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from caseworker.storage.base import Base

PETITION_FK = "petitions.id"


class Parliament(Base):
    __tablename__ = "parliaments"

    period: Mapped[str] = mapped_column(String(20), primary_key=True)
    government: Mapped[str | None] = mapped_column(Text)
    dissolution_at: Mapped[datetime | None]
    response_threshold: Mapped[int | None]
    debate_threshold: Mapped[int | None]


class Capture(Base):
    """One imported file. A file already imported (same bytes) is not applied again."""

    __tablename__ = "captures"

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    shape: Mapped[str] = mapped_column(String(40))
    petition_count: Mapped[int]
    imported_at: Mapped[datetime]


class Petition(Base):
    __tablename__ = "petitions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    parliament_period: Mapped[str | None] = mapped_column(ForeignKey("parliaments.period"))
    source_url: Mapped[str | None] = mapped_column(Text)
    # Indexed for sorting the window's table by title.
    action: Mapped[str] = mapped_column(Text, index=True)
    background: Mapped[str | None] = mapped_column(Text)
    additional_details: Mapped[str | None] = mapped_column(Text)
    committee_note: Mapped[str | None] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(20), index=True)
    signature_count: Mapped[int] = mapped_column(index=True)
    closing_date: Mapped[date | None]
    created_at: Mapped[datetime | None]
    # Indexed: the related-petitions index checks its freshness by the newest capture.
    updated_at: Mapped[datetime] = mapped_column(index=True)
    rejected_at: Mapped[datetime | None]
    opened_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    moderation_threshold_reached_at: Mapped[datetime | None]
    response_threshold_reached_at: Mapped[datetime | None] = mapped_column(index=True)
    government_response_at: Mapped[datetime | None]
    debate_threshold_reached_at: Mapped[datetime | None] = mapped_column(index=True)
    debate_scheduled_on: Mapped[date | None]
    scheduled_debate_date: Mapped[date | None] = mapped_column(index=True)
    debate_outcome_at: Mapped[datetime | None]
    creator_name: Mapped[str | None] = mapped_column(Text)
    rejection_code: Mapped[str | None] = mapped_column(String(60))
    rejection_details: Mapped[str | None] = mapped_column(Text)
    # Derived at import, so that the work queues are plain indexed filters.
    has_response: Mapped[bool] = mapped_column(Boolean, default=False)
    has_debate_outcome: Mapped[bool] = mapped_column(Boolean, default=False)
    # Worked out from other tables after each import (caseworker.importing.derived).
    responded_on: Mapped[date | None] = mapped_column(index=True)
    departments_label: Mapped[str | None] = mapped_column(Text, index=True)
    signatures_last_24h: Mapped[int | None] = mapped_column(index=True)
    forecast_final: Mapped[int | None]
    forecast_threshold: Mapped[int | None]
    forecast_crossing_at: Mapped[datetime | None] = mapped_column(index=True)
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)
    # Whether petition_raw holds a single-petition view (with breakdowns) or a list item.
    raw_from_single_view: Mapped[bool] = mapped_column(Boolean, default=False)
    breakdowns_as_of: Mapped[datetime | None]
    capture_id: Mapped[int | None] = mapped_column(ForeignKey("captures.id"))
    first_imported_at: Mapped[datetime]


class PetitionRaw(Base):
    """The newest capture of a petition, kept whole so nothing the site sent is lost.

    Kept apart from ``petitions`` so that the work queues scan small rows.
    """

    __tablename__ = "petition_raw"

    petition_id: Mapped[int] = mapped_column(
        ForeignKey(PETITION_FK, ondelete="CASCADE"), primary_key=True
    )
    raw_json: Mapped[str] = mapped_column(Text)


class Debate(Base):
    __tablename__ = "debates"

    petition_id: Mapped[int] = mapped_column(
        ForeignKey(PETITION_FK, ondelete="CASCADE"), primary_key=True
    )
    debated_on: Mapped[date | None]
    transcript_url: Mapped[str | None] = mapped_column(Text)
    video_url: Mapped[str | None] = mapped_column(Text)
    debate_pack_url: Mapped[str | None] = mapped_column(Text)
    public_engagement_url: Mapped[str | None] = mapped_column(Text)
    debate_summary_url: Mapped[str | None] = mapped_column(Text)
    overview: Mapped[str | None] = mapped_column(Text)


class Department(Base):
    __tablename__ = "departments"

    name: Mapped[str] = mapped_column(String(200), primary_key=True)
    acronym: Mapped[str | None] = mapped_column(String(40))
    url: Mapped[str | None] = mapped_column(Text)


class PetitionDepartment(Base):
    __tablename__ = "petition_departments"

    petition_id: Mapped[int] = mapped_column(
        ForeignKey(PETITION_FK, ondelete="CASCADE"), primary_key=True
    )
    department_name: Mapped[str] = mapped_column(
        ForeignKey("departments.name"), primary_key=True, index=True
    )


class Topic(Base):
    __tablename__ = "topics"

    code: Mapped[str] = mapped_column(String(100), primary_key=True)
    name: Mapped[str | None] = mapped_column(Text)


class PetitionTopic(Base):
    __tablename__ = "petition_topics"

    petition_id: Mapped[int] = mapped_column(
        ForeignKey(PETITION_FK, ondelete="CASCADE"), primary_key=True
    )
    topic_code: Mapped[str] = mapped_column(ForeignKey("topics.code"), primary_key=True, index=True)


class ResponseVersion(Base):
    """Every distinct Government response seen for a petition (the site keeps only one)."""

    __tablename__ = "response_versions"
    __table_args__ = (UniqueConstraint("petition_id", "fingerprint"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    petition_id: Mapped[int] = mapped_column(
        ForeignKey(PETITION_FK, ondelete="CASCADE"), index=True
    )
    summary: Mapped[str] = mapped_column(Text)
    details: Mapped[str | None] = mapped_column(Text)
    responded_on: Mapped[date | None]
    created_at: Mapped[datetime | None]
    updated_at: Mapped[datetime | None]
    # sha256 of the text with white space folded: the identity of a version.
    fingerprint: Mapped[str] = mapped_column(String(64))
    # "government_response", or "other_parliamentary_business" when only the site's copy of a
    # superseded response has been seen.
    source: Mapped[str] = mapped_column(String(40))
    is_current: Mapped[bool] = mapped_column(Boolean, default=False)
    first_seen_at: Mapped[datetime]
    last_seen_at: Mapped[datetime]
    capture_id: Mapped[int | None] = mapped_column(ForeignKey("captures.id"))


class BusinessItem(Base):
    """An ``other_parliamentary_business`` item; kept even after the site deletes it."""

    __tablename__ = "business_items"
    __table_args__ = (UniqueConstraint("petition_id", "item_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    petition_id: Mapped[int] = mapped_column(
        ForeignKey(PETITION_FK, ondelete="CASCADE"), index=True
    )
    item_key: Mapped[str] = mapped_column(String(200))
    subject: Mapped[str] = mapped_column(Text)
    body: Mapped[str | None] = mapped_column(Text)
    occurred_on: Mapped[date | None]
    created_at: Mapped[datetime | None]
    updated_at: Mapped[datetime | None]
    response_version_id: Mapped[int | None] = mapped_column(
        ForeignKey("response_versions.id", ondelete="SET NULL")
    )


class CountrySignatures(Base):
    __tablename__ = "country_signatures"

    petition_id: Mapped[int] = mapped_column(
        ForeignKey(PETITION_FK, ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(Text)
    code: Mapped[str | None] = mapped_column(String(10))
    signature_count: Mapped[int]


class RegionSignatures(Base):
    __tablename__ = "region_signatures"

    petition_id: Mapped[int] = mapped_column(
        ForeignKey(PETITION_FK, ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(Text)
    ons_code: Mapped[str | None] = mapped_column(String(12))
    signature_count: Mapped[int]


class ConstituencyRow:
    """The columns of one row of a breakdown by constituency, in the site's order."""

    petition_id: Mapped[int] = mapped_column(
        ForeignKey(PETITION_FK, ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(Text)
    ons_code: Mapped[str | None] = mapped_column(String(12))
    mp: Mapped[str | None] = mapped_column(Text)
    signature_count: Mapped[int]


class ConstituencySignatures(ConstituencyRow, Base):
    __tablename__ = "constituency_signatures"


class PreviousConstituencySignatures(ConstituencyRow, Base):
    """The breakdown by constituency a newer one replaced, with the capture time it was from:
    kept so a jump in one seat between two captures can be looked for (one earlier breakdown
    a petition, not all of them: 650 rows each)."""

    __tablename__ = "previous_constituency_signatures"

    as_of: Mapped[datetime]


class SignatureSnapshot(Base):
    """The signature count at a capture's ``updated_at``; the series behind charts and forecasts."""

    __tablename__ = "signature_snapshots"

    petition_id: Mapped[int] = mapped_column(
        ForeignKey(PETITION_FK, ondelete="CASCADE"), primary_key=True
    )
    at: Mapped[datetime] = mapped_column(primary_key=True)
    signature_count: Mapped[int]


class PetitionSearch(Base):
    """The text full-text search looks in, on PostgreSQL (GIN-indexed).

    SQLite keeps the same text in its FTS5 table ``petition_fts`` instead, so this table
    stays empty there (see caseworker.storage.fulltext).
    """

    __tablename__ = "petition_search"

    petition_id: Mapped[int] = mapped_column(
        ForeignKey(PETITION_FK, ondelete="CASCADE"), primary_key=True
    )
    document: Mapped[str] = mapped_column(Text)


Index("ix_petitions_awaiting", Petition.has_response, Petition.response_threshold_reached_at)

# The Committee's own records live in their own module; importing it registers the tables.
from caseworker.storage import casework_models as casework_models  # noqa: E402
from caseworker.storage import debate_models as debate_models  # noqa: E402
from caseworker.storage import related_models as related_models  # noqa: E402
from caseworker.storage import sync_models as sync_models  # noqa: E402
