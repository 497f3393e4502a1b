"""Collect the benchmark modules (``bench_*.py``), which the normal test run never visits.

``pyproject.toml`` keeps ``tests/bench`` out of ``pytest tests``; ``make bench`` runs
``pytest tests/bench``, and this hook makes that pick up every ``bench_*.py`` here.
"""

from __future__ import annotations

from pathlib import Path

import pytest


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Module | None:
    # A file named on the command line is collected by pytest itself already.
    if parent.session.isinitpath(file_path):
        return None
    if file_path.suffix == ".py" and file_path.name.startswith("bench_"):
        return pytest.Module.from_parent(parent, path=file_path)
    return None
