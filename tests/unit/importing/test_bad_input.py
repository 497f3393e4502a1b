"""Bad input: one clear message per file, naming the file and the field, and nothing written.

Runs on SQLite and PostgreSQL (the ``database`` fixture). A file is one transaction: a file
that fails, whether while being read or half-way through being written, leaves every table
exactly as it was, and the other files still import.
"""

from __future__ import annotations

import json
import struct
import zipfile
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import OperationalError

from caseworker.importing import history, parse
from caseworker.storage.engine import Database
from tests.unit.importing import builders as b
from tests.unit.importing.tables import (
    CAPTURES,
    PETITIONS,
    content,
    count,
    dump,
    fixture,
    reflect,
    rows,
    run,
    wipe,
)

LDA = [
    {
        "_about": "http://data.parliament.uk/resources/104309",
        "created": {"_value": "2015-07-20T10:00:00Z", "_datatype": "dateTime"},
        "identifier": {"_value": "104309"},
        "label": {"_value": "A petition"},
        "numberOfSignatures": 12,
        "status": "closed",
    }
]


def single_text(**changes: Any) -> str:
    return b.dumps(b.single(700_001, **changes))


def with_id(value: Any) -> str:
    doc = b.single(700_002)
    doc["data"]["id"] = value
    return b.dumps(doc)


def with_raw(field: str, raw_json_value: str) -> str:
    """A single capture whose ``field`` is given as raw JSON text (for escapes)."""
    marker = "__RAW__"
    return b.dumps(b.single(700_003, **{field: marker})).replace(f'"{marker}"', raw_json_value)


def bad_list_page() -> str:
    items = [
        b.list_item(700_010),
        b.list_item(700_011),
        b.list_item(700_012, signature_count="many"),
    ]
    return b.dumps(b.list_page(items))


MAX = "2,147,483,647"
TS = "expected a timestamp such as 2024-05-29T23:01:00.000Z"

#: file name -> (content, the exact failure message)
CASES: dict[str, tuple[str | bytes, str]] = {
    "not_json.json": ("hello, world", "not valid JSON: Expecting value at line 1, column 1"),
    "html.json": (
        "<!DOCTYPE html>\n<html><body>This petition is gathering support</body></html>",
        "not JSON: this looks like an HTML or XML page (the site answers with a web page for "
        "petitions it does not publish as JSON)",
    ),
    "truncated.json": (single_text()[:700], "truncated JSON: the text stops short at line 1"),
    "empty.json": ("", "the file is empty"),
    "lda.json": (
        json.dumps(LDA),
        "wrong shape: [0] is not a petition object (keys _about, created, identifier, label, "
        "numberOfSignatures, status); expected petition.parliament.uk JSON, not another "
        "publisher's format",
    ),
    "latin1.json": (
        single_text(action="Café culture").encode("latin-1"),
        "not UTF-8 text (byte 0xe9 at offset {offset})",
    ),
    "negative_count.json": (
        single_text(signature_count=-1),
        f"data.attributes.signature_count: -1 is out of range (0 to {MAX})",
    ),
    "huge_count.json": (
        single_text(signature_count=10**12),
        f"data.attributes.signature_count: 1000000000000 is out of range (0 to {MAX})",
    ),
    "true_count.json": (
        single_text(signature_count=True),
        "data.attributes.signature_count: expected a whole number, got true",
    ),
    "string_id.json": (
        with_id("700002"),
        "data.id: expected a whole number, got the text '700002'",
    ),
    "bad_timestamp.json": (
        single_text(updated_at="2024-02-30T10:00:00Z"),
        f"data.attributes.updated_at: {TS}, got the text '2024-02-30T10:00:00Z'",
    ),
    "bad_date.json": (
        single_text(state="open", closing_date="31/12/2024"),
        "data.attributes.closing_date: expected a date such as 2025-07-10, "
        "got the text '31/12/2024'",
    ),
    "unknown_state.json": (
        single_text(state="archived"),
        "data.attributes.state: 'archived' is not a petition state",
    ),
    "bad_list_item.json": (
        bad_list_page(),
        "data[2].attributes.signature_count: expected a whole number, got the text 'many'",
    ),
    "nul.json": (
        with_raw("background", '"before\\u0000after"'),
        "data.attributes.background: contains a NUL character (\\u0000), which petition text "
        "cannot hold",
    ),
    "surrogate.json": (
        with_raw("action", '"broken \\ud800 text"'),
        "data.attributes.action: contains an unpaired surrogate escape (\\ud800), which is not "
        "valid text",
    ),
    "long_code.json": (
        single_text(state="rejected", rejection={"code": "x" * 61, "details": None}),
        "data.attributes.rejection.code: 61 characters is too long (at most 60)",
    ),
    "count.json": (
        json.dumps({"signature_count": 10, "debated": False}),
        "wrong shape: this is a live count (count.json), which does not say which petition it "
        "counts; import the petition's own JSON instead",
    ),
}


def write_cases(folder: Path) -> dict[str, str]:
    """Write every bad case; returns path -> expected message."""
    expected = {}
    for name, (content_, message) in CASES.items():
        path = b.write_text(folder / name, content_)
        if "{offset}" in message:
            raw = path.read_bytes()
            message = message.format(offset=raw.index(b"\xe9"))
        expected[str(path)] = message
    return expected


def test_every_bad_file_gets_one_message_and_writes_nothing(
    database: Database, tmp_path: Path
) -> None:
    run(database, fixture("modern_single.json"))
    before = dump(database.engine)
    expected = write_cases(tmp_path / "bad")
    summary = run(database, tmp_path / "bad")
    assert dict(summary.failures) == expected
    assert len(summary.failures) == len(CASES)  # one message per file
    assert (summary.imported, summary.updated, summary.unchanged) == (0, 0, 0)
    assert dump(database.engine) == before


def test_good_files_still_import_around_bad_ones(database: Database, tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    expected = write_cases(folder)
    good = [
        b.write_json(folder / "a_good.json", b.single(1)),
        b.write_json(folder / "m_good.json", b.list_page([b.list_item(2), b.list_item(3)])),
        b.write_json(folder / "z_good.json", b.single(4, state="rejected")),
    ]
    summary = run(database, folder)
    assert dict(summary.failures) == expected
    assert summary.imported == 4
    mixed = content(database.engine)
    wipe(database.engine)
    assert run(database, *good).failures == []
    assert content(database.engine) == mixed


def test_a_list_page_is_all_or_nothing(database: Database, tmp_path: Path) -> None:
    path = b.write_text(tmp_path / "page.json", bad_list_page())
    summary = run(database, path)
    assert len(summary.failures) == 1
    assert count(database.engine, PETITIONS) == 0
    assert count(database.engine, CAPTURES) == 0


def test_failure_half_way_through_writing_leaves_nothing_behind(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(database, fixture("list_page.json"))
    before = dump(database.engine)
    written_before_failure: list[int] = []
    real_record = history.ResponseHistory.record

    def failing_record(self: history.ResponseHistory, batch: Any, ages_are_newest: Any) -> Any:
        # By now the capture, petitions, snapshots and breakdowns of this file are written.
        connection = self._db
        written_before_failure.append(
            connection.execute(select(func.count()).select_from(text("petitions"))).scalar_one()
        )
        raise OperationalError("INSERT INTO response_versions ...", {}, Exception("disk I/O error"))

    monkeypatch.setattr(history.ResponseHistory, "record", failing_record)
    single = fixture("modern_single.json")
    newcomer = b.write_json(tmp_path / "new.json", b.single(5))
    summary = run(database, single, newcomer)
    assert written_before_failure == [3, 4]  # each file got half-way: rows were in place
    assert summary.failures == [
        (
            str(single),
            "the database refused the data (disk I/O error); nothing from this file was stored",
        ),
        (
            str(newcomer),
            "the database refused the data (disk I/O error); nothing from this file was stored",
        ),
    ]
    assert dump(database.engine) == before
    # With the fault gone the same files import, since nothing was recorded as done.
    monkeypatch.setattr(history.ResponseHistory, "record", real_record)
    again = run(database, single, newcomer)
    assert again.failures == [] and (again.imported, again.updated) == (1, 1)


def test_a_fixed_file_imports_under_the_same_name(database: Database, tmp_path: Path) -> None:
    path = b.write_text(tmp_path / "p.json", single_text(signature_count=-5))
    assert len(run(database, path).failures) == 1
    b.write_text(path, single_text(signature_count=5))
    summary = run(database, path)
    assert summary.failures == [] and summary.imported == 1


def test_nul_is_refused_the_same_way_on_every_backend(database: Database, tmp_path: Path) -> None:
    """PostgreSQL text cannot hold NUL, and neither can the site's own database; so a NUL is
    refused on SQLite too, with the field named, rather than the same file importing into a
    clerk's own database and failing on the shared one."""
    item = b.business_item("Update", "a\u0000b", "2024-01-01T00:00:00.000Z")
    path = b.write_json(tmp_path / "nul.json", b.single(6, business=[item]))
    summary = run(database, path)
    assert summary.failures == [
        (
            str(path),
            "data.attributes.other_parliamentary_business[0].body: contains a NUL character "
            "(\\u0000), which petition text cannot hold",
        )
    ]
    assert count(database.engine, PETITIONS) == 0


def test_other_control_characters_and_surrogate_pairs_are_fine(
    database: Database, tmp_path: Path
) -> None:
    path = b.write_text(
        tmp_path / "ok.json", with_raw("action", '"bell\\u0007 esc\\u001b \\ud83d\\ude00"')
    )
    assert run(database, path).failures == []
    (p,) = rows(database.engine, PETITIONS)
    assert p["action"] == "bell\u0007 esc\u001b 😀"


def test_byte_order_mark_is_not_an_error(database: Database, tmp_path: Path) -> None:
    path = b.write_text(tmp_path / "bom.json", b"\xef\xbb\xbf" + single_text().encode())
    assert run(database, path).failures == []


def test_parse_limits_match_the_schema(database: Database) -> None:
    """The lengths parse.py enforces are the lengths of the columns they are stored in."""
    tables = reflect(database.engine)

    def length(table: str, column: str) -> int | None:
        return getattr(tables[table].c[column].type, "length", None)

    assert length("departments", "name") == parse.DEPARTMENT_NAME_LIMIT
    assert length("departments", "acronym") == parse.ACRONYM_LIMIT
    assert length("topics", "code") == parse.TOPIC_CODE_LIMIT
    assert length("petition_topics", "topic_code") in (None, parse.TOPIC_CODE_LIMIT)
    assert length("petitions", "rejection_code") == parse.REJECTION_CODE_LIMIT
    assert length("country_signatures", "code") == parse.COUNTRY_CODE_LIMIT
    assert length("region_signatures", "ons_code") == parse.ONS_CODE_LIMIT
    assert length("constituency_signatures", "ons_code") == parse.ONS_CODE_LIMIT
    assert length("parliaments", "period") == parse.PERIOD_LIMIT
    assert length("business_items", "item_key") == history.ITEM_KEY_LIMIT


@pytest.mark.parametrize(
    ("attrs", "message"),
    [
        (
            {"departments": [{"acronym": "X", "name": "D" * 201, "url": None}]},
            "data.attributes.departments[0].name: 201 characters is too long (at most 200)",
        ),
        (
            {"departments": [{"acronym": "A" * 41, "name": "D", "url": None}]},
            "data.attributes.departments[0].acronym: 41 characters is too long (at most 40)",
        ),
        (
            {"topics": ["t" * 101]},
            "data.attributes.topics[0]: 101 characters is too long (at most 100)",
        ),
    ],
)
def test_values_too_long_for_their_columns(
    database: Database, tmp_path: Path, attrs: dict[str, Any], message: str
) -> None:
    path = b.write_text(tmp_path / "long.json", single_text(**attrs))
    assert run(database, path).failures == [(str(path), message)]
    assert count(database.engine, PETITIONS) == 0


def test_long_free_text_is_not_limited(database: Database, tmp_path: Path) -> None:
    """Free text is held to bounds far past the site's own (caseworker.importing.field_limits),
    not to the site's current limits: a title of 600 characters, a background of 10,000."""
    title, long = "word " * 120, "word " * 2000
    path = b.write_text(tmp_path / "long.json", single_text(action=title, background=long))
    assert run(database, path).failures == []
    (p,) = rows(database.engine, PETITIONS)
    assert (p["action"], p["background"]) == (title, long)


# --- unreadable sources -----------------------------------------------------------------------


def _patch_zip(path: Path, *, flag: int | None = None, method: int | None = None) -> None:
    """Set the general-purpose flag or compression method of every entry of a zip."""
    data = bytearray(path.read_bytes())
    for signature, flag_at, method_at in ((b"PK\x03\x04", 6, 8), (b"PK\x01\x02", 8, 10)):
        start = 0
        while (found := data.find(signature, start)) >= 0:
            if flag is not None:
                data[found + flag_at : found + flag_at + 2] = struct.pack("<H", flag)
            if method is not None:
                data[found + method_at : found + method_at + 2] = struct.pack("<H", method)
            start = found + 4
    path.write_bytes(bytes(data))


def test_broken_zip_is_reported_and_the_rest_imports(database: Database, tmp_path: Path) -> None:
    broken = b.write_text(tmp_path / "broken.zip", b"PK\x03\x04 this is not really a zip")
    good = b.write_json(tmp_path / "good.json", b.single(7))
    summary = run(database, broken, good)
    assert summary.imported == 1 and len(summary.failures) == 1
    name, message = summary.failures[0]
    assert str(broken) in name and "not a readable zip archive" in message


def test_missing_path_is_reported(database: Database, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "x.json"
    summary = run(database, missing, b.write_json(tmp_path / "good.json", b.single(8)))
    assert summary.imported == 1
    ((name, message),) = summary.failures
    assert str(missing) in name and "no such file or folder" in message


def test_unreadable_source_failure_names_the_file_then_the_reason(
    database: Database, tmp_path: Path
) -> None:
    missing = tmp_path / "nowhere.json"
    broken = b.write_text(tmp_path / "broken.zip", b"not a zip")
    summary = run(database, missing, broken)
    assert summary.failures == [
        (str(missing), "no such file or folder"),
        (str(broken), "not a readable zip archive (File is not a zip file)"),
    ]


def test_zip_member_with_bad_checksum(database: Database, tmp_path: Path) -> None:
    archive = tmp_path / "crc.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_STORED) as z:
        z.writestr("a.json", b.dumps(b.single(9)))
    data = bytearray(archive.read_bytes())
    at = data.index(b'{"links"')
    data[at + 20] ^= 0x01  # stored data no longer matches its CRC
    archive.write_bytes(bytes(data))
    good = b.write_json(tmp_path / "good.json", b.single(10))
    summary = run(database, archive, good)
    assert summary.imported == 1 and len(summary.failures) == 1


@pytest.mark.parametrize("patch", [{"flag": 1}, {"method": 99}], ids=["encrypted", "aes"])
def test_zip_member_that_cannot_be_extracted(
    database: Database, tmp_path: Path, patch: dict[str, int]
) -> None:
    archive = b.write_zip(tmp_path / "locked.zip", {"a.json": b.single(11)})
    _patch_zip(archive, **patch)
    good = b.write_json(tmp_path / "good.json", b.single(12))
    summary = run(database, archive, good)
    assert summary.imported == 1
    ((name, message),) = summary.failures
    assert name.startswith(f"{archive}!a.json")


def _record_raising_for(petition_id: int, error: BaseException) -> Any:
    """ResponseHistory.record that fails part-way through the file holding ``petition_id``."""
    real_record = history.ResponseHistory.record

    def record(self: history.ResponseHistory, batch: Any, ages_are_newest: Any) -> Any:
        if any(c.id == petition_id for c in batch):
            raise error
        return real_record(self, batch, ages_are_newest)

    return record


def test_a_failing_file_between_good_ones_in_one_batch(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files share a transaction, but each is all or nothing through its own savepoint."""
    failure = OperationalError("INSERT ...", {}, Exception("disk I/O error"))
    monkeypatch.setattr(history.ResponseHistory, "record", _record_raising_for(2, failure))
    files = [b.write_json(tmp_path / f"{n}.json", b.single(n)) for n in (1, 2, 3)]
    summary = run(database, *files)
    assert [name for name, _ in summary.failures] == [str(files[1])]
    assert summary.imported == 2
    assert [row["id"] for row in rows(database.engine, PETITIONS)] == [1, 3]


def test_an_interrupt_keeps_the_files_already_imported(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        history.ResponseHistory, "record", _record_raising_for(3, KeyboardInterrupt())
    )
    files = [b.write_json(tmp_path / f"{n}.json", b.single(n)) for n in (1, 2, 3)]
    with pytest.raises(KeyboardInterrupt):
        run(database, *files)
    assert [row["id"] for row in rows(database.engine, PETITIONS)] == [1, 2]
    assert count(database.engine, CAPTURES) == 2
