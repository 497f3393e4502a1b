"""Reading the append-only history of the Committee's records."""

from __future__ import annotations

from sqlalchemy import select

from caseworker.services.casework.common import CaseworkServiceBase
from caseworker.services.casework.views import AuditEntryView
from caseworker.storage.casework_models import AuditEvent


class AuditService(CaseworkServiceBase):
    def for_petition(self, petition_id: int) -> list[AuditEntryView]:
        """Every recorded change about the petition, newest first."""
        a = AuditEvent
        query = select(a).where(a.petition_id == petition_id).order_by(a.at.desc(), a.id.desc())
        with self._sessions() as session:
            return [
                AuditEntryView(
                    e.at,
                    e.actor,
                    e.subject,
                    e.subject_id,
                    e.action,
                    e.field,
                    e.old_value,
                    e.new_value,
                )  # fmt: skip
                for e in session.scalars(query)
            ]
