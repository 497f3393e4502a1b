"""Key terms of a petition's request, and word-level differences between versions."""

from __future__ import annotations

from caseworker.domain.keyterms import coverage, find_terms, key_terms
from caseworker.domain.textdiff import Change, compare

REQUEST = "Make neurodiversity training mandatory for all education staff"


def test_key_terms_skip_grammar_and_petition_boilerplate() -> None:
    assert [t.word for t in key_terms(REQUEST)] == [
        "neurodiversity", "training", "mandatory", "education", "staff",
    ]  # fmt: skip


def test_related_forms_match() -> None:
    terms = key_terms("Ban trophy hunting imports")
    spans = find_terms("Imported trophies from hunts are banned.", terms)
    assert [s.stem for s in spans] == ["import", "trophy", "hunt", "ban"]


def test_coverage_names_what_the_response_leaves_out() -> None:
    dodge = coverage(REQUEST, "We are investing in teacher training and the PINS programme.")
    assert dodge.summary == (
        "The response uses 1 of 5 key terms; not used: neurodiversity, mandatory, education, staff."
    )
    direct = coverage(REQUEST, "No plans to make neurodiversity training mandatory for staff "
                      "in education.")  # fmt: skip
    assert direct.summary == "The response uses 5 of 5 key terms."


def test_word_diff_marks_removed_and_added_words_and_rejoins_exactly() -> None:
    old = "We are improving  teacher training.\n\nDepartment for Education"
    new = "We have no plans to make training mandatory.\n\nDepartment for Education"
    diff = compare(old, new)
    assert "".join(p.text for p in diff.old) == old
    assert "".join(p.text for p in diff.new) == new
    removed = "".join(p.text for p in diff.old if p.change is Change.REMOVED)
    added = "".join(p.text for p in diff.new if p.change is Change.ADDED)
    assert "improving" in removed and "teacher" in removed
    assert "mandatory" in added and "plans" in added
    assert "Education" not in removed + added


def test_rewrapped_text_is_not_a_difference() -> None:
    diff = compare("one two three", "one\ntwo   three")
    assert (diff.removed_words, diff.added_words) == (0, 0)
