"""Reading the shipped reference files, once each, on first use."""

from __future__ import annotations

import csv
import io
import json
from functools import cache
from pathlib import Path
from typing import Any

from caseworker.reference.codec import decode_shape
from caseworker.reference.model import BoundarySet, HexCell, HexLayout, Seat, Shape
from caseworker.shipped import shipped_path

#: Where the files live inside the shipped resources.
REFERENCE_FOLDER = "reference"
MANIFEST = "manifest.json"
#: The seats tables' header: the seat, its Member at the election, and its hex.
SEAT_COLUMNS: tuple[str, ...] = (
    *("code", "name", "nation", "region", "electorate"),
    *("mp", "party", "party_short"),
    *("q", "r"),
)


def seats_file(boundary_set: BoundarySet) -> str:
    """The name of a set's seats table: one row per seat, with its hex cell."""
    return f"seats-{boundary_set.value}.csv"


def boundaries_file(boundary_set: BoundarySet) -> str:
    """The name of a set's simplified boundaries (see ``caseworker.reference.codec``)."""
    return f"boundaries-{boundary_set.value}.json"


def reference_path(name: str) -> Path:
    """A shipped reference file, from a checkout or an installed copy.

    Raises:
        ShippedFileMissing: if the file was not installed with the application.
    """
    return shipped_path(REFERENCE_FOLDER, name)


def _read_text(name: str) -> str:
    return reference_path(name).read_text(encoding="utf-8")


@cache
def manifest() -> dict[str, Any]:
    """What the files were derived from and how (sources, dates, simplification)."""
    loaded: dict[str, Any] = json.loads(_read_text(MANIFEST))
    return loaded


def _optional(text: str) -> str | None:
    return text or None


def _seat_from_row(row: dict[str, str], boundary_set: BoundarySet) -> Seat:
    return Seat(
        code=row["code"],
        name=row["name"],
        nation=row["nation"],
        region=row["region"],
        electorate=int(row["electorate"]) if row["electorate"] else None,
        mp=_optional(row["mp"]),
        party=_optional(row["party"]),
        party_short=_optional(row["party_short"]),
        boundary_set=boundary_set,
    )


@cache
def _seat_rows(boundary_set: BoundarySet) -> tuple[dict[str, str], ...]:
    reader = csv.DictReader(io.StringIO(_read_text(seats_file(boundary_set)), newline=""))
    if tuple(reader.fieldnames or ()) != SEAT_COLUMNS:
        raise ValueError(f"{seats_file(boundary_set)} has unexpected columns {reader.fieldnames}")
    return tuple(reader)


@cache
def load_seats(boundary_set: BoundarySet) -> dict[str, Seat]:
    """Every seat of a set, by ONS code, in the shipped order (by name)."""
    return {row["code"]: _seat_from_row(row, boundary_set) for row in _seat_rows(boundary_set)}


@cache
def load_hex_layout(boundary_set: BoundarySet) -> HexLayout:
    """The set's hex cartogram: one cell per seat."""
    layout = str(manifest()["sets"][boundary_set.value]["hex_layout"])
    cells = {
        row["code"]: HexCell(q=int(row["q"]), r=int(row["r"])) for row in _seat_rows(boundary_set)
    }
    return HexLayout(layout=layout, cells=cells)


@cache
def load_boundaries(boundary_set: BoundarySet) -> dict[str, Shape]:
    """Every seat's simplified boundary, by ONS code, in degrees (longitude, latitude)."""
    data = json.loads(_read_text(boundaries_file(boundary_set)))
    scale = int(data["scale"])
    return {code: decode_shape(shape, scale) for code, shape in data["seats"].items()}
