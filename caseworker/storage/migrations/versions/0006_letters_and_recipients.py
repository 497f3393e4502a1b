"""letters kept with the case; named recipients per department; templates without greetings

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 03:45:00

Letters now take their greeting from the recipient kept for the department ("Dear Secretary
of State") and their sign-off from the register, so a stored template's own "Dear colleague,"
and "Yours sincerely," are taken off (a clerk's other wording is kept). The old default
signatory, the unnamed "Clerk of the Committee", is dropped so that the letter asks for a name.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import caseworker.storage.base

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

UTC_TIME = caseworker.storage.base.UTCDateTime(timezone=True)
OLD_GREETING = "Dear colleague,"
OLD_CLOSING = "Yours sincerely,"
OLD_SIGNATORY = "Clerk of the Committee"


def upgrade() -> None:
    op.create_table(
        "letter_recipients",
        sa.Column("department", sa.String(length=200), nullable=False),
        sa.Column("register", sa.String(length=10), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("office", sa.Text(), nullable=False),
        sa.Column("salutation", sa.Text(), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("updated_at", UTC_TIME, nullable=False),
        sa.Column("updated_by", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("department", "register", name=op.f("pk_letter_recipients")),
    )
    op.create_table(
        "letters",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("petition_id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("reference", sa.String(length=60), nullable=False),
        sa.Column("dated", sa.Date(), nullable=False),
        sa.Column("draft", sa.Boolean(), nullable=False),
        sa.Column("recipient", sa.Text(), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("signatory", sa.Text(), nullable=False),
        sa.Column("signatory_title", sa.Text(), nullable=False),
        sa.Column("contact", sa.Text(), nullable=False),
        sa.Column("missing", sa.Text(), nullable=False),
        sa.Column("saved_at", UTC_TIME, nullable=False),
        sa.Column("saved_by", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["petition_id"], ["petitions.id"], name=op.f("fk_letters_petition_id_petitions")
        ),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["revision_requests.id"],
            name=op.f("fk_letters_request_id_revision_requests"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_letters")),
    )
    op.create_index(op.f("ix_letters_petition_id"), "letters", ["petition_id"], unique=False)
    op.create_index(op.f("ix_letters_request_id"), "letters", ["request_id"], unique=False)
    _strip_greetings_from_templates()
    op.execute(
        sa.text(
            "DELETE FROM casework_settings WHERE key = 'signatory' AND value = :old"
        ).bindparams(old=OLD_SIGNATORY)
    )


def _strip_greetings_from_templates() -> None:
    bind = op.get_bind()
    rows = bind.execute(
        sa.text("SELECT key, value FROM casework_settings WHERE key LIKE 'template.%'")
    ).all()
    for key, value in rows:
        stripped = without_greeting(value)
        if stripped != value:
            bind.execute(
                sa.text("UPDATE casework_settings SET value = :value WHERE key = :key"),
                {"value": stripped, "key": key},
            )


def without_greeting(text: str) -> str:
    """The template's wording without the old greeting and sign-off paragraphs."""
    paragraphs = text.replace("\r\n", "\n").split("\n\n")
    if paragraphs and paragraphs[0].strip() == OLD_GREETING:
        paragraphs = paragraphs[1:]
    if paragraphs and paragraphs[-1].strip() == OLD_CLOSING:
        paragraphs = paragraphs[:-1]
    kept = "\n\n".join(paragraphs).strip("\n")
    return kept or text


def downgrade() -> None:
    op.drop_index(op.f("ix_letters_request_id"), table_name="letters")
    op.drop_index(op.f("ix_letters_petition_id"), table_name="letters")
    op.drop_table("letters")
    op.drop_table("letter_recipients")
