"""``python main.py brief`` and ``briefs`` end to end on a temporary SQLite file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from caseworker.cli import main
from caseworker.storage.engine import Database
from tests.unit.briefing.conftest import outline_titles, text_of


@pytest.fixture
def db_file(briefing_db: Database, tmp_path: Path) -> str:
    source = briefing_db.engine.url.database
    assert source is not None
    briefing_db.engine.dispose()  # so the copy holds every committed page
    path = tmp_path / "copy.sqlite3"
    shutil.copy(source, path)
    return str(path)


def test_brief_writes_the_pack(
    db_file: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "pack.pdf"
    code = main(["--db", db_file, "brief", "700002", "700003", "-o", str(out),
                 "--member", "Keir Starmer MP", "--debate-date", "2025-07-21",
                 "--sections", "summary,signatures"])  # fmt: skip
    assert code == 0
    printed = capsys.readouterr().out
    assert printed.startswith(f"{out}: ") and "reference PC-DB-20250721-700002+1" in printed
    reader = PdfReader(out)
    text = text_of(reader)
    assert "Monday 21 July 2025, 4.30pm, Westminster Hall" in text
    assert "Keir Starmer MP is the Member for Holborn and St Pancras" in text
    assert [t for d, t in outline_titles(reader) if d == 1] == ["2.1 Signatures", "3.1 Signatures"]


def test_brief_names_a_missing_petition(
    db_file: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "pack.pdf"
    assert main(["--db", db_file, "brief", "700001", "999", "-o", str(out)]) == 1
    assert "petition 999 is not in the database" in capsys.readouterr().err
    assert not out.exists()


def test_brief_names_a_bad_output_file_and_section(
    db_file: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "no" / "pack.pdf"
    assert main(["--db", db_file, "brief", "700001", "-o", str(missing)]) == 1
    assert f"cannot write {missing}" in capsys.readouterr().err
    assert main(["--db", db_file, "brief", "700001", "-o", str(tmp_path)]) == 1
    assert "is a folder" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["--db", db_file, "brief", "700001", "-o", "x.pdf", "--sections", "summary,maps"])
    assert "unknown section 'maps'" in capsys.readouterr().err


def test_briefs_writes_one_pack_per_debate(
    db_file: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--db", db_file, "briefs", "2025-07-01", "2025-07-10", "-o", str(tmp_path)]
    assert main([*args, "--sections", "summary"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [Path(line.split(":")[0]).name for line in lines] == [
        "2025-07-07-briefing-700001.pdf",
        "2025-07-07-briefing-700002-700003.pdf",
    ]
