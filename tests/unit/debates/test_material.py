"""A debate's parliamentary material: the clerk's list, its refusals and the suggestions
read from the stored petitions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from caseworker.domain.debates import MaterialKind
from caseworker.services.casework.common import CaseworkError, RecordNotFound
from caseworker.services.debates import DebateServices
from caseworker.services.debates.material import MaterialService
from caseworker.storage.casework_models import AuditEvent
from caseworker.storage.engine import Database
from tests.unit.casework.story import MovableClock
from tests.unit.debates.pack_story import (
    EARLIER,
    EARLIER_TRANSCRIPT,
    LETTER,
    STATEMENT,
    import_pack_story,
)
from tests.unit.debates.story import SEND, TRAINING, debate_services

MONDAY = date(2025, 7, 14)


@pytest.fixture
def pack_db(database: Database, tmp_path: Path) -> Database:
    import_pack_story(database, tmp_path)
    return database


@pytest.fixture
def services(pack_db: Database, clock: MovableClock) -> DebateServices:
    return debate_services(pack_db, "alice", clock)


@pytest.fixture
def material(pack_db: Database, services: DebateServices) -> MaterialService:
    return MaterialService(pack_db, "alice", services.debates.clock)


@pytest.fixture
def debate_id(services: DebateServices) -> int:
    return services.debates.schedule([TRAINING, SEND], day=MONDAY).id


def test_items_come_by_kind_then_as_arranged(material: MaterialService, debate_id: int) -> None:
    material.add(debate_id, "press", "BBC News: teachers and training", link="https://bbc.co.uk/x")
    first = material.add(debate_id, "written_question", "PQ 1234 on training",
                         published_on="13/05/2025")  # fmt: skip
    material.add(debate_id, "written_question", "PQ 2345 on SEND", published_on="2025-05-20")
    material.add(debate_id, "debate", "Westminster Hall debate on SEND", note="Opened by X")
    items = material.items(debate_id)
    assert [i.kind for i in items] == ["debate", "written_question", "written_question", "press"]
    assert items[1].published_on == date(2025, 5, 13)
    moved = material.move(first.id or 0, 1)
    assert [i.title for i in moved][1:3] == ["PQ 2345 on SEND", "PQ 1234 on training"]
    # Past the end of its kind it stays last; a move never crosses into another kind.
    again = material.move(first.id or 0, 5)
    assert [i.title for i in again][2] == "PQ 1234 on training"


def test_refusals_name_the_field(material: MaterialService, debate_id: int) -> None:
    with pytest.raises(CaseworkError) as title:
        material.add(debate_id, "press", "   ")
    assert title.value.field == "title"
    with pytest.raises(CaseworkError) as link:
        material.add(debate_id, "press", "A story", link="ftp://example.org/x")
    assert link.value.field == "link" and "https://" in str(link.value)
    with pytest.raises(CaseworkError) as day:
        material.add(debate_id, "press", "A story", published_on="31 Febtember")
    assert day.value.field == "published_on"
    with pytest.raises(CaseworkError) as kind:
        material.add(debate_id, "gossip", "A story")
    assert kind.value.field == "kind"
    with pytest.raises(RecordNotFound):
        material.add(9999, "press", "A story")
    assert material.items(debate_id) == []


def test_changes_are_audited_on_each_petition(
    material: MaterialService, debate_id: int, pack_db: Database
) -> None:
    item = material.add(debate_id, "statement", "Statement on training")
    changed = material.update(item.id or 0, kind="further_reading", note="Useful background")
    assert (changed.kind, changed.note) == ("further_reading", "Useful background")
    material.delete(item.id or 0)
    assert material.items(debate_id) == []
    with pack_db.sessions() as session:
        rows = session.scalars(
            select(AuditEvent).where(AuditEvent.subject == "debate material")
        ).all()
    actions = {(r.petition_id, r.action) for r in rows}
    for pid in (TRAINING, SEND):
        assert {(pid, "added"), (pid, "changed"), (pid, "removed")} <= actions
    assert {r.actor for r in rows} == {"alice"}
    with pytest.raises(CaseworkError) as unknown:
        material.update(item.id or 0, colour="red")
    assert "colour" in str(unknown.value)


def test_suggestions_from_site_activity_and_earlier_debates(
    material: MaterialService, debate_id: int
) -> None:
    found = material.suggest(debate_id)
    by_link = {i.link: i for i in found}
    letter = by_link[LETTER]
    assert letter.kind == MaterialKind.COMMITTEE_REPORT.value
    assert letter.title == "The Petitions Committee writes to the Education Secretary"
    assert letter.published_on == date(2025, 5, 12)
    assert letter.suggested_from == f"Site activity on e-petition {TRAINING}"
    assert by_link[STATEMENT].kind == MaterialKind.STATEMENT.value
    earlier = by_link[EARLIER_TRANSCRIPT]
    assert earlier.kind == MaterialKind.DEBATE.value
    assert f"e-petition {EARLIER}" in earlier.title
    assert earlier.published_on == date(2024, 3, 4)
    assert all(i.id is None for i in found)
    # In the pack's order: debates first.
    assert found[0].kind == MaterialKind.DEBATE.value

    accepted = material.accept(debate_id, [letter, earlier, letter])
    assert [i.link for i in accepted] == [EARLIER_TRANSCRIPT, LETTER]
    assert accepted[1].suggested_from == f"Site activity on e-petition {TRAINING}"
    # Accepted ones are no longer suggested; the rest still are.
    left = {i.link for i in material.suggest(debate_id)}
    assert STATEMENT in left and LETTER not in left and EARLIER_TRANSCRIPT not in left


def test_a_committee_debate_held_on_a_related_petition_is_suggested(
    services: DebateServices, material: MaterialService
) -> None:
    held = services.debates.schedule([SEND], day=date(2025, 6, 16), status="held")
    services.debates.update(held.id, held.version, transcript_url="https://hansard.parliament.uk/y")
    later = services.debates.schedule([TRAINING], day=MONDAY)
    found = material.suggest(later.id)
    committee = [i for i in found if i.suggested_from.startswith("Committee debate")]
    assert [(i.link, i.published_on) for i in committee] == [
        ("https://hansard.parliament.uk/y", date(2025, 6, 16))
    ]
    # The held debate itself is not offered its own later debate.
    assert all("Committee debate" not in i.suggested_from for i in material.suggest(held.id))
