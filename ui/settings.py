"""Window state kept between runs, over QSettings (an INI file in the user's config folder)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from caseworker.connection import ConnectionChoice
from caseworker.services.backups import KEEP_DAILY

SETTINGS_VERSION = 1
#: Background sync choices in minutes; 0 is off.
SYNC_INTERVALS = (0, 5, 15, 30, 60)
DEFAULT_SYNC_INTERVAL = 30
#: Requests a second to the site at most, as ``sync --rate`` (the site blocks abusive clients).
DEFAULT_SYNC_RATE = 5.0
MAX_SYNC_RATE = 1000.0
MAX_BACKUPS_KEPT = 365


#: The longest contact sent to the site (an email address or a web address fits).
MAX_CONTACT = 120


def contact_problem(text: str) -> str | None:
    """Why ``text`` cannot go in the User-Agent header, or None if it can."""
    if len(text) > MAX_CONTACT:
        return f"the contact is {len(text)} characters long; at most {MAX_CONTACT} are sent"
    if not (text.isascii() and text.isprintable()):
        return "the contact can hold only plain letters, digits and punctuation (no accents)"
    return None


class WindowSettings:
    """Typed access to the ``window/`` section; every key is named once, here."""

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings
        if self._settings.value("meta/version") is None:
            self._settings.setValue("meta/version", SETTINGS_VERSION)

    @classmethod
    def user(cls) -> WindowSettings:
        return cls(QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                             "Petitions Committee", "petitions-caseworker"))  # fmt: skip

    @classmethod
    def at(cls, path: str) -> WindowSettings:
        return cls(QSettings(path, QSettings.Format.IniFormat))

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._settings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def state(self, name: str) -> QByteArray | None:
        """A saved geometry, splitter or header state, by name."""
        return self._bytes(f"window/{name}")

    def save_state(self, name: str, value: QByteArray) -> None:
        self._settings.setValue(f"window/{name}", value)

    @property
    def last_queue(self) -> str | None:
        value = self._settings.value("window/last_queue")
        return str(value) if value else None

    @last_queue.setter
    def last_queue(self, value: str) -> None:
        self._settings.setValue("window/last_queue", value)

    @property
    def sync_interval(self) -> int:
        """Minutes between background syncs (0: off); anything unknown reads as the default."""
        value = self._settings.value("sync/interval_minutes")
        try:
            minutes = int(str(value))
        except ValueError:
            return DEFAULT_SYNC_INTERVAL
        return minutes if minutes in SYNC_INTERVALS else DEFAULT_SYNC_INTERVAL

    @sync_interval.setter
    def sync_interval(self, minutes: int) -> None:
        if minutes not in SYNC_INTERVALS:
            raise ValueError(f"background sync: {minutes} is not one of {SYNC_INTERVALS}")
        self._settings.setValue("sync/interval_minutes", minutes)

    @property
    def sync_rate(self) -> float:
        """Requests a second at most; an unreadable or out-of-range value reads as the default."""
        try:
            rate = float(str(self._settings.value("sync/rate", DEFAULT_SYNC_RATE)))
        except ValueError:
            return DEFAULT_SYNC_RATE
        return rate if 0 < rate <= MAX_SYNC_RATE else DEFAULT_SYNC_RATE

    @sync_rate.setter
    def sync_rate(self, rate: float) -> None:
        self._settings.setValue("sync/rate", rate)

    @property
    def sync_contact(self) -> str | None:
        """Who the site may contact about this client (an email address), for the User-Agent."""
        value = self._settings.value("sync/contact")
        text = " ".join(str(value).split()) if value else ""
        # Sent in an HTTP header, which carries printable ASCII only: anything else (an INI
        # file edited by hand) is left out rather than failing every sync.
        return text if contact_problem(text) is None and text else None

    @sync_contact.setter
    def sync_contact(self, value: str | None) -> None:
        self._settings.setValue("sync/contact", value or "")

    @property
    def backups_kept(self) -> int:
        """Daily backups kept (1 to 365); anything else reads as the default, 7."""
        try:
            kept = int(str(self._settings.value("backups/daily_kept", KEEP_DAILY)))
        except ValueError:
            return KEEP_DAILY
        return kept if 1 <= kept <= MAX_BACKUPS_KEPT else KEEP_DAILY

    @backups_kept.setter
    def backups_kept(self, kept: int) -> None:
        self._settings.setValue("backups/daily_kept", kept)

    @property
    def connection(self) -> ConnectionChoice | None:
        """The database chosen on first run or in File ▸ Settings (never its password)."""
        self._settings.beginGroup("database")
        try:
            values = {key: str(self._settings.value(key, "")) for key in self._settings.childKeys()}
        finally:
            self._settings.endGroup()
        return ConnectionChoice.from_settings(values)

    @connection.setter
    def connection(self, choice: ConnectionChoice) -> None:
        for key, value in choice.to_settings().items():
            self._settings.setValue(f"database/{key}", value)
        self._settings.sync()

    @property
    def clerk_name(self) -> str | None:
        """The name the audit history and letters give the clerk (None: the login name)."""
        value = self._settings.value("clerk/name")
        text = " ".join(str(value).split()) if value else ""
        return text or None

    @clerk_name.setter
    def clerk_name(self, value: str | None) -> None:
        self._settings.setValue("clerk/name", " ".join((value or "").split()))

    def sync(self) -> None:
        self._settings.sync()
