"""The Committee's debate work: debates, the calendar, the Members the clerks work with, the
decisions at 100,000 signatures, public engagement and the parliamentary material of packs.

One object per area, all sharing the database, the clerk's name and the clock (as the
casework services do).
"""

from __future__ import annotations

from dataclasses import dataclass

from caseworker.services.casework.common import Clock
from caseworker.services.debates.calendar import CalendarService
from caseworker.services.debates.decisions import DebateDecisionService
from caseworker.services.debates.engagement import EngagementService
from caseworker.services.debates.material import MaterialService
from caseworker.services.debates.members import MemberService
from caseworker.services.debates.records import DebateService
from caseworker.storage.engine import Database


@dataclass(frozen=True)
class DebateServices:
    debates: DebateService
    members: MemberService
    calendar: CalendarService
    decisions: DebateDecisionService
    engagement: EngagementService
    material: MaterialService

    @classmethod
    def open(
        cls, database: Database, actor: str | None = None, clock: Clock | None = None
    ) -> DebateServices:
        return cls(
            debates=DebateService(database, actor, clock),
            members=MemberService(database, actor, clock),
            calendar=CalendarService(database, actor, clock),
            decisions=DebateDecisionService(database, actor, clock),
            engagement=EngagementService(database, actor, clock),
            material=MaterialService(database, actor, clock),
        )
