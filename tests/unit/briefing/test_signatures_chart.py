"""Signatures over time: every known count is drawn, labels stay clear of the curve, the
caption names only what is drawn, and the chart carries its text alternative and data."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from reportlab.graphics.shapes import Group, PolyLine, String
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

from caseworker.briefing import charts, figures
from caseworker.briefing.blocks import Outline
from caseworker.briefing.signatures import signatures
from caseworker.importing.importer import import_paths
from caseworker.pdf.semantics import figure_of
from caseworker.services.briefing import BriefingService
from caseworker.services.dto import PetitionDetail, SnapshotView
from caseworker.storage.engine import Database, open_database
from tests.unit.briefing.captures import TOTAL
from tests.unit.briefing.conftest import PREPARED

REAL = {
    584632: "mysociety-2020-2022/single/584632.json",
    241584: "single-241584-2019-revoke50/241584.json",
}
START = datetime(2025, 1, 6, 9, tzinfo=UTC)


@pytest.fixture(scope="module")
def real_db(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = open_database(str(tmp_path_factory.mktemp("real") / "real.sqlite3"))
    summary = import_paths(db.engine, [shared_data / path for path in REAL.values()])
    assert summary.failed == 0
    yield db
    db.dispose()


def real(db: Database, pid: int) -> PetitionDetail:
    return BriefingService(db, today=lambda: PREPARED).load_pack([pid]).petitions[0]


def hostile(service: BriefingService) -> PetitionDetail:
    return service.load_pack([700001]).petitions[0]


def test_known_counts_are_the_opening_the_crossings_and_every_capture(
    service: BriefingService,
) -> None:
    known = figures.known_counts(hostile(service))
    assert [(k.at.date().isoformat(), k.count, k.what) for k in known] == [
        ("2025-01-06", 0, "Opened"),
        ("2025-02-08", 9_500, "Captured"),
        ("2025-02-10", 10_000, "10,000 reached"),
        ("2025-04-02", 61_000, "Captured"),
        ("2025-04-20", 100_000, "100,000 reached"),
        ("2025-07-06", TOTAL, "Captured"),
    ]


def test_a_capture_after_closing_gives_the_closing_count_on_the_closing_day(
    real_db: Database,
) -> None:
    # 584632 was captured a year after it closed: the curve ends when it closed.
    known = figures.known_counts(real(real_db, 584632))
    assert [(k.count, k.what) for k in known] == [
        (0, "Opened"),
        (10_000, "10,000 reached"),
        (100_000, "100,000 reached"),
        (142_931, "Closed"),
    ]
    assert known[-1].at.date().isoformat() == "2021-11-13"


def test_the_real_packs_chart_is_drawn_with_both_markers(real_db: Database) -> None:
    story = signatures(real(real_db, 584632), None, Outline(), 0)
    chart = next(figure_of(d) for d in drawings(story) if "Line chart" in figure_of(d).alt)
    assert chart.alt == (
        "Line chart of signatures over time, from 0 on 13 May 2021 to 142,931 on "
        "13 November 2021; it marks the response on 8 June 2021 and the debate on "
        "14 June 2021."
    )
    assert chart.headers == ("Date", "Signatures", "Known from")
    assert chart.rows[-1] == ("13 Nov 2021", "142,931", "Closed")
    text = notes(story)
    assert "Dashed lines: the 10,000 and 100,000 thresholds." in text
    assert "Dotted vertical lines: the response and the debate." in text
    assert "Too few" not in text


def test_on_a_chart_of_millions_the_caption_names_no_threshold(real_db: Database) -> None:
    # 241584 reached 5.1 million: 10,000 and 100,000 would lie on the axis, so they are not
    # drawn, and the caption does not mention them.
    story = signatures(real(real_db, 241584), None, Outline(), 0)
    line_chart = next(d for d in drawings(story) if "Line chart" in figure_of(d).alt)
    assert not [s for s in strings(line_chart) if "signatures" in s.text]
    assert "Dashed" not in notes(story)


def test_one_known_count_is_a_sentence_not_a_chart(service: BriefingService) -> None:
    lonely = replace(
        hostile(service),
        opened_at=None,
        response_threshold_reached_at=None,
        debate_threshold_reached_at=None,
        signature_history=(SnapshotView(START, 12),),
    )
    story = signatures(lonely, None, Outline(), 0)
    assert not [d for d in drawings(story) if "Line chart" in figure_of(d).alt]
    assert "The only dated count is 12 on 6 January 2025, too few to chart" in notes(story)


def test_every_chart_in_the_section_has_a_text_alternative_and_data(
    service: BriefingService,
) -> None:
    found = drawings(signatures(hostile(service), None, Outline(), 0))
    assert len(found) == 3  # over time, countries, regions
    for drawing in found:
        figure = figure_of(drawing)
        assert figure is not None and figure.alt.endswith(".") and figure.rows
        assert all(len(row) == len(figure.headers) for row in figure.rows)


@pytest.mark.parametrize(
    "days_to_cross",
    [2, 30, 170],
    ids=["crossed at once", "crossed early", "crossed late"],
)
def test_threshold_labels_are_not_struck_by_the_curve(days_to_cross: int) -> None:
    points = [
        (START, 0),
        (START + timedelta(days=days_to_cross - 1), 9_000),
        (START + timedelta(days=days_to_cross), 10_000),
        (START + timedelta(days=days_to_cross + 1), 100_000),
        (START + timedelta(days=180), 150_000),
    ]
    markers = [charts.Marker("Response", START + timedelta(days=20))]
    chart = charts.signatures_over_time(points, (10_000, 100_000), markers, width=260, height=180)
    assert chart.thresholds == (10_000, 100_000)
    curve = [line for line in chart.drawing.contents if isinstance(line, PolyLine)]
    assert len(curve) == 1
    corners = list(zip(curve[0].points[::2], curve[0].points[1::2], strict=True))
    labels = [s for s in strings(chart.drawing) if s.text.endswith("signatures")]
    assert len(labels) == 2
    for label in labels:
        box = text_box(label)
        for a, b in zip(corners, corners[1:], strict=False):
            assert not crosses(box, a, b), f"{label.text} is struck by the curve"


def test_marker_labels_sit_above_the_plot_and_do_not_overlap() -> None:
    day = START + timedelta(days=90)
    markers = [charts.Marker("Response", day), charts.Marker("Debate", day + timedelta(days=1))]
    chart = charts.signatures_over_time(
        [(START, 0), (START + timedelta(days=100), 50_000)],
        (10_000,),
        markers,
        width=260,
        height=180,
    )
    response, debate = (
        next(s for s in strings(chart.drawing) if s.text.startswith(word))
        for word in ("Response", "Debate")
    )
    assert not overlap(text_box(response), text_box(debate))
    top = max(y for _x, y in chart.curve)
    assert min(response.y, debate.y) > top


# Helpers ----------------------------------------------------------------------------------


def drawings(story: list) -> list:
    """Every described drawing in the story, also inside side-by-side tables."""
    found = []
    for flowable in story:
        cells = getattr(flowable, "_cellvalues", [[flowable]])
        found += [c for row in cells for c in row if figure_of(c) is not None]
    return found


def notes(story: list) -> str:
    return " ".join(p.getPlainText() for p in story if isinstance(p, Paragraph))


def strings(group: Group) -> list[String]:
    out = []
    for item in group.contents:
        if isinstance(item, String):
            out.append(item)
        elif isinstance(item, Group):
            out += strings(item)
    return out


def text_box(label: String) -> tuple[float, float, float, float]:
    width = stringWidth(label.text, label.fontName, label.fontSize)
    x0 = {"start": label.x, "end": label.x - width, "middle": label.x - width / 2}[label.textAnchor]
    return x0, label.y - 0.2 * label.fontSize, x0 + width, label.y + 0.8 * label.fontSize


def overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def crosses(
    box: tuple[float, float, float, float], a: tuple[float, float], b: tuple[float, float]
) -> bool:
    """Whether the segment a–b enters the box (sampled finely; the box is a few points)."""
    steps = 400
    for i in range(steps + 1):
        t = i / steps
        x, y = a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t
        if box[0] <= x <= box[2] and box[1] <= y <= box[3]:
            return True
    return False
