"""What a briefing pack holds, assembled from the stored petitions and the clerk's choices."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from enum import StrEnum
from typing import TYPE_CHECKING

from caseworker.domain.data_date import DataDate
from caseworker.domain.rules import DebateState
from caseworker.formatting import weekday_date
from caseworker.services.debates.views import DebateView, EngagementFindings, MaterialItem
from caseworker.services.dto import PetitionDetail

if TYPE_CHECKING:
    from caseworker.services.related import RelatedPetition

#: Petitions debates are held in Westminster Hall on Mondays at 4.30pm.
VENUE = "Westminster Hall"
DEFAULT_DEBATE_TIME = time(16, 30)


class Section(StrEnum):
    """The optional parts of a pack; the cover and contents are always there."""

    SUMMARY = "summary"
    #: The motion, who opens and who responds, and the clerk's summary (from the record).
    DEBATE = "debate"
    PETITION = "petition"
    SIGNATURES = "signatures"
    RESPONSE = "response"
    BUSINESS = "business"
    LINKS = "links"
    RELATED = "related"
    MATERIAL = "material"
    ENGAGEMENT = "engagement"
    MEMBERS = "members"
    ANNEX = "annex"


SECTION_TITLES = {
    Section.SUMMARY: "Summary",
    Section.PETITION: "The petition",
    Section.SIGNATURES: "Signatures",
    Section.RESPONSE: "The Government response",
    Section.BUSINESS: "Other parliamentary business",
    Section.DEBATE: "The debate",
    Section.LINKS: "Links",
    Section.RELATED: "Related petitions",
    Section.MATERIAL: "Parliamentary material",
    Section.ENGAGEMENT: "What the public told us",
    Section.MEMBERS: "Members whose constituents signed most",
    Section.ANNEX: "Annex: signatures by constituency",
}
ALL_SECTIONS = frozenset(Section)


class PackError(ValueError):
    """The pack cannot be made as asked (no petitions, an unknown section, ...)."""


class DebatedOnDifferentDays(PackError):
    """Petitions debated (or scheduled) on different days, with no debate date given.

    ``days`` lists each day and its petitions, earliest first, so the window can ask which
    debate the pack is for."""

    def __init__(self, message: str, days: tuple[tuple[date, tuple[int, ...]], ...]) -> None:
        super().__init__(message)
        self.days = days


def parse_sections(text: str) -> frozenset[Section]:
    """``"summary,signatures"`` -> the sections; raises PackError naming an unknown one."""
    chosen = set()
    for name in (part.strip().lower() for part in text.split(",")):
        if not name:
            continue
        try:
            chosen.add(Section(name))
        except ValueError:
            known = ", ".join(s.value for s in Section)
            raise PackError(f"unknown section {name!r}; choose from {known}") from None
    if not chosen:
        raise PackError("choose at least one section")
    return frozenset(chosen)


@dataclass(frozen=True)
class PackOptions:
    """The clerk's choices; anything left as None is worked out from the petitions."""

    sections: frozenset[Section] = ALL_SECTIONS
    member: str | None = None
    debate_date: date | None = None
    debate_time: time = DEFAULT_DEBATE_TIME
    reference: str | None = None


@dataclass(frozen=True)
class BriefingPack:
    """One pack: one cover and summary, then a part for each petition debated together."""

    petitions: tuple[PetitionDetail, ...]
    sections: frozenset[Section]
    member: str | None
    debate_date: date | None
    debate_time: time
    reference: str
    prepared_on: date
    #: The newest capture among the petitions: the counts are as at this moment.
    data_as_at: datetime | None
    venue: str = VENUE
    #: Petitions debated (or scheduled) on another day than the pack's, with that day: only
    #: when the clerk gave the pack's date (otherwise such a group is refused).
    other_days: tuple[tuple[int, date], ...] = ()
    #: The Committee's record of the debate, when the pack is made from it: the motion,
    #: the Members, the clerk's summary. Packs for chosen petitions have none.
    debate: DebateView | None = None
    engagement: EngagementFindings | None = None
    #: The parliamentary material the clerk listed, by kind.
    material: tuple[MaterialItem, ...] = ()
    #: Petitions like the debate's own (not in it), closest first.
    related: tuple[RelatedPetition, ...] = ()
    ids: tuple[int, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "ids", tuple(p.id for p in self.petitions))

    @property
    def grouped(self) -> bool:
        return len(self.petitions) > 1

    @property
    def data_date(self) -> DataDate:
        """How old the data is on the day the pack is prepared (``stale``: say "as at")."""
        return DataDate(newest=self.data_as_at, today=self.prepared_on)

    @property
    def not_debated(self) -> tuple[PetitionDetail, ...]:
        """The petitions the Committee decided not to debate."""
        return tuple(p for p in self.petitions if decided_not_to_debate(p))

    def has(self, section: Section) -> bool:
        return section in self.sections


def assemble_pack(
    petitions: Sequence[PetitionDetail], options: PackOptions, *, today: date
) -> BriefingPack:
    """The pack for ``petitions`` (in the order given) with the clerk's ``options``."""
    if not petitions:
        raise PackError("a briefing pack needs at least one petition")
    if options.debate_date is None:
        refuse_different_days(petitions)
    debate_date = options.debate_date or debate_date_of(petitions)
    captures = [p.updated_at for p in petitions]
    return BriefingPack(
        petitions=tuple(petitions),
        sections=options.sections,
        member=_clean(options.member) or opening_member(petitions),
        debate_date=debate_date,
        debate_time=options.debate_time,
        reference=_clean(options.reference) or default_reference(petitions, debate_date, today),
        prepared_on=today,
        data_as_at=max(captures) if captures else None,
        other_days=debated_on_other_days(petitions, debate_date),
    )


@dataclass(frozen=True)
class DebateMaterial:
    """What a pack made from the Committee's record of a debate adds to the petitions."""

    debate: DebateView
    engagement: EngagementFindings | None = None
    material: tuple[MaterialItem, ...] = ()
    related: tuple[RelatedPetition, ...] = ()


def assemble_debate_pack(
    petitions: Sequence[PetitionDetail], options: PackOptions, found: DebateMaterial,
    *, today: date,
) -> BriefingPack:  # fmt: skip
    """The pack for a debate the Committee recorded: its day, time, place and opening
    Member come from the record (the clerk's ``options`` may still name another Member or
    a reference)."""
    debate = found.debate
    member = debate.opening_member.styled if debate.opening_member is not None else None
    own = replace(
        options,
        debate_date=options.debate_date or debate.day,
        debate_time=debate.starts_at,
        member=_clean(options.member) or member,
    )
    pack = assemble_pack(petitions, own, today=today)
    return replace(
        pack, venue=debate.place or VENUE, debate=debate, engagement=found.engagement,
        material=found.material, related=found.related,
    )  # fmt: skip


def debate_date_of(petitions: Iterable[PetitionDetail]) -> date | None:
    """The date the petitions were debated, or are scheduled to be."""
    for p in petitions:
        day = own_debate_date(p)
        if day is not None:
            return day
    return None


def own_debate_date(petition: PetitionDetail) -> date | None:
    """The day this petition was debated, or is scheduled to be."""
    if petition.debate is not None and petition.debate.debated_on is not None:
        return petition.debate.debated_on
    return petition.scheduled_debate_date


def decided_not_to_debate(petition: PetitionDetail) -> bool:
    """The Committee recorded an outcome of "no debate" (the site's ``not_debated`` state)."""
    return petition.debate_state == DebateState.NOT_DEBATED


def refuse_different_days(petitions: Sequence[PetitionDetail]) -> None:
    """Raise PackError when the petitions were debated (or are scheduled) on different days:
    one pack has one debate, and printing the first petition's date for all would be wrong."""
    by_day: dict[date, list[str]] = {}
    for p in petitions:
        day = own_debate_date(p)
        if day is not None:
            by_day.setdefault(day, []).append(str(p.id))
    if len(by_day) <= 1:
        return
    ids = joined([pid for day in sorted(by_day) for pid in by_day[day]])
    each = "; ".join(f"{joined(by_day[day])} on {weekday_date(day)}" for day in sorted(by_day))
    raise DebatedOnDifferentDays(
        f"e-petitions {ids} are not debated on the same day ({each}). Make a pack for each "
        "debate, or give the debate date to make one pack for that day.",
        tuple((day, tuple(int(i) for i in by_day[day])) for day in sorted(by_day)),
    )


def debated_on_other_days(
    petitions: Sequence[PetitionDetail], debate_date: date | None
) -> tuple[tuple[int, date], ...]:
    """(id, day) for each petition whose own debate day is not the pack's."""
    if debate_date is None:
        return ()
    return tuple(
        (p.id, day)
        for p in petitions
        if (day := own_debate_date(p)) is not None and day != debate_date
    )


def joined(items: Sequence[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


#: "The debate was opened by Jane Smith MP, on behalf of ..." in the site's debate overview.
_OPENED_BY = re.compile(r"opened by ([A-Z][^,.;:()\n]{1,80}? MP)\b")


def opening_member(petitions: Iterable[PetitionDetail]) -> str | None:
    """The Member who opened the debate, if the site's overview names one."""
    for p in petitions:
        overview = p.debate.overview if p.debate is not None else None
        match = _OPENED_BY.search(overview or "")
        if match:
            return match.group(1)
    return None


def default_reference(
    petitions: Sequence[PetitionDetail], debate_date: date | None, today: date
) -> str:
    """``PC-DB-20250707-700143`` (``+2`` for two more petitions debated with it)."""
    day = debate_date or today
    more = f"+{len(petitions) - 1}" if len(petitions) > 1 else ""
    return f"PC-DB-{day:%Y%m%d}-{petitions[0].id}{more}"


def _clean(text: str | None) -> str | None:
    return " ".join(text.split()) if text and text.strip() else None
