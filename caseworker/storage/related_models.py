"""The index behind "related petitions": each petition's words and how often they occur.

Kept in ordinary tables (not SQLite FTS5 or PostgreSQL text search) so that the ranking is
the same on both databases. ``related_documents`` says which text each row was made from;
an index older than its petition is rebuilt for that petition on the next query.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Float, ForeignKey, Integer, SmallInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from caseworker.storage.base import Base


class RelatedDocument(Base):
    """A petition as indexed: its length in words and the capture its text came from."""

    __tablename__ = "related_documents"

    petition_id: Mapped[int] = mapped_column(
        ForeignKey("petitions.id", ondelete="CASCADE"), primary_key=True
    )
    length: Mapped[int] = mapped_column(Integer)
    #: The petition's ``updated_at`` when indexed: a newer capture means index it again.
    source_updated_at: Mapped[datetime] = mapped_column(index=True)


class RelatedTerm(Base):
    """How often a word (stemmed) occurs in a petition's title and background."""

    __tablename__ = "related_terms"

    # The key leads with the term: a query reads the few petitions holding each of its words.
    term: Mapped[str] = mapped_column(String(40), primary_key=True)
    petition_id: Mapped[int] = mapped_column(
        ForeignKey("related_documents.petition_id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    )
    count: Mapped[int] = mapped_column(SmallInteger)
    #: The word's BM25 weight in this petition before its rarity is counted (how often it
    #: occurs, against the petition's length): stored, so a query only adds numbers up.
    impact: Mapped[float] = mapped_column(Float)
