"""Import the real captures in ../shared/data and check the database against the files.

The expectations are worked out here from the files with nothing but ``json``, so they do not
share the importer's reading of them. SQLite imports every file; PostgreSQL imports a smaller
selection (every folder, but only some of mySociety's 273 single files and 143 list pages,
always including those with a superseded response) to stay quick.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from caseworker.importing.importer import ImportSummary, import_paths
from caseworker.storage.engine import Database, open_database
from tests.unit.importing.tables import (
    CAPTURES,
    CONSTITUENCIES,
    ITEMS,
    PETITIONS,
    SNAPSHOTS,
    VERSIONS,
    count,
    dump,
    one,
    rows,
    wipe,
)

pytestmark = pytest.mark.realdata

MYSOCIETY = "mysociety-2020-2022"
FORMER_SUBJECT = "original government response"


def when(value: str) -> datetime:
    return datetime.fromisoformat(value).astimezone(UTC)


@dataclass(frozen=True)
class Seen:
    """One petition as one file showed it."""

    path: Path
    kind: str  # "single", "list", "bare"
    archived: bool
    attrs: dict[str, Any]

    @property
    def updated_at(self) -> datetime:
        return when(self.attrs["updated_at"])


@dataclass
class Expected:
    files: list[Path] = field(default_factory=list)
    not_petitions: list[Path] = field(default_factory=list)
    distinct_contents: int = 0
    seen: dict[int, list[Seen]] = field(default_factory=lambda: defaultdict(list))
    texts: dict[Path, str] = field(default_factory=dict)

    def newest(self, pid: int) -> Seen:
        return max(self.seen[pid], key=lambda s: (s.updated_at, s.kind == "single"))


def read_expected(paths: list[Path]) -> Expected:
    out = Expected()
    files = sorted({f for p in paths for f in ([p] if p.is_file() else p.rglob("*.json"))})
    digests = set()
    for path in files:
        out.files.append(path)
        raw = path.read_bytes()
        document = json.loads(raw)
        items: list[tuple[str, dict[str, Any]]] = []
        if isinstance(document, dict) and "data" in document:
            data = document["data"]
            items = [("single", data)] if isinstance(data, dict) else [("list", i) for i in data]
            out.texts[path] = raw.decode("utf-8")
        elif isinstance(document, dict) and "attributes" in document:
            items = [("bare", document)]
        else:
            out.not_petitions.append(path)
            continue
        digests.add(hashlib.sha256(raw).hexdigest())
        for kind, item in items:
            archived = item.get("type") == "archived-petition"
            out.seen[item["id"]].append(Seen(path, kind, archived, item["attributes"]))
    out.distinct_contents = len(digests)
    return out


def pg_selection(shared: Path) -> list[Path]:
    singles = sorted((shared / MYSOCIETY / "single").glob("*.json"))
    with_former = [p for p in singles if FORMER_SUBJECT in p.read_text(encoding="utf-8").lower()]
    chosen = sorted(set(singles[:30]) | set(with_former))
    pages = sorted((shared / MYSOCIETY / "list-pages").glob("*.json"))[:8]
    others = [p for p in sorted(shared.iterdir()) if p.is_dir() and p.name != MYSOCIETY]
    return others + chosen + pages


@dataclass
class Loaded:
    db: Database
    summary: ImportSummary
    expected: Expected
    paths: list[Path]
    shared: Path


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def loaded(
    request: pytest.FixtureRequest, shared_data: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Loaded]:
    if request.param == "sqlite":
        template = request.getfixturevalue("sqlite_template")
        path = tmp_path_factory.mktemp("realdata") / "real.sqlite3"
        shutil.copy(template, path)
        url, paths = f"sqlite:///{path}", [shared_data]
    else:
        url, paths = request.getfixturevalue("pg_database_url"), pg_selection(shared_data)
    db = open_database(url)
    wipe(db.engine)
    try:
        summary = import_paths(db.engine, paths)
        yield Loaded(db, summary, read_expected(paths), paths, shared_data)
    finally:
        if request.param != "sqlite":
            wipe(db.engine)
        db.dispose()


def test_every_file_is_accounted_for(loaded: Loaded) -> None:
    summary, expected = loaded.summary, loaded.expected
    assert summary.files == len(expected.files)
    failed = dict(summary.failures)
    assert set(failed) == {str(p) for p in expected.not_petitions}
    for message in failed.values():
        assert message.startswith("wrong shape: "), message
    lda = [m for name, m in failed.items() if "lda-epetitions" in name]
    if lda:
        assert lda == [
            "wrong shape: [0] is not a petition object (keys _about, created, identifier, label, "
            "numberOfSignatures, sponsorPrinted, ...); expected petition.parliament.uk JSON, not "
            "another publisher's format"
        ]
    # Each readable file is recorded once; nothing of the failed files is.
    assert count(loaded.db.engine, CAPTURES) == expected.distinct_contents


def test_the_non_petition_files_fail_whichever_folder_they_are_in(loaded: Loaded) -> None:
    names = {p.name for p in loaded.expected.not_petitions}
    assert {
        "epetitions.json",
        "constituency_party_ons.json",
        "population_ons.json",
        "uk-constituencies.topo.json",
        "petition-751472-hourly.json",
    } <= names


def test_every_petition_id_is_stored_once(loaded: Loaded) -> None:
    stored = [p["id"] for p in rows(loaded.db.engine, PETITIONS)]
    assert len(stored) == len(set(stored))
    assert set(stored) == set(loaded.expected.seen)


def test_each_petition_holds_its_newest_capture(loaded: Loaded) -> None:
    expected = loaded.expected
    for p in rows(loaded.db.engine, PETITIONS):
        newest = expected.newest(p["id"])
        a = newest.attrs
        assert p["updated_at"] == newest.updated_at, p["id"]
        assert p["signature_count"] == a["signature_count"], p["id"]
        assert p["state"] == a["state"], p["id"]
        assert p["action"] == a["action"], p["id"]
        assert bool(p["has_response"]) == (a.get("government_response") is not None), p["id"]
        assert bool(p["archived"]) == newest.archived, p["id"]


def test_newest_single_files_match_the_database(loaded: Loaded) -> None:
    expected, engine = loaded.expected, loaded.db.engine
    seats_by_id: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for seat in rows(engine, CONSTITUENCIES):
        seats_by_id[seat["petition_id"]].append(seat)
    petitions = {p["id"]: p for p in rows(engine, PETITIONS)}
    checked = 0
    for pid in expected.seen:
        newest = expected.newest(pid)
        if newest.kind != "single":
            continue
        checked += 1
        a, p = newest.attrs, petitions[pid]
        assert (p["signature_count"], p["action"], p["state"]) == (
            a["signature_count"],
            a["action"],
            a["state"],
        ), pid
        assert p["raw_json"] == expected.texts[newest.path], pid
        assert p["raw_from_single_view"], pid
        file_seats = a.get("signatures_by_constituency") or []
        stored = seats_by_id[pid]
        assert len(stored) == len(file_seats), pid
        assert sum(s["signature_count"] for s in stored) == sum(
            s["signature_count"] for s in file_seats
        ), pid
        assert [
            (s["name"], s["ons_code"], s["mp"], s["signature_count"])
            for s in sorted(stored, key=lambda s: s["position"])
        ] == [(s["name"], s["ons_code"], s["mp"], s["signature_count"]) for s in file_seats], pid
        if file_seats:
            top = max(s["signature_count"] for s in file_seats)
            leaders = {s["name"] for s in file_seats if s["signature_count"] == top}
            stored_top = max(stored, key=lambda s: s["signature_count"])
            assert stored_top["signature_count"] == top and stored_top["name"] in leaders, pid
    assert checked >= 40


def test_snapshots_follow_the_captures(loaded: Loaded) -> None:
    series: dict[int, set[tuple[datetime, int]]] = defaultdict(set)
    for s in rows(loaded.db.engine, SNAPSHOTS):
        series[s["petition_id"]].add((s["at"], s["signature_count"]))
    for pid, seen in loaded.expected.seen.items():
        points = sorted({(s.updated_at, s.attrs["signature_count"]) for s in seen})
        required = {points[0]} | {
            here for before, here in zip(points, points[1:], strict=False) if here[1] != before[1]
        }
        assert required <= series[pid] <= set(points), pid


def test_response_versions_match_the_newest_response(loaded: Loaded) -> None:
    by_id: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for v in rows(loaded.db.engine, VERSIONS):
        by_id[v["petition_id"]].append(v)
    for pid in loaded.expected.seen:
        response = loaded.expected.newest(pid).attrs.get("government_response")
        current = [v for v in by_id[pid] if v["is_current"]]
        if response is None:
            assert current == [], pid
        else:
            assert [(v["summary"], v["details"]) for v in current] == [
                (response["summary"] or "", response["details"] or None)
            ], pid


def test_euref_131215_keeps_its_open_2016_capture_and_its_archived_one(
    loaded: Loaded,
) -> None:
    engine = loaded.db.engine
    p = one(engine, PETITIONS, id=131215)
    assert p["archived"] and p["state"] == "closed"
    assert p["signature_count"] == 4_150_262
    series = sorted(
        (s["at"], s["signature_count"]) for s in rows(engine, SNAPSHOTS, petition_id=131215)
    )
    open_capture = json.loads(
        (loaded.shared / "euref-131215-2016" / "131215.json").read_text(encoding="utf-8")
    )["data"]["attributes"]
    archived = json.loads(
        (loaded.shared / "archived-sample-jonty" / "131215.json").read_text(encoding="utf-8")
    )["attributes"]
    assert series == [
        (when(open_capture["updated_at"]), 3_555_721),
        (when(archived["updated_at"]), 4_150_262),
    ]
    assert series[0][0].date().isoformat() == "2016-06-27"
    # The open capture's breakdowns (the archived list item has none) are still there.
    assert count(engine, CONSTITUENCIES, petition_id=131215) == len(
        open_capture["signatures_by_constituency"]
    )
    assert p["breakdowns_as_of"] == when(open_capture["updated_at"])
    (version,) = rows(engine, VERSIONS, petition_id=131215)
    assert version["is_current"] and version["summary"].startswith("The European Union")


def test_104334_open_in_2015_then_archived(loaded: Loaded) -> None:
    engine = loaded.db.engine
    p = one(engine, PETITIONS, id=104334)
    assert p["archived"] and p["state"] == "closed" and p["signature_count"] == 231_136
    counts = [s["signature_count"] for s in rows(engine, SNAPSHOTS, petition_id=104334)]
    assert len(counts) >= 2 and max(counts) == 231_136
    assert count(engine, CONSTITUENCIES, petition_id=104334) > 0


def test_superseded_responses_are_linked_earlier_versions(loaded: Loaded) -> None:
    engine = loaded.db.engine
    versions_by_id: dict[int, dict[int, dict[str, Any]]] = defaultdict(dict)
    for v in rows(engine, VERSIONS):
        versions_by_id[v["petition_id"]][v["id"]] = v
    found = 0
    for pid, seen in loaded.expected.seen.items():
        for s in seen:
            if s.kind != "single" or MYSOCIETY not in str(s.path):
                continue
            for item in s.attrs.get("other_parliamentary_business") or []:
                if not item["subject"].lower().startswith(FORMER_SUBJECT):
                    continue
                found += 1
                (stored,) = [
                    i
                    for i in rows(engine, ITEMS, petition_id=pid)
                    if i["created_at"] == when(item["created_at"])
                ]
                assert stored["response_version_id"] is not None, pid
                earlier = versions_by_id[pid][stored["response_version_id"]]
                current = [v for v in versions_by_id[pid].values() if v["is_current"]]
                assert len(current) == 1 and current[0]["id"] != earlier["id"], pid
                assert not earlier["is_current"], pid
                assert earlier["first_seen_at"] < current[0]["first_seen_at"], pid
                assert current[0]["summary"] == s.attrs["government_response"]["summary"], pid
    assert found >= 15


def test_reimporting_everything_changes_nothing(loaded: Loaded) -> None:
    before = dump(loaded.db.engine)
    again = import_paths(loaded.db.engine, loaded.paths)
    assert dump(loaded.db.engine) == before
    assert (again.imported, again.updated) == (0, 0)
    assert sorted(again.failures) == sorted(loaded.summary.failures)
