"""Related petitions on SQLite and PostgreSQL: ranked by shared words, published before
rejected, open at the time first; the index follows new captures."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from caseworker.importing.importer import import_paths
from caseworker.services.errors import PetitionNotFound
from caseworker.services.related import RelatedService
from caseworker.storage.engine import Database
from tests.unit.services.captures import single, write

PEAT = "Peat bogs store carbon; bagged peat compost destroys them."


def petition(pid: int, action: str, background: str, **more: Any) -> dict[str, Any]:
    return single(pid, action=action, background=background, **more)


def store(database: Database, folder: Path, *documents: dict[str, Any]) -> None:
    folder.mkdir(exist_ok=True)
    for document in documents:
        write(folder, f"{document['data']['id']}-{document['data']['attributes']['updated_at']}"
              ".json", document)  # fmt: skip
    assert import_paths(database.engine, [folder]).failed == 0


@pytest.fixture
def service(database: Database, tmp_path: Path) -> RelatedService:
    store(
        database,
        tmp_path,
        petition(1, "Ban the sale of peat compost to gardeners", PEAT),
        petition(2, "End peat extraction and protect peat bogs", "Bogs hold carbon."),
        petition(3, "Fund rural bus routes", "Villages have lost their buses."),
        petition(4, "Ban peat compost sales now", PEAT, state="rejected", opened_at=None,
                 rejection={"code": "duplicate", "details": "See petition 1"}),
        petition(5, "Protect hedgehogs in gardens", "Gardeners can help hedgehogs."),
    )  # fmt: skip
    return RelatedService(database)


def ids(service: RelatedService, pid: int, limit: int = 10) -> list[int]:
    return [r.id for r in service.related(pid, limit)]


def test_shared_distinctive_words_rank_first(service: RelatedService) -> None:
    found = service.related(1)
    assert found[0].id == 2 and 4 in [r.id for r in found]
    assert 3 not in [r.id for r in found]  # shares nothing
    assert found[0].reasons[0].startswith("shares: peat")


def test_a_rejected_petition_ranks_below_a_published_one(service: RelatedService) -> None:
    # 4 repeats 1's words almost exactly, yet the published 2 comes first.
    found = service.related(1)
    rejected = next(r for r in found if r.id == 4)
    assert "rejected by the site (ranked lower)" in rejected.reasons
    assert found[0].id == 2 and found[0].score > rejected.score


def test_the_petition_itself_is_not_related_to_itself(service: RelatedService) -> None:
    assert 1 not in ids(service, 1)


def test_an_unknown_petition_is_refused(service: RelatedService) -> None:
    with pytest.raises(PetitionNotFound):
        service.related(999)


def test_a_petition_open_when_another_was_rejected_ranks_first(
    database: Database, tmp_path: Path
) -> None:
    words = "Protect ancient woodland from development"
    store(
        database,
        tmp_path,
        petition(10, words, "Old woods.", opened_at="2020-01-01T09:00:00.000Z",
                 closed_at="2020-07-01T09:00:00.000Z"),
        petition(11, words, "Old woods.", opened_at="2021-01-01T09:00:00.000Z",
                 closed_at="2021-07-01T09:00:00.000Z"),
        petition(12, "Protect ancient woodland", "Woods.", state="rejected",
                 opened_at=None, rejected_at="2021-03-01T09:00:00.000Z",
                 rejection={"code": "duplicate", "details": "11"}),
    )  # fmt: skip
    found = RelatedService(database).related(12)
    assert [r.id for r in found] == [11, 10]
    assert found[0].reasons[-1] == "open when this one was rejected (1 March 2021)"


def test_new_and_changed_petitions_are_indexed_on_the_next_query(
    service: RelatedService, database: Database, tmp_path: Path
) -> None:
    assert service.stale_count() == 0 or ids(service, 1)
    assert service.stale_count() == 0
    store(database, tmp_path / "later",
          petition(6, "Ban peat in compost sold to councils", PEAT))  # fmt: skip
    assert service.stale_count() == 1
    assert 6 in ids(service, 1)
    # A later capture with other words replaces the petition's words.
    store(database, tmp_path / "later2",
          petition(6, "Fund hedgehog crossings", "Hedgehogs cross roads at night.",
                   updated_at="2025-09-01T12:00:00.000Z"))  # fmt: skip
    assert 6 not in ids(service, 1)
    assert 6 in ids(service, 5)
