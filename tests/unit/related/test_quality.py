"""Related petitions measured on real data: the site names the petition a rejected duplicate
repeats; that petition must be among the five most related for at least 85% of them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from caseworker.importing.importer import import_paths
from caseworker.services.related import RelatedService
from caseworker.storage.engine import open_database

GOAL = 0.85
_NAMED = re.compile(r"petitions/(\d+)")


def duplicate_pairs(pages: Path) -> list[tuple[int, int]]:
    """(rejected duplicate, the stored petition its rejection names first)."""
    items = {}
    for page in sorted(pages.glob("*.json")):
        for item in json.loads(page.read_text(encoding="utf-8"))["data"]:
            items[int(item["id"])] = item["attributes"]
    pairs = []
    for pid, attributes in items.items():
        rejection = attributes.get("rejection") or {}
        if rejection.get("code") != "duplicate":
            continue
        named = _NAMED.findall(rejection.get("details") or "")
        if named and int(named[0]) in items:
            pairs.append((pid, int(named[0])))
    return pairs


@pytest.mark.realdata
def test_the_named_original_is_in_the_top_five(shared_data: Path, tmp_path: Path) -> None:
    pages = shared_data / "mysociety-2020-2022" / "list-pages"
    pairs = duplicate_pairs(pages)
    assert len(pairs) == 646  # as the data's README counts them
    database = open_database(str(tmp_path / "real.sqlite3"))
    try:
        assert import_paths(database.engine, [pages]).failed == 0
        service = RelatedService(database)
        service.refresh()
        found = sum(1 for dup, named in pairs if named in [r.id for r in service.related(dup, 5)])
    finally:
        database.dispose()
    share = found / len(pairs)
    print(f"named original in the top 5 for {found} of {len(pairs)} ({share:.1%})")
    assert share >= GOAL
