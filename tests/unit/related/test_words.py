"""The words petitions are matched on."""

from __future__ import annotations

from caseworker.related.words import petition_words, stem, words


def test_forms_of_one_word_match() -> None:
    assert stem("trees") == stem("tree") == "tree"
    assert stem("taxes") == "tax" and stem("churches") == "church"
    assert stem("choices") == stem("choice") == "choice"
    assert stem("studies") == "study"
    assert stem("bus") == "bus" and stem("glass") == "glass"  # not plurals


def test_words_every_petition_uses_match_nothing() -> None:
    assert words("Ban the Government from selling peat compost to the public") == [
        "sell", "peat", "compost",
    ]  # fmt: skip
    assert words(None) == [] and words("") == []
    assert words("x" * 41) == []  # a run of characters is not a word


def test_the_title_counts_twice() -> None:
    counted = petition_words("Ban peat compost", "Peat bogs store carbon.")
    assert counted["peat"] == 3 and counted["compost"] == 2 and counted["carbon"] == 1
