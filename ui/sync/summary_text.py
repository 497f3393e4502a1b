"""What a finished sync says to a clerk: one headline, the counts, each failure named."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from caseworker.sync.service import SyncSummary

#: Change kinds as a clerk says them (caseworker.domain.changes.ChangeKind values).
KIND_WORDS = {
    "crossed-10000": "crossed 10,000",
    "crossed-100000": "crossed 100,000",
    "response": "responses",
    "revised-response": "revised responses",
    "debate-scheduled": "debates scheduled",
    "debated": "debated",
    "closed": "closed",
    "removed": "removed",
}


def title(summary: SyncSummary) -> str:
    if summary.offline:
        return "Site unreachable"
    if summary.cancelled:
        return "Sync cancelled"
    if summary.failures:
        return "Sync finished with failures"
    return "Sync finished"


def headline(summary: SyncSummary) -> str:
    """One line: the offline reason as it is, else what was fetched and stored."""
    if summary.offline:
        return _sentence(summary.offline)
    counts = (
        f"{summary.new:,} new, {summary.updated:,} updated, {summary.unchanged:,} unchanged, "
        f"{summary.removed:,} removed, {len(summary.failures):,} failed"
    )
    done = "Cancelled: everything fetched so far is stored" if summary.cancelled else "Synced"
    return f"{done}: {counts}."


def changes_line(summary: SyncSummary) -> str:
    """'Changes found: 2 responses, 1 crossed 10,000.' or '' when the sync found none."""
    found = [
        f"{count:,} {KIND_WORDS.get(kind, kind)}" for kind, count in summary.events.items() if count
    ]
    return f"Changes found: {', '.join(found)}." if found else ""


def failure_lines(summary: SyncSummary) -> str:
    """One line a failure, as the command line prints them: petition number, URL, reason."""
    return "\n".join(failure.line() for failure in summary.failures)


def background_line(summary: SyncSummary) -> str:
    """The transient status-bar note a background sync leaves (it shows no dialog)."""
    failed = f", {len(summary.failures):,} failed" if summary.failures else ""
    return f"Background sync: {summary.new:,} new, {summary.updated:,} updated{failed}" + (
        " (cancelled)" if summary.cancelled else ""
    )


def _sentence(line: str) -> str:
    # Not str.capitalize(), which would lower-case the rest (URLs, names).
    text = line[:1].upper() + line[1:]
    return text if text.endswith(".") else text + "."
