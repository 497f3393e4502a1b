"""Sync benchmark: a sync through the loopback site against the import of the same JSON.

The site (``tests/site``) is generated with a fixed seed: 20,000 petitions, so 400 list
pages of 50, and about 2,000 petitions open or past 1,000 signatures whose own pages a sync
fetches. It runs in this process; each sync and the file import run in a child process of
their own, so the child's CPU time and peak memory (``ru_maxrss``) are the sync's alone.

Measured in one run, each sync with ``rate`` 1000 (the politeness limit out of the way):

1. first sync into an empty SQLite file: wall time and CPU time per petition, beside
   ``import_paths`` of the very pages the sync received (list pages and petition pages,
   rendered again into a folder) into another empty file;
2. second sync after 1% of the petitions changed (signatures, responses, revisions,
   debates, closures): requests made and time;
3. peak memory of a first sync at 5,000 and at 20,000 petitions.

Targets: the sync's CPU time within 1.5 times the import's (the network layer adds little),
the second sync asks for no more petition pages than changed petitions need one, and peak
memory at 20,000 petitions within 1.25 times that at 5,000 (no whole-site lists).

Run with ``make bench``, ``pytest tests/bench/bench_sync.py -s -q`` or
``python tests/bench/bench_sync.py``. ``CASEWORKER_BENCH_SCALE=0.1`` runs a tenth.
"""

from __future__ import annotations

import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parents[2]
if str(PROJECT_ROOT) not in sys.path:  # run as a plain script
    sys.path.insert(0, str(PROJECT_ROOT))

from tests.site.server import FakeSite  # noqa: E402

SEED = 20260301
SCALE = float(os.environ.get("CASEWORKER_BENCH_SCALE", "1"))
PETITIONS = max(500, round(20_000 * SCALE))
SMALL_SITE = max(500, PETITIONS // 4)
CHANGED_SHARE = 0.01
RATE = 1000.0
CPU_TARGET = 1.5
MEMORY_TARGET = 1.25
SINGLE_PATH = re.compile(r"/petitions/(\d+)\.json$")


# --- the children: one sync, or one import, measured from inside ------------------------


def _child_sync(site: str, db_path: str) -> dict[str, Any]:
    from caseworker.storage.engine import open_database
    from caseworker.sync.options import SyncOptions
    from caseworker.sync.service import SyncService

    database = open_database(db_path)  # migrated before the clock starts
    service = SyncService(database)
    wall, cpu = time.perf_counter(), time.process_time()
    summary = service.run(SyncOptions(site=site, rate=RATE, timeout=60))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    database.dispose()
    return {
        "wall": wall,
        "cpu": cpu,
        "rss_mb": _peak_mb(),
        "line": summary.line(),
        "requests": summary.requests,
        "petitions": summary.new + summary.updated + summary.unchanged,
        "new": summary.new,
        "petition_pages": summary.petition_pages,
        "failures": [f.line() for f in summary.failures],
        "offline": summary.offline,
    }


def _child_import(folder: str, db_path: str) -> dict[str, Any]:
    from caseworker.importing.importer import import_paths
    from caseworker.storage.engine import open_database

    database = open_database(db_path)
    wall, cpu = time.perf_counter(), time.process_time()
    summary = import_paths(database.engine, [Path(folder)])
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    database.dispose()
    return {
        "wall": wall,
        "cpu": cpu,
        "rss_mb": _peak_mb(),
        "line": summary.line(),
        "failures": summary.failures,
    }


def _peak_mb() -> float:
    # ru_maxrss is in kilobytes on Linux (bytes on macOS).
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def _in_child(*args: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", *args],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"child {args[0]} failed:\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# --- the parent -------------------------------------------------------------------------


@dataclass(frozen=True)
class Results:
    pages: int
    details: int
    first: dict[str, Any]
    files: dict[str, Any]
    changed: int
    changed_detailed: int
    second: dict[str, Any]
    second_requests: dict[str, int]
    small: dict[str, Any]

    @property
    def cpu_ratio(self) -> float:
        return float(self.first["cpu"]) / float(self.files["cpu"])

    @property
    def memory_ratio(self) -> float:
        return float(self.first["rss_mb"]) / float(self.small["rss_mb"])


def _write_received_pages(site: FakeSite, folder: Path) -> tuple[int, int]:
    """Every page the site answered with 200 so far, rendered again (nothing changed since)."""
    pages = details = 0
    for request in site.requests:
        if request.status != 200:
            continue
        body = site.render(request.path).body
        if request.path.startswith("/petitions.json"):
            pages += 1
            name = f"list-{pages:05d}.json"
        else:
            details += 1
            name = f"petition-{details:05d}.json"
        (folder / name).write_bytes(body)
    return pages, details


def _change_some(site: FakeSite, rng: random.Random) -> tuple[int, int]:
    """Change 1% of the petitions as a day on the site would; how many, and how many of
    those a sync should fetch the page of (open, or past 1,000 signatures)."""
    ids = site.ids()
    chosen = rng.sample(ids, max(1, round(len(ids) * CHANGED_SHARE)))
    detailed = 0
    for pid in chosen:
        editor = site.petition(pid)
        p = editor.data
        if p.state == "rejected":
            editor.edit(committee_note="A note from the Committee.")
        elif p.state == "open" and rng.random() < 0.2:
            editor.close()
        elif p.government_response is not None and rng.random() < 0.3:
            editor.revise_response()
        elif p.signature_count >= 10_000 and p.government_response is None:
            editor.respond()
        elif p.signature_count >= 100_000 and p.scheduled_debate_date is None:
            editor.schedule_debate((site.now + timedelta(days=20)).date())
        else:
            editor.sign(rng.randint(1, 2_000))
        p = editor.data
        detailed += p.state == "open" or p.signature_count >= 1000
    return len(chosen), detailed


def _request_counts(site: FakeSite) -> dict[str, int]:
    counts = {"list pages": 0, "petition pages": 0, "304": 0, "other": 0}
    for r in site.requests:
        if r.path.startswith("/petitions.json"):
            counts["list pages"] += 1
        elif r.status == 304:
            counts["304"] += 1
        elif SINGLE_PATH.search(r.path.split("?")[0]):
            counts["petition pages"] += 1
        else:
            counts["other"] += 1
    return counts


def run() -> Results:
    with tempfile.TemporaryDirectory(prefix="caseworker-bench-sync-") as name:
        folder = Path(name)
        files = folder / "pages"
        files.mkdir()
        with FakeSite.generate(PETITIONS, SEED) as site:
            first = _in_child("sync", site.base, str(folder / "sync.sqlite3"))
            pages, details = _write_received_pages(site, files)
            imported = _in_child("import", str(files), str(folder / "files.sqlite3"))
            changed, changed_detailed = _change_some(site, random.Random(SEED))
            site.clear_log()
            second = _in_child("sync", site.base, str(folder / "sync.sqlite3"))
            second_requests = _request_counts(site)
        with FakeSite.generate(SMALL_SITE, SEED) as small_site:
            small = _in_child("sync", small_site.base, str(folder / "small.sqlite3"))
    return Results(
        pages, details, first, imported, changed, changed_detailed, second, second_requests, small
    )


def report(r: Results) -> list[str]:
    f, i, s = r.first, r.files, r.second
    per = 1e3 / PETITIONS
    return [
        f"sync benchmark, seed {SEED}: {PETITIONS:,} petitions, {r.pages} list pages, "
        f"{r.details:,} petition pages, rate {RATE:g}/s",
        f"{'':28}{'wall s':>8}{'cpu s':>8}{'cpu ms/petition':>17}{'peak MB':>9}",
        f"{'first sync':28}{f['wall']:>8.1f}{f['cpu']:>8.1f}{f['cpu'] * per:>17.2f}"
        f"{f['rss_mb']:>9.0f}",
        f"{'import of the same files':28}{i['wall']:>8.1f}{i['cpu']:>8.1f}"
        f"{i['cpu'] * per:>17.2f}{i['rss_mb']:>9.0f}",
        f"ratio sync/import: CPU {r.cpu_ratio:.2f} (target <= {CPU_TARGET}), "
        f"wall {f['wall'] / i['wall']:.2f}",
        f"  sync:   {f['line']}",
        f"  import: {i['line']}",
        f"second sync after {r.changed} petitions changed ({r.changed_detailed} open or past "
        f"1,000): {s['wall']:.1f} s wall, {s['cpu']:.1f} s CPU, {s['requests']} requests "
        f"({', '.join(f'{k} {v}' for k, v in r.second_requests.items())})",
        f"  {s['line']}",
        f"peak memory of a first sync: {r.small['rss_mb']:.0f} MB at {SMALL_SITE:,} petitions, "
        f"{f['rss_mb']:.0f} MB at {PETITIONS:,} (ratio {r.memory_ratio:.2f}, "
        f"target <= {MEMORY_TARGET})",
    ]


# --- pytest entry points (``make bench``) ---------------------------------------------

_cache: dict[int, Results] = {}


def results() -> Results:
    """One run per process, shared by the tests below."""
    if SEED not in _cache:
        _cache[SEED] = run()
        print()
        for line in report(_cache[SEED]):
            print(line)
    return _cache[SEED]


def test_first_sync_stores_every_petition() -> None:
    r = results()
    assert r.first["failures"] == [] and r.first["offline"] is None
    assert r.first["new"] == PETITIONS
    assert r.first["petition_pages"] == r.details
    assert r.files["failures"] == []


def test_first_sync_cpu_within_target_of_the_import() -> None:
    r = results()
    assert r.cpu_ratio <= CPU_TARGET, f"the sync takes {r.cpu_ratio:.2f} times the import's CPU"


def test_second_sync_fetches_only_changed_petition_pages() -> None:
    r = results()
    counts = r.second_requests
    assert r.second["failures"] == []
    assert counts["list pages"] == r.pages
    assert counts["petition pages"] + counts["304"] <= r.changed_detailed
    assert r.second["requests"] == sum(counts.values())


def test_memory_stays_flat_as_the_site_grows() -> None:
    r = results()
    assert r.memory_ratio <= MEMORY_TARGET, f"peak memory grew {r.memory_ratio:.2f} times"


def main() -> int:
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        kind, *args = sys.argv[2:]
        child = _child_sync if kind == "sync" else _child_import
        print(json.dumps(child(*args)))
        return 0
    r = results()
    ok = r.cpu_ratio <= CPU_TARGET and r.memory_ratio <= MEMORY_TARGET
    print("targets met" if ok else "targets NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
