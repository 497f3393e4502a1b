"""Packs from real captures of petition.parliament.uk, whose texts end lines with CRLF: no
"�" anywhere, and every word of the Government's response is printed in order."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from caseworker.importing.importer import import_paths
from caseworker.pdf.text import REPLACEMENT
from caseworker.services.briefing import BriefingService
from caseworker.storage.engine import Database, open_database
from tests.unit.pdf.extract import body_words, pdftotext, pypdf_text

pytestmark = pytest.mark.realdata

#: Captures whose response texts contain "\r\n": 619781 (901,913 signatures, a one-line
#: summary ending in CRLF), 333693 (debated, 2020-22 format) and 104334 (2015, the old format).
CAPTURES = {
    619781: "mysociety-2020-2022/single/619781.json",
    333693: "mysociety-2020-2022/single/333693.json",
    104334: "unboxed-2015-open/104334.json",
}


def response_of(capture: Path) -> dict[str, str]:
    attributes = json.loads(capture.read_text(encoding="utf-8"))["data"]["attributes"]
    response: dict[str, str] = attributes["government_response"]
    return response


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def real_db(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = open_database(str(tmp_path_factory.mktemp("real-packs") / "real.sqlite3"))
    import_paths(db.engine, [shared_data / relative for relative in CAPTURES.values()])
    yield db
    db.dispose()


@pytest.mark.parametrize("petition_id", sorted(CAPTURES))
def test_a_real_pack_has_no_replacement_characters(
    petition_id: int, real_db: Database, shared_data: Path, tmp_path: Path
) -> None:
    response = response_of(shared_data / CAPTURES[petition_id])
    assert "\r\n" in response["summary"] + response["details"]  # what this test is about

    pdf = tmp_path / f"{petition_id}.pdf"
    BriefingService(real_db, today=lambda: date(2026, 12, 1)).write_pack([petition_id], pdf)

    text = pdftotext(pdf)
    assert REPLACEMENT not in text
    assert REPLACEMENT not in pypdf_text(pdf)
    # Lines are wrapped anywhere, so compare word by word.
    printed = body_words(text)
    assert words(response["summary"]) in printed
    assert words(response["details"]) in printed
