"""Grouped packs, sections, batches over a date range, and writing that never half-finishes."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from caseworker.briefing import PackError, PackOptions, Section, assemble_pack, write_pack
from caseworker.jobs import Cancelled
from caseworker.services.briefing import BriefingService
from caseworker.services.dto import ChaseView, RevisionRequestView
from caseworker.services.petitions import PetitionNotFound
from caseworker.storage.engine import Database
from tests.unit.briefing.captures import populate
from tests.unit.briefing.conftest import PREPARED, outline_titles, page_files, text_of

JULY = (date(2025, 7, 1), date(2025, 7, 31))


def test_a_grouped_pack_has_one_cover_and_summary_and_a_part_each(
    service: BriefingService, tmp_path: Path
) -> None:
    # 700004 is listed for a week later: grouping it needs the debate's date (see
    # test_pack_text.py for the refusal without one).
    options = PackOptions(debate_date=date(2025, 7, 7))
    result = service.write_pack([700002, 700003, 700004], tmp_path / "grouped.pdf", options)
    reader = PdfReader(result.path)
    assert result.pages == len(reader.pages)
    assert result.reference == "PC-DB-20250707-700002+2"
    top = [title for depth, title in outline_titles(reader) if depth == 0]
    assert top[:4] == [
        "1 Summary",
        "2 e-petition 700002: Fund rural bus routes",
        "3 e-petition 700003: Cap bus fares at £2",
        "4 e-petition 700004: Protect Welsh-medium schools",
    ]
    assert top[4] == "5 Members whose constituents signed most"  # once, the three added up
    annexes = zip("ABC", (700002, 700003, 700004), strict=True)
    assert top[5:] == [f"Annex {x}: signatures by constituency, e-petition {i}" for x, i in annexes]
    assert (1, "2.2 Signatures") in outline_titles(reader)
    text = text_of(reader)
    assert "3 e-petitions are debated together, with 334,500 signatures between them." in text
    assert text.count("HOUSE OF COMMONS") == 1
    assert "120,500 signatures" in text and "104,000 signatures" in text


def test_only_the_chosen_sections_are_printed(service: BriefingService) -> None:
    pack = service.load_pack([700001], PackOptions(sections=frozenset({Section.RESPONSE})))
    out = BytesIO()
    write_pack(pack, out)
    reader = PdfReader(out)
    assert [t for d, t in outline_titles(reader) if d == 0] == ["1 The Government response"]
    assert len(reader.pages) == 2  # the cover and one page of response


def test_the_clerks_choices_override_what_the_site_says(service: BriefingService) -> None:
    options = PackOptions(member="Ann Davies", debate_date=date(2025, 7, 14), reference="X/1")
    pack = service.load_pack([700001], options)
    assert (pack.member, pack.debate_date, pack.reference) == (
        "Ann Davies",
        date(2025, 7, 14),
        "X/1",
    )
    out = BytesIO()
    write_pack(pack, out)
    text = text_of(PdfReader(out))
    assert "Monday 14 July 2025, 4.30pm, Westminster Hall" in text
    assert "Ann Davies MP is the Member for Caerfyrddin: 10,000 signatures, 3rd of 6" in text


def test_a_request_for_a_revised_response_is_printed_with_its_reasons_and_dates(
    service: BriefingService,
) -> None:
    detail = service.load_pack([700001]).petitions[0]
    request = RevisionRequestView(
        id=1, petition_id=700001, status="chased",
        reasons="It did not answer <the> request & more.",
        department="Department for Culture, Media and Sport", sent_on=date(2025, 3, 10),
        due_on=date(2025, 3, 31), chases=(ChaseView(1, date(2025, 4, 7), "phoned"),),
        response_version_id=detail.responses[0].id, response_responded_on=date(2025, 3, 1),
        revised_version_id=None, revised_responded_on=None, created_at=detail.updated_at,
        created_by="clerk", updated_at=detail.updated_at, updated_by="clerk", version=1,
    )  # fmt: skip
    revised = replace(detail, revision_requests=(request,))
    pack = assemble_pack([revised], PackOptions(), today=PREPARED)
    out = BytesIO()
    write_pack(pack, out)
    text = text_of(PdfReader(out))
    assert "The Committee’s request for a revised response of 10 March 2025" in text
    assert "Status Chased" in text and "Reply due 31 March 2025" in text
    assert "Chased 7 April 2025" in text
    assert "It did not answer <the> request & more." in text
    assert "the Committee asked for a revised response on 10 March 2025 (chased)" in text


def test_a_missing_petition_is_named(service: BriefingService, tmp_path: Path) -> None:
    with pytest.raises(PetitionNotFound, match="petition 123 is not in the database"):
        service.write_pack([700001, 123], tmp_path / "x.pdf")
    assert page_files(tmp_path) == []


def test_a_cancelled_export_leaves_the_old_file_and_no_partial_one(
    service: BriefingService, tmp_path: Path
) -> None:
    target = tmp_path / "pack.pdf"
    target.write_bytes(b"the previous pack")
    checks = iter(range(1000))
    with pytest.raises(Cancelled):
        service.write_pack([700001], target, cancelled=lambda: next(checks) > 20)
    assert target.read_bytes() == b"the previous pack"
    assert page_files(tmp_path) == ["pack.pdf"]


def test_a_missing_folder_is_named(service: BriefingService, tmp_path: Path) -> None:
    with pytest.raises(PackError, match="the folder .*nowhere does not exist"):
        service.write_pack([700001], tmp_path / "nowhere" / "pack.pdf")


def test_progress_is_reported_up_to_the_end(service: BriefingService, tmp_path: Path) -> None:
    reports: list[tuple[int, int, str]] = []
    service.write_pack([700001], tmp_path / "p.pdf", progress=lambda *r: reports.append(r))
    done, total, label = reports[-1]
    assert done == total > 0 and label.endswith("pages")


def test_debates_in_a_range_are_grouped_by_day_and_debate(
    database: Database, tmp_path: Path
) -> None:
    populate(database, tmp_path)
    service = BriefingService(database, today=lambda: PREPARED)
    groups = service.debates_between(*JULY)
    assert [(g.debate_date, g.petition_ids) for g in groups] == [
        (date(2025, 7, 7), (700001,)),
        (date(2025, 7, 7), (700002, 700003)),  # the same transcript: debated together
        (date(2025, 7, 14), (700004,)),
    ]
    (tmp_path / "out").mkdir()
    batch = service.write_batch(*JULY, tmp_path / "out")
    assert page_files(tmp_path / "out") == [
        "2025-07-07-briefing-700001.pdf",
        "2025-07-07-briefing-700002-700003.pdf",
        "2025-07-14-briefing-700004.pdf",
    ]
    grouped = PdfReader(tmp_path / "out" / "2025-07-07-briefing-700002-700003.pdf")
    assert "2 e-petitions are debated together" in text_of(grouped)
    assert [p.pages for p in batch.packs] == [len(PdfReader(p.path).pages) for p in batch.packs]


def test_a_range_that_ends_before_it_starts_is_refused(service: BriefingService) -> None:
    with pytest.raises(PackError, match="ends"):
        service.debates_between(date(2025, 8, 1), date(2025, 7, 1))
