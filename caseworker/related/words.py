"""The words a petition is matched on: lower case, common words left out, endings trimmed.

Petition titles are short imperatives ("Ban the sale of peat compost"), so the words that say
what a petition is about are its nouns; the verbs every petition uses ("ban", "introduce",
"make") and the words every petition shares ("government", "UK") would match everything.
"""

from __future__ import annotations

import re
from collections import Counter

#: Longer than this is not a word (a URL, a run of digits): it could match nothing useful.
LONGEST = 40

_WORD = re.compile(r"[a-z0-9]+")

#: English function words, and the words of petitions in general (so they match nothing).
_STOP_TEXT = """
    a about above after again against all also am an and any are as at be been before being
    below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers him his how i if in into is it its itself
    just me more most must my no nor not now of off on once only or other our ours out over
    own same shall she should so some such than that the their theirs them then there these
    they this those through to too under until up very was we were what when where which
    while who whom why will with would you your yours
    uk british britain government governments people public petition petitions parliament
    please ensure allow allowing stop ban introduce need needs provide give new make law laws
    act call calling urge asking ask want many every
"""
STOP_WORDS = frozenset(_STOP_TEXT.split())

#: Endings trimmed from a word, longest first, and what replaces each ("studies" -> "study").
_ENDINGS = (
    ("ational", "ate"),
    ("ization", "ize"),
    ("ments", ""),
    ("ment", ""),
    ("ness", ""),
    ("ings", ""),
    ("ing", ""),
    ("ies", "y"),
    ("ied", "y"),
    ("ed", ""),
)
#: "es" is a plural ending only after these ("taxes", "boxes", "churches"; not "choices").
_ES_AFTER = ("s", "x", "z", "ch", "sh")


def stem(word: str) -> str:
    """``"trees"`` -> ``"tree"``, ``"banning"`` -> ``"bann"``: close enough to match forms of
    one word, never so short as to join unrelated ones (at least four letters are kept)."""
    for ending, replacement in _ENDINGS:
        if len(word) > len(ending) + 3 and word.endswith(ending):
            return word[: len(word) - len(ending)] + replacement
    if len(word) > 4 and word.endswith("es") and word[:-2].endswith(_ES_AFTER):
        return word[:-2]
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def words(text: str | None) -> list[str]:
    """The matching words of ``text``, in order, repeats kept."""
    if not text:
        return []
    return [
        stem(w)
        for w in _WORD.findall(text.lower())
        if w not in STOP_WORDS and 1 < len(w) <= LONGEST
    ]


def petition_words(action: str, background: str | None) -> Counter[str]:
    """How often each word occurs; the title counts twice (it says what the petition asks)."""
    title = words(action)
    return Counter(title + title + words(background))
