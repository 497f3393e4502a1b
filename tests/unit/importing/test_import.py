"""Importing captures into the database (SQLite and PostgreSQL): history, idempotency, sources.

Every test uses the ``database`` fixture, so it runs once on a fresh SQLite file and once on
the PostgreSQL server.
"""

from __future__ import annotations

import json
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from caseworker.importing.parse import parse_document
from caseworker.storage.engine import Database
from tests.unit.importing import builders as b
from tests.unit.importing.tables import (
    CAPTURES,
    CONSTITUENCIES,
    COUNTRIES,
    DEBATES,
    DEPARTMENTS,
    ITEMS,
    PARLIAMENTS,
    PETITION_DEPARTMENTS,
    PETITION_TOPICS,
    PETITIONS,
    REGIONS,
    SNAPSHOTS,
    TOPICS,
    VERSIONS,
    content,
    count,
    dump,
    fixture,
    one,
    rows,
    run,
    wipe,
)

#: Petition columns that come from a capture (the rest are derived from the history).
CAPTURE_COLUMNS = (
    "action", "background", "additional_details", "committee_note", "state", "signature_count",
    "closing_date", "created_at", "updated_at", "rejected_at", "opened_at", "closed_at",
    "moderation_threshold_reached_at", "response_threshold_reached_at", "government_response_at",
    "debate_threshold_reached_at", "debate_scheduled_on", "scheduled_debate_date",
    "debate_outcome_at", "creator_name", "archived", "parliament_period", "source_url",
    "rejection_code", "rejection_details", "has_response", "has_debate_outcome", "raw_json",
    "raw_from_single_view", "breakdowns_as_of", "capture_id", "first_imported_at",
)  # fmt: skip

T1 = "2024-03-01T10:00:00.000Z"
T2 = "2024-06-01T10:00:00.000Z"
T3 = "2024-09-01T10:00:00.000Z"
T4 = "2024-12-01T10:00:00.000Z"


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def write(folder: Path, name: str, doc: Any) -> Path:
    return b.write_json(folder / name, doc)


def ok(summary: Any) -> Any:
    assert summary.failures == [], summary.failures
    return summary


def snapshots(db: Database, pid: int) -> list[tuple[datetime, int]]:
    return sorted(
        (r["at"], r["signature_count"]) for r in rows(db.engine, SNAPSHOTS, petition_id=pid)
    )


def as_utc(value: datetime | None) -> datetime | None:
    """Reflected tables give SQLite timestamps back without a zone; they are UTC."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


def versions(db: Database, pid: int) -> list[dict[str, Any]]:
    found = rows(db.engine, VERSIONS, petition_id=pid)
    for v in found:
        for key in ("first_seen_at", "last_seen_at", "created_at", "updated_at"):
            v[key] = as_utc(v[key])
    return sorted(found, key=lambda v: v["first_seen_at"])


def capture_source(db: Database, capture_id: int | None) -> str:
    return str(one(db.engine, CAPTURES, id=capture_id)["source"])


# --- one file ---------------------------------------------------------------------------------


def test_single_petition_file_stores_every_part(database: Database) -> None:
    path = fixture("modern_single.json")
    summary = ok(run(database, path))
    assert (summary.files, summary.imported, summary.updated, summary.unchanged) == (1, 1, 0, 0)
    engine = database.engine

    capture = one(engine, CAPTURES)
    assert capture["source"] == str(path)
    assert capture["shape"] == "petition" and capture["petition_count"] == 1

    p = one(engine, PETITIONS, id=900101)
    assert p["action"] == "Fund a public library in every town"
    assert p["state"] == "closed" and p["signature_count"] == 123456
    assert p["additional_details"] is None and p["committee_note"] is None
    assert as_utc(p["updated_at"]) == at("2025-02-01T12:00:00Z")
    assert as_utc(p["closed_at"]) == at("2025-03-10T23:59:59.999Z")
    assert p["debate_scheduled_on"] == date(2025, 1, 14)
    assert p["scheduled_debate_date"] == date(2025, 2, 3)
    assert p["has_response"] and p["has_debate_outcome"]
    assert p["archived"] is False or p["archived"] == 0
    assert p["parliament_period"] is None
    assert p["source_url"] == "https://petition.parliament.uk/petitions/900101.json"
    assert p["raw_json"] == path.read_text(encoding="utf-8")
    assert p["raw_from_single_view"]
    assert as_utc(p["breakdowns_as_of"]) == at("2025-02-01T12:00:00Z")
    assert p["capture_id"] == capture["id"]

    debate = one(engine, DEBATES, petition_id=900101)
    assert debate["debated_on"] == date(2025, 2, 3)
    assert debate["overview"] == "MPs debated library funding."

    assert [d["name"] for d in rows(engine, DEPARTMENTS)] == [
        "Department for Culture, Media and Sport",
        "Ministry of Housing, Communities and Local Government",
    ]
    assert count(engine, PETITION_DEPARTMENTS, petition_id=900101) == 2
    assert sorted(r["topic_code"] for r in rows(engine, PETITION_TOPICS)) == [
        "culture",
        "local-government",
    ]

    countries = rows(engine, COUNTRIES, petition_id=900101)
    assert [(c["position"], c["code"], c["signature_count"]) for c in countries] == [
        (0, "BAT", 1),
        (1, "FR", 455),
        (2, "GB", 123000),
    ]
    regions = rows(engine, REGIONS, petition_id=900101)
    assert [(r["ons_code"], r["signature_count"]) for r in regions] == [
        ("H", 2500),
        ("J", 190),
        ("L", 310),
        ("M", 0),
    ]
    seats = rows(engine, CONSTITUENCIES, petition_id=900101)
    assert [(s["position"], s["ons_code"], s["mp"], s["signature_count"]) for s in seats] == [
        (0, "E14001063", "Alex Baker MP", 190),
        (1, "E14001290", "Keir Starmer MP", 2500),
        (2, "S14000081", None, 0),
        (3, "W07000099", "Liz Saville Roberts MP", 310),
    ]

    assert snapshots(database, 900101) == [(datetime(2025, 2, 1, 12, tzinfo=UTC), 123456)]

    (version,) = versions(database, 900101)
    assert version["is_current"] and version["source"] == "government_response"
    assert version["responded_on"] == date(2024, 11, 20)
    assert version["first_seen_at"] == version["last_seen_at"] == at("2025-02-01T12:00:00Z")
    assert version["capture_id"] == capture["id"]

    items = rows(engine, ITEMS, petition_id=900101)
    assert sorted((i["subject"], i["occurred_on"]) for i in items) == [
        ("MPs to debate library funding", date(2025, 1, 14)),
        ("Share your experiences of your local library", None),
    ]
    assert all(i["response_version_id"] is None for i in items)


def test_list_page_stores_each_petition(database: Database) -> None:
    ok(run(database, fixture("list_page.json")))
    engine = database.engine
    assert [p["id"] for p in rows(engine, PETITIONS)] == [900101, 900102, 900103]
    open_ = one(engine, PETITIONS, id=900102)
    assert open_["closing_date"] == date(2025, 7, 1)
    assert open_["creator_name"] == "Gwenllian Ŵyn"
    assert not open_["raw_from_single_view"]
    assert json.loads(open_["raw_json"])["id"] == 900102
    rejected = one(engine, PETITIONS, id=900103)
    assert (rejected["rejection_code"], rejected["state"]) == ("irrelevant", "rejected")
    assert rejected["rejection_details"].startswith("This is not a matter")
    assert count(engine, CONSTITUENCIES) == 0 and count(engine, ITEMS) == 0
    assert one(engine, CAPTURES)["petition_count"] == 3


def test_archived_single_and_parliament(database: Database) -> None:
    ok(run(database, fixture("archived_single.json")))
    p = one(database.engine, PETITIONS, id=800201)
    assert p["archived"] and p["parliament_period"] == "2019-2024"
    parliament = one(database.engine, PARLIAMENTS, period="2019-2024")
    assert as_utc(parliament["dissolution_at"]) == datetime(2024, 5, 29, 23, 1, tzinfo=UTC)
    assert parliament["government"] == "Conservative"
    assert parliament["response_threshold"] == 10000


def test_archived_list_item_and_page(database: Database) -> None:
    ok(run(database, fixture("archived_list_item.json"), fixture("archived_list_page.json")))
    engine = database.engine
    bare = one(engine, PETITIONS, id=30001)
    assert bare["archived"] and bare["parliament_period"] is None
    (version,) = versions(database, 30001)
    assert version["summary"] == "" and version["details"] == "We have no plans to ban fireworks."
    assert one(engine, PETITIONS, id=800203)["state"] == "stopped"
    assert one(engine, PETITIONS, id=800202)["parliament_period"] == "2019-2024"


def test_capture_from_2015(database: Database) -> None:
    ok(run(database, fixture("old_2015_single.json")))
    engine = database.engine
    p = one(engine, PETITIONS, id=104901)
    assert as_utc(p["opened_at"]) == at("2015-07-22T09:30:00Z")
    assert [(c["name"], c["code"]) for c in rows(engine, COUNTRIES)] == [
        ("Spain", None),
        ("United Kingdom", None),
    ]
    assert count(engine, REGIONS) == 0
    assert count(engine, CONSTITUENCIES, petition_id=104901) == 2
    (version,) = versions(database, 104901)
    assert version["responded_on"] is None and version["is_current"]


def test_topics_and_parliaments_files(database: Database) -> None:
    ok(run(database, fixture("topics.json"), fixture("parliaments.json")))
    engine = database.engine
    assert {t["code"]: t["name"] for t in rows(engine, TOPICS)} == {
        "culture": "Culture, media and sport",
        "environment": "Environment and animal welfare",
        "local-government": "Local government",
    }
    assert [p["period"] for p in rows(engine, PARLIAMENTS)] == ["2017-2019", "2019-2024"]
    # A petition naming a topic keeps the topic's name.
    ok(run(database, fixture("modern_single.json")))
    assert one(engine, TOPICS, code="culture")["name"] == "Culture, media and sport"


def test_topic_names_arrive_after_petitions(database: Database) -> None:
    ok(run(database, fixture("modern_single.json")))
    assert one(database.engine, TOPICS, code="culture")["name"] is None
    ok(run(database, fixture("topics.json")))
    assert one(database.engine, TOPICS, code="culture")["name"] == "Culture, media and sport"


def test_text_round_trips_exactly(database: Database) -> None:
    path = fixture("text_edge_cases.json")
    ok(run(database, path))
    (parsed,) = parse_document(path.read_text(encoding="utf-8")).petitions
    engine = database.engine
    p = one(engine, PETITIONS, id=900401)
    for name in ("action", "background", "additional_details", "committee_note", "creator_name"):
        assert p[name] == getattr(parsed, name), name
    assert p["action"] == "<b>Fish &amp; chips</b> for every town 🐟"
    assert "\u0007" in p["additional_details"] and "\r\n" in p["additional_details"]
    assert p["additional_details"].endswith("trailing  ")
    assert "e\u0301" in p["background"] and "ŵ ŷ â" in p["background"]
    assert p["raw_json"] == path.read_text(encoding="utf-8")
    assert one(engine, DEPARTMENTS)["name"] == "Department for Transport & “Roads”"
    assert rows(engine, COUNTRIES)[0]["name"] == "Côte d’Ivoire"
    assert one(engine, CONSTITUENCIES)["name"] == "Ynys Môn"
    item = one(engine, ITEMS)
    assert item["subject"] == "Ymgynghoriad – “Consultation”"
    assert item["body"] == "Line one\nLine two\u0007"


def test_capture_with_no_petitions_still_counts_as_imported_file(
    database: Database, tmp_path: Path
) -> None:
    summary = ok(run(database, write(tmp_path, "empty.json", b.list_page([]))))
    assert summary.files == 1 and summary.imported == 0
    assert one(database.engine, CAPTURES)["petition_count"] == 0


# --- idempotency --------------------------------------------------------------------------------


def test_importing_the_same_files_twice_changes_nothing(database: Database) -> None:
    first = ok(run(database, fixture("")))
    assert first.imported > 0
    before = dump(database.engine)
    second = ok(run(database, fixture("")))
    assert dump(database.engine) == before
    assert (second.imported, second.updated) == (0, 0)
    assert second.unchanged == first.imported + first.updated + first.unchanged


def test_same_captures_in_new_files_change_nothing_but_the_capture_log(
    database: Database, tmp_path: Path
) -> None:
    """Identical content with different bytes (re-indented) is recognised by its data."""
    ok(run(database, fixture("")))
    before = dump(database.engine)
    copies = tmp_path / "copies"
    for path in sorted(fixture("").glob("*.json")):
        b.write_json(copies / path.name, json.loads(path.read_text(encoding="utf-8")), pretty=True)
    second = ok(run(database, copies))
    after = dump(database.engine)
    assert second.imported == 0 and second.updated == 0
    for table in after:
        if table != "captures":
            assert after[table] == before[table], table
    assert len(after["captures"]) == 2 * len(before["captures"])


def test_each_file_imported_twice_in_one_run(database: Database, tmp_path: Path) -> None:
    path = write(tmp_path, "a.json", b.single(1))
    summary = ok(run(database, path, path))
    assert (summary.files, summary.imported, summary.unchanged) == (2, 1, 1)
    assert count(database.engine, CAPTURES) == 1


# --- newer and older captures -------------------------------------------------------------------


def test_newer_capture_updates_the_petition_and_appends_history(database: Database) -> None:
    ok(run(database, fixture("list_page.json")))
    summary = ok(run(database, fixture("modern_single.json")))
    assert (summary.imported, summary.updated) == (0, 1)
    engine = database.engine
    p = one(engine, PETITIONS, id=900101)
    assert p["signature_count"] == 123456 and p["has_debate_outcome"]
    assert p["raw_json"] == fixture("modern_single.json").read_text(encoding="utf-8")
    assert count(engine, PETITION_DEPARTMENTS, petition_id=900101) == 2
    assert count(engine, PETITION_TOPICS, petition_id=900101) == 2
    assert snapshots(database, 900101) == [
        (at("2025-01-20T08:00:00Z"), 120000),
        (at("2025-02-01T12:00:00Z"), 123456),
    ]
    (version,) = versions(database, 900101)
    assert (version["first_seen_at"], version["last_seen_at"]) == (
        at("2025-01-20T08:00:00Z"),
        at("2025-02-01T12:00:00Z"),
    )


def test_older_capture_never_overwrites_newer_data(database: Database) -> None:
    ok(run(database, fixture("modern_single.json")))
    before = one(database.engine, PETITIONS, id=900101)
    summary = ok(run(database, fixture("list_page.json")))
    assert summary.imported == 2  # 900102 and 900103 are new
    after = one(database.engine, PETITIONS, id=900101)
    assert {k: after[k] for k in CAPTURE_COLUMNS} == {k: before[k] for k in CAPTURE_COLUMNS}
    engine = database.engine
    assert count(engine, DEBATES, petition_id=900101) == 1
    assert count(engine, PETITION_DEPARTMENTS, petition_id=900101) == 2
    assert count(engine, PETITION_TOPICS, petition_id=900101) == 2
    assert count(engine, CONSTITUENCIES, petition_id=900101) == 4
    # ...but its signature count still joins the series, and its sighting of the response.
    assert snapshots(database, 900101) == [
        (at("2025-01-20T08:00:00Z"), 120000),
        (at("2025-02-01T12:00:00Z"), 123456),
    ]
    (version,) = versions(database, 900101)
    assert version["first_seen_at"] == at("2025-01-20T08:00:00Z")
    assert version["last_seen_at"] == at("2025-02-01T12:00:00Z")
    assert version["is_current"]


@pytest.mark.parametrize(
    "names",
    [
        ("list_page.json", "modern_single.json"),
        ("revised_response_a.json", "revised_response_b.json"),
        ("old_2015_single.json", "archived_single.json", "list_page.json"),
        ("archived_list_page.json", "archived_single.json", "archived_list_item.json"),
    ],
)
def test_import_order_does_not_change_the_result(
    database: Database, names: tuple[str, ...]
) -> None:
    ok(run(database, *(fixture(n) for n in names)))
    forwards = content(database.engine)
    wipe(database.engine)
    ok(run(database, *(fixture(n) for n in reversed(names))))
    assert content(database.engine) == forwards


# --- signature snapshots ------------------------------------------------------------------------


def test_snapshot_only_when_the_count_differs(database: Database, tmp_path: Path) -> None:
    paths = [
        write(
            tmp_path, "1.json", b.list_page([b.list_item(7, updated_at=T1, signature_count=100)])
        ),
        write(
            tmp_path, "2.json", b.list_page([b.list_item(7, updated_at=T2, signature_count=100)])
        ),
        write(
            tmp_path, "3.json", b.list_page([b.list_item(7, updated_at=T3, signature_count=150)])
        ),
    ]
    ok(run(database, *paths))
    assert snapshots(database, 7) == [(at(T1), 100), (at(T3), 150)]
    assert one(database.engine, PETITIONS, id=7)["signature_count"] == 150


def test_snapshot_from_an_older_capture_is_inserted_in_time_order(
    database: Database, tmp_path: Path
) -> None:
    newest = write(
        tmp_path, "c.json", b.list_page([b.list_item(8, updated_at=T3, signature_count=300)])
    )
    oldest = write(
        tmp_path, "a.json", b.list_page([b.list_item(8, updated_at=T1, signature_count=100)])
    )
    middle = write(
        tmp_path, "b.json", b.list_page([b.list_item(8, updated_at=T2, signature_count=200)])
    )
    ok(run(database, newest))
    ok(run(database, oldest))
    ok(run(database, middle))
    assert snapshots(database, 8) == [(at(T1), 100), (at(T2), 200), (at(T3), 300)]
    assert one(database.engine, PETITIONS, id=8)["signature_count"] == 300


def test_same_petition_twice_in_one_file(database: Database, tmp_path: Path) -> None:
    page = b.list_page(
        [
            b.list_item(9, updated_at=T2, signature_count=200),
            b.list_item(9, updated_at=T1, signature_count=100),
            b.list_item(9, updated_at=T2, signature_count=200),
        ]
    )
    ok(run(database, write(tmp_path, "dup.json", page)))
    assert snapshots(database, 9) == [(at(T1), 100), (at(T2), 200)]
    assert one(database.engine, PETITIONS, id=9)["signature_count"] == 200


# --- breakdowns ---------------------------------------------------------------------------------


def constituency_counts(db: Database, pid: int) -> list[int]:
    return [r["signature_count"] for r in rows(db.engine, CONSTITUENCIES, petition_id=pid)]


def test_breakdowns_are_replaced_not_added_to(database: Database, tmp_path: Path) -> None:
    first = write(tmp_path, "1.json", b.single(11, updated_at=T1, counts=(5, 4, 3, 2, 1)))
    second = write(tmp_path, "2.json", b.single(11, updated_at=T2, counts=(50, 40, 30)))
    ok(run(database, first, second))
    assert constituency_counts(database, 11) == [50, 40, 30]
    assert count(database.engine, COUNTRIES, petition_id=11) == 2
    assert [r["signature_count"] for r in rows(database.engine, REGIONS, petition_id=11)] == [
        50,
        40 + 30,
    ]


def test_newer_capture_without_breakdowns_keeps_the_last_ones(
    database: Database, tmp_path: Path
) -> None:
    ok(run(database, write(tmp_path, "1.json", b.single(12, updated_at=T1, counts=(5, 4)))))
    ok(
        run(
            database,
            write(
                tmp_path,
                "2.json",
                b.list_page([b.list_item(12, updated_at=T2, signature_count=99)]),
            ),
        )
    )
    p = one(database.engine, PETITIONS, id=12)
    assert p["signature_count"] == 99
    assert as_utc(p["breakdowns_as_of"]) == at(T1)
    assert constituency_counts(database, 12) == [5, 4]


def test_older_capture_does_not_replace_newer_breakdowns(
    database: Database, tmp_path: Path
) -> None:
    ok(run(database, write(tmp_path, "2.json", b.single(13, updated_at=T2, counts=(50, 40)))))
    ok(run(database, write(tmp_path, "1.json", b.single(13, updated_at=T1, counts=(5, 4, 3)))))
    assert constituency_counts(database, 13) == [50, 40]
    assert as_utc(one(database.engine, PETITIONS, id=13)["breakdowns_as_of"]) == at(T2)


def test_older_single_view_fills_breakdowns_newer_than_the_stored_ones(
    database: Database, tmp_path: Path
) -> None:
    """Stored: breakdowns as of T1 and a list capture at T3. A single view at T2 is older than
    the petition but has the newest breakdowns, so they replace the T1 ones."""
    ok(run(database, write(tmp_path, "1.json", b.single(14, updated_at=T1, counts=(1, 1)))))
    ok(
        run(
            database,
            write(
                tmp_path,
                "3.json",
                b.list_page([b.list_item(14, updated_at=T3, signature_count=999)]),
            ),
        )
    )
    ok(run(database, write(tmp_path, "2.json", b.single(14, updated_at=T2, counts=(7, 8, 9)))))
    p = one(database.engine, PETITIONS, id=14)
    assert p["signature_count"] == 999
    assert as_utc(p["breakdowns_as_of"]) == at(T2)
    assert constituency_counts(database, 14) == [7, 8, 9]


# --- raw JSON -----------------------------------------------------------------------------------


def test_raw_json_of_the_newest_capture_is_kept(database: Database, tmp_path: Path) -> None:
    old = write(tmp_path, "old.json", b.single(15, updated_at=T1, action="Old title"))
    new = write(tmp_path, "new.json", b.single(15, updated_at=T2, action="New title"))
    ok(run(database, new, old))
    p = one(database.engine, PETITIONS, id=15)
    assert p["raw_json"] == new.read_text(encoding="utf-8")
    assert p["action"] == "New title"


def test_single_view_replaces_list_raw_json_of_the_same_moment(
    database: Database, tmp_path: Path
) -> None:
    single = write(tmp_path, "single.json", b.single(16, updated_at=T1))
    listed = b.list_item(
        16, updated_at=T1, signature_count=b.single(16)["data"]["attributes"]["signature_count"]
    )
    page = write(tmp_path, "page.json", b.list_page([listed]))
    ok(run(database, page))
    assert not one(database.engine, PETITIONS, id=16)["raw_from_single_view"]
    summary = ok(run(database, single))
    assert summary.updated == 1
    p = one(database.engine, PETITIONS, id=16)
    assert p["raw_from_single_view"] and p["raw_json"] == single.read_text(encoding="utf-8")
    assert count(database.engine, CONSTITUENCIES, petition_id=16) == 5
    # And the list page seen again afterwards does not take it back.
    ok(run(database, write(tmp_path, "page2.json", b.list_page([listed, b.list_item(17)]))))
    assert one(database.engine, PETITIONS, id=16)["raw_from_single_view"]


# --- response versions --------------------------------------------------------------------------


def test_revised_response_keeps_both_versions(database: Database) -> None:
    a, b_ = fixture("revised_response_a.json"), fixture("revised_response_b.json")
    ok(run(database, a, b_))
    first, second = versions(database, 900301)
    assert first["summary"] == "We have no plans to change the law on allotments."
    assert first["source"] == "government_response" and not first["is_current"]
    assert first["responded_on"] == date(2024, 2, 20)
    assert first["first_seen_at"] == first["last_seen_at"] == at("2024-03-01T10:00:00Z")
    assert capture_source(database, first["capture_id"]) == str(a)
    assert second["is_current"] and second["responded_on"] == date(2024, 5, 28)
    assert second["first_seen_at"] == at("2024-06-01T10:00:00Z")
    assert capture_source(database, second["capture_id"]) == str(b_)
    (item,) = rows(database.engine, ITEMS, petition_id=900301)
    assert item["subject"] == "Original Government response"
    assert item["response_version_id"] == first["id"]


def test_revised_response_imported_newest_first(database: Database) -> None:
    a, b_ = fixture("revised_response_a.json"), fixture("revised_response_b.json")
    ok(run(database, b_))
    # Only the copy in related activity is known: it stands in for the original.
    stand_in, current = versions(database, 900301)
    assert stand_in["source"] == "other_parliamentary_business"
    assert not stand_in["is_current"] and current["is_current"]
    assert stand_in["first_seen_at"] == at("2024-05-28T09:00:00Z")  # when it was copied
    (item,) = rows(database.engine, ITEMS, petition_id=900301)
    assert item["response_version_id"] == stand_in["id"]
    # The older capture arrives with the original itself: it takes the stand-in's place.
    summary = ok(run(database, a))
    assert summary.updated == 1
    original, current_again = versions(database, 900301)
    assert original["id"] == stand_in["id"]
    assert original["source"] == "government_response"
    assert original["summary"] == "We have no plans to change the law on allotments."
    assert original["responded_on"] == date(2024, 2, 20)
    assert original["first_seen_at"] == original["last_seen_at"] == at("2024-03-01T10:00:00Z")
    assert capture_source(database, original["capture_id"]) == str(a)
    assert not original["is_current"] and current_again["is_current"]
    assert one(database.engine, PETITIONS, id=900301)["signature_count"] == 21000
    assert snapshots(database, 900301) == [
        (at("2024-03-01T10:00:00Z"), 15000),
        (at("2024-06-01T10:00:00Z"), 21000),
    ]
    (item,) = rows(database.engine, ITEMS, petition_id=900301)
    assert item["response_version_id"] == original["id"]


EXACT_SUMMARY = "We have no plans."
EXACT_DETAILS = "The law is clear.\r\n\r\nHome Office"


def _exact_copy_pair(tmp_path: Path) -> tuple[Path, Path]:
    """A copy whose first paragraph and the rest split exactly into summary and details."""
    r1 = b.response(EXACT_SUMMARY, EXACT_DETAILS, responded_on="2024-02-20")
    r2 = b.response(
        "We will legislate.",
        "A bill will follow.\r\n\r\nHome Office",
        responded_on="2024-05-28",
        updated_at="2024-05-28T11:00:00.000Z",
    )
    copy = b.business_item(
        "Original Government response",
        f"{EXACT_SUMMARY}\n\n{EXACT_DETAILS}",
        "2024-05-28T09:00:00.000Z",
    )
    first = write(tmp_path, "a.json", b.single(21, updated_at=T1, government_response=r1))
    second = write(
        tmp_path,
        "b.json",
        b.single(21, updated_at=T2, government_response=r2, business=[copy], counts=(9, 9)),
    )
    return first, second


@pytest.mark.parametrize("newest_first", [False, True])
def test_exact_copy_of_the_original_in_both_orders(
    database: Database, tmp_path: Path, newest_first: bool
) -> None:
    first, second = _exact_copy_pair(tmp_path)
    ok(run(database, *((second, first) if newest_first else (first, second))))
    original, current = versions(database, 21)
    assert original["source"] == "government_response"
    assert original["responded_on"] == date(2024, 2, 20)
    assert original["first_seen_at"] == original["last_seen_at"] == at(T1)
    assert capture_source(database, original["capture_id"]) == str(first)
    assert not original["is_current"] and current["is_current"]
    (item,) = rows(database.engine, ITEMS, petition_id=21)
    assert item["response_version_id"] == original["id"]


def test_revision_without_a_copy_still_keeps_the_old_text(
    database: Database, tmp_path: Path
) -> None:
    r1 = b.response("Old summary.", "Old details.")
    r2 = b.response("New summary.", "New details.", updated_at="2024-05-01T00:00:00.000Z")
    ok(
        run(
            database,
            write(tmp_path, "1.json", b.single(22, updated_at=T1, government_response=r1)),
            write(tmp_path, "2.json", b.single(22, updated_at=T2, government_response=r1)),
            write(tmp_path, "3.json", b.single(22, updated_at=T3, government_response=r2)),
        )
    )
    old, new = versions(database, 22)
    assert (old["summary"], old["first_seen_at"], old["last_seen_at"]) == (
        "Old summary.",
        at(T1),
        at(T2),
    )
    assert (new["summary"], new["first_seen_at"], new["last_seen_at"]) == (
        "New summary.",
        at(T3),
        at(T3),
    )
    assert new["is_current"] and not old["is_current"]


def test_same_response_seen_in_any_order_widens_its_span(
    database: Database, tmp_path: Path
) -> None:
    r = b.response()
    paths = {
        t: write(
            tmp_path,
            f"{i}.json",
            b.single(23, updated_at=t, government_response=r, counts=(i + 1,)),
        )
        for i, t in enumerate((T1, T2, T3))
    }
    ok(run(database, paths[T2], paths[T3], paths[T1]))
    (version,) = versions(database, 23)
    assert (version["first_seen_at"], version["last_seen_at"]) == (at(T1), at(T3))
    assert version["is_current"]


@pytest.mark.parametrize("newest_first", [False, True])
def test_version_comes_from_its_first_sighting_and_reads_as_its_last(
    database: Database, tmp_path: Path, newest_first: bool
) -> None:
    """Whatever the import order: the capture a version came from is the one that first showed
    it, and its dates and wording are the newest capture's (a corrected date, reformatting)."""
    early = b.response("Summary.", "Details one.\r\n\r\nHome Office", responded_on="2024-02-20")
    late = b.response(
        "Summary.",
        "Details one.\n\nHome Office",
        responded_on="2024-02-21",
        updated_at="2024-02-22T09:00:00.000Z",
    )
    first = write(tmp_path, "1.json", b.single(28, updated_at=T1, government_response=early))
    second = write(
        tmp_path, "2.json", b.single(28, updated_at=T2, government_response=late, counts=(1,))
    )
    ok(run(database, *((second, first) if newest_first else (first, second))))
    (version,) = versions(database, 28)
    assert capture_source(database, version["capture_id"]) == str(first)
    assert (version["first_seen_at"], version["last_seen_at"]) == (at(T1), at(T2))
    assert version["responded_on"] == date(2024, 2, 21)
    assert version["updated_at"] == at("2024-02-22T09:00:00Z")
    assert version["details"] == "Details one.\n\nHome Office"


def test_reformatted_response_is_not_a_new_version(database: Database, tmp_path: Path) -> None:
    before = b.response("Summary.", "See GOV.UK (https://www.gov.uk/x).\r\n\r\n• One\r\n• Two")
    after = b.response("Summary.", "See GOV.UK[1].\n\n* One\n* Two\n\n[1]: https://www.gov.uk/x")
    ok(
        run(
            database,
            write(tmp_path, "1.json", b.single(24, updated_at=T1, government_response=before)),
            write(tmp_path, "2.json", b.single(24, updated_at=T2, government_response=after)),
        )
    )
    (version,) = versions(database, 24)
    assert (version["first_seen_at"], version["last_seen_at"]) == (at(T1), at(T2))


def test_deleted_response_leaves_its_version_not_current(
    database: Database, tmp_path: Path
) -> None:
    ok(
        run(
            database,
            write(
                tmp_path, "1.json", b.single(25, updated_at=T1, government_response=b.response())
            ),
            write(tmp_path, "2.json", b.single(25, updated_at=T2, government_response=None)),
        )
    )
    (version,) = versions(database, 25)
    assert not version["is_current"]
    assert not one(database.engine, PETITIONS, id=25)["has_response"]


def test_older_capture_does_not_change_which_version_is_current(
    database: Database, tmp_path: Path
) -> None:
    r1, r2 = b.response("One.", "First."), b.response("Two.", "Second.")
    ok(
        run(
            database,
            write(tmp_path, "2.json", b.single(26, updated_at=T2, government_response=r2)),
            write(tmp_path, "1.json", b.single(26, updated_at=T1, government_response=r1)),
        )
    )
    old, new = versions(database, 26)
    assert (old["summary"], old["is_current"]) == ("One.", False)
    assert (new["summary"], new["is_current"]) == ("Two.", True)


# --- related activity ---------------------------------------------------------------------------


def test_business_items_are_kept_edited_and_never_deleted(
    database: Database, tmp_path: Path
) -> None:
    x1 = b.business_item("Debate scheduled", "On 3 February.", T1)
    y = b.business_item("Share your views", "Survey open.", "2024-03-02T10:00:00.000Z")
    x2 = b.business_item(
        "Debate scheduled", "Moved to 10 February.", T1, updated_at="2024-05-01T10:00:00.000Z"
    )
    ok(
        run(
            database,
            write(tmp_path, "1.json", b.single(27, updated_at=T2, business=[x1, y])),
            write(tmp_path, "2.json", b.single(27, updated_at=T3, business=[x2])),
            # An older capture with the unedited text does not undo the edit.
            write(
                tmp_path,
                "0.json",
                b.single(27, updated_at="2024-04-01T00:00:00.000Z", business=[x1]),
            ),
        )
    )
    items = {i["subject"]: i["body"] for i in rows(database.engine, ITEMS, petition_id=27)}
    assert items == {
        "Debate scheduled": "Moved to 10 February.",
        "Share your views": "Survey open.",
    }


def test_items_created_in_the_same_instant_are_all_kept(database: Database, tmp_path: Path) -> None:
    same = "2024-05-01T10:00:00.000Z"
    business = [
        b.business_item("Debate scheduled", "On 3 June.", same),
        b.business_item("Survey", "Tell us.", same),
        b.business_item("Survey", "Tell us.", same),  # listed twice: kept once
        b.business_item("Survey", "A second survey.", same),
    ]
    path = write(tmp_path, "1.json", b.single(29, updated_at=T2, business=business))
    ok(run(database, path))
    stored = sorted((i["subject"], i["body"]) for i in rows(database.engine, ITEMS, petition_id=29))
    assert stored == [
        ("Debate scheduled", "On 3 June."),
        ("Survey", "A second survey."),
        ("Survey", "Tell us."),
    ]
    # The same items seen again are recognised, not added again.
    ok(run(database, write(tmp_path, "2.json", b.single(29, updated_at=T3, business=business))))
    assert count(database.engine, ITEMS, petition_id=29) == 3


# --- archived and current captures of one petition ----------------------------------------------


def test_open_capture_then_archived_capture(database: Database, tmp_path: Path) -> None:
    opened = b.single(31, updated_at=T1, state="open", counts=(10, 10))
    archived = b.archived_single(31, updated_at=T3, counts=(20, 20, 20))
    ok(
        run(
            database,
            write(tmp_path, "archived.json", archived),
            write(tmp_path, "open.json", opened),
        )
    )
    p = one(database.engine, PETITIONS, id=31)
    assert p["archived"] and p["state"] == "closed" and p["parliament_period"] == "2019-2024"
    assert p["closing_date"] is None and p["creator_name"] is None
    assert [c for _, c in snapshots(database, 31)] == [25, 65]
    assert constituency_counts(database, 31) == [20, 20, 20]


def test_newer_capture_without_parliament_keeps_the_known_parliament(
    database: Database, tmp_path: Path
) -> None:
    ok(run(database, fixture("archived_single.json")))
    bare = b.petition_object(
        800201, b.attributes(updated_at="2025-01-01T00:00:00.000Z"), archived=True, with_link=True
    )
    ok(run(database, write(tmp_path, "bare.json", bare)))
    p = one(database.engine, PETITIONS, id=800201)
    assert p["signature_count"] == 12_345  # the newer capture was applied
    assert p["parliament_period"] == "2019-2024"


def test_older_capture_does_not_overwrite_department_details(
    database: Database, tmp_path: Path
) -> None:
    def dept(acronym: str) -> list[dict[str, Any]]:
        return [
            {
                "acronym": acronym,
                "name": "Department for Transport",
                "url": f"https://www.gov.uk/{acronym}",
            }
        ]

    ok(
        run(
            database,
            write(tmp_path, "new.json", b.single(32, updated_at=T2, departments=dept("DfT"))),
            write(tmp_path, "old.json", b.single(32, updated_at=T1, departments=dept("DoT"))),
        )
    )
    assert one(database.engine, DEPARTMENTS)["acronym"] == "DfT"


# --- folders, zips, progress and cancel ----------------------------------------------------------


def test_folders_are_read_recursively(database: Database, tmp_path: Path) -> None:
    root = tmp_path / "captures"
    write(root, "a.json", b.single(41))
    write(root / "2024" / "june", "b.json", b.single(42))
    write(root / "2024" / "june" / "deeper", "C.JSON", b.single(43))
    b.write_text(root / "README.md", "not a capture")
    b.write_text(root / "2024" / "notes.csv", "id,count\n1,2\n")
    summary = ok(run(database, root))
    assert summary.files == 3 and summary.imported == 3
    assert [p["id"] for p in rows(database.engine, PETITIONS)] == [41, 42, 43]


def test_zip_archives_of_files_and_folders(database: Database, tmp_path: Path) -> None:
    archive = b.write_zip(
        tmp_path / "in" / "captures.zip",
        {
            "single/51.json": b.single(51),
            "lists/page1.json": b.list_page([b.list_item(52), b.list_item(53)]),
            "bare.json": b.petition_object(54, b.attributes(), archived=True),
            "readme.txt": "ignored",
            "folder/": "",
        },
    )
    b.write_zip(tmp_path / "in" / "nested" / "more.zip", {"55.json": b.single(55)})
    summary = ok(run(database, tmp_path / "in"))
    assert summary.files == 4
    assert [p["id"] for p in rows(database.engine, PETITIONS)] == [51, 52, 53, 54, 55]
    sources = {c["source"] for c in rows(database.engine, CAPTURES)}
    assert f"{archive}!single/51.json" in sources


def test_zip_given_directly(database: Database, tmp_path: Path) -> None:
    archive = b.write_zip(
        tmp_path / "x.zip", {"a.json": fixture("modern_single.json").read_text(encoding="utf-8")}
    )
    ok(run(database, archive))
    assert one(database.engine, PETITIONS, id=900101)["raw_from_single_view"]


def test_progress_reports_every_file_then_done(database: Database, tmp_path: Path) -> None:
    paths = [write(tmp_path, f"{i}.json", b.single(60 + i)) for i in range(3)]
    seen: list[tuple[int, int, str]] = []
    ok(run(database, *paths, progress=lambda done, total, label: seen.append((done, total, label))))
    assert seen == [
        (0, 3, str(paths[0])),
        (1, 3, str(paths[1])),
        (2, 3, str(paths[2])),
        (3, 3, "done"),
    ]


def test_cancel_stops_between_files_and_keeps_what_was_done(
    database: Database, tmp_path: Path
) -> None:
    paths = [write(tmp_path, f"{i}.json", b.single(70 + i)) for i in range(4)]
    progress: list[int] = []
    summary = run(
        database,
        *paths,
        progress=lambda done, total, label: progress.append(done),
        cancelled=lambda: len(progress) >= 2,
    )
    assert summary.cancelled and summary.files == 2 and summary.imported == 2
    assert "(cancelled)" in summary.line()
    assert [p["id"] for p in rows(database.engine, PETITIONS)] == [70, 71]
    # Running again picks up the rest; the finished files are recognised.
    again = ok(run(database, *paths))
    assert (again.imported, again.unchanged) == (2, 2)
    assert [p["id"] for p in rows(database.engine, PETITIONS)] == [70, 71, 72, 73]


def test_cancel_before_anything(database: Database, tmp_path: Path) -> None:
    path = write(tmp_path, "a.json", b.single(80))
    summary = run(database, path, cancelled=lambda: True)
    assert summary.cancelled and summary.files == 0
    assert count(database.engine, PETITIONS) == 0


def test_summary_line(database: Database, tmp_path: Path) -> None:
    first = write(tmp_path, "1.json", b.single(90, updated_at=T1))
    ok(run(database, first))
    summary = run(
        database,
        first,
        write(tmp_path, "2.json", b.single(90, updated_at=T2)),
        write(tmp_path, "3.json", b.single(91)),
        b.write_text(tmp_path / "4.json", "{"),
    )
    assert summary.line() == "4 files: 1 petition imported, 1 updated, 1 unchanged; 1 file failed"


def test_zip_members_are_named_in_failures(database: Database, tmp_path: Path) -> None:
    archive = b.write_zip(
        tmp_path / "mixed.zip", {"good.json": b.single(95), "bad.json": "{not json"}
    )
    summary = run(database, archive)
    assert summary.failures == [
        (
            f"{archive}!bad.json",
            "not valid JSON: Expecting property name enclosed in double quotes at line 1, column 2",
        )
    ]
    assert [p["id"] for p in rows(database.engine, PETITIONS)] == [95]


def test_zip_inside_a_zip_is_not_opened(database: Database, tmp_path: Path) -> None:
    inner = b.write_zip(tmp_path / "inner.zip", {"a.json": b.single(96)})
    outer = tmp_path / "outer.zip"
    with zipfile.ZipFile(outer, "w") as z:
        z.write(inner, "inner.zip")
        z.writestr("b.json", json.dumps(b.single(97)))
    ok(run(database, outer))
    assert [p["id"] for p in rows(database.engine, PETITIONS)] == [97]


def test_snapshot_series_does_not_depend_on_import_order(
    database: Database, tmp_path: Path
) -> None:
    first = write(
        tmp_path, "1.json", b.list_page([b.list_item(98, updated_at=T1, signature_count=100)])
    )
    second = write(
        tmp_path, "2.json", b.list_page([b.list_item(98, updated_at=T2, signature_count=100)])
    )
    ok(run(database, first, second))
    forwards = snapshots(database, 98)
    wipe(database.engine)
    ok(run(database, second, first))
    assert snapshots(database, 98) == forwards


def test_one_file_is_a_file_and_the_petitions_are_counted_as_petitions(
    database: Database, tmp_path: Path
) -> None:
    summary = run(database, write(tmp_path, "1.json", b.single(95)))
    assert summary.line() == "1 file: 1 petition imported, 0 updated, 0 unchanged; 0 files failed"


def test_files_that_are_not_captures_are_said_once(database: Database, tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    write(folder, "1.json", b.single(96))
    for name in ("petitions.csv", "signatures.CSV", "notes.txt", "README"):
        b.write_text(folder / name, "id,action\n")
    b.write_text(folder / ".DS_Store", "")
    summary = run(database, folder)
    assert summary.files == 1 and summary.failures == []
    assert summary.line().endswith("; 4 files skipped: not JSON (CSV 2, TXT 1, no extension 1)")
