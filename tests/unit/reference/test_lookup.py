"""Finding seats, choosing the boundary set of a breakdown, and naming a seat's Member."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from caseworker.reference import (
    VACANT,
    BoundarySet,
    boundary_set_for,
    find_seat,
    members_for,
    mp_for,
    name_key,
    results_election,
    seats,
)


def test_name_key_ignores_ampersands_accents_punctuation_and_case() -> None:
    assert name_key("Montgomeryshire and Glyndŵr") == name_key("MONTGOMERYSHIRE & GLYNDWR")
    assert name_key("Ynys Môn") == name_key("ynys mon")
    assert name_key("Weston-super-Mare") == name_key("Weston super Mare")
    assert name_key("Ayr, Carrick and Cumnock") != name_key("Central Ayrshire")


def test_find_seat_by_code_in_either_set() -> None:
    old = find_seat("E14000530")
    new = find_seat("E14001063")
    assert old is not None and old.name == "Aldershot" and old.boundary_set is BoundarySet.B2010
    assert new is not None and new.name == "Aldershot" and new.boundary_set is BoundarySet.B2024
    assert old.mp == "Leo Docherty" and new.mp == "Alex Baker"


def test_a_code_both_sets_use_is_the_newer_seat_unless_a_set_is_named() -> None:
    newer = find_seat("S14000051")
    older = find_seat("S14000051", boundary_set=BoundarySet.B2010)
    assert newer is not None and newer.boundary_set is BoundarySet.B2024
    assert older is not None and older.boundary_set is BoundarySet.B2010
    assert newer.name == older.name == "Orkney and Shetland"


def test_a_provisional_2024_code_resolves_by_name() -> None:
    seat = find_seat("S14000006", "Ayr, Carrick & Cumnock", BoundarySet.B2024)
    assert seat is not None and seat.code == "S14000107"
    # Without a set, the code is the 2010 seat of that name, which it really was.
    old = find_seat("S14000006")
    assert old is not None and old.boundary_set is BoundarySet.B2010


def test_find_seat_by_name_when_the_code_is_unknown() -> None:
    seat = find_seat("W99999999", "Montgomeryshire & Glyndwr")
    assert seat is not None and seat.code == "W07000102"
    assert find_seat("W99999999") is None
    assert find_seat("W99999999", "Atlantis North") is None


def test_boundary_set_for_constructed_breakdowns() -> None:
    assert boundary_set_for(["E14000530", "E14000531"]) is BoundarySet.B2010
    assert boundary_set_for(["E14001063", "S14000107"]) is BoundarySet.B2024
    # Only a code both sets use: the newer set.
    assert boundary_set_for(["S14000051"]) is BoundarySet.B2024
    # A stray unknown code does not change the answer.
    assert boundary_set_for(["E14000530", "X"]) is BoundarySet.B2010
    with pytest.raises(ValueError, match="none of the codes"):
        boundary_set_for(["X", "Y"])
    with pytest.raises(ValueError):
        boundary_set_for([])


def _breakdown_codes(path: Path) -> list[str]:
    data = json.loads(path.read_text(encoding="utf-8"))
    rows = data["data"]["attributes"]["signatures_by_constituency"]
    return [row["ons_code"] for row in rows]


@pytest.mark.realdata
@pytest.mark.parametrize(
    ("capture", "expected"),
    [
        # A 2022 capture: the 2010–2024 constituencies.
        ("mysociety-2020-2022/single/552017.json", BoundarySet.B2010),
        # Fetched in autumn 2024 but closed at the dissolution: still the old constituencies.
        ("single-2024-dissolution-infinitywarlock/653985.json", BoundarySet.B2010),
        # November 2024: the new constituencies.
        ("timeseries-700143-vinaymanro-readme/700143_snapshot_2024-11-24.json", BoundarySet.B2024),
    ],
)
def test_boundary_set_for_real_captures(
    shared_data: Path, capture: str, expected: BoundarySet
) -> None:
    codes = _breakdown_codes(shared_data / capture)
    assert boundary_set_for(codes) is expected
    assert set(codes) <= set(seats(expected))


def test_mp_for_prefers_the_site_then_the_shipped_member() -> None:
    assert mp_for("E14001063", "Alex Baker MP") == "Alex Baker MP"
    assert mp_for("E14001063", None) == "Alex Baker"
    assert mp_for("E14001063", "  ") == "Alex Baker"
    assert mp_for("E14000530") == "Leo Docherty"


def test_mp_for_says_vacant_when_no_member_is_known() -> None:
    assert mp_for("E99999999") == VACANT == "vacant"


def test_a_null_among_named_members_is_a_vacancy() -> None:
    assert mp_for("E14001063", None, others_named=True) == VACANT
    breakdown = [("E14001063", None), ("E14001064", "Wendy Morton MP")]
    assert members_for(breakdown) == {"E14001063": VACANT, "E14001064": "Wendy Morton MP"}


def test_nulls_everywhere_fall_back_to_the_shipped_members() -> None:
    breakdown = [("E14001063", None), ("E14001064", None), ("E99999999", None)]
    assert members_for(breakdown) == {
        "E14001063": "Alex Baker",
        "E14001064": "Wendy Morton",
        "E99999999": VACANT,
    }


def _breakdown(path: Path) -> list[tuple[str, str | None]]:
    rows = json.loads(path.read_text(encoding="utf-8"))["data"]["attributes"][
        "signatures_by_constituency"
    ]
    return [(row["ons_code"], row["mp"]) for row in rows]


@pytest.mark.realdata
def test_members_for_the_dissolution_capture_come_from_the_shipped_data(
    shared_data: Path,
) -> None:
    rows = _breakdown(shared_data / "single-2024-dissolution-infinitywarlock/653440.json")
    assert all(mp is None for _, mp in rows)
    named = members_for(rows)
    assert VACANT not in named.values()
    assert named["E14000530"] == "Leo Docherty"


@pytest.mark.realdata
def test_a_vacant_seat_in_a_real_capture_says_vacant(shared_data: Path) -> None:
    # Captured on 3 January 2023, between Rosie Cooper's resignation and the by-election.
    rows = _breakdown(shared_data / "mysociety-2020-2022/single/552017.json")
    west_lancashire = "E14001033"
    assert dict(rows)[west_lancashire] is None
    named = members_for(rows)
    assert named[west_lancashire] == VACANT
    assert list(named.values()).count(VACANT) == 1


def test_results_elections() -> None:
    assert results_election(BoundarySet.B2010).isoformat() == "2019-12-12"
    assert results_election(BoundarySet.B2024).isoformat() == "2024-07-04"
