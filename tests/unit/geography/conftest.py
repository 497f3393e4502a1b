"""Real captures for the geography tests, imported once for the package."""

from __future__ import annotations

from pathlib import Path

import pytest

from caseworker.services.dto import PetitionDetail
from tests.unit.geography.builders import EUREF, GENERAL_ELECTION, real_details


@pytest.fixture(scope="package")
def real(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[int, PetitionDetail]:
    """The 2016 EU referendum petition (2010 seats) and the 2024 general election petition
    (2024 seats), as the application reads them back from its database."""
    return real_details(
        shared_data, tmp_path_factory.mktemp("geography-real"), EUREF, GENERAL_ELECTION
    )
