"""The opening Member's seat: what the pack's maps and Members section point out.

The Committee's record names the opening Member from the Members list, with their
constituency (and its code when the clerk entered one). A pack made for chosen petitions
has no record, so no seat is pointed out there.
"""

from __future__ import annotations

from dataclasses import dataclass

from caseworker.briefing.model import BriefingPack
from caseworker.reference import lookup
from caseworker.reference.model import Seat


@dataclass(frozen=True)
class OpeningSeat:
    member: str
    seat: Seat

    @property
    def code(self) -> str:
        return self.seat.code


def opening_seat(pack: BriefingPack) -> OpeningSeat | None:
    """The seat of the record's opening Member, found by code, else by name."""
    member = pack.debate.opening_member if pack.debate is not None else None
    if member is None or not (member.constituency_code or member.constituency):
        return None
    seat = lookup.find_seat(member.constituency_code or "", member.constituency or None)
    return OpeningSeat(member.styled, seat) if seat is not None else None
