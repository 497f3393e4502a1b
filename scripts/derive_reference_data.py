"""Derive the shipped constituency reference data from the public files in ../shared/data.

Run from the project folder::

    python -m scripts.derive_reference_data [--shared ../shared/data] [--out resources/reference]

For each boundary set (2010–2024 and July 2024 constituencies) it joins the House of Commons
Library's general election results (the list of 650 seats, names, nations, regions, electorates,
Members and parties), the ODI Leeds HexJSON cartogram and the boundaries, and writes
``seats-<set>.csv``, ``boundaries-<set>.json`` and ``manifest.json``. Codes are joined first; a
source's seat whose code is not in the results is matched by name ("&"/"and", accents,
punctuation and case ignored). Any seat still unmatched is reported and the run fails: nothing is
dropped silently. The output is deterministic, so a re-run over the same sources reproduces the
committed files byte for byte (a test checks it).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

if not __package__:
    # Run as a file (python scripts/derive_reference_data.py): import from the project folder.
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from caseworker.reference.codec import encode_ring
from caseworker.reference.model import BoundarySet
from caseworker.reference.names import name_key
from caseworker.reference.store import MANIFEST, SEAT_COLUMNS, boundaries_file, seats_file
from scripts.boundary_simplify import (
    Polygon,
    geojson_shapes,
    simplify_shapes,
    topojson_shapes,
)

PROJECT = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = PROJECT.parent / "shared" / "data"
DEFAULT_OUT = PROJECT / "resources" / "reference"

#: Boundaries are rounded to 1/SCALE of a degree (about 7 m east–west, 11 m north–south)...
SCALE = 10000
#: ...after Douglas–Peucker at this tolerance, in degrees of latitude (about 90 m): a seat's
#: shape holds up when the window zooms to a city, and both sets stay well under 1 MB.
TOLERANCE = 0.0008
#: Islands and holes smaller than this (in squared units of 1/SCALE degree; 600 is about
#: 0.04 km²) are left out; a seat always keeps its largest polygon.
MIN_AREA = 600.0

#: The House of Commons Library's party abbreviations, written out.
PARTIES = {
    "APNI": "Alliance",
    "Con": "Conservative",
    "DUP": "Democratic Unionist Party",
    "Green": "Green Party",
    "Ind": "Independent",
    "LD": "Liberal Democrat",
    "Lab": "Labour",
    "PC": "Plaid Cymru",
    "RUK": "Reform UK",
    "SDLP": "Social Democratic and Labour Party",
    "SF": "Sinn Féin",
    "SNP": "Scottish National Party",
    "Spk": "Speaker",
    "TUV": "Traditional Unionist Voice",
    "UUP": "Ulster Unionist Party",
}


@dataclass(frozen=True)
class SetSources:
    """Where one boundary set's data comes from, relative to the shared data folder."""

    key: str
    results: str
    results_election: str
    hexjson: str
    boundaries: str
    boundaries_kind: str


SETS = (
    SetSources(
        key="2010",
        results="constituencies-hoc-ge-results/HoC-GE2019-results-by-constituency.csv",
        results_election="2019-12-12",
        hexjson="hexmaps-odileeds/constituencies.hexjson",
        boundaries="boundaries-2010-unboxed/topo_wpc.json",
        boundaries_kind="topojson-2010",
    ),
    SetSources(
        key="2024",
        results="constituencies-hoc-ge-results/HoC-GE2024-results-by-constituency.csv",
        results_election="2024-07-04",
        hexjson="hexmaps-odileeds/uk-constituencies-2023.hexjson",
        boundaries="pcon24-ons-geojson/PCON_July_2024_Boundaries_UK_BUC.geojson",
        boundaries_kind="geojson-2024",
    ),
)


#: Where each source file was published (repository, path and commit), for the manifest.
ORIGINS = {
    SETS[0].results: "House of Commons Library GE2019 results, via thicknavyrain/"
    "leaflet_vote_share_2019 HoC-GE2019-results-by-constituency.csv @ 1c66345b",
    SETS[1].results: "House of Commons Library GE2024 results, via andrew-griffin/"
    "gails-election HoC-GE2024-results-by-constituency.csv @ 345c3745",
    SETS[0].hexjson: "odileeds/hexmaps maps/constituencies.hexjson @ 1262943a",
    SETS[1].hexjson: "odileeds/hexmaps maps/uk-constituencies-2023.hexjson @ 5383e24a",
    SETS[0].boundaries: "unboxed/petition-map json/uk/uk/topo_wpc.json @ 15112dcc "
    "(unchanged at 362826fa)",
    SETS[1].boundaries: "ONS Westminster Parliamentary Constituencies (July 2024) Boundaries "
    "UK BUC, via InfinityWarlock/petitions-by-locality @ 9b28ae66",
}


class Unmatched(Exception):
    """Seats a source has that the results lack, or the other way round."""


@dataclass(frozen=True)
class ResultRow:
    """One seat as the House of Commons Library's results give it."""

    code: str
    name: str
    nation: str
    region: str
    electorate: int | None
    mp: str | None
    party_short: str | None


def _count(text: str) -> int | None:
    """``"72,580"`` or ``"72580"`` as a number (the 2024 file has thousands separators)."""
    cleaned = text.replace(",", "").strip()
    return int(cleaned) if cleaned else None


def read_results(path: Path) -> dict[str, ResultRow]:
    """The 650 seats of a general election's results, by ONS code."""
    rows: dict[str, ResultRow] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            party = row["First party"].strip() or None
            if party is not None and party not in PARTIES:
                raise ValueError(f"{path.name}: unknown party abbreviation {party!r}")
            mp = f"{row['Member first name'].strip()} {row['Member surname'].strip()}".strip()
            rows[row["ONS ID"]] = ResultRow(
                code=row["ONS ID"],
                name=row["Constituency name"].strip(),
                nation=row["Country name"].strip(),
                region=row["Region name"].strip(),
                electorate=_count(row["Electorate"]),
                mp=mp or None,
                party_short=party,
            )
    return rows


#: Stands for a name two unmatched seats share: matching it would be a guess.
AMBIGUOUS = "(more than one seat)"


def _by_name_key(results: Mapping[str, ResultRow], codes: set[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for code in sorted(codes):
        key = name_key(results[code].name)
        found[key] = AMBIGUOUS if key in found else code
    return found


def join_to_results(
    source: str, named: Mapping[str, str], results: Mapping[str, ResultRow], report: list[str]
) -> dict[str, str]:
    """``{source code: results code}``, by code and else by name; raises ``Unmatched``.

    ``named`` maps each of the source's codes to the seat name it gives.
    """
    joined = {code: code for code in named if code in results}
    unclaimed = _by_name_key(results, results.keys() - joined.values())
    problems = []
    for code in sorted(named.keys() - joined.keys()):
        match = unclaimed.pop(name_key(named[code]), None)
        if match is None:
            problems.append(f"{source}: {code} {named[code]!r} matches no seat in the results")
            continue
        if match == AMBIGUOUS:
            problems.append(f"{source}: {code} {named[code]!r} matches more than one seat")
            continue
        joined[code] = match
        report.append(f"{source}: {code} {named[code]!r} matched by name to {match}")
    for code in sorted(c for c in unclaimed.values() if c != AMBIGUOUS):
        problems.append(f"{source}: has no seat for {code} {results[code].name!r}")
    for code, target in sorted(joined.items()):
        if code == target and name_key(named[code]) != name_key(results[code].name):
            report.append(
                f"{source}: {code} is {named[code]!r} here, {results[code].name!r} in results"
            )
    if problems:
        raise Unmatched("\n".join(problems))
    return joined


def read_hexjson(path: Path) -> tuple[str, dict[str, tuple[str, int, int]]]:
    """A HexJSON map's layout and ``{code: (name, q, r)}``."""
    data = json.loads(path.read_text(encoding="utf-8"))
    cells = {
        code: (hexagon["n"], int(hexagon["q"]), int(hexagon["r"]))
        for code, hexagon in data["hexes"].items()
    }
    return str(data["layout"]), cells


def read_boundaries(path: Path, kind: str) -> dict[str, Any]:
    """``{code: (name, polygons)}`` from either boundary source."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if kind == "geojson-2024":
        return geojson_shapes(data, "PCON24CD", "PCON24NM")
    if kind == "topojson-2010":
        # Northern Ireland's seats carry PC_ID and PC_NAME (in capitals) in this file.
        return topojson_shapes(data, "wpc", ("PCON13CD", "PC_ID"), ("PCON13NM", "PC_NAME"))
    raise ValueError(f"unknown boundary source kind {kind!r}")


def _rounded(ring: Sequence[tuple[float, float]]) -> list[tuple[int, int]]:
    points: list[tuple[int, int]] = []
    for x, y in ring:
        point = (round(x * SCALE), round(y * SCALE))
        if not points or points[-1] != point:
            points.append(point)
    while len(points) > 1 and points[0] == points[-1]:
        points.pop()
    return points


def _area(points: Sequence[tuple[int, int]]) -> float:
    twice = sum(
        x0 * y1 - x1 * y0
        for (x0, y0), (x1, y1) in zip(points, [*points[1:], points[0]], strict=True)
    )
    return abs(twice) / 2


def shipped_shape(polygons: Sequence[Polygon]) -> list[list[list[int]]]:
    """A seat's simplified polygons rounded and coded; slivers and specks left out."""
    rounded = [[_rounded(ring) for ring in polygon] for polygon in polygons]
    largest = max(rounded, key=lambda polygon: _area(polygon[0]))
    shape = []
    for polygon in rounded:
        outer, *holes = polygon
        if polygon is not largest and (len(outer) < 3 or _area(outer) < MIN_AREA):
            continue
        kept = [hole for hole in holes if len(hole) >= 3 and _area(hole) >= MIN_AREA]
        shape.append([encode_ring(ring) for ring in (outer, *kept)])
    if len(largest[0]) < 3:
        raise ValueError("a seat's largest polygon vanished when rounded")
    return shape


def _csv_text(rows: Sequence[Sequence[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(SEAT_COLUMNS)
    writer.writerows(rows)
    return buffer.getvalue()


def _compact_json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def seats_table(shared: Path, sources: SetSources, report: list[str]) -> tuple[str, str]:
    """The set's seats table as CSV text (results joined to the hex map), and the hex layout."""
    results = read_results(shared / sources.results)
    layout, cells = read_hexjson(shared / sources.hexjson)
    names = {code: name for code, (name, _, _) in cells.items()}
    hex_codes = join_to_results(sources.hexjson, names, results, report)
    hexes = {hex_codes[code]: (q, r) for code, (_, q, r) in cells.items()}
    rows = []
    for code in sorted(results):
        seat = results[code]
        party = PARTIES[seat.party_short] if seat.party_short else None
        where = (code, seat.name, seat.nation, seat.region, seat.electorate)
        rows.append((*where, seat.mp, party, seat.party_short, *hexes[code]))
    return _csv_text(rows), layout


def boundaries_json(shared: Path, sources: SetSources, report: list[str]) -> str:
    """The set's simplified boundaries (joined to the results' codes) as compact JSON."""
    results = read_results(shared / sources.results)
    shapes = read_boundaries(shared / sources.boundaries, sources.boundaries_kind)
    names = {code: name for code, (name, _) in shapes.items()}
    codes = join_to_results(sources.boundaries, names, results, report)
    polygons = {codes[code]: polygons for code, (_, polygons) in shapes.items()}
    simplified = simplify_shapes(polygons, TOLERANCE)
    coded = {code: shipped_shape(simplified[code]) for code in sorted(results)}
    return _compact_json({"scale": SCALE, "seats": coded})


ROLES = ("results", "hexjson", "boundaries")


def _digest(path: Path) -> str:
    """The SHA-256 of a source file, so the manifest says exactly which file was read."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def manifest_json(layouts: Mapping[str, str], digests: Mapping[tuple[str, str], str]) -> str:
    """What was derived from what (upstream file and digest), with the settings used."""
    sets = {
        sources.key: {
            "results_election": sources.results_election,
            "hex_layout": layouts[sources.key],
            "sources": {
                role: {
                    "origin": ORIGINS[getattr(sources, role)],
                    "sha256": digests[sources.key, role],
                }
                for role in ROLES
            },
        }
        for sources in SETS
    }
    manifest = {
        "generator": "scripts/derive_reference_data.py",
        "boundaries": {"scale": SCALE, "tolerance_degrees": TOLERANCE, "min_area": MIN_AREA},
        "sets": sets,
    }
    return json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def derive(shared: Path, report: list[str], sets: Sequence[SetSources] = SETS) -> dict[str, str]:
    """Every output file's name and text."""
    files: dict[str, str] = {}
    layouts: dict[str, str] = {}
    digests: dict[tuple[str, str], str] = {}
    for sources in sets:
        boundary_set = BoundarySet(sources.key)
        files[seats_file(boundary_set)], layouts[sources.key] = seats_table(shared, sources, report)
        files[boundaries_file(boundary_set)] = boundaries_json(shared, sources, report)
        for role in ROLES:
            digests[sources.key, role] = _digest(shared / getattr(sources, role))
    files[MANIFEST] = manifest_json(layouts, digests)
    return files


def write(files: Mapping[str, str], out: Path) -> None:
    """Write the files (UTF-8, ``\\n`` line ends) into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (out / name).write_text(text, encoding="utf-8", newline="\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Derive the files, print what was matched by name, and fail on any unmatched seat."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--shared", type=Path, default=DEFAULT_SHARED, help="the shared data folder"
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the files")
    parser.add_argument(
        "--boundaries-2010",
        help="the 2010 TopoJSON (unboxed/petition-map json/uk/uk/topo_wpc.json), if not at "
        f"{SETS[0].boundaries} in the shared folder",
    )
    arguments = parser.parse_args(argv)
    sets = SETS
    if arguments.boundaries_2010:
        old = replace(SETS[0], boundaries=str(Path(arguments.boundaries_2010).resolve()))
        sets = (old, *SETS[1:])
    report: list[str] = []
    try:
        files = derive(arguments.shared, report, sets)
    except FileNotFoundError as error:
        hint = f"the 2010 boundaries are {ORIGINS[SETS[0].boundaries]}; see --boundaries-2010"
        print(f"Not written: {error}\n({hint})", file=sys.stderr)
        return 1
    except (Unmatched, ValueError) as error:
        print(*report, sep="\n")
        print(f"Not written:\n{error}", file=sys.stderr)
        return 1
    write(files, arguments.out)
    print(*report, sep="\n")
    for name, text in sorted(files.items()):
        print(f"{arguments.out / name}: {len(text.encode('utf-8')):,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
