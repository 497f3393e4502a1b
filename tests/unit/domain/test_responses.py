"""Recognising versions of a Government response (caseworker.domain.responses)."""

from __future__ import annotations

import pytest

from caseworker.domain.responses import (
    fingerprint,
    is_copy_of,
    looks_like_former_response,
    split_former_response,
    words,
)

# --- words ----------------------------------------------------------------------------------


def test_words_fold_case_punctuation_and_space() -> None:
    assert words("  The Government's  response:\r\n\r\n* It is — “clear”.  ") == (
        "the government s response it is clear"
    )


def test_words_of_nothing() -> None:
    assert words(None) == "" and words("") == "" and words(" \n -- ") == ""


def test_curly_and_straight_apostrophes_agree() -> None:
    assert words("Government’s view") == words("Government's view")


def test_words_keep_letters_of_every_language() -> None:
    assert words("Llŷn, Ŵyn a Môn — CAFÉ") == "llŷn ŵyn a môn café"


def test_compatibility_characters_are_normalised() -> None:
    assert words("ＧＯＶ．ＵＫ ﬁnance") == "gov uk finance"


def test_links_and_footnotes_are_left_out() -> None:
    assert words("See GOV.UK (https://www.gov.uk/x) or www.example.org/y.") == "see gov uk or"
    assert words("See GOV.UK[1].\n\n[1]: https://www.gov.uk/x") == "see gov uk"


# --- fingerprint ----------------------------------------------------------------------------

PRE_2025 = (
    "Find out more at GOV.UK (https://www.gov.uk/libraries).\r\n\r\n"
    "Support\r\n• Grants for councils\r\n• Advice\r\n\r\nDepartment for Culture"
)
POST_2025 = (
    "Find out more at GOV.UK[1].\n\nSupport\n-------\n\n* Grants for councils\n* Advice\n\n"
    "Department for Culture\n\n[1]: https://www.gov.uk/libraries"
)


def test_fingerprint_is_stable_across_the_2025_text_conversion() -> None:
    assert fingerprint("A summary.", PRE_2025) == fingerprint("A summary.", POST_2025)


def test_fingerprint_ignores_white_space_and_line_endings() -> None:
    assert fingerprint("S", "one\r\ntwo") == fingerprint("S ", "one\n\ntwo  ")


def test_fingerprint_changes_with_the_words() -> None:
    assert fingerprint("S", "We will act.") != fingerprint("S", "We will not act.")
    assert fingerprint("We agree.", "D") != fingerprint("We disagree.", "D")


def test_fingerprint_keeps_summary_and_details_apart() -> None:
    assert fingerprint("a b", "c") != fingerprint("a", "b c")
    assert fingerprint("", "text") != fingerprint("text", None)


def test_fingerprint_treats_null_and_empty_alike() -> None:
    assert fingerprint(None, None) == fingerprint("", "")
    assert fingerprint("S", None) == fingerprint("S", "")


def test_fingerprint_is_a_sha256_hex_digest() -> None:
    value = fingerprint("S", "D")
    assert len(value) == 64 and int(value, 16) >= 0


# --- looks_like_former_response ---------------------------------------------------------------


@pytest.mark.parametrize(
    "subject",
    [
        "Original Government response",
        "Original Government Response",
        "ORIGINAL GOVERNMENT RESPONSE",
        "Original Government response:\r\nThe Government announced an unprecedented package...",
        "The Government's original response",
        "Previous Government response to this petition",
        "Government response (superseded)",
        "Government response replaced",
        "Earlier Government response",
    ],
)
def test_former_response_subjects(subject: str) -> None:
    assert looks_like_former_response(subject)


@pytest.mark.parametrize(
    "subject",
    [
        "Petitions Committee questions Government on its response to coronavirus",
        "Government respond to report on prioritising the climate and nature",
        "Government publishes revised strategy",
        "Government response to the first report of the Committee",
        "MPs to debate the original petition",
        "Original response",  # not said to be the Government's
        "Revised Government response",
        "",
    ],
)
def test_other_subjects_are_not_former_responses(subject: str) -> None:
    assert not looks_like_former_response(subject)


# --- is_copy_of -----------------------------------------------------------------------------

SUMMARY = "We have no plans to change the law."
DETAILS = "The Allotments Acts protect sites.\r\n\r\nMinistry of Housing"


def test_copy_with_trailer_and_different_line_breaks() -> None:
    body = (
        "We have no plans to change the law.\nThe Allotments Acts protect sites.\n"
        "Ministry of Housing\nThis response was given on 20 February 2024. The Petitions "
        "Committee then requested a revised response."
    )
    assert is_copy_of(SUMMARY, DETAILS, body)


def test_copy_is_decided_on_the_details() -> None:
    # A revision that keeps the summary is not a copy of the old details.
    assert not is_copy_of(SUMMARY, "Entirely new details.", f"{SUMMARY}\n{DETAILS}")


def test_summary_decides_when_there_are_no_details() -> None:
    assert is_copy_of(SUMMARY, None, f"Original: {SUMMARY}")
    assert not is_copy_of(SUMMARY, None, "Something else")


def test_nothing_is_a_copy_of_an_empty_response() -> None:
    assert not is_copy_of("", None, "any body")
    assert not is_copy_of("", "", "")


def test_whole_words_only() -> None:
    assert not is_copy_of("", "on", "London")
    assert not is_copy_of("", "act now", "We will react nowhere")
    assert is_copy_of("", "act now", "We must act now.")


def test_copy_survives_the_2025_link_conversion() -> None:
    assert is_copy_of("A summary.", PRE_2025, "Original response\n" + POST_2025)


def test_no_body() -> None:
    assert not is_copy_of(SUMMARY, DETAILS, None)


# --- split_former_response ------------------------------------------------------------------


def test_split_first_paragraph_is_the_summary() -> None:
    assert split_former_response("  Summary line.\n\nDetail one.\n\nDetail two.\n") == (
        "Summary line.",
        "Detail one.\n\nDetail two.",
    )


def test_split_without_a_blank_line_keeps_everything_as_details() -> None:
    body = "Summary line.\nDetail one.\nDetail two."
    assert split_former_response(body) == ("", body)


def test_split_long_first_paragraph_is_not_a_summary() -> None:
    head = "x" * 501
    body = f"{head}\n\nrest"
    assert split_former_response(body) == ("", body)


def test_split_summary_only() -> None:
    assert split_former_response("Summary.\n\n   ") == ("", "Summary.")
