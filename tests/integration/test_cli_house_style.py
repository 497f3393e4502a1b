"""``list`` and ``show`` write dates in House style and the Response column means one thing."""

from __future__ import annotations

from pathlib import Path

import pytest

from main import main
from tests.house_locale import french_dates
from tests.unit.services.captures import response, single, write

__all__ = ["french_dates"]


@pytest.fixture
def imported(db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    # The response is dated 20 May; the site recorded it on the petition on 21 May.
    write(tmp_path, "10.json", single(
        10, signature_count=12_345,
        response_threshold_reached_at="2025-04-05T08:00:00.000Z",
        government_response_at="2025-05-21T11:07:00.000Z",
        government_response=response("A reply.", "2025-05-20"),
    ))  # fmt: skip
    assert main(["--db", db_url, "import", str(tmp_path)]) == 0
    capsys.readouterr()
    return db_url


def test_list_dates_are_house_style_and_response_is_the_responses_date(
    imported: str, capsys: pytest.CaptureFixture[str], french_dates: None
) -> None:
    assert main(["--db", imported, "list", "--as-of", "2025-06-30"]) == 0
    header, row = capsys.readouterr().out.splitlines()[:2]
    cells = _cells(header, row)
    assert cells["10k"] == "5 Apr 2025"
    # The same date as the window's Response column: the response's own date.
    assert cells["Response"] == "20 May 2025"


def _cells(header: str, row: str) -> dict[str, str]:
    """A text table's row by column name, cut where each header starts."""
    names = header.split()
    names = [n for n in names if n not in ("on",)]
    starts = [header.index(n) for n in names]
    ends = [*starts[1:], len(row)]
    return {n: row[a:b].strip() for n, a, b in zip(names, starts, ends, strict=True)}


def test_show_writes_dates_out_and_names_the_zone(
    imported: str, capsys: pytest.CaptureFixture[str], french_dates: None
) -> None:
    assert main(["--db", imported, "show", "10"]) == 0
    out = capsys.readouterr().out
    assert "Crossed 10,000:         5 April 2025, 09:00 BST" in out
    assert "Government responded:   21 May 2025, 12:07 BST" in out
    assert "responded on 20 May 2025" in out
    assert "Signature history: 1 snapshot from" in out
