"""the words of each petition, for ranking related petitions

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 04:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import caseworker.storage.base

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

UTC_TIME = caseworker.storage.base.UTCDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "related_documents",
        sa.Column("petition_id", sa.Integer(), nullable=False),
        sa.Column("length", sa.Integer(), nullable=False),
        sa.Column("source_updated_at", UTC_TIME, nullable=False),
        sa.ForeignKeyConstraint(
            ["petition_id"],
            ["petitions.id"],
            name=op.f("fk_related_documents_petition_id_petitions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("petition_id", name=op.f("pk_related_documents")),
    )
    op.create_index(
        op.f("ix_related_documents_source_updated_at"),
        "related_documents",
        ["source_updated_at"],
        unique=False,
    )
    # The index's freshness is checked against the newest capture before every query.
    op.create_index(op.f("ix_petitions_updated_at"), "petitions", ["updated_at"], unique=False)
    op.create_table(
        "related_terms",
        sa.Column("term", sa.String(length=40), nullable=False),
        sa.Column("petition_id", sa.Integer(), nullable=False),
        sa.Column("count", sa.SmallInteger(), nullable=False),
        sa.Column("impact", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["petition_id"],
            ["related_documents.petition_id"],
            name=op.f("fk_related_terms_petition_id_related_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("term", "petition_id", name=op.f("pk_related_terms")),
    )
    op.create_index(
        op.f("ix_related_terms_petition_id"), "related_terms", ["petition_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_related_terms_petition_id"), table_name="related_terms")
    op.drop_table("related_terms")
    op.drop_index(op.f("ix_petitions_updated_at"), table_name="petitions")
    op.drop_index(op.f("ix_related_documents_source_updated_at"), table_name="related_documents")
    op.drop_table("related_documents")
