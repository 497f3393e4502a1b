"""Save as HTML… in the briefing pack window: the accessible edition written off the
window's thread, beside Save as PDF, with the options chosen in the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from caseworker.services.briefing import BriefingService
from caseworker.storage.engine import Database, open_database
from tests.ui.conftest import make_context
from tests.unit.briefing.captures import populate
from tests.unit.html.structure import parse, problems
from ui.briefing.dialog import BriefingDialog
from ui.settings import WindowSettings

JOB_TIMEOUT_MS = 20_000


@pytest.fixture
def dialog(qtbot: QtBot, tmp_path: Path, settings: WindowSettings) -> BriefingDialog:
    db: Database = open_database(str(tmp_path / "captures.sqlite3"))
    populate(db, tmp_path)
    context = make_context(db, settings)
    window = BriefingDialog(None, BriefingService(db), context.runner, [700001])
    qtbot.addWidget(window)
    return window


def test_save_as_html_sits_beside_save_as_pdf(dialog: BriefingDialog) -> None:
    names = [b.text() for b in dialog.findChildren(type(dialog.save_button))]
    assert names.index("Save as &HTML…") == names.index("&Save as PDF…") + 1


def test_save_as_html_writes_the_accessible_edition(
    qtbot: QtBot, dialog: BriefingDialog, tmp_path: Path
) -> None:
    dialog.form.member.setText("Jane Smith MP")
    path = tmp_path / "pack.html"
    job = dialog.save_html_to(path)
    with qtbot.waitSignal(job.done, timeout=JOB_TIMEOUT_MS):
        pass
    assert job.error is None
    page = path.read_text(encoding="utf-8")
    assert problems(page) == []
    assert "Jane Smith MP" in parse(page).text()
    assert dialog.preview.caption.text() == f"Saved the HTML edition to {path}."


def test_a_failed_html_save_says_so(
    qtbot: QtBot, dialog: BriefingDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        "ui.briefing.dialog.QMessageBox.critical", lambda parent, title, text: shown.append(text)
    )
    job = dialog.save_html_to(tmp_path / "no such folder" / "pack.html")
    with qtbot.waitSignal(job.done, timeout=JOB_TIMEOUT_MS):
        pass
    assert len(shown) == 1 and "no such folder" in shown[0]
