"""Progress and cancellation shared by every long operation (import, demo, export)."""

from __future__ import annotations

from collections.abc import Callable

#: ``progress(done, total, label)``; ``total`` is 0 while unknown.
ProgressCallback = Callable[[int, int, str], None]
#: Returns True once the user has asked to stop.
CancelCheck = Callable[[], bool]


class Cancelled(Exception):
    """Raised by a long operation when its ``cancelled()`` check returns True."""


def no_progress(done: int, total: int, label: str) -> None:
    """A progress callback that ignores every report."""


def never_cancelled() -> bool:
    return False
