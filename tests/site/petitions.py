"""The petitions a stand-in site holds, and their JSON in the site's own shapes.

A :class:`SitePetition` keeps only scalar fields and small nested dicts; the views
(sections 3-5 of ``petitions-data-format.md``) are rendered from it on each request, so a
site of 20,000 petitions costs a few megabytes, not the size of its JSON. The signature
breakdowns are derived from the petition number and count, so they stay consistent with
``signature_count`` (their total never exceeds it) whatever a test does to the count.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from caseworker.demo.places import REGIONS as DEMO_REGIONS

RESPONSE_THRESHOLD = 10_000
DEBATE_THRESHOLD = 100_000
#: Constituencies on the stand-in's map (the real map has 650).
SEATS = 650
#: Region letters (section 3.3); constituency ``i`` lies in region ``REGIONS[i % 12]``.
REGIONS = tuple((letter, name) for letter, name, _seats in DEMO_REGIONS)
ABROAD = (("AU", "Australia"), ("FR", "France"), ("DE", "Germany"), ("ES", "Spain"))


def stamp(at: datetime | None) -> str | None:
    """The site's timestamp: UTC, exactly three fractional digits, ``Z``."""
    if at is None:
        return None
    at = at.astimezone(UTC)
    return f"{at:%Y-%m-%dT%H:%M:%S}.{at.microsecond // 1000:03d}Z"


def last_modified(updated_at: datetime) -> datetime:
    """``updated_at`` rounded down to 10 s, as the site's ``Last-Modified``."""
    at = updated_at.astimezone(UTC).replace(microsecond=0)
    return at - timedelta(seconds=at.second % 10)


def day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _seat(index: int) -> tuple[str, str, str | None]:
    """Name, ONS code and MP of constituency ``index`` (a vacant seat every 97th)."""
    name = f"Constituency {index + 1:03d}"
    mp = None if index % 97 == 96 else f"Member {index + 1:03d} MP"
    return name, f"E1400{1000 + index:04d}", mp


@dataclass(frozen=True)
class Parliament:
    """An archived Parliament; ``number`` is the site's internal id (``parliament=`` param)."""

    period: str
    number: int
    government: str = "Conservative"
    dissolution_at: str = "2024-05-30T00:01:00.000+01:00"
    response_threshold: int = RESPONSE_THRESHOLD
    debate_threshold: int = DEBATE_THRESHOLD

    def as_json(self) -> dict[str, Any]:
        return {
            "period": self.period,
            "government": self.government,
            "dissolution_at": self.dissolution_at,
            "response_threshold": self.response_threshold,
            "debate_threshold": self.debate_threshold,
        }


@dataclass(slots=True)
class SitePetition:
    """One petition as the site's database holds it (current or archived)."""

    id: int
    action: str
    background: str
    state: str  # open | closed | rejected
    signature_count: int
    created_at: datetime
    updated_at: datetime
    additional_details: str | None = None
    committee_note: str | None = None
    opened_at: datetime | None = None
    rejected_at: datetime | None = None
    closed_at: datetime | None = None
    closing_date: date | None = None
    moderation_threshold_reached_at: datetime | None = None
    response_threshold_reached_at: datetime | None = None
    government_response_at: datetime | None = None
    debate_threshold_reached_at: datetime | None = None
    debate_scheduled_on: date | None = None
    scheduled_debate_date: date | None = None
    debate_outcome_at: datetime | None = None
    creator_name: str | None = None
    rejection: dict[str, Any] | None = None
    government_response: dict[str, Any] | None = None
    debate: dict[str, Any] | None = None
    departments: list[dict[str, Any]] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    business: list[dict[str, Any]] = field(default_factory=list)
    #: Removed (or hidden after being open): the single view answers 410, lists omit it.
    removed: bool = False
    #: The archived Parliament's period, or None for a current petition.
    parliament: str | None = None

    @property
    def visible(self) -> bool:
        return not self.removed and self.state in ("open", "closed", "rejected")

    # --- views ------------------------------------------------------------------------

    def attributes(self) -> dict[str, Any]:
        """The attributes of a list item (section 3.4: no single-view-only blocks)."""
        archived = self.parliament is not None
        a: dict[str, Any] = {
            "action": self.action,
            "background": self.background,
            "additional_details": self.additional_details,
            "committee_note": self.committee_note,
            "state": self.state,
            "signature_count": self.signature_count,
        }
        if self.state == "open" and not archived:
            a["closing_date"] = day(self.closing_date)
        a.update(
            created_at=stamp(self.created_at),
            updated_at=stamp(self.updated_at),
            rejected_at=stamp(self.rejected_at),
            opened_at=stamp(self.opened_at),
            closed_at=stamp(self.closed_at),
            moderation_threshold_reached_at=stamp(self.moderation_threshold_reached_at),
            response_threshold_reached_at=stamp(self.response_threshold_reached_at),
            government_response_at=stamp(self.government_response_at),
            debate_threshold_reached_at=stamp(self.debate_threshold_reached_at),
            debate_scheduled_on=day(self.debate_scheduled_on),
            scheduled_debate_date=day(self.scheduled_debate_date),
            debate_outcome_at=stamp(self.debate_outcome_at),
        )
        if not archived:
            a["creator_name"] = self.creator_name if self.state == "open" else None
        a.update(
            rejection=self.rejection,
            government_response=self.government_response,
            debate=self.debate,
            departments=self.departments,
            topics=self.topics,
        )
        return a

    def single_attributes(self) -> dict[str, Any]:
        """The single view's attributes: breakdowns for open and closed petitions."""
        a = self.attributes()
        if self.state in ("open", "closed"):
            a.update(self.breakdowns())
            a["other_parliamentary_business"] = self.business
        return a

    def breakdowns(self) -> dict[str, Any]:
        """Country, constituency and region counts, derived from the id and count."""
        total = self.signature_count
        overseas = total // 50
        uk = total - overseas
        seats = min(SEATS, max(1, uk))
        rng = random.Random(self.id)
        weights = [rng.random() + 0.05 for _ in range(seats)]
        scale = uk / sum(weights)
        # Rounded down: UK signatures without a postcode match belong to no constituency.
        counts = [int(w * scale) for w in weights]
        constituencies: list[dict[str, Any]] = []
        for index, n in enumerate(counts):
            name, code, mp = _seat(index)
            constituencies.append({"name": name, "ons_code": code, "mp": mp, "signature_count": n})
        if self.parliament is not None:  # the archived view sorts them by name
            constituencies.sort(key=lambda row: row["name"])
        regions = [
            {"name": name, "ons_code": code, "signature_count": sum(counts[i :: len(REGIONS)])}
            for i, (code, name) in enumerate(REGIONS)
            if i < seats
        ]
        abroad = ABROAD[: 1 + self.id % len(ABROAD)]
        shares = [overseas // len(abroad)] * len(abroad)
        shares[0] += overseas - sum(shares)
        countries: list[dict[str, Any]] = [
            {"name": name, "code": code, "signature_count": n}
            for (code, name), n in zip(abroad, shares, strict=True)
        ]
        countries.append({"name": "United Kingdom", "code": "GB", "signature_count": uk})
        countries.sort(key=lambda row: row["name"])
        return {
            "signatures_by_country": countries,
            "signatures_by_constituency": constituencies,
            "signatures_by_region": regions,
        }

    def item(self, base: str) -> dict[str, Any]:
        """The petition as an item of a list page, with its own ``links.self``."""
        prefix = "/archived" if self.parliament is not None else ""
        obj: dict[str, Any] = {
            "type": "archived-petition" if self.parliament is not None else "petition",
            "id": self.id,
            "links": {"self": f"{base}{prefix}/petitions/{self.id}.json"},
            "attributes": self.attributes(),
        }
        return obj

    def count_view(self) -> dict[str, Any]:
        """``/petitions/{id}/count.json`` (section 6.1; London offsets as the site sends)."""

        def london(at: datetime | None) -> str | None:
            if at is None:
                return None
            return at.astimezone(UTC).isoformat(timespec="milliseconds")

        return {
            "signature_count": self.signature_count,
            "response_threshold_reached_at": london(self.response_threshold_reached_at),
            "government_response_at": london(self.government_response_at),
            "debate_threshold_reached_at": london(self.debate_threshold_reached_at),
            "scheduled_debate_date": day(self.scheduled_debate_date),
            "debate_outcome_at": london(self.debate_outcome_at),
            "debated": bool(self.debate and self.debate.get("debated_on")),
        }


def new_petition(pid: int, now: datetime, **fields: Any) -> SitePetition:
    """A plausible petition as of ``now``; ``fields`` override any attribute.

    ``state`` open (default), closed or rejected sets the dates that state implies;
    ``signature_count`` past a threshold sets the threshold's date.
    """
    state = fields.pop("state", "open")
    count = fields.pop("signature_count", 120)
    created = now - timedelta(days=60)
    p = SitePetition(
        id=pid,
        action=f"Petition number {pid} asks for something",
        background=f"Background of petition {pid}.",
        state=state,
        signature_count=count,
        created_at=created,
        updated_at=now - timedelta(days=1),
        moderation_threshold_reached_at=created + timedelta(hours=2),
    )
    if state == "rejected":
        p.rejected_at = created + timedelta(days=3)
        p.rejection = {"code": "duplicate", "details": None}
    else:
        p.opened_at = created + timedelta(days=5)
        p.closing_date = (p.opened_at + timedelta(days=182)).date()
        if state == "open":
            p.creator_name = f"Creator {pid}"
        else:
            p.closed_at = now - timedelta(days=2)
    if count >= RESPONSE_THRESHOLD and state != "rejected":
        p.response_threshold_reached_at = created + timedelta(days=10)
    if count >= DEBATE_THRESHOLD and state != "rejected":
        p.debate_threshold_reached_at = created + timedelta(days=20)
    for name, value in fields.items():
        setattr(p, name, value)
    return p
