"""Recognising versions of a Government response across captures.

The site overwrites a revised response and, by convention, copies the old text into an
``other_parliamentary_business`` item headed "Original Government response". Captures of
the same text can differ in formatting (the Markdown-to-text conversion changed in 2025), so
versions are compared on their words alone.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
# Links are where the 2025 conversion differs most: "GOV.UK (https://www.gov.uk)" became
# "GOV.UK[1]" plus a footnote "[1]: https://www.gov.uk". Addresses and footnote marks are
# therefore left out of the words, so both renderings of one response agree.
_FOOTNOTE_LINE = re.compile(r"^[ \t]*\[\d+\]:[ \t]*\S+[ \t]*$", re.MULTILINE)
_FOOTNOTE_MARK = re.compile(r"\[\d+\]")
_ADDRESS = re.compile(r"(?:\b[a-z][a-z0-9+.-]*://|\bwww\.)\S+", re.IGNORECASE)
_FORMER_RESPONSE = re.compile(
    r"\b(original|previous|earlier|first|superseded|old)\b.{0,40}\bresponse\b"
    r"|\bresponse\b.{0,20}\b(replaced|superseded|revised)\b",
    re.IGNORECASE | re.DOTALL,
)


def words(text: str | None) -> str:
    """The text reduced to its words: case, punctuation, white space and links folded."""
    if not text:
        return ""
    folded = unicodedata.normalize("NFKC", text).casefold()
    # Each pass costs a scan of the whole text; most texts have no footnotes or addresses.
    if "[" in folded:
        folded = _FOOTNOTE_LINE.sub(" ", folded)
        folded = _FOOTNOTE_MARK.sub(" ", folded)
    if "://" in folded or "www." in folded:
        folded = _ADDRESS.sub(" ", folded)
    return _NON_WORD.sub(" ", folded).strip()


def fingerprint(summary: str | None, details: str | None) -> str:
    """A stable identity for one version of a response's text."""
    payload = words(summary) + "\x00" + words(details)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def looks_like_former_response(subject: str) -> bool:
    """True for the site's "Original Government response" items and their variants."""
    return bool(_FORMER_RESPONSE.search(subject)) and "government" in subject.casefold()


def is_copy_of(summary: str | None, details: str | None, body: str | None) -> bool:
    """True when ``body`` (a business item) carries this response's text.

    The details are the distinctive part: a revision often keeps the summary, so the summary
    alone only decides when the response has no details.
    """
    haystack = words(body)
    needle = words(details) or words(summary)
    # Whole words only: "on" is not a copy of "London".
    return bool(needle) and f" {needle} " in f" {haystack} "


def split_former_response(body: str) -> tuple[str, str | None]:
    """Summary and details of a response known only from its copy: first paragraph, the rest."""
    stripped = body.strip()
    head, sep, rest = stripped.partition("\n\n")
    if sep and len(head) <= 500:
        return head.strip(), rest.strip() or None
    return "", stripped
