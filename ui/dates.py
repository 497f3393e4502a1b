"""Dates between Python and Qt, and the date box every dialog uses."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QDateEdit


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


#: Month names in the House's English whatever the desktop's language ("5 April 2025").
HOUSE_LOCALE = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def date_edit(day: date, display: str = "d MMMM yyyy") -> QDateEdit:
    """A date box with a calendar, showing dates as the Committee writes them."""
    edit = QDateEdit(to_qdate(day))
    edit.setLocale(HOUSE_LOCALE)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(display)
    return edit
