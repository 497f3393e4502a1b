"""Full-text search over a petition's title, background, details and response texts.

SQLite uses an FTS5 index and PostgreSQL a GIN index over ``to_tsvector``; both are kept
in step with the ``petition_search`` table by the importer. Each word typed is matched as a
prefix, so results narrow as the clerk types.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import bindparam, or_
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import ColumnElement
from sqlalchemy.types import Boolean

from caseworker.storage import models as m

_WORD = re.compile(r"\w+", re.UNICODE)


def words_of(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


class TextMatch(ColumnElement[bool]):
    """True for petitions whose indexed text contains every word typed (as prefixes)."""

    type = Boolean()
    inherit_cache = True

    def __init__(self, words: tuple[str, ...]) -> None:
        self.words = words


@compiles(TextMatch, "sqlite")
def _sqlite_match(element: TextMatch, compiler: Any, **kw: Any) -> str:
    query = " ".join(f'"{w}"*' for w in element.words)
    param = compiler.process(bindparam("fts_query", query, unique=True), **kw)
    return f"petitions.id IN (SELECT rowid FROM petition_fts WHERE petition_fts MATCH {param})"


@compiles(TextMatch, "postgresql")
def _postgresql_match(element: TextMatch, compiler: Any, **kw: Any) -> str:
    query = " & ".join(f"{w}:*" for w in element.words)
    param = compiler.process(bindparam("fts_query", query, unique=True), **kw)
    return (
        "petitions.id IN (SELECT petition_id FROM petition_search "
        f"WHERE to_tsvector('simple', document) @@ to_tsquery('simple', {param}))"
    )


@compiles(TextMatch)
def _fallback_match(element: TextMatch, compiler: Any, **kw: Any) -> str:
    # Other databases: every word somewhere in the document, without an index.
    clauses = []
    for w in element.words:
        param = compiler.process(bindparam("fts_word", f"%{w}%", unique=True), **kw)
        clauses.append(f"lower(document) LIKE {param}")
    return (
        "petitions.id IN (SELECT petition_id FROM petition_search WHERE "
        + " AND ".join(clauses)
        + ")"
    )


def search_filter(text: str) -> ColumnElement[bool]:
    """Petitions matching ``text``; a bare number also finds that petition by its number."""
    words = tuple(words_of(text))
    match: ColumnElement[bool] = TextMatch(words) if words else m.Petition.id.is_(None)
    stripped = text.strip()
    if stripped.isdigit() and len(stripped) < 10:
        return or_(m.Petition.id == int(stripped), match)
    return match
