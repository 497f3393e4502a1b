"""The briefing dialog asks which debate when petitions were debated on different days, and
sends no date for a petition without one (the pack then says what the site says)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from caseworker.services.briefing import BriefingService
from caseworker.storage.engine import Database, open_database
from tests.ui.conftest import make_context
from tests.unit.briefing.captures import populate
from ui.briefing.dialog import BriefingDialog
from ui.settings import WindowSettings


@pytest.fixture
def debates_db(tmp_path: Path) -> Database:
    db = open_database(str(tmp_path / "debates.sqlite3"))
    populate(db, tmp_path)
    return db


def open_dialog(
    qtbot: QtBot, db: Database, settings: WindowSettings, ids: list[int]
) -> BriefingDialog:
    context = make_context(db, settings)
    dialog = BriefingDialog(None, BriefingService(db), context.runner, ids)
    qtbot.addWidget(dialog)
    # The titles replace the numbers once the petitions are read.
    qtbot.waitUntil(lambda: f"e-petition {ids[0]}</b>:" in dialog.heading.text(), timeout=30_000)
    return dialog


def test_petitions_debated_on_different_days_ask_which_debate(
    qtbot: QtBot, debates_db: Database, settings: WindowSettings
) -> None:
    dialog = open_dialog(qtbot, debates_db, settings, [700002, 700004])
    form = dialog.form
    qtbot.waitUntil(lambda: form.which_debate.count() == 2, timeout=30_000)
    assert "different days" in dialog.warning.text() and not dialog.warning.isHidden()
    assert "Monday 7 July 2025" in form.which_debate.itemText(0)
    assert form.options().debate_date == date(2025, 7, 7)
    form.which_debate.setCurrentIndex(1)
    assert form.options().debate_date == date(2025, 7, 14)
    assert "e-petition 700002" in dialog.heading.text()  # the titles stay


def test_no_debate_date_is_sent_as_none(
    qtbot: QtBot, debates_db: Database, settings: WindowSettings
) -> None:
    dialog = open_dialog(qtbot, debates_db, settings, [700002])
    form = dialog.form
    qtbot.waitUntil(lambda: not form.no_date.isChecked(), timeout=30_000)
    assert form.options().debate_date == date(2025, 7, 7)
    form.no_date.setChecked(True)
    assert form.options().debate_date is None and not form.debate_date.isEnabled()
    form.set_debate_date(None)  # a petition with no date of its own
    assert form.no_date.isChecked() and form.options().debate_date is None
