"""The Committee's debate calendar: Monday 4.30pm slots, recesses and extra slots, what each
slot holds, and the petitions still waiting for a decision."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, time
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.domain import rules
from caseworker.domain.debates import (
    DEFAULT_START,
    VENUE,
    DebateDecisionKind,
    DebateStatus,
    standard_slots,
)
from caseworker.formatting import long_date, papers_clock, weekday_date
from caseworker.services.casework.common import (
    AuditEntry,
    CaseworkError,
    CaseworkServiceBase,
    RecordNotFound,
    record_audit,
)
from caseworker.services.debates.records import PENDING_STATUSES, debate_views
from caseworker.services.debates.views import (
    CalendarView,
    DebateView,
    ExtraSlotView,
    RecessView,
    SlotView,
    WaitingPetition,
)
from caseworker.services.queues import Queue, QueueRules, queue_filter
from caseworker.storage import models as m
from caseworker.storage.debate_models import (
    CommitteeDebate,
    DebateDecision,
    DebatePetition,
    ExtraSlot,
    Recess,
)


class CalendarService(CaseworkServiceBase):
    def calendar(self, first: date, last: date) -> CalendarView:
        """The slots from ``first`` to ``last`` with their debates, the recesses that touch
        the range, debates to place, and the petitions waiting for a decision."""
        if last < first:
            raise CaseworkError(f"The range ends ({long_date(last)}) before it starts", "last")
        with self._sessions() as session:
            recesses = _recesses(session, first, last)
            extras = _extra_slots(session, first, last)
            debates = _debates_in(session, first, last)
            booked = {(d.day, d.starts_at): d for d in debates if DebateStatus(d.status).holds_slot}
            slots = _slots(first, last, recesses, extras, booked)
            in_slot = {id(s.debate) for s in slots if s.debate is not None}
            unplaced = [d for d in debates if id(d) not in in_slot and _placeable(d)]
            unplaced += [d for d in _undated(session) if d.id not in {u.id for u in unplaced}]
            return CalendarView(
                first, last, tuple(slots), tuple(recesses), tuple(unplaced),
                tuple(_waiting(session, self.clock.today())),
            )  # fmt: skip

    def free_slots(self, first: date, last: date) -> list[SlotView]:
        return [s for s in self.calendar(first, last).slots if s.free]

    def recesses(self) -> list[RecessView]:
        with self._sessions() as session:
            return _recesses(session, date.min, date.max)

    def add_recess(self, name: str, starts_on: date, ends_on: date) -> RecessView:
        """A recess: no petitions debates from ``starts_on`` to ``ends_on``. Refused while a
        pending debate is in it (move the debate first)."""
        name = " ".join(name.split())
        if not name:
            raise CaseworkError("A recess needs a name (e.g. Summer)", field="name")
        if ends_on < starts_on:
            raise CaseworkError("A recess must end on or after the day it starts", "ends_on")
        with self._writing(f"The {name} recess") as session:
            d = CommitteeDebate
            clash = session.scalar(
                select(d).where(d.day.between(starts_on, ends_on), d.status.in_(PENDING_STATUSES))
            )
            if clash is not None and clash.day is not None:
                raise CaseworkError(
                    f"Debate {clash.id} is {clash.status} for {weekday_date(clash.day)}, "
                    "in that recess: move it first",
                    field="starts_on",
                )
            recess = Recess(name=name, starts_on=starts_on, ends_on=ends_on,
                            updated_at=self.clock.now(), updated_by=self.actor)  # fmt: skip
            session.add(recess)
            session.flush()
            changes = {"name": (None, name), "starts_on": (None, starts_on),
                       "ends_on": (None, ends_on)}  # fmt: skip
            self._audit(session, "recess", recess.id, "created", changes)
            return _recess_view(recess)

    def delete_recess(self, recess_id: int) -> None:
        with self._writing("The recess") as session:
            recess = session.get(Recess, recess_id, with_for_update=True)
            if recess is None:
                raise RecordNotFound("Recess", recess_id)
            self._audit(session, "recess", recess.id, "deleted")
            session.delete(recess)

    def add_extra_slot(
        self, day: date, starts_at: time = DEFAULT_START, place: str = VENUE, note: str = ""
    ) -> ExtraSlotView:
        """A slot beyond the Monday ones; a Monday 4.30pm slot already exists."""
        if day.weekday() == 0 and starts_at == DEFAULT_START:
            raise CaseworkError(
                f"{weekday_date(day)} at 4.30pm is already a debate slot", field="day"
            )
        label = f"The slot on {weekday_date(day)} at {papers_clock(starts_at)}"
        with self._writing(label) as session:
            recess = session.scalar(
                select(Recess).where(Recess.starts_on <= day, Recess.ends_on >= day)
            )
            if recess is not None:
                raise CaseworkError(f"{weekday_date(day)} is in the {recess.name} recess", "day")
            slot = ExtraSlot(day=day, starts_at=starts_at, place=" ".join(place.split()) or VENUE,
                             note=note.strip(), updated_at=self.clock.now(),
                             updated_by=self.actor)  # fmt: skip
            session.add(slot)
            session.flush()
            changes = {"day": (None, day), "starts_at": (None, starts_at), "note": (None, note)}
            self._audit(session, "slot", slot.id, "created", changes)
            return _extra_view(slot)

    def delete_extra_slot(self, slot_id: int) -> None:
        """Remove an extra slot no pending debate is placed in."""
        with self._writing("The slot") as session:
            slot = session.get(ExtraSlot, slot_id, with_for_update=True)
            if slot is None:
                raise RecordNotFound("Slot", slot_id)
            d = CommitteeDebate
            held = session.scalar(
                select(d.id).where(d.day == slot.day, d.starts_at == slot.starts_at)
                .where(d.status.in_(PENDING_STATUSES))
            )  # fmt: skip
            if held is not None:
                raise CaseworkError(f"Debate {held} is in that slot: move it first", "day")
            self._audit(session, "slot", slot.id, "deleted")
            session.delete(slot)

    def _audit(self, session: Session, subject: str, subject_id: int, action: str,
               changes: Mapping[str, tuple[Any, Any]] | None = None) -> None:  # fmt: skip
        entry = AuditEntry(subject, subject_id, action, None)
        record_audit(session, entry, self.actor, self.clock.now(), changes)


def _recesses(session: Session, first: date, last: date) -> list[RecessView]:
    query = (
        select(Recess)
        .where(Recess.starts_on <= last, Recess.ends_on >= first)
        .order_by(Recess.starts_on)
    )
    return [_recess_view(r) for r in session.scalars(query)]


def _extra_slots(session: Session, first: date, last: date) -> list[ExtraSlotView]:
    query = select(ExtraSlot).where(ExtraSlot.day.between(first, last))
    return [_extra_view(s) for s in session.scalars(query)]


def _debates_in(session: Session, first: date, last: date) -> list[DebateView]:
    d = CommitteeDebate
    query = select(d).where(d.day.between(first, last)).order_by(d.day, d.starts_at, d.id)
    return debate_views(session, session.scalars(query))


def _undated(session: Session) -> list[DebateView]:
    """Proposed debates with no day yet, and postponed ones whatever their old day: both
    wait for the clerk to place them in a slot."""
    d = CommitteeDebate
    postponed = d.status == DebateStatus.POSTPONED.value
    query = (
        select(d)
        .where((d.day.is_(None) & d.status.in_(PENDING_STATUSES)) | postponed)
        .order_by(d.day.is_(None), d.day, d.id)
    )
    return debate_views(session, session.scalars(query))


def _placeable(debate: DebateView) -> bool:
    """A pending debate outside any slot must be placed (postponed ones are listed anyway);
    a held or withdrawn one is history."""
    return debate.status in PENDING_STATUSES


def _slots(
    first: date, last: date, recesses: list[RecessView], extras: list[ExtraSlotView],
    booked: dict[tuple[date | None, time], DebateView],
) -> list[SlotView]:  # fmt: skip
    spans = [(r.starts_on, r.ends_on) for r in recesses]
    slots = [
        SlotView(s.day, s.starts_at, s.place, "", None, booked.get((s.day, s.starts_at)))
        for s in standard_slots(first, last, spans)
    ]
    slots += [
        SlotView(e.day, e.starts_at, e.place, e.note, e.id, booked.get((e.day, e.starts_at)))
        for e in extras
    ]
    # A held debate recorded in recess (the site's date) still shows on its day.
    listed = {(s.day, s.starts_at) for s in slots}
    slots += [
        SlotView(day, at, d.place, "", None, d)
        for (day, at), d in booked.items()
        if day is not None and (day, at) not in listed and d.status == "held"
    ]
    return sorted(slots, key=lambda s: (s.day, s.starts_at))


def _waiting(session: Session, today: date) -> list[WaitingPetition]:
    """The awaiting-debate-decision queue, less petitions already in a pending debate."""
    p, dp, d, dd = m.Petition, DebatePetition, CommitteeDebate, DebateDecision
    in_debate = (
        select(dp.petition_id)
        .join(d, d.id == dp.debate_id)
        .where(dp.petition_id == p.id, d.status.in_(PENDING_STATUSES))
        .exists()
    )
    query = (
        select(p.id, p.action, p.signature_count, p.debate_threshold_reached_at)
        .where(queue_filter(Queue.AWAITING_DEBATE_DECISION, QueueRules(as_of=today)))
        .where(~in_debate)
        .order_by(p.debate_threshold_reached_at, p.id)
    )
    rows = session.execute(query).all()
    latest: dict[int, str] = {}
    decisions = (
        select(dd.petition_id, dd.decision)
        .where(dd.petition_id.in_([r.id for r in rows]))
        .order_by(dd.decided_on, dd.decided_at)
    )
    for pid, decision in session.execute(decisions):  # later ones overwrite
        latest[pid] = DebateDecisionKind(decision).label
    return [
        WaitingPetition(
            r.id,
            r.action,
            r.signature_count,
            rules.london_date(r.debate_threshold_reached_at)
            if r.debate_threshold_reached_at
            else None,
            latest.get(r.id),
        )  # fmt: skip
        for r in rows
    ]


def _recess_view(r: Recess) -> RecessView:
    return RecessView(r.id, r.name, r.starts_on, r.ends_on)


def _extra_view(s: ExtraSlot) -> ExtraSlotView:
    return ExtraSlotView(s.id, s.day, s.starts_at, s.place, s.note)
