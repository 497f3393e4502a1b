"""Search with hostile text: nothing typed reaches either database as query syntax."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest

from caseworker.importing.importer import import_paths
from caseworker.services.petitions import PetitionQuery, PetitionService
from caseworker.services.search import MAX_WORD_LENGTH, MAX_WORDS, is_word_character, search_words
from caseworker.storage.engine import Database
from caseworker.storage.fulltext import SQLITE_CREATE
from tests.unit.services.captures import single, write

TITLE = "Ban snake_case names, x² values and café menus"

HOSTILE = [
    "²",
    "١٢٣",
    "½ Ⅻ",
    "!!! ??? ... ---",
    "snake_case",
    "___",
    '"',
    "'",
    '"unbalanced',
    "it's",
    "a AND b OR c NOT d",
    "NEAR(snake ban)",
    "snake*",
    "*",
    "^ban",
    "title:x",
    "document:snake",
    "{document}: snake",
    "a & b | !c <-> d:*",
    "(",
    "\\",
    "\x00",
    "snake\x00case",
    "\x1b[2J",
    "\u202eevil",
    "x" * 10_000,
    "a " * 5_000,
    "a_" * 5_000,
    " ".join(f"w{i}" for i in range(20_000)),
]


@pytest.fixture
def service(database: Database, tmp_path: Path) -> PetitionService:
    write(tmp_path, "1.json", single(1, action=TITLE))
    write(tmp_path, "2.json", single(2, action="Something else entirely"))
    assert import_paths(database.engine, [tmp_path]).failed == 0
    return PetitionService(database)


def found(service: PetitionService, text: str) -> list[int]:
    return sorted(p.id for p in service.list_petitions(PetitionQuery(search=text)))


@pytest.mark.parametrize("text", HOSTILE, ids=lambda t: repr(t[:16]) + f"[{len(t)}]")
def test_hostile_search_is_a_search(service: PetitionService, text: str) -> None:
    assert set(found(service, text)) <= {1, 2}
    assert service.count(PetitionQuery(search=text)) == len(found(service, text))


@pytest.mark.parametrize(
    "text",
    ["snake_case", "SNAKE_CASE", "x²", "CAFÉ", "cafe\u0301", "snake:", '"snake', "snake*",
     "(snake)", "snake " * 5_000, "snake " + "!" * 10_000, "snake\x00"],
)  # fmt: skip
def test_words_inside_hostile_text_still_find(service: PetitionService, text: str) -> None:
    assert found(service, text) == [1]


def test_a_superscript_digit_is_not_a_petition_number(service: PetitionService) -> None:
    assert found(service, "²") == []
    assert found(service, "1") == [1]


def test_long_searches_are_trimmed_and_say_so() -> None:
    assert search_words("snake case").trimmed is False
    many = search_words(" ".join(f"w{i}" for i in range(100)))
    assert many.words == tuple(f"w{i}" for i in range(MAX_WORDS))
    assert many.trimmed
    long = search_words("y" * 1_000)
    assert long.words == ("y" * MAX_WORD_LENGTH,)
    assert long.trimmed
    assert search_words("a " * 100).words == ("a",)


def test_words_split_where_the_sqlite_index_splits() -> None:
    """Every character kept inside a word is one FTS5 token character (or an accent it drops).

    Each such character is indexed between two letters; a separator would make two tokens of
    that word, and the same word typed as a search would become a phrase, which the index
    refuses ("phrase queries are not supported").
    """
    connection = sqlite3.connect(":memory:")
    create = SQLITE_CREATE[0].replace("detail=column", "detail=full")
    connection.execute(create)
    connection.execute("CREATE VIRTUAL TABLE vocab USING fts5vocab(petition_fts, 'instance')")
    kept = [
        chr(c)
        for c in range(0x20, sys.maxunicode + 1)
        if not 0xD800 <= c < 0xE000 and is_word_character(chr(c))
    ]
    document = " ".join(f"q{c}z" for c in kept)
    connection.execute("INSERT INTO petition_fts(rowid, document) VALUES (1, ?)", (document,))
    (tokens,) = connection.execute("SELECT count(*) FROM vocab").fetchone()
    assert tokens == len(kept)
    assert not is_word_character("_")
