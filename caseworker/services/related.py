"""Related petitions: for any petition, the stored petitions most like it, and why.

The index is brought up to date before each query (only new or changed petitions cost
anything); ``refresh`` does it alone, with progress, for a first run on a large database.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.engine import Connection

from caseworker.formatting import long_date
from caseworker.jobs import CancelCheck, ProgressCallback, never_cancelled, no_progress
from caseworker.related.index import refresh_index, stale_petitions
from caseworker.related.rank import Ranked, matched_words, query_weights, rerank, text_candidates
from caseworker.related.words import petition_words
from caseworker.related.words import words as matching_words
from caseworker.services.errors import PetitionNotFound
from caseworker.storage.engine import Database
from caseworker.storage.models import Petition as P

DEFAULT_LIMIT = 10
_TOKEN = re.compile(r"[A-Za-z0-9]+")
#: Shared words named in a reason; more would make the reason unreadable.
WORDS_SHOWN = 4


@dataclass(frozen=True)
class RelatedPetition:
    id: int
    action: str
    state: str
    signature_count: int
    #: Higher is closer; comparable within one petition's list only.
    score: float
    #: Why it matches, in words: "shares: peat, compost", "open when this one was rejected".
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class _Subject:
    id: int
    words: Counter[str]
    #: The petition's own words for each stem, to name shared words as the petitioner wrote.
    spelled: dict[str, str]
    #: When a moderator looked at it: rejected, else published, else created.
    seen_at: datetime | None
    seen_as: str


class RelatedService:
    def __init__(self, database: Database) -> None:
        self._database = database

    def stale_count(self) -> int:
        """Petitions to index before the next query (a first run on a large database)."""
        with self._database.engine.connect() as connection:
            return len(stale_petitions(connection))

    def refresh(
        self, *, progress: ProgressCallback = no_progress, cancelled: CancelCheck = never_cancelled
    ) -> int:
        return refresh_index(self._database.engine, progress=progress, cancelled=cancelled)

    def related(
        self,
        petition_id: int,
        limit: int = DEFAULT_LIMIT,
        *,
        progress: ProgressCallback = no_progress,
        cancelled: CancelCheck = never_cancelled,
    ) -> list[RelatedPetition]:
        """The ``limit`` petitions most related to ``petition_id``, closest first; new or
        changed petitions are indexed first (``progress`` hears about a long indexing)."""
        self.refresh(progress=progress, cancelled=cancelled)
        with self._database.engine.connect() as connection:
            subject = _subject(connection, petition_id)
            weights = query_weights(connection, subject.words)
            candidates = text_candidates(connection, weights, exclude=petition_id)
            best = rerank(candidates, subject.seen_at)[:limit]
            shared = matched_words(connection, [r.candidate.id for r in best], weights)
        return [_related(r, shared.get(r.candidate.id, []), subject) for r in best]


def _subject(connection: Connection, petition_id: int) -> _Subject:
    row = connection.execute(
        select(P.action, P.background, P.rejected_at, P.opened_at, P.created_at).where(
            P.id == petition_id
        )
    ).first()
    if row is None:
        raise PetitionNotFound(petition_id)
    action, background, rejected_at, opened_at, created_at = row
    spelled: dict[str, str] = {}
    for raw in _TOKEN.findall(f"{action} {background or ''}"):
        for stemmed in matching_words(raw):
            spelled.setdefault(stemmed, raw.lower())
    seen_at, seen_as = (
        (rejected_at, "rejected")
        if rejected_at
        else (opened_at, "published")
        if opened_at
        else (created_at, "created")
    )
    return _Subject(petition_id, petition_words(action, background), spelled, seen_at, seen_as)


def _related(ranked: Ranked, shared: list[str], subject: _Subject) -> RelatedPetition:
    c = ranked.candidate
    reasons = []
    if shared:
        named = [subject.spelled.get(term, term) for term in shared[:WORDS_SHOWN]]
        reasons.append("shares: " + ", ".join(named))
    if ranked.open_at_the_time and subject.seen_at is not None:
        reasons.append(f"open when this one was {subject.seen_as} ({long_date(subject.seen_at)})")
    if c.state == "rejected":
        reasons.append("rejected by the site (ranked lower)")
    return RelatedPetition(
        c.id, c.action, c.state, c.signature_count, round(ranked.score, 2), tuple(reasons)
    )
