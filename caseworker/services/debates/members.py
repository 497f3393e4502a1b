"""The Members the clerks work with: Committee members and those who open debates."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from caseworker.services.casework.common import (
    AuditEntry,
    CaseworkError,
    CaseworkServiceBase,
    RecordNotFound,
    apply_changes,
    check_version,
    record_audit,
)
from caseworker.services.debates.views import MemberView
from caseworker.storage.debate_models import CommitteeDebate, Member

MEMBER_FIELDS = ("name", "constituency", "constituency_code", "party", "committee_member", "notes")


class MemberService(CaseworkServiceBase):
    def members(self, *, committee_only: bool = False) -> list[MemberView]:
        """Every Member kept, Committee members first, then by name."""
        query = select(Member).order_by(Member.committee_member.desc(), func.lower(Member.name))
        if committee_only:
            query = query.where(Member.committee_member.is_(True))
        with self._sessions() as session:
            return [member_view(m) for m in session.scalars(query)]

    def get(self, member_id: int) -> MemberView:
        with self._sessions() as session:
            return member_view(_member(session, member_id))

    def find(self, name: str) -> MemberView:
        """The Member of that name (any case, with or without "MP"); refuses an unknown one
        naming the Members kept, so a typo on the command line is caught."""
        with self._sessions() as session:
            return member_view(find_member(session, name))

    def add(
        self, name: str, *, constituency: str = "", party: str = "",
        committee_member: bool = False, notes: str = "", constituency_code: str | None = None,
    ) -> MemberView:  # fmt: skip
        values = _checked({
            "name": name, "constituency": constituency, "constituency_code": constituency_code,
            "party": party, "committee_member": committee_member, "notes": notes,
        })  # fmt: skip
        with self._writing(f"Member {values['name']}") as session:
            _refuse_same_name(session, values["name"], None)
            member = Member(**values, updated_at=self.clock.now(), updated_by=self.actor)
            session.add(member)
            session.flush()
            self._audit(session, member, "created", {k: (None, v) for k, v in values.items()})
            return member_view(member)

    def update(self, member_id: int, expected_version: int, **changes: Any) -> MemberView:
        unknown = set(changes) - set(MEMBER_FIELDS)
        if unknown:
            raise CaseworkError(f"A Member has no field {sorted(unknown)[0]}")
        with self._writing("The Member") as session:
            member = _member(session, member_id, lock=True)
            check_version("Member", member, expected_version)
            values = _checked({**{f: getattr(member, f) for f in MEMBER_FIELDS}, **changes})
            _refuse_same_name(session, values["name"], member.id)
            changed = apply_changes(member, values)
            if changed:
                member.updated_at, member.updated_by = self.clock.now(), self.actor
                self._audit(session, member, "changed", changed)
            session.flush()
            return member_view(member)

    def delete(self, member_id: int, expected_version: int) -> None:
        """Remove a Member no debate names (to undo adding one, or tidy the list)."""
        with self._writing("The Member") as session:
            member = _member(session, member_id, lock=True)
            check_version("Member", member, expected_version)
            opening = session.scalar(
                select(func.count()).where(CommitteeDebate.opening_member_id == member_id)
            )
            if opening:
                raise CaseworkError(
                    f"{member.name} opens {opening} debate(s): choose another Member for them first"
                )
            self._audit(session, member, "deleted")
            session.delete(member)

    def _audit(self, session: Session, member: Member, action: str,
               changes: dict[str, tuple[Any, Any]] | None = None) -> None:  # fmt: skip
        entry = AuditEntry("member", member.id, action, None)
        record_audit(session, entry, self.actor, self.clock.now(), changes)


def member_view(m: Member) -> MemberView:
    return MemberView(
        m.id, m.name, m.constituency, m.constituency_code, m.party, m.committee_member,
        m.notes, m.version,
    )  # fmt: skip


def _member(session: Session, member_id: int, *, lock: bool = False) -> Member:
    member = session.get(Member, member_id, with_for_update=lock)
    if member is None:
        raise RecordNotFound("Member", member_id)
    return member


def plain_name(name: str) -> str:
    """``"  jane smith  mp "`` -> ``"jane smith"``: how names are compared."""
    words = name.split()
    if words and words[-1].lower() == "mp":
        words = words[:-1]
    return " ".join(words).lower()


def find_member(session: Session, name: str) -> Member:
    wanted = plain_name(name)
    for member in session.scalars(select(Member)):
        if plain_name(member.name) == wanted:
            return member
    known = [m for m in session.scalars(select(Member.name).order_by(Member.name))]
    listed = f"; the Members kept are {', '.join(known[:8])}" if known else ""
    more = " and others" if len(known) > 8 else ""
    raise CaseworkError(
        f"unknown Member {name.strip()!r}: add them first (members add){listed}{more}",
        field="opening_member",
    )


def _refuse_same_name(session: Session, name: str, member_id: int | None) -> None:
    for other in session.scalars(select(Member).where(Member.id != (member_id or -1))):
        if plain_name(other.name) == plain_name(name):
            raise CaseworkError(f"{other.name} is already in the list of Members", field="name")


def _checked(values: dict[str, Any]) -> dict[str, Any]:
    words = str(values["name"] or "").split()
    # Kept without "MP": the pack and lists add it ("Jane Smith MP").
    if words and words[-1].lower() == "mp":
        words = words[:-1]
    name = " ".join(words)
    if not name:
        raise CaseworkError("A Member needs a name", field="name")
    code = (values.get("constituency_code") or "").strip().upper() or None
    return {
        **values,
        "name": name,
        "constituency": " ".join(str(values["constituency"] or "").split()),
        "party": " ".join(str(values["party"] or "").split()),
        "notes": str(values["notes"] or "").strip(),
        "committee_member": bool(values["committee_member"]),
        "constituency_code": code,
    }
