"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-23 01:41:13.562182
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import caseworker.storage.base
from caseworker.storage.fulltext import create_full_text_index, drop_full_text_index

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "captures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("shape", sa.String(length=40), nullable=False),
        sa.Column("petition_count", sa.Integer(), nullable=False),
        sa.Column(
            "imported_at", caseworker.storage.base.UTCDateTime(timezone=True), nullable=False
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_captures")),
        sa.UniqueConstraint("sha256", name=op.f("uq_captures_sha256")),
    )
    op.create_table(
        "departments",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("acronym", sa.String(length=40), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_departments")),
    )
    op.create_table(
        "parliaments",
        sa.Column("period", sa.String(length=20), nullable=False),
        sa.Column("government", sa.Text(), nullable=True),
        sa.Column(
            "dissolution_at", caseworker.storage.base.UTCDateTime(timezone=True), nullable=True
        ),
        sa.Column("response_threshold", sa.Integer(), nullable=True),
        sa.Column("debate_threshold", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("period", name=op.f("pk_parliaments")),
    )
    op.create_table(
        "topics",
        sa.Column("code", sa.String(length=100), nullable=False),
        sa.Column("name", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_topics")),
    )
    op.create_table(
        "petitions",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("parliament_period", sa.String(length=20), nullable=True),
        sa.Column("source_url", sa.Text(), nullable=True),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("background", sa.Text(), nullable=True),
        sa.Column("additional_details", sa.Text(), nullable=True),
        sa.Column("committee_note", sa.Text(), nullable=True),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("signature_count", sa.Integer(), nullable=False),
        sa.Column("closing_date", sa.Date(), nullable=True),
        sa.Column("created_at", caseworker.storage.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("updated_at", caseworker.storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("rejected_at", caseworker.storage.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("opened_at", caseworker.storage.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("closed_at", caseworker.storage.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column(
            "moderation_threshold_reached_at",
            caseworker.storage.base.UTCDateTime(timezone=True),
            nullable=True,
        ),
        sa.Column(
            "response_threshold_reached_at",
            caseworker.storage.base.UTCDateTime(timezone=True),
            nullable=True,
        ),
        sa.Column(
            "government_response_at",
            caseworker.storage.base.UTCDateTime(timezone=True),
            nullable=True,
        ),
        sa.Column(
            "debate_threshold_reached_at",
            caseworker.storage.base.UTCDateTime(timezone=True),
            nullable=True,
        ),
        sa.Column("debate_scheduled_on", sa.Date(), nullable=True),
        sa.Column("scheduled_debate_date", sa.Date(), nullable=True),
        sa.Column(
            "debate_outcome_at", caseworker.storage.base.UTCDateTime(timezone=True), nullable=True
        ),
        sa.Column("creator_name", sa.Text(), nullable=True),
        sa.Column("rejection_code", sa.String(length=60), nullable=True),
        sa.Column("rejection_details", sa.Text(), nullable=True),
        sa.Column("has_response", sa.Boolean(), nullable=False),
        sa.Column("has_debate_outcome", sa.Boolean(), nullable=False),
        sa.Column("responded_on", sa.Date(), nullable=True),
        sa.Column("departments_label", sa.Text(), nullable=True),
        sa.Column("signatures_last_24h", sa.Integer(), nullable=True),
        sa.Column("forecast_final", sa.Integer(), nullable=True),
        sa.Column("forecast_threshold", sa.Integer(), nullable=True),
        sa.Column(
            "forecast_crossing_at",
            caseworker.storage.base.UTCDateTime(timezone=True),
            nullable=True,
        ),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        sa.Column("raw_from_single_view", sa.Boolean(), nullable=False),
        sa.Column(
            "breakdowns_as_of", caseworker.storage.base.UTCDateTime(timezone=True), nullable=True
        ),
        sa.Column("capture_id", sa.Integer(), nullable=True),
        sa.Column(
            "first_imported_at", caseworker.storage.base.UTCDateTime(timezone=True), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["capture_id"], ["captures.id"], name=op.f("fk_petitions_capture_id_captures")
        ),
        sa.ForeignKeyConstraint(
            ["parliament_period"],
            ["parliaments.period"],
            name=op.f("fk_petitions_parliament_period_parliaments"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_petitions")),
    )
    with op.batch_alter_table("petitions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_petitions_action"), ["action"], unique=False)
        batch_op.create_index(
            "ix_petitions_awaiting", ["has_response", "response_threshold_reached_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_petitions_debate_threshold_reached_at"),
            ["debate_threshold_reached_at"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_petitions_departments_label"), ["departments_label"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_petitions_forecast_crossing_at"), ["forecast_crossing_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_petitions_responded_on"), ["responded_on"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_petitions_response_threshold_reached_at"),
            ["response_threshold_reached_at"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_petitions_scheduled_debate_date"),
            ["scheduled_debate_date"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_petitions_signature_count"), ["signature_count"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_petitions_signatures_last_24h"), ["signatures_last_24h"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_petitions_state"), ["state"], unique=False)

    op.create_table(
        "constituency_signatures",
        sa.Column("petition_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("ons_code", sa.String(length=12), nullable=True),
        sa.Column("mp", sa.Text(), nullable=True),
        sa.Column("signature_count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["petition_id"],
            ["petitions.id"],
            name=op.f("fk_constituency_signatures_petition_id_petitions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("petition_id", "position", name=op.f("pk_constituency_signatures")),
    )
    op.create_table(
        "country_signatures",
        sa.Column("petition_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("code", sa.String(length=10), nullable=True),
        sa.Column("signature_count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["petition_id"],
            ["petitions.id"],
            name=op.f("fk_country_signatures_petition_id_petitions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("petition_id", "position", name=op.f("pk_country_signatures")),
    )
    op.create_table(
        "debates",
        sa.Column("petition_id", sa.Integer(), nullable=False),
        sa.Column("debated_on", sa.Date(), nullable=True),
        sa.Column("transcript_url", sa.Text(), nullable=True),
        sa.Column("video_url", sa.Text(), nullable=True),
        sa.Column("debate_pack_url", sa.Text(), nullable=True),
        sa.Column("public_engagement_url", sa.Text(), nullable=True),
        sa.Column("debate_summary_url", sa.Text(), nullable=True),
        sa.Column("overview", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["petition_id"],
            ["petitions.id"],
            name=op.f("fk_debates_petition_id_petitions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("petition_id", name=op.f("pk_debates")),
    )
    op.create_table(
        "petition_departments",
        sa.Column("petition_id", sa.Integer(), nullable=False),
        sa.Column("department_name", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["department_name"],
            ["departments.name"],
            name=op.f("fk_petition_departments_department_name_departments"),
        ),
        sa.ForeignKeyConstraint(
            ["petition_id"],
            ["petitions.id"],
            name=op.f("fk_petition_departments_petition_id_petitions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "petition_id", "department_name", name=op.f("pk_petition_departments")
        ),
    )
    with op.batch_alter_table("petition_departments", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_petition_departments_department_name"), ["department_name"], unique=False
        )

    op.create_table(
        "petition_raw",
        sa.Column("petition_id", sa.Integer(), nullable=False),
        sa.Column("raw_json", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["petition_id"],
            ["petitions.id"],
            name=op.f("fk_petition_raw_petition_id_petitions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("petition_id", name=op.f("pk_petition_raw")),
    )
    op.create_table(
        "petition_search",
        sa.Column("petition_id", sa.Integer(), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["petition_id"],
            ["petitions.id"],
            name=op.f("fk_petition_search_petition_id_petitions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("petition_id", name=op.f("pk_petition_search")),
    )
    op.create_table(
        "petition_topics",
        sa.Column("petition_id", sa.Integer(), nullable=False),
        sa.Column("topic_code", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["petition_id"],
            ["petitions.id"],
            name=op.f("fk_petition_topics_petition_id_petitions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["topic_code"], ["topics.code"], name=op.f("fk_petition_topics_topic_code_topics")
        ),
        sa.PrimaryKeyConstraint("petition_id", "topic_code", name=op.f("pk_petition_topics")),
    )
    with op.batch_alter_table("petition_topics", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_petition_topics_topic_code"), ["topic_code"], unique=False
        )

    op.create_table(
        "region_signatures",
        sa.Column("petition_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("ons_code", sa.String(length=12), nullable=True),
        sa.Column("signature_count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["petition_id"],
            ["petitions.id"],
            name=op.f("fk_region_signatures_petition_id_petitions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("petition_id", "position", name=op.f("pk_region_signatures")),
    )
    op.create_table(
        "response_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("petition_id", sa.Integer(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("details", sa.Text(), nullable=True),
        sa.Column("responded_on", sa.Date(), nullable=True),
        sa.Column("created_at", caseworker.storage.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("updated_at", caseworker.storage.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("source", sa.String(length=40), nullable=False),
        sa.Column("is_current", sa.Boolean(), nullable=False),
        sa.Column(
            "first_seen_at", caseworker.storage.base.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "last_seen_at", caseworker.storage.base.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column("capture_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["capture_id"], ["captures.id"], name=op.f("fk_response_versions_capture_id_captures")
        ),
        sa.ForeignKeyConstraint(
            ["petition_id"],
            ["petitions.id"],
            name=op.f("fk_response_versions_petition_id_petitions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_response_versions")),
        sa.UniqueConstraint(
            "petition_id", "fingerprint", name=op.f("uq_response_versions_petition_id_fingerprint")
        ),
    )
    with op.batch_alter_table("response_versions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_response_versions_petition_id"), ["petition_id"], unique=False
        )

    op.create_table(
        "signature_snapshots",
        sa.Column("petition_id", sa.Integer(), nullable=False),
        sa.Column("at", caseworker.storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("signature_count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["petition_id"],
            ["petitions.id"],
            name=op.f("fk_signature_snapshots_petition_id_petitions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("petition_id", "at", name=op.f("pk_signature_snapshots")),
    )
    op.create_table(
        "business_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("petition_id", sa.Integer(), nullable=False),
        sa.Column("item_key", sa.String(length=200), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=True),
        sa.Column("occurred_on", sa.Date(), nullable=True),
        sa.Column("created_at", caseworker.storage.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("updated_at", caseworker.storage.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("response_version_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["petition_id"],
            ["petitions.id"],
            name=op.f("fk_business_items_petition_id_petitions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["response_version_id"],
            ["response_versions.id"],
            name=op.f("fk_business_items_response_version_id_response_versions"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_business_items")),
        sa.UniqueConstraint(
            "petition_id", "item_key", name=op.f("uq_business_items_petition_id_item_key")
        ),
    )
    with op.batch_alter_table("business_items", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_business_items_petition_id"), ["petition_id"], unique=False
        )

    create_full_text_index(op.get_bind())


def downgrade() -> None:
    drop_full_text_index(op.get_bind())
    with op.batch_alter_table("business_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_business_items_petition_id"))

    op.drop_table("business_items")
    op.drop_table("signature_snapshots")
    with op.batch_alter_table("response_versions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_response_versions_petition_id"))

    op.drop_table("response_versions")
    op.drop_table("region_signatures")
    with op.batch_alter_table("petition_topics", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_petition_topics_topic_code"))

    op.drop_table("petition_topics")
    op.drop_table("petition_search")
    op.drop_table("petition_raw")
    with op.batch_alter_table("petition_departments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_petition_departments_department_name"))

    op.drop_table("petition_departments")
    op.drop_table("debates")
    op.drop_table("country_signatures")
    op.drop_table("constituency_signatures")
    with op.batch_alter_table("petitions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_petitions_state"))
        batch_op.drop_index(batch_op.f("ix_petitions_signatures_last_24h"))
        batch_op.drop_index(batch_op.f("ix_petitions_signature_count"))
        batch_op.drop_index(batch_op.f("ix_petitions_scheduled_debate_date"))
        batch_op.drop_index(batch_op.f("ix_petitions_response_threshold_reached_at"))
        batch_op.drop_index(batch_op.f("ix_petitions_responded_on"))
        batch_op.drop_index(batch_op.f("ix_petitions_forecast_crossing_at"))
        batch_op.drop_index(batch_op.f("ix_petitions_departments_label"))
        batch_op.drop_index(batch_op.f("ix_petitions_debate_threshold_reached_at"))
        batch_op.drop_index("ix_petitions_awaiting")
        batch_op.drop_index(batch_op.f("ix_petitions_action"))

    op.drop_table("petitions")
    op.drop_table("topics")
    op.drop_table("parliaments")
    op.drop_table("departments")
    op.drop_table("captures")
