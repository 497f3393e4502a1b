"""Full-text search over a petition's title, background, details and response texts.

SQLite uses an FTS5 index and PostgreSQL a GIN index over ``to_tsvector``; both are kept
in step with the ``petition_search`` table by the importer. Each word typed is matched as a
prefix, so results narrow as the clerk types.

Whatever is typed, nothing of it reaches either database as query syntax: the text is cut
into words here the way FTS5's ``unicode61`` tokenizer cuts the index (letters, digits and
private-use characters; everything else separates), and each word is quoted. A word FTS5
would split further would become a phrase, which the index (``detail=column``) refuses, so
the split must agree with it. The number and length of words are bounded: a pasted page
would otherwise build a query too deep for PostgreSQL's stack.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, or_
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import ColumnElement
from sqlalchemy.types import Boolean

from caseworker.storage import models as m

#: Words used from one search; a clerk types a few, so more is a paste, not a search.
MAX_WORDS = 16
#: Characters kept of one word; it is matched as a prefix, so a longer word still finds itself.
MAX_WORD_LENGTH = 64
#: Characters of the typed text looked at; the rest cannot add a word within MAX_WORDS anyway
#: for any sensible text, and bounds the work done on a pasted megabyte.
MAX_TEXT_LENGTH = 2_000

# Letters that Python's Unicode tables (newer than SQLite's, 6.1) call letters but FTS5 does
# not: New Tai Lue vowel signs (spacing marks until Unicode 8) and two Vedic signs. Found by
# indexing every code point between two letters and counting the tokens FTS5 made.
_FTS5_SEPARATORS = frozenset(
    chr(c) for c in (*range(0x19B0, 0x19C1), 0x19C8, 0x19C9, 0x1CF2, 0x1CF3)
)
_PETITION_NUMBER = re.compile(r"[0-9]{1,9}")


@dataclass(frozen=True)
class SearchWords:
    """The words a search looks for, and whether some of the text typed was left out."""

    words: tuple[str, ...]
    trimmed: bool = False


def is_word_character(character: str) -> bool:
    """A character FTS5's unicode61 tokenizer keeps inside a word (categories L*, N*, Co)."""
    if character in _FTS5_SEPARATORS:
        return False
    category = unicodedata.category(character)
    return category[0] in "LN" or category == "Co"


def search_words(text: str) -> SearchWords:
    """The words of ``text`` as the index has them, lower-cased, at most MAX_WORDS of them."""
    # NFC first: a letter typed as letter + combining accent becomes one letter, whose
    # accent the index ignores, instead of a word cut in two at the accent.
    head = unicodedata.normalize("NFC", text[:MAX_TEXT_LENGTH]).lower()
    words: list[str] = []
    current: list[str] = []
    trimmed = len(text) > MAX_TEXT_LENGTH
    for character in head + " ":
        if is_word_character(character):
            current.append(character)
            continue
        if current:
            word = "".join(current)
            trimmed = trimmed or len(word) > MAX_WORD_LENGTH
            words.append(word[:MAX_WORD_LENGTH])
            current = []
    unique = tuple(dict.fromkeys(words))
    return SearchWords(unique[:MAX_WORDS], trimmed or len(unique) > MAX_WORDS)


def words_of(text: str) -> list[str]:
    return list(search_words(text).words)


class TextMatch(ColumnElement[bool]):
    """True for petitions whose indexed text contains every word typed (as prefixes)."""

    type = Boolean()
    inherit_cache = True

    def __init__(self, words: tuple[str, ...]) -> None:
        self.words = words


def _quoted(word: str, quote: str) -> str:
    # Words hold only letters and digits; doubling the quote keeps that true if this changes.
    return quote + word.replace(quote, quote * 2) + quote


@compiles(TextMatch, "sqlite")
def _sqlite_match(element: TextMatch, compiler: Any, **kw: Any) -> str:
    query = " ".join(_quoted(w, '"') + "*" for w in element.words)
    param = compiler.process(bindparam("fts_query", query, unique=True), **kw)
    return f"petitions.id IN (SELECT rowid FROM petition_fts WHERE petition_fts MATCH {param})"


@compiles(TextMatch, "postgresql")
def _postgresql_match(element: TextMatch, compiler: Any, **kw: Any) -> str:
    quoted = (_quoted(w.replace("\\", "\\\\"), "'") for w in element.words)
    query = " & ".join(f"{w}:*" for w in quoted)
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
    words = search_words(text).words
    match: ColumnElement[bool] = TextMatch(words) if words else m.Petition.id.is_(None)
    stripped = text.strip()
    if _PETITION_NUMBER.fullmatch(stripped):
        return or_(m.Petition.id == int(stripped), match)
    return match
