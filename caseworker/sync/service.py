"""One sync with the site: list pages for everything, petition pages only where needed.

The list pages (50 petitions each) carry every petition's count, state, dates, response and
debate; each is imported as a capture. A petition's own page (breakdowns, related activity)
is fetched only when the petition is open or has at least the details threshold, and the
site's ``updated_at`` has moved past the breakdowns stored. That test reads the database, so
a sync that was cancelled, killed or cut off never fetches again what it already stored.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime

import httpx
from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError

from caseworker.importing.fields import CaptureError
from caseworker.importing.importer import import_source
from caseworker.importing.sources import Source
from caseworker.importing.writer import Outcome
from caseworker.jobs import CancelCheck, Cancelled, ProgressCallback, never_cancelled, no_progress
from caseworker.storage import models as m
from caseworker.storage.engine import Database
from caseworker.storage.errors import explain, is_disk_full
from caseworker.storage.sync_models import ChangeEvent, SyncRun
from caseworker.sync import records
from caseworker.sync.client import MAX_IN_FLIGHT, Fetched, FetchFailed, PoliteClient, Unreachable
from caseworker.sync.options import PAGE_SIZE, SyncOptions

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class SyncFailure:
    petition_id: int | None
    url: str
    reason: str

    def line(self) -> str:
        what = f"petition {self.petition_id}" if self.petition_id else "list page"
        return f"{what} ({self.url}): {self.reason}"


@dataclass
class SyncSummary:
    list_pages: int = 0
    requests: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    petition_pages: int = 0
    failures: list[SyncFailure] = field(default_factory=list)
    cancelled: bool = False
    #: Set when the site could not be reached (or the disk filled): the one line to show.
    offline: str | None = None
    events: dict[str, int] = field(default_factory=dict)
    #: An error the sync did not expect ended it (it is raised to the caller too).
    failed_unexpectedly: bool = False

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def exit_code(self) -> int:
        return 1 if self.failures or self.offline else 0

    @property
    def outcome(self) -> str:
        if self.failed_unexpectedly:
            return "failed"
        if self.offline:
            return "offline"
        if self.cancelled:
            return "cancelled"
        return "partial" if self.failures else "completed"

    def line(self) -> str:
        petitions = self.new + self.updated + self.unchanged
        text = (
            f"{_count(self.list_pages, 'list page')}, {_count(petitions, 'petition')}: "
            f"{self.new:,} new, {self.updated:,} updated, {self.unchanged:,} unchanged, "
            f"{self.removed:,} removed, {self.failed:,} failed; "
            f"{_count(self.petition_pages, 'petition page')} fetched, "
            f"{_count(self.requests, 'request')}"
        )
        if self.offline:
            text += f"; {self.offline}"
        return text + (" (cancelled)" if self.cancelled else "")


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


@dataclass(frozen=True)
class SyncStatus:
    #: When the newest sync that reached the site finished.
    last_synced_at: datetime | None
    last_outcome: str | None
    #: The newest ``updated_at`` stored: how current the data is, however it arrived.
    data_as_at: datetime | None
    #: A sync that started within the hour and has not finished (another window, a server).
    running_since: datetime | None


class SyncService:
    def __init__(self, database: Database, clock: Clock = _now) -> None:
        self._database = database
        self._clock = clock

    def run(
        self,
        options: SyncOptions,
        progress: ProgressCallback = no_progress,
        cancelled: CancelCheck = never_cancelled,
    ) -> SyncSummary:
        """Fetch and store what changed; network trouble is reported in the summary."""
        started = self._clock()
        run_id = records.start_run(self._database, options.site, started)
        summary = SyncSummary()
        client: PoliteClient | None = None
        try:
            client = PoliteClient(options, cancelled)
            _Sync(self._database, client, options, summary, progress).run()
        except Cancelled:
            summary.cancelled = True
        except Unreachable as exc:
            summary.offline = _offline_line(exc, summary)
        except _Stopped as exc:
            summary.offline = str(exc)
        except BaseException:
            # Recorded as failed, so that nothing waits an hour for it to finish.
            summary.failed_unexpectedly = True
            log.exception("sync with %s failed unexpectedly", options.site)
            raise
        finally:
            if client is not None:
                client.close()
                summary.requests = client.requests
            summary.events = records.events_since(self._database, started)
            records.finish_run(self._database, run_id, summary, self._clock())
        log.info("sync with %s %s: %s", options.site, summary.outcome, summary.line())
        for failure in summary.failures:
            log.warning("sync failed for %s", failure.line())
        return summary

    def status(self) -> SyncStatus:
        with self._database.sessions() as session:
            last = session.scalars(
                select(SyncRun)
                .where(SyncRun.outcome.in_(["completed", "partial", "cancelled"]))
                .order_by(SyncRun.finished_at.desc())
                .limit(1)
            ).first()
            running = session.scalar(
                select(func.max(SyncRun.started_at)).where(SyncRun.outcome.is_(None))
            )
            data_as_at = session.scalar(select(func.max(m.Petition.updated_at)))
        now = self._clock()
        if running is not None and (now - running).total_seconds() > 3600:
            running = None  # killed long ago: it will never finish
        return SyncStatus(
            last.finished_at if last else None,
            last.outcome if last else None,
            data_as_at,
            running,
        )

    def unseen_changes(self) -> int:
        with self._database.sessions() as session:
            return (
                session.scalar(
                    select(func.count())
                    .select_from(ChangeEvent)
                    .where(ChangeEvent.seen_at.is_(None))
                )
                or 0
            )


class _Stopped(Exception):
    """The sync cannot go on (the disk is full); the message says why and where."""


def _offline_line(exc: Unreachable, summary: SyncSummary) -> str:
    site = httpx.URL(exc.url)
    port = f":{site.port}" if site.port else ""
    where = f"{site.scheme}://{site.host}{port}"
    if summary.list_pages == 0:
        return f"cannot reach {where}: {exc.reason}; nothing changed"
    return f"lost the connection to {where} ({exc.reason}); what was fetched before is kept"


class _Sync:
    def __init__(
        self,
        database: Database,
        client: PoliteClient,
        options: SyncOptions,
        summary: SyncSummary,
        progress: ProgressCallback,
    ) -> None:
        self._database = database
        self._client = client
        self._options = options
        self._summary = summary
        self._progress = progress
        self._pages_total = 0
        self._details_planned = 0
        self._details_done = 0

    def run(self) -> None:
        base = self._options.base
        self._walk(f"{base}/petitions.json?count={PAGE_SIZE}&state=all")
        if self._options.archived:
            self._walk(_archived_list(base, self._options.archived))

    # List pages ---------------------------------------------------------------------------

    def _walk(self, url: str | None) -> None:
        first = True
        while url:
            try:
                page = self._client.get(url)
            except FetchFailed as exc:
                if isinstance(exc, Unreachable):
                    raise
                self._fail(None, url, exc.reason)
                return
            document = _list_document(page)
            if document is None:
                self._fail(None, url, "not a list of petitions (no data array)")
                return
            if first and self._options.archived and "archived" in url:
                problem = self._wrong_parliament(document)
                if problem:
                    self._fail(None, url, problem)
                    return
            first = False
            self._pages_total += _last_page(document) if self._summary.list_pages == 0 else 0
            self._import_list_page(page, document)
            url = self._next(document)

    def _import_list_page(self, page: Fetched, document: dict[str, object]) -> None:
        outcomes = self._import(None, page)
        if outcomes is not None:
            self._summary.new += outcomes[Outcome.IMPORTED]
            self._summary.updated += outcomes[Outcome.UPDATED]
            self._summary.unchanged += outcomes[Outcome.UNCHANGED]
        self._summary.list_pages += 1
        self._report(f"list page {self._summary.list_pages}")
        ids = _petition_ids(document)
        self._fetch_details(records.details_needed(self._database, ids, self._options))

    def _next(self, document: dict[str, object]) -> str | None:
        links = document.get("links")
        following = links.get("next") if isinstance(links, dict) else None
        if not isinstance(following, str) or not following:
            return None
        if not _same_site(following, self._options.base):
            self._fail(None, following, "the next page is on another site; not followed")
            return None
        return following

    def _wrong_parliament(self, document: dict[str, object]) -> str | None:
        """The site lists only its newest archived Parliament unless given its number."""
        wanted = self._options.archived or ""
        periods = records.periods_in(document)
        if wanted.isdigit() or not periods or wanted in periods:
            return None
        return (
            f"the site lists Parliament {', '.join(sorted(periods))}, not {wanted}; give the "
            "site's number for that Parliament (--archived N)"
        )

    # Petition pages -----------------------------------------------------------------------

    def _fetch_details(self, wanted: list[records.Wanted]) -> None:
        if not wanted:
            return
        self._details_planned += len(wanted)
        with ThreadPoolExecutor(MAX_IN_FLIGHT, thread_name_prefix="sync") as pool:
            results = pool.map(self._fetch_one, wanted)
            try:
                for item, result in zip(wanted, results, strict=True):
                    self._store_detail(item, result)
            except BaseException:
                pool.shutdown(wait=True, cancel_futures=True)
                raise

    def _fetch_one(self, item: records.Wanted) -> Fetched | FetchFailed:
        try:
            return self._client.get(self._petition_url(item), item.last_modified)
        except Unreachable:
            raise
        except FetchFailed as exc:
            return exc

    def _petition_url(self, item: records.Wanted) -> str:
        prefix = "/archived" if item.archived else ""
        return f"{self._options.base}{prefix}/petitions/{item.petition_id}.json"

    def _store_detail(self, item: records.Wanted, result: Fetched | FetchFailed) -> None:
        self._details_done += 1
        self._report(f"petition {item.petition_id}")
        if isinstance(result, FetchFailed):
            self._fail(item.petition_id, result.url, result.reason)
            return
        pid = item.petition_id
        if result.status == 410:
            records.mark_gone(self._database, pid, _now())
            self._summary.removed += 1
        elif result.status == 404:
            records.mark_missing(self._database, pid, _now())
            self._fail(pid, result.url, "not found on the site (404)")
        elif result.status == 304:
            records.mark_checked(self._database, pid, result.last_modified, _now())
        elif self._import(pid, result) is not None:
            self._summary.petition_pages += 1
            records.mark_checked(self._database, pid, result.last_modified, _now())

    # Shared -------------------------------------------------------------------------------

    def _import(self, petition_id: int | None, page: Fetched) -> Counter[Outcome] | None:
        body = page.body
        source = Source(page.url, lambda: body)
        try:
            return import_source(self._database.engine, source).outcomes
        except (CaptureError, OSError, UnicodeError, ValueError) as exc:
            self._fail(petition_id, page.url, f"not stored: {exc}")
        except SQLAlchemyError as exc:
            if is_disk_full(exc):
                raise _Stopped(f"sync stopped: {explain(exc)}; what was stored is kept") from exc
            self._fail(petition_id, page.url, f"not stored: {explain(exc)}")
        return None

    def _fail(self, petition_id: int | None, url: str, reason: str) -> None:
        self._summary.failures.append(SyncFailure(petition_id, url, reason))

    def _report(self, label: str) -> None:
        done = self._summary.list_pages + self._details_done
        total = max(self._pages_total, self._summary.list_pages) + self._details_planned
        self._progress(done, total, label)


def _list_document(page: Fetched) -> dict[str, object] | None:
    try:
        document = page.json()
    except ValueError:
        return None
    if isinstance(document, dict) and isinstance(document.get("data"), list):
        return document
    return None


def _petition_ids(document: dict[str, object]) -> list[int]:
    data = document.get("data")
    items: Iterator[object] = iter(data) if isinstance(data, list) else iter(())
    return [
        item["id"]
        for item in items
        if isinstance(item, dict) and isinstance(item.get("id"), int) and item["id"] > 0
    ]


def _last_page(document: dict[str, object]) -> int:
    links = document.get("links")
    last = links.get("last") if isinstance(links, dict) else None
    if not isinstance(last, str):
        return 1
    page = httpx.URL(last).params.get("page")
    return int(page) if page and page.isdigit() else 1


def _same_site(url: str, base: str) -> bool:
    try:
        target, site = httpx.URL(url), httpx.URL(base)
    except httpx.InvalidURL:
        return False
    return (target.scheme, target.host, target.port) == (site.scheme, site.host, site.port)


def _archived_list(base: str, archived: str) -> str:
    url = f"{base}/archived/petitions.json?count={PAGE_SIZE}"
    if archived.isdigit():
        url += f"&parliament={archived}"
    return url + "&state=all"
