"""Committee meetings: what to consider by each cut-off date, and what was decided.

A meeting considers the responses that arrived since the previous meeting's cut-off (four
weeks before its own cut-off when it is the first one recorded), revised responses waiting
to be accepted, requests whose due date has passed, decisions deferred earlier, and the
petitions past 100,000 signatures awaiting its decision on a debate by the cut-off.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Select, and_, func, select
from sqlalchemy.orm import Session

from caseworker.domain.casework import AWAITING_DEPARTMENT, Decision, RequestStatus, default_cut_off
from caseworker.domain.debates import DebateDecisionKind
from caseworker.domain.rules import london_date
from caseworker.formatting import day_month, long_date, short_date
from caseworker.services.casework.agenda_pdf import agenda_pdf, write_agenda
from caseworker.services.casework.common import (
    AuditEntry,
    CaseworkError,
    CaseworkServiceBase,
    RecordNotFound,
    SimultaneousSave,
    apply_changes,
    check_version,
    record_audit,
)
from caseworker.services.casework.views import (
    AgendaItem,
    DebateDecisionNote,
    DecisionView,
    MeetingView,
)
from caseworker.services.queues import Queue, QueueRules, queue_filter
from caseworker.storage import models as m
from caseworker.storage.casework_models import (
    CommitteeMeeting,
    MeetingDecision,
    RequestChase,
    ResponseReview,
    RevisionRequest,
)
from caseworker.storage.debate_models import DebateDecision

FIRST_WINDOW = timedelta(weeks=4)
CUT_OFF_AFTER_MEETING = "The cut-off date must be on or before the day of the meeting"


class ItemKind:
    REVISED = "revised response"
    RESPONSE = "response"
    OVERDUE = "revised response overdue"
    DEFERRED = "deferred"
    DEBATE = "debate decision"


#: A request in these statuses settles the response it is about: the Committee has already
#: asked for (or accepted) a revised one, so that response is not new business.
SETTLING_REQUESTS = (
    RequestStatus.SENT.value,
    RequestStatus.CHASED.value,
    RequestStatus.RECEIVED.value,
    RequestStatus.ACCEPTED.value,
)


#: A debate item's earlier decision that leaves it waiting, as its label says it.
EARLIER_DEBATE_DECISIONS = {
    DebateDecisionKind.DEFER.value: "deferred on",
    DebateDecisionKind.SEEK_INFORMATION.value: "information sought on",
}


#: When a petition qualifies in several ways, the first kind here is the one shown.
PRIORITY = (ItemKind.REVISED, ItemKind.RESPONSE, ItemKind.OVERDUE, ItemKind.DEFERRED)


class MeetingService(CaseworkServiceBase):
    def meetings(self) -> list[MeetingView]:
        with self._sessions() as session:
            rows = session.scalars(select(CommitteeMeeting).order_by(CommitteeMeeting.meets_on))
            return [_meeting_view(session, r) for r in rows]

    def open_meeting(self, meets_on: date, cut_off: date | None = None) -> MeetingView:
        """The meeting on that day, recorded now if it is new."""
        cut_off = cut_off or default_cut_off(meets_on)
        if cut_off > meets_on:
            raise CaseworkError(CUT_OFF_AFTER_MEETING, field="cut_off")
        try:
            return self._open_meeting(meets_on, cut_off)
        except SimultaneousSave:
            # A colleague recorded the same meeting a moment ago: theirs is the meeting.
            return self._open_meeting(meets_on, cut_off)

    def _open_meeting(self, meets_on: date, cut_off: date) -> MeetingView:
        with self._writing(f"The meeting of {long_date(meets_on)}") as session:
            meeting = session.scalar(
                select(CommitteeMeeting).where(CommitteeMeeting.meets_on == meets_on)
            )
            if meeting is None:
                meeting = CommitteeMeeting(
                    meets_on=meets_on, cut_off=cut_off, created_at=self.clock.now(),
                    created_by=self.actor,
                )  # fmt: skip
                session.add(meeting)
                session.flush()
                entry = AuditEntry("meeting", meeting.id, "created", None)
                changes = {"meets_on": (None, meets_on), "cut_off": (None, cut_off)}
                record_audit(session, entry, self.actor, self.clock.now(), changes)
            return _meeting_view(session, meeting)

    def agenda(self, meeting_id: int) -> list[AgendaItem]:
        with self._sessions() as session:
            return _agenda(session, _meeting_view(session, _meeting(session, meeting_id)))

    def agenda_for(
        self, meets_on: date, cut_off: date | None = None
    ) -> tuple[MeetingView, list[AgendaItem]]:
        """The agenda of the meeting on that day, recorded or not: looking stores nothing.

        A meeting already recorded keeps its own cut-off; a new one is recorded with its
        first decision.
        """
        cut_off = cut_off or default_cut_off(meets_on)
        if cut_off > meets_on:
            raise CaseworkError(CUT_OFF_AFTER_MEETING, field="cut_off")
        with self._sessions() as session:
            stored = session.scalar(
                select(CommitteeMeeting).where(CommitteeMeeting.meets_on == meets_on)
            )
            if stored is not None:
                view = _meeting_view(session, stored)
            else:
                view = _view(session, None, meets_on, cut_off)
            return view, _agenda(session, view)

    def agenda_pdf(self, meets_on: date) -> bytes:
        """The meeting papers: the agenda of the meeting on that day as PDF bytes."""
        return agenda_pdf(*self.agenda_for(meets_on))

    def save_agenda(self, meets_on: date, path: Path) -> None:
        """Save the meeting papers to a PDF file (whole or not at all)."""
        write_agenda(*self.agenda_for(meets_on), path)

    def record_decision(
        self, meeting_id: int, petition_id: int, decision: Decision, *, notes: str = "",
        response_version_id: int | None = None, request_id: int | None = None,
        expected_version: int | None = None,
    ) -> DecisionView:  # fmt: skip
        """Record (or change, given the version last seen) the decision on one petition."""
        values = {"decision": Decision(decision).value, "notes": notes.strip()}
        with self._writing(f"The decision on petition {petition_id}") as session:
            _meeting(session, meeting_id)
            row = session.scalar(
                select(MeetingDecision)
                .where(MeetingDecision.meeting_id == meeting_id)
                .where(MeetingDecision.petition_id == petition_id)
                .with_for_update()
            )
            now = self.clock.now()
            if row is None:
                if expected_version:
                    raise CaseworkError(
                        f"The decision on petition {petition_id} was removed by a colleague: "
                        "reload the agenda"
                    )
                row = MeetingDecision(
                    meeting_id=meeting_id, petition_id=petition_id,
                    response_version_id=response_version_id, request_id=request_id,
                    decided_at=now, decided_by=self.actor, **values,
                )  # fmt: skip
                session.add(row)
                session.flush()
                changed = {k: (None, v) for k, v in values.items()}
                self._audit(session, row, "created", changed)
            else:
                check_version("The decision", row, expected_version)
                changed = apply_changes(row, values)
                if changed:
                    row.decided_at, row.decided_by = now, self.actor
                    self._audit(session, row, "changed", changed)
                session.flush()
            return _decision_view(row)

    def clear_decision(self, decision_id: int, expected_version: int) -> None:
        """Remove a recorded decision: only to undo recording it."""
        with self._writes.begin() as session:
            row = session.get(MeetingDecision, decision_id, with_for_update=True)
            if row is None:
                raise RecordNotFound("Decision", decision_id)
            check_version("The decision", row, expected_version)
            self._audit(session, row, "deleted")
            session.delete(row)

    def _audit(self, session: Session, row: MeetingDecision, action: str,
               changes: dict[str, tuple[Any, Any]] | None = None) -> None:  # fmt: skip
        entry = AuditEntry("decision", f"{row.meeting_id}/{row.id}", action, row.petition_id)
        record_audit(session, entry, self.actor, self.clock.now(), changes)


def _meeting(session: Session, meeting_id: int) -> CommitteeMeeting:
    meeting = session.get(CommitteeMeeting, meeting_id)
    if meeting is None:
        raise RecordNotFound("Meeting", meeting_id)
    return meeting


def _meeting_view(session: Session, meeting: CommitteeMeeting) -> MeetingView:
    return _view(session, meeting.id, meeting.meets_on, meeting.cut_off)


def _view(session: Session, meeting_id: int | None, meets_on: date, cut_off: date) -> MeetingView:
    """The meeting's window starts after the previous meeting's cut-off (an earlier one)."""
    mt = CommitteeMeeting
    previous = session.scalar(
        select(func.max(mt.cut_off)).where(mt.meets_on < meets_on, mt.cut_off < cut_off)
    )
    start = previous if previous is not None else cut_off - FIRST_WINDOW
    return MeetingView(meeting_id, meets_on, cut_off, start)


def _agenda(session: Session, view: MeetingView) -> list[AgendaItem]:
    found: dict[int, dict[str, Any]] = {}
    for kind, rows in (
        (ItemKind.REVISED, _revised(session, view)),
        (ItemKind.RESPONSE, _responses(session, view)),
        (ItemKind.OVERDUE, _overdue(session, view)),
        (ItemKind.DEFERRED, _deferred(session, view)),
        # Each of these rows says its own kind (response or revised response).
        (ItemKind.RESPONSE, _decided(session, view)),
    ):
        for row in rows:
            found.setdefault(row["petition_id"], {"kind": kind, **row})
    decisions = _decisions(session, view.id) if view.id is not None else {}
    debates = _debate_items(session, view)
    facts = _Facts(session, list(dict.fromkeys([*found, *debates])), view.meets_on)
    return [_item(facts, row, decisions.get(pid)) for pid, row in _sorted(found)] + [
        _item(facts, row, None) for _pid, row in sorted(debates.items())
    ]


def _rows(session: Session, query: Select[*tuple[Any, ...]]) -> list[dict[str, Any]]:
    return [dict(r._mapping) for r in session.execute(query)]


def _revised(session: Session, view: MeetingView) -> list[dict[str, Any]]:
    r, v = RevisionRequest, m.ResponseVersion
    query = (
        select(r.petition_id, r.id.label("request_id"),
               r.revised_version_id.label("response_version_id"), v.responded_on.label("on"))
        .join(v, v.id == r.revised_version_id)
        .where(r.status == RequestStatus.RECEIVED.value)
        .where(func.coalesce(v.responded_on, view.cut_off) <= view.cut_off)
    )  # fmt: skip
    return _rows(session, query)


def _responses(session: Session, view: MeetingView) -> list[dict[str, Any]]:
    """Responses that arrived in the meeting's window, other than revised ones and those
    already settled (a request about them sent or accepted, or decided at an earlier meeting).
    """
    v, r = m.ResponseVersion, RevisionRequest
    is_revision = select(r.id).where(r.revised_version_id == v.id).exists()
    query = (
        select(v.petition_id, v.id.label("response_version_id"), v.responded_on.label("on"))
        .where(v.responded_on > view.window_start, v.responded_on <= view.cut_off)
        .where(~is_revision, ~_settled(v.id, view))
    )
    return _rows(session, query)


def _settled(version_id: Any, view: MeetingView) -> Any:
    r, d, mt = RevisionRequest, MeetingDecision, CommitteeMeeting
    requested = (
        select(r.id)
        .where(r.response_version_id == version_id, r.status.in_(SETTLING_REQUESTS))
        .exists()
    )
    decided = (
        select(d.id)
        .join(mt, mt.id == d.meeting_id)
        .where(d.response_version_id == version_id, mt.meets_on < view.meets_on)
        .where(d.decision != Decision.DEFER.value)
        .exists()
    )
    return requested | decided


def _overdue(session: Session, view: MeetingView) -> list[dict[str, Any]]:
    r = RevisionRequest
    query = (
        select(r.petition_id, r.id.label("request_id"),
               r.response_version_id, r.due_on.label("on"))
        .where(r.status.in_([s.value for s in AWAITING_DEPARTMENT]))
        .where(r.due_on < view.meets_on)
    )  # fmt: skip
    return _rows(session, query)


def _deferred(session: Session, view: MeetingView) -> list[dict[str, Any]]:
    """Petitions whose latest decision at an earlier meeting was to defer."""
    d, mt = MeetingDecision, CommitteeMeeting
    earlier = (
        select(d.petition_id, func.max(mt.meets_on).label("last"))
        .join(mt, mt.id == d.meeting_id)
        .where(mt.meets_on < view.meets_on)
        .group_by(d.petition_id)
        .subquery()
    )
    query = (
        select(d.petition_id, d.response_version_id, d.request_id, mt.meets_on.label("on"))
        .join(mt, mt.id == d.meeting_id)
        .join(earlier, and_(earlier.c.petition_id == d.petition_id, earlier.c.last == mt.meets_on))
        .where(d.decision == Decision.DEFER.value)
        # Deferred, then settled since (a request about it sent): nothing left to decide.
        .where(d.request_id.is_not(None) | ~_settled(d.response_version_id, view))
    )
    return _rows(session, query)


def _decided(session: Session, view: MeetingView) -> list[dict[str, Any]]:
    """Decisions already recorded at this meeting stay on its agenda whatever changes since,
    shown as what they were about."""
    d, v = MeetingDecision, m.ResponseVersion
    if view.id is None:
        return []
    query = (
        select(d.petition_id, d.response_version_id, d.request_id, v.responded_on.label("on"))
        .outerjoin(v, v.id == d.response_version_id)
        .where(d.meeting_id == view.id)
    )
    return [
        {**row, "kind": ItemKind.REVISED if row["request_id"] else ItemKind.RESPONSE}
        for row in _rows(session, query)
    ]


def _debate_items(session: Session, view: MeetingView) -> dict[int, dict[str, Any]]:
    """Petitions awaiting the Committee's decision on a debate by the cut-off, and those it
    decided on at this meeting (they stay on its agenda, with the decision)."""
    p, d = m.Petition, DebateDecision
    awaiting = select(p.id).where(
        queue_filter(Queue.AWAITING_DEBATE_DECISION, QueueRules(as_of=view.cut_off))
    )
    here: dict[int, DebateDecision] = {}
    if view.id is not None:
        here = {r.petition_id: r for r in session.scalars(select(d).where(d.meeting_id == view.id))}
    ids = set(session.scalars(awaiting)) | set(here)
    earlier = (
        select(d.petition_id, d.decision, d.decided_on)
        .where(d.petition_id.in_(ids), d.decided_on < view.meets_on)
        .where(d.meeting_id.is_(None) | (d.meeting_id != (view.id or -1)))
        .order_by(d.decided_on, d.decided_at, d.id)
    )
    last = {pid: (kind, on) for pid, kind, on in session.execute(earlier)}  # later overwrite
    crossed = select(p.id, p.debate_threshold_reached_at).where(p.id.in_(ids))
    items: dict[int, dict[str, Any]] = {}
    for pid, reached_at in session.execute(crossed):
        decided = here.get(pid)
        items[pid] = {
            "kind": ItemKind.DEBATE,
            "petition_id": pid,
            "on": london_date(reached_at) if reached_at is not None else None,
            "earlier": last.get(pid),
            "debate_decision": _debate_note(decided) if decided is not None else None,
        }
    return items


def _debate_note(r: DebateDecision) -> DebateDecisionNote:
    return DebateDecisionNote(
        r.id, r.petition_id, r.decision, r.reason, r.debates_named, r.debate_id,
        r.group_with_id, r.version,
    )  # fmt: skip


def _decisions(session: Session, meeting_id: int) -> dict[int, DecisionView]:
    rows = session.scalars(select(MeetingDecision).where(MeetingDecision.meeting_id == meeting_id))
    return {r.petition_id: _decision_view(r) for r in rows}


def _sorted(found: dict[int, dict[str, Any]]) -> list[tuple[int, dict[str, Any]]]:
    order = {kind: i for i, kind in enumerate(PRIORITY)}
    return sorted(found.items(), key=lambda item: (order[item[1]["kind"]], item[0]))


class _Facts:
    """The petitions and clerks' verdicts behind an agenda, read in two queries (not two per
    item: an agenda after a long recess has hundreds of items)."""

    def __init__(self, session: Session, petition_ids: list[int], meets_on: date) -> None:
        p, r = m.Petition, ResponseReview
        self.petitions = {
            row.id: row
            for row in session.execute(
                select(p.id, p.action, p.departments_label, p.signature_count).where(
                    p.id.in_(petition_ids)
                )
            )
        }
        self.latest: dict[int, str] = {}
        self.by_version: dict[tuple[int, int], str] = {}
        reviews = (
            select(r.petition_id, r.response_version_id, r.verdict)
            .where(r.petition_id.in_(petition_ids))
            .order_by(r.reviewed_at)
        )
        for pid, version_id, verdict in session.execute(reviews):  # later ones overwrite
            self.latest[pid] = verdict
            self.by_version[(pid, version_id)] = verdict
        c = RequestChase
        chases = (
            select(c.request_id, func.max(c.chased_on))
            .join(RevisionRequest, RevisionRequest.id == c.request_id)
            .where(RevisionRequest.petition_id.in_(petition_ids), c.chased_on <= meets_on)
            .group_by(c.request_id)
        )
        self.last_chased: dict[int, date] = {rid: day for rid, day in session.execute(chases)}

    def verdict(self, pid: int, version_id: int | None) -> str | None:
        """The clerk's verdict on the version an item is about (else the latest on any)."""
        if version_id is not None:
            return self.by_version.get((pid, version_id))
        return self.latest.get(pid)


def _item(facts: _Facts, row: dict[str, Any], decision: DecisionView | None) -> AgendaItem:
    pid = row["petition_id"]
    petition = facts.petitions[pid]
    return AgendaItem(
        kind=row["kind"],
        petition_id=pid,
        action=petition.action,
        departments=petition.departments_label or "",
        signature_count=petition.signature_count,
        response_version_id=row.get("response_version_id"),
        request_id=row.get("request_id"),
        on=row.get("on"),
        label=_label(row, facts),
        latest_verdict=facts.verdict(pid, row.get("response_version_id")),
        decision=decision,
        debate_decision=row.get("debate_decision"),
    )


def _label(row: dict[str, Any], facts: _Facts) -> str:
    """What the Committee is asked to decide, in words: "revised response overdue, chased
    25 Sep", "deferred on 10 Jun 2025"."""
    kind: str = row["kind"]
    if kind == ItemKind.OVERDUE:
        chased = facts.last_chased.get(row.get("request_id") or 0)
        return f"{kind}, chased {day_month(chased)}" if chased else kind
    if kind == ItemKind.DEFERRED and row.get("on"):
        on: date = row["on"]
        return f"deferred on {short_date(on)}"
    if kind == ItemKind.DEBATE and row.get("earlier"):
        earlier, day = row["earlier"]
        said = EARLIER_DEBATE_DECISIONS.get(earlier)
        return f"{kind}, {said} {short_date(day)}" if said else kind
    return kind


def _decision_view(r: MeetingDecision) -> DecisionView:
    return DecisionView(r.id, r.decision, r.notes, r.decided_by, r.decided_at, r.version)
