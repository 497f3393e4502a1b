"""Where a petition's signatures come from, seat by seat: rates per 1,000 electors, classes
and a palette for maps, the Members to invite, and signals worth a look.

Built on the shipped constituency data in :mod:`caseworker.reference`; never imports Qt, so
the window, the pack and the command line share it.
"""

from __future__ import annotations

from caseworker.geography.classes import (
    MOST_CLASSES,
    NO_DATA,
    NO_DATA_LABEL,
    PALETTE,
    PALETTES,
    Classes,
    classes,
)
from caseworker.geography.figures import (
    PetitionGeography,
    SeatFigures,
    UnmatchedRow,
    choose_boundary_set,
    join_rows,
    petition_geography,
)
from caseworker.geography.measures import Measure
from caseworker.geography.members import MemberRow, members_to_invite
from caseworker.geography.signals import (
    Signal,
    SignalKind,
    outside_uk_signals,
    seat_jump_signals,
    seat_rate_signals,
    signals,
)

__all__ = [
    "MOST_CLASSES",
    "NO_DATA",
    "NO_DATA_LABEL",
    "PALETTE",
    "PALETTES",
    "Classes",
    "Measure",
    "MemberRow",
    "PetitionGeography",
    "SeatFigures",
    "Signal",
    "SignalKind",
    "UnmatchedRow",
    "choose_boundary_set",
    "classes",
    "join_rows",
    "members_to_invite",
    "outside_uk_signals",
    "petition_geography",
    "seat_jump_signals",
    "seat_rate_signals",
    "signals",
]
