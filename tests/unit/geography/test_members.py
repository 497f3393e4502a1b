"""The Members whose constituents signed most, for one petition or a debate of several."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from caseworker import reference
from caseworker.geography import Measure, members_to_invite, petition_geography
from caseworker.reference import BoundarySet
from caseworker.services.dto import CountView
from tests.unit.geography.builders import detail, seat_rows


def with_counts(counts: dict[int, int], mp: str | None = "A Member MP") -> list[CountView]:
    """All 2024 seats with 1 signature, except those at the given positions."""
    rows = seat_rows(BoundarySet.B2024, signatures=1, mp=mp)
    for index, signatures in counts.items():
        rows[index] = replace(rows[index], signature_count=signatures, mp=f"Member {index} MP")
    return rows


def test_by_count_most_signatures_first_with_party_and_rate() -> None:
    rows = with_counts({3: 900, 7: 500, 11: 700})
    rows_by_code = {r.code: r for r in rows}
    found = members_to_invite([petition_geography(detail(rows))], by=Measure.COUNT, limit=3)
    assert [r.signatures for r in found] == [900, 700, 500]
    assert [r.rank for r in found] == [1, 2, 3]
    first = found[0]
    assert first.member == "Member 3 MP"
    assert rows_by_code[first.seat.code].signature_count == 900
    assert first.party is None  # "Member 3 MP" is not the Member the shipped results name
    assert first.per_thousand == 1000 * 900 / (first.seat.electorate or 1)


def test_by_rate_small_seats_can_lead() -> None:
    seats = list(reference.seats(BoundarySet.B2024).values())
    smallest = min(range(650), key=lambda i: seats[i].electorate or 10**9)
    largest = max(range(650), key=lambda i: seats[i].electorate or 0)
    rows = with_counts({smallest: 400, largest: 450})
    geography = petition_geography(detail(rows))
    assert members_to_invite([geography], Measure.COUNT, 1)[0].seat.code == seats[largest].code
    assert members_to_invite([geography], Measure.RATE, 1)[0].seat.code == seats[smallest].code


def test_a_debate_of_several_petitions_adds_them_up() -> None:
    one = petition_geography(detail(with_counts({3: 900, 7: 500}), petition_id=1))
    two = petition_geography(
        detail(
            with_counts({7: 600}),
            petition_id=2,
            at=datetime(2025, 4, 1, tzinfo=UTC),
        )
    )
    found = members_to_invite([one, two], limit=2)
    assert [(r.member, r.signatures, r.petitions) for r in found] == [
        ("Member 7 MP", 1_100, 2),
        ("A Member MP", 901, 2),  # the newer capture's name for the Member is used
    ]


def test_vacant_seats_have_no_member_to_invite() -> None:
    rows = with_counts({3: 900, 7: 500})
    rows[3] = replace(rows[3], mp=None)
    found = members_to_invite([petition_geography(detail(rows))], limit=1)
    assert found[0].member == "Member 7 MP"


def test_the_limit_is_kept() -> None:
    geography = petition_geography(detail(with_counts({})))
    assert len(members_to_invite([geography], limit=10)) == 10
    assert members_to_invite([geography], limit=0) == []
    assert members_to_invite([], limit=5) == []


def test_the_party_is_given_when_the_site_names_the_shipped_member() -> None:
    rows = seat_rows(BoundarySet.B2024, signatures=1)
    rows = [
        replace(r, mp=f"Rt Hon {seat.mp} MP")
        for r, seat in zip(rows, seats_in_order(), strict=True)
    ]
    rows[0] = replace(rows[0], signature_count=50)
    first = members_to_invite([petition_geography(detail(rows))], limit=1)[0]
    assert first.seat.code == rows[0].code
    assert first.party is not None and first.party == first.seat.party


def seats_in_order() -> list[reference.Seat]:
    return list(reference.seats(BoundarySet.B2024).values())
