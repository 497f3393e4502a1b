"""Rank the stored petitions by how closely they relate to one petition.

Two steps. BM25 over the words of titles and backgrounds, scored in SQL from the index
(caseworker.related.index), picks a few hundred candidates. Then what a moderator knows:
a published petition outranks a rejected one (rejected petitions are mostly duplicates of a
published one), a petition that was open when this one was moderated is the one the public
would be pointed to, and a widely signed petition is the one people know. The weights were
chosen on 646 petitions the site rejected as duplicates naming their original
(tests/unit/related/test_quality.py measures it).
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ScalarSelect, func, select
from sqlalchemy.engine import Connection

from caseworker.storage.models import Petition as P
from caseworker.storage.related_models import RelatedDocument as D
from caseworker.storage.related_models import RelatedTerm as T

#: The query's most distinctive words used; more adds time and little else.
QUERY_WORDS = 24
#: A word in more than this share of petitions (or more than ``MOST_POSTINGS`` of them) says
#: little and costs much: it is left out of the query.
COMMON_SHARE = 0.1
MOST_POSTINGS = 500
FEWEST_COMMON = 10
#: Candidates re-ranked by what a moderator knows.
CANDIDATES = 300

REJECTED_WEIGHT = 0.3
OPEN_AT_THE_TIME_WEIGHT = 2.5
#: Per tenfold signatures: 100,000 signatures weigh 2x, 10 signatures 1.2x.
SIGNATURES_WEIGHT = 0.2


@dataclass(frozen=True)
class Candidate:
    id: int
    action: str
    state: str
    signature_count: int
    opened_at: datetime | None
    closed_at: datetime | None
    text_score: float


@dataclass(frozen=True)
class Ranked:
    candidate: Candidate
    score: float
    open_at_the_time: bool


def query_weights(connection: Connection, words: Counter[str]) -> dict[str, float]:
    """Each query word's weight: its inverse document frequency times its count (up to 2),
    keeping the ``QUERY_WORDS`` most distinctive and leaving out the common ones.

    A word's petitions are counted only up to the common limit, so a word in half of all
    petitions costs no more to rule out than a rare one costs to count.
    """
    total = connection.scalar(select(func.count()).select_from(D)) or 0
    if not total or not words:
        return {}
    # In a small collection every word is in a good share of it: ten petitions always count.
    limit = int(min(max(COMMON_SHARE * total, FEWEST_COMMON), MOST_POSTINGS)) + 1
    terms = sorted(words)
    counts = connection.execute(select(*(_bounded_count(t, limit) for t in terms))).one()
    weights = {}
    for term, df in zip(terms, counts, strict=True):
        if df == 0 or df >= limit:
            continue
        idf = math.log(1 + (total - df + 0.5) / (df + 0.5))
        weights[term] = idf * min(words[term], 2)
    best = sorted(weights.items(), key=lambda item: (-item[1], item[0]))[:QUERY_WORDS]
    return dict(best)


def _bounded_count(term: str, limit: int) -> ScalarSelect[int]:
    first = select(T.petition_id).where(T.term == term).limit(limit).subquery()
    return select(func.count()).select_from(first).scalar_subquery()


def text_candidates(
    connection: Connection, weights: dict[str, float], exclude: int
) -> list[Candidate]:
    """The ``CANDIDATES`` petitions scoring highest by BM25 on the weighted words: the
    stored impacts of the few petitions holding each word, added up here."""
    if not weights:
        return []
    scores: dict[int, float] = {}
    postings = connection.execute(
        select(T.term, T.petition_id, T.impact).where(T.term.in_(list(weights)))
    )
    for term, pid, impact in postings:
        scores[pid] = scores.get(pid, 0.0) + weights[term] * impact
    scores.pop(exclude, None)
    best = heapq.nlargest(CANDIDATES, scores.items(), key=lambda item: (item[1], -item[0]))
    if not best:
        return []
    rows = connection.execute(
        select(P.id, P.action, P.state, P.signature_count, P.opened_at, P.closed_at).where(
            P.id.in_([pid for pid, _ in best])
        )
    )
    return [Candidate(*row, text_score=scores[row[0]]) for row in rows]


def rerank(candidates: Sequence[Candidate], seen_at: datetime | None) -> list[Ranked]:
    """Candidates in order of the final score (best first, then by number)."""
    ranked = []
    for c in candidates:
        open_then = _open_at(c, seen_at)
        score = c.text_score
        if c.state == "rejected":
            score *= REJECTED_WEIGHT
        if open_then:
            score *= OPEN_AT_THE_TIME_WEIGHT
        score *= 1 + SIGNATURES_WEIGHT * math.log10(1 + max(c.signature_count, 0))
        ranked.append(Ranked(c, score, open_then))
    ranked.sort(key=lambda r: (-r.score, r.candidate.id))
    return ranked


def _open_at(c: Candidate, moment: datetime | None) -> bool:
    if c.state == "rejected":  # never open to signatures, whatever dates an old capture has
        return False
    if moment is None or c.opened_at is None or c.opened_at > moment:
        return False
    return c.closed_at is None or c.closed_at >= moment


def matched_words(
    connection: Connection, petition_ids: Sequence[int], weights: dict[str, float]
) -> dict[int, list[str]]:
    """For each petition, the query words it shares, most distinctive first."""
    if not petition_ids or not weights:
        return {}
    rows = connection.execute(
        select(T.petition_id, T.term).where(
            T.petition_id.in_(list(petition_ids)), T.term.in_(list(weights))
        )
    )
    shared: dict[int, list[str]] = {}
    for pid, term in rows:
        shared.setdefault(pid, []).append(term)
    for terms in shared.values():
        terms.sort(key=lambda t: (-weights[t], t))
    return shared
