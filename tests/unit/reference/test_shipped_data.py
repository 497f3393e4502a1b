"""The shipped reference files: 650 seats per set, and every seat in every file."""

from __future__ import annotations

import pytest

from caseworker.reference import BoundarySet, boundaries, hex_layout, seats
from caseworker.reference.store import reference_path
from tests.conftest import PROJECT_ROOT

ALL_SETS = list(BoundarySet)
NATIONS_2010 = {"England": 533, "Scotland": 59, "Wales": 40, "Northern Ireland": 18}
NATIONS_2024 = {"England": 543, "Scotland": 57, "Wales": 32, "Northern Ireland": 18}


@pytest.mark.parametrize("boundary_set", ALL_SETS)
def test_each_set_has_650_seats(boundary_set: BoundarySet) -> None:
    assert len(seats(boundary_set)) == 650


@pytest.mark.parametrize(
    ("boundary_set", "nations"),
    [(BoundarySet.B2010, NATIONS_2010), (BoundarySet.B2024, NATIONS_2024)],
)
def test_seats_per_nation_are_the_elections(
    boundary_set: BoundarySet, nations: dict[str, int]
) -> None:
    counted: dict[str, int] = {}
    for seat in seats(boundary_set).values():
        counted[seat.nation] = counted.get(seat.nation, 0) + 1
    assert counted == nations


@pytest.mark.parametrize("boundary_set", ALL_SETS)
def test_every_code_joins_hexes_boundaries_and_results(boundary_set: BoundarySet) -> None:
    codes = set(seats(boundary_set))
    assert set(hex_layout(boundary_set).cells) == codes
    assert set(boundaries(boundary_set)) == codes
    for seat in seats(boundary_set).values():
        assert seat.boundary_set is boundary_set
        assert seat.electorate is not None and 20_000 < seat.electorate < 120_000, seat
        assert seat.mp and seat.party and seat.party_short, seat


@pytest.mark.parametrize("boundary_set", ALL_SETS)
def test_no_two_seats_share_a_hex(boundary_set: BoundarySet) -> None:
    cells = hex_layout(boundary_set).cells.values()
    assert len({(cell.q, cell.r) for cell in cells}) == 650
    assert hex_layout(boundary_set).layout == "odd-r"


def test_the_five_provisional_scottish_codes_are_shipped_under_their_final_codes() -> None:
    provisional = {"S14000006", "S14000008", "S14000010", "S14000040", "S14000058"}
    final = {f"S14000{number}" for number in range(107, 112)}
    new = seats(BoundarySet.B2024)
    assert final <= set(hex_layout(BoundarySet.B2024).cells)
    assert not provisional & set(new)
    assert {new[code].name for code in final} == {
        "Ayr, Carrick and Cumnock",
        "Berwickshire, Roxburgh and Selkirk",
        "Central Ayrshire",
        "Kilmarnock and Loudoun",
        "West Aberdeenshire and Kincardine",
    }


@pytest.mark.parametrize("boundary_set", ALL_SETS)
def test_boundaries_are_closed_rings_inside_the_uk(boundary_set: BoundarySet) -> None:
    for code, shape in boundaries(boundary_set).items():
        assert shape, code
        for polygon in shape:
            for ring in polygon:
                assert len(ring) >= 3, code
                for longitude, latitude in ring:
                    assert -8.7 < longitude < 1.8 and 49.8 < latitude < 60.9, code


def test_a_seat_is_drawn_where_it_is() -> None:
    aldershot = boundaries(BoundarySet.B2024)["E14001063"]
    points = [point for polygon in aldershot for point in polygon[0]]
    longitudes = [x for x, _ in points]
    latitudes = [y for _, y in points]
    # The ONS gives Aldershot's centroid as -0.786, 51.290.
    assert min(longitudes) < -0.786 < max(longitudes)
    assert min(latitudes) < 51.290 < max(latitudes)


def test_the_reference_data_is_under_two_megabytes() -> None:
    folder = PROJECT_ROOT / "resources" / "reference"
    total = sum(path.stat().st_size for path in folder.iterdir())
    assert 100_000 < total < 2_000_000


def test_the_files_are_read_from_the_shipped_resources() -> None:
    assert reference_path("manifest.json").is_file()
    assert reference_path("README.md").read_text(encoding="utf-8").count("Licence") >= 2
