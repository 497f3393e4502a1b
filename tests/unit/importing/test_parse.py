"""Parsing captures: every shape the site publishes, every field, and errors that name the field."""

from __future__ import annotations

import copy
import json
from datetime import UTC, date, datetime
from typing import Any

import pytest

from caseworker.domain import records as r
from caseworker.importing.fields import CaptureError
from caseworker.importing.parse import ParsedDocument, decode, parse_document
from tests.unit.importing import builders as b
from tests.unit.importing.tables import fixture


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def parse_fixture(name: str) -> tuple[ParsedDocument, str]:
    text = decode(fixture(name).read_bytes())
    return parse_document(text), text


def only(doc: ParsedDocument) -> r.PetitionCapture:
    assert len(doc.petitions) == 1
    return doc.petitions[0]


def parse_error(doc: Any) -> str:
    text = doc if isinstance(doc, str) else json.dumps(doc)
    with pytest.raises(CaptureError) as caught:
        parse_document(text)
    return str(caught.value)


# --- shapes ---------------------------------------------------------------------------------


def test_modern_single_every_field() -> None:
    doc, text = parse_fixture("modern_single.json")
    assert doc.shape == "petition"
    assert doc.topics == {} and doc.parliaments == []
    c = only(doc)
    assert c.id == 900101
    assert c.archived is False and c.parliament is None
    assert c.source_url == "https://petition.parliament.uk/petitions/900101.json"
    assert c.action == "Fund a public library in every town"
    assert c.background == "Libraries are closing across the country."
    # "" and null both mean "absent" (section 2 of the format reference).
    assert c.additional_details is None
    assert c.committee_note is None
    assert c.state == "closed"
    assert c.signature_count == 123456
    assert c.closing_date is None
    assert c.created_at == at("2024-09-01T10:00:00+00:00")
    assert c.updated_at == at("2025-02-01T12:00:00+00:00")
    assert c.updated_at.tzinfo is not None
    assert c.rejected_at is None
    assert c.opened_at == at("2024-09-10T09:00:00+00:00")
    assert c.closed_at == at("2025-03-10T23:59:59.999+00:00")
    assert c.moderation_threshold_reached_at == at("2024-09-02T11:30:00+00:00")
    assert c.response_threshold_reached_at == at("2024-10-01T08:15:00+00:00")
    assert c.government_response_at == at("2024-11-20T15:00:00+00:00")
    assert c.debate_threshold_reached_at == at("2024-12-01T20:45:00+00:00")
    assert c.debate_scheduled_on == date(2025, 1, 14)
    assert c.scheduled_debate_date == date(2025, 2, 3)
    assert c.debate_outcome_at == at("2025-02-04T10:00:00+00:00")
    assert c.creator_name is None
    assert c.rejection is None
    assert c.government_response == r.GovernmentResponse(
        summary="Local authorities have a duty to provide a comprehensive library service.",
        details="The Public Libraries and Museums Act 1964 places a duty on councils.\n\n"
        "Department for Culture, Media and Sport",
        responded_on=date(2024, 11, 20),
        created_at=at("2024-11-20T15:00:00+00:00"),
        updated_at=at("2024-11-21T09:00:00+00:00"),
    )
    assert c.debate == r.Debate(
        debated_on=date(2025, 2, 3),
        transcript_url="https://hansard.parliament.uk/commons/2025-02-03/debates/1/Libraries",
        video_url="https://parliamentlive.tv/event/index/1",
        debate_pack_url="https://commonslibrary.parliament.uk/research-briefings/cdp-2025-0001/",
        public_engagement_url=None,
        debate_summary_url=None,
        overview="MPs debated library funding.",
    )
    assert c.departments is not None
    assert [(d.acronym, d.name) for d in c.departments] == [
        ("DCMS", "Department for Culture, Media and Sport"),
        ("MHCLG", "Ministry of Housing, Communities and Local Government"),
    ]
    assert c.departments[0].url is not None and c.departments[0].url.startswith("https://www.gov")
    assert c.topics == ("culture", "local-government")
    assert c.breakdowns is not None
    assert c.breakdowns.countries == (
        r.CountryCount("British Antarctic Territory", "BAT", 1),
        r.CountryCount("France", "FR", 455),
        r.CountryCount("United Kingdom", "GB", 123000),
    )
    assert c.breakdowns.regions is not None
    assert [(x.ons_code, x.signature_count) for x in c.breakdowns.regions] == [
        ("H", 2500),
        ("J", 190),
        ("L", 310),
        ("M", 0),
    ]
    assert c.breakdowns.constituencies[2] == r.ConstituencyCount(
        "Edinburgh East and Musselburgh", "S14000081", None, 0
    )
    assert [x.ons_code for x in c.breakdowns.constituencies] == [
        "E14001063",
        "E14001290",
        "S14000081",
        "W07000099",
    ]
    assert c.other_business == (
        r.BusinessItem(
            subject="MPs to debate library funding",
            body="The Petitions Committee has scheduled a debate on 3 February.",
            occurred_on=date(2025, 1, 14),
            created_at=at("2025-01-14T16:00:00+00:00"),
            updated_at=at("2025-01-15T09:00:00+00:00"),
        ),
        r.BusinessItem(
            subject="Share your experiences of your local library",
            body="Tell MPs what your library means to you.",
            occurred_on=None,
            created_at=at("2024-12-10T12:00:00+00:00"),
            updated_at=at("2024-12-10T12:00:00+00:00"),
        ),
    )
    assert c.raw_json == text
    assert c.from_single_view is True
    assert c.is_demo is False


def test_list_page_items() -> None:
    doc, _ = parse_fixture("list_page.json")
    assert doc.shape == "list page"
    assert [c.id for c in doc.petitions] == [900101, 900102, 900103]
    closed, open_, rejected = doc.petitions
    for c in doc.petitions:
        assert c.breakdowns is None and c.other_business is None
        assert c.from_single_view is False
        assert c.source_url == f"https://petition.parliament.uk/petitions/{c.id}.json"
        assert json.loads(c.raw_json)["id"] == c.id
    assert closed.signature_count == 120000 and closed.debate is None
    assert closed.government_response is not None
    assert open_.state == "open"
    assert open_.closing_date == date(2025, 7, 1)
    assert open_.creator_name == "Gwenllian Ŵyn"
    assert open_.departments == () and open_.topics == ()
    assert rejected.rejection == r.Rejection(
        "irrelevant", "This is not a matter for the UK Government or Parliament."
    )
    assert rejected.opened_at is None
    assert rejected.rejected_at == at("2024-12-05T10:00:00+00:00")


def test_list_item_raw_json_is_the_item_itself() -> None:
    doc, text = parse_fixture("list_page.json")
    items = json.loads(text)["data"]
    for c, item in zip(doc.petitions, items, strict=True):
        assert json.loads(c.raw_json) == item
    # Non-ASCII stays readable in the kept JSON rather than being escaped.
    assert "Gwenllian Ŵyn" in doc.petitions[1].raw_json


def test_archived_single_with_parliament_offset() -> None:
    doc, text = parse_fixture("archived_single.json")
    assert doc.shape == "archived petition"
    c = only(doc)
    assert c.archived is True
    assert c.source_url == "https://petition.parliament.uk/archived/petitions/800201.json"
    assert c.parliament == r.Parliament(
        period="2019-2024",
        government="Conservative",
        # 00:01 BST on 30 May is 23:01 UTC on 29 May.
        dissolution_at=datetime(2024, 5, 29, 23, 1, tzinfo=UTC),
        response_threshold=10000,
        debate_threshold=100000,
    )
    assert c.parliament.dissolution_at is not None
    assert c.parliament.dissolution_at.utcoffset() is not None
    assert c.parliament.dissolution_at.utcoffset().total_seconds() == 0  # type: ignore[union-attr]
    assert c.closing_date is None and c.creator_name is None
    assert c.breakdowns is not None
    assert [x.name for x in c.breakdowns.constituencies] == ["Bath", "Aberavon"]
    assert all(x.mp is None for x in c.breakdowns.constituencies)
    assert c.other_business == ()
    assert c.from_single_view is True
    assert c.raw_json == text


def test_archived_list_page() -> None:
    doc, _ = parse_fixture("archived_list_page.json")
    assert doc.shape == "archived list page"
    assert [c.state for c in doc.petitions] == ["closed", "stopped"]
    assert all(c.archived for c in doc.petitions)
    assert all(c.parliament and c.parliament.period == "2019-2024" for c in doc.petitions)


def test_empty_archived_list_page_is_recognised_from_its_link() -> None:
    page = b.list_page([], archived=True)
    doc = parse_document(json.dumps(page))
    assert doc.shape == "archived list page"
    assert doc.petitions == []


def test_bare_archived_list_item() -> None:
    doc, text = parse_fixture("archived_list_item.json")
    assert doc.shape == "bare petition"
    c = only(doc)
    assert c.id == 30001
    assert c.archived is True
    assert c.parliament is None
    assert c.source_url == "https://petition.parliament.uk/archived/petitions/30001.json"
    assert c.background is None and c.additional_details is None
    # 2010-15 responses have an empty summary; the response is still there.
    assert c.government_response is not None
    assert c.government_response.summary == ""
    assert c.government_response.details == "We have no plans to ban fireworks."
    assert c.government_response.responded_on is None
    assert c.departments is None and c.topics is None
    assert c.breakdowns is None and c.other_business is None
    assert c.raw_json == text


def test_bare_current_petition_object() -> None:
    item = b.list_item(700123, state="open")
    c = only(parse_document(json.dumps(item)))
    assert (c.id, c.state, c.archived) == (700123, "open", False)


def test_array_of_petition_objects() -> None:
    items = [b.list_item(700001), b.list_item(700002, state="rejected")]
    doc = parse_document(json.dumps(items))
    assert doc.shape == "array of petitions"
    assert [c.id for c in doc.petitions] == [700001, 700002]


def test_empty_list_page() -> None:
    doc = parse_document(json.dumps(b.list_page([])))
    assert doc.shape == "list page" and doc.petitions == []


def test_capture_from_2015_with_open_at_and_countries_without_codes() -> None:
    doc, _ = parse_fixture("old_2015_single.json")
    c = only(doc)
    assert c.opened_at == at("2015-07-22T09:30:00+00:00")
    assert c.state == "open"
    assert c.breakdowns is not None
    assert c.breakdowns.countries == (
        r.CountryCount("Spain", None, 21),
        r.CountryCount("United Kingdom", None, 15300),
    )
    assert c.breakdowns.regions is None
    assert len(c.breakdowns.constituencies) == 2
    # Keys added later are absent, which is not the same as empty.
    assert c.departments is None and c.topics is None and c.other_business is None
    assert c.committee_note is None and c.response_threshold_reached_at is None
    assert c.debate_scheduled_on is None and c.closing_date is None
    assert c.additional_details is None
    assert c.government_response is not None
    assert c.government_response.responded_on is None
    assert c.government_response.summary == "Transport for London runs the night bus."


def test_opened_at_wins_when_both_names_are_present() -> None:
    doc = b.single(opened_at="2024-09-10T09:00:00.000Z", open_at="2010-01-01T00:00:00.000Z")
    assert only(parse_document(json.dumps(doc))).opened_at == at("2024-09-10T09:00:00+00:00")


def test_debate_scheduled_at_used_for_one_week_in_2025() -> None:
    doc = b.single(debate_scheduled_at="2025-11-20T10:00:00.000Z")
    del doc["data"]["attributes"]["debate_scheduled_on"]
    assert only(parse_document(json.dumps(doc))).debate_scheduled_on == date(2025, 11, 20)


def test_rejected_single_has_no_breakdowns() -> None:
    doc = b.single(700050, state="rejected")
    c = only(parse_document(json.dumps(doc)))
    assert c.breakdowns is None and c.other_business is None
    assert c.rejection == r.Rejection("duplicate", None)
    assert c.from_single_view is True


def test_unknown_rejection_code_kept_verbatim() -> None:
    doc = b.single(700051, state="rejected", rejection={"code": "no-reply", "details": ""})
    assert only(parse_document(json.dumps(doc))).rejection == r.Rejection("no-reply", None)


def test_states_beyond_the_public_three_are_accepted() -> None:
    for state in ("hidden", "stopped", "removed"):
        item = b.petition_object(1, b.attributes(state=state), archived=True)
        assert only(parse_document(json.dumps(item))).state == state


def test_null_lists_read_as_empty() -> None:
    doc = b.single(700060, departments=None, topics=None)
    c = only(parse_document(json.dumps(doc)))
    assert c.departments == () and c.topics == ()


def test_duplicate_topic_codes_collapse() -> None:
    doc = b.single(700061, topics=["health", "health", "nhs"])
    assert only(parse_document(json.dumps(doc))).topics == ("health", "nhs")


def test_extra_unknown_keys_are_ignored_but_kept_in_raw_json() -> None:
    doc = b.single(700062, some_future_field={"x": 1})
    text = json.dumps(doc)
    c = only(parse_document(text))
    assert '"some_future_field"' in c.raw_json


def test_topics_file() -> None:
    doc, _ = parse_fixture("topics.json")
    assert doc.shape == "topics"
    assert doc.petitions == []
    assert doc.topics == {
        "culture": "Culture, media and sport",
        "environment": "Environment and animal welfare",
        "local-government": "Local government",
    }


def test_parliaments_file() -> None:
    doc, _ = parse_fixture("parliaments.json")
    assert doc.shape == "parliaments"
    assert [p.period for p in doc.parliaments] == ["2019-2024", "2017-2019"]
    assert doc.parliaments[0].dissolution_at == datetime(2024, 5, 29, 23, 1, tzinfo=UTC)
    assert doc.parliaments[1].dissolution_at == datetime(2019, 11, 6, 0, 1, tzinfo=UTC)
    assert doc.parliaments[0].response_threshold == 10000
    assert doc.parliaments[0].debate_threshold == 100000


def test_single_parliament_file() -> None:
    one = dict(b.parliament("2017-2019"), constituencies={"E14000530": {"ons_code": "E14000530"}})
    doc = parse_document(json.dumps(one))
    assert doc.shape == "parliament"
    assert [p.period for p in doc.parliaments] == ["2017-2019"]


def test_byte_order_mark_is_tolerated() -> None:
    content = b"\xef\xbb\xbf" + fixture("modern_single.json").read_bytes()
    assert only(parse_document(decode(content))).id == 900101


def test_text_is_kept_exactly() -> None:
    c = only(parse_fixture("text_edge_cases.json")[0])
    assert c.action == "<b>Fish &amp; chips</b> for every town 🐟"
    assert c.background is not None
    assert "ŵ ŷ â" in c.background and "“curly”" in c.background
    assert "e\u0301" in c.background  # not normalised to é
    assert c.additional_details is not None
    assert "\u0007" in c.additional_details and "\u001b" in c.additional_details
    assert "\r\n" in c.additional_details and c.additional_details.endswith("trailing  ")
    assert "\U0001f3f4\U000e0067" in c.additional_details  # the Welsh flag, not mangled
    assert (
        c.committee_note == "**Markdown** _kept_ as [text](https://example.org) "
        "<script>alert(1)</script>"
    )
    assert c.creator_name == "Siân Ŵilliams-O’Brien"


# --- not captures ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("", "the file is empty"),
        ("  \n\t ", "the file is empty"),
        ('{"data": {"type": "petition", "id": 1, "attri', "truncated JSON"),
        ('{"data": [', "truncated JSON"),
        ("{'data': 1}", "not valid JSON"),
        ('{"data": 1,}', "not valid JSON"),
        ("<!DOCTYPE html><html><body>Gathering support</body></html>", "HTML"),
        ('"just a string"', "wrong shape"),
        ("42", "wrong shape"),
        ("null", "wrong shape"),
        ("{}", "wrong shape"),
        ('{"errors": [{"status": "404"}]}', "found keys errors"),
        ('{"type": "Topology", "arcs": []}', "wrong shape"),
    ],
)
def test_not_a_capture(content: str, expected: str) -> None:
    assert expected in parse_error(content)


def test_invalid_json_message_gives_line_and_column() -> None:
    message = parse_error('{\n  "data": [\n    1 2\n  ]\n}')
    assert message == "not valid JSON: Expecting ',' delimiter at line 3, column 7"


def test_raw_control_character_inside_a_string_is_invalid_json() -> None:
    # JSON requires control characters in strings to be escaped (\\u0007); the site does.
    message = parse_error('{"data": {"type": "petition", "id": 1, "x": "a\tb"}}')
    assert message == "not valid JSON: Invalid control character at line 1, column 47"


@pytest.mark.parametrize("cut", [10, 200, 1000, -40, -3, -1])
def test_truncated_anywhere_is_reported_as_truncated(cut: int) -> None:
    text = fixture("modern_single.json").read_text(encoding="utf-8").rstrip()
    assert parse_error(text[:cut]).startswith("truncated JSON")


def test_not_utf8() -> None:
    with pytest.raises(CaptureError) as caught:
        decode('{"action": "café"}'.encode("latin-1"))
    assert str(caught.value) == "not UTF-8 text (byte 0xe9 at offset 15)"


def test_utf16_is_not_utf8() -> None:
    with pytest.raises(CaptureError, match="not UTF-8"):
        decode('{"data": []}'.encode("utf-16"))


def test_lda_dump_is_rejected_as_another_format() -> None:
    lda = [
        {
            "_about": "http://data.parliament.uk/resources/104309",
            "created": {"_value": "2015-07-20T10:00:00Z"},
            "identifier": {"_value": "104309"},
            "label": {"_value": "Some petition"},
            "numberOfSignatures": 12,
            "status": "closed",
        }
    ]
    message = parse_error(lda)
    assert "[0] is not a petition object" in message and "_about" in message


def test_count_json_is_rejected() -> None:
    message = parse_error({"signature_count": 10, "debated": False})
    assert "count.json" in message


def test_trending_json_is_rejected() -> None:
    trending = {
        "links": {"self": "https://petition.parliament.uk/trending.json"},
        "data": [
            {
                "type": "petition",
                "id": 1,
                "links": {"self": "x"},
                "attributes": {"action": "a", "signature_count": 10},
            }
        ],
        "meta": {"updated_at": "2025-01-01T00:00:00.000Z"},
    }
    assert "trending.json" in parse_error(trending)


def test_deeply_nested_json_is_a_clear_error() -> None:
    assert "nested too deeply" in parse_error("[" * 100_000 + "]" * 100_000)


def test_number_with_too_many_digits_is_a_clear_error() -> None:
    message = parse_error('{"data": {"type": "petition", "id": ' + "9" * 5000 + "}}")
    assert message.startswith("not valid JSON")


# --- wrong values: the message names the field -----------------------------------------------


def mutate(doc: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    """Set (or with ``...`` delete) the value at a dotted path such as ``a.b[2].c``."""
    out = copy.deepcopy(doc)
    parts: list[str | int] = []
    for part in path.split("."):
        name, _, rest = part.partition("[")
        if name:
            parts.append(name)
        if rest:
            parts.extend(int(x) for x in rest.rstrip("]").split("]["))
    target: Any = out
    for key in parts[:-1]:
        target = target[key]
    if value is ...:
        del target[parts[-1]]
    else:
        target[parts[-1]] = value
    return out


BASE = b.single(
    700_100,
    government_response=b.response(),
    debate={
        "debated_on": "2025-02-03",
        "transcript_url": None,
        "video_url": None,
        "debate_pack_url": None,
        "public_engagement_url": None,
        "debate_summary_url": None,
        "overview": None,
    },
    rejection={"code": "duplicate", "details": None},
    departments=[{"acronym": "DfE", "name": "Department for Education", "url": None}],
    topics=["education"],
    business=[
        b.business_item("Debate", "Body", "2025-01-01T10:00:00.000Z", occurred_on="2025-01-01")
    ],
)
A = "data.attributes"


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        ("data.id", "700100", "data.id: expected a whole number, got the text '700100'"),
        ("data.id", True, "data.id: expected a whole number, got true"),
        ("data.id", 7.5, "data.id: expected a whole number, got 7.5"),
        ("data.id", 0, "data.id: 0 is out of range"),
        ("data.id", -3, "data.id: -3 is out of range"),
        ("data.id", ..., "data.id: missing"),
        ("data.id", None, "data.id: expected a whole number, got null"),
        ("data.type", "comment", "data.type: not a petition (type 'comment')"),
        ("data.type", ["petition"], "data.type: not a petition"),
        ("data.attributes", ..., "data.attributes: missing"),
        ("data.attributes", [], "data.attributes: expected an object, got a list of 0 items"),
        (f"{A}.signature_count", -1, f"{A}.signature_count: -1 is out of range (0 to"),
        (f"{A}.signature_count", True, f"{A}.signature_count: expected a whole number, got true"),
        (f"{A}.signature_count", False, f"{A}.signature_count: expected a whole number, got false"),
        (f"{A}.signature_count", "120", f"{A}.signature_count: expected a whole number, got the"),
        (f"{A}.signature_count", 1.5, f"{A}.signature_count: expected a whole number, got 1.5"),
        (f"{A}.signature_count", 2**31, f"{A}.signature_count: 2147483648 is out of range"),
        (f"{A}.signature_count", None, f"{A}.signature_count: expected a whole number, got null"),
        (f"{A}.signature_count", ..., f"{A}.signature_count: missing"),
        (f"{A}.state", "archived", f"{A}.state: 'archived' is not a petition state"),
        (f"{A}.state", "OPEN", f"{A}.state: 'OPEN' is not a petition state"),
        (f"{A}.state", 1, f"{A}.state: expected text, got 1"),
        (f"{A}.state", ..., f"{A}.state: missing"),
        (f"{A}.action", None, f"{A}.action: expected text, got null"),
        (f"{A}.action", ..., f"{A}.action: missing"),
        (f"{A}.background", 12, f"{A}.background: expected text or null, got 12"),
        (f"{A}.committee_note", False, f"{A}.committee_note: expected text or null, got false"),
        (f"{A}.creator_name", ["x"], f"{A}.creator_name: expected text or null, got a list"),
        (f"{A}.updated_at", "yesterday", f"{A}.updated_at: expected a timestamp such as"),
        (f"{A}.updated_at", None, f"{A}.updated_at: expected a timestamp"),
        (f"{A}.updated_at", ..., f"{A}.updated_at: missing"),
        (f"{A}.updated_at", 1700000000, f"{A}.updated_at: expected a timestamp such as"),
        (f"{A}.updated_at", "1066-10-14T09:00:00Z", f"{A}.updated_at: 1066-10-14 is out of range"),
        (f"{A}.created_at", "2024-13-01T00:00:00Z", f"{A}.created_at: expected a timestamp"),
        (f"{A}.opened_at", "2024-02-30T10:00:00.000Z", f"{A}.opened_at: expected a timestamp"),
        (f"{A}.closed_at", "9999-12-31T23:59:59Z", f"{A}.closed_at: 9999-12-31 is out of range"),
        (f"{A}.closing_date", "2025-02-30", f"{A}.closing_date: expected a date such as"),
        (f"{A}.scheduled_debate_date", "03/02/2025", f"{A}.scheduled_debate_date: expected a"),
        (f"{A}.debate_scheduled_on", 20250114, f"{A}.debate_scheduled_on: expected a date"),
        (f"{A}.government_response", "yes", f"{A}.government_response: expected an object"),
        (f"{A}.government_response.summary", 5, f"{A}.government_response.summary: expected"),
        (
            f"{A}.government_response.responded_on",
            "soon",
            f"{A}.government_response.responded_on: expected a date",
        ),
        (
            f"{A}.government_response.updated_at",
            "x",
            f"{A}.government_response.updated_at: expected a timestamp",
        ),
        (f"{A}.rejection", [], f"{A}.rejection: expected an object"),
        (f"{A}.rejection.code", ..., f"{A}.rejection.code: missing"),
        (f"{A}.rejection.code", None, f"{A}.rejection.code: expected text, got null"),
        (f"{A}.debate", 1, f"{A}.debate: expected an object, got 1"),
        (f"{A}.debate.debated_on", "last week", f"{A}.debate.debated_on: expected a date"),
        (f"{A}.debate.video_url", 5, f"{A}.debate.video_url: expected text or null, got 5"),
        (f"{A}.departments", "DfE", f"{A}.departments: expected a list, got the text 'DfE'"),
        (f"{A}.departments", False, f"{A}.departments: expected a list, got false"),
        (f"{A}.departments", {}, f"{A}.departments: expected a list, got an object"),
        (f"{A}.departments[0]", "DfE", f"{A}.departments[0]: expected an object"),
        (f"{A}.departments[0].name", ..., f"{A}.departments[0].name: missing"),
        (f"{A}.topics", "education", f"{A}.topics: expected a list"),
        (f"{A}.topics[0]", 1, f"{A}.topics[0]: expected a topic code, got 1"),
        (f"{A}.topics[0]", "", f"{A}.topics[0]: expected a topic code"),
        (f"{A}.signatures_by_country", 0, f"{A}.signatures_by_country: expected a list, got 0"),
        (f"{A}.signatures_by_country", "", f"{A}.signatures_by_country: expected a list"),
        (f"{A}.signatures_by_country[0]", "FR", f"{A}.signatures_by_country[0]: expected an"),
        (
            f"{A}.signatures_by_country[1].signature_count",
            "5",
            f"{A}.signatures_by_country[1].signature_count: expected a whole number",
        ),
        (f"{A}.signatures_by_country[1].name", ..., f"{A}.signatures_by_country[1].name: missing"),
        (
            f"{A}.signatures_by_constituency[3].signature_count",
            -5,
            f"{A}.signatures_by_constituency[3].signature_count: -5 is out of range",
        ),
        (
            f"{A}.signatures_by_constituency[0].mp",
            3,
            f"{A}.signatures_by_constituency[0].mp: expected text or null",
        ),
        (f"{A}.signatures_by_region", {"H": 1}, f"{A}.signatures_by_region: expected a list"),
        (
            f"{A}.signatures_by_region[0].signature_count",
            None,
            f"{A}.signatures_by_region[0].signature_count: expected a whole number, got null",
        ),
        (
            f"{A}.other_parliamentary_business",
            "none",
            f"{A}.other_parliamentary_business: expected a list",
        ),
        (
            f"{A}.other_parliamentary_business[0].subject",
            None,
            f"{A}.other_parliamentary_business[0].subject: expected text, got null",
        ),
        (
            f"{A}.other_parliamentary_business[0].occurred_on",
            "2025",
            f"{A}.other_parliamentary_business[0].occurred_on: expected a date",
        ),
        (
            f"{A}.other_parliamentary_business[0].created_at",
            "noon",
            f"{A}.other_parliamentary_business[0].created_at: expected a timestamp",
        ),
    ],
)
def test_wrong_value_names_the_field(path: str, value: Any, expected: str) -> None:
    message = parse_error(mutate(BASE, path, value))
    assert message.startswith(expected), message


def test_base_document_for_field_errors_is_valid() -> None:
    c = only(parse_document(json.dumps(BASE)))
    assert c.rejection is not None and c.debate is not None and c.other_business


def test_error_in_a_list_item_names_its_position() -> None:
    page = b.list_page([b.list_item(1), b.list_item(2), b.list_item(3, signature_count=-2)])
    assert parse_error(page).startswith("data[2].attributes.signature_count: -2 is out of range")


def test_error_in_an_array_item_names_its_position() -> None:
    items = [b.list_item(1), b.list_item(2, updated_at="soon")]
    assert parse_error(items).startswith("[1].attributes.updated_at: expected a timestamp")


def test_error_in_a_bare_object_has_no_leading_dot() -> None:
    item = b.petition_object(5, b.attributes(state="unknown"), archived=True)
    assert parse_error(item).startswith("attributes.state: 'unknown' is not a petition state")


def test_bad_parliament_is_named() -> None:
    doc = b.archived_single(600_002)
    doc["data"]["parliament"]["dissolution_at"] = "30 May 2024"
    assert parse_error(doc).startswith("data.parliament.dissolution_at: expected a timestamp")
    bare = b.petition_object(5, b.attributes(), archived=True, parliament={"government": "x"})
    assert parse_error(bare).startswith("parliament.period: missing")


def test_bad_parliaments_file_is_named() -> None:
    bad = [b.parliament("2019-2024"), b.parliament("2017-2019", dissolution_at="May 2017")]
    assert parse_error(bad).startswith("[1].dissolution_at: expected a timestamp")


def test_long_text_values_are_shortened_in_messages() -> None:
    message = parse_error(mutate(BASE, f"{A}.signature_count", "x" * 500))
    assert len(message) < 200 and "..." in message


def test_naive_and_offset_timestamps_become_utc() -> None:
    doc = mutate(BASE, f"{A}.updated_at", "2025-06-01T10:00:00+01:00")
    doc = mutate(doc, f"{A}.created_at", "2025-06-01T10:00:00")
    c = only(parse_document(json.dumps(doc)))
    assert c.updated_at == datetime(2025, 6, 1, 9, 0, tzinfo=UTC)
    assert c.created_at == datetime(2025, 6, 1, 10, 0, tzinfo=UTC)


# --- text no database can hold ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            '{"data": {"type": "petition", "id": 1, "attributes": {"action": "a\\u0000"}}}',
            "data.attributes.action: contains a NUL character",
        ),
        (
            '{"data": [{"attributes": {"x": 1}}, {"attributes": {"topics": ["ok", "\\udc00"]}}]}',
            "data[1].attributes.topics[1]: contains an unpaired surrogate escape (\\udc00)",
        ),
        ('{"attributes": {"\\ud800": 1}}', "attributes: a key contains an unpaired surrogate"),
        ('["\\ud83d"]', "[0]: contains an unpaired surrogate escape (\\ud83d)"),
        ('"\\u0000"', "the document: contains a NUL character"),
    ],
)
def test_nul_and_unpaired_surrogates_are_named(raw: str, expected: str) -> None:
    assert parse_error(raw).startswith(expected)


def test_first_bad_string_in_document_order_is_named() -> None:
    raw = '{"data": {"type": "petition", "id": 1, "attributes": {"a": "\\u0000", "b": "\\ud800"}}}'
    assert parse_error(raw).startswith("data.attributes.a:")


def test_surrogate_pairs_and_escaped_backslashes_are_fine() -> None:
    doc = b.single(700_200)
    text = json.dumps(doc).replace(
        '"Fund a library in every town"', '"\\ud83d\\ude00 and a literal \\\\u0000 and \\\\ud800"'
    )
    c = only(parse_document(text))
    assert c.action == "😀 and a literal \\u0000 and \\ud800"
