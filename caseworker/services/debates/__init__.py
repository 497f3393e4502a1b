"""The Committee's debate work: debates, the calendar and the Members the clerks work with.

One object per area, all sharing the database, the clerk's name and the clock (as the
casework services do).
"""

from __future__ import annotations

from dataclasses import dataclass

from caseworker.services.casework.common import Clock
from caseworker.services.debates.calendar import CalendarService
from caseworker.services.debates.members import MemberService
from caseworker.services.debates.records import DebateService
from caseworker.storage.engine import Database


@dataclass(frozen=True)
class DebateServices:
    debates: DebateService
    members: MemberService
    calendar: CalendarService

    @classmethod
    def open(
        cls, database: Database, actor: str | None = None, clock: Clock | None = None
    ) -> DebateServices:
        return cls(
            debates=DebateService(database, actor, clock),
            members=MemberService(database, actor, clock),
            calendar=CalendarService(database, actor, clock),
        )
