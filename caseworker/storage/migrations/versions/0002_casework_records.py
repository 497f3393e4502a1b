"""casework records: reviews, revision requests, meetings, settings and the audit history

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 02:16:03.343461
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import caseworker.storage.base
from caseworker.storage.append_only import (
    create_append_only_triggers,
    drop_append_only_triggers,
)

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "casework_settings",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("updated_at", caseworker.storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_casework_settings")),
    )
    op.create_table(
        "committee_meetings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meets_on", sa.Date(), nullable=False),
        sa.Column("cut_off", sa.Date(), nullable=False),
        sa.Column("created_at", caseworker.storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_committee_meetings")),
        sa.UniqueConstraint("meets_on", name=op.f("uq_committee_meetings_meets_on")),
    )
    op.create_table(
        "audit_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("petition_id", sa.Integer(), nullable=True),
        sa.Column("at", caseworker.storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("subject", sa.String(length=20), nullable=False),
        sa.Column("subject_id", sa.String(length=60), nullable=True),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("field", sa.String(length=60), nullable=True),
        sa.Column("old_value", sa.Text(), nullable=True),
        sa.Column("new_value", sa.Text(), nullable=True),
        sa.Column("demo", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["petition_id"], ["petitions.id"], name=op.f("fk_audit_events_petition_id_petitions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_events")),
    )
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_audit_events_petition_id"), ["petition_id"], unique=False
        )

    op.create_table(
        "response_reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("petition_id", sa.Integer(), nullable=False),
        sa.Column("response_version_id", sa.Integer(), nullable=False),
        sa.Column("reviewer", sa.Text(), nullable=False),
        sa.Column(
            "reviewed_at", caseworker.storage.base.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column("verdict", sa.String(length=30), nullable=False),
        sa.Column("answers_request", sa.Boolean(), nullable=True),
        sa.Column("states_position", sa.Boolean(), nullable=True),
        sa.Column("on_time", sa.Boolean(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["petition_id"],
            ["petitions.id"],
            name=op.f("fk_response_reviews_petition_id_petitions"),
        ),
        sa.ForeignKeyConstraint(
            ["response_version_id"],
            ["response_versions.id"],
            name=op.f("fk_response_reviews_response_version_id_response_versions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_response_reviews")),
    )
    with op.batch_alter_table("response_reviews", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_response_reviews_petition_id"), ["petition_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_response_reviews_response_version_id"),
            ["response_version_id"],
            unique=False,
        )

    op.create_table(
        "revision_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("petition_id", sa.Integer(), nullable=False),
        sa.Column("response_version_id", sa.Integer(), nullable=True),
        sa.Column("revised_version_id", sa.Integer(), nullable=True),
        sa.Column("reasons", sa.Text(), nullable=False),
        sa.Column("department", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("sent_on", sa.Date(), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("received_at", caseworker.storage.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("created_at", caseworker.storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Text(), nullable=False),
        sa.Column("updated_at", caseworker.storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["petition_id"],
            ["petitions.id"],
            name=op.f("fk_revision_requests_petition_id_petitions"),
        ),
        sa.ForeignKeyConstraint(
            ["response_version_id"],
            ["response_versions.id"],
            name=op.f("fk_revision_requests_response_version_id_response_versions"),
        ),
        sa.ForeignKeyConstraint(
            ["revised_version_id"],
            ["response_versions.id"],
            name=op.f("fk_revision_requests_revised_version_id_response_versions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_revision_requests")),
    )
    with op.batch_alter_table("revision_requests", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_revision_requests_petition_id"), ["petition_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_revision_requests_status"), ["status"], unique=False)

    op.create_table(
        "meeting_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("petition_id", sa.Integer(), nullable=False),
        sa.Column("response_version_id", sa.Integer(), nullable=True),
        sa.Column("request_id", sa.Integer(), nullable=True),
        sa.Column("decision", sa.String(length=40), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("decided_at", caseworker.storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("decided_by", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["committee_meetings.id"],
            name=op.f("fk_meeting_decisions_meeting_id_committee_meetings"),
        ),
        sa.ForeignKeyConstraint(
            ["petition_id"],
            ["petitions.id"],
            name=op.f("fk_meeting_decisions_petition_id_petitions"),
        ),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["revision_requests.id"],
            name=op.f("fk_meeting_decisions_request_id_revision_requests"),
        ),
        sa.ForeignKeyConstraint(
            ["response_version_id"],
            ["response_versions.id"],
            name=op.f("fk_meeting_decisions_response_version_id_response_versions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_decisions")),
        sa.UniqueConstraint(
            "meeting_id", "petition_id", name=op.f("uq_meeting_decisions_meeting_id_petition_id")
        ),
    )
    with op.batch_alter_table("meeting_decisions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_meeting_decisions_meeting_id"), ["meeting_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_meeting_decisions_petition_id"), ["petition_id"], unique=False
        )

    op.create_table(
        "request_chases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("chased_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", caseworker.storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["revision_requests.id"],
            name=op.f("fk_request_chases_request_id_revision_requests"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_request_chases")),
    )
    with op.batch_alter_table("request_chases", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_request_chases_request_id"), ["request_id"], unique=False
        )
    create_append_only_triggers(op.get_bind())


def downgrade() -> None:
    drop_append_only_triggers(op.get_bind())
    with op.batch_alter_table("request_chases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_request_chases_request_id"))

    op.drop_table("request_chases")
    with op.batch_alter_table("meeting_decisions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_decisions_petition_id"))
        batch_op.drop_index(batch_op.f("ix_meeting_decisions_meeting_id"))

    op.drop_table("meeting_decisions")
    with op.batch_alter_table("revision_requests", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_revision_requests_status"))
        batch_op.drop_index(batch_op.f("ix_revision_requests_petition_id"))

    op.drop_table("revision_requests")
    with op.batch_alter_table("response_reviews", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_response_reviews_response_version_id"))
        batch_op.drop_index(batch_op.f("ix_response_reviews_petition_id"))

    op.drop_table("response_reviews")
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_events_petition_id"))

    op.drop_table("audit_events")
    op.drop_table("committee_meetings")
    op.drop_table("casework_settings")
