"""Import captures file by file: each file is one transaction, all or nothing.

One connection serves the whole run (a fresh one after a database error), so a file costs
one transaction rather than two pool checkouts.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from time import monotonic

from sqlalchemy import bindparam, select
from sqlalchemy.engine import Connection, Engine, RootTransaction
from sqlalchemy.exc import SQLAlchemyError

from caseworker.identity import current_user
from caseworker.importing.derived import refresh_derived
from caseworker.importing.fields import CaptureError
from caseworker.importing.parse import ParsedDocument, decode, parse_document
from caseworker.importing.revisions import link_revised_responses
from caseworker.importing.sources import Source, SourceError, expand
from caseworker.importing.writer import CaptureWriter, Outcome
from caseworker.jobs import CancelCheck, ProgressCallback, never_cancelled, no_progress
from caseworker.storage import models as m
from caseworker.storage.engine import for_writing, refresh_statistics
from caseworker.storage.upsert import table_of

CAPTURES = table_of(m.Capture)
KNOWN_CAPTURE = select(CAPTURES.c.petition_count).where(CAPTURES.c.sha256 == bindparam("sha256"))
INSERT_CAPTURE = CAPTURES.insert()


@dataclass
class ImportSummary:
    """What an import did; ``failures`` pairs each failed file with the reason."""

    files: int = 0
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    cancelled: bool = False

    @property
    def failed(self) -> int:
        return len(self.failures)

    def add(self, outcomes: Counter[Outcome]) -> None:
        self.imported += outcomes[Outcome.IMPORTED]
        self.updated += outcomes[Outcome.UPDATED]
        self.unchanged += outcomes[Outcome.UNCHANGED]

    def line(self) -> str:
        text = (
            f"{self.files} files: {self.imported} imported, {self.updated} updated, "
            f"{self.unchanged} unchanged, {self.failed} failed"
        )
        return text + (" (cancelled)" if self.cancelled else "")


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
    sources = list(expand(paths))
    summary = ImportSummary()
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
    finally:
        # Also on an interrupt: every file already through its savepoint is whole.
        batch.commit()
    refresh_statistics(engine, summary.imported + summary.updated)
    progress(summary.files, len(sources), "cancelled" if summary.cancelled else "done")
    return summary


class _Batch:
    """One transaction over several files, each file inside a savepoint of its own."""

    def __init__(self, engine: Engine, summary: ImportSummary) -> None:
        self._engine = for_writing(engine)
        self._summary = summary
        self._connection: Connection | None = None
        self._transaction: RootTransaction | None = None
        self._pending: list[tuple[str, Counter[Outcome]]] = []
        self._started = 0.0

    def import_file(self, source: Source) -> None:
        connection = self._open()
        try:
            with connection.begin_nested():
                outcome = _import_source(connection, source)
        except (CaptureError, SQLAlchemyError, OSError, UnicodeError) as exc:
            self._summary.failures.append((source.name, _reason(exc)))
            if isinstance(exc, SQLAlchemyError):
                # Keep the files before it safe, and start again on a fresh connection.
                self.commit()
            return
        self._pending.append((source.name, outcome))
        if len(self._pending) >= BATCH_FILES or monotonic() - self._started > BATCH_SECONDS:
            self.commit()

    def _open(self) -> Connection:
        if self._connection is None:
            self._connection = self._engine.connect()
            self._transaction = self._connection.begin()
            self._started = monotonic()
        return self._connection

    def commit(self) -> None:
        """Commit the pending files; only then do they count as imported."""
        if self._connection is None or self._transaction is None:
            return
        try:
            self._transaction.commit()
        except SQLAlchemyError as exc:
            for name, _ in self._pending:
                self._summary.failures.append((name, _reason(exc)))
        else:
            for _, outcome in self._pending:
                self._summary.add(outcome)
        finally:
            self._pending.clear()
            self._connection.close()
            self._connection = self._transaction = None


def import_source(engine: Engine, source: Source) -> Counter[Outcome]:
    """Import one capture in a transaction of its own."""
    with for_writing(engine).connect() as connection, connection.begin():
        return _import_source(connection, source)


def _import_source(connection: Connection, source: Source) -> Counter[Outcome]:
    """One file inside the caller's transaction (or savepoint)."""
    content = source.read()
    digest = hashlib.sha256(content).hexdigest()
    known = _known_capture(connection, digest)
    if known is not None:
        return Counter({Outcome.UNCHANGED: known})
    document = parse_document(decode(content))
    return _write(connection, source, digest, document)


def _known_capture(connection: Connection, digest: str) -> int | None:
    # A capture row exists only once its file committed, so the same bytes change nothing.
    return connection.execute(KNOWN_CAPTURE, {"sha256": digest}).scalar_one_or_none()


def _write(
    connection: Connection, source: Source, digest: str, document: ParsedDocument
) -> Counter[Outcome]:
    now = datetime.now(UTC)
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
    return outcomes


def _reason(exc: Exception) -> str:
    if isinstance(exc, SQLAlchemyError):
        original = getattr(exc, "orig", None)
        detail = str(original or exc).splitlines()[0]
        return f"the database refused the data ({detail}); nothing from this file was stored"
    if isinstance(exc, UnicodeError):
        return "contains text that is not valid Unicode (an unpaired surrogate escape)"
    return str(exc)
