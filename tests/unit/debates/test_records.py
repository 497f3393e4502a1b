"""Debates as the Committee's records: scheduling, slots, grouping, the motion, the audit."""

from __future__ import annotations

from datetime import date, time

import pytest

from caseworker.services.casework import CaseworkServices
from caseworker.services.casework.common import CaseworkError, EditConflict
from caseworker.services.debates import DebateServices
from caseworker.services.errors import PetitionNotFound
from tests.unit.debates.story import DEBATED, SEND, SMALL, TRAINING

MONDAY = date(2025, 7, 14)


def test_a_debate_with_a_day_is_scheduled_in_the_monday_slot(alice: DebateServices) -> None:
    debate = alice.debates.schedule([TRAINING], day=MONDAY, minister="Catherine McKinnell MP")
    assert debate.status == "scheduled"
    assert (debate.place, debate.starts_at) == ("Westminster Hall", time(16, 30))
    assert debate.when == "Monday 14 July 2025, 4.30pm"
    assert debate.department == "Department for Education"
    assert debate.motion == (
        "That this House has considered e-petition 724432 relating to make neurodiversity "
        "training mandatory for all education staff."
    )
    assert alice.debates.get(debate.id) == debate


def test_grouped_debate_names_every_petition_in_the_motion(alice: DebateServices) -> None:
    debate = alice.debates.schedule(
        [TRAINING, SEND], day=MONDAY, relating_to="training for education staff."
    )
    assert debate.petition_ids == (TRAINING, SEND)
    assert debate.motion == (
        "That this House has considered e-petitions 724432 and 724500 relating to training "
        "for education staff."
    )
    assert debate.title.startswith("e-petition 724432 and 1 more: ")


def test_without_a_day_the_debate_is_proposed(alice: DebateServices) -> None:
    debate = alice.debates.schedule([TRAINING])
    assert (debate.status, debate.day, debate.when) == ("proposed", None, "No date yet")


def test_a_slot_cannot_hold_two_debates(alice: DebateServices) -> None:
    first = alice.debates.schedule([TRAINING], day=MONDAY)
    with pytest.raises(CaseworkError, match=f"already holds debate {first.id}") as refused:
        alice.debates.schedule([SEND], day=MONDAY)
    assert refused.value.field == "day"
    # Withdrawing gives the slot back.
    alice.debates.update(first.id, first.version, status="withdrawn")
    assert alice.debates.schedule([SEND], day=MONDAY).day == MONDAY


def test_a_day_that_is_not_a_slot_is_refused_until_an_extra_slot_is_added(
    alice: DebateServices,
) -> None:
    tuesday = date(2025, 7, 15)
    with pytest.raises(CaseworkError, match="is not a debate slot"):
        alice.debates.schedule([TRAINING], day=tuesday)
    alice.calendar.add_extra_slot(
        tuesday, time(9, 30), note="Extra slot from the Liaison Committee"
    )
    debate = alice.debates.schedule([TRAINING], day=tuesday, starts_at=time(9, 30))
    assert debate.when == "Tuesday 15 July 2025, 9.30am"


def test_recess_days_are_refused(alice: DebateServices) -> None:
    alice.calendar.add_recess("Summer", date(2025, 7, 22), date(2025, 9, 1))
    with pytest.raises(CaseworkError, match="is in the Summer recess"):
        alice.debates.schedule([TRAINING], day=date(2025, 7, 28))


def test_a_petition_under_100000_is_refused(alice: DebateServices) -> None:
    with pytest.raises(CaseworkError, match="730000 has 42,000 signatures, under the 100,000"):
        alice.debates.schedule([SMALL], day=MONDAY)
    with pytest.raises(PetitionNotFound):
        alice.debates.schedule([999], day=MONDAY)


def test_a_petition_waits_for_one_debate_at_a_time(alice: DebateServices) -> None:
    first = alice.debates.schedule([TRAINING], day=MONDAY)
    with pytest.raises(CaseworkError, match=f"724432 is already in debate {first.id}"):
        alice.debates.schedule([TRAINING, SEND], day=date(2025, 7, 21))


def test_grouping_and_ungrouping_change_the_petitions(alice: DebateServices) -> None:
    debate = alice.debates.schedule([TRAINING], day=MONDAY)
    grouped = alice.debates.set_petitions(debate.id, [TRAINING, SEND], debate.version)
    assert grouped.petition_ids == (TRAINING, SEND) and grouped.version > debate.version
    alone = alice.debates.set_petitions(debate.id, [SEND], grouped.version)
    assert alone.petition_ids == (SEND,)
    assert alice.debates.for_petition(TRAINING) == []


def test_a_stale_edit_is_refused(alice: DebateServices, bob: DebateServices) -> None:
    debate = alice.debates.schedule([TRAINING], day=MONDAY)
    bob.debates.update(debate.id, debate.version, minister="Minister B")
    with pytest.raises(EditConflict, match="changed by bob"):
        alice.debates.update(debate.id, debate.version, minister="Minister A")


def test_opening_member_by_name_and_unknown_member_refused(alice: DebateServices) -> None:
    alice.members.add("Ann Other MP", constituency="Leeds Central", party="Labour")
    debate = alice.debates.schedule([TRAINING], day=MONDAY, opening_member="ann other")
    assert debate.opening_member is not None
    assert debate.opening_member.label == "Ann Other MP (Labour, Leeds Central)"
    with pytest.raises(CaseworkError, match="unknown Member 'Joe Bloggs'"):
        alice.debates.update(debate.id, debate.version, opening_member="Joe Bloggs")


def test_a_held_debate_keeps_its_outcome_links(alice: DebateServices) -> None:
    debate = alice.debates.schedule([TRAINING], day=MONDAY)
    held = alice.debates.update(
        debate.id, debate.version, status="held",
        transcript_url="https://hansard.parliament.uk/t", video_url="https://parliamentlive.tv/v",
    )  # fmt: skip
    assert (held.status, held.transcript_url) == ("held", "https://hansard.parliament.uk/t")
    assert debate.id in [d.id for d in alice.debates.debates(status="held")]
    assert debate.id not in [d.id for d in alice.debates.debates(status="scheduled")]


def test_the_site_giving_another_day_is_a_disagreement(alice: DebateServices) -> None:
    debate = alice.debates.schedule([DEBATED], day=date(2025, 7, 14), status="held")
    assert [d.field for d in debate.disagreements] == ["day"]
    assert "The public site gives Monday 7 July 2025" in debate.disagreements[0].message


def test_every_change_is_in_each_petitions_history(
    alice: DebateServices, stored: object, clock: object
) -> None:
    debate = alice.debates.schedule([TRAINING, SEND], day=MONDAY)
    alice.debates.update(debate.id, debate.version, minister="Minister A")
    casework = CaseworkServices.open(stored)  # type: ignore[arg-type]
    for pid in (TRAINING, SEND):
        entries = casework.audit.for_petition(pid)
        assert {(e.subject, e.action) for e in entries} == {
            ("debate", "created"),
            ("debate", "changed"),
        }
        assert any(e.field == "minister" and e.new_value == "Minister A" for e in entries)


def test_delete_undoes_recording(alice: DebateServices) -> None:
    debate = alice.debates.schedule([TRAINING], day=MONDAY)
    alice.debates.delete(debate.id, debate.version)
    assert debate.id not in [d.id for d in alice.debates.debates()]
    assert alice.debates.for_petition(TRAINING) == []


def test_a_postponed_debate_waits_to_be_placed_and_frees_its_slot(alice: DebateServices) -> None:
    debate = alice.debates.schedule([TRAINING], day=MONDAY)
    postponed = alice.debates.update(debate.id, debate.version, status="postponed")
    calendar = alice.calendar.calendar(date(2025, 7, 1), date(2025, 7, 31))
    assert [d.id for d in calendar.unplaced] == [debate.id]
    assert next(s for s in calendar.slots if s.day == MONDAY).free
    moved = alice.debates.update(
        debate.id, postponed.version, status="scheduled", day=date(2025, 7, 21)
    )
    calendar = alice.calendar.calendar(date(2025, 7, 1), date(2025, 7, 31))
    assert calendar.unplaced == ()
    holding = {s.day: s.debate.id for s in calendar.slots if s.debate}
    assert holding[date(2025, 7, 21)] == moved.id and MONDAY not in holding
