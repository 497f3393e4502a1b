"""Changes a test makes to one petition between two syncs, as the site's staff would.

Every change moves the site's clock on by 10 seconds and sets the petition's ``updated_at``
to it, so its ``Last-Modified`` (``updated_at`` rounded down to 10 s) always changes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from tests.site.petitions import DEBATE_THRESHOLD, RESPONSE_THRESHOLD, SitePetition, stamp

if TYPE_CHECKING:
    from tests.site.catalogue import Catalogue


class PetitionEditor:
    """``site.petition(ID)``: read and change one petition, thread-safe."""

    def __init__(self, site: Catalogue, pid: int) -> None:
        self.site = site
        self.id = pid

    def _change(self, change: Callable[[SitePetition, datetime], None]) -> PetitionEditor:
        with self.site.lock:
            petition = self.site.stored(self.id)
            now = self.site.tick()
            change(petition, now)
            petition.updated_at = now
            self.site.changed()
        return self

    # --- reading --------------------------------------------------------------------------

    @property
    def data(self) -> SitePetition:
        """The stored petition (do not change it directly: use the methods below)."""
        return self.site.stored(self.id)

    @property
    def signature_count(self) -> int:
        return self.data.signature_count

    @property
    def updated_at(self) -> str:
        """``updated_at`` as the JSON shows it."""
        return stamp(self.data.updated_at) or ""

    # --- changes --------------------------------------------------------------------------

    def sign(self, n: int = 1) -> PetitionEditor:
        """``n`` more signatures; crossing 10,000 or 100,000 dates the threshold."""

        def change(p: SitePetition, now: datetime) -> None:
            before = p.signature_count
            p.signature_count += n
            if before < RESPONSE_THRESHOLD <= p.signature_count:
                p.response_threshold_reached_at = now
            if before < DEBATE_THRESHOLD <= p.signature_count:
                p.debate_threshold_reached_at = now

        return self._change(change)

    def respond(
        self,
        summary: str = "The Government has considered this petition.",
        details: str | None = "The Government's full response.",
        *,
        responded_on: date | None = None,
    ) -> PetitionEditor:
        """A first Government response (use :meth:`revise_response` for a second)."""

        def change(p: SitePetition, now: datetime) -> None:
            if p.government_response is not None:
                raise ValueError(f"petition {p.id} already has a response: revise it")
            p.government_response_at = now
            p.government_response = {
                "responded_on": (responded_on or now.date()).isoformat(),
                "summary": summary,
                "details": details,
                "created_at": stamp(now),
                "updated_at": stamp(now),
            }

        return self._change(change)

    def revise_response(
        self,
        summary: str = "The Government has reconsidered this petition.",
        details: str | None = "The Government's revised response.",
        *,
        responded_on: date | None = None,
    ) -> PetitionEditor:
        """As the site's staff do (section 10.1): the old response is copied into related
        activity, then the response record is overwritten with a new date."""

        def change(p: SitePetition, now: datetime) -> None:
            old = p.government_response
            if old is None:
                raise ValueError(f"petition {p.id} has no response to revise")
            body = old["summary"] if not old["details"] else f"{old['summary']}\n\n{old['details']}"
            p.business = [
                *p.business,
                {
                    "subject": "Original Government response",
                    "body": body,
                    "occurred_on": old["responded_on"],
                    "created_at": stamp(now),
                    "updated_at": stamp(now),
                },
            ]
            p.government_response = {
                **old,
                "responded_on": (responded_on or now.date()).isoformat(),
                "summary": summary,
                "details": details,
                "updated_at": stamp(now),
            }

        return self._change(change)

    def schedule_debate(self, on: date, *, scheduled_on: date | None = None) -> PetitionEditor:
        def change(p: SitePetition, now: datetime) -> None:
            p.scheduled_debate_date = on
            p.debate_scheduled_on = scheduled_on or now.date()

        return self._change(change)

    def record_debate(
        self, debated_on: date | None = None, overview: str = "MPs debated this petition."
    ) -> PetitionEditor:
        """The debate outcome: debated on ``debated_on`` (default: the scheduled date)."""

        def change(p: SitePetition, now: datetime) -> None:
            held = debated_on or p.scheduled_debate_date or now.date()
            p.debate_outcome_at = now
            p.debate = {
                "debated_on": held.isoformat(),
                "transcript_url": f"https://hansard.parliament.uk/commons/{held}/debates/1/X",
                "video_url": "https://parliamentlive.tv/Event/Index/0000",
                "debate_pack_url": None,
                "public_engagement_url": None,
                "debate_summary_url": None,
                "overview": overview,
            }

        return self._change(change)

    def close(self) -> PetitionEditor:
        def change(p: SitePetition, now: datetime) -> None:
            if p.state != "open":
                raise ValueError(f"petition {p.id} is {p.state}, not open")
            p.state = "closed"
            p.closed_at = now

        return self._change(change)

    def remove(self) -> PetitionEditor:
        """Taken down: its page answers 410 Gone and the lists no longer show it."""

        def change(p: SitePetition, now: datetime) -> None:
            p.removed = True

        return self._change(change)

    def edit(self, **fields: Any) -> PetitionEditor:
        """Any other change, by attribute name (``action="..."``, ``committee_note=...``)."""

        def change(p: SitePetition, now: datetime) -> None:
            for name, value in fields.items():
                if not hasattr(p, name):
                    raise AttributeError(f"a petition has no field {name!r}")
                setattr(p, name, value)

        return self._change(change)
