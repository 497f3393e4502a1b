"""What a map colours seats by."""

from __future__ import annotations

import enum


class Measure(enum.Enum):
    """Signatures per 1,000 electors (compares seats of different sizes), or the raw count."""

    RATE = "rate"
    COUNT = "count"

    @property
    def label(self) -> str:
        """How the measure is named in a legend or a column heading."""
        return "Signatures per 1,000 electors" if self is Measure.RATE else "Signatures"
