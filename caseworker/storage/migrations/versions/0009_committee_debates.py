"""the Committee's debate work: debates and their petitions, decisions at 100,000,
recesses and extra slots, Members, public engagement and parliamentary material

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 06:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import caseworker.storage.base

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "extra_slots",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("starts_at", sa.Time(), nullable=False),
        sa.Column("place", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("updated_at", caseworker.storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_extra_slots")),
        sa.UniqueConstraint("day", "starts_at", name=op.f("uq_extra_slots_day_starts_at")),
    )
    with op.batch_alter_table("extra_slots", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_extra_slots_day"), ["day"], unique=False)

    op.create_table(
        "members",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("constituency", sa.Text(), nullable=False),
        sa.Column("constituency_code", sa.String(length=12), nullable=True),
        sa.Column("party", sa.Text(), nullable=False),
        sa.Column("committee_member", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("updated_at", caseworker.storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_members")),
        sa.UniqueConstraint("name", name=op.f("uq_members_name")),
    )
    op.create_table(
        "recesses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("updated_at", caseworker.storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recesses")),
    )
    with op.batch_alter_table("recesses", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_recesses_starts_on"), ["starts_on"], unique=False)

    op.create_table(
        "committee_debates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=True),
        sa.Column("starts_at", sa.Time(), nullable=False),
        sa.Column("place", sa.Text(), nullable=False),
        sa.Column("relating_to", sa.Text(), nullable=False),
        sa.Column("opening_member_id", sa.Integer(), nullable=True),
        sa.Column("department", sa.Text(), nullable=False),
        sa.Column("minister", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("transcript_url", sa.Text(), nullable=False),
        sa.Column("video_url", sa.Text(), nullable=False),
        sa.Column("pack_url", sa.Text(), nullable=False),
        sa.Column("engagement_url", sa.Text(), nullable=False),
        sa.Column("summary_url", sa.Text(), nullable=False),
        sa.Column("created_at", caseworker.storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Text(), nullable=False),
        sa.Column("updated_at", caseworker.storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["opening_member_id"],
            ["members.id"],
            name=op.f("fk_committee_debates_opening_member_id_members"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_committee_debates")),
    )
    with op.batch_alter_table("committee_debates", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_committee_debates_day"), ["day"], unique=False)
        batch_op.create_index(batch_op.f("ix_committee_debates_status"), ["status"], unique=False)
        batch_op.create_index(
            "uq_committee_debates_one_a_slot",
            ["day", "starts_at"],
            unique=True,
            sqlite_where=sa.text("status IN ('proposed', 'scheduled', 'held') AND day IS NOT NULL"),
            postgresql_where=sa.text(
                "status IN ('proposed', 'scheduled', 'held') AND day IS NOT NULL"
            ),
        )

    op.create_table(
        "debate_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("petition_id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("decision", sa.String(length=30), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("debate_id", sa.Integer(), nullable=True),
        sa.Column("group_with_id", sa.Integer(), nullable=True),
        sa.Column("debates_named", sa.Text(), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=False),
        sa.Column("decided_at", caseworker.storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("decided_by", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["debate_id"],
            ["committee_debates.id"],
            name=op.f("fk_debate_decisions_debate_id_committee_debates"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["group_with_id"],
            ["petitions.id"],
            name=op.f("fk_debate_decisions_group_with_id_petitions"),
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["committee_meetings.id"],
            name=op.f("fk_debate_decisions_meeting_id_committee_meetings"),
        ),
        sa.ForeignKeyConstraint(
            ["petition_id"],
            ["petitions.id"],
            name=op.f("fk_debate_decisions_petition_id_petitions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_debate_decisions")),
    )
    with op.batch_alter_table("debate_decisions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_debate_decisions_meeting_id"), ["meeting_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_debate_decisions_petition_id"), ["petition_id"], unique=False
        )

    op.create_table(
        "debate_petitions",
        sa.Column("debate_id", sa.Integer(), nullable=False),
        sa.Column("petition_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["debate_id"],
            ["committee_debates.id"],
            name=op.f("fk_debate_petitions_debate_id_committee_debates"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["petition_id"],
            ["petitions.id"],
            name=op.f("fk_debate_petitions_petition_id_petitions"),
        ),
        sa.PrimaryKeyConstraint("debate_id", "petition_id", name=op.f("pk_debate_petitions")),
    )
    with op.batch_alter_table("debate_petitions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_debate_petitions_petition_id"), ["petition_id"], unique=False
        )

    op.create_table(
        "engagements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("debate_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("ran_on", sa.Text(), nullable=False),
        sa.Column("opens_on", sa.Date(), nullable=True),
        sa.Column("closes_on", sa.Date(), nullable=True),
        sa.Column("member", sa.Text(), nullable=False),
        sa.Column("link", sa.Text(), nullable=False),
        sa.Column("declared_responses", sa.Integer(), nullable=True),
        sa.Column("updated_at", caseworker.storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["debate_id"],
            ["committee_debates.id"],
            name=op.f("fk_engagements_debate_id_committee_debates"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_engagements")),
    )
    with op.batch_alter_table("engagements", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_engagements_debate_id"), ["debate_id"], unique=True)

    op.create_table(
        "parliamentary_material",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("debate_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("published_on", sa.Date(), nullable=True),
        sa.Column("link", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("suggested_from", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("updated_at", caseworker.storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["debate_id"],
            ["committee_debates.id"],
            name=op.f("fk_parliamentary_material_debate_id_committee_debates"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_parliamentary_material")),
    )
    with op.batch_alter_table("parliamentary_material", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_parliamentary_material_debate_id"), ["debate_id"], unique=False
        )

    op.create_table(
        "engagement_responses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("engagement_id", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("responded_on", sa.Date(), nullable=True),
        sa.Column("location", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column(
            "imported_at", caseworker.storage.base.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column("imported_by", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["engagement_id"],
            ["engagements.id"],
            name=op.f("fk_engagement_responses_engagement_id_engagements"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_engagement_responses")),
    )
    with op.batch_alter_table("engagement_responses", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_engagement_responses_engagement_id"), ["engagement_id"], unique=False
        )

    op.create_table(
        "engagement_themes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("engagement_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["engagement_id"],
            ["engagements.id"],
            name=op.f("fk_engagement_themes_engagement_id_engagements"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_engagement_themes")),
        sa.UniqueConstraint(
            "engagement_id", "name", name=op.f("uq_engagement_themes_engagement_id_name")
        ),
    )
    with op.batch_alter_table("engagement_themes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_engagement_themes_engagement_id"), ["engagement_id"], unique=False
        )

    op.create_table(
        "engagement_quotes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("engagement_id", sa.Integer(), nullable=False),
        sa.Column("theme_id", sa.Integer(), nullable=True),
        sa.Column("response_id", sa.Integer(), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("may_quote", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["engagement_id"],
            ["engagements.id"],
            name=op.f("fk_engagement_quotes_engagement_id_engagements"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["response_id"],
            ["engagement_responses.id"],
            name=op.f("fk_engagement_quotes_response_id_engagement_responses"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["theme_id"],
            ["engagement_themes.id"],
            name=op.f("fk_engagement_quotes_theme_id_engagement_themes"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_engagement_quotes")),
    )
    with op.batch_alter_table("engagement_quotes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_engagement_quotes_engagement_id"), ["engagement_id"], unique=False
        )

    op.create_table(
        "engagement_tags",
        sa.Column("response_id", sa.Integer(), nullable=False),
        sa.Column("theme_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["response_id"],
            ["engagement_responses.id"],
            name=op.f("fk_engagement_tags_response_id_engagement_responses"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["theme_id"],
            ["engagement_themes.id"],
            name=op.f("fk_engagement_tags_theme_id_engagement_themes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("response_id", "theme_id", name=op.f("pk_engagement_tags")),
    )
    with op.batch_alter_table("engagement_tags", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_engagement_tags_theme_id"), ["theme_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("engagement_tags", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_engagement_tags_theme_id"))

    op.drop_table("engagement_tags")
    with op.batch_alter_table("engagement_quotes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_engagement_quotes_engagement_id"))

    op.drop_table("engagement_quotes")
    with op.batch_alter_table("engagement_themes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_engagement_themes_engagement_id"))

    op.drop_table("engagement_themes")
    with op.batch_alter_table("engagement_responses", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_engagement_responses_engagement_id"))

    op.drop_table("engagement_responses")
    with op.batch_alter_table("parliamentary_material", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_parliamentary_material_debate_id"))

    op.drop_table("parliamentary_material")
    with op.batch_alter_table("engagements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_engagements_debate_id"))

    op.drop_table("engagements")
    with op.batch_alter_table("debate_petitions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_debate_petitions_petition_id"))

    op.drop_table("debate_petitions")
    with op.batch_alter_table("debate_decisions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_debate_decisions_petition_id"))
        batch_op.drop_index(batch_op.f("ix_debate_decisions_meeting_id"))

    op.drop_table("debate_decisions")
    with op.batch_alter_table("committee_debates", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_committee_debates_one_a_slot",
            sqlite_where=sa.text("status IN ('proposed', 'scheduled', 'held') AND day IS NOT NULL"),
            postgresql_where=sa.text(
                "status IN ('proposed', 'scheduled', 'held') AND day IS NOT NULL"
            ),
        )
        batch_op.drop_index(batch_op.f("ix_committee_debates_status"))
        batch_op.drop_index(batch_op.f("ix_committee_debates_day"))

    op.drop_table("committee_debates")
    with op.batch_alter_table("recesses", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_recesses_starts_on"))

    op.drop_table("recesses")
    op.drop_table("members")
    with op.batch_alter_table("extra_slots", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_extra_slots_day"))

    op.drop_table("extra_slots")
