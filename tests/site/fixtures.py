"""The ``fake_site`` fixture: a started stand-in site, stopped after the test.

Register it for a test module with ``from tests.site.fixtures import fake_site  # noqa: F401``
(or for the whole suite with ``pytest_plugins = ["tests.site.fixtures"]`` in the root
``tests/conftest.py``).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.site.server import FakeSite


@pytest.fixture
def fake_site() -> Iterator[FakeSite]:
    """An empty site on a free loopback port; add petitions with ``fake_site.add(...)``.

    Stopped at the end of the test even if a request is still hanging.
    """
    site = FakeSite().start()
    try:
        yield site
    finally:
        site.stop()
