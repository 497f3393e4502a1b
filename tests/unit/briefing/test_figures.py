"""The small rules behind the pack's numbers, dates and names."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from caseworker.briefing import PackError, Section, parse_sections
from caseworker.briefing.figures import (
    CAPTURED,
    OPENED,
    KnownCount,
    Ranked,
    member_constituency,
    table_points,
    tabulated,
)
from caseworker.formatting import count, long_date, papers_clock, papers_moment, share, weekday_date
from caseworker.services.briefing import DebateGroup
from caseworker.services.dto import CountView


def test_site_style_numbers_dates_and_times() -> None:
    assert count(142_931) == "142,931"
    assert share(1, 3) == "33.3%" and share(1, 0) == "–"
    assert long_date(date(2025, 7, 10)) == "10 July 2025"
    assert weekday_date(date(2025, 7, 7)) == "Monday 7 July 2025"
    assert [papers_clock(time(h, m)) for h, m in ((16, 30), (11, 0), (12, 0), (0, 5))] == [
        "4.30pm", "11am", "12 noon", "12.05am",
    ]  # fmt: skip
    # 23:30 UTC in summer is the next day in London.
    assert papers_moment(datetime(2025, 6, 30, 23, 30, tzinfo=UTC)) == "1 July 2025, 12.30am"


def test_table_points_are_month_ends_thinned_and_end_with_the_latest() -> None:
    start = date(2024, 1, 1)
    series = [(start + timedelta(days=n), n) for n in range(0, 730, 3)]
    points = table_points(series)
    assert len(points) <= 13
    assert points[-1] == series[-1]
    assert [d for d, _n in points] == sorted(d for d, _n in points)


def test_the_member_is_found_with_or_without_mp_and_in_any_case() -> None:
    ranked = [Ranked(1, CountView("Ynys Môn", "W1", 10, "Llinos Medi MP"))]
    assert member_constituency(ranked, "llinos medi") is ranked[0]
    assert member_constituency(ranked, "Llinos  Medi MP") is ranked[0]
    assert member_constituency(ranked, "Someone Else MP") is None
    assert member_constituency(ranked, None) is None


def test_sections_are_parsed_with_a_clear_error() -> None:
    assert parse_sections(" Summary, annex ,") == {Section.SUMMARY, Section.ANNEX}
    with pytest.raises(PackError, match="unknown section 'maps'; choose from summary"):
        parse_sections("maps")
    with pytest.raises(PackError, match="at least one"):
        parse_sections(" , ")


def test_batch_file_names_stay_short() -> None:
    day = date(2025, 7, 7)
    assert DebateGroup(day, (1, 2), ("a", "b")).file_name == "2025-07-07-briefing-1-2.pdf"
    five = DebateGroup(day, (1, 2, 3, 4, 5), ("a",) * 5)
    assert five.file_name == "2025-07-07-briefing-1-2-3-and-2-more.pdf"


def test_a_long_run_of_captures_is_tabulated_monthly_with_every_milestone() -> None:
    start = datetime(2024, 1, 1, 12, tzinfo=UTC)
    known = [KnownCount(start, 0, OPENED)]
    known += [KnownCount(start + timedelta(days=d), 100 * d, CAPTURED) for d in range(1, 400)]
    known.append(KnownCount(start + timedelta(days=50, hours=1), 10_000, "10,000 reached"))
    known.sort(key=lambda k: k.at)
    listed = tabulated(known)
    assert known[0] in listed and known[-1] in listed
    assert any(k.what == "10,000 reached" for k in listed)
    captures = [k for k in listed if k.what == CAPTURED]
    assert 2 <= len(captures) <= 13
    assert tabulated(known[:10]) == known[:10]  # a few captures are all listed
