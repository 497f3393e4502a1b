"""A pack made from the Committee's record of a debate: the motion, who opens and who
responds, the clerk's summary, what the public told us, the parliamentary material and
related petitions; a grouped debate makes one grouped pack."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from caseworker.briefing import PackOptions, Section, parse_sections, write_pack
from caseworker.briefing.html_edition import pack_html
from caseworker.services.briefing import BriefingService
from caseworker.services.debates import DebateServices
from caseworker.services.debates.material import MaterialService
from caseworker.services.debates.views import (
    EngagementFindings,
    Quotation,
    ThemeFinding,
)
from caseworker.storage.engine import Database, open_database
from tests.unit.briefing.conftest import PREPARED, outline_titles, text_of
from tests.unit.debates.pack_story import EARLIER, EARLIER_TRANSCRIPT, LETTER, import_pack_story
from tests.unit.debates.story import DEBATED, SEND, TRAINING

MONDAY = date(2025, 7, 14)
MINISTER = "Catherine McKinnell MP, Minister for School Standards"
SUMMARY = "Both petitions ask for training for staff who teach neurodivergent pupils."
FINDINGS = EngagementFindings(
    title="Survey of teachers and parents", ran_on="Citizen Space", opens_on=date(2025, 6, 2),
    closes_on=date(2025, 6, 16), member="Jane Smith MP", link="https://example.org/findings",
    responses=2314,
    themes=(
        ThemeFinding("Training is too short", "Most said training lasts an afternoon.", 812, (
            Quotation("We had one hour on autism in a year.", "Teacher, Leeds", may_quote=True),
            Quotation("Do not print this sentence.", "Teacher, York", may_quote=False),
        )),
        ThemeFinding("Cost to schools", "Schools would have to pay.", 240, ()),
    ),
    other_quotations=(Quotation("Her course changed everything.", "Parent, Kent", True),),
)  # fmt: skip


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    folder = tmp_path_factory.mktemp("debate-pack")
    database = open_database(str(folder / "pack.sqlite3"))
    import_pack_story(database, folder)
    yield database
    database.dispose()


@pytest.fixture(scope="module")
def debate_id(db: Database) -> int:
    services = DebateServices.open(db, "alice")
    debate = services.debates.schedule(
        [TRAINING, SEND], day=MONDAY, opening_member="Jane Smith", minister=MINISTER
    )
    services.debates.update(debate.id, debate.version, summary=SUMMARY)
    material = MaterialService(db, "alice")
    material.accept(debate.id, material.suggest(debate.id))
    material.add(debate.id, "written_question", "Teacher training: neurodiversity (UIN 12345)",
                 published_on="2025-05-02", note="Answered by the schools Minister.")  # fmt: skip
    material.add(debate.id, "press", "Schools Week on SEND training", link="https://example.org/p")
    return debate.id


@pytest.fixture(scope="module")
def service(db: Database) -> BriefingService:
    return BriefingService(db, today=lambda: PREPARED)


@pytest.fixture(scope="module")
def reader(
    service: BriefingService, debate_id: int, tmp_path_factory: pytest.TempPathFactory
) -> PdfReader:
    pack = dataclasses.replace(service.load_pack_for_debate(debate_id), engagement=FINDINGS)
    path = tmp_path_factory.mktemp("packs") / "debate.pdf"
    write_pack(pack, path)
    return PdfReader(path)


def test_a_grouped_debate_makes_one_grouped_pack(service: BriefingService, debate_id: int) -> None:
    pack = service.load_pack_for_debate(debate_id)
    assert pack.ids == (TRAINING, SEND)
    assert pack.grouped and pack.debate_date == MONDAY
    assert pack.member == "Jane Smith MP"
    assert pack.reference == f"PC-DB-20250714-{TRAINING}+1"


def test_the_debate_record_is_in_the_pack(reader: PdfReader) -> None:
    text = text_of(reader)
    motion = (
        f"That this House has considered e-petitions {TRAINING} and {SEND} relating to make "
        "neurodiversity training mandatory for all education staff."
    )
    assert motion in text
    assert f"on the motion “{motion}”" in text  # the summary's opening, as a Library pack's
    assert f"Responding Minister {MINISTER} (Department for Education)" in text  # the cover
    assert "Opening Member Jane Smith MP" in text
    assert SUMMARY in text


def test_what_the_public_told_us_prints_only_quotable_quotations(reader: PdfReader) -> None:
    text = text_of(reader)
    assert "Survey of teachers and parents: 2,314 responses" in text
    assert "Training is too short (812 responses)" in text
    assert "Cost to schools (240 responses)" in text
    assert "“We had one hour on autism in a year.”" in text
    assert "“Her course changed everything.”" in text
    assert "Do not print this sentence" not in text
    assert "1 other quotation the Committee holds are not printed" not in text
    assert "1 other quotation the Committee holds is not printed" in text


def test_material_by_kind_and_related_petitions(reader: PdfReader) -> None:
    text = text_of(reader)
    titles = [title for _depth, title in outline_titles(reader)]
    assert f"Debate on e-petition {EARLIER}" in text and EARLIER_TRANSCRIPT in text
    assert LETTER in text and "Teacher training: neurodiversity (UIN 12345)" in text
    assert "Answered by the schools Minister." in text
    assert "5 Related petitions" in titles
    related = text[text.index("5 Related petitions The stored") :]
    assert str(EARLIER) in related[: related.index("6 Parliamentary material Material")]
    # The sections come in the briefing's order, engagement after the material.
    assert titles.index("2 The debate") < titles.index("5 Related petitions")
    assert titles.index("6 Parliamentary material") < titles.index("7 What the public told us")


def test_material_headings_follow_the_kinds_order(reader: PdfReader) -> None:
    titles = [title for _depth, title in outline_titles(reader)]
    kinds = [t.split(" ", 1)[1] for t in titles if t.startswith("6.")]
    assert kinds == [
        "Previous debates", "Written questions", "Statements",
        "Committee reports and correspondence", "Press",
    ]  # fmt: skip


def test_no_engagement_recorded_is_said_and_sections_can_be_left_out(
    service: BriefingService, debate_id: int, tmp_path: Path
) -> None:
    pack = service.load_pack_for_debate(debate_id)
    assert pack.engagement is None
    html = pack_html(pack)
    assert "No public engagement was recorded for this debate." in html
    assert "Summary from the Committee staff" in html
    chosen = parse_sections("summary,debate,material")
    assert Section.MATERIAL in chosen
    short = service.load_pack_for_debate(debate_id, PackOptions(sections=chosen))
    assert short.related == () and short.engagement is None
    path = tmp_path / "short.pdf"
    write_pack(short, path)
    titles = [title for _depth, title in outline_titles(PdfReader(path))]
    assert titles[:3] == ["1 Summary", "2 The debate", "2.1 Summary from the Committee staff"]
    assert "Related petitions" not in " ".join(titles)
    assert "5 Parliamentary material" in titles


def test_a_pack_for_chosen_petitions_has_no_debate_sections(service: BriefingService) -> None:
    html = pack_html(service.load_pack([TRAINING]))
    for title in ("The debate", "Related petitions", "Parliamentary material", "What the public"):
        assert f"> {title}" not in html and f"{title}</h2>" not in html


def test_batches_use_the_records_then_site_only_debates(tmp_path: Path) -> None:
    db = open_database(str(tmp_path / "batch.sqlite3"))
    import_pack_story(db, tmp_path)
    services = DebateServices.open(db, "alice")
    held = services.debates.for_petition(DEBATED)
    # A debate known only from the site: no record of it (the import made one; gone here).
    for record in held:
        services.debates.delete(record.id, record.version)
    ours = services.debates.schedule([TRAINING, SEND], day=MONDAY, minister=MINISTER)
    service = BriefingService(db, today=lambda: PREPARED)
    groups = service.debates_between(date(2025, 7, 1), date(2025, 7, 31))
    assert [(g.debate_date, g.petition_ids, g.debate_id) for g in groups] == [
        (date(2025, 7, 7), (DEBATED,), None),
        (MONDAY, (TRAINING, SEND), ours.id),
    ]
    options = PackOptions(sections=parse_sections("summary,debate,material"))
    batch = service.write_batch(date(2025, 7, 1), date(2025, 7, 31), tmp_path, options)
    assert [p.petition_ids for p in batch.packs] == [(DEBATED,), (TRAINING, SEND)]
    grouped = text_of(PdfReader(batch.packs[1].path))
    assert MINISTER in grouped and "Parliamentary material" in grouped
    site_only = text_of(PdfReader(batch.packs[0].path))
    assert "Jane Smith MP" in site_only and "Parliamentary material" not in site_only
    db.dispose()
