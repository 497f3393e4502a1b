"""``python main.py members`` and ``signals`` on a temporary SQLite file of real captures."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from caseworker.cli import main
from caseworker.importing.importer import import_paths
from caseworker.storage.engine import open_database
from tests.unit.geography.builders import EUREF, GENERAL_ELECTION

#: A 2020–22 petition with a fifth of its signatures from outside the UK.
ABROAD = "mysociety-2020-2022/single/575787.json"


@pytest.fixture(scope="module")
def db_file(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("geography-cli") / "real.sqlite3"
    database = open_database(str(path))
    paths = [shared_data / each for each in (EUREF, GENERAL_ELECTION, ABROAD)]
    assert import_paths(database.engine, paths).failed == 0
    database.dispose()
    return str(path)


def test_members_by_count(db_file: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", db_file, "members", "131215", "--limit", "3"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["Rank", "Member", "Party", "Signed", "Per", "1,000", "Constituency"]
    assert "Catherine West MP" in lines[1] and "20,780" in lines[1]
    assert lines[-1] == "3 Members"


def test_members_of_a_debate_by_rate_as_json(
    db_file: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        ["--db", db_file, "members", "131215", "700143", "--by", "rate", "--format", "json"]
    )
    assert code == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 10
    rates = [r["per_1000_electors"] for r in rows]
    assert rates == sorted(rates, reverse=True)
    assert {"member", "party", "constituency", "signatures", "petitions"} <= rows[0].keys()


def test_members_refuses_a_limit_out_of_range(db_file: str) -> None:
    with pytest.raises(SystemExit):
        main(["--db", db_file, "members", "131215", "--limit", "0"])


def test_signals(db_file: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", db_file, "signals", "575787"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("Worth a look: many signatures from outside the UK")
    assert "(18.6%)" in text
    assert "not looked for" in text  # no silence that reads as "checked"
    assert main(["--db", db_file, "signals", "131215", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["signals"] == []


def test_a_missing_petition_is_named(db_file: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", db_file, "signals", "999"]) == 1
    assert "petition 999 is not in the database" in capsys.readouterr().err


def earlier_capture(shared_data: Path, folder: Path, *, moved: int) -> tuple[Path, str]:
    """The real 2024 capture as it might have stood a day before: every seat 10% lower, and
    the seat with most signatures ``moved`` lower still. Returns the file and that seat."""
    record = json.loads((shared_data / GENERAL_ELECTION).read_text(encoding="utf-8"))
    attributes = record["data"]["attributes"]
    at = datetime.fromisoformat(attributes["updated_at"].replace("Z", "+00:00"))
    attributes["updated_at"] = (at - timedelta(days=1)).isoformat().replace("+00:00", "Z")
    rows = attributes["signatures_by_constituency"]
    top = max(rows, key=lambda r: r["signature_count"])
    for row in rows:
        row["signature_count"] = row["signature_count"] * 9 // 10
    top["signature_count"] -= moved
    attributes["signature_count"] = attributes["signature_count"] * 9 // 10 - moved
    path = folder / "earlier.json"
    path.write_text(json.dumps(record), encoding="utf-8")
    return path, top["name"]


def test_signals_against_an_earlier_capture_file(
    db_file: str, shared_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, seat = earlier_capture(shared_data, tmp_path, moved=3_000)
    assert main(["--db", db_file, "signals", "700143", "--earlier", str(path)]) == 0
    text = capsys.readouterr().out
    assert text.startswith(f"Worth a look: a jump in {seat}")
    assert text.count("Worth a look") == 2  # the title, and the advice in the detail
    assert text.rstrip().endswith("Compared seat by seat with 1 earlier capture.")
    # Even growth, without the one seat's extra, raises nothing.
    path, _seat = earlier_capture(shared_data, tmp_path, moved=0)
    assert main(["--db", db_file, "signals", "700143", "--earlier", str(path)]) == 0
    assert capsys.readouterr().out.startswith("Nothing stands out")


def test_an_earlier_capture_of_another_petition_is_refused(
    db_file: str, shared_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = shared_data / EUREF
    assert main(["--db", db_file, "signals", "700143", "--earlier", str(other)]) == 1
    assert "holds no capture of petition 700143" in capsys.readouterr().err


def test_a_later_capture_keeps_the_breakdown_it_replaces_for_signals(
    shared_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The earlier capture first, then the real one: the database keeps the earlier breakdown.
    earlier, seat = earlier_capture(shared_data, tmp_path, moved=3_000)
    url = str(tmp_path / "two-captures.sqlite3")
    assert main(["--db", url, "import", str(earlier)]) == 0
    assert main(["--db", url, "import", str(shared_data / GENERAL_ELECTION)]) == 0
    capsys.readouterr()
    assert main(["--db", url, "signals", "700143"]) == 0
    text = capsys.readouterr().out
    assert text.startswith(f"Worth a look: a jump in {seat}")
    assert text.rstrip().endswith("Compared seat by seat with 1 earlier capture.")
    assert main(["--db", url, "show", "700143", "--format", "json"]) == 0
    kept = json.loads(capsys.readouterr().out)["previous_signatures_by_constituency"]
    earlier_at = json.loads(earlier.read_text())["data"]["attributes"]["updated_at"]
    assert kept["as_of"][:19] == earlier_at[:19]  # the time of the capture it came from
    assert len(kept["constituencies"]) == 650
