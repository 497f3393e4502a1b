"""Window state kept between runs, over QSettings (an INI file in the user's config folder)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

SETTINGS_VERSION = 1


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

    def sync(self) -> None:
        self._settings.sync()
