"""Constituency names compared as people write them: "&" or "and", accents, punctuation, case."""

from __future__ import annotations

import re
import unicodedata

_NOT_WORD = re.compile(r"[^a-z0-9]+")


def name_key(name: str) -> str:
    """A key equal for two spellings of one constituency name.

    ``"Montgomeryshire and Glyndŵr"`` and ``"Montgomeryshire & Glyndwr"`` share a key; so do
    ``"Ynys Môn"`` and ``"Ynys Mon"``, and ``"Weston-super-Mare"`` and ``"Weston super Mare"``.
    """
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    words = plain.lower().replace("&", " and ")
    return _NOT_WORD.sub(" ", words).strip()
