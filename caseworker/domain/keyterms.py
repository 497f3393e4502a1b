"""Key terms of a petition's request, and where a response uses them.

A clerk's first question of a response is whether it answers what was asked. The request is
the petition's ``action`` (its title); its content words, matched loosely (``trained`` finds
``training``), show at a glance which parts of the ask the response engages with at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ'’-]*")

#: Words that say nothing about what is asked: grammar, and the stock verbs of petitions.
STOP_WORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "him",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "government",
        "uk",
        "gov",
        "petition",
        "petitions",
        "parliament",
        "people",
        "public",
        "make",
        "making",
        "made",
        "ensure",
        "introduce",
        "stop",
        "allow",
        "give",
        "require",
        "must",
        "need",
        "needs",
        "new",
        "law",
        "laws",
        "legislation",
        "change",
        "policy",
        "all",
        "every",
        "everyone",
        "must",
    ]
)

#: Endings folded so that related forms match; longest first.
SUFFIXES = ("ations", "ation", "ings", "ing", "ed", "es", "s", "ly", "ment")


def stem(word: str) -> str:
    """A crude stem, good enough to match forms of the same word in a short text:
    ``banned`` and ``bans`` find ``ban``, ``trophies`` finds ``trophy``."""
    w = word.lower().replace("’", "'").strip("'-")
    if w.endswith("'s"):
        w = w[:-2]
    if w.endswith(("ies", "ied")) and len(w) > 4:
        return w[:-3] + "y"
    for suffix in SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            base = w[: -len(suffix)]
            # A doubled final consonant before the ending (bann-ed, runn-ing) is single.
            if len(base) >= 4 and base[-1] == base[-2] and base[-1] not in "aeioulsz":
                base = base[:-1]
            return base
    return w


@dataclass(frozen=True)
class KeyTerm:
    word: str
    stem: str


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    stem: str


def key_terms(request: str) -> tuple[KeyTerm, ...]:
    """The content words of the request, first use of each stem, in the request's order."""
    terms: dict[str, KeyTerm] = {}
    for match in WORD.finditer(request):
        word = match.group()
        s = stem(word)
        if len(s) < 3 or word.lower() in STOP_WORDS or s in STOP_WORDS or s in terms:
            continue
        terms[s] = KeyTerm(word, s)
    return tuple(terms.values())


def find_terms(text: str, terms: tuple[KeyTerm, ...]) -> list[Span]:
    """Where in ``text`` any of the terms appears, in order."""
    wanted = {t.stem for t in terms}
    spans = []
    for match in WORD.finditer(text):
        s = stem(match.group())
        if s in wanted:
            spans.append(Span(match.start(), match.end(), s))
    return spans


@dataclass(frozen=True)
class Coverage:
    """Which of the request's key terms a response uses."""

    terms: tuple[KeyTerm, ...]
    used: frozenset[str]

    @property
    def missing(self) -> tuple[KeyTerm, ...]:
        return tuple(t for t in self.terms if t.stem not in self.used)

    @property
    def summary(self) -> str:
        if not self.terms:
            return "The request has no key terms to look for."
        line = f"The response uses {len(self.used)} of {len(self.terms)} key terms"
        if self.missing:
            return line + "; not used: " + ", ".join(t.word for t in self.missing) + "."
        return line + "."


def coverage(request: str, response: str) -> Coverage:
    terms = key_terms(request)
    return Coverage(terms, frozenset(span.stem for span in find_terms(response, terms)))
