"""The stand-in site itself: shapes, links, 304s, every fault, the log and the changes.

Every request here goes to 127.0.0.1 (the fixture's own server).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from email.utils import format_datetime, parsedate_to_datetime

import httpx
import pytest

from tests.site.fixtures import fake_site  # noqa: F401
from tests.site.petitions import last_modified
from tests.site.server import FakeSite


@pytest.fixture
def client(fake_site: FakeSite) -> Iterator[httpx.Client]:  # noqa: F811
    with httpx.Client(base_url=fake_site.base, timeout=5) as c:
        yield c


def _when(text: str) -> datetime:
    return datetime.fromisoformat(text)


# --- list pages -------------------------------------------------------------------------


def test_list_pages_follow_the_site_envelope_and_links(
    fake_site: FakeSite,  # noqa: F811
    client: httpx.Client,
) -> None:
    for n in range(120):
        fake_site.add(state="closed", signature_count=1000 + n)
    base = fake_site.base

    first = client.get("/petitions.json?state=all&count=50")
    second = client.get("/petitions.json?state=all&count=50&page=2")
    last = client.get("/petitions.json?count=50&state=all&page=3")

    assert first.status_code == 200
    assert first.headers["content-type"] == "application/json; charset=utf-8"
    assert first.headers["cache-control"] == "public, max-age=60"
    assert first.json()["links"] == {
        "self": f"{base}/petitions.json?state=all&count=50",
        "first": f"{base}/petitions.json?count=50&state=all",
        "last": f"{base}/petitions.json?count=50&page=3&state=all",
        "next": f"{base}/petitions.json?count=50&page=2&state=all",
        "prev": None,
    }
    assert second.json()["links"]["prev"] == f"{base}/petitions.json?count=50&state=all"
    assert last.json()["links"]["next"] is None
    assert [len(r.json()["data"]) for r in (first, second, last)] == [50, 50, 20]
    item = first.json()["data"][0]
    assert item["type"] == "petition"
    assert item["links"] == {"self": f"{base}/petitions/{item['id']}.json"}
    assert "signatures_by_country" not in item["attributes"]
    assert "other_parliamentary_business" not in item["attributes"]


def test_state_all_orders_by_count_then_newest_first(
    fake_site: FakeSite,  # noqa: F811
    client: httpx.Client,
) -> None:
    now = fake_site.now
    fake_site.add(1, signature_count=10, created_at=now - timedelta(days=9))
    fake_site.add(2, signature_count=500)
    fake_site.add(3, signature_count=10, created_at=now - timedelta(days=3))
    fake_site.add(4, state="rejected", signature_count=2)

    ids = [item["id"] for item in client.get("/petitions.json?state=all").json()["data"]]
    assert ids == [2, 3, 1, 4]
    assert [i["id"] for i in client.get("/petitions.json?state=rejected").json()["data"]] == [4]


def test_count_defaults_to_25_and_stops_at_50(
    fake_site: FakeSite,  # noqa: F811
    client: httpx.Client,
) -> None:
    for _ in range(60):
        fake_site.add()
    assert len(client.get("/petitions.json").json()["data"]) == 25
    assert len(client.get("/petitions.json?count=500").json()["data"]) == 50


def test_a_page_past_the_end_is_empty_and_an_empty_site_has_one_page(
    fake_site: FakeSite,  # noqa: F811
    client: httpx.Client,
) -> None:
    empty = client.get("/petitions.json?state=all").json()
    assert empty["data"] == []
    assert empty["links"]["first"] == empty["links"]["last"]
    fake_site.add()
    assert client.get("/petitions.json?state=all&page=7").json()["data"] == []


def test_an_unknown_state_redirects_to_state_all(client: httpx.Client) -> None:
    answer = client.get("/petitions.json?state=nonsense&count=50")
    assert answer.status_code == 302
    assert answer.headers["location"].endswith("/petitions.json?count=50&state=all")


# --- single views, Last-Modified and 304 --------------------------------------------------


def test_single_view_has_consistent_breakdowns_and_the_petitions_headers(
    fake_site: FakeSite,  # noqa: F811
    client: httpx.Client,
) -> None:
    petition = fake_site.add(700_123, signature_count=54_321)

    answer = client.get("/petitions/700123.json")

    assert answer.status_code == 200
    assert answer.headers["cache-control"] == "public, max-age=60"
    document = answer.json()
    assert document["links"] == {"self": f"{fake_site.base}/petitions/700123.json"}
    assert document["data"]["type"] == "petition" and document["data"]["id"] == 700_123
    a = document["data"]["attributes"]
    assert a["signature_count"] == 54_321 and a["closing_date"] and a["creator_name"]
    assert sum(c["signature_count"] for c in a["signatures_by_country"]) == 54_321
    by_seat = sum(c["signature_count"] for c in a["signatures_by_constituency"])
    assert by_seat == sum(r["signature_count"] for r in a["signatures_by_region"])
    uk = next(c for c in a["signatures_by_country"] if c["code"] == "GB")
    assert 0.95 * uk["signature_count"] < by_seat <= uk["signature_count"]
    codes = [c["ons_code"] for c in a["signatures_by_constituency"]]
    assert codes == sorted(codes)
    assert a["other_parliamentary_business"] == []
    stored = _when(a["updated_at"])
    expected = last_modified(stored)
    assert parsedate_to_datetime(answer.headers["last-modified"]) == expected
    assert expected <= stored < expected + timedelta(seconds=10)
    assert a["updated_at"] == petition.updated_at


def test_rejected_and_closed_petitions_show_what_the_site_shows(
    fake_site: FakeSite,  # noqa: F811
    client: httpx.Client,
) -> None:
    fake_site.add(1, state="rejected", signature_count=3)
    fake_site.add(2, state="closed")
    rejected = client.get("/petitions/1.json").json()["data"]["attributes"]
    closed = client.get("/petitions/2.json").json()["data"]["attributes"]
    assert "signatures_by_constituency" not in rejected and rejected["rejection"]
    assert "closing_date" not in closed and closed["creator_name"] is None
    assert closed["closed_at"] is not None and "signatures_by_region" in closed


def test_if_modified_since_gives_304_until_the_petition_changes(
    fake_site: FakeSite,  # noqa: F811
    client: httpx.Client,
) -> None:
    petition = fake_site.add(5)
    first = client.get("/petitions/5.json")
    stamp = first.headers["last-modified"]
    earlier = format_datetime(parsedate_to_datetime(stamp) - timedelta(seconds=1), usegmt=True)

    same = client.get("/petitions/5.json", headers={"If-Modified-Since": stamp})
    older = client.get("/petitions/5.json", headers={"If-Modified-Since": earlier})
    petition.sign(1)
    after = client.get("/petitions/5.json", headers={"If-Modified-Since": stamp})

    assert same.status_code == 304 and same.content == b""
    assert same.headers["last-modified"] == stamp
    assert older.status_code == 200
    assert after.status_code == 200
    assert parsedate_to_datetime(after.headers["last-modified"]) > parsedate_to_datetime(stamp)
    assert after.json()["data"]["attributes"]["signature_count"] == 121


def test_unknown_and_removed_petitions(fake_site: FakeSite, client: httpx.Client) -> None:  # noqa: F811
    fake_site.add(9).remove()
    assert client.get("/petitions/8.json").status_code == 404
    assert client.get("/petitions/9.json").status_code == 410
    assert client.get("/petitions/9/count.json").status_code == 410
    assert client.get("/petitions.json?state=all").json()["data"] == []
    assert client.get("/nowhere.json").status_code == 404


def test_count_json_is_a_flat_object(fake_site: FakeSite, client: httpx.Client) -> None:  # noqa: F811
    fake_site.add(3, signature_count=10_500)
    count = client.get("/petitions/3/count.json").json()
    assert count["signature_count"] == 10_500 and count["debated"] is False
    assert datetime.fromisoformat(count["response_threshold_reached_at"]).tzinfo is not None


# --- archived petitions -------------------------------------------------------------------


def test_archived_list_shows_the_most_recent_parliament_with_its_object(
    fake_site: FakeSite,  # noqa: F811
    client: httpx.Client,
) -> None:
    fake_site.add_parliament("2017-2019", dissolution_at="2019-11-06T00:01:00.000+00:00")
    fake_site.add_parliament("2019-2024", number=7)
    fake_site.add_archived(201, period="2017-2019")
    fake_site.add_archived(301, period="2019-2024", signature_count=40)
    fake_site.add_archived(302, period="2019-2024", signature_count=900)

    page = client.get("/archived/petitions.json?state=all").json()
    older = client.get("/archived/petitions.json?parliament=1&state=all").json()

    assert [item["id"] for item in page["data"]] == [302, 301]
    item = page["data"][0]
    assert item["type"] == "archived-petition"
    assert item["parliament"]["period"] == "2019-2024"
    assert item["links"]["self"] == f"{fake_site.base}/archived/petitions/302.json"
    assert "closing_date" not in item["attributes"] and "creator_name" not in item["attributes"]
    assert [i["id"] for i in older["data"]] == [201]
    assert older["links"]["first"].endswith("/archived/petitions.json?parliament=1&state=all")
    assert client.get("/petitions.json?state=all").json()["data"] == []
    periods = [p["period"] for p in client.get("/parliaments.json").json()]
    assert periods == ["2019-2024", "2017-2019"]


def test_a_current_url_of_an_archived_petition_redirects_to_the_archive(
    fake_site: FakeSite,  # noqa: F811
    client: httpx.Client,
) -> None:
    fake_site.add_archived(301)
    answer = client.get("/petitions/301.json")
    assert answer.status_code == 302
    assert answer.headers["location"] == f"{fake_site.base}/archived/petitions/301.json"
    followed = client.get("/petitions/301.json", follow_redirects=True).json()
    assert followed["data"]["type"] == "archived-petition"
    assert followed["data"]["parliament"]["period"] == "2019-2024"
    names = [c["name"] for c in followed["data"]["attributes"]["signatures_by_constituency"]]
    assert names == sorted(names)
    assert client.get("/archived/petitions/302.json").status_code == 404


# --- faults -------------------------------------------------------------------------------


def test_429_with_retry_after_twice_then_the_page(
    fake_site: FakeSite,  # noqa: F811
    client: httpx.Client,
) -> None:
    fake_site.add(5)
    fake_site.fail("/petitions/5.json", status=429, retry_after=1, times=2)
    answers = [client.get("/petitions/5.json") for _ in range(3)]
    assert [a.status_code for a in answers] == [429, 429, 200]
    assert answers[0].headers["retry-after"] == "1"


def test_429_without_retry_after_and_503(fake_site: FakeSite, client: httpx.Client) -> None:  # noqa: F811
    fake_site.fail("/petitions.json", status=429)
    fake_site.fail("/petitions.json", status=503, retry_after="Wed, 21 Oct 2015 07:28:00 GMT")
    first, second, third = (client.get("/petitions.json?state=all") for _ in range(3))
    assert first.status_code == 429 and "retry-after" not in first.headers
    assert second.status_code == 503
    assert second.headers["retry-after"] == "Wed, 21 Oct 2015 07:28:00 GMT"
    assert third.status_code == 200


def test_a_fault_with_query_parameters_hits_only_that_page(
    fake_site: FakeSite,  # noqa: F811
    client: httpx.Client,
) -> None:
    for _ in range(3):
        fake_site.add()
    fake_site.fail("/petitions.json?page=2", status=503, times=None)
    assert client.get("/petitions.json?count=1&state=all").status_code == 200
    assert client.get("/petitions.json?count=1&page=2&state=all").status_code == 503
    assert client.get("/petitions.json?count=1&page=2&state=all").status_code == 503
    assert client.get("/petitions.json?count=1&page=3&state=all").status_code == 200
    fake_site.clear_faults()
    assert client.get("/petitions.json?count=1&page=2&state=all").status_code == 200


def test_html_body_gone_not_found_and_redirect_faults(
    fake_site: FakeSite,  # noqa: F811
    client: httpx.Client,
) -> None:
    fake_site.add(5)
    fake_site.fail("/petitions/5.json", html=True)
    fake_site.fail("/petitions/5.json", status=410)
    fake_site.fail("/petitions/5.json", status=404)
    fake_site.fail("/petitions/5.json", redirect_to="/archived/petitions/5.json")
    fake_site.fail("/petitions/5.json", redirect_to="/petitions/6.json", status=301)
    fake_site.fail("/petitions/5.json", body="{not json")

    html, gone, missing, found, moved, broken = (client.get("/petitions/5.json") for _ in range(6))

    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    with pytest.raises(ValueError):
        html.json()
    assert gone.status_code == 410 and missing.status_code == 404
    assert found.status_code == 302
    assert found.headers["location"] == f"{fake_site.base}/archived/petitions/5.json"
    assert moved.status_code == 301 and moved.headers["location"].endswith("/petitions/6.json")
    assert broken.status_code == 200 and broken.content == b"{not json"
    assert client.get("/petitions/5.json").status_code == 200  # every fault used up


def test_a_dropped_connection_gets_no_answer(fake_site: FakeSite, client: httpx.Client) -> None:  # noqa: F811
    fake_site.fail("/petitions.json", drop=True)
    with pytest.raises(httpx.RemoteProtocolError):
        client.get("/petitions.json")
    assert client.get("/petitions.json").status_code == 200
    assert [r.status for r in fake_site.requests] == [None, 200]


def test_a_hanging_request_times_out_the_client_and_never_blocks_stop() -> None:
    site = FakeSite().start()
    site.hang_limit = 600  # longer than any test run: only stop() lets it go
    site.fail("/petitions.json", hang=True)
    with httpx.Client(base_url=site.base, timeout=0.3) as client, pytest.raises(httpx.ReadTimeout):
        client.get("/petitions.json")
    stopper = threading.Thread(target=site.stop)
    stopper.start()
    stopper.join(timeout=10)
    assert not stopper.is_alive(), "stop() waited for the hanging request"
    assert [(r.path, r.status) for r in site.requests] == [("/petitions.json", None)]


def test_a_slow_answer_still_arrives(fake_site: FakeSite, client: httpx.Client) -> None:  # noqa: F811
    fake_site.fail("/petitions.json", hang=0.2)
    assert client.get("/petitions.json").status_code == 200


def test_stopped_site_refuses_connections_then_restarts_on_the_same_port(
    fake_site: FakeSite,  # noqa: F811
    client: httpx.Client,
) -> None:
    fake_site.add(5)
    assert client.get("/petitions/5.json").status_code == 200  # a kept-alive connection
    port = fake_site.port

    fake_site.stop()
    with pytest.raises(httpx.ConnectError):
        client.get("/petitions/5.json")
    fake_site.start()

    assert fake_site.port == port
    assert client.get("/petitions/5.json").status_code == 200


def test_one_kind_of_fault_at_a_time(fake_site: FakeSite) -> None:  # noqa: F811
    with pytest.raises(ValueError):
        fake_site.fail("/petitions.json", status=503, html=True)
    with pytest.raises(ValueError):
        fake_site.fail("/petitions.json")
    with pytest.raises(ValueError):
        fake_site.fail("/petitions.json", status=503, times=0)


# --- the request log --------------------------------------------------------------------


def test_every_request_is_logged_with_its_headers_and_status(
    fake_site: FakeSite,  # noqa: F811
    client: httpx.Client,
) -> None:
    fake_site.add(5)
    stamp = client.get("/petitions/5.json").headers["last-modified"]
    client.get(
        "/petitions/5.json", headers={"If-Modified-Since": stamp, "User-Agent": "caseworker/1"}
    )
    client.post("/petitions/5.json")

    log = fake_site.requests
    assert [(r.method, r.path, r.status) for r in log] == [
        ("GET", "/petitions/5.json", 200),
        ("GET", "/petitions/5.json", 304),
        ("POST", "/petitions/5.json", 405),
    ]
    assert log[1].headers["if-modified-since"] == stamp
    assert log[1].headers["user-agent"] == "caseworker/1"
    assert fake_site.requests_to("/petitions/5") == log
    fake_site.clear_log()
    assert fake_site.requests == []


def test_the_log_keeps_every_request_from_parallel_clients(fake_site: FakeSite) -> None:  # noqa: F811
    fake_site.add(5)

    def fetch() -> None:
        with httpx.Client(base_url=fake_site.base, timeout=5) as c:
            for _ in range(25):
                c.get("/petitions/5.json")

    threads = [threading.Thread(target=fetch) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [r.status for r in fake_site.requests] == [200] * 100


# --- changes between syncs ------------------------------------------------------------


def test_signing_past_the_thresholds_dates_them_and_reorders_the_list(
    fake_site: FakeSite,  # noqa: F811
    client: httpx.Client,
) -> None:
    fake_site.add(1, signature_count=9_990)
    fake_site.add(2, signature_count=20_000)
    before = fake_site.petition(1).updated_at

    fake_site.petition(1).sign(100_000)

    a = client.get("/petitions/1.json").json()["data"]["attributes"]
    assert a["signature_count"] == 109_990
    assert a["updated_at"] > before
    assert a["response_threshold_reached_at"] == a["updated_at"]
    assert a["debate_threshold_reached_at"] == a["updated_at"]
    ids = [i["id"] for i in client.get("/petitions.json?state=all").json()["data"]]
    assert ids == [1, 2]


def test_a_response_and_its_revision(fake_site: FakeSite, client: httpx.Client) -> None:  # noqa: F811
    petition = fake_site.add(1, signature_count=12_000)
    petition.respond("We will act.", "In full.", responded_on=date(2025, 1, 10))
    first = client.get("/petitions/1.json").json()["data"]["attributes"]

    petition.revise_response("We have changed our mind.", "Revised in full.")
    second = client.get("/petitions/1.json").json()["data"]["attributes"]

    assert first["government_response"]["summary"] == "We will act."
    assert first["government_response_at"] == first["updated_at"]
    response = second["government_response"]
    assert response["summary"] == "We have changed our mind."
    assert response["responded_on"] == fake_site.now.date().isoformat()
    assert response["created_at"] == first["government_response"]["created_at"]
    assert response["updated_at"] == second["updated_at"] > first["updated_at"]
    assert second["government_response_at"] == first["government_response_at"]
    [old] = second["other_parliamentary_business"]
    assert old["body"] == "We will act.\n\nIn full."
    assert old["occurred_on"] == "2025-01-10"
    with pytest.raises(ValueError):
        petition.respond()


def test_a_debate_scheduled_held_and_a_petition_closed(
    fake_site: FakeSite,  # noqa: F811
    client: httpx.Client,
) -> None:
    petition = fake_site.add(1, signature_count=150_000)
    petition.schedule_debate(date(2025, 3, 3), scheduled_on=date(2025, 2, 14))
    scheduled = client.get("/petitions/1.json").json()["data"]["attributes"]
    petition.record_debate()
    petition.close()
    a = client.get("/petitions/1.json").json()["data"]["attributes"]

    assert scheduled["scheduled_debate_date"] == "2025-03-03"
    assert scheduled["debate_scheduled_on"] == "2025-02-14"
    assert scheduled["debate"] is None
    assert a["debate"]["debated_on"] == "2025-03-03"
    assert a["debate_outcome_at"] < a["updated_at"]
    assert a["state"] == "closed" and a["closed_at"] == a["updated_at"]
    assert "closing_date" not in a and a["creator_name"] is None
    assert client.get("/petitions/1/count.json").json()["debated"] is True


def test_each_change_moves_last_modified(fake_site: FakeSite, client: httpx.Client) -> None:  # noqa: F811
    petition = fake_site.add(1)
    petition.sign()
    stamps = [client.get("/petitions/1.json").headers["last-modified"]]
    petition.edit(committee_note="A note.")
    stamps.append(client.get("/petitions/1.json").headers["last-modified"])
    assert stamps[0] != stamps[1]
    assert client.get("/petitions/1.json").json()["data"]["attributes"]["committee_note"]


def test_the_clock_stays_in_the_past_so_the_importer_accepts_its_dates() -> None:
    site = FakeSite()
    assert site.now < datetime.now(UTC) - timedelta(hours=1)
    assert site.now.second % 10 == 0 and site.now.microsecond == 0


# --- the generated site ---------------------------------------------------------------


def test_generated_site_is_repeatable_and_has_the_site_mix() -> None:
    now = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)
    site = FakeSite.generate(2000, seed=3, now=now)
    again = FakeSite.generate(2000, seed=3, now=now)
    petitions = [site.stored(pid) for pid in site.ids()]

    assert len(site) == 2000
    assert petitions == [again.stored(pid) for pid in again.ids()]
    detailed = [p for p in petitions if p.state == "open" or p.signature_count >= 1000]
    assert 150 <= len(detailed) <= 250
    assert sum(p.state == "open" for p in petitions) < 150
    assert sum(p.state == "rejected" for p in petitions) > 400
    assert all(p.updated_at < now for p in petitions)
    assert any(p.government_response for p in petitions)


def test_generated_site_serves_forty_pages_of_fifty() -> None:
    with FakeSite.generate(2000, seed=3) as site, httpx.Client(timeout=5) as client:
        url: str | None = site.url("/petitions.json?count=50&state=all")
        pages = ids = 0
        while url:
            page = client.get(url).json()
            pages, ids = pages + 1, ids + len(page["data"])
            url = page["links"]["next"]
        big = next(pid for pid in site.ids() if site.stored(pid).signature_count > 100_000)
        single = client.get(site.url(f"/petitions/{big}.json")).json()
    assert (pages, ids) == (40, 2000)
    assert len(single["data"]["attributes"]["signatures_by_constituency"]) == 650
