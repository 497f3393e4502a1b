"""Derived columns written with a first capture equal what a full refresh reads back."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select, text

from caseworker.importing.derived import refresh_derived
from caseworker.storage import models as m
from caseworker.storage.engine import Database
from tests.unit.importing.tables import fixture, run

DERIVED = ("responded_on", "departments_label", "signatures_last_24h", "forecast_final")


def derived_state(db: Database) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    columns = [getattr(m.Petition, name) for name in DERIVED]
    with db.engine.connect() as c:
        values = c.execute(select(m.Petition.id, *columns).order_by(m.Petition.id)).all()
        if db.is_sqlite:
            search = c.execute(
                text("SELECT rowid, document FROM petition_fts ORDER BY rowid")
            ).all()
        else:
            search = c.execute(
                text("SELECT petition_id, document FROM petition_search ORDER BY 1")
            ).all()
    return [tuple(v) for v in values], [tuple(s) for s in search]


def test_first_capture_values_match_a_full_refresh(database: Database, tmp_path: Path) -> None:
    run(database, fixture("list_page.json"), fixture("modern_single.json"))
    written = derived_state(database)
    assert written[1], "search text was written"
    with database.engine.begin() as connection:
        ids = connection.execute(select(m.Petition.id)).scalars().all()
        refresh_derived(connection, ids)
    assert derived_state(database) == written


def test_search_finds_words_from_a_first_capture(database: Database) -> None:
    from caseworker.services.petitions import PetitionQuery, PetitionService

    run(database, fixture("list_page.json"))
    service = PetitionService(database)
    everything = service.list_petitions(PetitionQuery())
    first = everything[0]
    word = next(w for w in first.action.split() if len(w) > 4 and w.isalpha())
    found = service.list_petitions(PetitionQuery(search=word))
    assert first.id in [p.id for p in found]
