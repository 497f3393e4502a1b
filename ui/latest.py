"""Drop stale results: only the answer to the newest request is shown.

A clerk moving down the list starts a read for each petition; answers may come back in any
order. ``Latest`` replaces the hand-written generation counters::

    self._detail = Latest()
    runner.read(load, succeeded=self._detail.only_newest(self.view.show_petition))
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class Latest:
    """Counts requests; a callback wrapped for one request is ignored once a newer one starts."""

    def __init__(self) -> None:
        self._generation = 0

    def only_newest(self, callback: Callable[..., Any]) -> Callable[..., None]:
        """Start a new request; the returned callback runs ``callback`` only if none is newer."""
        return self.newest(callback)[0]

    def newest(self, *callbacks: Callable[..., Any]) -> tuple[Callable[..., None], ...]:
        """Start one request answered by any of ``callbacks`` (succeeded, failed, ...): each
        runs only if no newer request has started by the time it is called."""
        self._generation += 1
        return self.current(*callbacks)

    def current(self, *callbacks: Callable[..., Any]) -> tuple[Callable[..., None], ...]:
        """``callbacks`` belonging to the newest request, not starting another: several
        reads answer one request (a list's count and its pages), any of them dropped once a
        newer request starts (``newest`` or ``forget``)."""
        generation = self._generation

        def guarded(callback: Callable[..., Any]) -> Callable[..., None]:
            def if_newest(*args: Any) -> None:
                if generation == self._generation:
                    callback(*args)

            return if_newest

        return tuple(guarded(c) for c in callbacks)

    def forget(self) -> None:
        """Drop every answer still on its way (the clerk chose nothing, say)."""
        self._generation += 1
