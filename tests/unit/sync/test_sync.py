"""A sync against the loopback stand-in of the site, on SQLite and PostgreSQL.

What is stored must be exactly what the site serves; a second sync with nothing changed
fetches no petition page with a body; every fault is retried or reported by name, and
nothing is half-written.
"""

from __future__ import annotations

import threading
from datetime import date

import pytest
from sqlalchemy import func, select

from caseworker.services.petitions import PetitionService
from caseworker.storage import models as m
from caseworker.storage.engine import Database
from caseworker.storage.sync_models import ChangeEvent, SyncPetition, SyncRun
from caseworker.sync.options import SyncOptions
from caseworker.sync.service import SyncService, SyncSummary
from tests.site.server import FakeSite


def options(site: FakeSite, **overrides: object) -> SyncOptions:
    settings: dict[str, object] = {"site": site.base, "rate": 1000.0, "timeout": 2.0}
    settings.update(overrides)
    return SyncOptions(**settings)  # type: ignore[arg-type]


def sync(database: Database, site: FakeSite, **overrides: object) -> SyncSummary:
    return SyncService(database).run(options(site, **overrides))


def petition_pages(site: FakeSite) -> list[str]:
    return [r.path for r in site.requests if "/petitions/" in r.path]


def stored(database: Database, pid: int) -> m.Petition | None:
    with database.sessions() as session:
        return session.get(m.Petition, pid)


def count(database: Database, model: type[object]) -> int:
    with database.sessions() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


@pytest.fixture
def small_site(fake_site: FakeSite) -> FakeSite:
    """60 petitions over two list pages: open, big closed ones, small ones, rejected."""
    for n in range(20):
        fake_site.add(700_001 + n, signature_count=50 + n)  # open, small
    for n in range(20):
        fake_site.add(710_001 + n, state="closed", signature_count=2_000 + n)
    for n in range(10):
        fake_site.add(720_001 + n, state="closed", signature_count=300 + n)
    for n in range(10):
        fake_site.add(730_001 + n, state="rejected", signature_count=3)
    return fake_site


def test_a_first_sync_stores_exactly_what_the_site_serves(
    database: Database, small_site: FakeSite
) -> None:
    summary = sync(database, small_site)

    assert (summary.exit_code, summary.failures, summary.offline) == (0, [], None)
    assert (summary.list_pages, summary.new) == (2, 60)
    # Open petitions and those with at least 1,000 signatures get their own page.
    assert summary.petition_pages == 40
    assert len(petition_pages(small_site)) == 40
    for pid in (700_001, 710_020):
        petition = stored(database, pid)
        assert petition is not None
        served = small_site.document(pid)["data"]["attributes"]
        assert petition.signature_count == served["signature_count"]
        assert petition.action == served["action"]
        assert petition.breakdowns_as_of is not None
    detail = PetitionService(database).get_petition(710_020)
    assert sum(c.signature_count for c in detail.signatures_by_constituency) > 0
    assert (
        stored(database, 720_001) is not None and stored(database, 720_001).breakdowns_as_of is None
    )
    with database.sessions() as session:
        run = session.scalars(select(SyncRun)).one()
    assert (run.outcome, run.new, run.list_pages) == ("completed", 60, 2)


def test_a_second_sync_with_nothing_changed_fetches_no_petition_page(
    database: Database, small_site: FakeSite
) -> None:
    sync(database, small_site)
    small_site.clear_log()

    summary = sync(database, small_site)

    assert petition_pages(small_site) == []
    assert (summary.unchanged, summary.new, summary.updated) == (60, 0, 0)
    assert len(small_site.requests) == 2


def test_a_changed_petition_is_updated_and_each_response_version_kept(
    database: Database, fake_site: FakeSite
) -> None:
    petition = fake_site.add(700_001, signature_count=9_990)
    sync(database, fake_site)
    petition.sign(20).respond("We will look at this.", "In full.")
    fake_site.clear_log()

    summary = sync(database, fake_site)

    assert summary.updated == 1
    assert petition_pages(fake_site) == ["/petitions/700001.json"]
    # Asked conditionally: the site sent Last-Modified the first time.
    assert "if-modified-since" in fake_site.requests[-1].headers
    assert stored(database, 700_001).signature_count == 10_010
    petition.revise_response("We have reconsidered.", "Revised in full.")
    sync(database, fake_site)
    versions = PetitionService(database).get_petition(700_001).responses
    assert [v.summary for v in versions] == ["We will look at this.", "We have reconsidered."]
    with database.sessions() as session:
        kinds = set(session.scalars(select(ChangeEvent.kind)))
    assert {"crossed-10000", "response", "revised-response"} <= kinds


def test_429_and_503_are_retried_honouring_retry_after(
    database: Database, fake_site: FakeSite
) -> None:
    fake_site.add(700_001)
    fake_site.fail("/petitions.json", status=429, retry_after=1)
    fake_site.fail("/petitions/700001.json", status=503, times=2)

    summary = sync(database, fake_site)

    assert summary.exit_code == 0, summary.failures
    statuses = [r.status for r in fake_site.requests]
    assert statuses == [429, 200, 503, 503, 200]
    assert stored(database, 700_001).breakdowns_as_of is not None


def test_a_url_that_keeps_failing_is_named_and_the_rest_stored(
    database: Database, fake_site: FakeSite
) -> None:
    fake_site.add(700_001)
    fake_site.add(700_002)
    fake_site.fail("/petitions/700001.json", status=503, times=None)
    fake_site.fail("/petitions/700002.json", hang=True, times=None)

    summary = sync(database, fake_site, retries=2, timeout=0.5)

    assert summary.exit_code == 1
    by_id = {f.petition_id: f for f in summary.failures}
    assert "503" in by_id[700_001].reason and "after 2 tries" in by_id[700_001].reason
    assert "no answer within" in by_id[700_002].reason
    assert by_id[700_001].url.endswith("/petitions/700001.json")
    # The list page stored both; neither has breakdowns, so the next sync asks again.
    assert stored(database, 700_001).breakdowns_as_of is None
    assert stored(database, 700_002) is not None


def test_an_html_page_with_200_is_a_failure_never_imported(
    database: Database, fake_site: FakeSite
) -> None:
    fake_site.add(700_001)
    fake_site.fail("/petitions/700001.json", html=True)
    captures_before = count(database, m.Capture)

    summary = sync(database, fake_site)

    (failure,) = summary.failures
    assert failure.petition_id == 700_001 and "not JSON" in failure.reason
    assert count(database, m.Capture) == captures_before + 1  # the list page only


def test_410_shows_the_petition_removed_and_it_is_never_asked_for_again(
    database: Database, fake_site: FakeSite
) -> None:
    petition = fake_site.add(700_001)
    sync(database, fake_site)
    petition.sign(5)
    fake_site.fail("/petitions/700001.json", status=410, times=None)

    summary = sync(database, fake_site)

    assert summary.removed == 1 and summary.exit_code == 0
    assert stored(database, 700_001).state == "removed"
    with database.sessions() as session:
        assert session.get(SyncPetition, 700_001).gone_at is not None
        assert session.scalars(select(ChangeEvent.kind)).all().count("removed") == 1
    petition.sign(5)
    fake_site.clear_log()
    sync(database, fake_site)
    assert petition_pages(fake_site) == []


def test_404_is_recorded_and_reported(database: Database, fake_site: FakeSite) -> None:
    fake_site.add(700_001)
    fake_site.fail("/petitions/700001.json", status=404)

    summary = sync(database, fake_site)

    (failure,) = summary.failures
    assert failure.reason == "not found on the site (404)"
    with database.sessions() as session:
        assert session.get(SyncPetition, 700_001).missing_at is not None


def test_redirects_are_followed(database: Database, fake_site: FakeSite) -> None:
    """The site redirects a petition's page once its Parliament is archived."""
    fake_site.add(700_001, state="closed", signature_count=5_000)
    fake_site.fail("/petitions/700001.json", redirect_to="/petitions/700001.json?moved=1")

    summary = sync(database, fake_site)

    assert summary.exit_code == 0, summary.failures
    assert [r.status for r in fake_site.requests_to("/petitions/700001.json")] == [302, 200]
    assert stored(database, 700_001).breakdowns_as_of is not None


def test_an_archived_parliament_when_asked(database: Database, fake_site: FakeSite) -> None:
    fake_site.add(700_001)
    fake_site.add_archived(600_001, signature_count=4_000)

    assert fake_site.requests_to("/archived") == []
    summary = sync(database, fake_site, archived="2019-2024")

    assert summary.exit_code == 0, summary.failures
    archived = stored(database, 600_001)
    assert archived is not None and archived.archived and archived.breakdowns_as_of is not None
    assert "/archived/petitions/600001.json" in petition_pages(fake_site)


def test_a_default_sync_asks_nothing_of_the_archive(
    database: Database, fake_site: FakeSite
) -> None:
    fake_site.add(700_001)
    fake_site.add_archived(600_001, signature_count=4_000)

    sync(database, fake_site)

    assert fake_site.requests_to("/archived") == []
    assert stored(database, 600_001) is None


def test_an_archived_parliament_the_site_does_not_list_is_said(
    database: Database, fake_site: FakeSite
) -> None:
    fake_site.add_archived(600_001, period="2019-2024")

    summary = sync(database, fake_site, archived="2017-2019")

    (failure,) = summary.failures
    assert "not 2017-2019" in failure.reason and "--archived N" in failure.reason


def test_an_unreachable_site_changes_nothing(database: Database, fake_site: FakeSite) -> None:
    fake_site.add(700_001)
    fake_site.stop()

    summary = sync(database, fake_site)

    assert summary.exit_code == 1
    assert summary.offline is not None
    assert summary.offline.startswith(f"cannot reach {fake_site.base}: connection refused")
    assert summary.offline.endswith("nothing changed")
    assert count(database, m.Petition) == 0
    status = SyncService(database).status()
    assert status.last_synced_at is None


def test_politeness_two_in_flight_a_rate_and_a_named_user_agent(
    database: Database, fake_site: FakeSite
) -> None:
    for n in range(12):
        fake_site.add(700_001 + n)
    # Each petition page is answered slowly, so that a third request would overlap two.
    for n in range(12):
        fake_site.fail(f"/petitions/{700_001 + n}.json", hang=0.2)
    in_flight, most = [0], [0]
    lock = threading.Lock()
    serve = fake_site._serve

    def counting(handler: object) -> None:
        with lock:
            in_flight[0] += 1
            most[0] = max(most[0], in_flight[0])
        try:
            serve(handler)  # type: ignore[arg-type]
        finally:
            with lock:
                in_flight[0] -= 1

    fake_site._serve = counting  # type: ignore[method-assign,assignment]

    sync(database, fake_site, rate=1000.0)

    assert most[0] == 2  # two at once are used, never three
    agent = fake_site.requests[0].headers["user-agent"]
    assert agent.startswith("petitions-caseworker/") and "Petitions Committee" in agent


def test_cancel_keeps_what_was_stored(database: Database, small_site: FakeSite) -> None:
    done: list[int] = []

    def progress(finished: int, total: int, label: str) -> None:
        done.append(finished)

    summary = SyncService(database).run(
        options(small_site), progress=progress, cancelled=lambda: len(done) >= 5
    )

    assert summary.cancelled
    with database.sessions() as session:
        run = session.scalars(select(SyncRun)).one()
        fetched = session.scalar(
            select(func.count())
            .select_from(m.Petition)
            .where(m.Petition.breakdowns_as_of.is_not(None))
        )
    assert run.outcome == "cancelled"
    small_site.clear_log()
    sync(database, small_site)
    # Nothing stored before the cancel is fetched again.
    assert len(petition_pages(small_site)) == 40 - fetched


def test_status_says_when_the_data_was_last_synced(database: Database, fake_site: FakeSite) -> None:
    fake_site.add(700_001)
    sync(database, fake_site)
    status = SyncService(database).status()
    assert status.last_synced_at is not None and status.last_outcome == "completed"
    assert status.data_as_at is not None and status.running_since is None
    assert date.today() >= status.data_as_at.date()


def test_an_unexpected_error_is_recorded_as_failed_not_left_running(
    database: Database, fake_site: FakeSite
) -> None:
    fake_site.add(700_001)

    def broken(done: int, total: int, label: str) -> None:
        raise RuntimeError("a progress display that breaks")

    with pytest.raises(RuntimeError):
        SyncService(database).run(options(fake_site), progress=broken)
    with database.sessions() as session:
        run = session.scalars(select(SyncRun)).one()
    assert run.outcome == "failed" and run.finished_at is not None
    assert SyncService(database).status().running_since is None
