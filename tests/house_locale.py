"""A non-English time locale for tests that prove dates do not follow the desktop's language.

glibc machines often carry only C.UTF-8; then fr_FR is compiled into the test's own folder
with ``localedef`` (about a second). Where neither works the test is skipped: the scan in
tests/unit/test_formatting.py still proves no House-style module asks the locale for names.
"""

from __future__ import annotations

import locale
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

FRENCH = "fr_FR.UTF-8"


def _try_set(name: str) -> bool:
    try:
        locale.setlocale(locale.LC_TIME, name)
    except locale.Error:
        return False
    return True


@pytest.fixture
def french_dates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """LC_TIME is French for the test ("avril" from strftime), restored afterwards."""
    saved = locale.setlocale(locale.LC_TIME)
    if not _try_set(FRENCH):
        localedef = shutil.which("localedef")
        if localedef is None:
            pytest.skip("no French locale and no localedef to build one")
        built = subprocess.run(
            [localedef, "-i", "fr_FR", "-f", "UTF-8", str(tmp_path / FRENCH)],
            capture_output=True,
            check=False,
        )
        monkeypatch.setenv("LOCPATH", str(tmp_path))
        if built.returncode not in (0, 1) or not _try_set(FRENCH):
            pytest.skip("a French locale could not be built")
    try:
        from datetime import date

        assert f"{date(2025, 4, 5):%B}" == "avril"
        yield
    finally:
        locale.setlocale(locale.LC_TIME, saved)
