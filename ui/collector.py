"""Python's cyclic garbage collector, run on the GUI thread only.

The collector runs in whichever thread happens to allocate when a threshold is crossed. If
that is a background job's thread, it may finalise the Python wrappers of Qt objects that
belong to the GUI thread, and deleting a widget from another thread can crash the process
(seen in the window tests). So automatic collection is switched off and a timer on the GUI
thread collects instead: the youngest generation often, everything now and then.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

#: How often the youngest generation is collected; every tenth time, all of them.
INTERVAL_MS = 500
FULL_EVERY = 10


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._ticks = 0
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self._collect)

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()

    def _collect(self) -> None:
        self._ticks += 1
        gc.collect(2 if self._ticks % FULL_EVERY == 0 else 0)


def collect_on_gui_thread(app: QObject) -> GuiThreadCollector:
    """Install the collector for the application's lifetime."""
    collector = GuiThreadCollector(app)
    collector.start()
    return collector
