"""The window writes dates in House style, whatever the desktop's language."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from tests.house_locale import french_dates
from ui.briefing.options_form import PackOptionsForm
from ui.dates import date_edit
from ui.models.columns import COLUMNS, day
from ui.models.columns import RESPONSE_TOOLTIP as RESPONSE_MEANING
from ui.views.sections import when

__all__ = ["french_dates"]


@pytest.fixture
def french_qt() -> Iterator[None]:
    saved = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    try:
        yield
    finally:
        QLocale.setDefault(saved)


def test_table_dates_are_short_house_style(french_dates: None) -> None:
    assert day(date(2025, 4, 5)) == "5 Apr 2025"
    # 23:30 UTC on 30 June is 1 July in London.
    assert day(datetime(2025, 6, 30, 23, 30, tzinfo=UTC)) == "1 Jul 2025"
    assert day(None) == ""


def test_date_boxes_write_english_month_names(qtbot: QtBot, french_qt: None) -> None:
    edit = date_edit(date(2025, 4, 5))
    qtbot.addWidget(edit)
    assert edit.text() == "5 April 2025"


def test_the_response_column_is_the_responses_own_date() -> None:
    response = next(c for c in COLUMNS if c.key == "response")
    assert response.header == "Response" and response.tooltip == RESPONSE_MEANING


def test_the_petition_view_writes_dates_in_house_style(french_dates: None) -> None:
    assert when(date(2025, 4, 5)) == "5 April 2025"
    assert when(datetime(2025, 6, 30, 23, 30, tzinfo=UTC)) == "1 July 2025"


def test_the_pack_form_names_days_and_months_in_english(qtbot: QtBot, french_qt: None) -> None:
    form = PackOptionsForm()
    qtbot.addWidget(form)
    form.set_debate_date(date(2025, 7, 7))
    assert form.debate_date.text() == "Monday 7 July 2025"
    assert form.debate_time.text() == "4.30pm"
