"""Issue 13: a debate's public engagement: the call, responses imported from a survey tool's
CSV, themes and tags, quotations, and the findings the pack prints."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from caseworker.jobs import Cancelled
from caseworker.services.casework.common import CaseworkError, Clock, EditConflict
from caseworker.services.debates import DebateServices
from caseworker.services.debates.engagement import EngagementService
from caseworker.services.debates.engagement_csv import read_date
from caseworker.services.debates.engagement_views import ImportReport
from caseworker.storage.casework_models import AuditEvent
from caseworker.storage.engine import Database
from tests.unit.casework.story import MovableClock
from tests.unit.debates.story import SEND, TRAINING

MONDAY = date(2025, 7, 14)
SURVEY = (
    "Response ID,Submitted,Your experience,Postcode area\n"
    "1,12/05/2025 09:14,My son waited two years for an assessment.,Leeds\n"
    '2,2025-05-13T18:02:00Z,"Teachers were kind, but nobody had training.",Bristol\n'
    '3,14/05/2025,"Training made the difference.\nOur school changed after it.",York\n'
    "4,15 May 2025,,Leeds\n"
    "5,,The SENCO was overwhelmed.,\n"
)


def write(tmp_path: Path, text: str, name: str = "responses.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


@pytest.fixture
def service(stored: Database, clock: MovableClock) -> EngagementService:
    return EngagementService(stored, "alice", Clock(now=clock))


@pytest.fixture
def debate_id(alice: DebateServices) -> int:
    return alice.debates.schedule([TRAINING, SEND], day=MONDAY).id


@pytest.fixture
def called(service: EngagementService, debate_id: int) -> int:
    service.save_call(debate_id, title="Share your experiences of SEND training",
                      ran_on="the House of Commons website", opens_on=date(2025, 5, 10),
                      closes_on=date(2025, 5, 30), member="Jane Smith MP",
                      link="https://committees.parliament.uk/x")  # fmt: skip
    return debate_id


def survey(service: EngagementService, debate_id: int, path: Path) -> ImportReport:
    return service.import_csv(debate_id, path, text_column="your experience",
                              date_column="Submitted", location_column="Postcode area")  # fmt: skip


def import_survey(service: EngagementService, debate_id: int, tmp_path: Path) -> None:
    report = survey(service, debate_id, write(tmp_path, SURVEY))
    assert report.stored == 4, report.lines()


def test_the_call_is_recorded_then_changed_with_its_version(
    service: EngagementService, debate_id: int, stored: Database
) -> None:
    assert service.get(debate_id) is None
    assert service.findings(debate_id) is None
    call = service.save_call(
        debate_id, title="  Share your  experiences ", opens_on=date(2025, 5, 10)
    )
    assert (call.title, call.version, call.responses) == ("Share your experiences", 1, 0)
    changed = service.save_call(debate_id, title=call.title, declared_responses=1_204,
                                expected_version=call.version)  # fmt: skip
    assert (changed.version, changed.responses, changed.opens_on) == (2, 1_204, None)
    with pytest.raises(EditConflict, match="changed by alice"):
        service.save_call(debate_id, title="Stale", expected_version=1)
    with stored.sessions() as session:
        petitions = set(session.scalars(
            select(AuditEvent.petition_id).where(AuditEvent.subject == "engagement")
        ))  # fmt: skip
    assert petitions == {TRAINING, SEND}


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"title": " "}, "title", "needs a title"),
        ({"opens_on": date(2025, 5, 30), "closes_on": date(2025, 5, 10)}, "closes_on",
         "cannot close (10 May 2025) before it opens (30 May 2025)"),
        ({"link": "javascript:alert(1)"}, "link", "must be a web address"),
        ({"declared_responses": -1}, "declared_responses", "from 0 to"),
    ],
)  # fmt: skip
def test_a_call_is_refused_by_field(
    service: EngagementService, debate_id: int, fields: dict[str, object], field: str, message: str
) -> None:
    with pytest.raises(CaseworkError, match=message.replace("(", r"\(").replace(")", r"\)")) as e:
        service.save_call(debate_id, **{"title": "Call", **fields})  # type: ignore[arg-type]
    assert e.value.field == field
    assert service.get(debate_id) is None


def test_import_reads_dates_places_multiline_answers_and_reports_empty_rows(
    service: EngagementService, called: int, tmp_path: Path
) -> None:
    report = survey(service, called, write(tmp_path, SURVEY))
    assert (report.stored, report.rows_read, report.empty, report.refused) == (4, 5, (6,), False)
    assert report.lines()[0] == "4 responses imported from responses.csv (5 rows read, UTF-8)."
    rows = service.responses(called)
    assert [(r.responded_on, r.location, r.source) for r in rows] == [
        (date(2025, 5, 12), "Leeds", "responses.csv line 2"),
        (date(2025, 5, 13), "Bristol", "responses.csv line 3"),
        (date(2025, 5, 14), "York", "responses.csv line 4"),
        (None, "", "responses.csv line 7"),
    ]
    assert rows[2].body == "Training made the difference.\nOur school changed after it."
    assert service.get(called).imported == 4  # type: ignore[union-attr]


def test_a_bad_row_stores_nothing_unless_bad_rows_are_skipped(
    service: EngagementService, called: int, tmp_path: Path
) -> None:
    lines = ["Text,Date"] + [f"Answer {n},0{n}/06/2025" for n in range(1, 10)]
    lines[5] = "Answer 5,31/02/2025"
    lines[7] = "Answer 7,06/13/2025"
    lines.append('Too,many,"values"')
    path = write(tmp_path, "\n".join(lines) + "\n", "export.csv")
    report = service.import_csv(called, path, text_column="Text", date_column="Date")
    assert report.refused and report.stored == 0
    assert report.bad == (
        "line 6: the date '31/02/2025' is not a date",
        "line 8: the date '06/13/2025' has no month 13: dates with / are read day first "
        "(DD/MM/YYYY)",
        "line 11: 3 values where the header names 2 columns",
    )
    assert report.lines()[0].startswith("Nothing imported from export.csv: 3 rows cannot be")
    assert service.count_responses(called) == 0
    kept = service.import_csv(called, path, text_column="Text", date_column="Date", skip_bad=True)
    assert (kept.stored, kept.refused, len(kept.bad)) == (7, False, 3)
    assert service.count_responses(called) == 7


def test_the_same_file_twice_adds_only_the_new_rows(
    service: EngagementService, called: int, tmp_path: Path
) -> None:
    import_survey(service, called, tmp_path)
    later = write(tmp_path, SURVEY + "6,16/05/2025,A new answer.,Hull\n", "later.csv")
    report = survey(service, called, later)
    assert (report.stored, report.duplicates) == (1, 4)
    assert service.count_responses(called) == 5


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "responses.csv is not a CSV file the import can read: it is empty"),
        (b"PK\x03\x04\x00\x00binary", "it holds binary data"),
        (b"A,B\n\x81\x8d\x8f,x\n", "neither UTF-8 nor Windows"),
        (b'Text,Date\n"unterminated,x\n', "line 2"),
    ],
)
def test_a_file_that_is_not_csv_is_named(
    service: EngagementService, called: int, tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "responses.csv"
    path.write_bytes(content)
    with pytest.raises(CaseworkError, match=message) as refused:
        service.import_csv(called, path, text_column="Text")
    assert refused.value.field == "file"


def test_an_unknown_column_is_named_with_the_columns_found(
    service: EngagementService, called: int, tmp_path: Path
) -> None:
    path = write(tmp_path, SURVEY)
    with pytest.raises(CaseworkError) as refused:
        service.import_csv(called, path, text_column="Your experience", date_column="When")
    assert str(refused.value) == (
        "responses.csv has no column 'When'; its columns are 'Response ID', 'Submitted', "
        "'Your experience', 'Postcode area'"
    )
    assert refused.value.field == "date_column"


def test_windows_encoded_semicolon_files_and_a_byte_order_mark(
    service: EngagementService, called: int, tmp_path: Path
) -> None:
    text = "Réponse;Lieu\n“Can’t get support” – 5 years;Cardiff\n"
    path = write(tmp_path, text, "excel.csv", "cp1252")
    preview = service.csv_columns(path)
    assert (preview.columns, preview.encoding) == (("Réponse", "Lieu"), "Windows (cp1252)")
    assert preview.rows == (("“Can’t get support” – 5 years", "Cardiff"),)
    report = service.import_csv(called, path, text_column="Réponse", location_column="Lieu")
    assert report.stored == 1
    bom = write(tmp_path, "\ufeffText\nHello\n", "bom.csv")
    assert service.csv_columns(bom).columns == ("Text",)
    unicode_text = write(
        tmp_path, "\ufeffText\tPlace\nBonjour\tCardiff\n", "excel.txt", "utf-16-le"
    )
    preview = service.csv_columns(unicode_text)
    assert (preview.encoding, preview.columns, preview.rows) == (
        "UTF-16", ("Text", "Place"), (("Bonjour", "Cardiff"),),
    )  # fmt: skip


def test_an_import_before_the_call_is_refused(
    service: EngagementService, debate_id: int, tmp_path: Path
) -> None:
    with pytest.raises(CaseworkError, match="record the call first"):
        service.import_csv(debate_id, write(tmp_path, SURVEY), text_column="Your experience")


def test_a_cancelled_import_stores_nothing(
    service: EngagementService, called: int, tmp_path: Path
) -> None:
    body = "Text\n" + "".join(f"Answer {n}\n" for n in range(1_200))
    heard: list[int] = []

    def progress(done: int, total: int, label: str) -> None:
        heard.append(done)

    with pytest.raises(Cancelled):
        service.import_csv(called, write(tmp_path, body), text_column="Text",
                           progress=progress, cancelled=lambda: len(heard) >= 2)  # fmt: skip
    assert heard == [0, 500] and service.count_responses(called) == 0


def test_themes_tags_counts_and_filters_in_sql(
    service: EngagementService, called: int, tmp_path: Path
) -> None:
    import_survey(service, called, tmp_path)
    ids = [r.id for r in service.responses(called)]
    waits = service.add_theme(called, "Waiting for assessment")
    training = service.add_theme(called, "Training")
    with pytest.raises(CaseworkError, match="already a theme 'Training'"):
        service.add_theme(called, " training ")
    tagged = service.tag([ids[0], ids[3]], waits.id)
    assert [r.themes for r in tagged] == [("Waiting for assessment",), ("Waiting for assessment",)]
    service.tag([ids[1], ids[2], ids[3]], training.id)
    service.tag([ids[1]], training.id)  # again: no change
    counts = {t.name: t.count for t in service.themes(called)}
    assert counts == {"Waiting for assessment": 2, "Training": 3}
    assert [r.id for r in service.responses(called, theme_id=training.id)] == ids[1:]
    assert service.count_responses(called, untagged=True) == 0
    service.untag([ids[0]], waits.id)
    assert [r.id for r in service.responses(called, untagged=True)] == [ids[0]]
    assert [r.id for r in service.responses(called, search="TRAINING")] == ids[1:3]
    assert [r.id for r in service.responses(called, search="leeds son")] == [ids[0]]
    assert service.responses(called, search="100%") == []
    assert [r.id for r in service.responses(called, offset=1, limit=2)] == ids[1:3]
    renamed = service.rename_theme(training.id, "Staff training")
    assert (renamed.name, renamed.count) == ("Staff training", 3)
    assert [t.name for t in service.reorder_themes(called, [training.id, waits.id])] == [
        "Staff training", "Waiting for assessment",
    ]  # fmt: skip


def test_responses_of_another_debate_cannot_take_a_theme(
    service: EngagementService, called: int, alice: DebateServices, tmp_path: Path
) -> None:
    import_survey(service, called, tmp_path)
    other = alice.debates.schedule([700143], day=date(2025, 7, 21)).id
    service.save_call(other, title="Another call")
    theme = service.add_theme(other, "Elsewhere")
    first = service.responses(called)[0].id
    with pytest.raises(CaseworkError, match=f"Response {first} is not one of"):
        service.tag([first], theme.id)


def test_findings_rank_themes_and_file_quotations(
    service: EngagementService, called: int, tmp_path: Path
) -> None:
    import_survey(service, called, tmp_path)
    rows = service.responses(called)
    waits = service.add_theme(called, "Waiting", "Long waits for an assessment")
    training = service.add_theme(called, "Training")
    service.add_theme(called, "Unused")
    service.tag([rows[0].id], waits.id)
    service.tag([r.id for r in rows[1:3]], training.id)
    quote = service.add_quote(called, "", response_id=rows[0].id, theme_id=waits.id)
    assert (quote.body, quote.source, quote.may_quote, quote.theme) == (
        "My son waited two years for an assessment.",
        "Survey response, Leeds, 12 May 2025", False, "Waiting",
    )  # fmt: skip
    service.update_quote(quote.id, may_quote=True, source="A parent, Leeds")
    service.add_quote(called, "Nobody had training.", source="A teacher", theme_id=training.id)
    service.add_quote(called, "Thank you for asking.", may_quote=True)
    findings = service.findings(called)
    assert findings is not None
    assert (findings.title, findings.responses, findings.member) == (
        "Share your experiences of SEND training", 4, "Jane Smith MP",
    )  # fmt: skip
    assert [(t.name, t.count) for t in findings.themes] == [("Training", 2), ("Waiting", 1)]
    assert findings.themes[1].description == "Long waits for an assessment"
    assert [(q.body, q.source, q.may_quote) for q in findings.themes[1].quotations] == [
        ("My son waited two years for an assessment.", "A parent, Leeds", True)
    ]
    assert [q.body for q in findings.other_quotations] == ["Thank you for asking."]
    view = service.get(called)
    assert view is not None
    service.save_call(called, title=view.title, declared_responses=1_204,
                      expected_version=view.version)  # fmt: skip
    assert service.findings(called).responses == 1_204  # type: ignore[union-attr]
    service.delete_theme(training.id)
    after = service.findings(called)
    assert after is not None and [t.name for t in after.themes] == ["Waiting"]
    assert [q.body for q in after.other_quotations] == [
        "Nobody had training.", "Thank you for asking.",
    ]  # fmt: skip


def test_a_quotation_needs_words_and_a_theme_of_its_own_debate(
    service: EngagementService, called: int
) -> None:
    with pytest.raises(CaseworkError, match="needs its words") as refused:
        service.add_quote(called, "  ")
    assert refused.value.field == "body"
    quote = service.add_quote(called, "Words.")
    service.delete_quote(quote.id)
    assert service.quotes(called) == []


def test_clearing_responses_removes_their_tags(
    service: EngagementService, called: int, tmp_path: Path
) -> None:
    import_survey(service, called, tmp_path)
    theme = service.add_theme(called, "Training")
    service.tag([r.id for r in service.responses(called)], theme.id)
    assert service.clear_responses(called) == 4
    assert service.themes(called)[0].count == 0 and service.count_responses(called) == 0


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2025-05-13T23:30:00Z", date(2025, 5, 14)),  # 00:30 in London
        ("2025-05-13 18:02:11", date(2025, 5, 13)),
        ("13/05/2025, 18:02", date(2025, 5, 13)),
        ("13 May 2025", date(2025, 5, 13)),
        ("  ", None),
    ],
)
def test_survey_dates(text: str, day: date | None) -> None:
    assert read_date(text) == day


@pytest.mark.parametrize("text", ["2025-02-30 10:00", "yesterday", "31/04/2025"])
def test_not_dates(text: str) -> None:
    with pytest.raises(ValueError, match="is not a date"):
        read_date(text)
