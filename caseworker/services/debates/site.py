"""The public site's word on a debate, met with the Committee's own records.

An import or a sync may bring a petition's scheduled date or its debate outcome (the site's
``debates`` row). Each is linked to the Committee's record of that debate: found when the
record holds the petition on the same day, made when the clerks never recorded the debate
(petitions debated together, on one day with one transcript, go in one record), and never
made twice. On the same day the record gains the outcome links it lacks and becomes held
once the site dates the outcome. On another day nothing changes: the record shows the
disagreement to the clerk (records.py), who decides which is right.

The site's related activity and debate overview often name the Member who opens the debate
("Jane Smith MP has been asked by the Committee to open the debate"): a record without an
opening Member takes that one, and a record naming someone else shows the disagreement.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from caseworker.domain.debates import DEFAULT_START, VENUE, DebateStatus, default_relating_to
from caseworker.formatting import weekday_date
from caseworker.services.casework.common import (
    AuditEntry,
    CaseworkError,
    apply_changes,
    record_audit,
)
from caseworker.services.debates.members import find_member, plain_name
from caseworker.services.debates.views import Disagreement
from caseworker.services.dto import PetitionDetail
from caseworker.storage import models as m
from caseworker.storage.debate_models import (
    SLOT_HOLDING_STATUSES,
    CommitteeDebate,
    DebatePetition,
    Member,
)

#: Who made a record from the site's data (its ``created_by``).
SITE = "the public site"
#: The site's outcome links and the record's fields that keep them.
SITE_LINKS = {
    "transcript_url": "transcript_url",
    "video_url": "video_url",
    "debate_pack_url": "pack_url",
    "public_engagement_url": "engagement_url",
    "debate_summary_url": "summary_url",
}
_PENDING = (DebateStatus.PROPOSED.value, DebateStatus.SCHEDULED.value)
_LINKABLE = (*_PENDING, DebateStatus.HELD.value)
#: Petitions read at a time (well under SQLite's limit on bound values).
CHUNK = 500

#: A Member's name as the site writes it: capitalised words (with "de", "van"...) and "MP".
_NAME = r"((?:[A-Z][\w'’.-]*\s+(?:(?:de|van|von|der|da|di|du|le|la|ap)\s+)*){1,6}MP)\b"
#: How an update to signatories announces who opens the petition's debate: "Jane Smith MP
#: has been asked by the Committee to open the debate", "... will open the debate", "The
#: debate will be opened by Jane Smith MP". (Updates also report other debates, "The debate
#: was led by ...": those are not this petition's.)
_ANNOUNCED = (
    re.compile(
        _NAME + r"(?:,[^,.;]{1,120},)?\s+(?:has been|was|is) asked by the (?:Petitions )?"
        r"Committee to open the debate"
    ),  # fmt: skip
    re.compile(_NAME + r"(?:,[^,.;]{1,120},)?\s+will open the debate"),
    re.compile(r"will be opened by " + _NAME),
)
#: The outcome's overview: "The debate was opened by Jane Smith MP".
_OPENED = (*_ANNOUNCED, re.compile(r"opened by " + _NAME))


#: Petitions (of those given) for which the site gives a debate date.
_DATED = (
    select(m.Petition.id)
    .outerjoin(m.Debate, m.Debate.petition_id == m.Petition.id)
    .where(m.Petition.id.in_(bindparam("ids", expanding=True)))
    .where(m.Petition.scheduled_debate_date.is_not(None) | m.Debate.debated_on.is_not(None))
)


@dataclass(frozen=True)
class SiteLinkReport:
    """What meeting the site's debates with the Committee's records did."""

    #: Records that gained links, a held status or an opening Member from the site.
    linked: tuple[int, ...] = ()
    #: Records made for debates the clerks had not recorded.
    created: tuple[int, ...] = ()
    #: Petitions left as they were: the Committee's record gives another day, or the slot
    #: holds another debate (shown to the clerk as a disagreement).
    left: tuple[int, ...] = ()


@dataclass(frozen=True)
class _SiteDebate:
    petition_id: int
    action: str
    signature_count: int
    day: date
    #: The site has recorded the debate as held (its outcome has a date).
    held: bool
    #: Record field -> the site's link.
    links: dict[str, str]
    opening_member: str | None

    @property
    def key(self) -> tuple[date, str]:
        """Petitions debated together share the day and the transcript (as in packs)."""
        return self.day, self.links.get("transcript_url", "")


# Reading the site's text -------------------------------------------------------------------


def opening_member_in(activity: Iterable[str | None], overview: str | None = None) -> str | None:
    """The Member the site names as opening the debate (``"Jane Smith MP"``): the debate's
    overview when it names one, else the last update to signatories that does."""
    named = _last_named([overview], _OPENED)
    return named or _last_named(activity, _ANNOUNCED)


def _last_named(texts: Iterable[str | None], patterns: Sequence[re.Pattern[str]]) -> str | None:
    named: str | None = None
    for text in texts:
        flat = " ".join((text or "").split())
        for pattern in patterns:
            for match in pattern.finditer(flat):
                named = match.group(1)
    return named


def site_opening_member(petition: PetitionDetail) -> str | None:
    """Who the site says opens (or opened) the petition's debate, if it says."""
    items = sorted(
        petition.other_parliamentary_business,
        key=lambda b: b.occurred_on or (b.created_at.date() if b.created_at else date.min),
    )
    overview = petition.debate.overview if petition.debate is not None else None
    return opening_member_in([t for b in items for t in (b.subject, b.body)], overview)


def opening_members_of(session: Session, petition_ids: Sequence[int]) -> dict[int, str]:
    """The Member the site names to open each petition's debate (from its related activity,
    then the debate's overview); petitions it names none for are left out."""
    b, d = m.BusinessItem, m.Debate
    texts: dict[int, list[str | None]] = {pid: [] for pid in petition_ids}
    overviews: dict[int, str | None] = {}
    for start in range(0, len(petition_ids), CHUNK):
        chunk = petition_ids[start : start + CHUNK]
        day = func.coalesce(b.occurred_on, func.date(b.created_at))
        for pid, subject, body in session.execute(
            select(b.petition_id, b.subject, b.body)
            .where(b.petition_id.in_(chunk))
            .order_by(b.petition_id, day, b.id)
        ):
            texts[pid] += [subject, body]
        for pid, overview in session.execute(
            select(d.petition_id, d.overview).where(d.petition_id.in_(chunk))
        ):
            overviews[pid] = overview
    named = {pid: opening_member_in(t, overviews.get(pid)) for pid, t in texts.items()}
    return {pid: name for pid, name in named.items() if name}


# Linking -----------------------------------------------------------------------------------


def link_site_debates(
    session: Session, petition_ids: Iterable[int], *, actor: str, now: datetime
) -> SiteLinkReport:
    """Meet the site's scheduled dates and outcomes of these petitions with the Committee's
    records, in the caller's transaction; running it again changes nothing."""
    linker = _Linker(session, actor, now)
    groups: dict[tuple[date, str], list[_SiteDebate]] = {}
    for site in _site_debates(session, sorted(set(petition_ids))):
        groups.setdefault(site.key, []).append(site)
    for group in groups.values():
        linker.group(group)
    session.flush()
    return SiteLinkReport(
        tuple(dict.fromkeys(linker.linked)), tuple(linker.created), tuple(linker.left)
    )


def _site_debates(session: Session, ids: Sequence[int]) -> list[_SiteDebate]:
    p, d = m.Petition, m.Debate
    rows: list[Any] = []
    for start in range(0, len(ids), CHUNK):
        rows += session.execute(
            select(
                p.id,
                p.action,
                p.signature_count,
                p.scheduled_debate_date,
                d.debated_on,
                d.transcript_url,
                d.video_url,
                d.debate_pack_url,
                d.public_engagement_url,
                d.debate_summary_url,
            )  # fmt: skip
            .outerjoin(d, d.petition_id == p.id)
            .where(p.id.in_(ids[start : start + CHUNK]))
            .where((p.scheduled_debate_date.is_not(None)) | (d.debated_on.is_not(None)))
            .order_by(p.signature_count.desc(), p.id)
        ).all()
    if not rows:
        return []
    members = opening_members_of(session, [r.id for r in rows])
    return [
        _SiteDebate(
            petition_id=r.id,
            action=r.action,
            signature_count=r.signature_count,
            day=r.debated_on or r.scheduled_debate_date,
            held=r.debated_on is not None,
            links={
                field: url
                for column, field in SITE_LINKS.items()
                if (url := (getattr(r, column) or "").strip())
            },
            opening_member=members.get(r.id),
        )  # fmt: skip
        for r in rows
    ]


class _Linker:
    def __init__(self, session: Session, actor: str, now: datetime) -> None:
        self.session, self.actor, self.now = session, actor, now
        self.linked: list[int] = []
        self.created: list[int] = []
        self.left: list[int] = []

    def group(self, group: list[_SiteDebate]) -> None:
        """Petitions the site debates together: each linked to its record, the ones in no
        record placed together."""
        unplaced: list[_SiteDebate] = []
        for site in group:
            records = self._records_of(site.petition_id)
            same_day = [r for r in records if r.day == site.day]
            if same_day:
                self._link(same_day[0], site)
            elif records:
                self.left.append(site.petition_id)  # another day: the record shows it
            else:
                unplaced.append(site)
        if unplaced:
            self._place(unplaced)

    def _records_of(self, petition_id: int) -> list[CommitteeDebate]:
        d, dp = CommitteeDebate, DebatePetition
        return list(
            self.session.scalars(
                select(d)
                .join(dp, dp.debate_id == d.id)
                .where(dp.petition_id == petition_id, d.status.in_(_LINKABLE))
                .order_by(d.status.in_(_PENDING).desc(), d.day.desc(), d.id)
            )
        )

    def _link(self, debate: CommitteeDebate, site: _SiteDebate) -> None:
        """The record and the site agree on the day: fill in what the record lacks."""
        values: dict[str, Any] = {
            field: url for field, url in site.links.items() if not getattr(debate, field)
        }
        if site.held and debate.status in _PENDING:
            values["status"] = DebateStatus.HELD.value
        if debate.opening_member_id is None and site.opening_member:
            values["opening_member_id"] = self._member_id(site.opening_member)
        changed = apply_changes(debate, values)
        if changed:
            debate.updated_at, debate.updated_by = self.now, self.actor
            self.session.flush()
            self._audit(debate, _petition_ids(self.session, debate.id), "changed", changed)
            self.linked.append(debate.id)

    def _place(self, group: list[_SiteDebate]) -> None:
        """Petitions in no record: into the site's record of the same debate, else a new
        record, unless the slot holds another debate."""
        first = group[0]
        holder = self._slot_holder(first.day)
        if holder is None:
            self._create(group)
            return
        members = _petition_ids(self.session, holder.id)
        if holder.created_by == SITE and self._site_keys(members) == {first.key}:
            ids = [*members, *(s.petition_id for s in group)]
            self.session.add_all(
                DebatePetition(debate_id=holder.id, petition_id=s.petition_id, position=n)
                for n, s in enumerate(group, start=len(members))
            )
            holder.updated_at, holder.updated_by = self.now, self.actor
            self.session.flush()
            changes = {"petitions": (_id_list(members), _id_list(ids))}
            self._audit(holder, ids, "changed", changes)
            self.linked.append(holder.id)
            for site in group:
                self._link(holder, site)
        else:
            self.left += [s.petition_id for s in group]

    def _create(self, group: list[_SiteDebate]) -> None:
        first, ids = group[0], [s.petition_id for s in group]
        held = any(s.held for s in group)
        named = next((s.opening_member for s in group if s.opening_member), None)
        links: dict[str, str] = {}
        for site in group:
            links = site.links | links
        values: dict[str, Any] = {
            "day": first.day, "starts_at": DEFAULT_START, "place": VENUE,
            "relating_to": default_relating_to(first.action),
            "opening_member_id": self._member_id(named) if named else None,
            "department": _departments(self.session, first.petition_id), "minister": "",
            "status": (DebateStatus.HELD if held else DebateStatus.SCHEDULED).value, **links,
        }  # fmt: skip
        debate = CommitteeDebate(
            **values, created_at=self.now, created_by=SITE, updated_at=self.now,
            updated_by=self.actor,
        )  # fmt: skip
        self.session.add(debate)
        self.session.flush()
        self.session.add_all(
            DebatePetition(debate_id=debate.id, petition_id=pid, position=n)
            for n, pid in enumerate(ids)
        )
        self.session.flush()
        changes = {k: (None, v) for k, v in values.items()}
        changes["petitions"] = (None, _id_list(ids))
        self._audit(debate, ids, "created", changes)
        self.created.append(debate.id)

    def _slot_holder(self, day: date) -> CommitteeDebate | None:
        d = CommitteeDebate
        return self.session.scalar(
            select(d)
            .where(d.day == day, d.starts_at == DEFAULT_START)
            .where(d.status.in_(SLOT_HOLDING_STATUSES))
            .limit(1)
        )

    def _site_keys(self, petition_ids: Sequence[int]) -> set[tuple[date, str]]:
        p, d = m.Petition, m.Debate
        return {
            (day, transcript or "")
            for day, transcript in self.session.execute(
                select(func.coalesce(d.debated_on, p.scheduled_debate_date), d.transcript_url)
                .select_from(p)
                .outerjoin(d, d.petition_id == p.id)
                .where(p.id.in_(petition_ids))
            )
        }

    def _member_id(self, name: str) -> int:
        """The Member of that name, added with just the name when not yet kept."""
        try:
            return find_member(self.session, name).id
        except CaseworkError:
            pass
        words = name.split()
        # Kept without "MP", as the Members list keeps names (the pack adds it).
        plain = " ".join(words[:-1] if words[-1].lower() == "mp" else words)
        member = Member(name=plain, updated_at=self.now, updated_by=self.actor)
        self.session.add(member)
        self.session.flush()
        entry = AuditEntry("member", member.id, "created", None)
        record_audit(self.session, entry, self.actor, self.now, {"name": (None, member.name)})
        return member.id

    def _audit(self, debate: CommitteeDebate, petition_ids: Sequence[int], action: str,
               changes: dict[str, tuple[Any, Any]]) -> None:  # fmt: skip
        for pid in petition_ids:
            entry = AuditEntry("debate", debate.id, action, pid)
            record_audit(self.session, entry, self.actor, self.now, changes)


# Disagreements -----------------------------------------------------------------------------


def site_disagreements(
    session: Session, debate_ids: Iterable[int]
) -> dict[int, tuple[Disagreement, ...]]:
    """Where the site differs from these records beyond the day (records.py gives that):
    it names another opening Member, or gives the record's day for a petition the record
    leaves out. Debates with none are left out of the answer."""
    ids = sorted(set(debate_ids))
    if not ids:
        return {}
    d, dp = CommitteeDebate, DebatePetition
    debates = list(session.scalars(select(d).where(d.id.in_(ids), d.status.in_(_LINKABLE))))
    petitions: dict[int, list[int]] = {x.id: [] for x in debates}
    for debate_id, pid in session.execute(
        select(dp.debate_id, dp.petition_id)
        .where(dp.debate_id.in_(list(petitions)))
        .order_by(dp.debate_id, dp.position)
    ):
        petitions[debate_id].append(pid)
    named = opening_members_of(session, sorted({p for ps in petitions.values() for p in ps}))
    found: dict[int, tuple[Disagreement, ...]] = {}
    for debate in debates:
        own = petitions[debate.id]
        notes = [*_member_disagreements(session, debate, own, named)]
        notes += _left_out(session, debate, own)
        if notes:
            found[debate.id] = tuple(notes)
    return found


def _member_disagreements(
    session: Session, debate: CommitteeDebate, petition_ids: Sequence[int], named: dict[int, str]
) -> list[Disagreement]:
    member = session.get(Member, debate.opening_member_id) if debate.opening_member_id else None
    if member is None:
        return []
    ours = f"{member.name} MP"
    for pid in petition_ids:
        site = named.get(pid)
        if site and plain_name(site) != plain_name(member.name):
            return [
                Disagreement(
                    "opening_member",
                    ours,
                    site,
                    f"The public site names {site} to open the debate on e-petition {pid}; "
                    f"this record says {ours}.",
                )  # fmt: skip
            ]
    return []


def _left_out(
    session: Session, debate: CommitteeDebate, petition_ids: Sequence[int]
) -> list[Disagreement]:
    """Petitions the site gives this day that are in no record of the Committee."""
    if debate.day is None or debate.starts_at != DEFAULT_START:
        return []
    p, d, dp, cd = m.Petition, m.Debate, DebatePetition, CommitteeDebate
    recorded = (
        select(dp.petition_id).join(cd, cd.id == dp.debate_id).where(cd.status.in_(_LINKABLE))
    )
    site_day = func.coalesce(d.debated_on, p.scheduled_debate_date)
    missing = session.scalars(
        select(p.id)
        .outerjoin(d, d.petition_id == p.id)
        .where(site_day == debate.day, p.id.not_in(recorded), p.id.not_in(list(petition_ids)))
        .order_by(p.id)
    ).all()
    day = weekday_date(debate.day)
    return [
        Disagreement(
            "petitions",
            _id_list(petition_ids),
            _id_list([*petition_ids, pid]),
            f"The public site gives {day} for e-petition {pid} too; it is in no record of "
            "the Committee's. Add it to this debate if it was debated with it.",
        )  # fmt: skip
        for pid in missing
    ]


# Shared ------------------------------------------------------------------------------------


def _departments(session: Session, petition_id: int) -> str:
    pd = m.PetitionDepartment
    query = select(pd.department_name).where(pd.petition_id == petition_id)
    return "; ".join(sorted(session.scalars(query)))


def _petition_ids(session: Session, debate_id: int) -> list[int]:
    dp = DebatePetition
    query = select(dp.petition_id).where(dp.debate_id == debate_id).order_by(dp.position)
    return list(session.scalars(query))


def _id_list(ids: Sequence[int]) -> str:
    return ", ".join(str(i) for i in ids)


def link_site_debates_in(
    connection: Connection, petition_ids: Iterable[int], *, actor: str, now: datetime
) -> SiteLinkReport:
    """``link_site_debates`` inside a connection's transaction (an import's, per file)."""
    ids = sorted(set(petition_ids))
    # Most petitions in a file have no debate: one plain query finds the few that do.
    dated = [
        pid
        for start in range(0, len(ids), CHUNK)
        for pid in connection.scalars(_DATED, {"ids": ids[start : start + CHUNK]})
    ]
    if not dated:
        return SiteLinkReport()
    with Session(bind=connection, join_transaction_mode="create_savepoint") as session:
        report = link_site_debates(session, dated, actor=actor, now=now)
        session.commit()
    return report
