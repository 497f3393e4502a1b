"""``changes`` end to end: import captures, list what changed, mark it seen (both backends)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from caseworker.domain.rules import london_date, long_date
from main import main
from tests.unit.importing import builders as b

RECENT = datetime.now(UTC) - timedelta(days=2)
OLD_CLOSE = "2024-03-10T23:59:59.999Z"


def iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.000Z")


@pytest.fixture
def captures(tmp_path: Path) -> Path:
    folder = tmp_path / "captures"
    b.write_json(
        folder / "10.json",
        b.single(
            10,
            action="Fund buses\x1b[2J everywhere",
            state="open",
            updated_at=iso(RECENT + timedelta(hours=1)),
            response_threshold_reached_at=iso(RECENT),
        ),
    )
    b.write_json(
        folder / "11.json",
        b.single(11, action="Keep libraries open", state="closed", closed_at=OLD_CLOSE),
    )
    return folder


def run(db_url: str, *args: str) -> int:
    return main(["--db", db_url, *args])


def imported(db_url: str, captures: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(db_url, "import", str(captures)) == 0
    capsys.readouterr()


def test_unseen_changes_as_json_then_marked_seen(
    db_url: str, captures: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    imported(db_url, captures, capsys)
    assert run(db_url, "changes", "--format", "json", "--mark-seen") == 0
    printed = capsys.readouterr()
    records = json.loads(printed.out)
    # Only the recent crossing is news: the closing a year ago started seen.
    assert records == [
        {
            "petition_id": 10,
            "action": "Fund buses\x1b[2J everywhere",
            "kind": "crossed-10000",
            "at": iso(RECENT),
            "seen_at": None,
        }
    ]
    assert "\x1b" not in printed.out  # JSON escapes it; it decodes to the stored text
    assert printed.err.strip() == "1 change marked seen"
    assert run(db_url, "changes", "--format", "json") == 0
    assert json.loads(capsys.readouterr().out) == []


def test_since_lists_seen_and_unseen_in_house_style(
    db_url: str, captures: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    imported(db_url, captures, capsys)
    assert run(db_url, "changes", "--since", "2024-01-01", "--format", "json") == 0
    seen = {r["petition_id"]: r["seen_at"] for r in json.loads(capsys.readouterr().out)}
    assert seen[10] is None and seen[11] is not None
    seen_on = long_date(london_date(datetime.fromisoformat(seen[11])))
    assert run(db_url, "changes", "--since", "2024-01-01") == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].split() == ["Petition", "Change", "When", "Seen", "Title"]
    recent = next(line for line in lines if line.startswith("10 "))
    assert "crossed-10000" in recent and long_date(london_date(RECENT)) in recent
    assert "Fund buses\\x1b[2J everywhere" in recent and "\x1b" not in out
    closed = next(line for line in lines if line.startswith("11 "))
    assert "closed" in closed and "10 March 2024" in closed
    assert closed.split("10 March 2024", 1)[1].strip().startswith(seen_on)
    assert lines[-1] == "2 changes"
    # Only what happened on or after the day given (a London day).
    later = london_date(RECENT).isoformat()
    assert run(db_url, "changes", "--since", later, "--format", "json") == 0
    assert [r["petition_id"] for r in json.loads(capsys.readouterr().out)] == [10]


def test_since_refuses_a_bad_date(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        run(db_url, "changes", "--since", "10/03/2024")
    assert exit_.value.code == 2
    assert "could be 10 March 2024 or 3 October 2024" in capsys.readouterr().err


def test_a_missing_database_file_is_not_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "typo.sqlite3"
    assert run(str(missing), "changes") == 2
    assert "no database at" in capsys.readouterr().err
    assert not missing.exists()


def test_import_says_which_changes_it_found(
    db_url: str, captures: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(db_url, "import", str(captures)) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == "events: 1 crossed-10000, 1 closed"
