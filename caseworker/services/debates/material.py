"""A debate's parliamentary material: the list the clerk curates for the pack (previous
debates, written questions, statements, early day motions, committee reports and letters,
press, further reading), each with its type, title, date, link and note.

``suggest`` reads what the stored petitions already say: the site's related activity on
the debate's petitions (the Committee's letters and reports it links), and the debates on
the petitions most like them (the site's outcomes and the Committee's own held debates,
with their transcripts). Suggestions are only offered; ``accept`` adds the ones the clerk
ticks. Every change is written to the audit history of each petition in the debate.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from caseworker.briefing.activity import parse_activity
from caseworker.briefing.blocks import URL
from caseworker.domain import rules
from caseworker.domain.debates import DebateStatus, MaterialKind
from caseworker.formatting import count, parse_date
from caseworker.services.casework.common import (
    AuditEntry,
    CaseworkError,
    CaseworkServiceBase,
    Clock,
    RecordNotFound,
    apply_changes,
    record_audit,
)
from caseworker.services.debates.views import MaterialItem
from caseworker.services.dto import BusinessView
from caseworker.services.petitions import PetitionService
from caseworker.services.related import RelatedService
from caseworker.storage import models as m
from caseworker.storage.debate_models import (
    CommitteeDebate,
    DebatePetition,
    ParliamentaryMaterial,
)
from caseworker.storage.engine import Database

#: Where each kind comes in the pack and the list: MaterialKind's own order.
KIND_ORDER = {kind.value: n for n, kind in enumerate(MaterialKind)}
MATERIAL_FIELDS = ("kind", "title", "published_on", "link", "note")
#: Related petitions whose debates are suggested, for each petition in the debate.
RELATED_LOOKED_AT = 20
#: A suggestion's note is cut to this many characters (the clerk edits it).
NOTE_LENGTH = 240

#: How the site's related activity is told apart: its subject names what it is.
_KIND_WORDS: tuple[tuple[MaterialKind, re.Pattern[str]], ...] = (
    (MaterialKind.EDM, re.compile(r"\bearly day motion|\bEDM\b", re.IGNORECASE)),
    (MaterialKind.COMMITTEE_REPORT,
     re.compile(r"\breport\b|\bletter\b|\bwr(ote|ites)\b|\bcorrespondence\b|\binquiry\b"
                r"|\bevidence\b|\bcommittee\b", re.IGNORECASE)),
    (MaterialKind.STATEMENT, re.compile(r"\bstatement\b", re.IGNORECASE)),
    (MaterialKind.WRITTEN_QUESTION, re.compile(r"\bquestions?\b", re.IGNORECASE)),
    (MaterialKind.DEBATE, re.compile(r"\bdebat(e|ed|es)\b", re.IGNORECASE)),
)  # fmt: skip


class MaterialService(CaseworkServiceBase):
    def __init__(self, database: Database, actor: str | None = None, clock: Clock | None = None):
        super().__init__(database, actor, clock)
        self._petitions = PetitionService(database)
        self._related = RelatedService(database)

    # Reading -------------------------------------------------------------------------------

    def items(self, debate_id: int) -> list[MaterialItem]:
        """The debate's list in the pack's order: by kind, then as the clerk arranged it."""
        with self._sessions() as session:
            _debate(session, debate_id)
            return [material_item(row) for row in _rows(session, debate_id)]

    # Writing -------------------------------------------------------------------------------

    def add(
        self, debate_id: int, kind: str, title: str, *, published_on: date | str | None = None,
        link: str = "", note: str = "", suggested_from: str = "",
    ) -> MaterialItem:  # fmt: skip
        """Add an item at the end of its kind."""
        values = checked({
            "kind": kind, "title": title, "published_on": published_on, "link": link,
            "note": note,
        })  # fmt: skip
        with self._writing("The parliamentary material") as session:
            _debate(session, debate_id)
            row = self._new_row(session, debate_id, values, suggested_from)
            self._audit(session, row, "added", {k: (None, v) for k, v in values.items()})
            return material_item(row)

    def update(self, item_id: int, **changes: Any) -> MaterialItem:
        """Change any of kind, title, published_on, link and note; a new kind puts the item
        at the end of that kind."""
        unknown = set(changes) - set(MATERIAL_FIELDS)
        if unknown:
            raise CaseworkError(f"An item of material has no field {sorted(unknown)[0]}")
        with self._writing("The parliamentary material") as session:
            row = _row(session, item_id)
            values = checked({**{f: getattr(row, f) for f in MATERIAL_FIELDS}, **changes})
            if values["kind"] != row.kind:
                row.position = _next_position(session, row.debate_id, values["kind"])
            changed = apply_changes(row, values)
            if changed:
                row.updated_at, row.updated_by = self.clock.now(), self.actor
                self._audit(session, row, "changed", changed)
            session.flush()
            return material_item(row)

    def delete(self, item_id: int) -> None:
        with self._writing("The parliamentary material") as session:
            row = _row(session, item_id)
            self._audit(session, row, "removed", {"title": (row.title, None)})
            session.delete(row)

    def move(self, item_id: int, steps: int) -> list[MaterialItem]:
        """Move an item up (negative) or down within its kind; returns the whole list."""
        with self._writing("The parliamentary material") as session:
            row = _row(session, item_id)
            same_kind = [r for r in _rows(session, row.debate_id) if r.kind == row.kind]
            at = same_kind.index(row)
            to = max(0, min(len(same_kind) - 1, at + steps))
            if to != at:
                same_kind.insert(to, same_kind.pop(at))
                for n, r in enumerate(same_kind):
                    r.position = n
                row.updated_at, row.updated_by = self.clock.now(), self.actor
                self._audit(session, row, "moved", {"position": (at + 1, to + 1)})
            session.flush()
            return [material_item(r) for r in _rows(session, row.debate_id)]

    def accept(self, debate_id: int, suggestions: Iterable[MaterialItem]) -> list[MaterialItem]:
        """Add the suggestions the clerk ticked (any already listed are skipped); returns
        the whole list."""
        with self._writing("The parliamentary material") as session:
            _debate(session, debate_id)
            listed = {_identity(material_item(r)) for r in _rows(session, debate_id)}
            for suggestion in suggestions:
                if _identity(suggestion) in listed:
                    continue
                listed.add(_identity(suggestion))
                values = checked({f: getattr(suggestion, f) for f in MATERIAL_FIELDS})
                row = self._new_row(session, debate_id, values, suggestion.suggested_from)
                changes = {k: (None, v) for k, v in values.items()}
                self._audit(session, row, "added", changes)
            session.flush()
            return [material_item(r) for r in _rows(session, debate_id)]

    # Suggestions ---------------------------------------------------------------------------

    def suggest(self, debate_id: int) -> list[MaterialItem]:
        """What the stored petitions say that the list does not hold yet, in the pack's
        order: the site's related activity on the debate's petitions, then the debates on
        the petitions most like them."""
        with self._sessions() as session:
            debate = _debate(session, debate_id)
            ids = _petition_ids(session, debate_id)
            listed = {_identity(material_item(r)) for r in _rows(session, debate_id)}
            day = debate.day
        today = self.clock.today()
        found: list[MaterialItem] = []
        for pid in ids:
            found += site_activity(pid, self._petitions.get_petition(pid, as_of=today))
        found += self._related_debates(ids, day)
        out: list[MaterialItem] = []
        for item in found:
            if _identity(item) not in listed:
                listed.add(_identity(item))
                out.append(item)
        return sorted(out, key=lambda i: KIND_ORDER[i.kind])

    def _related_debates(self, ids: Sequence[int], day: date | None) -> list[MaterialItem]:
        """Debates on the petitions most like the debate's own (not this debate)."""
        related: dict[int, int] = {}
        for pid in ids:
            for r in self._related.related(pid, RELATED_LOOKED_AT):
                if r.id not in ids:
                    related.setdefault(r.id, pid)
        if not related:
            return []
        with self._sessions() as session:
            return [
                *_site_debates(session, related, day),
                *_committee_debates(session, related, day),
            ]

    # Helpers -------------------------------------------------------------------------------

    def _new_row(
        self, session: Session, debate_id: int, values: dict[str, Any], suggested_from: str
    ) -> ParliamentaryMaterial:
        row = ParliamentaryMaterial(
            debate_id=debate_id, **values, suggested_from=_clean(suggested_from),
            position=_next_position(session, debate_id, values["kind"]),
            updated_at=self.clock.now(), updated_by=self.actor,
        )  # fmt: skip
        session.add(row)
        session.flush()
        return row

    def _audit(
        self, session: Session, row: ParliamentaryMaterial, action: str,
        changes: dict[str, tuple[Any, Any]],
    ) -> None:  # fmt: skip
        """The same entries in the history of each petition in the debate."""
        now = self.clock.now()
        targets: list[int | None] = [*_petition_ids(session, row.debate_id)] or [None]
        for pid in targets:
            entry = AuditEntry("debate material", row.id, action, pid)
            record_audit(session, entry, self.actor, now, changes)


# Checks ------------------------------------------------------------------------------------


def checked(values: dict[str, Any]) -> dict[str, Any]:
    """The values as stored, or CaseworkError naming the field at fault."""
    try:
        kind = MaterialKind(values["kind"]).value
    except ValueError:
        known = ", ".join(k.value for k in MaterialKind)
        raise CaseworkError(
            f"{values['kind']!r} is not a kind of material; choose from {known}", field="kind"
        ) from None
    title = _clean(values["title"])
    if not title:
        raise CaseworkError("An item of material needs a title", field="title")
    link = str(values.get("link") or "").strip()
    if link and (not link.lower().startswith(("http://", "https://")) or " " in link):
        raise CaseworkError(
            f"{link!r} is not a web address: a link starts with http:// or https://",
            field="link",
        )
    return {
        "kind": kind, "title": title, "published_on": _date(values.get("published_on")),
        "link": link, "note": str(values.get("note") or "").strip(),
    }  # fmt: skip


def _date(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    if not value.strip():
        return None
    try:
        return parse_date(value)
    except ValueError as exc:
        raise CaseworkError(str(exc), field="published_on") from None


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def _identity(item: MaterialItem) -> tuple[str, ...]:
    """Two items are the same when they link to the same page, or (with no link) share a
    kind and title."""
    if item.link:
        return ("link", item.link.strip().rstrip("/").lower())
    return ("title", item.kind, _clean(item.title).lower())


# Rows --------------------------------------------------------------------------------------


def _debate(session: Session, debate_id: int) -> CommitteeDebate:
    debate = session.get(CommitteeDebate, debate_id)
    if debate is None:
        raise RecordNotFound("Debate", debate_id)
    return debate


def _row(session: Session, item_id: int) -> ParliamentaryMaterial:
    row = session.get(ParliamentaryMaterial, item_id, with_for_update=True)
    if row is None:
        raise RecordNotFound("Item of material", item_id)
    return row


def _rows(session: Session, debate_id: int) -> list[ParliamentaryMaterial]:
    pm = ParliamentaryMaterial
    rows = session.scalars(select(pm).where(pm.debate_id == debate_id)).all()
    return sorted(rows, key=lambda r: (KIND_ORDER.get(r.kind, len(KIND_ORDER)), r.position, r.id))


def _next_position(session: Session, debate_id: int, kind: str) -> int:
    pm = ParliamentaryMaterial
    last = session.scalar(
        select(func.max(pm.position)).where(pm.debate_id == debate_id, pm.kind == kind)
    )
    return 0 if last is None else last + 1


def _petition_ids(session: Session, debate_id: int) -> list[int]:
    dp = DebatePetition
    query = select(dp.petition_id).where(dp.debate_id == debate_id).order_by(dp.position)
    return list(session.scalars(query))


def material_item(row: ParliamentaryMaterial) -> MaterialItem:
    return MaterialItem(
        id=row.id, kind=row.kind, title=row.title, published_on=row.published_on,
        link=row.link, note=row.note, suggested_from=row.suggested_from,
    )  # fmt: skip


# Where suggestions come from ---------------------------------------------------------------


def kind_of_activity(subject: str) -> MaterialKind:
    """What an update on the site is about, from its subject; further reading otherwise."""
    for kind, words in _KIND_WORDS:
        if words.search(subject):
            return kind
    return MaterialKind.FURTHER_READING


def site_activity(petition_id: int, detail: Any) -> list[MaterialItem]:
    """The site's related activity on a petition ("other parliamentary business"), one
    suggestion an update, linking to the first page the update links to."""
    out = []
    for update in detail.other_parliamentary_business:
        if update.is_former_response:
            continue
        out.append(
            MaterialItem(
                id=None,
                kind=kind_of_activity(update.subject).value,
                title=_clean(update.subject),
                published_on=_activity_day(update),
                link=_first_link(update.body or ""),
                note=_first_words(update.body or ""),
                suggested_from=f"Site activity on e-petition {petition_id}",
            )  # fmt: skip
        )
    return out


def _activity_day(update: BusinessView) -> date | None:
    if update.occurred_on is not None:
        return update.occurred_on
    return rules.london_date(update.created_at) if update.created_at is not None else None


def _first_link(body: str) -> str:
    text = parse_activity(body)
    if text.footnotes:
        return text.footnotes[0][1]
    match = URL.search(body)
    return match.group(0).rstrip(".,;:!?)") if match else ""


def _first_words(body: str) -> str:
    """The update's first paragraph, cut at a word near NOTE_LENGTH."""
    text = parse_activity(body)
    first = next((b.text for b in text.blocks if b.kind == "paragraph"), "")
    first = _clean(URL.sub("", first))
    if len(first) <= NOTE_LENGTH:
        return first
    return first[:NOTE_LENGTH].rsplit(" ", 1)[0] + "…"


def _site_debates(
    session: Session, related: dict[int, int], day: date | None
) -> list[MaterialItem]:
    """The site's debate outcomes on related petitions, held before this debate."""
    p, d = m.Petition, m.Debate
    rows = session.execute(
        select(p.id, p.action, p.signature_count, d.debated_on, d.transcript_url, d.video_url)
        .join(d, d.petition_id == p.id)
        .where(p.id.in_(related), d.debated_on.is_not(None))
        .order_by(d.debated_on.desc(), p.id)
    ).all()
    return [
        MaterialItem(
            id=None,
            kind=MaterialKind.DEBATE.value,
            title=f"Debate on e-petition {pid}: {action}",
            published_on=on,
            link=transcript or video or "",
            note=f"A debate on a related petition ({count(signatures)} signatures).",
            suggested_from=f"Site debate outcome of e-petition {pid}, related to e-petition "
            f"{related[pid]}",
        )  # fmt: skip
        for pid, action, signatures, on, transcript, video in rows
        if day is None or (on is not None and on < day)
    ]


def _committee_debates(
    session: Session, related: dict[int, int], day: date | None
) -> list[MaterialItem]:
    """The Committee's own held debates on related petitions, with their transcripts."""
    d, dp, p = CommitteeDebate, DebatePetition, m.Petition
    rows = session.execute(
        select(d.id, d.day, d.transcript_url, d.video_url, p.id, p.action)
        .join(dp, dp.debate_id == d.id)
        .join(p, p.id == dp.petition_id)
        .where(dp.petition_id.in_(related), d.status == DebateStatus.HELD.value)
        .order_by(d.day.desc(), d.id)
    ).all()
    out: dict[int, MaterialItem] = {}
    for debate_id, on, transcript, video, pid, action in rows:
        if debate_id in out or (day is not None and on is not None and on >= day):
            continue
        out[debate_id] = MaterialItem(
            id=None, kind=MaterialKind.DEBATE.value,
            title=f"Debate on e-petition {pid}: {action}", published_on=on,
            link=transcript or video, note="A debate the Committee held on a related petition.",
            suggested_from=f"Committee debate {debate_id}, related to e-petition {related[pid]}",
        )  # fmt: skip
    return list(out.values())
