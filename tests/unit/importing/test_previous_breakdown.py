"""A newer capture's breakdown by constituency replaces the stored one, which is kept (one
earlier breakdown a petition) so signals can compare seat with seat."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select

from caseworker.importing.importer import import_paths
from caseworker.services.petitions import PetitionService
from caseworker.storage import models as m
from caseworker.storage.engine import Database
from tests.unit.services.captures import single, write


def capture(updated_at: str, counts: tuple[int, int]) -> dict[str, Any]:
    seats = [
        {"name": "Aldershot", "ons_code": "E14001063", "mp": "A Member MP",
         "signature_count": counts[0]},
        {"name": "Aldridge-Brownhills", "ons_code": "E14001064", "mp": None,
         "signature_count": counts[1]},
    ]  # fmt: skip
    return single(7, updated_at=updated_at, signatures_by_constituency=seats)


def store(database: Database, folder: Path, name: str, document: dict[str, Any]) -> None:
    folder.mkdir(exist_ok=True)
    assert import_paths(database.engine, [write(folder, name, document)]).failed == 0


def kept(database: Database) -> list[tuple[str, int]]:
    p = m.PreviousConstituencySignatures
    with database.engine.connect() as connection:
        rows = connection.execute(
            select(p.name, p.signature_count).where(p.petition_id == 7).order_by(p.position)
        )
        return [(name, count) for name, count in rows]


def test_the_replaced_breakdown_is_kept_and_only_a_newer_one_moves_it(
    database: Database, tmp_path: Path
) -> None:
    store(database, tmp_path / "a", "first.json", capture("2025-06-01T12:00:00.000Z", (10, 20)))
    assert kept(database) == []  # nothing replaced yet
    store(database, tmp_path / "b", "second.json", capture("2025-06-02T12:00:00.000Z", (15, 90)))
    assert kept(database) == [("Aldershot", 10), ("Aldridge-Brownhills", 20)]
    # The same capture again, or an older one, leaves both breakdowns as they are.
    store(database, tmp_path / "c", "again.json", capture("2025-06-02T12:00:00.000Z", (15, 90)))
    store(database, tmp_path / "d", "older.json", capture("2025-05-01T12:00:00.000Z", (1, 2)))
    assert kept(database) == [("Aldershot", 10), ("Aldridge-Brownhills", 20)]
    detail = PetitionService(database).get_petition(7)
    assert [c.signature_count for c in detail.previous_constituencies] == [10, 20]
    assert detail.previous_breakdowns_as_of is not None
    assert detail.previous_breakdowns_as_of.day == 1
    assert [c.signature_count for c in detail.signatures_by_constituency] == [15, 90]


def test_captures_in_any_order_keep_the_same_previous_breakdown(
    database: Database, tmp_path: Path
) -> None:
    first = capture("2025-06-01T12:00:00.000Z", (10, 20))
    second = capture("2025-06-02T12:00:00.000Z", (15, 90))
    third = capture("2025-06-03T12:00:00.000Z", (16, 95))
    for n, document in enumerate((third, first, second)):
        store(database, tmp_path / f"run{n}", f"{n}.json", document)
    # The newest breakdown is the third's; the previous, the newest one older than it.
    assert kept(database) == [("Aldershot", 15), ("Aldridge-Brownhills", 90)]
