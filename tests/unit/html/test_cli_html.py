"""``brief ID… -o pack.html`` writes the accessible edition; the suffix chooses."""

from __future__ import annotations

from pathlib import Path

import pytest

from caseworker.cli import main
from caseworker.storage.engine import Database
from tests.unit.html.structure import parse, problems, section_headings


@pytest.fixture
def db_file(capture_db: Database) -> str:
    source = capture_db.engine.url.database
    assert source is not None
    return source


@pytest.mark.parametrize("suffix", [".html", ".HTM"])
def test_brief_writes_the_html_edition_by_the_suffix(
    db_file: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    out = tmp_path / f"pack{suffix}"
    code = main(
        [
            "--db",
            db_file,
            "brief",
            "700002",
            "700003",
            "-o",
            str(out),
            "--member",
            "Keir Starmer MP",
            "--sections",
            "summary,signatures",
        ]
    )
    assert code == 0
    assert capsys.readouterr().out.startswith(f"{out}: HTML edition, reference PC-DB-")
    page = out.read_text(encoding="utf-8")
    assert problems(page) == []
    root = parse(page)
    assert "Keir Starmer MP is the Member for Holborn and St Pancras" in root.text()
    assert [t for level, t in section_headings(root) if level == 3][:1] == ["2.1 Signatures"]


def test_brief_refuses_other_suffixes_and_missing_folders(
    db_file: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", db_file, "brief", "700001", "-o", str(tmp_path / "pack.docx")]) == 1
    assert "must end in .pdf or .html" in capsys.readouterr().err
    missing = tmp_path / "no" / "pack.html"
    assert main(["--db", db_file, "brief", "700001", "-o", str(missing)]) == 1
    assert f"cannot write {missing}" in capsys.readouterr().err
