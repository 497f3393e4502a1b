"""one open revision request per petition, enforced by the database; the audit history
refuses REPLACE (SQLite) and TRUNCATE (PostgreSQL)

Two clerks creating a request at the same moment on PostgreSQL could both pass the service's
check; the partial unique index makes the second insert fail instead.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 23:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from caseworker.storage.append_only import (
    create_replace_and_truncate_guards,
    drop_replace_and_truncate_guards,
)
from caseworker.storage.casework_models import OPEN_REQUEST_STATUSES

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

INDEX = "uq_revision_requests_one_open"


def upgrade() -> None:
    _refuse_existing_duplicates()
    condition = sa.text(f"status IN ({', '.join(repr(s) for s in OPEN_REQUEST_STATUSES)})")
    op.create_index(
        INDEX,
        "revision_requests",
        ["petition_id"],
        unique=True,
        sqlite_where=condition,
        postgresql_where=condition,
    )
    create_replace_and_truncate_guards(op.get_bind())


def downgrade() -> None:
    drop_replace_and_truncate_guards(op.get_bind())
    op.drop_index(INDEX, table_name="revision_requests")


def _refuse_existing_duplicates() -> None:
    """Say which petitions already have two open requests rather than fail on the index."""
    statuses = ", ".join(repr(s) for s in OPEN_REQUEST_STATUSES)
    rows = op.get_bind().exec_driver_sql(
        "SELECT petition_id FROM revision_requests "
        f"WHERE status IN ({statuses}) GROUP BY petition_id HAVING count(*) > 1"
    )
    duplicated = [str(r[0]) for r in rows]
    if duplicated:
        raise RuntimeError(
            "these petitions have more than one open revision request: "
            f"{', '.join(duplicated)}; withdraw all but one of each, then upgrade again"
        )
