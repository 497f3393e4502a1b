"""Joining a petition's breakdown to the seats, and the figures worked out for each seat."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from caseworker import reference
from caseworker.geography import Measure, petition_geography
from caseworker.geography.figures import same_person
from caseworker.reference import BoundarySet
from caseworker.services.dto import PetitionDetail
from tests.unit.geography.builders import (
    detail,
    row,
    seat_rows,
)

#: The provisional codes one 2024 HexJSON gave five Scottish seats, and the final codes.
PROVISIONAL = {
    "S14000006": "S14000107",
    "S14000008": "S14000108",
    "S14000010": "S14000109",
    "S14000040": "S14000110",
    "S14000058": "S14000111",
}


def test_every_seat_of_the_set_is_there_with_none_for_seats_left_out() -> None:
    seat = reference.find_seat("E14001290", boundary_set=BoundarySet.B2024)
    assert seat is not None
    geography = petition_geography(detail([row(seat.name, seat.code, 500)]))
    assert geography.boundary_set is BoundarySet.B2024
    assert len(geography.seats) == 650
    assert geography.by_code[seat.code].signatures == 500
    assert sum(f.signatures for f in geography.seats) == 500
    assert [f.name for f in geography.ranked()] == [seat.name]


def test_the_boundary_set_follows_the_codes() -> None:
    old = petition_geography(detail(seat_rows(BoundarySet.B2010)))
    new = petition_geography(detail(seat_rows(BoundarySet.B2024)))
    assert old.boundary_set is BoundarySet.B2010
    assert new.boundary_set is BoundarySet.B2024
    assert not old.unmatched and not new.unmatched


def test_without_codes_the_names_choose_the_set_and_join() -> None:
    rows = [replace(r, code=None) for r in seat_rows(BoundarySet.B2010)]
    geography = petition_geography(detail(rows, opened=datetime(2025, 1, 1, tzinfo=UTC)))
    assert geography.boundary_set is BoundarySet.B2010
    assert not geography.unmatched
    assert all(f.signatures == 10 for f in geography.seats)


def test_without_a_breakdown_the_set_in_force_when_opened() -> None:
    before = petition_geography(detail([], opened=datetime(2024, 7, 3, 12, tzinfo=UTC)))
    after = petition_geography(detail([], opened=datetime(2024, 7, 4, 12, tzinfo=UTC)))
    assert before.boundary_set is BoundarySet.B2010
    assert after.boundary_set is BoundarySet.B2024
    assert not before.has_breakdown


def test_provisional_scottish_codes_join_by_name() -> None:
    rows = seat_rows(BoundarySet.B2024)
    final_to_provisional = {final: old for old, final in PROVISIONAL.items()}
    rows = [replace(r, code=final_to_provisional.get(r.code or "", r.code)) for r in rows]
    assert sum(r.code in PROVISIONAL for r in rows) == 5
    geography = petition_geography(detail(rows))
    assert geography.boundary_set is BoundarySet.B2024
    assert not geography.unmatched
    for final in PROVISIONAL.values():
        assert geography.by_code[final].signatures == 10


def test_rows_joining_no_seat_are_reported_not_dropped() -> None:
    rows = seat_rows(BoundarySet.B2024)
    rows.append(row("Atlantis", "E14999999", 7))
    rows.append(replace(rows[0], code=None))  # a second row for the first seat, by name
    geography = petition_geography(detail(rows))
    assert [(u.name, u.signatures) for u in geography.unmatched] == [
        ("Atlantis", 7),
        (rows[0].name, 10),
    ]
    assert "no seat" in geography.unmatched[0].reason
    assert "second row" in geography.unmatched[1].reason
    assert geography.uk_total == 650 * 10 + 7 + 10  # every row counted in the whole


def test_rate_share_and_salience() -> None:
    rows = seat_rows(BoundarySet.B2024, signatures=0)
    rows[0] = replace(rows[0], signature_count=300)
    rows[1] = replace(rows[1], signature_count=100)
    geography = petition_geography(detail(rows))
    first = geography.by_code[rows[0].code or ""]
    seat = first.seat
    assert seat.electorate
    electorate = sum(s.electorate or 0 for s in reference.seats(BoundarySet.B2024).values())
    assert first.per_thousand == pytest.approx(1000 * 300 / seat.electorate)
    assert first.share_of_uk == pytest.approx(0.75)
    assert first.salience == pytest.approx(0.75 / (seat.electorate / electorate))
    assert first.value(Measure.RATE) == first.per_thousand
    assert first.value(Measure.COUNT) == 300
    # Weighted by the seats' shares of the electorate, salience averages exactly 1.
    weighted = sum(
        (f.salience or 0) * (f.seat.electorate or 0) / electorate for f in geography.seats
    )
    assert weighted == pytest.approx(1.0)
    assert geography.strongest(2)[0].code == max(
        (rows[0].code, rows[1].code), key=lambda c: geography.by_code[c or ""].salience or 0
    )
    # The weakest are among seats that signed: 648 seats at 0 would say nothing.
    weakest = geography.weakest(3)
    assert len(weakest) == 2 and weakest[-1].code == geography.strongest(1)[0].code


def test_the_site_member_else_the_shipped_one_else_vacant() -> None:
    rows = seat_rows(BoundarySet.B2024)
    rows[0] = replace(rows[0], mp=None)  # vacant: the capture names every other Member
    del rows[1]  # left out of the breakdown: the shipped Member
    geography = petition_geography(detail(rows))
    assert geography.by_code[rows[0].code or ""].mp == reference.VACANT
    assert geography.by_code[rows[0].code or ""].vacant
    left_out = next(f for f in geography.seats if f.signatures == 0)
    assert left_out.mp == left_out.seat.mp
    assert geography.by_code[rows[2].code or ""].mp == "A Member MP"


def test_a_dissolution_names_the_shipped_members() -> None:
    rows = seat_rows(BoundarySet.B2024, mp=None)
    geography = petition_geography(detail(rows))
    assert all(f.mp == (f.seat.mp or reference.VACANT) for f in geography.seats)
    assert not any(f.vacant for f in geography.seats if f.seat.mp)


def test_outside_uk_from_the_countries() -> None:
    geography = petition_geography(detail(seat_rows(BoundarySet.B2024), total=7_000, uk=6_500))
    assert geography.outside_uk == 500
    assert geography.outside_uk_share == pytest.approx(500 / 7_000)


def test_real_2016_capture_joins_every_row(real: dict[int, PetitionDetail]) -> None:
    petition = real[131215]
    geography = petition_geography(petition)
    assert geography.boundary_set is BoundarySet.B2010
    assert not geography.unmatched
    assert geography.uk_total == sum(c.signature_count for c in petition.signatures_by_constituency)
    assert geography.ranked()[0].name == "Hornsey and Wood Green"
    assert geography.outside_uk == 3_555_721 - 3_417_895
    # The site named every Member in June 2016: they are shown as the site gave them.
    assert geography.by_code["E14000752"].mp == "Catherine West MP"
    for figures in geography.seats:
        if figures.seat.electorate:
            expected = 1000 * figures.signatures / figures.seat.electorate
            assert math.isclose(figures.per_thousand or 0, expected)


def test_real_2024_capture_joins_every_row(real: dict[int, PetitionDetail]) -> None:
    geography = petition_geography(real[700143])
    assert geography.boundary_set is BoundarySet.B2024
    assert not geography.unmatched
    assert sum(f.signatures > 0 for f in geography.seats) == 650
    assert all(f.per_thousand is not None for f in geography.seats)


@pytest.mark.parametrize(
    ("named", "shipped"),
    [
        ("Rt Hon Jeremy Corbyn MP", "Jeremy Corbyn"),
        ("Dan Jarvis MP", "Daniel Jarvis"),
        ("Mr Tanmanjeet Singh Dhesi MP", "Tan Dhesi"),
        ("Rt Hon Dame  Margaret Hodge MP", "Margaret Hodge"),
        ("Rt Hon Shabana Mahmood KC MP", "Shabana Mahmood"),
    ],
)
def test_one_member_however_the_name_is_styled(named: str, shipped: str) -> None:
    assert same_person(named, shipped)


@pytest.mark.parametrize(
    ("named", "shipped"),
    [("Sir Gerald Howarth MP", "Leo Docherty"), ("John Mann MP", "Brendan Clarke-Smith")],
)
def test_different_members_are_told_apart(named: str, shipped: str) -> None:
    assert not same_person(named, shipped)
    assert not same_person(None, shipped) and not same_person(named, None)


def test_no_party_for_a_member_the_shipped_results_do_not_name(
    real: dict[int, PetitionDetail],
) -> None:
    """In June 2016 Zac Goldsmith sat for Richmond Park; the shipped 2019 results name
    Sarah Olney (Liberal Democrat): her party must not be printed beside his name."""
    richmond = petition_geography(real[131215]).by_code["E14000896"]
    assert richmond.mp == "Zac Goldsmith MP"
    assert richmond.party is None
    assert petition_geography(real[700143]).by_code["E14001226"].party is not None
