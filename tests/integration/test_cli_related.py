"""``related ID``: a table or JSON, through ``main``, with one-line refusals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from caseworker.importing.importer import import_paths
from caseworker.storage.engine import open_database
from main import main
from tests.unit.services.captures import single, write


@pytest.fixture
def url(db_url: str, tmp_path: Path) -> str:
    for pid, action in ((1, "Ban peat compost"), (2, "Protect peat bogs from extraction"),
                        (3, "Fund rural buses")):  # fmt: skip
        write(tmp_path, f"{pid}.json", single(pid, action=action, background="Peat."))
    db = open_database(db_url)
    assert import_paths(db.engine, [tmp_path]).failed == 0
    db.dispose()
    return db_url


def test_related_as_a_table_and_as_json(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", url, "related", "1"]) == 0
    table = capsys.readouterr().out
    assert table.splitlines()[0].split() == ["ID", "State", "Signatures", "Score", "Why",
                                             "Petition"]  # fmt: skip
    assert table.splitlines()[1].startswith("2 ") and "shares: peat" in table
    assert main(["--db", url, "related", "1", "--limit", "1", "--format", "json"]) == 0
    (record,) = json.loads(capsys.readouterr().out)
    assert record["id"] == 2 and record["state"] == "open" and record["score"] > 0
    assert set(record) == {"id", "action", "state", "signature_count", "score", "reasons"}


def test_refusals_are_one_line(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", url, "related", "999"]) != 0
    err = capsys.readouterr().err
    assert "999" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    with pytest.raises(SystemExit) as stopped:
        main(["--db", url, "related", "1", "--limit", "0"])
    assert stopped.value.code == 2 and "--limit" in capsys.readouterr().err
