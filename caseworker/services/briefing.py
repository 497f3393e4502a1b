"""Debate briefing packs: one pack for chosen petitions, or every debate in a date range.

A pack is written to a temporary file beside the target and renamed into place when it is
complete, so a failed or cancelled export never leaves a half-written PDF behind
(``caseworker.pdf.files``: the user's umask, a full disk in one line, leftovers cleaned).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import IO, Any, TypeVar

from sqlalchemy import func, select

from caseworker.briefing import (
    BriefingPack,
    PackError,
    PackOptions,
    Section,
    assemble_pack,
    write_pack,
)
from caseworker.briefing.model import DebateMaterial, assemble_debate_pack
from caseworker.domain.debates import DebateStatus
from caseworker.jobs import CancelCheck, Cancelled, ProgressCallback, never_cancelled, no_progress
from caseworker.pdf.files import ExportError, write_export
from caseworker.services.debates.engagement import EngagementService
from caseworker.services.debates.material import MaterialService
from caseworker.services.debates.records import DebateService
from caseworker.services.petitions import PetitionService
from caseworker.services.related import RelatedPetition, RelatedService
from caseworker.storage import models as m
from caseworker.storage.debate_models import DebatePetition
from caseworker.storage.engine import Database

T = TypeVar("T")
#: More petitions than this in one debate are named "and N more" in the file name.
NAMED_IN_FILE = 3
DEFAULT_OPTIONS = PackOptions()
#: Related petitions a debate's pack lists, taken in turn from each petition's closest.
RELATED_IN_PACK = 8
#: Committee records a batch makes packs for: those with a slot, held or to be held.
BATCH_STATUSES = (
    DebateStatus.PROPOSED.value,
    DebateStatus.SCHEDULED.value,
    DebateStatus.HELD.value,
)


@dataclass(frozen=True)
class PackResult:
    path: Path
    petition_ids: tuple[int, ...]
    pages: int
    reference: str


@dataclass(frozen=True)
class DebateGroup:
    """Petitions debated together: the same day and the same debate (transcript)."""

    debate_date: date
    petition_ids: tuple[int, ...]
    titles: tuple[str, ...]
    #: The Committee's record of the debate; None for a debate known only from the site.
    debate_id: int | None = None

    @property
    def file_name(self) -> str:
        ids = [str(i) for i in self.petition_ids]
        if len(ids) > NAMED_IN_FILE:
            ids = [*ids[:NAMED_IN_FILE], f"and-{len(ids) - NAMED_IN_FILE}-more"]
        return f"{self.debate_date:%Y-%m-%d}-briefing-{'-'.join(ids)}.pdf"


@dataclass(frozen=True)
class BatchResult:
    packs: tuple[PackResult, ...]


class BriefingService:
    def __init__(self, database: Database, *, today: Callable[[], date] = date.today) -> None:
        self._database = database
        self._petitions = PetitionService(database)
        self._debates = DebateService(database)
        self._engagement = EngagementService(database)
        self._material = MaterialService(database)
        self._related = RelatedService(database)
        self._today = today

    def load_pack(
        self, petition_ids: Sequence[int], options: PackOptions = DEFAULT_OPTIONS
    ) -> BriefingPack:
        """The pack for the petitions, in the order given (duplicates dropped).

        Raises PetitionNotFound naming the first id not in the database; PackError if none,
        or if the petitions are debated on different days and ``options`` gives no debate
        date (the message names each petition and its day, for the window and the CLI). With
        a date, the pack names the petitions debated on another day.
        """
        ids = list(dict.fromkeys(petition_ids))
        if not ids:
            raise PackError("a briefing pack needs at least one petition")
        today = self._today()
        details = [self._petitions.get_petition(i, as_of=today) for i in ids]
        return assemble_pack(details, options, today=today)

    def write_pack(
        self,
        petition_ids: Sequence[int],
        path: Path,
        options: PackOptions = DEFAULT_OPTIONS,
        *,
        progress: ProgressCallback = no_progress,
        cancelled: CancelCheck = never_cancelled,
    ) -> PackResult:
        """Write one pack to ``path``, replacing any file there only once it is complete."""
        progress(0, 0, "Reading the petitions")
        pack = self.load_pack(petition_ids, options)
        return _written(pack, path, progress, cancelled)

    def load_pack_for_debate(
        self, debate_id: int, options: PackOptions = DEFAULT_OPTIONS
    ) -> BriefingPack:
        """The pack for the Committee's record of a debate: its petitions in the motion's
        order, its day, time, place and opening Member, the motion, the Minister, the
        clerk's summary, the public engagement, the parliamentary material and related
        petitions. Raises RecordNotFound for an unknown debate."""
        debate = self._debates.get(debate_id)
        if not debate.petitions:
            raise PackError(f"debate {debate_id} has no petitions")
        today = self._today()
        details = [self._petitions.get_petition(i, as_of=today) for i in debate.petition_ids]
        found = DebateMaterial(
            debate=debate,
            engagement=self._engagement.findings(debate_id)
            if Section.ENGAGEMENT in options.sections
            else None,
            material=tuple(self._material.items(debate_id))
            if Section.MATERIAL in options.sections
            else (),
            related=self._related_petitions(debate.petition_ids)
            if Section.RELATED in options.sections
            else (),
        )
        return assemble_debate_pack(details, options, found, today=today)

    def write_pack_for_debate(
        self,
        debate_id: int,
        path: Path,
        options: PackOptions = DEFAULT_OPTIONS,
        *,
        progress: ProgressCallback = no_progress,
        cancelled: CancelCheck = never_cancelled,
    ) -> PackResult:
        """Write the debate record's pack to ``path`` (replaced only once complete)."""
        progress(0, 0, "Reading the debate and its petitions")
        pack = self.load_pack_for_debate(debate_id, options)
        return _written(pack, path, progress, cancelled)

    def _related_petitions(self, ids: Sequence[int]) -> tuple[RelatedPetition, ...]:
        """The closest petitions to each of ``ids`` in turn (none of ``ids`` themselves)."""
        lists = [self._related.related(pid, RELATED_IN_PACK) for pid in ids]
        chosen: dict[int, RelatedPetition] = {}
        for rank in range(RELATED_IN_PACK):
            for found in lists:
                if rank < len(found) and found[rank].id not in ids:
                    chosen.setdefault(found[rank].id, found[rank])
        return tuple(list(chosen.values())[:RELATED_IN_PACK])

    def debates_between(self, first: date, last: date) -> list[DebateGroup]:
        """Debates held or scheduled from ``first`` to ``last`` (inclusive), earliest first:
        the Committee's records, then debates the site gives for petitions in no record."""
        if last < first:
            raise PackError(f"the range ends ({last}) before it starts ({first})")
        records = [
            DebateGroup(d.day, d.petition_ids, tuple(p.action for p in d.petitions), d.id)
            for d in self._debates.debates(first=first, last=last)
            if d.day is not None and d.status in BATCH_STATUSES and d.petitions
        ]
        with self._database.sessions() as session:
            recorded = set(session.scalars(select(DebatePetition.petition_id)))
            rows = session.execute(_debates_query(first, last)).all()
        site = group_debates(r for r in rows if r.id not in recorded)
        return sorted([*records, *site], key=lambda g: g.debate_date)

    def write_batch(
        self,
        first: date,
        last: date,
        folder: Path,
        options: PackOptions = DEFAULT_OPTIONS,
        *,
        progress: ProgressCallback = no_progress,
        cancelled: CancelCheck = never_cancelled,
    ) -> BatchResult:
        """One pack per debate in the range, into ``folder``. Each pack takes its own debate
        date and opening Member; ``options`` gives the sections (and a time)."""
        if not folder.is_dir():
            raise PackError(f"{folder} is not a folder")
        groups = self.debates_between(first, last)
        packs: list[PackResult] = []
        for done, group in enumerate(groups):
            if cancelled():
                raise Cancelled()
            progress(done, len(groups), group.file_name)
            if group.debate_id is not None:
                own = replace(options, member=None, reference=None)
                packs.append(
                    self.write_pack_for_debate(
                        group.debate_id, folder / group.file_name, own, cancelled=cancelled
                    )
                )
                continue
            own = replace(options, debate_date=group.debate_date, member=None, reference=None)
            packs.append(
                self.write_pack(
                    group.petition_ids, folder / group.file_name, own, cancelled=cancelled
                )
            )
        progress(len(groups), len(groups), f"{len(packs)} packs written")
        return BatchResult(tuple(packs))


def _debates_query(first: date, last: date) -> Any:
    p, d = m.Petition, m.Debate
    day = func.coalesce(d.debated_on, p.scheduled_debate_date)
    return (
        select(p.id, p.action, day.label("day"), d.transcript_url)
        .outerjoin(d, d.petition_id == p.id)
        .where(day.between(first, last))
        .order_by(day, p.signature_count.desc(), p.id)
    )


def group_debates(rows: Iterable[Any]) -> list[DebateGroup]:
    """Rows of (id, action, day, transcript_url), in order, grouped by day and transcript:
    petitions debated together share both; scheduled ones share the day only."""
    groups: dict[tuple[date, str], list[Any]] = {}
    for row in rows:
        groups.setdefault((row.day, row.transcript_url or ""), []).append(row)
    return [
        DebateGroup(day, tuple(r.id for r in members), tuple(r.action for r in members))
        for (day, _transcript), members in groups.items()
    ]


def _written(
    pack: BriefingPack, path: Path, progress: ProgressCallback, cancelled: CancelCheck
) -> PackResult:
    """Write a loaded pack to ``path`` (unless cancelled meanwhile), whole or not at all."""
    if cancelled():
        raise Cancelled()
    pages = write_atomically(
        path, lambda out: write_pack(pack, out, progress=progress, cancelled=cancelled)
    )
    return PackResult(path, pack.ids, pages, pack.reference)


def write_atomically(path: Path, write: Callable[[IO[bytes]], T]) -> T:
    """Call ``write`` on a temporary file in ``path``'s folder, then rename it to ``path``.

    Raises PackError naming the file when it cannot be written (no folder, a full disk...).
    """
    try:
        return write_export(path, write)
    except ExportError as exc:
        raise PackError(str(exc)) from exc
