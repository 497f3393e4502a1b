"""Files shipped with the application are found inside the installed package (the wheel test,
tests/integration/test_installed_wheel.py, checks the same from a real install)."""

from __future__ import annotations

from pathlib import Path

import pytest

from caseworker import shipped
from caseworker.pdf.fonts import FONTS_ENV, FontsMissing, fonts_folder
from caseworker.shipped import ShippedFileMissing, shipped_path


def test_a_shipped_font_is_a_real_file() -> None:
    path = shipped_path("fonts", "DejaVuSerif.ttf")
    assert path.is_file()
    assert path.read_bytes()[:4] == b"\x00\x01\x00\x00"  # a TrueType font


def test_a_missing_file_is_named() -> None:
    with pytest.raises(ShippedFileMissing, match="no-such-file.ttf is missing"):
        shipped_path("fonts", "no-such-file.ttf")


def test_an_uninstalled_package_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shipped, "RESOURCES_PACKAGE", "caseworker.no_such_resources")
    with pytest.raises(ShippedFileMissing, match="not installed.*pip install -e"):
        shipped_path("fonts")


def test_the_fonts_come_from_the_package_unless_configured(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(FONTS_ENV, raising=False)
    assert fonts_folder() == shipped_path("fonts")

    monkeypatch.setenv(FONTS_ENV, str(tmp_path))
    assert fonts_folder() == tmp_path


def test_fonts_missing_from_the_install_are_reported_as_such(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(FONTS_ENV, raising=False)
    monkeypatch.setattr(shipped, "RESOURCES_PACKAGE", "caseworker.no_such_resources")
    with pytest.raises(FontsMissing, match="not installed"):
        fonts_folder()
