"""chases of overdue first responses; the review checklist answers yes, partly or no

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 00:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import caseworker.storage.base

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

UTC_TIME = caseworker.storage.base.UTCDateTime(timezone=True)
ANSWERS = ("answers_request", "states_position")


def upgrade() -> None:
    op.create_table(
        "response_chases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("petition_id", sa.Integer(), nullable=False),
        sa.Column("chased_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", UTC_TIME, nullable=False),
        sa.Column("created_by", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["petition_id"],
            ["petitions.id"],
            name=op.f("fk_response_chases_petition_id_petitions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_response_chases")),
    )
    op.create_index(
        op.f("ix_response_chases_petition_id"), "response_chases", ["petition_id"], unique=False
    )
    # True/False become "yes"/"no", the words the audit history already used for them.
    with op.batch_alter_table("response_reviews") as batch:
        for name in ANSWERS:
            batch.alter_column(
                name,
                existing_type=sa.Boolean(),
                type_=sa.String(length=10),
                existing_nullable=True,
                postgresql_using=f"CASE WHEN {name} THEN 'yes' WHEN NOT {name} THEN 'no' END",
            )
    if op.get_bind().dialect.name != "postgresql":
        for name in ANSWERS:
            op.execute(
                f"UPDATE response_reviews SET {name} = CASE WHEN {name} IN ('1', 1) THEN 'yes' "
                f"WHEN {name} IN ('0', 0) THEN 'no' ELSE {name} END WHERE {name} IS NOT NULL"
            )


def downgrade() -> None:
    # "partly" has no True/False: it becomes unanswered.
    for name in ANSWERS:
        op.execute(f"UPDATE response_reviews SET {name} = NULL WHERE {name} NOT IN ('yes', 'no')")
    with op.batch_alter_table("response_reviews") as batch:
        for name in ANSWERS:
            batch.alter_column(
                name,
                existing_type=sa.String(length=10),
                type_=sa.Boolean(),
                existing_nullable=True,
                postgresql_using=f"{name} = 'yes'",
            )
    if op.get_bind().dialect.name != "postgresql":
        for name in ANSWERS:
            op.execute(
                f"UPDATE response_reviews SET {name} = CASE {name} WHEN 'yes' THEN 1 "
                f"WHEN 'no' THEN 0 END WHERE {name} IS NOT NULL"
            )
    op.drop_index(op.f("ix_response_chases_petition_id"), table_name="response_chases")
    op.drop_table("response_chases")
