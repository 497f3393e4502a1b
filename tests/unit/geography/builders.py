"""Petition details made in a line for geography tests (invented values), and real captures
read into a throwaway database."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from caseworker import reference
from caseworker.importing.importer import import_paths
from caseworker.reference import BoundarySet
from caseworker.services.dto import CountView, PetitionDetail
from caseworker.services.petitions import PetitionService
from caseworker.storage.engine import open_database

CAPTURED = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
EUREF = "euref-131215-2016/131215.json"
GENERAL_ELECTION = "timeseries-700143-vinaymanro-readme/700143_snapshot_2024-11-24.json"
DAILY_COUNTS = "timeseries-700143-vinaymanro-readme/constituency_counts_daily_wide.csv"


def row(name: str, code: str | None, signatures: int, mp: str | None = "A Member MP") -> CountView:
    return CountView(name=name, code=code, signature_count=signatures, mp=mp)


def seat_rows(
    boundary_set: BoundarySet, signatures: int = 10, mp: str | None = "A Member MP"
) -> list[CountView]:
    """Every seat of a set with the same count, as the site lists them."""
    return [
        row(seat.name, seat.code, signatures, mp) for seat in reference.seats(boundary_set).values()
    ]


def detail(
    constituencies: Sequence[CountView],
    *,
    total: int | None = None,
    uk: int | None = None,
    countries: Iterable[CountView] | None = None,
    at: datetime = CAPTURED,
    opened: datetime | None = CAPTURED,
    petition_id: int = 700_001,
) -> PetitionDetail:
    """A petition with this constituency breakdown; the UK count defaults to its sum, the
    total to the UK count (so nobody signed from abroad unless ``total`` says so)."""
    in_seats = sum(c.signature_count for c in constituencies)
    uk = in_seats if uk is None else uk
    total = uk if total is None else total
    if countries is None:
        countries = [row("United Kingdom", "GB", uk, None)]
        if total > uk:
            countries.append(row("France", "FR", total - uk, None))
    return PetitionDetail(
        id=petition_id,
        archived=False,
        is_demo=False,
        source_url=None,
        parliament=None,
        action="Do something about something",
        background=None,
        additional_details=None,
        committee_note=None,
        state="open",
        signature_count=total,
        closing_date=None,
        created_at=opened,
        updated_at=at,
        rejected_at=None,
        opened_at=opened,
        closed_at=None,
        moderation_threshold_reached_at=None,
        response_threshold_reached_at=None,
        government_response_at=None,
        debate_threshold_reached_at=None,
        debate_scheduled_on=None,
        scheduled_debate_date=None,
        debate_outcome_at=None,
        creator_name=None,
        rejection_code=None,
        rejection_details=None,
        response_state="none",
        debate_state="none",
        response_due_on=None,
        responses=(),
        signature_history=(),
        signatures_by_country=tuple(countries),
        signatures_by_region=(),
        signatures_by_constituency=tuple(constituencies),
        breakdowns_as_of=at,
        debate=None,
        departments=(),
        topics=(),
        other_parliamentary_business=(),
        raw_json="{}",
    )


def real_details(shared_data: Path, folder: Path, *relative: str) -> dict[int, PetitionDetail]:
    """Real captures imported into a new SQLite file in ``folder``, read back as details."""
    database = open_database(str(folder / "real.sqlite3"))
    try:
        result = import_paths(database.engine, [shared_data / each for each in relative])
        assert result.failed == 0
        service = PetitionService(database)
        ids = [int(Path(each).stem.split("_")[0]) for each in relative]
        return {each: service.get_petition(each) for each in ids}
    finally:
        database.dispose()
