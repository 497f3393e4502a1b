"""Import captures file by file: each file is one transaction, all or nothing.

One connection serves the whole run (a fresh one after a database error), so a file costs
one transaction rather than two pool checkouts.

A file counts as imported only once the transaction holding it has committed. On some errors
SQLite rolls back the whole transaction by itself (SQLITE_FULL, the disk being full, among
them), taking with it the files waiting in the batch: those are reported as not stored. A
full disk stops the run, since every remaining file would fail the same way.
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from time import monotonic

from sqlalchemy import bindparam, select
from sqlalchemy.engine import Connection, Engine, NestedTransaction, RootTransaction
from sqlalchemy.exc import SQLAlchemyError

from caseworker.domain.changes import ChangeKind
from caseworker.formatting import counted
from caseworker.identity import current_user
from caseworker.importing.derived import refresh_derived
from caseworker.importing.events import ChangeWatch
from caseworker.importing.fields import CaptureError
from caseworker.importing.parse import ParsedDocument, decode, parse_document
from caseworker.importing.revisions import link_revised_responses
from caseworker.importing.sources import Source, SourceError, expand
from caseworker.importing.writer import CaptureWriter, Outcome
from caseworker.jobs import CancelCheck, ProgressCallback, never_cancelled, no_progress
from caseworker.services.debates.site import link_site_debates_in
from caseworker.storage import models as m
from caseworker.storage.engine import for_writing, refresh_statistics
from caseworker.storage.errors import explain, is_disk_full, is_locked, is_read_only, where
from caseworker.storage.upsert import table_of

CAPTURES = table_of(m.Capture)
KNOWN_CAPTURE = select(CAPTURES.c.petition_count).where(CAPTURES.c.sha256 == bindparam("sha256"))
INSERT_CAPTURE = CAPTURES.insert()

log = logging.getLogger(__name__)


@dataclass
class ImportSummary:
    """What an import did; ``failures`` pairs each failed file with the reason.

    ``imported``, ``updated`` and ``unchanged`` count petitions in files whose transaction
    committed, so they are exactly what is stored. ``stopped`` says why the run ended early
    (the disk is full) and ``not_tried`` how many files it left alone. ``events`` counts the
    change events (caseworker.domain.changes) those files recorded, by kind.
    """

    files: int = 0
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    cancelled: bool = False
    stopped: str | None = None
    not_tried: int = 0
    events: Counter[str] = field(default_factory=Counter)
    #: Files in the folders given that are not captures, by kind ("CSV": 2).
    skipped: Counter[str] = field(default_factory=Counter)

    @property
    def failed(self) -> int:
        return len(self.failures)

    def add(self, result: FileResult) -> None:
        outcomes = result.outcomes
        self.imported += outcomes[Outcome.IMPORTED]
        self.updated += outcomes[Outcome.UPDATED]
        self.unchanged += outcomes[Outcome.UNCHANGED]
        self.events.update(result.events)

    def events_line(self) -> str:
        """``events: 2 crossed-10000, 1 response`` (kinds in the order of ChangeKind)."""
        return events_line(self.events)

    def line(self) -> str:
        """``3 files: 120 petitions imported, 4 updated, 0 unchanged; 0 files failed``.

        Files are counted first (the window's import box relies on that start), then the
        petitions they held, then the files that failed, then the files passed over.
        """
        text = (
            f"{counted(self.files, 'file')}: {counted(self.imported, 'petition')} imported, "
            f"{self.updated:,} updated, {self.unchanged:,} unchanged; "
            f"{counted(self.failed, 'file')} failed"
        )
        if self.stopped is not None:
            files = "file was" if self.not_tried == 1 else "files were"
            text += f"; the import stopped: {self.stopped}; {self.not_tried:,} {files} not tried"
        if self.skipped:
            text += f"; {self.skipped_line()}"
        return text + (" (cancelled)" if self.cancelled else "")

    def skipped_line(self) -> str:
        """``2 files skipped: not JSON (CSV 1, TXT 1)``; empty when none were."""
        if not self.skipped:
            return ""
        kinds = ", ".join(f"{kind} {n:,}" for kind, n in sorted(self.skipped.items()))
        total = counted(sum(self.skipped.values()), "file")
        return f"{total} skipped: not JSON ({kinds})"


@dataclass(frozen=True)
class FileResult:
    """What one file did: petitions by outcome, and change events recorded by kind."""

    outcomes: Counter[Outcome]
    events: Counter[str] = field(default_factory=Counter)


def events_line(events: Counter[str]) -> str:
    """Event counts as one line, the kinds in a fixed order; ``events: none`` when none."""
    order = {kind.value: n for n, kind in enumerate(ChangeKind)}
    parts = [
        f"{events[kind]:,} {kind}"
        for kind in sorted(events, key=lambda k: order.get(k, len(order)))
        if events[kind]
    ]
    return "events: " + (", ".join(parts) if parts else "none")


#: Files committed together. Each file is still all or nothing, through a savepoint of its
#: own; committing every file separately cost a quarter of the import time on SQLite.
BATCH_FILES = 50
BATCH_SECONDS = 2.0


def import_paths(
    engine: Engine,
    paths: list[Path],
    progress: ProgressCallback = no_progress,
    cancelled: CancelCheck = never_cancelled,
) -> ImportSummary:
    """Import every capture under ``paths``; a bad file is reported and skipped whole."""
    summary = ImportSummary()
    sources = list(expand(paths, summary.skipped))
    batch = _Batch(engine, summary)
    try:
        for done, source in enumerate(sources):
            if cancelled():
                summary.cancelled = True
                break
            progress(done, len(sources), source.name)
            summary.files += 1
            if isinstance(source, SourceError):
                summary.failures.append((source.name, source.reason))
            else:
                batch.import_file(source)
            if summary.stopped is not None:
                summary.not_tried = len(sources) - done - 1
                break
    finally:
        # Also on an interrupt: every file already through its savepoint is whole.
        batch.commit()
    if summary.stopped is None:
        refresh_statistics(engine, summary.imported + summary.updated)
    label = "cancelled" if summary.cancelled else "stopped" if summary.stopped else "done"
    progress(summary.files, len(sources), label)
    _log_summary(summary)
    return summary


def _log_summary(summary: ImportSummary) -> None:
    """Counts and file names only: a petition's text never goes in the log."""
    log.info(
        "import %s: %d files, %d petitions new, %d updated, %d unchanged, %d files failed%s",
        "cancelled" if summary.cancelled else "stopped" if summary.stopped else "done",
        summary.files, summary.imported, summary.updated, summary.unchanged, summary.failed,
        f"; {summary.stopped}" if summary.stopped else "",
    )  # fmt: skip
    for name, reason in summary.failures:
        log.warning("import failed for %s: %s", name, reason)


class _Batch:
    """One transaction over several files, each file inside a savepoint of its own."""

    def __init__(self, engine: Engine, summary: ImportSummary) -> None:
        self._engine = for_writing(engine)
        self._where = where(engine)
        self._summary = summary
        self._connection: Connection | None = None
        self._transaction: RootTransaction | None = None
        self._pending: list[tuple[str, FileResult]] = []
        self._started = 0.0
        #: The error after which SQLite may have ended the transaction by itself.
        self._error: SQLAlchemyError | None = None

    def import_file(self, source: Source) -> None:
        savepoint: NestedTransaction | None = None
        try:
            savepoint = self._open().begin_nested()
            outcome = _import_source(savepoint.connection, source)
            savepoint.commit()
        except (CaptureError, OSError, UnicodeError) as exc:
            self._undo(savepoint)
            self._summary.failures.append((source.name, _reason(exc)))
            return
        except SQLAlchemyError as exc:
            self._summary.failures.append((source.name, self._database_reason(exc)))
            self._error = exc
            self._undo(savepoint)
            # Keep the files before it safe, and start again on a fresh connection.
            self.commit()
            self._stop_if_disk_full(exc)
            return
        except BaseException:
            self._undo(savepoint)
            raise
        self._pending.append((source.name, outcome))
        if len(self._pending) >= BATCH_FILES or monotonic() - self._started > BATCH_SECONDS:
            self.commit()

    def _open(self) -> Connection:
        if self._connection is None:
            self._connection = self._engine.connect()
            self._started = monotonic()
            self._transaction = self._connection.begin()
        return self._connection

    def _undo(self, savepoint: NestedTransaction | None) -> None:
        """Roll back one file, unless the database has already rolled back everything."""
        if savepoint is None or not savepoint.is_active or self._transaction_lost():
            return
        try:
            savepoint.rollback()
        except SQLAlchemyError as exc:
            # Without its savepoint the file cannot be taken out alone: the batch goes.
            self._error = exc
            self._rollback()

    def commit(self) -> None:
        """Commit the pending files; only then do they count as imported."""
        if self._connection is None:
            return
        if self._transaction is None:  # BEGIN itself failed
            self._close()
            return
        try:
            if self._transaction_lost() or not self._transaction.is_active:
                # COMMIT would succeed and store nothing: the files before are gone.
                self._lose_pending(self._error)
            else:
                self._transaction.commit()
                for _, outcome in self._pending:
                    self._summary.add(outcome)
        except SQLAlchemyError as exc:
            self._lose_pending(exc)
            self._stop_if_disk_full(exc)
        finally:
            self._pending.clear()
            self._error = None
            self._close()

    def _transaction_lost(self) -> bool:
        """True when SQLite has rolled back the transaction on its own after an error.

        It does so on SQLITE_FULL, SQLITE_IOERR and SQLITE_NOMEM, among others; its
        savepoints are then gone ("no such savepoint") and a COMMIT commits nothing.
        PostgreSQL keeps the transaction until it is rolled back, so only SQLite is asked.
        """
        connection = self._connection
        if connection is None or connection.dialect.name != "sqlite":
            return False
        try:
            driver = connection.connection.driver_connection
        except SQLAlchemyError:  # the connection itself is gone, and its transaction with it
            return True
        return driver is not None and not driver.in_transaction

    def _lose_pending(self, exc: SQLAlchemyError | None) -> None:
        why = self._explain(exc) if exc is not None else "the database ended the transaction"
        for name, _ in self._pending:
            self._summary.failures.append(
                (name, f"not stored, as the database could not save it: {why}")
            )
        self._rollback()

    def _rollback(self) -> None:
        if self._transaction is not None and self._transaction.is_active:
            # The connection is closed (or discarded) next; nothing of it is kept either way.
            with suppress(SQLAlchemyError):
                self._transaction.rollback()

    def _close(self) -> None:
        connection, self._connection, self._transaction = self._connection, None, None
        if connection is None:
            return
        try:
            connection.close()
        except SQLAlchemyError:
            connection.invalidate()

    def _stop_if_disk_full(self, exc: SQLAlchemyError) -> None:
        if _is_disk_full(exc) and self._summary.stopped is None:
            self._summary.stopped = self._explain(exc)

    def _explain(self, exc: SQLAlchemyError) -> str:
        return explain(_root_cause(exc), self._where)

    def _database_reason(self, exc: SQLAlchemyError) -> str:
        cause = _root_cause(exc)
        if is_disk_full(cause) or is_read_only(cause) or is_locked(cause):
            return f"{explain(cause, self._where)}; nothing from this file was stored"
        return _reason(exc)


def _root_cause(exc: BaseException) -> BaseException:
    """The disk-full error behind ``exc`` when there is one (a failed rollback hides it)."""
    seen: BaseException | None = exc
    while seen is not None:
        if is_disk_full(seen):
            return seen
        seen = seen.__cause__ or seen.__context__
    return exc


def _is_disk_full(exc: BaseException) -> bool:
    return is_disk_full(_root_cause(exc))


def import_source(engine: Engine, source: Source) -> FileResult:
    """Import one capture in a transaction of its own."""
    with for_writing(engine).connect() as connection, connection.begin():
        return _import_source(connection, source)


def _import_source(connection: Connection, source: Source) -> FileResult:
    """One file inside the caller's transaction (or savepoint)."""
    content = source.read()
    digest = hashlib.sha256(content).hexdigest()
    known = _known_capture(connection, digest)
    if known is not None:
        return FileResult(Counter({Outcome.UNCHANGED: known}))
    document = parse_document(decode(content))
    return _write(connection, source, digest, document)


def _known_capture(connection: Connection, digest: str) -> int | None:
    # A capture row exists only once its file committed, so the same bytes change nothing.
    return connection.execute(KNOWN_CAPTURE, {"sha256": digest}).scalar_one_or_none()


def _write(
    connection: Connection, source: Source, digest: str, document: ParsedDocument
) -> FileResult:
    now = datetime.now(UTC)
    # Before anything of the file is written: what its petitions' events are compared with.
    watch = ChangeWatch(connection, document.petitions)
    capture = {
        "source": source.name,
        "sha256": digest,
        "shape": document.shape,
        "petition_count": len(document.petitions),
        "imported_at": now,
    }
    key = connection.execute(INSERT_CAPTURE, capture).inserted_primary_key
    assert key is not None
    capture_id = key[0]
    writer = CaptureWriter(connection, capture_id, now)
    writer.write_topic_names(document.topics)
    writer.write_parliaments(document.parliaments)
    outcomes = writer.write(document.petitions)
    # Same transaction: a file that fails leaves no derived value or search text behind.
    refresh_derived(connection, {p.id for p in document.petitions} - writer.derived_written)
    answered = [p.id for p in document.petitions if p.government_response is not None]
    link_revised_responses(connection, answered, current_user(), now)
    # The site's scheduled dates and outcomes meet the Committee's records of the debates.
    link_site_debates_in(connection, [p.id for p in document.petitions], actor=current_user(),
                         now=now)  # fmt: skip
    return FileResult(outcomes, watch.record(connection, now))


def _reason(exc: Exception) -> str:
    if isinstance(exc, SQLAlchemyError):
        original = getattr(exc, "orig", None)
        detail = str(original or exc).splitlines()[0]
        return f"the database refused the data ({detail}); nothing from this file was stored"
    if isinstance(exc, UnicodeError):
        return "contains text that is not valid Unicode (an unpaired surrogate escape)"
    return str(exc)
