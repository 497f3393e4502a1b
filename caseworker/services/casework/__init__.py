"""Reviewing Government responses, requesting revised ones, letters, meetings and history.

One object per area, all sharing the database, the clerk's name and the clock.
"""

from __future__ import annotations

from dataclasses import dataclass

from caseworker.services.casework.audit import AuditService
from caseworker.services.casework.common import (
    CaseworkError,
    Clock,
    EditConflict,
    RecordNotFound,
)
from caseworker.services.casework.letters import LetterService, write_letter
from caseworker.services.casework.meetings import MeetingService
from caseworker.services.casework.requests import RevisionRequestService
from caseworker.services.casework.response_chases import ResponseChaseService
from caseworker.services.casework.reviews import ReviewService
from caseworker.services.casework.settings import CaseworkSettingsService
from caseworker.storage.engine import Database

__all__ = [
    "CaseworkError",
    "CaseworkServices",
    "Clock",
    "EditConflict",
    "RecordNotFound",
    "write_letter",
]


@dataclass(frozen=True)
class CaseworkServices:
    reviews: ReviewService
    requests: RevisionRequestService
    letters: LetterService
    meetings: MeetingService
    audit: AuditService
    settings: CaseworkSettingsService
    response_chases: ResponseChaseService

    @classmethod
    def open(
        cls, database: Database, actor: str | None = None, clock: Clock | None = None
    ) -> CaseworkServices:
        return cls(
            reviews=ReviewService(database, actor, clock),
            requests=RevisionRequestService(database, actor, clock),
            letters=LetterService(database, actor, clock),
            meetings=MeetingService(database, actor, clock),
            audit=AuditService(database, actor, clock),
            settings=CaseworkSettingsService(database, actor, clock),
            response_chases=ResponseChaseService(database, actor, clock),
        )
