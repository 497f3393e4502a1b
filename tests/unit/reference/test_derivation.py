"""scripts/derive_reference_data.py: joins that fail loudly, shared borders, and a re-run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from caseworker.reference.codec import decode_shape, encode_ring
from caseworker.reference.model import BoundarySet
from caseworker.reference.store import boundaries_file, seats_file
from scripts import derive_reference_data as derivation
from scripts.boundary_simplify import douglas_peucker, simplify_shapes
from tests.conftest import PROJECT_ROOT, missing

COMMITTED = PROJECT_ROOT / "resources" / "reference"


def _result(code: str, name: str) -> derivation.ResultRow:
    return derivation.ResultRow(code, name, "Scotland", "Scotland", 70_000, "A Member", "SNP")


RESULTS = {
    "S14000107": _result("S14000107", "Ayr, Carrick and Cumnock"),
    "S14000051": _result("S14000051", "Orkney and Shetland"),
}


def test_codes_join_first_then_names() -> None:
    report: list[str] = []
    source = {"S14000006": "Ayr, Carrick & Cumnock", "S14000051": "Orkney and Shetland"}
    joined = derivation.join_to_results("map", source, RESULTS, report)
    assert joined == {"S14000006": "S14000107", "S14000051": "S14000051"}
    assert report == ["map: S14000006 'Ayr, Carrick & Cumnock' matched by name to S14000107"]


def test_a_seat_the_results_lack_fails_the_join() -> None:
    source = {"S14000006": "Ayr North", "S14000051": "Orkney and Shetland"}
    with pytest.raises(derivation.Unmatched) as failure:
        derivation.join_to_results("map", source, RESULTS, [])
    message = str(failure.value)
    assert "map: S14000006 'Ayr North' matches no seat in the results" in message
    assert "map: has no seat for S14000107 'Ayr, Carrick and Cumnock'" in message


def test_a_seat_missing_from_a_source_fails_the_join() -> None:
    with pytest.raises(derivation.Unmatched, match="has no seat for S14000107"):
        derivation.join_to_results("map", {"S14000051": "Orkney and Shetland"}, RESULTS, [])


def test_thousands_separators_in_counts() -> None:
    assert derivation._count("72,580") == 72_580
    assert derivation._count("50750") == 50_750
    assert derivation._count("") is None


def test_douglas_peucker_keeps_corners_and_drops_wobbles() -> None:
    line = [(0.0, 0.0), (1.0, 0.0001), (2.0, 0.0), (2.0, 1.0)]
    assert douglas_peucker(line, 0.001) == [(0.0, 0.0), (2.0, 0.0), (2.0, 1.0)]
    assert douglas_peucker(line, 0.00001) == line


def _square(x: float, wobble: float) -> list[tuple[float, float]]:
    """A unit square whose right side has a wobble in the middle."""
    right_side = [(x + 1, 0.5), (x + 1 + wobble, 0.51), (x + 1, 0.6)]
    return [(x, 0.0), (x + 1, 0.0), *right_side, (x + 1, 1.0), (x, 1.0)]


def test_neighbours_keep_the_same_border_after_simplification() -> None:
    left = _square(0.0, 0.0004)
    shared_edge = [(1.0, 0.0), (1.0, 0.5), (1.0004, 0.51), (1.0, 0.6), (1.0, 1.0)]
    right = [*shared_edge[::-1], (2.0, 1.0), (2.0, 0.0)]
    simplified = simplify_shapes({"L": [[left]], "R": [[right]]}, tolerance=0.001)
    left_points = set(simplified["L"][0][0])
    right_points = set(simplified["R"][0][0])
    # The wobble goes from both sides or from neither: no gap, no overlap.
    assert (1.0004, 0.51) not in left_points | right_points
    assert {(1.0, 0.0), (1.0, 1.0)} <= left_points & right_points


def test_an_island_ring_is_simplified_to_a_ring() -> None:
    island = [(0.0, 0.0), (0.5, 0.00001), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0)]
    simplified = simplify_shapes({"I": [[island]]}, tolerance=0.001)["I"][0][0]
    assert sorted(simplified) == [(0.0, 0.0), (0.0, 1.0), (1.0, 0.0), (1.0, 1.0)]


def test_shipped_rings_round_trip() -> None:
    ring = [(-7834, 513000), (-7800, 513010), (-7790, 512950)]
    encoded = encode_ring(ring)
    assert encoded == [-7834, 513000, 34, 10, 10, -60]
    decoded = decode_shape([[encoded]], 10_000)
    assert decoded == ((((-0.7834, 51.3), (-0.78, 51.301), (-0.779, 51.295)),),)


def not_shared(name: str) -> None:
    """The 2010 boundaries are not among the shared captures: they were read from
    unboxed/petition-map (see resources/reference/manifest.json), so this check runs only where
    a maintainer has put that file in the shared folder. The shipped file is still checked for
    closed rings and joins with every other source in test_shipped_data.py."""
    if (PROJECT_ROOT.parent / "shared" / "data").is_dir() and name.startswith("boundaries-2010"):
        pytest.skip(f"{name} is not part of ../shared/data (see resources/reference/README.md)")
    missing(f"{name} is not in the shared data folder")


def _sources(boundary_set: BoundarySet) -> derivation.SetSources:
    return next(s for s in derivation.SETS if s.key == boundary_set.value)


@pytest.mark.realdata
@pytest.mark.parametrize("boundary_set", list(BoundarySet))
def test_seats_tables_rederive_byte_for_byte(shared_data: Path, boundary_set: BoundarySet) -> None:
    report: list[str] = []
    text, layout = derivation.seats_table(shared_data, _sources(boundary_set), report)
    assert text == (COMMITTED / seats_file(boundary_set)).read_text(encoding="utf-8")
    assert layout == "odd-r"
    if boundary_set is BoundarySet.B2024:
        assert len(report) == 5 and all("matched by name to S140001" in line for line in report)


@pytest.mark.realdata
@pytest.mark.parametrize("boundary_set", list(BoundarySet))
def test_boundaries_rederive_byte_for_byte(shared_data: Path, boundary_set: BoundarySet) -> None:
    sources = _sources(boundary_set)
    if not (shared_data / sources.boundaries).is_file():
        not_shared(sources.boundaries)
    text = derivation.boundaries_json(shared_data, sources, [])
    assert text == (COMMITTED / boundaries_file(boundary_set)).read_text(encoding="utf-8")


@pytest.mark.realdata
def test_the_whole_run_rewrites_the_committed_files(shared_data: Path, tmp_path: Path) -> None:
    old = _sources(BoundarySet.B2010)
    if not (shared_data / old.boundaries).is_file():
        not_shared(old.boundaries)
    assert derivation.main(["--shared", str(shared_data), "--out", str(tmp_path)]) == 0
    for written in tmp_path.iterdir():
        assert written.read_bytes() == (COMMITTED / written.name).read_bytes(), written.name


def test_a_missing_source_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert derivation.main(["--shared", str(tmp_path), "--out", str(out)]) == 1
    assert not out.exists()


@pytest.mark.realdata
def test_the_manifest_names_the_shared_files_read(shared_data: Path) -> None:
    sets = json.loads((COMMITTED / "manifest.json").read_text(encoding="utf-8"))["sets"]
    checked = 0
    for sources in derivation.SETS:
        for role in derivation.ROLES:
            path = shared_data / getattr(sources, role)
            if path.is_file():
                assert sets[sources.key]["sources"][role]["sha256"] == derivation._digest(path)
                checked += 1
    assert checked >= 5


def test_a_name_two_seats_share_is_not_guessed() -> None:
    results = {
        "E1": derivation.ResultRow("E1", "Richmond", "England", "London", 1, "A", "Con"),
        "E2": derivation.ResultRow("E2", "Richmond", "England", "London", 1, "B", "Con"),
    }
    with pytest.raises(derivation.Unmatched, match="matches more than one seat"):
        derivation.join_to_results("map", {"X1": "Richmond", "X2": "Richmond"}, results, [])
