"""What a briefing pack says: one debate per pack, what the Committee decided, how old the
data is (and no present tense from an old capture), earlier responses, links by what they
are, and the response's sign-off kept with its text. Real captures where they show it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from caseworker.briefing import PackError, PackOptions
from caseworker.briefing.blocks import kept_style
from caseworker.briefing.texts import response_paragraphs, transcript_label
from caseworker.importing.importer import import_paths
from caseworker.pdf import styles as s
from caseworker.services.briefing import BriefingService
from caseworker.storage.engine import Database, open_database
from tests.unit.briefing.captures import (
    RESPONSE_SUMMARY,
    SITE,
    TOTAL,
    breakdowns,
    populate_real,
)
from tests.unit.briefing.conftest import text_of
from tests.unit.importing.builders import attributes, petition_object, response, write_json

#: The day the issue's stale pack was "prepared".
LATER = date(2026, 12, 1)


@pytest.fixture(scope="module")
def real_db(tmp_path_factory: pytest.TempPathFactory, shared_data: Path) -> Iterator[Database]:
    db = open_database(str(tmp_path_factory.mktemp("real") / "real.sqlite3"))
    populate_real(db, shared_data)
    yield db
    db.dispose()


@pytest.fixture(scope="module")
def real(real_db: Database) -> BriefingService:
    return BriefingService(real_db, today=lambda: LATER)


def pages(service: BriefingService, ids: list[int], path: Path, **options: Any) -> list[str]:
    """The pack's text page by page, white space made single spaces."""
    service.write_pack(ids, path, PackOptions(**options))
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages]


# One debate per pack ------------------------------------------------------------------------


@pytest.mark.parametrize("ids", [[333693, 552017], [593775, 333693]])
def test_petitions_debated_on_different_days_are_refused_by_name_and_date(
    real: BriefingService, ids: list[int]
) -> None:
    with pytest.raises(PackError) as refused:
        real.load_pack(ids)
    message = str(refused.value)
    assert "not debated on the same day" in message
    assert "333693 on Monday 21 March 2022" in message
    other = {552017: "552017 on Monday 25 April 2022", 593775: "593775 on Monday 20 June 2022"}
    assert other[ids[0] if ids[0] != 333693 else ids[1]] in message
    assert "give the debate date" in message


def test_a_given_debate_date_makes_one_pack_that_names_the_petition_debated_elsewhere(
    real: BriefingService, tmp_path: Path
) -> None:
    text = pages(real, [333693, 552017], tmp_path / "one.pdf", debate_date=date(2022, 3, 21))
    cover = text[0]
    assert "Monday 21 March 2022, 4.30pm, Westminster Hall" in cover
    assert (
        "e-petition 552017 was debated on Monday 25 April 2022, not on the day of this debate"
        in cover
    )
    assert "Debated on Monday 25 April 2022, not on the day of this debate" in " ".join(text)


def test_petitions_of_one_day_still_make_one_pack_without_a_date(
    service: BriefingService,
) -> None:
    pack = service.load_pack([700002, 700003])
    assert pack.debate_date == date(2025, 7, 7)
    assert pack.other_days == ()


# What the Committee decided --------------------------------------------------------------


def test_a_petition_the_committee_decided_not_to_debate_says_so(
    real: BriefingService, tmp_path: Path
) -> None:
    """590282 (a bank holiday if England won Euro 2020): the Committee said no."""
    text = pages(real, [590282], tmp_path / "no.pdf")
    whole = " ".join(text)
    assert "Date not yet scheduled" not in whole
    assert (
        "Not debated: the Petitions Committee decided not to debate it (recorded on 15 July 2021)"
        in text[0]
    )
    assert "The Committee’s decision not to debate" in whole
    assert "The Committee considered the petition at its meeting on 13 July 2021" in whole
    assert "there is no debate to link to" in whole


# Old data -----------------------------------------------------------------------------------


def test_a_2019_capture_says_how_old_it_is_and_never_speaks_in_the_present(
    real: BriefingService, tmp_path: Path
) -> None:
    """241584 (Revoke Article 50), captured on 24 March 2019, packed on 1 December 2026."""
    text = pages(real, [241584], tmp_path / "old.pdf")
    whole = " ".join(text)
    assert "Data as at 24 March 2019" in text[0]
    assert "Data as at 24 March 2019" in text[1]  # the summary
    assert "No debate date had been set as at 24 March 2019" in text[0]
    assert (
        "As at 24 March 2019, no response had been published; it was due on 8 April 2019" in whole
    )
    assert "No Government response had been published as at 24 March 2019" in whole
    for present in ("has not yet responded", "Awaiting the Government response", "is open"):
        assert present not in whole
    assert "was still open then, so the count may have grown since" in whole


def test_current_data_keeps_the_present_tense(service: BriefingService, tmp_path: Path) -> None:
    """Captures from 6 July 2025, packed on 1 July 2025: nothing is said to be old."""
    text = " ".join(pages(service, [700001], tmp_path / "fresh.pdf"))
    assert "Data as at" not in text
    assert "The Government responded on 1 March 2025" in text


def test_counts_are_said_to_change_only_for_open_petitions(
    real: BriefingService, tmp_path: Path
) -> None:
    closed = " ".join(pages(real, [333693], tmp_path / "closed.pdf", sections="summary"))
    assert "change while a petition is open" not in closed
    assert "the petition had closed, so the count is final" in closed


def test_an_open_petitions_count_is_said_to_change(open_db: Database, tmp_path: Path) -> None:
    service = BriefingService(open_db, today=lambda: date(2025, 3, 2))
    text = " ".join(pages(service, [710001], tmp_path / "open.pdf", sections="summary"))
    assert "the petition is open, so the count will change" in text


# The response -------------------------------------------------------------------------------


def test_the_summary_quotes_the_responses_own_summary(
    service: BriefingService, tmp_path: Path
) -> None:
    text = pages(service, [700001], tmp_path / "quote.pdf", sections="summary")
    assert f"The response says “{RESPONSE_SUMMARY}”" in " ".join(text)


def test_an_earlier_response_is_dated_by_the_revision_that_replaced_it(
    open_db: Database, tmp_path: Path
) -> None:
    service = BriefingService(open_db, today=lambda: date(2025, 3, 2))
    text = " ".join(pages(service, [710001], tmp_path / "versions.pdf", sections="response"))
    assert (
        "Earlier version: the response of 10 January 2025, replaced by the response of "
        "20 February 2025"
    ) in text
    assert "shown on the site until" not in text


def test_a_short_last_paragraph_is_kept_with_the_one_before() -> None:
    body = s.styles().body
    flowables = response_paragraphs(
        "First paragraph.\r\n\r\nA long second paragraph.\r\n\r\nDepartment for Transport", body
    )
    assert len(flowables) == 2
    assert flowables[-1].text.endswith("A long second paragraph.<br/>Department for Transport")
    assert flowables[-1].style.allowWidows == 0 and flowables[-1].style.allowOrphans == 0
    longer = response_paragraphs(
        "One.\n\n" + "Two, a paragraph of text, not a sign-off. " * 3, body
    )
    assert len(longer) == 2


def test_site_text_has_no_widows_or_orphans() -> None:
    style = kept_style(s.styles().body)
    assert (style.allowWidows, style.allowOrphans) == (0, 0)


# Links --------------------------------------------------------------------------------------


def test_a_hansard_day_index_is_not_called_the_transcript(
    real: BriefingService, tmp_path: Path
) -> None:
    """594155 links to https://hansard.parliament.uk/commons/2021-11-22: the whole day."""
    text = " ".join(pages(real, [594155], tmp_path / "day.pdf", sections="links"))
    assert "Transcript of the debate" not in text
    assert "Hansard: the Commons sitting of 22 November 2021 (the day’s index" in text
    assert "Video of the debate (YouTube)" in text


def test_links_are_labelled_by_what_the_address_is() -> None:
    debate = "https://hansard.parliament.uk/commons/2022-03-21/debates/3A62/BadgerCulling"
    assert transcript_label(debate) == "Transcript of the debate (Hansard)"
    assert "day’s index" in transcript_label("https://hansard.parliament.uk/commons/2021-11-22")
    assert "as linked from" in transcript_label("https://example.org/transcript")


# A petition with two responses, captured while open -----------------------------------------


@pytest.fixture(scope="module")
def open_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    folder = tmp_path_factory.mktemp("open")
    db = open_database(str(folder / "open.sqlite3"))
    first = response("We will consider it.", "Not yet.", responded_on="2025-01-10")
    second = response("We have considered it.", "Done.", responded_on="2025-02-20")
    docs = [
        open_capture(20_000, "2025-01-15T12:00:00.000Z", first),
        open_capture(30_000, "2025-03-01T12:00:00.000Z", second),
    ]
    paths = [write_json(folder / f"{i}.json", doc) for i, doc in enumerate(docs)]
    summary = import_paths(db.engine, paths)
    assert summary.failed == 0, summary.failures
    yield db
    db.dispose()


def open_capture(count: int, updated_at: str, answer: dict[str, Any]) -> dict[str, Any]:
    """A capture of open petition 710001 with ``answer`` as its Government response."""
    attrs = attributes(
        state="open",
        signature_count=count,
        updated_at=updated_at,
        action="Keep rural post offices open",
        response_threshold_reached_at="2024-12-20T10:00:00.000Z",
        government_response=answer,
        closing_date="2025-06-10",
    )
    attrs.update(breakdowns(count, scale=count / TOTAL))
    attrs["other_parliamentary_business"] = []
    return {
        "links": {"self": f"{SITE}/petitions/710001.json"},
        "data": petition_object(710001, attrs),
    }


def test_text_of_is_used_for_whole_packs(hostile_pdf: PdfReader) -> None:
    """The shared pack of 700001 still reads: its business item is dated and printed."""
    text = text_of(hostile_pdf)
    assert "Westminster Hall debate on licensing" in text
    assert "MPs discussed licensing & <hours>." in text


def test_every_kind_of_paragraph_break_lets_the_page_break_there() -> None:
    from caseworker.briefing.blocks import paragraphs

    # CR CR (old Mac), U+2029 and CRLF CRLF each end a paragraph, not only LF LF.
    assert len(paragraphs("One.\r\rTwo.\u2029Three.\r\n\r\nFour.")) == 4
