"""Texts and lists far beyond what the site produces are refused, the same on both backends.

The bounds (caseworker.importing.field_limits) are several times the largest limit the site
ever had; every real capture in the shared data is checked against them, with room to spare.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from caseworker.domain.records import PetitionCapture
from caseworker.importing import field_limits as bound
from caseworker.importing.derived import LABEL_LIMIT
from caseworker.importing.fields import CaptureError
from caseworker.importing.parse import decode, parse_document
from caseworker.storage.engine import Database
from tests.unit.importing import builders as b
from tests.unit.importing.tables import CAPTURES, PETITIONS, count, one, run

A = "data.attributes"


def scattered(length: int, seed: int = 1) -> str:
    """Text of four-byte characters that does not compress: the worst case for an index."""
    rng = random.Random(seed)
    return "".join(chr(rng.randrange(0x1F300, 0x1FAFF)) for _ in range(length))


def words(length: int, seed: int = 1) -> str:
    """Text of distinct words, the worst case for a full-text index."""
    rng = random.Random(seed)
    text = " ".join(f"w{rng.randrange(10**9)}" for _ in range(length // 6 + 1))
    return text[:length]


def constituencies(n: int) -> list[dict[str, Any]]:
    return [
        {"name": f"Seat {i}", "ons_code": f"E{i:08d}", "mp": None, "signature_count": 1}
        for i in range(n)
    ]


def countries(n: int) -> list[dict[str, Any]]:
    return [{"name": f"Country {i}", "code": f"C{i}", "signature_count": 1} for i in range(n)]


# --- real captures ------------------------------------------------------------------------------

MEASURES: dict[str, tuple[int, Callable[[PetitionCapture], list[int]]]] = {
    "action": (bound.ACTION, lambda c: [len(c.action)]),
    "background etc.": (
        bound.PETITION_TEXT,
        lambda c: [len(t or "") for t in (c.background, c.additional_details, c.committee_note)],
    ),
    "response summary": (
        bound.RESPONSE_SUMMARY,
        lambda c: [len(c.government_response.summary)] if c.government_response else [],
    ),
    "response details": (
        bound.LONG_TEXT,
        lambda c: [len(c.government_response.details or "")] if c.government_response else [],
    ),
    "business subject": (
        bound.BUSINESS_SUBJECT,
        lambda c: [len(i.subject) for i in c.other_business or ()],
    ),
    "business body": (
        bound.LONG_TEXT,
        lambda c: [len(i.body or "") for i in c.other_business or ()],
    ),
    "business items": (bound.BUSINESS_ITEMS, lambda c: [len(c.other_business or ())]),
    "constituencies": (
        bound.CONSTITUENCIES,
        lambda c: [len(c.breakdowns.constituencies)] if c.breakdowns else [],
    ),
    "countries": (bound.COUNTRIES, lambda c: [len(c.breakdowns.countries)] if c.breakdowns else []),
    "departments": (bound.DEPARTMENTS, lambda c: [len(c.departments or ())]),
}


def test_no_real_capture_is_refused_by_the_limits_and_each_has_room(shared_data: Path) -> None:
    largest = dict.fromkeys(MEASURES, 0)
    parsed = 0
    for path in sorted(shared_data.rglob("*.json")):
        try:
            document = parse_document(decode(path.read_bytes()))
        except CaptureError as exc:
            # Files of other shapes (another publisher's dump, a count) are refused, but
            # never for a length, a count or a date.
            assert not any(
                word in str(exc) for word in ("too long", "too many", "in the future")
            ), (path, str(exc))
            continue
        parsed += 1
        for capture in document.petitions:
            for name, (_limit, measure) in MEASURES.items():
                largest[name] = max([largest[name], *measure(capture)])
    assert parsed > 400
    # Texts: the largest real value is at most half its bound (most, a tenth or less).
    # Lists of places are bounded by geography: 650 seats of 1,000, 232 countries of 400.
    for name, (limit, _measure) in MEASURES.items():
        room = 3 / 2 if name in ("constituencies", "countries") else 2
        assert largest[name] * room <= limit, (name, largest[name], limit)
    assert largest["constituencies"] == 650 and largest["countries"] > 200


# --- both backends ------------------------------------------------------------------------------


def test_a_title_the_postgresql_index_cannot_hold_is_refused_on_both_backends(
    database: Database, tmp_path: Path
) -> None:
    """PostgreSQL's btree index on titles holds 2,704 bytes: a title of 3,000 characters
    used to fail there with "index row size exceeds ..." and import on SQLite."""
    long = b.write_json(tmp_path / "long.json", b.single(1, action=scattered(3000)))
    summary = run(database, long)
    assert summary.failures == [
        (str(long), f"{A}.action: 3,000 characters is too long (at most 600)")
    ]
    assert count(database.engine, PETITIONS) == count(database.engine, CAPTURES) == 0


def test_the_largest_capture_allowed_imports_on_both_backends(
    database: Database, tmp_path: Path
) -> None:
    """Every text and list at its bound, in the text hardest to index: accepted everywhere."""
    petition_text = words(bound.PETITION_TEXT, seed=2)
    departments = [
        {"acronym": None, "name": scattered(200, seed=n), "url": "https://www.gov.uk/x"}
        for n in range(bound.DEPARTMENTS)
    ]
    items = [
        b.business_item(f"Item {n} " + "s" * 1400, words(2000, seed=n), f"2024-01-{n % 28 + 1:02d}")
        for n in range(20)
    ]
    doc = b.single(
        2,
        action=scattered(bound.ACTION),
        background=petition_text,
        additional_details=petition_text,
        committee_note=petition_text,
        government_response=b.response(
            words(bound.RESPONSE_SUMMARY, seed=3), words(bound.LONG_TEXT, seed=4)
        ),
        government_response_at="2024-11-20T15:00:00.000Z",
        departments=departments,
        business=items,
    )
    doc["data"]["attributes"].update(
        signatures_by_constituency=constituencies(bound.CONSTITUENCIES),
        signatures_by_country=countries(bound.COUNTRIES),
    )
    path = b.write_json(tmp_path / "largest.json", doc)
    summary = run(database, path)
    assert summary.failures == [] and summary.imported == 1
    stored = one(database.engine, PETITIONS, id=2)
    assert stored["action"] == doc["data"]["attributes"]["action"]
    # Fifty departments named in full make a label too long to index: it is cut.
    assert len(stored["departments_label"]) == LABEL_LIMIT
    assert stored["departments_label"].endswith("…")


def test_thirty_two_thousand_constituencies_are_refused(database: Database, tmp_path: Path) -> None:
    doc = b.single(3)
    doc["data"]["attributes"]["signatures_by_constituency"] = constituencies(32_000)
    path = b.write_json(tmp_path / "many.json", doc)
    assert run(database, path).failures == [
        (str(path), f"{A}.signatures_by_constituency: 32,000 entries are too many (at most 1,000)")
    ]
    assert count(database.engine, PETITIONS) == 0


# --- each bound names its field -----------------------------------------------------------------


def over(limit: int) -> str:
    return "x" * (limit + 1)


@pytest.mark.parametrize(
    ("attrs", "message"),
    [
        ({"action": over(600)}, "action: 601 characters is too long (at most 600)"),
        ({"background": over(10_000)}, "background: 10,001 characters is too long"),
        ({"additional_details": over(10_000)}, "additional_details: 10,001 characters is"),
        ({"committee_note": over(10_000)}, "committee_note: 10,001 characters is too long"),
        ({"creator_name": over(1_000)}, "creator_name: 1,001 characters is too long"),
        (
            {"government_response": b.response(over(5_000))},
            "government_response.summary: 5,001 characters is too long (at most 5,000)",
        ),
        (
            {"government_response": b.response("S", over(100_000))},
            "government_response.details: 100,001 characters is too long (at most 100,000)",
        ),
        (
            {"debate": {"debated_on": "2025-01-01", "overview": over(100_000)}},
            "debate.overview: 100,001 characters is too long",
        ),
        (
            {"debate": {"debated_on": "2025-01-01", "video_url": over(2_000)}},
            "debate.video_url: 2,001 characters is too long (at most 2,000)",
        ),
        (
            {"business": [b.business_item(over(1_500), "B", "2024-01-01T00:00:00Z")]},
            "other_parliamentary_business[0].subject: 1,501 characters is too long",
        ),
        (
            {"business": [b.business_item("S", over(100_000), "2024-01-01T00:00:00Z")]},
            "other_parliamentary_business[0].body: 100,001 characters is too long",
        ),
        (
            {"business": [b.business_item("S", "B", "2024-01-01T00:00:00Z")] * 501},
            "other_parliamentary_business: 501 entries are too many (at most 500)",
        ),
        (
            {"signatures_by_country": countries(401)},
            "signatures_by_country: 401 entries are too many (at most 400)",
        ),
        (
            {"signatures_by_region": [{"name": "R", "ons_code": "A", "signature_count": 1}] * 51},
            "signatures_by_region: 51 entries are too many (at most 50)",
        ),
        (
            {"signatures_by_constituency": [{**constituencies(1)[0], "mp": over(500)}]},
            "signatures_by_constituency[0].mp: 501 characters is too long (at most 500)",
        ),
        (
            {"departments": [{"acronym": "D", "name": "D", "url": None}] * 51},
            "departments: 51 entries are too many (at most 50)",
        ),
        ({"topics": [f"t{n}" for n in range(101)]}, "topics: 101 entries are too many"),
    ],
)
def test_each_bound_names_the_field_and_the_limit(attrs: dict[str, Any], message: str) -> None:
    business = attrs.pop("business", None)
    doc = b.single(4, business=business)
    doc["data"]["attributes"].update(attrs)
    with pytest.raises(CaptureError) as caught:
        parse_document(b.dumps(doc))
    assert str(caught.value).startswith(f"{A}.{message}")


def test_a_link_too_long_is_refused() -> None:
    doc = b.list_page([b.list_item(5)])
    doc["data"][0]["links"]["self"] = "https://petition.parliament.uk/" + over(2_000)
    with pytest.raises(CaptureError, match=r"^data\[0\]\.links\.self: 2,032 characters is too"):
        parse_document(b.dumps(doc))
