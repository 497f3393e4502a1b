"""What syncing with the site keeps: runs, per-petition fetch state, and changes seen.

``change_events`` is what a clerk reads on Monday morning ("what happened since Friday"):
one row per thing that happened to a petition on the site, recorded by whichever import or
sync first saw it. ``sync_petitions`` lets a sync be polite and resumable: the
``Last-Modified`` the site sent, and petitions the site said are gone (410) or missing (404).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from caseworker.storage.base import Base


class ChangeEvent(Base):
    """Something that happened to a petition on the site, and whether a clerk has seen it."""

    __tablename__ = "change_events"
    # The same happening seen again (another capture, another sync) is not a new event.
    __table_args__ = (UniqueConstraint("petition_id", "kind", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    petition_id: Mapped[int] = mapped_column(ForeignKey("petitions.id"), index=True)
    # crossed-10000, crossed-100000, response, revised-response, debate-scheduled, debated,
    # closed, removed (caseworker.domain.changes.ChangeKind).
    kind: Mapped[str] = mapped_column(String(30))
    # When it happened on the site, as the site dates it.
    at: Mapped[datetime] = mapped_column(index=True)
    # When an import or sync first saw it.
    recorded_at: Mapped[datetime]
    # When a clerk marked it seen; events older than a week start seen.
    seen_at: Mapped[datetime | None] = mapped_column(index=True)


class SyncPetition(Base):
    """A petition's fetch state on the site (no foreign key: a 404 may name one not stored)."""

    __tablename__ = "sync_petitions"

    petition_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    # The site's Last-Modified header, sent back as If-Modified-Since.
    last_modified: Mapped[str | None] = mapped_column(String(40))
    checked_at: Mapped[datetime]
    # 410 Gone: removed from the site; never asked for again.
    gone_at: Mapped[datetime | None]
    # 404 Not Found on the last attempt.
    missing_at: Mapped[datetime | None]


class SyncRun(Base):
    """One sync, from its start; ``outcome`` stays null while it runs (or if it was killed)."""

    __tablename__ = "sync_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    site: Mapped[str] = mapped_column(Text)
    started_at: Mapped[datetime] = mapped_column(index=True)
    finished_at: Mapped[datetime | None]
    # completed, partial (some failures), cancelled, offline (site unreachable), failed.
    outcome: Mapped[str | None] = mapped_column(String(20))
    list_pages: Mapped[int] = mapped_column(Integer, default=0)
    requests: Mapped[int] = mapped_column(Integer, default=0)
    new: Mapped[int] = mapped_column(Integer, default=0)
    updated: Mapped[int] = mapped_column(Integer, default=0)
    unchanged: Mapped[int] = mapped_column(Integer, default=0)
    failed: Mapped[int] = mapped_column(Integer, default=0)
    message: Mapped[str | None] = mapped_column(Text)
