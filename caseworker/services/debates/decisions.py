"""The Committee's decisions on petitions that reached 100,000 signatures: schedule a debate,
decline (with the reason and the debates named), defer, group with another petition, or seek
more information first.

A decision may be recorded with the meeting that made it (the meeting is recorded with its
first decision, as for responses). Scheduling and grouping go through the debate service, so
its refusals (a slot already taken, an unknown Member, a petition already in a debate) are
the same here. Every decision is written to the petition's audit history.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.domain import rules
from caseworker.domain.debates import DEFAULT_START, DebateDecisionKind
from caseworker.services.casework.common import (
    AuditEntry,
    CaseworkError,
    CaseworkServiceBase,
    Clock,
    RecordNotFound,
    check_version,
    record_audit,
)
from caseworker.services.casework.meetings import MeetingService
from caseworker.services.casework.views import DebateDecisionNote
from caseworker.services.debates.records import PENDING_STATUSES, DebateService
from caseworker.services.debates.views import DebateView
from caseworker.services.errors import PetitionNotFound
from caseworker.storage import models as m
from caseworker.storage.casework_models import CommitteeMeeting
from caseworker.storage.debate_models import CommitteeDebate, DebateDecision
from caseworker.storage.engine import Database

SUBJECT = "debate-decision"
NEEDS_REASON = "Say why the Committee decided not to schedule a debate"
NEEDS_OTHER = "Give the e-petition it is to be debated with"


@dataclass(frozen=True)
class DebateDecisionView:
    id: int
    petition_id: int
    #: A ``DebateDecisionKind`` value.
    decision: str
    reason: str
    #: decline: the earlier debates named ("5 June 2023, e-petition 600000").
    debates_named: str
    #: schedule and group: the Committee's debate the petition went to.
    debate_id: int | None
    #: group: the petition it is to be debated with.
    group_with_id: int | None
    decided_on: date
    #: The meeting that decided, when recorded with one.
    meeting_id: int | None
    meets_on: date | None
    decided_at: datetime
    decided_by: str
    version: int
    #: The version of the debate this decision made (schedule, or group with a petition in
    #: no debate), as ``record`` returns it: undoing the decision removes that debate too.
    #: None when the decision made none, and on views read back later.
    made_debate_version: int | None = None

    @property
    def note(self) -> DebateDecisionNote:
        return DebateDecisionNote(
            self.id, self.petition_id, self.decision, self.reason, self.debates_named,
            self.debate_id, self.group_with_id, self.version,
        )  # fmt: skip

    @property
    def label(self) -> str:
        return self.note.label

    @property
    def summary(self) -> str:
        return self.note.summary


class DebateDecisionService(CaseworkServiceBase):
    def __init__(
        self, database: Database, actor: str | None = None, clock: Clock | None = None
    ) -> None:
        super().__init__(database, actor, clock)
        # Meetings and debates are opened and placed through their own services.
        self._database = database

    def history(self, petition_id: int) -> list[DebateDecisionView]:
        """The Committee's decisions on the petition, newest first."""
        d = DebateDecision
        query = (
            select(d)
            .where(d.petition_id == petition_id)
            .order_by(d.decided_on.desc(), d.decided_at.desc(), d.id.desc())
        )
        with self._sessions() as session:
            return _views(session, list(session.scalars(query)))

    def get(self, decision_id: int) -> DebateDecisionView:
        with self._sessions() as session:
            return _views(session, [_decision(session, decision_id)])[0]

    def record(
        self, petition_id: int, kind: DebateDecisionKind | str, *, reason: str = "",
        meeting_on: date | None = None, debate_id: int | None = None,
        group_with: int | None = None, debates_named: str = "", decided_on: date | None = None,
        day: date | None = None, starts_at: time = DEFAULT_START,
        opening_member: str | None = None, expected_version: int | None = None,
    ) -> DebateDecisionView:  # fmt: skip
        """Record the Committee's decision (or change the one at the same meeting, given
        the version last seen).

        ``schedule`` places the petition in ``debate_id`` or in a new debate (on ``day``,
        opened by ``opening_member``; proposed without a day); ``group`` puts it in the
        pending debate of ``group_with``, or proposes a debate of both.
        """
        chosen = _kind(kind)
        values: dict[str, Any] = {
            "decision": chosen.value,
            "reason": _clean(reason),
            "debates_named": _clean(debates_named),
            "group_with_id": group_with if chosen is DebateDecisionKind.GROUP else None,
        }
        if chosen is DebateDecisionKind.DECLINE and not values["reason"]:
            raise CaseworkError(NEEDS_REASON, field="reason")
        if chosen is DebateDecisionKind.GROUP:
            if group_with is None:
                raise CaseworkError(NEEDS_OTHER, field="group_with")
            if group_with == petition_id:
                raise CaseworkError(
                    f"e-petition {petition_id} cannot be grouped with itself", field="group_with"
                )
        with self._sessions() as session:
            _check_petition(session, petition_id)
            if group_with is not None and chosen is DebateDecisionKind.GROUP:
                _check_petition(session, group_with, field="group_with")
            if debate_id is not None:
                _debate(session, debate_id)
            existing = _at_meeting(session, petition_id, meeting_on)
            if existing is not None:
                check_version("The debate decision", existing, expected_version)
                if existing.decision == chosen.value and debate_id is None:
                    # Changed wording of the same decision: the debate it placed stands.
                    debate_id = existing.debate_id
        meeting_id = None
        if meeting_on is not None:
            meeting_id = (
                MeetingService(self._database, self.actor, self.clock)
                .open_meeting(meeting_on)
                .recorded_id
            )
        values["decided_on"] = decided_on or meeting_on or self.clock.today()
        values["meeting_id"] = meeting_id
        values["debate_id"], made = self._place(
            chosen, petition_id, debate_id, group_with, day, starts_at, opening_member
        )
        try:
            stored = self._store(petition_id, values, meeting_on, expected_version)
            return replace(stored, made_debate_version=made.version) if made else stored
        except BaseException:
            if made is not None:
                # The decision was not stored: nor is the debate made for it.
                self._debates().delete(made.id, made.version)
            raise

    def clear(
        self, decision_id: int, expected_version: int, *, made_debate_version: int | None = None
    ) -> None:
        """Remove a recorded decision: only to undo recording it. Given the version of the
        debate it made (``DebateDecisionView.made_debate_version``), that debate goes too,
        in the same transaction; a debate changed since is refused as an edit conflict, and
        nothing is removed. A debate the petition joined stays."""
        with self._writing("The debate decision") as session:
            row = _decision(session, decision_id, lock=True)
            check_version("The debate decision", row, expected_version)
            made = None
            if made_debate_version is not None and row.debate_id is not None:
                made = session.get(CommitteeDebate, row.debate_id, with_for_update=True)
                if made is not None:
                    check_version("Debate", made, made_debate_version)
            self._audit(session, row, "deleted")
            session.delete(row)
            if made is not None:
                session.flush()
                DebateService.audit_deletion(session, made, self.actor, self.clock.now())
                session.delete(made)

    # Placing and storing -------------------------------------------------------------------

    def _debates(self) -> DebateService:
        return DebateService(self._database, self.actor, self.clock)

    def _place(
        self, kind: DebateDecisionKind, petition_id: int, debate_id: int | None,
        group_with: int | None, day: date | None, starts_at: time, opening_member: str | None,
    ) -> tuple[int | None, DebateView | None]:  # fmt: skip
        """The debate a schedule or group decision places the petition in, and the debate
        made for it (None when it joined one already recorded)."""
        debates = self._debates()
        made = None
        if kind is DebateDecisionKind.SCHEDULE:
            if debate_id is not None:
                return _join(debates, debates.get(debate_id), petition_id), None
            made = debates.schedule(
                [petition_id], day=day, starts_at=starts_at, opening_member=opening_member
            )
        elif kind is DebateDecisionKind.GROUP and group_with is not None:
            pending = [d for d in debates.for_petition(group_with) if d.status in PENDING_STATUSES]
            if pending:
                return _join(debates, pending[0], petition_id), None
            made = debates.schedule([group_with, petition_id], day=day, starts_at=starts_at,
                                    opening_member=opening_member)  # fmt: skip
        return (made.id if made else debate_id), made

    def _store(
        self, petition_id: int, values: dict[str, Any], meeting_on: date | None,
        expected_version: int | None,
    ) -> DebateDecisionView:  # fmt: skip
        with self._writing(f"The debate decision on e-petition {petition_id}") as session:
            row = _at_meeting(session, petition_id, meeting_on, lock=True)
            now = self.clock.now()
            if row is None:
                row = DebateDecision(
                    petition_id=petition_id, decided_at=now, decided_by=self.actor, **values
                )
                session.add(row)
                session.flush()
                self._audit(session, row, "created", {k: (None, v) for k, v in values.items()})
            else:
                check_version("The debate decision", row, expected_version)
                changed = {k: (getattr(row, k), v) for k, v in values.items()
                           if getattr(row, k) != v}  # fmt: skip
                for name, (_old, new) in changed.items():
                    setattr(row, name, new)
                if changed:
                    row.decided_at, row.decided_by = now, self.actor
                    self._audit(session, row, "changed", changed)
                session.flush()
            return _views(session, [row])[0]

    def _audit(self, session: Session, row: DebateDecision, action: str,
               changes: dict[str, tuple[Any, Any]] | None = None) -> None:  # fmt: skip
        entry = AuditEntry(SUBJECT, row.id, action, row.petition_id)
        record_audit(session, entry, self.actor, self.clock.now(), changes)


# Checks ------------------------------------------------------------------------------------


def _kind(kind: DebateDecisionKind | str) -> DebateDecisionKind:
    try:
        return DebateDecisionKind(kind)
    except ValueError:
        choices = ", ".join(k.value for k in DebateDecisionKind)
        raise CaseworkError(
            f"{kind!r} is not a debate decision: one of {choices}", field="decision"
        ) from None


def _check_petition(session: Session, petition_id: int, field: str = "petition") -> None:
    """The petition exists and reached 100,000 (the wording of the debate service)."""
    p = session.get(m.Petition, petition_id)
    if p is None:
        raise PetitionNotFound(petition_id)
    if p.debate_threshold_reached_at is None and p.signature_count < rules.DEBATE_THRESHOLD:
        raise CaseworkError(
            f"e-petition {p.id} has {p.signature_count:,} signatures, under the "
            f"{rules.DEBATE_THRESHOLD:,} at which the Committee considers a debate",
            field=field,
        )


def _join(debates: DebateService, debate: DebateView, petition_id: int) -> int:
    if petition_id not in debate.petition_ids:
        debates.set_petitions(debate.id, [*debate.petition_ids, petition_id], debate.version)
    return debate.id


def _at_meeting(
    session: Session, petition_id: int, meeting_on: date | None, *, lock: bool = False
) -> DebateDecision | None:
    """The decision already recorded at that meeting (one a meeting): changed, not added."""
    if meeting_on is None:
        return None
    d, mt = DebateDecision, CommitteeMeeting
    query = (
        select(d)
        .join(mt, mt.id == d.meeting_id)
        .where(d.petition_id == petition_id, mt.meets_on == meeting_on)
    )
    return session.scalar(query.with_for_update() if lock else query)


def _decision(session: Session, decision_id: int, *, lock: bool = False) -> DebateDecision:
    row = session.get(DebateDecision, decision_id, with_for_update=lock)
    if row is None:
        raise RecordNotFound("Debate decision", decision_id)
    return row


def _debate(session: Session, debate_id: int) -> CommitteeDebate:
    debate = session.get(CommitteeDebate, debate_id)
    if debate is None:
        raise RecordNotFound("Debate", debate_id)
    return debate


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def _views(session: Session, rows: list[DebateDecision]) -> list[DebateDecisionView]:
    meeting_ids = {r.meeting_id for r in rows if r.meeting_id is not None}
    mt = CommitteeMeeting
    days: dict[int, date] = {}
    if meeting_ids:
        query = select(mt.id, mt.meets_on).where(mt.id.in_(meeting_ids))
        days = {mid: day for mid, day in session.execute(query)}
    return [
        DebateDecisionView(
            id=r.id,
            petition_id=r.petition_id,
            decision=r.decision,
            reason=r.reason,
            debates_named=r.debates_named,
            debate_id=r.debate_id,
            group_with_id=r.group_with_id,
            decided_on=r.decided_on,
            meeting_id=r.meeting_id,
            meets_on=days.get(r.meeting_id) if r.meeting_id is not None else None,
            decided_at=r.decided_at,
            decided_by=r.decided_by,
            version=r.version,
        )  # fmt: skip
        for r in rows
    ]
