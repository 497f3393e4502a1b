"""Debates as records of the Committee: the petitions in each, its slot, who speaks, the
motion, its status and, once held, where its transcript, video and pack are.

A slot holds one debate: the service refuses a second with the debate already there named,
and a unique index on the slot catches two clerks placing debates at the same moment.
Every change is written to the audit history of each petition in the debate.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, time
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from caseworker.domain import rules
from caseworker.domain.debates import (
    DEFAULT_START,
    MONDAY,
    VENUE,
    DebateStatus,
    default_relating_to,
    motion,
)
from caseworker.formatting import long_date, papers_clock, weekday_date
from caseworker.services.casework.common import (
    AuditEntry,
    CaseworkError,
    CaseworkServiceBase,
    RecordNotFound,
    apply_changes,
    check_version,
    record_audit,
)
from caseworker.services.debates.members import find_member, member_view
from caseworker.services.debates.site import site_disagreements
from caseworker.services.debates.views import (
    EDITABLE_FIELDS,
    DebatePetitionView,
    DebateView,
    Disagreement,
)
from caseworker.services.errors import PetitionNotFound
from caseworker.storage import models as m
from caseworker.storage.debate_models import (
    SLOT_HOLDING_STATUSES,
    CommitteeDebate,
    DebatePetition,
    ExtraSlot,
    Member,
    Recess,
)

#: Debates still to happen: a petition is in at most one of these at a time.
PENDING_STATUSES = (DebateStatus.PROPOSED.value, DebateStatus.SCHEDULED.value)


class DebateService(CaseworkServiceBase):
    # Reading -------------------------------------------------------------------------------

    def debates(
        self, *, first: date | None = None, last: date | None = None, status: str | None = None
    ) -> list[DebateView]:
        """Debates by day (undated proposed ones last), optionally in a range or a status."""
        d = CommitteeDebate
        query = select(d)
        if first is not None:
            query = query.where(d.day >= first)
        if last is not None:
            query = query.where(d.day <= last)
        if status is not None:
            query = query.where(d.status == DebateStatus(status).value)
        query = query.order_by(d.day.is_(None), d.day, d.starts_at, d.id)
        with self._sessions() as session:
            return debate_views(session, session.scalars(query))

    def get(self, debate_id: int) -> DebateView:
        with self._sessions() as session:
            return debate_views(session, [_debate(session, debate_id)])[0]

    def for_petition(self, petition_id: int) -> list[DebateView]:
        """The Committee's debates that include the petition, earliest first."""
        d, dp = CommitteeDebate, DebatePetition
        query = (
            select(d)
            .join(dp, dp.debate_id == d.id)
            .where(dp.petition_id == petition_id)
            .order_by(d.day.is_(None), d.day, d.id)
        )
        with self._sessions() as session:
            return debate_views(session, session.scalars(query))

    # Writing -------------------------------------------------------------------------------

    def schedule(
        self, petition_ids: Sequence[int], *, day: date | None = None,
        starts_at: time = DEFAULT_START, place: str = VENUE, relating_to: str | None = None,
        opening_member: str | None = None, opening_member_id: int | None = None,
        department: str | None = None, minister: str = "", status: str | None = None,
    ) -> DebateView:  # fmt: skip
        """Record a debate: scheduled when it has a day, proposed otherwise.

        ``relating_to`` defaults to the first petition's title, ``department`` to the
        departments that responded to it; ``opening_member`` is a name from the Members list.
        """
        ids = list(dict.fromkeys(petition_ids))
        if not ids:
            raise CaseworkError("A debate needs at least one petition", field="petitions")
        chosen = DebateStatus(
            status or (DebateStatus.SCHEDULED if day else DebateStatus.PROPOSED)
        ).value
        with self._writing(_slot_name(day, starts_at)) as session:
            petitions = _petitions(session, ids)
            _refuse_under_threshold(petitions)
            _refuse_pending_elsewhere(session, ids, None)
            if opening_member is not None and opening_member.strip():
                opening_member_id = find_member(session, opening_member).id
            values: dict[str, Any] = {
                "day": day, "starts_at": starts_at, "place": _clean(place) or VENUE,
                "relating_to": _clean(relating_to)
                if relating_to is not None else default_relating_to(petitions[0].action),
                "opening_member_id": _known_member(session, opening_member_id),
                "department": _clean(department)
                if department is not None else _departments(session, petitions[0].id),
                "minister": _clean(minister), "status": chosen,
            }  # fmt: skip
            _check_values(session, values, None)
            now = self.clock.now()
            debate = CommitteeDebate(
                **values, created_at=now, created_by=self.actor, updated_at=now,
                updated_by=self.actor,
            )  # fmt: skip
            session.add(debate)
            session.flush()
            _place_petitions(session, debate.id, ids)
            changes = {k: (None, v) for k, v in values.items()}
            changes["petitions"] = (None, _id_list(ids))
            self._audit(session, debate, ids, "created", changes)
            session.flush()
            return debate_views(session, [debate])[0]

    def update(self, debate_id: int, expected_version: int, **changes: Any) -> DebateView:
        """Change any of ``EDITABLE_FIELDS`` (``opening_member`` by name also accepted)."""
        with self._writing("The debate's slot") as session:
            debate = _debate(session, debate_id, lock=True)
            check_version("Debate", debate, expected_version)
            if "opening_member" in changes:
                name = changes.pop("opening_member")
                changes["opening_member_id"] = find_member(session, name).id if name else None
            unknown = set(changes) - set(EDITABLE_FIELDS)
            if unknown:
                raise CaseworkError(f"A debate has no field {sorted(unknown)[0]}")
            values = {k: _clean(v) if isinstance(v, str) and k != "summary" else v
                      for k, v in changes.items()}  # fmt: skip
            if "status" in values:
                values["status"] = DebateStatus(values["status"]).value
            if "summary" in values:
                values["summary"] = str(values["summary"] or "").strip()
            if "opening_member_id" in values:
                member_id = values["opening_member_id"]
                values["opening_member_id"] = _known_member(
                    session, int(member_id) if member_id else None
                )
            merged = {f: getattr(debate, f) for f in EDITABLE_FIELDS} | values
            _check_values(session, merged, debate.id)
            if merged["status"] in PENDING_STATUSES:
                _refuse_pending_elsewhere(session, _petition_ids(session, debate.id), debate.id)
            changed = apply_changes(debate, values)
            if changed:
                self._touch(session, debate, "changed", changed)
            session.flush()
            return debate_views(session, [debate])[0]

    def set_petitions(
        self, debate_id: int, petition_ids: Sequence[int], expected_version: int
    ) -> DebateView:
        """The petitions in the debate, in the motion's order (grouping and ungrouping)."""
        ids = list(dict.fromkeys(petition_ids))
        if not ids:
            raise CaseworkError("A debate needs at least one petition", field="petitions")
        with self._writing("The debate") as session:
            debate = _debate(session, debate_id, lock=True)
            check_version("Debate", debate, expected_version)
            before = _petition_ids(session, debate_id)
            new = [i for i in ids if i not in before]
            petitions = _petitions(session, new)
            _refuse_under_threshold(petitions)
            if debate.status in PENDING_STATUSES:
                _refuse_pending_elsewhere(session, new, debate.id)
            if ids == before:
                return debate_views(session, [debate])[0]
            for row in session.scalars(
                select(DebatePetition).where(DebatePetition.debate_id == debate_id)
            ):
                session.delete(row)
            session.flush()
            _place_petitions(session, debate_id, ids)
            # Petitions taken out hear about it too: their history says they left the debate.
            self._touch(session, debate, "changed",
                        {"petitions": (_id_list(before), _id_list(ids))},
                        petition_ids=list(dict.fromkeys([*before, *ids])))  # fmt: skip
            session.flush()
            return debate_views(session, [debate])[0]

    def delete(self, debate_id: int, expected_version: int) -> None:
        """Remove a debate entirely: only to undo recording it (withdraw a real one)."""
        with self._writing("The debate") as session:
            debate = _debate(session, debate_id, lock=True)
            check_version("Debate", debate, expected_version)
            self.audit_deletion(session, debate, self.actor, self.clock.now())
            session.delete(debate)

    @staticmethod
    def audit_deletion(session: Session, debate: CommitteeDebate, actor: str, at: Any) -> None:
        """The deletion in the history of each petition in the debate (before it goes)."""
        for pid in _petition_ids(session, debate.id):
            record_audit(session, AuditEntry("debate", debate.id, "deleted", pid), actor, at)

    def _touch(self, session: Session, debate: CommitteeDebate, action: str,
               changes: dict[str, tuple[Any, Any]], *,
               petition_ids: list[int] | None = None) -> None:  # fmt: skip
        # Stamping the row makes a new version even when only the petitions changed.
        debate.updated_at, debate.updated_by = self.clock.now(), self.actor
        flag_modified(debate, "updated_at")
        session.flush()
        ids = petition_ids if petition_ids is not None else _petition_ids(session, debate.id)
        self._audit(session, debate, ids, action, changes)

    def _audit(self, session: Session, debate: CommitteeDebate, petition_ids: Iterable[int],
               action: str, changes: dict[str, tuple[Any, Any]] | None = None) -> None:  # fmt: skip
        """The same entries in the history of each petition in the debate."""
        now = self.clock.now()
        targets: list[int | None] = [*petition_ids] or [None]
        for pid in targets:
            entry = AuditEntry("debate", debate.id, action, pid)
            record_audit(session, entry, self.actor, now, changes)


# Checks ------------------------------------------------------------------------------------


def _check_values(session: Session, values: dict[str, Any], debate_id: int | None) -> None:
    status = DebateStatus(values["status"])
    day, starts_at = values["day"], values["starts_at"]
    if status in (DebateStatus.SCHEDULED, DebateStatus.HELD) and day is None:
        raise CaseworkError(f"A {status.value} debate needs a day", field="day")
    if not values["place"]:
        raise CaseworkError("A debate needs a place", field="place")
    if day is not None and status.holds_slot and status is not DebateStatus.HELD:
        check_slot(session, day, starts_at, debate_id)


def check_slot(session: Session, day: date, starts_at: time, debate_id: int | None) -> None:
    """Refuse a day in recess, a time that is not a slot, and a slot already holding a
    debate (naming it). A held debate is not checked: it happened where it happened."""
    recess = session.scalar(
        select(Recess).where(Recess.starts_on <= day, Recess.ends_on >= day).limit(1)
    )
    if recess is not None:
        raise CaseworkError(
            f"{weekday_date(day)} is in the {recess.name} recess ({long_date(recess.starts_on)} "
            f"to {long_date(recess.ends_on)}): choose another slot",
            field="day",
        )
    standard = day.weekday() == MONDAY and starts_at == DEFAULT_START
    extra = session.scalar(
        select(ExtraSlot.id).where(ExtraSlot.day == day, ExtraSlot.starts_at == starts_at)
    )
    if not standard and extra is None:
        raise CaseworkError(
            f"{_slot_name(day, starts_at)} is not a debate slot: petitions debates are held "
            "on Mondays at 4.30pm; add an extra slot for that day first",
            field="day",
        )
    d = CommitteeDebate
    other = session.scalar(
        select(d)
        .where(d.day == day, d.starts_at == starts_at, d.status.in_(SLOT_HOLDING_STATUSES))
        .where(d.id != (debate_id or -1))
        .limit(1)
    )
    if other is not None:
        title = debate_views(session, [other])[0].title
        raise CaseworkError(
            f"{_slot_name(day, starts_at)} already holds debate {other.id} ({title})",
            field="day",
        )


def _refuse_under_threshold(petitions: Sequence[m.Petition]) -> None:
    for p in petitions:
        if p.debate_threshold_reached_at is None and p.signature_count < rules.DEBATE_THRESHOLD:
            raise CaseworkError(
                f"e-petition {p.id} has {p.signature_count:,} signatures, under the "
                f"{rules.DEBATE_THRESHOLD:,} at which the Committee considers a debate",
                field="petitions",
            )


def _refuse_pending_elsewhere(session: Session, ids: Sequence[int], debate_id: int | None) -> None:
    """A petition waits for one debate at a time: placing it in a second is refused."""
    if not ids:
        return
    d, dp = CommitteeDebate, DebatePetition
    clash = session.execute(
        select(dp.petition_id, d)
        .join(d, d.id == dp.debate_id)
        .where(dp.petition_id.in_(ids), d.status.in_(PENDING_STATUSES))
        .where(d.id != (debate_id or -1))
        .limit(1)
    ).first()
    if clash is not None:
        pid, other = clash
        when = f"on {weekday_date(other.day)}" if other.day else "with no date yet"
        raise CaseworkError(
            f"e-petition {pid} is already in debate {other.id} ({other.status}, {when})",
            field="petitions",
        )


def _petitions(session: Session, ids: Sequence[int]) -> list[m.Petition]:
    found = {p.id: p for p in session.scalars(select(m.Petition).where(m.Petition.id.in_(ids)))}
    for pid in ids:
        if pid not in found:
            raise PetitionNotFound(pid)
    return [found[i] for i in ids]


def _departments(session: Session, petition_id: int) -> str:
    """The departments that answered the petition, by full name: the one sending a Minister."""
    pd = m.PetitionDepartment
    query = select(pd.department_name).where(pd.petition_id == petition_id)
    return "; ".join(sorted(session.scalars(query)))


def _known_member(session: Session, member_id: int | None) -> int | None:
    if member_id is not None and session.get(Member, member_id) is None:
        raise RecordNotFound("Member", member_id)
    return member_id


def _debate(session: Session, debate_id: int, *, lock: bool = False) -> CommitteeDebate:
    debate = session.get(CommitteeDebate, debate_id, with_for_update=lock)
    if debate is None:
        raise RecordNotFound("Debate", debate_id)
    return debate


def _petition_ids(session: Session, debate_id: int) -> list[int]:
    dp = DebatePetition
    query = select(dp.petition_id).where(dp.debate_id == debate_id).order_by(dp.position)
    return list(session.scalars(query))


def _place_petitions(session: Session, debate_id: int, ids: Sequence[int]) -> None:
    session.add_all(
        DebatePetition(debate_id=debate_id, petition_id=pid, position=n)
        for n, pid in enumerate(ids)
    )


def _slot_name(day: date | None, starts_at: time) -> str:
    return f"{weekday_date(day)} at {papers_clock(starts_at)}" if day else "The debate"


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def _id_list(ids: Sequence[int]) -> str:
    return ", ".join(str(i) for i in ids)


# Views -------------------------------------------------------------------------------------


def debate_views(session: Session, debates: Iterable[CommitteeDebate]) -> list[DebateView]:
    """Views of the debates with their petitions and Members, in a few queries."""
    rows = list(debates)
    if not rows:
        return []
    ids = [d.id for d in rows]
    p, dp, sd = m.Petition, DebatePetition, m.Debate
    site_day = func.coalesce(sd.debated_on, p.scheduled_debate_date)
    petitions: dict[int, list[DebatePetitionView]] = {i: [] for i in ids}
    for debate_id, pid, action, state, count, day in session.execute(
        select(dp.debate_id, p.id, p.action, p.state, p.signature_count, site_day)
        .join(p, p.id == dp.petition_id)
        .outerjoin(sd, sd.petition_id == p.id)
        .where(dp.debate_id.in_(ids))
        .order_by(dp.debate_id, dp.position)
    ):
        petitions[debate_id].append(DebatePetitionView(pid, action, state, count, day))
    member_ids = {d.opening_member_id for d in rows if d.opening_member_id is not None}
    members = {
        mm.id: member_view(mm)
        for mm in session.scalars(select(Member).where(Member.id.in_(member_ids)))
    }
    from_site = site_disagreements(session, ids)
    return [_view(d, tuple(petitions[d.id]), members, from_site.get(d.id, ())) for d in rows]


def _view(
    d: CommitteeDebate, petitions: tuple[DebatePetitionView, ...], members: dict[int, Any],
    from_site: tuple[Disagreement, ...],
) -> DebateView:  # fmt: skip
    return DebateView(
        id=d.id, petitions=petitions, day=d.day, starts_at=d.starts_at, place=d.place,
        relating_to=d.relating_to, motion=motion([p.petition_id for p in petitions], d.relating_to),
        opening_member=members.get(d.opening_member_id) if d.opening_member_id else None,
        department=d.department, minister=d.minister, status=d.status, summary=d.summary,
        transcript_url=d.transcript_url, video_url=d.video_url, pack_url=d.pack_url,
        engagement_url=d.engagement_url, summary_url=d.summary_url, created_at=d.created_at,
        created_by=d.created_by, updated_at=d.updated_at, updated_by=d.updated_by,
        version=d.version, disagreements=(*_day_disagreements(d, petitions), *from_site),
    )  # fmt: skip


def _day_disagreements(
    d: CommitteeDebate, petitions: tuple[DebatePetitionView, ...]
) -> tuple[Disagreement, ...]:
    """The site gives a different day for a petition than the Committee's record."""
    if d.day is None or d.status not in (*PENDING_STATUSES, DebateStatus.HELD.value):
        return ()
    return tuple(
        Disagreement(
            "day",
            weekday_date(d.day),
            weekday_date(p.site_day),
            f"The public site gives {weekday_date(p.site_day)} for e-petition "
            f"{p.petition_id}; this record says {weekday_date(d.day)}.",
        )  # fmt: skip
        for p in petitions
        if p.site_day is not None and p.site_day != d.day
    )
