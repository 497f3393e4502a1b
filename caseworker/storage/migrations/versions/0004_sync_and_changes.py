"""sync with the site: runs, per-petition fetch state, and the changes each sync or import saw

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 23:55:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import caseworker.storage.base

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

UTC_TIME = caseworker.storage.base.UTCDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "sync_petitions",
        sa.Column("petition_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("last_modified", sa.String(length=40), nullable=True),
        sa.Column("checked_at", UTC_TIME, nullable=False),
        sa.Column("gone_at", UTC_TIME, nullable=True),
        sa.Column("missing_at", UTC_TIME, nullable=True),
        sa.PrimaryKeyConstraint("petition_id", name=op.f("pk_sync_petitions")),
    )
    op.create_table(
        "sync_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("site", sa.Text(), nullable=False),
        sa.Column("started_at", UTC_TIME, nullable=False),
        sa.Column("finished_at", UTC_TIME, nullable=True),
        sa.Column("outcome", sa.String(length=20), nullable=True),
        sa.Column("list_pages", sa.Integer(), nullable=False),
        sa.Column("requests", sa.Integer(), nullable=False),
        sa.Column("new", sa.Integer(), nullable=False),
        sa.Column("updated", sa.Integer(), nullable=False),
        sa.Column("unchanged", sa.Integer(), nullable=False),
        sa.Column("failed", sa.Integer(), nullable=False),
        sa.Column("message", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_runs")),
    )
    op.create_index(op.f("ix_sync_runs_started_at"), "sync_runs", ["started_at"], unique=False)
    op.create_table(
        "change_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("petition_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("at", UTC_TIME, nullable=False),
        sa.Column("recorded_at", UTC_TIME, nullable=False),
        sa.Column("seen_at", UTC_TIME, nullable=True),
        sa.ForeignKeyConstraint(
            ["petition_id"],
            ["petitions.id"],
            name=op.f("fk_change_events_petition_id_petitions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_events")),
        sa.UniqueConstraint(
            "petition_id", "kind", "at", name=op.f("uq_change_events_petition_id_kind_at")
        ),
    )
    op.create_index(op.f("ix_change_events_at"), "change_events", ["at"], unique=False)
    op.create_index(
        op.f("ix_change_events_petition_id"), "change_events", ["petition_id"], unique=False
    )
    op.create_index(op.f("ix_change_events_seen_at"), "change_events", ["seen_at"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_change_events_seen_at"), table_name="change_events")
    op.drop_index(op.f("ix_change_events_petition_id"), table_name="change_events")
    op.drop_index(op.f("ix_change_events_at"), table_name="change_events")
    op.drop_table("change_events")
    op.drop_index(op.f("ix_sync_runs_started_at"), table_name="sync_runs")
    op.drop_table("sync_runs")
    op.drop_table("sync_petitions")
