"""Keep the related-petitions index in step with the stored petitions.

A petition is (re)indexed when it has no index entry or a newer capture than its entry: the
check is one join, so every query can afford it, and only new or changed petitions cost
anything. Work is committed batch by batch, so a cancelled run keeps what it did.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import Engine, delete, func, insert, or_, select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from caseworker.jobs import CancelCheck, ProgressCallback, never_cancelled, no_progress
from caseworker.related.words import petition_words
from caseworker.storage.engine import for_writing
from caseworker.storage.models import Petition as P
from caseworker.storage.related_models import RelatedDocument as D
from caseworker.storage.related_models import RelatedTerm as T

#: Petitions indexed per transaction: large enough to be quick, small enough to stop soon.
BATCH = 2_000
#: BM25's usual constants: how fast repeats stop counting, and how much length matters.
K1 = 1.2
B = 0.75
#: The largest count a SMALLINT holds on every database.
MAX_COUNT = 32_767


def stale_petitions(connection: Connection) -> list[int]:
    """Petitions whose index entry is missing or older than their newest capture."""
    query = (
        select(P.id)
        .outerjoin(D, D.petition_id == P.id)
        .where(or_(D.petition_id.is_(None), D.source_updated_at != P.updated_at))
        .order_by(P.id)
    )
    return list(connection.scalars(query))


def refresh_index(
    engine: Engine,
    *,
    progress: ProgressCallback = no_progress,
    cancelled: CancelCheck = never_cancelled,
) -> int:
    """Index every new or changed petition; returns how many were indexed."""
    with engine.connect() as connection:
        if index_is_current(connection):
            return 0
        stale = stale_petitions(connection)
    writer = for_writing(engine)
    done = 0
    for start in range(0, len(stale), BATCH):
        if cancelled():
            break
        progress(done, len(stale), "Indexing petitions for related searches")
        batch = stale[start : start + BATCH]
        _index_batch(writer, batch)
        done += len(batch)
    return done


def _index_batch(engine: Engine, ids: Sequence[int]) -> None:
    try:
        _replace(engine, ids)
    except IntegrityError:
        # A colleague indexed the same petitions at the same moment: theirs stand, redo ours.
        _replace(engine, ids)


def _replace(engine: Engine, ids: Sequence[int]) -> None:
    with engine.begin() as connection:
        rows = connection.execute(
            select(P.id, P.action, P.background, P.updated_at).where(P.id.in_(ids))
        ).all()
        connection.execute(delete(T).where(T.petition_id.in_(ids)))
        connection.execute(delete(D).where(D.petition_id.in_(ids)))
        counted = {pid: petition_words(action, background) for pid, action, background, _ in rows}
        lengths = {pid: sum(words.values()) for pid, words in counted.items()}
        average = _average_length(connection, lengths.values())
        documents = [
            {"petition_id": pid, "length": lengths[pid], "source_updated_at": updated_at}
            for pid, _, _, updated_at in rows
        ]
        terms = [
            {"term": term, "petition_id": pid, "count": min(n, MAX_COUNT),
             "impact": impact(n, lengths[pid], average)}
            for pid, words in counted.items()
            for term, n in words.items()
        ]  # fmt: skip
        if documents:
            connection.execute(insert(D), documents)
        if terms:
            connection.execute(insert(T), terms)


def impact(count: int, length: int, average_length: float) -> float:
    """BM25's term-frequency part: repeats count less and less, long petitions are discounted.

    It uses the average length when the petition is indexed; the average hardly moves as
    petitions are added, so older rows are not rewritten.
    """
    norm = K1 * (1 - B + B * length / average_length) if average_length else K1
    return count * (K1 + 1) / (count + norm)


def _average_length(connection: Connection, new_lengths: Iterable[int]) -> float:
    stored_count, stored_total = connection.execute(
        select(func.count(), func.coalesce(func.sum(D.length), 0))
    ).one()
    lengths = list(new_lengths)
    count = stored_count + len(lengths)
    return (stored_total + sum(lengths)) / count if count else 0.0


def index_is_current(connection: Connection) -> bool:
    """A quick check before every query: as many entries as petitions, made from the newest
    capture. (A published petition's text never changes on the site, so an older petition's
    new capture that leaves both figures alone changes nothing this index holds.)"""
    # Four statements, not two: SQLite answers a lone max() from its index, not with count().
    petitions = (
        connection.scalar(select(func.count()).select_from(P)),
        connection.scalar(select(func.max(P.updated_at))),
    )
    documents = (
        connection.scalar(select(func.count()).select_from(D)),
        connection.scalar(select(func.max(D.source_updated_at))),
    )
    return petitions == documents
