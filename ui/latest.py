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
        self._generation += 1
        generation = self._generation

        def if_newest(*args: Any) -> None:
            if generation == self._generation:
                callback(*args)

        return if_newest

    def forget(self) -> None:
        """Drop every answer still on its way (the clerk chose nothing, say)."""
        self._generation += 1
