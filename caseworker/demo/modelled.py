"""One hand-written case modelled on real petition 724432, a response the Committee sent back.

The original Department for Education response (4 June 2025) described teacher training and
the PINS programme without saying whether training would be made mandatory; the revised one
(10 July 2025) says plainly that there are no further plans beyond the new ITT and Early
Career Framework, to be reviewed in 2027. The demo petition has its own id in the demo
range; when ``today`` falls before the real petition closed, every date moves back so that
the whole story is in the past.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

from caseworker.demo import official
from caseworker.demo.areas import DEPARTMENTS
from caseworker.demo.areas_people import EDUCATION
from caseworker.demo.assemble import DemoPetition, build
from caseworker.demo.clock import closing, london_date
from caseworker.demo.scenarios import Context, Events
from caseworker.demo.series import Curve, Shape
from caseworker.demo.text import Wording
from caseworker.demo.timeline import Opening, timeline

MODELLED_ON = 724432
ACTION = "Make neurodiversity training mandatory for all education staff"
_REAL_END = date(2025, 11, 1)  # after the real petition closed on 29 October 2025

WORDING = Wording(
    action=ACTION,
    background=(
        f"Demo petition modelled on real petition {MODELLED_ON}. We want the Government to "
        "make training on neurodiversity, including autism, ADHD and dyslexia, mandatory for "
        "every teacher, teaching assistant and member of support staff in schools and colleges."
    ),
    additional_details=(
        "Neurodivergent pupils are more likely to be excluded, to miss school and to leave "
        "without qualifications. Many staff tell us they have had little or no training in "
        "how to support them. Regular, mandatory training would help staff recognise needs "
        "early and make reasonable adjustments, so that every child can learn."
    ),
    area=EDUCATION,
    departments=(DEPARTMENTS["DfE"],),
    topics=("education",),
)

ORIGINAL = (
    "The Government recognises the importance of all education staff understanding "
    "neurodiversity and is strengthening teacher training and specialist support in "
    "mainstream schools.",
    "The Government is committed to ensuring that every child and young person, including "
    "those who are neurodivergent, gets the support they need to achieve and thrive.\n\n"
    "All teachers must meet the Teachers' Standards, which require them to adapt teaching to "
    "respond to the strengths and needs of all pupils, including those with special "
    "educational needs and disabilities (SEND). The Initial Teacher Training and Early Career "
    "Framework sets out what new teachers must be taught, including how to support pupils "
    "with SEND.\n\n"
    "Through the Partnerships for Inclusion of Neurodiversity in Schools (PINS) programme, the "
    "Department is funding specialists to work with mainstream primary schools to improve "
    "the way they identify and meet the needs of neurodivergent pupils.\n\n"
    "Schools are responsible for the professional development of their staff, and the "
    "National Professional Qualification for Special Educational Needs Co-ordinators helps "
    "school leaders build expertise across the whole school workforce.\n\n"
    "Department for Education",
)

REVISED = (
    "The Department has no further plans to make neurodiversity training mandatory beyond the "
    "new Initial Teacher Training and Early Career Framework, which will be reviewed in 2027.",
    f"{official.REVISED_NOTE}\n\n"
    "The Department for Education does not have further plans to make neurodiversity training "
    "mandatory for all education staff beyond the training set out in the new Initial Teacher "
    "Training and Early Career Framework (ITTECF). The framework will be reviewed in 2027, "
    "and the Department will consider the training that teachers receive on neurodiversity "
    "as part of that review.\n\n"
    "The ITTECF, which comes into effect in September 2025, sets out the minimum entitlement "
    "for trainee and early career teachers, including how to adapt teaching for pupils with "
    "SEND, such as neurodivergent pupils.\n\n"
    "Beyond this, schools and colleges are best placed to decide what further training their "
    "staff need. The PINS programme is supporting mainstream primary schools to meet the "
    "needs of neurodivergent pupils.\n\n"
    "Department for Education",
)


def _moments(shift: timedelta) -> dict[str, datetime]:
    real = {
        "created": datetime(2025, 4, 10, 8, 41, 12, 345000, UTC),
        "moderated": datetime(2025, 4, 10, 19, 2, 0, 0, UTC),
        "opened": datetime(2025, 4, 29, 11, 7, 45, 120000, UTC),
        "responded": datetime(2025, 6, 4, 15, 34, 5, 612000, UTC),
        "seen": datetime(2025, 6, 20, 6, 0, 0, 0, UTC),
        "copied": datetime(2025, 7, 10, 12, 9, 18, 4000, UTC),
        "revised": datetime(2025, 7, 10, 12, 15, 40, 218000, UTC),
    }
    return {name: at - shift for name, at in real.items()}


def _shift(today: date) -> timedelta:
    """How far to move the real dates back so that the petition closed before ``today``."""
    if today >= _REAL_END:
        return timedelta(0)
    shift = timedelta(days=(_REAL_END - today).days)
    latest = datetime.combine(today, time(0), UTC) - timedelta(days=2)
    while closing(_moments(shift)["opened"])[1] > latest:  # months vary in length
        shift += timedelta(days=1)
    return shift


def opening(today: date) -> Opening:
    at = _moments(_shift(today))
    return Opening(at["created"], at["moderated"], at["opened"])


def modelled_petition(rng: random.Random, petition_id: int, as_of: datetime) -> DemoPetition:
    """The 724432-style case: closed, with an original and a revised DfE response."""
    at = _moments(_shift(as_of.date()))
    closed_at = closing(at["opened"])[1]
    curve = Curve(at["opened"], closed_at, 6, 23_418, Shape(tau=0.12, trickle=0.03))
    line = timeline(opening(as_of.date()), curve, min(closed_at, as_of))
    responded, revised = at["responded"], at["revised"]
    first = official.response(ORIGINAL, london_date(responded), responded, responded)
    second = official.response(REVISED, london_date(revised), responded, revised)
    events = Events(
        response=second,
        earlier_response=first,
        earlier_seen_at=at["seen"],
        business=(official.original_response_item(first, at["copied"]),),
    )
    return build(Context(rng, petition_id, WORDING, line, as_of), events)
