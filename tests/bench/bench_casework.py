"""Casework benchmark on a generated database (20,000 petitions by default).

Measured in one run, each beside the equivalent raw SQL through the stdlib ``sqlite3``:

* the Review tab's data for a petition (``ReviewService.pane``: the petition, its response
  versions with key terms found, reviews and requests), median and 95th percentile over 200
  answered petitions; baseline: selecting the same rows;
* a Committee meeting's agenda (``MeetingService.agenda``); baseline: the responses in the
  meeting's window;
* what the import pays to close the loop (``link_revised_responses``) per file of 50
  petitions, with 1,000 open requests in the database; baseline: selecting those 50 rows.

Target: every interaction within 150 ms at the 95th percentile, as for the window; the
import hook well under a millisecond a file. ``CASEWORKER_BENCH_SCALE=0.1`` for a quick check.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
if str(PROJECT_ROOT) not in sys.path:  # run as a plain script
    sys.path.insert(0, str(PROJECT_ROOT))

from caseworker.demo import generate_demo  # noqa: E402
from caseworker.importing.revisions import link_revised_responses  # noqa: E402
from caseworker.services.casework import CaseworkServices  # noqa: E402
from caseworker.storage.engine import Database, open_database  # noqa: E402

SCALE = float(os.environ.get("CASEWORKER_BENCH_SCALE", "1"))
PETITIONS = max(1000, round(20_000 * SCALE))
OUTPUT = PROJECT_ROOT / "bench-output"
TODAY = date(2026, 11, 23)
OPEN_REQUESTS = 1000
TARGET_P95_MS = 150.0


def database() -> tuple[Database, Path]:
    OUTPUT.mkdir(exist_ok=True)
    path = OUTPUT / f"casework-{PETITIONS}.sqlite3"
    if not path.exists():
        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        db = open_database(str(partial))
        generate_demo(db.engine, petitions=PETITIONS, seed=7, today=TODAY)
        db.dispose()
        partial.rename(path)
    return open_database(str(path)), path


def timed(function: Callable[[], object], repeat: int = 1) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        out.append((time.perf_counter() - start) * 1000)
    return out


def answered(raw: sqlite3.Connection, limit: int) -> list[int]:
    rows = raw.execute(
        "SELECT petition_id FROM response_versions WHERE is_current ORDER BY petition_id LIMIT ?",
        (limit,),
    )
    return [r[0] for r in rows]


def open_requests(services: CaseworkServices, ids: list[int]) -> None:
    """Requests about every current response of ``ids`` (once; kept in the database)."""
    for pid in ids:
        if not services.requests.list_requests(petition_id=pid):  # the demo made a few
            services.requests.create(pid, "Benchmark: not answered.")


def pane_figures(services: CaseworkServices, raw: sqlite3.Connection, ids: list[int]) -> str:
    ours = [t for pid in ids for t in timed(lambda p=pid: services.reviews.pane(p))]

    def baseline(pid: int) -> None:
        raw.execute("SELECT * FROM petitions WHERE id = ?", (pid,)).fetchall()
        raw.execute("SELECT * FROM response_versions WHERE petition_id = ?", (pid,)).fetchall()
        raw.execute("SELECT * FROM response_reviews WHERE petition_id = ?", (pid,)).fetchall()
        raw.execute("SELECT * FROM revision_requests WHERE petition_id = ?", (pid,)).fetchall()

    base = [t for pid in ids for t in timed(lambda p=pid: baseline(p))]
    return _line("review pane", ours, base)


def agenda_figures(services: CaseworkServices, raw: sqlite3.Connection) -> str:
    meeting = services.meetings.open_meeting(TODAY - timedelta(days=6))
    ours = timed(lambda: services.meetings.agenda(meeting.id), repeat=20)
    start, end = meeting.window_start.isoformat(), meeting.cut_off.isoformat()
    base = timed(
        lambda: raw.execute(
            "SELECT petition_id, id, responded_on FROM response_versions "
            "WHERE responded_on > ? AND responded_on <= ?",
            (start, end),
        ).fetchall(),
        repeat=20,
    )
    items = len(services.meetings.agenda(meeting.id))
    return _line(f"meeting agenda ({items} items)", ours, base)


def link_figures(db: Database, raw: sqlite3.Connection, ids: list[int]) -> str:
    batches = [ids[i : i + 50] for i in range(0, len(ids), 50)]
    now = datetime.now(UTC)

    def ours(batch: list[int]) -> None:
        with db.engine.begin() as connection:
            link_revised_responses(connection, batch, "bench", now)

    def baseline(batch: list[int]) -> None:
        marks = ",".join("?" * len(batch))
        raw.execute(f"SELECT id, state FROM petitions WHERE id IN ({marks})", batch).fetchall()

    mine = [t for b in batches for t in timed(lambda b=b: ours(b))]
    base = [t for b in batches for t in timed(lambda b=b: baseline(b))]
    return _line("import hook, per file of 50", mine, base)


def _line(name: str, ours: list[float], base: list[float]) -> str:
    p95 = statistics.quantiles(ours, n=20)[18] if len(ours) >= 20 else max(ours)
    median, base_median = statistics.median(ours), statistics.median(base)
    ratio = median / base_median if base_median else float("inf")
    return (
        f"{name}: median {median:.1f} ms, p95 {p95:.1f} ms; raw SQL median "
        f"{base_median:.2f} ms; ratio {ratio:.1f}x"
    )


def run() -> list[str]:
    db, path = database()
    raw = sqlite3.connect(path)
    try:
        services = CaseworkServices.open(db, actor="bench")
        ids = answered(raw, 200)
        requested = answered(raw, OPEN_REQUESTS)
        open_requests(services, requested)
        return [
            f"casework benchmark on {PETITIONS:,} petitions, {OPEN_REQUESTS:,} open requests",
            pane_figures(services, raw, ids),
            agenda_figures(services, raw),
            link_figures(db, raw, requested),
        ]
    finally:
        raw.close()
        db.dispose()


def test_casework_interactions() -> None:
    lines = run()
    print("\n" + "\n".join(lines))
    for line in lines[1:3]:
        p95 = float(line.split("p95 ")[1].split(" ms")[0])
        assert p95 < TARGET_P95_MS, line


if __name__ == "__main__":
    print("\n".join(run()))
