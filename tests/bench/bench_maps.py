"""Map benchmark: the briefing pack with the constituency map (and the Members section)
beside the same pack without them, measured in the same run.

The pack is that of a real capture with all 650 constituencies (e-petition 700143, "Call a
General Election", from the shared data), laid out by ``caseworker.briefing.render.story``;
the map and Members sections are put in before the annex, as the pack will place them.
Goal: the map adds at most 0.1 s to a pack. Also printed: working out the geography, and
building the map's flowables alone.

Needs the shared data folder (``../shared/data`` or ``$CASEWORKER_SHARED_DATA``).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
if str(PROJECT_ROOT) not in sys.path:  # run as a plain script
    sys.path.insert(0, str(PROJECT_ROOT))

from reportlab.platypus import CondPageBreak, Flowable  # noqa: E402
from reportlab.platypus.doctemplate import NotAtTopPageBreak  # noqa: E402

from caseworker import geography  # noqa: E402
from caseworker.briefing import BriefingPack  # noqa: E402
from caseworker.briefing.blocks import Outline  # noqa: E402
from caseworker.briefing.maps import map_section  # noqa: E402
from caseworker.briefing.members import members_section  # noqa: E402
from caseworker.briefing.render import document_info, story  # noqa: E402
from caseworker.importing.importer import import_paths  # noqa: E402
from caseworker.pdf.document import Heading, ParliamentaryDocument  # noqa: E402
from caseworker.pdf.fonts import register_fonts  # noqa: E402
from caseworker.services.briefing import BriefingService  # noqa: E402
from caseworker.storage.engine import open_database  # noqa: E402

CAPTURE = "timeseries-700143-vinaymanro-readme/700143_snapshot_2024-11-24.json"
PETITION = 700143
REPEATS = 9
GOAL_EXTRA_S = 0.1
#: Bookmark keys of the added sections, clear of the pack's own ("h1", "h2" …).
KEYS_FROM = 100_000


def shared_data() -> Path:
    return Path(os.environ.get("CASEWORKER_SHARED_DATA", PROJECT_ROOT.parent / "shared" / "data"))


def load_pack(folder: Path) -> BriefingPack:
    db = open_database(str(folder / "maps.sqlite3"))
    assert import_paths(db.engine, [shared_data() / CAPTURE]).failed == 0
    pack = BriefingService(db, today=lambda: date(2024, 11, 25)).load_pack([PETITION])
    db.dispose()
    return pack


def with_geography(pack: BriefingPack, *, members: bool = False) -> list[Flowable]:
    """The pack's story with the map (and the Members section) just before the annex and
    the page break that starts it, where the pack will put them."""
    flowables = story(pack)
    outline = Outline(depth=1, _keys=KEYS_FROM)
    added = map_section(pack.petitions[0], outline, 0)
    if members:
        added += members_section(pack.petitions, outline, 0)
    at = annex_start(flowables)
    return [*flowables[:at], *added, *flowables[at:]]


def annex_start(flowables: list[Flowable]) -> int:
    """Where the annex begins: its heading, less the page breaks put before it."""
    at = next(
        (
            i
            for i, f in enumerate(flowables)
            if isinstance(f, Heading) and "Annex" in f.outline_text
        ),
        len(flowables),
    )
    while at and isinstance(flowables[at - 1], (NotAtTopPageBreak, CondPageBreak)):
        at -= 1
    return at


def render(pack: BriefingPack, flowables: Callable[[], list[Flowable]], path: Path) -> int:
    return ParliamentaryDocument(path, document_info(pack)).render(flowables())


@dataclass
class Timings:
    """Wall-clock and processor seconds of each run of one variant of the pack."""

    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)

    def run(self, function: Callable[[], object]) -> None:
        wall, cpu = time.perf_counter(), time.process_time()
        function()
        self.cpu.append(time.process_time() - cpu)
        self.wall.append(time.perf_counter() - wall)

    def __str__(self) -> str:
        return (
            f"{statistics.median(self.wall):.3f} s (processor {statistics.median(self.cpu):.3f} s)"
        )


def interleaved(variants: dict[str, Callable[[], object]]) -> dict[str, Timings]:
    """Each variant run in turn, REPEATS rounds: other work on the machine then slows all of
    them alike instead of whichever happened to run during it."""
    timings = {name: Timings() for name in variants}
    for _ in range(REPEATS):
        for name, function in variants.items():
            timings[name].run(function)
    return timings


def run() -> None:
    if not (shared_data() / CAPTURE).exists():
        print(f"maps benchmark skipped: {shared_data() / CAPTURE} is missing")
        return
    register_fonts()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        pack = load_pack(folder)
        petition = pack.petitions[0]
        geography.petition_geography(petition)  # reads the shipped reference data once
        variants: dict[str, Callable[[], list[Flowable]]] = {
            "without the map": lambda: story(pack),
            "with the map": lambda: with_geography(pack),
            "with the map and the Members section": lambda: with_geography(pack, members=True),
        }
        pages = {
            n: render(pack, v, folder / f"{i}.pdf") for i, (n, v) in enumerate(variants.items())
        }
        timings = interleaved(
            {n: (lambda v=v: render(pack, v, folder / "x.pdf")) for n, v in variants.items()}
        )
        figures = interleaved({"geography": lambda: geography.petition_geography(petition)})
        section = interleaved({"map": lambda: map_section(petition, Outline(), 0)})
    print(f"\npack of e-petition {PETITION} (650 constituencies), median of {REPEATS}:")
    for name, timing in timings.items():
        print(f"  {name}: {timing}, {pages[name]} pages")
    base, mapped = timings["without the map"], timings["with the map"]
    extra = statistics.median(mapped.wall) - statistics.median(base.wall)
    extra_cpu = statistics.median(mapped.cpu) - statistics.median(base.cpu)
    ratio = statistics.median(mapped.wall) / statistics.median(base.wall)
    print(f"  the map adds {extra:.3f} s (processor {extra_cpu:.3f} s; goal <= {GOAL_EXTRA_S} s); "
          f"with/without {ratio:.2f}")  # fmt: skip
    print(f"  geography worked out: {figures['geography']}; map flowables built: {section['map']}")
    assert min(extra, extra_cpu) <= GOAL_EXTRA_S, f"the map added {extra:.3f} s"


def test_maps_benchmark() -> None:
    run()


if __name__ == "__main__":
    run()
