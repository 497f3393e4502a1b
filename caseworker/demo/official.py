"""What the Government, the Committee and the moderators write: responses, debates, rejections."""

from __future__ import annotations

import random
from datetime import date, datetime
from enum import Enum

from caseworker.demo.places import seats
from caseworker.demo.text import Wording
from caseworker.domain.records import BusinessItem, Debate, GovernmentResponse
from caseworker.formatting import long_date

ORIGINAL_RESPONSE = "Original Government response"
REVISED_NOTE = (
    "The Petitions Committee requested a revised response that more directly addressed the "
    "request of the petition. This is the revised response. The original response is shown "
    'under "Related activity" on the petition page.'
)
SUMMARY_LIMIT = 200


class Stance(Enum):
    NO = "no"
    CONSIDERING = "considering"  # says neither yes nor no: what a revision request targets
    YES = "yes"


_OPENINGS = (
    "The Government thanks the petitioners for raising this important issue.",
    "We recognise the strength of feeling expressed by those who have signed this petition.",
    "The Government is grateful to everyone who has signed this petition.",
)

_REASONS = (
    "the existing framework already provides appropriate protections",
    "the costs would fall on taxpayers at a time of significant pressure on the public finances",
    "decisions of this kind are best taken locally by those who know their communities",
    "the evidence does not show that this would achieve the outcome petitioners want",
)

_NOT_DEBATED = (
    "MPs debated this issue recently",
    "a debate on a very similar petition has already been scheduled",
    "the issue is due to be debated during the passage of forthcoming legislation",
)


def _summary(stance: Stance, w: Wording) -> str:
    options = {
        Stance.NO: (
            f"The Government has no plans to {w.ask}. We will continue to work with "
            f"{w.area.stakeholders} on this issue.",
            f"The Government has no plans to {w.ask}.",
        ),
        Stance.CONSIDERING: (
            "The Government recognises the strength of feeling on this issue and is "
            f"considering the evidence as part of {w.review}.",
            "The Government recognises the strength of feeling on this issue and is "
            "considering the evidence carefully.",
        ),
        Stance.YES: (
            "The Government agrees that action is needed and will set out next steps as "
            f"part of {w.review}.",
            "The Government agrees that action is needed and will set out next steps.",
        ),
    }[stance]
    return next((s for s in options if len(s) <= SUMMARY_LIMIT), options[-1][:SUMMARY_LIMIT])


def _position(rng: random.Random, stance: Stance, w: Wording) -> str:
    if stance is Stance.NO:
        return (
            f"We have carefully considered the request to {w.ask}. We do not intend to do so "
            f"at this time, because {rng.choice(_REASONS)}."
        )
    if stance is Stance.CONSIDERING:
        return (
            f"We understand why petitioners are asking the Government to {w.ask}. This issue "
            f"is being considered as part of {w.review}, and we will set out our "
            "conclusions in due course."
        )
    return (
        "We agree with petitioners that more needs to be done. We will bring forward "
        f"proposals as part of {w.review}, and will consult on the detail before any "
        "change is made."
    )


def response_text(
    rng: random.Random, w: Wording, stance: Stance, *, revised: bool = False
) -> tuple[str, str]:
    """Summary and details of a response in the civil-service register."""
    policy = rng.sample(w.policy, k=min(2, len(w.policy)))
    paragraphs = [
        *([REVISED_NOTE] if revised else []),
        rng.choice(_OPENINGS),
        _position(rng, stance, w),
        *policy,
        f"We will continue to engage with {w.area.stakeholders} and to keep this policy under "
        "review.",
        w.departments[0].name if w.departments else "HM Government",
    ]
    return _summary(stance, w), "\n\n".join(paragraphs)


def response(
    summary_details: tuple[str, str], responded_on: date, created: datetime, updated: datetime
) -> GovernmentResponse:
    summary, details = summary_details
    return GovernmentResponse(summary, details, responded_on, created, updated)


def original_response_item(old: GovernmentResponse, copied_at: datetime) -> BusinessItem:
    """The site's copy of a superseded response, kept under "Related activity"."""
    body = f"{old.summary}\n\n{old.details or ''}".strip()
    return BusinessItem(ORIGINAL_RESPONSE, body, copied_at.date(), copied_at, copied_at)


def debate_scheduled_item(rng: random.Random, on: date, made_at: datetime) -> BusinessItem:
    body = (
        f"Parliament will debate this petition on {long_date(on)}. The debate will be opened "
        f"by {member(rng)} MP, a member of the Petitions Committee.\n\n"
        "You will be able to watch the debate online at https://parliamentlive.tv"
    )
    return BusinessItem(
        "Parliament will debate this petition", body, made_at.date(), made_at, made_at
    )


def member(rng: random.Random) -> str:
    """A Member who sits for a demo constituency (without "MP"), so a briefing pack for the
    debate finds the opener's seat among the petition's signatures."""
    return rng.choice(_MEMBERS)


_MEMBERS = tuple(sorted(s.mp.removesuffix(" MP") for s in seats() if s.mp))


def _guid(rng: random.Random) -> str:
    h = f"{rng.getrandbits(128):032X}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _slug(action: str, words: int = 6) -> str:
    return "".join(part[:1].upper() + part[1:] for part in action.split()[:words] if part.isalnum())


def _hyphens(action: str, words: int = 6) -> str:
    return "-".join(part.lower() for part in action.split()[:words] if part.isalnum())


def debate(rng: random.Random, w: Wording, petition_id: int, debated_on: date) -> Debate:
    """The outcome of a Westminster Hall debate, with links on the permitted hosts."""
    opener = member(rng)
    overview = (
        f"MPs debated this petition in Westminster Hall on {long_date(debated_on)}. The debate "
        f"was opened by {opener} MP, on behalf of the Petitions Committee, and a minister from "
        f"the {w.departments[0].name if w.departments else 'Government'} responded."
    )
    slug = _slug(w.action)
    engagement = rng.random() < 0.4
    return Debate(
        debated_on=debated_on,
        transcript_url=f"https://hansard.parliament.uk/commons/{debated_on.isoformat()}"
        f"/debates/{_guid(rng)}/EPetition{petition_id}{slug}",
        video_url=f"https://parliamentlive.tv/Event/Index/{_guid(rng).lower()}",
        debate_pack_url="https://commonslibrary.parliament.uk/research-briefings/"
        f"cdp-{debated_on.year}-{rng.randint(1, 250):04d}/",
        public_engagement_url="https://committees.parliament.uk/publications/"
        f"{rng.randint(40000, 49999)}/documents/{rng.randint(200000, 260000)}/default/"
        if engagement
        else None,
        debate_summary_url=f"https://ukparliament.shorthandstories.com/{_hyphens(w.action)}/"
        if engagement and rng.random() < 0.5
        else None,
        overview=overview,
    )


def not_debated(rng: random.Random) -> Debate:
    reason = rng.choice(_NOT_DEBATED)
    overview = (
        "The Petitions Committee decided not to schedule a debate on this petition "
        f"because {reason}."
    )
    return Debate(None, None, None, None, None, None, overview)


_REJECTIONS = {
    "duplicate": "There's already a petition about this issue. We cannot accept a new petition "
    "when we already have one about a very similar issue. Please sign petition {other} instead.",
    "no-action": "It's not clear what the petition is asking the UK Government or Parliament to "
    "do. Petitions need to call for a specific action from the UK Government or Parliament.",
    "irrelevant": "It's about something that the UK Government or House of Commons is not "
    "directly responsible for. You may want to contact the devolved government or your "
    "local council.",
    "already-happening": "The Government is already doing what the petition asks for, so we "
    "cannot accept it.",
    "fake-name": "It was created with a name that appears to be incomplete or not genuine. "
    "You're welcome to start a new petition using your full name.",
    "honours": "It's about honours or appointments. We cannot accept petitions about who "
    "should or should not receive an honour or be appointed to a role.",
}

#: Rejection codes and how often moderators use them, roughly.
REJECTION_CODES = (
    ("duplicate", 0.38),
    ("no-action", 0.22),
    ("irrelevant", 0.2),
    ("already-happening", 0.1),
    ("fake-name", 0.06),
    ("honours", 0.04),
)


def rejection_details(code: str, other_petition: int) -> str:
    return _REJECTIONS[code].format(other=other_petition)
