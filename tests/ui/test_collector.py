"""Python's collector runs on the GUI thread, not in whichever thread allocates."""

from __future__ import annotations

import gc
import weakref

from pytestqt.qtbot import QtBot

from ui.collector import GuiThreadCollector


class Node:
    other: object


def test_automatic_collection_is_off_and_the_timer_collects_cycles(
    qtbot: QtBot, collector: GuiThreadCollector
) -> None:
    assert not gc.isenabled()
    a, b = Node(), Node()
    a.other, b.other = b, a
    gone = weakref.ref(a)
    del a, b
    # Only the GUI thread's timer can free the cycle now.
    qtbot.waitUntil(lambda: gone() is None, timeout=30_000)
