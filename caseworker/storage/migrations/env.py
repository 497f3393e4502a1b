"""Alembic environment: uses the connection handed over by caseworker.storage.migrate."""

from __future__ import annotations

from alembic import context

from caseworker.storage import models  # noqa: F401  (registers the tables)
from caseworker.storage.base import Base
from caseworker.storage.fulltext import described_by_models

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through caseworker.storage.migrate, not the alembic CLI")


context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
    include_name=described_by_models,
)
with context.begin_transaction():
    context.run_migrations()
