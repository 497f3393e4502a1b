"""The site's scheduled dates and outcomes, brought by an import, meet the Committee's records:
found or made once, filled in on the same day, left alone (and shown) on another."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.importing.importer import import_paths
from caseworker.services.casework import CaseworkServices
from caseworker.services.debates import DebateServices
from caseworker.services.debates.site import (
    SITE,
    link_site_debates,
    opening_member_in,
    site_disagreements,
)
from caseworker.services.debates.views import DebateView
from caseworker.storage.debate_models import Member
from caseworker.storage.engine import Database
from caseworker.sync.options import SyncOptions
from caseworker.sync.service import SyncService
from tests.site.server import FakeSite
from tests.unit.debates.story import CAPTURES, DEBATED, DEBATED_ON, SEND, TRAINING
from tests.unit.services.captures import write

MONDAY = date(2025, 7, 14)
#: The site's updated_at of each capture (also its file name).
SCHEDULED, AGAIN = "2025-06-26T12:00:00.000Z", "2025-06-27T12:00:00.000Z"
ASKED_AT, DEBATED_AT = "2025-06-28T12:00:00.000Z", "2025-07-15T12:00:00.000Z"
OUTCOME = {
    "debated_on": "2025-07-14",
    "transcript_url": "https://hansard.parliament.uk/t",
    "video_url": "https://parliamentlive.tv/v",
    "debate_pack_url": "https://commonslibrary.parliament.uk/p",
    "public_engagement_url": None,
    "debate_summary_url": None,
    "overview": "MPs debated training for education staff.",
}
ASKED = {
    "subject": "Debate scheduled for 14 July",
    "body": "The Petitions Committee has scheduled a debate on this petition.\n"
    "Sarah Okafor MP has been asked by the Committee to open the debate.",
    "occurred_on": "2025-06-25",
    "created_at": "2025-06-25T10:00:00.000Z",
    "updated_at": "2025-06-25T10:00:00.000Z",
}


@pytest.fixture
def capture(stored: Database, tmp_path: Path) -> Callable[..., None]:
    """Import a capture of a story petition as the site gave it at ``updated_at``."""

    def imported(pid: int, updated_at: str, **changes: Any) -> None:
        document = CAPTURES[pid]
        attributes = {**document["data"]["attributes"], **changes, "updated_at": updated_at}
        data = {**document["data"], "attributes": attributes}
        path = write(tmp_path, f"{pid}-{updated_at[:13]}.json", {**document, "data": data})
        summary = import_paths(stored.engine, [path])
        assert summary.failed == 0, summary.failures

    return imported


def of(alice: DebateServices, pid: int) -> list[DebateView]:
    return alice.debates.for_petition(pid)


def test_a_scheduled_date_makes_one_record_and_a_second_import_changes_nothing(
    alice: DebateServices, capture: Callable[..., None]
) -> None:
    capture(TRAINING, SCHEDULED, scheduled_debate_date="2025-07-14")
    [debate] = of(alice, TRAINING)
    assert (debate.day, debate.status, debate.place) == (MONDAY, "scheduled", "Westminster Hall")
    assert debate.when == "Monday 14 July 2025, 4.30pm"
    assert debate.created_by == SITE
    assert debate.motion == (
        "That this House has considered e-petition 724432 relating to make neurodiversity "
        "training mandatory for all education staff."
    )
    assert debate.department == "Department for Education"
    capture(TRAINING, AGAIN, scheduled_debate_date="2025-07-14")
    assert [(d.id, d.version) for d in of(alice, TRAINING)] == [(debate.id, debate.version)]


def test_the_outcome_makes_the_record_held_with_its_links(
    alice: DebateServices,
    stored: Database,
    capture: Callable[..., None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CASEWORKER_USER", "clerk")  # who runs the import
    capture(TRAINING, SCHEDULED, scheduled_debate_date="2025-07-14")
    capture(TRAINING, DEBATED_AT, scheduled_debate_date="2025-07-14",
            debate_outcome_at="2025-07-15T09:00:00.000Z", debate=OUTCOME)  # fmt: skip
    [debate] = of(alice, TRAINING)
    assert debate.status == "held"
    assert (debate.transcript_url, debate.video_url, debate.pack_url) == (
        "https://hansard.parliament.uk/t",
        "https://parliamentlive.tv/v",
        "https://commonslibrary.parliament.uk/p",
    )
    history = CaseworkServices.open(stored).audit.for_petition(TRAINING)
    changed = {
        e.field: (e.new_value, e.actor)
        for e in history
        if (e.subject, e.action) == ("debate", "changed")
    }
    assert changed["status"] == ("held", "clerk")
    assert changed["transcript_url"] == ("https://hansard.parliament.uk/t", "clerk")


def test_the_clerks_record_keeps_its_own_links_and_summary(
    alice: DebateServices, capture: Callable[..., None]
) -> None:
    ours = alice.debates.schedule([TRAINING], day=MONDAY)
    ours = alice.debates.update(ours.id, ours.version, summary="Our summary.",
                                transcript_url="https://hansard.parliament.uk/ours")  # fmt: skip
    capture(TRAINING, DEBATED_AT, scheduled_debate_date="2025-07-14",
            debate_outcome_at="2025-07-15T09:00:00.000Z", debate=OUTCOME)  # fmt: skip
    [debate] = of(alice, TRAINING)
    assert debate.id == ours.id
    assert (debate.status, debate.summary) == ("held", "Our summary.")
    assert debate.transcript_url == "https://hansard.parliament.uk/ours"
    assert debate.video_url == "https://parliamentlive.tv/v"


def test_a_record_on_another_day_is_left_and_shows_the_disagreement(
    alice: DebateServices, capture: Callable[..., None]
) -> None:
    ours = alice.debates.schedule([TRAINING], day=date(2025, 7, 21))
    capture(TRAINING, SCHEDULED, scheduled_debate_date="2025-07-14")
    [debate] = of(alice, TRAINING)
    assert (debate.id, debate.day, debate.version) == (ours.id, ours.day, ours.version)
    assert [d.field for d in debate.disagreements] == ["day"]
    assert "The public site gives Monday 14 July 2025" in debate.disagreements[0].message


def test_petitions_debated_together_share_one_record(
    alice: DebateServices, capture: Callable[..., None]
) -> None:
    for pid in (TRAINING, SEND):
        capture(pid, DEBATED_AT, scheduled_debate_date="2025-07-14",
                debate_outcome_at="2025-07-15T09:00:00.000Z", debate=OUTCOME)  # fmt: skip
    [debate] = of(alice, SEND)
    assert debate.petition_ids == (TRAINING, SEND)
    assert debate.motion.startswith("That this House has considered e-petitions 724432 and 724500")
    assert [d.id for d in of(alice, TRAINING)] == [debate.id]


def test_a_slot_holding_another_debate_is_not_doubled_and_the_record_says_so(
    alice: DebateServices, stored: Database, capture: Callable[..., None]
) -> None:
    ours = alice.debates.schedule([SEND], day=MONDAY)
    capture(TRAINING, SCHEDULED, scheduled_debate_date="2025-07-14")
    assert of(alice, TRAINING) == []
    assert [d.id for d in alice.debates.debates(first=MONDAY, last=MONDAY)] == [ours.id]
    with Session(stored.engine) as session:
        [note] = site_disagreements(session, [ours.id])[ours.id]
    assert note.field == "petitions"
    assert "The public site gives Monday 14 July 2025 for e-petition 724432 too" in note.message


def test_running_the_link_twice_changes_nothing(stored: Database, alice: DebateServices) -> None:
    now = datetime(2025, 7, 20, tzinfo=UTC)
    before = [(d.id, d.version) for d in alice.debates.debates()]
    with Session(stored.engine) as session:
        report = link_site_debates(session, [DEBATED, TRAINING], actor="alice", now=now)
        session.commit()
    assert (report.linked, report.created, report.left) == ((), (), ())
    assert [(d.id, d.version) for d in alice.debates.debates()] == before


def test_the_debated_petition_has_its_record_with_the_member_who_opened_it(
    alice: DebateServices,
) -> None:
    [debate] = of(alice, DEBATED)
    assert (debate.day, debate.status) == (DEBATED_ON, "held")
    assert debate.transcript_url == "https://hansard.parliament.uk/x"
    assert debate.opening_member is not None
    assert debate.opening_member.styled == "Jane Smith MP"


def test_the_member_asked_to_open_fills_a_record_without_one(
    alice: DebateServices, stored: Database, capture: Callable[..., None]
) -> None:
    kept = alice.members.add("Sarah Okafor", constituency="Leeds Central", party="Labour")
    ours = alice.debates.schedule([TRAINING], day=MONDAY)
    capture(TRAINING, ASKED_AT, scheduled_debate_date="2025-07-14",
            other_parliamentary_business=[ASKED])  # fmt: skip
    [debate] = of(alice, TRAINING)
    assert debate.id == ours.id
    assert debate.opening_member is not None and debate.opening_member.id == kept.id
    with Session(stored.engine) as session:
        assert site_disagreements(session, [debate.id]) == {}
        assert session.scalars(select(Member.name).order_by(Member.name)).all() == [
            "Jane Smith",
            "Sarah Okafor",
        ]


def test_a_record_naming_another_member_is_flagged_not_changed(
    alice: DebateServices, stored: Database, capture: Callable[..., None]
) -> None:
    alice.members.add("Tom Price")
    ours = alice.debates.schedule([TRAINING], day=MONDAY, opening_member="Tom Price")
    capture(TRAINING, ASKED_AT, scheduled_debate_date="2025-07-14",
            other_parliamentary_business=[ASKED])  # fmt: skip
    [debate] = of(alice, TRAINING)
    assert debate.opening_member is not None and debate.opening_member.name == "Tom Price"
    assert debate.version == ours.version
    with Session(stored.engine) as session:
        [note] = site_disagreements(session, [debate.id])[debate.id]
    assert (note.field, note.ours, note.site) == (
        "opening_member",
        "Tom Price MP",
        "Sarah Okafor MP",
    )
    assert "The public site names Sarah Okafor MP to open the debate" in note.message


def test_a_sync_brings_the_schedule_then_the_outcome_to_one_record(
    database: Database, fake_site: FakeSite
) -> None:
    fake_site.add(760_001, signature_count=150_000).schedule_debate(MONDAY)
    options = SyncOptions(site=fake_site.base, rate=1000.0, timeout=2.0)
    assert SyncService(database).run(options).failures == []
    services = DebateServices.open(database)
    [scheduled] = services.debates.for_petition(760_001)
    assert (scheduled.day, scheduled.status) == (MONDAY, "scheduled")
    fake_site.petition(760_001).record_debate(overview="It was opened by Ana Li MP.")
    assert SyncService(database).run(options).failures == []
    [held] = services.debates.for_petition(760_001)
    assert (held.id, held.status, held.video_url) == (
        scheduled.id,
        "held",
        "https://parliamentlive.tv/Event/Index/0000",
    )
    assert held.opening_member is not None and held.opening_member.name == "Ana Li"


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Sarah Okafor MP has been asked by the Committee to open the debate.", "Sarah Okafor MP"),
        ("Marsha de Cordova MP, a member of the Committee, will open the debate.",
         "Marsha de Cordova MP"),
        ("Following this, Dr Ana Li MP was asked by the Petitions Committee to open the debate",
         "Dr Ana Li MP"),
        ("The debate will be opened by Jane Smith MP, a member of the Committee.",
         "Jane Smith MP"),
        # Updates also report other debates: not this petition's opener.
        ("On 16 June, MPs debated transport. The debate was led by Tom Price MP.", None),
        ("The debate was opened by Tom Price MP.", None),
        ("The Committee will decide who opens the debate.", None),
    ],
)  # fmt: skip
def test_the_opening_member_in_the_sites_updates(text: str, named: str | None) -> None:
    assert opening_member_in([text]) == named


def test_the_overview_of_the_debate_held_names_who_opened_it() -> None:
    asked = "Sarah Okafor MP has been asked by the Committee to open the debate."
    overview = "The debate was opened by Jane Smith MP, on behalf of the Committee."
    assert opening_member_in([asked], overview) == "Jane Smith MP"
    assert opening_member_in([asked], "MPs debated the petition.") == "Sarah Okafor MP"
