"""the breakdown by constituency a newer capture replaced, to look for jumps in one seat

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 05:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import caseworker.storage.base

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

UTC_TIME = caseworker.storage.base.UTCDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "previous_constituency_signatures",
        sa.Column("petition_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("ons_code", sa.String(length=12), nullable=True),
        sa.Column("mp", sa.Text(), nullable=True),
        sa.Column("signature_count", sa.Integer(), nullable=False),
        sa.Column("as_of", UTC_TIME, nullable=False),
        sa.ForeignKeyConstraint(
            ["petition_id"],
            ["petitions.id"],
            name=op.f("fk_previous_constituency_signatures_petition_id_petitions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "petition_id", "position", name=op.f("pk_previous_constituency_signatures")
        ),
    )


def downgrade() -> None:
    op.drop_table("previous_constituency_signatures")
