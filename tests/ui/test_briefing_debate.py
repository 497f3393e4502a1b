"""The briefing dialog opened for a debate record: the record's petitions, day and Member,
its sections offered, the clerk's summary edited and saved with the debate, the preview
showing The debate."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from caseworker.briefing import Section
from caseworker.storage.engine import Database
from tests.ui.conftest import make_context
from tests.unit.briefing.conftest import text_of
from tests.unit.debates.pack_story import import_pack_story
from tests.unit.debates.story import SEND, TRAINING
from ui.briefing import BriefingActions
from ui.context import AppContext
from ui.settings import WindowSettings

JOB_TIMEOUT_MS = 30_000
MINISTER = "Catherine McKinnell MP, Minister for School Standards"


@pytest.fixture
def debate_context(empty_db: Database, settings: WindowSettings, tmp_path: Path) -> AppContext:
    import_pack_story(empty_db, tmp_path)
    return make_context(empty_db, settings)


def test_the_dialog_starts_from_the_debate_record(qtbot: QtBot, debate_context: AppContext) -> None:
    debates = debate_context.debates.debates
    record = debates.schedule([TRAINING, SEND], day=date(2025, 7, 14),
                              opening_member="Jane Smith", minister=MINISTER)  # fmt: skip
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = BriefingActions(parent, debate_context, lambda: []).open_for_debate(record.id)
    dialog.resize(1366, 768)
    qtbot.waitUntil(lambda: dialog.debate is not None, timeout=JOB_TIMEOUT_MS)
    assert dialog.petition_ids == [TRAINING, SEND]
    assert "Monday 14 July 2025, 4.30pm" in dialog.heading.text()
    assert dialog.form.member.text() == "Jane Smith MP"
    assert not dialog.form.debate_date.isEnabled() and not dialog.form.debate_time.isEnabled()
    for section in (Section.DEBATE, Section.MATERIAL, Section.ENGAGEMENT, Section.RELATED):
        assert dialog.form.sections.boxes[section].isVisibleTo(dialog)

    dialog.summary.setPlainText("The Minister is expected to announce a review.")
    with qtbot.waitSignal(dialog.make_preview().done, timeout=JOB_TIMEOUT_MS):
        pass
    assert "not saved" in dialog.warning.text()
    dialog.save_summary_button.click()
    qtbot.waitUntil(lambda: "saved" in dialog.preview.caption.text(), timeout=JOB_TIMEOUT_MS)
    assert debates.get(record.id).summary == "The Minister is expected to announce a review."

    with qtbot.waitSignal(dialog.make_preview().done, timeout=JOB_TIMEOUT_MS):
        pass
    result = dialog.last_result
    assert result is not None and result.petition_ids == (TRAINING, SEND)
    text = text_of(PdfReader(result.path))
    assert "The Minister is expected to announce a review." in text and MINISTER in text
    assert "Parliamentary material" in text and "What the public told us" in text
    dialog.grab().save("/tmp/briefing-debate.png")


def test_the_petition_dialog_does_not_offer_the_record_sections(
    qtbot: QtBot, debate_context: AppContext
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = BriefingActions(parent, debate_context, lambda: [TRAINING]).open_pack()
    assert dialog is not None
    assert not dialog.form.sections.boxes[Section.MATERIAL].isVisibleTo(dialog)
    assert not dialog.summary.isVisibleTo(dialog)
    assert dialog.form.sections.boxes[Section.SUMMARY].isVisibleTo(dialog)
