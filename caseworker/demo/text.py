"""What demo petitioners write: titles, backgrounds and additional details."""

from __future__ import annotations

import random
from dataclasses import dataclass

from caseworker.demo import areas_people, areas_planet
from caseworker.demo.areas import DEPARTMENTS, Area, fitting
from caseworker.demo.names import person, town
from caseworker.domain.records import Department

AREAS: tuple[Area, ...] = areas_people.AREAS + areas_planet.AREAS

_CALLS = (
    "We call on the Government to",
    "We want the Government to",
    "We are asking the Government to",
    "The Government should",
    "We urge the Government to",
)

_CLOSERS = (
    "Please sign and share this petition.",
    "We believe this change is long overdue.",
    "It is time for the Government to act.",
    "This is a simple change that would make a real difference.",
)

#: Titles that moderators reject because they ask for nothing specific.
_VAGUE = (
    "Sort out the state of this country",
    "Do something about the cost of living",
    "Stop the nonsense in Westminster",
    "Listen to the people for once",
    "Make things fairer for ordinary people",
    "Fix the broken system",
)

#: Titles about things the UK Government and Parliament do not decide.
_ELSEWHERE = (
    "Stop {town} council closing our library",
    "Get the council to fix the streetlights in {town}",
    "Make the Scottish Government freeze council tax",
    "Make the Welsh Government scrap the default 20mph limit",
    "Ask the United Nations to ban plastic in the oceans",
    "Stop {town} council building on our park",
)


@dataclass(frozen=True, slots=True)
class Wording:
    action: str
    background: str
    additional_details: str | None
    area: Area
    departments: tuple[Department, ...]
    topics: tuple[str, ...]

    @property
    def policy(self) -> tuple[str, ...]:
        """What the Government says it already does, about this petition's subject."""
        return fitting(self.area.policy, self.action)

    @property
    def review(self) -> str:
        """The review or programme a response points to: the first that fits the title."""
        return fitting(self.area.review, self.action)[0]

    @property
    def ask(self) -> str:
        """The action as it reads after "to": "make first aid compulsory"."""
        return lower_first(self.action)


def lower_first(text: str) -> str:
    """``text`` with its first letter lowered, unless the first word is an acronym."""
    if len(text) > 1 and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def _pick_action(rng: random.Random, area: Area) -> str:
    ask = rng.choice(area.asks)
    if "{x}" in ask:
        return ask.format(x=rng.choice(area.fills))
    return ask.format(y=rng.choice(area.more_fills)) if "{y}" in ask else ask


def _background(rng: random.Random, area: Area, action: str, reason: str) -> str:
    problem = rng.choice(fitting(area.problems, action))
    text = f"{problem} {rng.choice(_CALLS)} {lower_first(action)}."
    return f"{text} {reason}" if len(text) + len(reason) < 299 else text


def _details(rng: random.Random, area: Area, action: str, reason: str) -> str | None:
    """Further reasons (not the one the background gave), or None as for many petitions."""
    others = [d for d in fitting(area.details, action) if d != reason]
    if rng.random() < 0.25 or not others:
        return None
    sentences = rng.sample(others, k=min(len(others), rng.randint(1, 3)))
    return " ".join([*sentences, rng.choice(_CLOSERS)])


def _departments(rng: random.Random, area: Area) -> tuple[Department, ...]:
    chosen = {area.departments[0]}
    if len(area.departments) > 1 and rng.random() < 0.4:
        chosen.add(area.departments[1])
    if rng.random() < 0.08:
        chosen.add("HMT")
    return tuple(sorted((DEPARTMENTS[a] for a in chosen), key=lambda d: d.name))


def _wording(rng: random.Random, area: Area, action: str) -> Wording:
    topics = () if rng.random() < 0.05 else (area.topic,)
    reason = rng.choice(fitting(area.details, action))
    return Wording(
        action=action,
        background=_background(rng, area, action, reason),
        additional_details=_details(rng, area, action, reason),
        area=area,
        departments=_departments(rng, area),
        topics=topics,
    )


def petition_wording(rng: random.Random) -> Wording:
    area = rng.choice(AREAS)
    return _wording(rng, area, _pick_action(rng, area))


def rejected_wording(rng: random.Random, code: str) -> Wording:
    """Wording for a petition rejected with ``code``: vague, misdirected or otherwise fine."""
    area = rng.choice(AREAS)
    if code == "no-action":
        action = rng.choice(_VAGUE)
    elif code in ("irrelevant", "local"):
        action = rng.choice(_ELSEWHERE).format(town=town(rng, "E"))
    elif code == "honours":
        action = f"Give {person(rng)} a knighthood for services to the community"
    else:
        action = _pick_action(rng, area)
    wording = _wording(rng, area, action)
    return Wording(wording.action, wording.background, wording.additional_details, area, (), ())
