"""``brief --debate ID`` and ``briefs`` from the Committee's debate records, and ``material
DEBATE_ID list|add|remove|suggest``, with one-line refusals."""

from __future__ import annotations

import argparse
import io
import json
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from caseworker.cli import material as material_cli
from caseworker.cli.common import CommandError
from caseworker.services.debates import DebateServices
from caseworker.storage.engine import open_database
from main import main
from tests.unit.briefing.conftest import text_of
from tests.unit.debates.pack_story import EARLIER_TRANSCRIPT, LETTER, import_pack_story
from tests.unit.debates.story import SEND, TRAINING

MINISTER = "Catherine McKinnell MP, Minister for School Standards"


@pytest.fixture
def debate(db_url: str, tmp_path: Path) -> tuple[str, int]:
    db = open_database(db_url)
    import_pack_story(db, tmp_path)
    services = DebateServices.open(db, "alice")
    record = services.debates.schedule(
        [TRAINING, SEND], day=date(2025, 7, 14), opening_member="Jane Smith", minister=MINISTER
    )
    services.debates.update(record.id, record.version, summary="The clerk's own summary.")
    db.dispose()
    return db_url, record.id


def material(url: str, *args: str) -> tuple[int, str, str]:
    """The ``material`` command through its own parser and handler, as ``main`` runs it."""
    parser = argparse.ArgumentParser()
    material_cli.add_parsers(parser.add_subparsers(dest="command"))
    parsed = parser.parse_args(["material", *args])
    out, err = io.StringIO(), io.StringIO()
    db = open_database(url)
    try:
        code = material_cli.COMMANDS["material"](db, parsed, out, err)
    finally:
        db.dispose()
    return code, out.getvalue(), err.getvalue()


def test_brief_from_a_debate_record(
    debate: tuple[str, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url, debate_id = debate
    pdf = tmp_path / "pack.pdf"
    assert main(["--db", url, "brief", "--debate", str(debate_id), "-o", str(pdf)]) == 0
    assert f"reference PC-DB-20250714-{TRAINING}+1" in capsys.readouterr().out
    text = text_of(PdfReader(pdf))
    assert MINISTER in text and "The clerk's own summary." in text
    assert f"e-petitions {TRAINING} and {SEND}" in text
    html = tmp_path / "pack.html"
    assert main(["--db", url, "brief", "--debate", str(debate_id), "-o", str(html),
                 "--sections", "debate,material"]) == 0  # fmt: skip
    page = html.read_text(encoding="utf-8")
    assert "The clerk’s own summary." in page or "The clerk's own summary." in page
    assert "No parliamentary material has been listed for this debate." in page


def test_brief_refusals_are_one_line(
    debate: tuple[str, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url, debate_id = debate
    out = str(tmp_path / "x.pdf")
    both = ["brief", str(TRAINING), "--debate", str(debate_id), "-o", out]
    for args in (["brief", "-o", out], both, ["brief", "--debate", "999", "-o", out]):
        assert main(["--db", url, *args]) == 1
        err = capsys.readouterr().err
        assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert "999" in err
    assert not (tmp_path / "x.pdf").exists()


def test_briefs_use_the_records(
    debate: tuple[str, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url, _debate_id = debate
    folder = tmp_path / "packs"
    folder.mkdir()
    assert main(["--db", url, "briefs", "2025-07-14", "2025-07-14", "-o", str(folder)]) == 0
    (written,) = sorted(folder.iterdir())
    assert written.name == f"2025-07-14-briefing-{TRAINING}-{SEND}.pdf"
    assert MINISTER in text_of(PdfReader(written))


def test_material_list_add_suggest_remove(debate: tuple[str, int]) -> None:
    url, debate_id = debate
    code, out, _err = material(url, str(debate_id), "list")
    assert code == 0 and out.strip() == "No parliamentary material is listed for this debate."
    press = ["press", "Schools Week on training", "--date", "2 June 2025"]
    code, out, err = material(url, str(debate_id), "add", *press, "--link", "https://x.org/p")
    assert code == 0 and "added item" in err and "2 Jun 2025" in out and "Press" in out
    code, out, _err = material(url, str(debate_id), "suggest", "--format", "json")
    links = {record["link"] for record in json.loads(out)}
    assert {LETTER, EARLIER_TRANSCRIPT} <= links
    code, out, err = material(url, str(debate_id), "suggest", "--accept")
    assert code == 0 and "added" in err
    code, out, _err = material(url, str(debate_id), "list", "--format", "json")
    records = json.loads(out)
    assert [r["kind"] for r in records][0] == "debate" and records[-1]["kind"] == "press"
    press = records[-1]["id"]
    code, out, _err = material(url, str(debate_id), "remove", str(press))
    assert code == 0 and "Schools Week" not in out
    with pytest.raises(CommandError) as refused:
        material(url, str(debate_id), "add", "press", "A story", "--link", "example.org")
    assert "http" in str(refused.value)
    with pytest.raises(CommandError) as gone:
        material(url, str(debate_id), "remove", str(press))
    assert f"no item {press}" in str(gone.value)


def test_material_through_main(debate: tuple[str, int], capsys: pytest.CaptureFixture[str]) -> None:
    url, debate_id = debate
    assert main(["--db", url, "material", str(debate_id), "add", "edm", "EDM 123"]) == 0
    assert "Early day motions" in capsys.readouterr().out
    assert main(["--db", url, "material", str(debate_id), "add", "edm", " "]) == 1
    err = capsys.readouterr().err
    assert "needs a title" in err and len(err.strip().splitlines()) == 1
