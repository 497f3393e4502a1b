"""A large site for the benchmark: petitions in the mix the real site has.

Most petitions are closed or rejected with a handful of signatures; about 3 in 100 are open
and about 7 in 100 closed with 1,000 signatures or more, so about 1 in 10 gets its own page
fetched by a sync with the default details threshold. Those past 10,000 mostly have a
response, those past 100,000 often a debate. The same seed gives the same site.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, datetime, timedelta

from tests.site.petitions import DEBATE_THRESHOLD, RESPONSE_THRESHOLD, SitePetition, stamp

FIRST_GENERATED_ID = 500_001
OPEN_SHARE = 0.03
BIG_CLOSED_SHARE = 0.07
SMALL_CLOSED_SHARE = 0.58  # the rest are rejected
# fmt: off
SYLLABLES = (
    "ab", "ac", "al", "an", "ar", "be", "ca", "ce", "co", "de", "di", "el", "en", "er", "fa", "ge",
    "ha", "in", "la", "le", "li", "lo", "ma", "me", "mi", "na", "ne", "no", "or", "pa", "po", "ra",
    "re", "ri", "ro", "sa", "se", "si", "so", "ta", "te", "ti", "to", "un", "va", "ve", "wa", "we",
)
# fmt: on
DEPARTMENTS = (
    ("DfE", "Department for Education"),
    ("DHSC", "Department of Health and Social Care"),
    ("DfT", "Department for Transport"),
    ("HMT", "HM Treasury"),
    ("HO", "Home Office"),
)
TOPICS = ("animals", "economy", "education", "environment", "health", "housing", "transport")


class _Words:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.words = ["".join(rng.choices(SYLLABLES, k=rng.randint(1, 4))) for _ in range(2000)]
        self.words += ["£250", "café", "don’t", "“fair”"]

    def text(self, low: int, high: int) -> str:
        size = self.rng.randint(low, high)
        words = " ".join(self.rng.choices(self.words, k=size // 5 + 1))
        return words[: size - 1].rstrip().capitalize() + "."


def generated_petitions(n: int, seed: int, now: datetime) -> Iterator[SitePetition]:
    rng = random.Random(seed)
    words = _Words(rng)
    for index in range(n):
        yield _petition(FIRST_GENERATED_ID + index, rng, words, now)


def _count(rng: random.Random, low: float, high: float) -> int:
    return int(10 ** rng.uniform(low, high))


def _petition(pid: int, rng: random.Random, words: _Words, now: datetime) -> SitePetition:
    roll = rng.random()
    if roll < OPEN_SHARE:
        state, count = "open", _count(rng, 0.5, 4.8)
        created = now - timedelta(days=rng.uniform(15, 170))
    elif roll < OPEN_SHARE + BIG_CLOSED_SHARE:
        state, count = "closed", _count(rng, 3, 6)
        created = now - timedelta(days=rng.uniform(200, 1100))
    elif roll < OPEN_SHARE + BIG_CLOSED_SHARE + SMALL_CLOSED_SHARE:
        state, count = "closed", _count(rng, 0.3, 2.99)
        created = now - timedelta(days=rng.uniform(200, 1100))
    else:
        state, count = "rejected", rng.randint(1, 6)
        created = now - timedelta(days=rng.uniform(10, 1100))
    moderated = created + timedelta(hours=rng.uniform(1, 48))
    p = SitePetition(
        id=pid,
        action=words.text(30, 80),
        background=words.text(80, 300),
        additional_details=words.text(100, 500) if rng.random() < 0.6 else None,
        state=state,
        signature_count=count,
        created_at=created,
        updated_at=created,
        moderation_threshold_reached_at=moderated,
    )
    if state == "rejected":
        p.rejected_at = moderated + timedelta(days=rng.uniform(1, 10))
        code = rng.choice(("duplicate", "irrelevant", "no-action"))
        p.rejection = {"code": code, "details": None}
        p.updated_at = p.rejected_at
        return p
    opened = moderated + timedelta(days=rng.uniform(1, 10))
    p.opened_at = opened
    p.closing_date = (opened + timedelta(days=182)).date()
    if state == "open":
        p.creator_name = words.text(8, 20).rstrip(".")
    else:
        p.closed_at = opened + timedelta(days=182)
    p.departments = [
        {"acronym": a, "name": name, "url": f"https://www.gov.uk/government/organisations/{a}"}
        for a, name in sorted(rng.sample(DEPARTMENTS, rng.choice((0, 1, 1))), key=lambda d: d[1])
    ]
    p.topics = sorted(rng.sample(TOPICS, rng.choice((0, 1, 2))))
    if count >= RESPONSE_THRESHOLD:
        _respond(p, rng, words, opened, now)
    if count >= DEBATE_THRESHOLD:
        _debate(p, rng, words, opened, now)
    events = (p.closed_at, p.government_response_at, p.debate_outcome_at, opened)
    latest = max(t for t in events if t)
    # An open petition's count moves all the time; a closed one last changed after its last event.
    if state == "open":
        p.updated_at = now - timedelta(minutes=rng.uniform(1, 600))
    else:
        p.updated_at = min(latest + timedelta(hours=rng.uniform(1, 48)), now - timedelta(hours=1))
    return p


def _respond(
    p: SitePetition, rng: random.Random, words: _Words, opened: datetime, now: datetime
) -> None:
    p.response_threshold_reached_at = min(
        opened + timedelta(days=rng.uniform(1, 60)), now - timedelta(hours=2)
    )
    at = p.response_threshold_reached_at + timedelta(days=rng.uniform(10, 60))
    if rng.random() < 0.1 or at > now - timedelta(hours=1):
        return  # still waiting for the Government
    p.government_response_at = at
    p.government_response = {
        "responded_on": at.date().isoformat(),
        "summary": words.text(80, 200),
        "details": words.text(500, 2500),
        "created_at": stamp(at),
        "updated_at": stamp(at),
    }


def _debate(
    p: SitePetition, rng: random.Random, words: _Words, opened: datetime, now: datetime
) -> None:
    p.debate_threshold_reached_at = min(
        opened + timedelta(days=rng.uniform(5, 90)), now - timedelta(hours=2)
    )
    held: date = (p.debate_threshold_reached_at + timedelta(days=rng.uniform(20, 60))).date()
    if rng.random() < 0.4 or held >= now.date():
        return  # awaiting a debate
    p.debate_scheduled_on = held - timedelta(days=14)
    p.scheduled_debate_date = held
    outcome = datetime.combine(held, datetime.min.time(), p.debate_threshold_reached_at.tzinfo)
    p.debate_outcome_at = outcome + timedelta(hours=20)
    p.debate = {
        "debated_on": held.isoformat(),
        "transcript_url": f"https://hansard.parliament.uk/commons/{held}/debates/{p.id}/Petition",
        "video_url": f"https://parliamentlive.tv/Event/Index/{p.id:012x}",
        "debate_pack_url": None,
        "public_engagement_url": None,
        "debate_summary_url": None,
        "overview": words.text(150, 400),
    }
    p.business = [
        {
            "subject": "Debate scheduled",
            "body": words.text(200, 800),
            "occurred_on": p.debate_scheduled_on.isoformat(),
            "created_at": stamp(outcome - timedelta(days=14)),
            "updated_at": stamp(outcome - timedelta(days=14)),
        }
    ]
