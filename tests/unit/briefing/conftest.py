"""One imported database and one written pack per module: reading a PDF back is cheap,
writing and importing are not."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from caseworker.services.briefing import BriefingService
from caseworker.storage.engine import Database, open_database
from tests.unit.briefing.captures import populate

#: Packs are "prepared" on this day, so dates in them do not depend on when tests run.
PREPARED = date(2025, 7, 1)


@pytest.fixture(scope="module")
def briefing_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    folder = tmp_path_factory.mktemp("briefing-db")
    db = open_database(str(folder / "briefing.sqlite3"))
    populate(db, folder)
    yield db
    db.dispose()


@pytest.fixture(scope="module")
def service(briefing_db: Database) -> BriefingService:
    return BriefingService(briefing_db, today=lambda: PREPARED)


@pytest.fixture(scope="module")
def hostile_pdf(service: BriefingService, tmp_path_factory: pytest.TempPathFactory) -> PdfReader:
    path = tmp_path_factory.mktemp("packs") / "hostile.pdf"
    service.write_pack([700001], path)
    return PdfReader(path)


def text_of(reader: PdfReader) -> str:
    """All the text, with runs of white space made single spaces (lines wrap anywhere)."""
    return " ".join(" ".join(page.extract_text() or "" for page in reader.pages).split())


def outline_titles(reader: PdfReader) -> list[tuple[int, str]]:
    """(depth, title) for every bookmark, in order."""
    out: list[tuple[int, str]] = []

    def walk(items: list, depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                out.append((depth, item.title))

    walk(reader.outline, 0)
    return out


def page_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())
