"""Word-level differences between two versions of a response, for a side-by-side view."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum

#: Words and the space after them, so that the text joins back exactly.
TOKEN = re.compile(r"\S+\s*|\s+")


class Change(StrEnum):
    SAME = "same"
    REMOVED = "removed"
    ADDED = "added"


@dataclass(frozen=True)
class Piece:
    text: str
    change: Change


@dataclass(frozen=True)
class SideBySide:
    """The older text with removed words marked, the newer with added words marked."""

    old: tuple[Piece, ...]
    new: tuple[Piece, ...]
    removed_words: int
    added_words: int


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text)


def compare(old: str, new: str) -> SideBySide:
    a, b = tokens(old), tokens(new)
    # Compare words without their trailing space, so re-wrapped text still matches.
    matcher = SequenceMatcher(None, [t.strip() for t in a], [t.strip() for t in b], autojunk=False)
    left: list[Piece] = []
    right: list[Piece] = []
    removed = added = 0
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            _append(left, "".join(a[i1:i2]), Change.SAME)
            _append(right, "".join(b[j1:j2]), Change.SAME)
            continue
        if i2 > i1:
            _append(left, "".join(a[i1:i2]), Change.REMOVED)
            removed += sum(1 for t in a[i1:i2] if t.strip())
        if j2 > j1:
            _append(right, "".join(b[j1:j2]), Change.ADDED)
            added += sum(1 for t in b[j1:j2] if t.strip())
    return SideBySide(tuple(left), tuple(right), removed, added)


def _append(pieces: list[Piece], text: str, change: Change) -> None:
    if not text:
        return
    if pieces and pieces[-1].change is change:
        pieces[-1] = Piece(pieces[-1].text + text, change)
    else:
        pieces.append(Piece(text, change))
