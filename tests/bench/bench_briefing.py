"""Briefing pack benchmark: one pack with the 650-row annex, and a batch of 50 packs.

Measured in one run, beside a baseline measured in the same run: WeasyPrint rendering an HTML
page with the same content (cover, summary, texts, the chart data as inline SVG, the same
tables and the 650-row annex with its heading repeated on every page) in the same DejaVu fonts.
WeasyPrint is installed only for the benchmark (``pip install -e '.[bench]'``, which
``make bench`` does); without it the baseline is reported as skipped.
Targets: one pack in under 0.5 s, at least 5 times faster than the baseline.

The demo database is generated once into ``bench-output/`` and reused while it exists.
"""

from __future__ import annotations

import html
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import delete, select, update

PROJECT_ROOT = Path(__file__).resolve().parents[2]
if str(PROJECT_ROOT) not in sys.path:  # run as a plain script
    sys.path.insert(0, str(PROJECT_ROOT))

from caseworker.briefing import BriefingPack, write_pack  # noqa: E402
from caseworker.briefing import figures as fig  # noqa: E402
from caseworker.demo import generate_demo  # noqa: E402
from caseworker.formatting import count, long_date, share  # noqa: E402
from caseworker.pdf.fonts import fonts_folder, register_fonts  # noqa: E402
from caseworker.services.briefing import BriefingService  # noqa: E402
from caseworker.storage import models as m  # noqa: E402
from caseworker.storage.engine import Database, open_database  # noqa: E402

OUTPUT = PROJECT_ROOT / "bench-output"
DEMO_PETITIONS = 600
FIRST_MONDAY = date(2027, 1, 4)
BATCH = 50
REPEATS = 5
TARGET_S = 0.5
TARGET_RATIO = 5.0


def database_path() -> Path:
    OUTPUT.mkdir(exist_ok=True)
    path = OUTPUT / f"briefing-{DEMO_PETITIONS}.sqlite3"
    if not path.exists():
        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        db = open_database(str(partial))
        generate_demo(db.engine, petitions=DEMO_PETITIONS, seed=11, today=date(2026, 6, 1))
        schedule_debates(db)
        db.dispose()
        partial.rename(path)
    return path


def schedule_debates(db: Database) -> None:
    """The demo data has only a few debates; schedule one on each Monday of 2027 for the
    petitions with the most signatures (each has all 650 constituencies), so that a date
    range holds the batch."""
    with db.engine.begin() as connection:
        ids = connection.scalars(
            select(m.Petition.id).order_by(m.Petition.signature_count.desc()).limit(BATCH)
        ).all()
        for week, petition_id in enumerate(ids):
            connection.execute(
                update(m.Petition)
                .where(m.Petition.id == petition_id)
                .values(scheduled_debate_date=FIRST_MONDAY + timedelta(weeks=week))
            )
        connection.execute(delete(m.Debate).where(m.Debate.petition_id.in_(ids)))


def timed(function: Callable[[], object]) -> float:
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def median_of(function: Callable[[], object], repeats: int = REPEATS) -> float:
    return statistics.median(timed(function) for _ in range(repeats))


# The baseline: the same pack as HTML for WeasyPrint ------------------------------------------


def _svg_bars(rows: list[tuple[str, int]]) -> str:
    top = max((n for _name, n in rows), default=1) or 1
    bars = "".join(
        f'<text x="0" y="{12 * i + 9}" font-size="7">{html.escape(name)}</text>'
        f'<rect x="100" y="{12 * i}" width="{150 * n / top:.1f}" height="10" fill="#4d7f6c"/>'
        for i, (name, n) in enumerate(rows)
    )
    return f'<svg width="260" height="{12 * len(rows)}">{bars}</svg>'


def _svg_line(points: list[tuple[date, int]]) -> str:
    if len(points) < 2:
        return ""
    first, top = points[0][0], max(n for _d, n in points) or 1
    span = max((points[-1][0] - first).days, 1)
    path = " ".join(f"{250 * (d - first).days / span:.1f},{160 - 150 * n / top:.1f}"
                    for d, n in points)  # fmt: skip
    line = f'<polyline points="{path}" fill="none" stroke="#006548"/>'
    return f'<svg width="260" height="170">{line}</svg>'


def _table(header: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>"
                   for row in rows)  # fmt: skip
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def pack_html(pack: BriefingPack) -> str:
    fonts = fonts_folder()
    css = f"""
      @font-face {{ font-family: Serif; src: url("file://{fonts}/DejaVuSerif.ttf"); }}
      @font-face {{ font-family: Serif; font-weight: bold;
                   src: url("file://{fonts}/DejaVuSerif-Bold.ttf"); }}
      @font-face {{ font-family: Sans; src: url("file://{fonts}/DejaVuSansCondensed.ttf"); }}
      @page {{ size: A4; margin: 24mm 25mm 22mm;
               @bottom-right {{ content: "Page " counter(page) " of " counter(pages); }} }}
      body {{ font-family: Serif; font-size: 10pt; }}
      table {{ font-family: Sans; font-size: 8.5pt; border-collapse: collapse; width: 100%; }}
      td, th {{ border-bottom: 0.25pt solid #999; padding: 1.2pt 3pt; }}
      thead {{ display: table-header-group; }}
      h1 {{ page-break-before: always; bookmark-level: 1; }}
    """
    parts = [f"<html lang='en-GB'><head><style>{css}</style></head><body>"]
    for p in pack.petitions:
        ranked = fig.ranked_constituencies(p)
        total = fig.constituency_total(p)
        uk, others, _rest = fig.countries(p)
        series = fig.daily_series(p.signature_history)
        points = fig.table_points(series)
        parts += [
            f"<p>e-petition {p.id}</p><h2>{html.escape(p.action)}</h2>",
            f"<h1>Summary</h1><p>{count(p.signature_count)} signatures. "
            f"{html.escape(fig.response_status(p))}</p>",
            f"<h1>The petition</h1><p>{html.escape(p.background or '')}</p>"
            f"<p>{html.escape(p.additional_details or '')}</p>",
            "<h1>Signatures</h1>",
            _svg_line(series),
            _table(["Date", "Signatures"], [[long_date(d), count(n)] for d, n in points]),
            _svg_bars([(c.name, c.signature_count) for c in others]),
            _table(["Country", "Signatures"],
                   [[c.name, count(c.signature_count)] for c in ([uk] if uk else []) + others]),
            _svg_bars([(r.name, r.signature_count) for r in fig.regions(p)]),
            _table(["Region", "Signatures"],
                   [[r.name, count(r.signature_count)] for r in fig.regions(p)]),
            _table(["Rank", "Constituency", "MP", "Signatures", "Share"],
                   [[str(r.rank), r.area.name, r.area.mp or "", count(r.area.signature_count),
                     share(r.area.signature_count, total)] for r in ranked[:20]]),
        ]  # fmt: skip
        for version in p.responses:
            parts.append(f"<h1>Response</h1><p><b>{html.escape(version.summary)}</b></p>"
                         f"<p>{html.escape(version.details or '')}</p>")  # fmt: skip
        parts.append("<h1>Annex</h1>")
        parts.append(_table(["Rank", "Constituency", "MP", "Signatures", "Share"],
                            [[str(r.rank), r.area.name, r.area.mp or "",
                              count(r.area.signature_count), share(r.area.signature_count, total)]
                             for r in ranked]))  # fmt: skip
    parts.append("</body></html>")
    return "".join(parts)


def weasyprint_seconds(pack: BriefingPack, folder: Path) -> float | None:
    try:
        from weasyprint import HTML
    except ImportError as exc:
        print(f"WeasyPrint baseline skipped: not installed ({exc}); pip install -e '.[bench]'")
        return None
    document = pack_html(pack)
    HTML(string=document).write_pdf(folder / "warm-up.pdf")
    return median_of(lambda: HTML(string=document).write_pdf(folder / "weasy.pdf"), repeats=3)


# The benchmark -----------------------------------------------------------------------------


def run() -> None:
    db = open_database(str(database_path()))
    service = BriefingService(db, today=lambda: date(2026, 6, 1))
    groups = service.debates_between(FIRST_MONDAY, FIRST_MONDAY + timedelta(weeks=BATCH - 1))
    assert len(groups) == BATCH, f"{len(groups)} debates in the range, not {BATCH}"
    lead = groups[0].petition_ids
    pack = service.load_pack(lead)
    rows = len(pack.petitions[0].signatures_by_constituency)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cold = timed(lambda: (register_fonts(), write_pack(pack, folder / "cold.pdf")))
        pages = write_pack(pack, folder / "pack.pdf")
        warm = median_of(lambda: write_pack(pack, folder / "pack.pdf"))
        with_db = median_of(lambda: service.write_pack(lead, folder / "service.pdf"))
        batch_folder = folder / "batch"
        batch_folder.mkdir()
        first, last = groups[0].debate_date, groups[BATCH - 1].debate_date
        started = time.perf_counter()
        batch = service.write_batch(first, last, batch_folder)
        batch_s = time.perf_counter() - started
        baseline = weasyprint_seconds(pack, folder)
    db.dispose()
    print(f"\nsingle pack, e-petition {lead[0]}: {pages} pages, {rows}-row annex")
    print(f"  ReportLab: {warm:.3f} s median of {REPEATS} (first in the process {cold:.3f} s; "
          f"with reading the petition from the database {with_db:.3f} s)")  # fmt: skip
    print(f"batch: {len(batch.packs)} packs for the debates from {first} to {last} in "
          f"{batch_s:.2f} s ({batch_s / len(batch.packs):.3f} s a pack)")  # fmt: skip
    if baseline is not None:
        print(
            f"  WeasyPrint, same content as HTML: {baseline:.3f} s; "
            f"ReportLab is {baseline / warm:.1f}x faster (target >= {TARGET_RATIO:.0f}x)"
        )
        assert baseline / warm >= TARGET_RATIO
    assert warm < TARGET_S, f"one pack took {warm:.3f} s (target {TARGET_S} s)"


def test_briefing_benchmark() -> None:
    run()


if __name__ == "__main__":
    run()
