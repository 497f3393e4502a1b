"""The status bar's one line about how current the data is, as a clerk reads it."""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo

from caseworker.formatting import clock, short_date


def when(moment: datetime, now: datetime, zone: tzinfo | None = None) -> str:
    """'10:42 today' or '28 Nov 2025 16:05', in local time (stored times are UTC)."""
    local, today = _local(moment, zone), _local(now, zone).date()
    if local.date() == today:
        return f"{clock(local.time())} today"
    # House style, English month names whatever the desktop's language.
    return f"{short_date(local.date())} {clock(local.time())}"


def status_line(
    last_synced_at: datetime | None,
    data_as_at: datetime | None,
    offline: bool,
    now: datetime,
    zone: tzinfo | None = None,
) -> str:
    """'Synced 10:42 today', 'Offline: data as at 28 Nov 2025 16:05', 'Not synced yet'."""
    if offline:
        as_at = when(data_as_at, now, zone) if data_as_at else None
        return f"Offline: data as at {as_at}" if as_at else "Offline: no data yet"
    if last_synced_at is not None:
        return f"Synced {when(last_synced_at, now, zone)}"
    if data_as_at is not None:
        return f"Not synced yet: data as at {when(data_as_at, now, zone)}"
    return "Not synced yet"


def progress_line(done: int, total: int) -> str:
    """'Syncing: 120 of 450' while the total is known, else 'Syncing…'."""
    if total:
        return f"Syncing: {min(done, total):,} of {total:,}"
    return "Syncing…"


def _local(moment: datetime, zone: tzinfo | None) -> datetime:
    # Naive datetimes from the database are UTC, as everything the application stores.
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(zone)
