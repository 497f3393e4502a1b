"""Related petitions at 100,000 petitions: quality on real duplicates and time per query.

The 4,134 real petitions of ../shared/data/mysociety-2020-2022 are stored 25 times over
(each copy under new numbers), so every word is 25 times as common as in the real data:
harder for the query than 100,000 different petitions would be. Printed beside the query
time: looking one petition up by number in the same database (the ``show`` command's first
query), a baseline measured in the same run.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
if str(PROJECT_ROOT) not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT))

from sqlalchemy import select  # noqa: E402

from caseworker.importing.importer import import_paths  # noqa: E402
from caseworker.services.related import RelatedService  # noqa: E402
from caseworker.storage.engine import Database, open_database  # noqa: E402
from caseworker.storage.models import Petition  # noqa: E402
from tests.unit.related.test_quality import duplicate_pairs  # noqa: E402

PAGES = PROJECT_ROOT.parent / "shared" / "data" / "mysociety-2020-2022" / "list-pages"
COPIES = 24
OFFSET = 1_000_000


def copy_petitions(database: Database) -> int:
    """Store every petition ``COPIES`` more times, under numbers ``OFFSET`` apart."""
    columns = [c.name for c in Petition.__table__.columns]
    with database.engine.begin() as connection:
        for k in range(1, COPIES + 1):
            chosen = ", ".join(f"id + {k * OFFSET}" if c == "id" else c for c in columns)
            connection.exec_driver_sql(
                f"INSERT INTO petitions ({', '.join(columns)}) "
                f"SELECT {chosen} FROM petitions WHERE id < {OFFSET}"
            )
        connection.exec_driver_sql("ANALYZE")
        return int(connection.exec_driver_sql("SELECT count(*) FROM petitions").scalar() or 0)


def timed(action: object, ids: list[int]) -> list[float]:
    times = []
    for pid in ids:
        started = time.perf_counter()
        action(pid)  # type: ignore[operator]
        times.append((time.perf_counter() - started) * 1000)
    return times


def run() -> None:
    pairs = duplicate_pairs(PAGES)
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(str(Path(folder) / "related.sqlite3"))
        import_paths(database.engine, [PAGES])
        service = RelatedService(database)
        service.refresh()
        found = sum(1 for dup, named in pairs if named in [r.id for r in service.related(dup, 5)])
        print(f"quality: the named original is in the top 5 for {found} of {len(pairs)} real "
              f"duplicates ({found / len(pairs):.1%}; goal 85%)")  # fmt: skip
        total = copy_petitions(database)
        started = time.perf_counter()
        indexed = service.refresh()
        print(f"indexing {indexed:,} new petitions: {time.perf_counter() - started:.1f} s "
              f"({total:,} stored)")  # fmt: skip
        ids = [dup for dup, _ in pairs[:200]]
        service.related(ids[0])  # warm the page cache as a clerk's second query would
        query = timed(lambda pid: service.related(pid, 10), ids)

        def look_up(pid: int) -> None:
            with database.engine.connect() as connection:
                connection.execute(select(Petition).where(Petition.id == pid)).one()

        baseline = timed(look_up, ids)
        median, base = statistics.median(query), statistics.median(baseline)
        p95 = statistics.quantiles(query, n=20)[18]
        print(f"related at {total:,} petitions: median {median:.1f} ms, 95th percentile "
              f"{p95:.1f} ms a query (goal under 50 ms); looking a petition up: "
              f"{base:.1f} ms; ratio {median / base:.1f}x")  # fmt: skip
        database.dispose()


def test_related_petitions() -> None:
    run()


if __name__ == "__main__":
    run()
