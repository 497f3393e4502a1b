"""The demo's debate work: the Committee's members, a calendar with recesses and an extra
slot, and debates at every status, made through the services (so in the history)."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.demo import generate_demo
from caseworker.demo.casework import CLERK
from caseworker.demo.debates import EXTRA_START
from caseworker.services.casework import CaseworkServices
from caseworker.services.debates import DebateServices
from caseworker.services.debates.site import SITE, site_disagreements
from caseworker.storage import models as m
from caseworker.storage.engine import Database

TODAY = date(2026, 12, 2)
PETITIONS = 2000


@pytest.fixture
def demo(database: Database) -> DebateServices:
    generate_demo(database.engine, petitions=PETITIONS, seed=1, today=TODAY)
    return DebateServices.open(database)


def test_the_demo_has_debates_at_every_status(demo: DebateServices) -> None:
    debates = demo.debates.debates()
    assert Counter(d.status for d in debates).keys() == {
        "proposed",
        "scheduled",
        "held",
        "withdrawn",
    }
    ahead = [d.day for d in debates if d.status == "scheduled"]
    assert ahead and all(day and TODAY < day <= TODAY + timedelta(weeks=12) for day in ahead)
    assert any(len(d.petitions) > 1 for d in debates if d.created_by == CLERK)
    held = [d for d in debates if d.status == "held"]
    assert all(d.created_by == SITE and d.transcript_url and d.day and d.day < TODAY for d in held)
    assert any(d.summary for d in held)
    # One only: the Committee member the clerk asked to open instead of the site's.
    assert [[n.field for n in d.disagreements] for d in debates if d.disagreements] == [
        ["opening_member"]
    ]


def test_every_demo_debate_is_of_demo_petitions_and_in_their_history(
    demo: DebateServices, database: Database
) -> None:
    debates = demo.debates.debates()
    ids = {pid for d in debates for pid in d.petition_ids}
    with database.sessions() as session:
        demo_ids = set(session.scalars(select(m.Petition.id).where(m.Petition.is_demo)))
    assert ids <= demo_ids
    casework = CaseworkServices.open(database)
    for debate in debates:
        history = casework.audit.for_petition(debate.petition_ids[0])
        assert any(e.subject == "debate" and e.subject_id == str(debate.id) for e in history)


def test_the_calendar_has_recesses_an_extra_slot_and_committee_members(
    demo: DebateServices,
) -> None:
    recesses = demo.calendar.recesses()
    assert len(recesses) == 2
    assert recesses[0].ends_on < TODAY < recesses[1].starts_on
    calendar = demo.calendar.calendar(TODAY, TODAY + timedelta(weeks=12))
    [extra] = [s for s in calendar.slots if s.extra_slot_id is not None]
    assert extra.starts_at == EXTRA_START
    assert extra.debate is not None and len(extra.debate.petitions) == 2
    committee = demo.members.members(committee_only=True)
    assert len(committee) >= 6
    assert all(m.constituency and m.constituency_code and m.party for m in committee)
    opened = [d.opening_member for d in demo.debates.debates() if d.opening_member is not None]
    assert opened and all(m.constituency for m in opened)


def test_the_clerk_chose_another_opener_than_the_site_announced(
    demo: DebateServices, database: Database
) -> None:
    ids = [d.id for d in demo.debates.debates()]
    with Session(database.engine) as session:
        found = site_disagreements(session, ids)
    [(debate_id, [note])] = [(k, list(v)) for k, v in found.items()]
    debate = demo.debates.get(debate_id)
    assert (debate.status, debate.created_by) == ("scheduled", SITE)
    assert debate.opening_member is not None and debate.opening_member.committee_member
    assert (note.field, note.ours) == ("opening_member", debate.opening_member.styled)


def test_regenerating_replaces_the_demo_debates(demo: DebateServices, database: Database) -> None:
    before = [(d.status, d.day, d.petition_ids) for d in demo.debates.debates()]
    members = len(demo.members.members())
    generate_demo(database.engine, petitions=PETITIONS, seed=1, today=TODAY)
    assert [(d.status, d.day, d.petition_ids) for d in demo.debates.debates()] == before
    assert len(demo.members.members()) == members
    assert len(demo.calendar.recesses()) == 2


def test_the_next_debate_has_public_engagement_imported_and_tagged(demo: DebateServices) -> None:
    ahead = demo.debates.debates(first=TODAY + timedelta(days=1), status="scheduled")
    findings = demo.engagement.findings(ahead[0].id)
    assert findings is not None and findings.responses == 64
    assert findings.closes_on is not None and findings.closes_on < TODAY
    counts = [t.count for t in findings.themes]
    assert counts == sorted(counts, reverse=True) and sum(counts) == 64
    quotes = [q for t in findings.themes for q in t.quotations]
    assert any(q.may_quote for q in quotes) and not all(q.may_quote for q in quotes)
    assert all(q.source.startswith("Survey response, ") for q in quotes)
