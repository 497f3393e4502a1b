"""What the stand-in site knows: its petitions, archived Parliaments and clock.

Thread-safe through one re-entrant ``lock``: a test's change to a petition and a request
being answered never interleave. The order of each list is worked out once and kept until
something changes, so paging through 20,000 petitions does not sort them 400 times.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

from tests.site.editor import PetitionEditor
from tests.site.petitions import Parliament, SitePetition, last_modified, new_petition

#: Numbers given to petitions added without one.
FIRST_ID = 700_000
#: Which states each list's ``state`` parameter selects (current and archived lists).
LIST_STATES = {
    "all": ("open", "closed", "rejected"),
    "open": ("open",),
    "recent": ("open",),
    "closed": ("closed",),
    "published": ("closed",),
    "rejected": ("rejected",),
}


def _default_now() -> datetime:
    # A few hours before the real time: the importer refuses timestamps in the future,
    # and changes made during a test still count as recent (the last 7 days).
    return last_modified(datetime.now(UTC) - timedelta(hours=6))


class Catalogue:
    def __init__(self, *, now: datetime | None = None) -> None:
        self.lock = threading.RLock()
        self._now = now or _default_now()
        self._petitions: dict[int, SitePetition] = {}
        self._parliaments: dict[str, Parliament] = {}
        self._version = 0
        self._orders: dict[tuple[str, str], tuple[int, list[int]]] = {}

    # --- the clock --------------------------------------------------------------------------

    @property
    def now(self) -> datetime:
        """The site's clock: it moves only when a test changes a petition or advances it."""
        return self._now

    def advance(self, **delta: float) -> datetime:
        """Move the clock on (``site.advance(minutes=5)``)."""
        with self.lock:
            self._now += timedelta(**delta)
            return self._now

    def tick(self) -> datetime:
        """The time of a change: 10 s after the previous one, so Last-Modified moves."""
        return self.advance(seconds=10)

    # --- petitions --------------------------------------------------------------------------

    def changed(self) -> None:
        """Something visible changed: list orders are worked out again."""
        self._version += 1

    def stored(self, pid: int) -> SitePetition:
        with self.lock:
            try:
                return self._petitions[pid]
            except KeyError:
                raise KeyError(f"the site has no petition {pid}") from None

    def find(self, pid: int) -> SitePetition | None:
        return self._petitions.get(pid)

    def petition(self, pid: int) -> PetitionEditor:
        """Read or change one petition: ``site.petition(ID).sign(500)``."""
        self.stored(pid)
        return PetitionEditor(self, pid)

    def ids(self) -> list[int]:
        with self.lock:
            return sorted(self._petitions)

    def __len__(self) -> int:
        return len(self._petitions)

    def put(self, petition: SitePetition) -> PetitionEditor:
        """Store a petition built elsewhere (the generator)."""
        with self.lock:
            self._petitions[petition.id] = petition
            self.changed()
        return PetitionEditor(self, petition.id)

    def load(self, petitions: Iterable[SitePetition]) -> None:
        """Store many petitions at once (a generated site)."""
        with self.lock:
            for petition in petitions:
                self._petitions[petition.id] = petition
            self.changed()

    def add(self, pid: int | None = None, **fields: Any) -> PetitionEditor:
        """A current petition (open unless ``state=`` says otherwise), dated before now."""
        with self.lock:
            pid = pid if pid is not None else FIRST_ID + len(self._petitions) + 1
            if pid in self._petitions:
                raise ValueError(f"the site already has petition {pid}")
            return self.put(new_petition(pid, self._now, **fields))

    def add_parliament(
        self, period: str, *, number: int | None = None, **fields: Any
    ) -> Parliament:
        """An archived Parliament (``dissolution_at`` decides which one is most recent)."""
        with self.lock:
            parliament = Parliament(period, number or len(self._parliaments) + 1, **fields)
            self._parliaments[period] = parliament
            self.changed()
            return parliament

    def add_archived(self, pid: int, *, period: str = "2019-2024", **fields: Any) -> PetitionEditor:
        """A petition of an archived Parliament (closed unless ``state=`` says otherwise)."""
        with self.lock:
            if period not in self._parliaments:
                self.add_parliament(period)
            fields.setdefault("state", "closed")
            petition = new_petition(pid, self._now - timedelta(days=400), **fields)
            petition.parliament = period
            petition.creator_name = None
            return self.put(petition)

    # --- parliaments and lists --------------------------------------------------------------

    @property
    def parliaments(self) -> list[Parliament]:
        """Most recently dissolved first, as ``/parliaments.json`` lists them."""
        with self.lock:
            return sorted(
                self._parliaments.values(),
                key=lambda p: datetime.fromisoformat(p.dissolution_at),
                reverse=True,
            )

    def parliament(self, period: str) -> Parliament:
        return self._parliaments[period]

    def numbered(self, number: int | None) -> Parliament | None:
        """The Parliament with this site number, or the most recent one for None."""
        if number is None:
            newest = self.parliaments
            return newest[0] if newest else None
        return next((p for p in self._parliaments.values() if p.number == number), None)

    def listed(self, state: str, period: str = "") -> list[int]:
        """Petition ids of one list in the site's order (``period``: an archived list)."""
        key = (state, period)
        cached = self._orders.get(key)
        if cached is not None and cached[0] == self._version:
            return cached[1]
        states = LIST_STATES.get(state, LIST_STATES["all"])
        chosen = [
            p
            for p in self._petitions.values()
            if p.visible and (p.parliament or "") == period and p.state in states
        ]
        if state == "rejected":
            chosen.sort(key=lambda p: (p.created_at, p.id), reverse=True)
        elif state == "recent":
            chosen.sort(key=lambda p: (p.opened_at or p.created_at, p.id), reverse=True)
        else:  # signature_count desc, created_at desc
            chosen.sort(key=lambda p: (p.signature_count, p.created_at, p.id), reverse=True)
        order = [p.id for p in chosen]
        self._orders[key] = (self._version, order)
        return order
