"""The signatures section: totals, thresholds, the count over time, countries, regions, the
top constituencies and the opening Member's own seat. Every chart has its numbers beside it."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from caseworker.briefing import charts, figures
from caseworker.briefing.blocks import Outline, data_table, fitted_widths, note, plain, side_by_side
from caseworker.domain import rules
from caseworker.formatting import count, long_date, papers_moment, share, short_date
from caseworker.pdf import styles as s
from caseworker.pdf.fonts import SANS_BOLD
from caseworker.pdf.semantics import describe
from caseworker.pdf.text import para
from caseworker.services.dto import PetitionDetail

CHART_WIDTH = 0.54 * s.FRAME_WIDTH
TABLE_WIDTH = s.FRAME_WIDTH - CHART_WIDTH - 10
#: Name, signatures and share columns of a table beside a chart.
THREE_COLUMNS = [TABLE_WIDTH * 0.55, TABLE_WIDTH * 0.27, TABLE_WIDTH * 0.18]


def signatures(
    petition: PetitionDetail, member: str | None, outline: Outline, level: int
) -> list[Flowable]:
    ranked = figures.ranked_constituencies(petition)
    story: list[Flowable] = [*_totals(petition), _threshold_table(petition)]
    story += _over_time(petition, outline, level)
    story += _countries(petition, outline, level)
    story += _regions(petition, outline, level)
    story += _top_constituencies(petition, ranked, member, outline, level)
    story += _member_seat(petition, ranked, member, outline, level)
    return story


def _totals(petition: PetitionDetail) -> list[Flowable]:
    st = s.styles()
    text = f"The petition has {count(petition.signature_count)} signatures"
    if petition.updated_at is not None:
        text += f" (as at {papers_moment(petition.updated_at)})"
    uk, _others, _rest = figures.countries(petition)
    if uk is not None:
        abroad = petition.signature_count - uk.signature_count
        text += (
            f". {count(uk.signature_count)} ({share(uk.signature_count, petition.signature_count)})"
            f" came from the United Kingdom and {count(max(abroad, 0))} from elsewhere"
        )
    return [Paragraph(para(text + "."), st.body)]


def _threshold_table(petition: PetitionDetail) -> Flowable:
    rows = [["Threshold", "What it brings", "Crossed on"]]
    for t in figures.thresholds(petition):
        rows.append(
            [
                count(t.signatures),
                t.meaning.capitalize(),
                long_date(t.crossed_on) if t.crossed_on else "Not crossed",
            ]
        )
    widths = [70, 150, 120]
    # Three rows: split, its heading row would be left alone at the foot of a page.
    return KeepTogether(data_table(rows, widths, numeric=[0], repeat_header=False))


def _over_time(petition: PetitionDetail, outline: Outline, level: int) -> list[Flowable]:
    known = figures.known_counts(petition)
    if len(known) < 2:
        return [plain(_too_few(known))]
    markers = _markers(petition)
    chart = charts.signatures_over_time(
        [(k.at, k.count) for k in known],
        (rules.RESPONSE_THRESHOLD, rules.DEBATE_THRESHOLD),
        markers,
        width=CHART_WIDTH,
        height=180,
    )
    listed = figures.tabulated(known)
    rows = [[short_date(k.at), count(k.count), k.what] for k in listed]
    headers = ["Date", "Signatures", "Known from"]
    drawing = describe(
        chart.drawing,
        _over_time_alt(known, chart),
        headers=headers,
        rows=rows,
        caption=_over_time_caption(chart, thinned=len(listed) < len(known)),
    )
    table = data_table(
        [headers, *rows],
        [TABLE_WIDTH * 0.36, TABLE_WIDTH * 0.28, TABLE_WIDTH * 0.36],
        numeric=[1],
        repeat_header=False,
    )
    return [
        outline.heading("Signatures over time", level + 1),
        side_by_side(drawing, table, CHART_WIDTH + 10, s.FRAME_WIDTH),
        note(_over_time_caption(chart, thinned=len(listed) < len(known))),
    ]


def _too_few(known: Sequence[figures.KnownCount]) -> str:
    if not known:
        return "No count was captured with a date, so the signatures cannot be charted over time."
    only = known[0]
    return (
        f"The only dated count is {count(only.count)} on {long_date(only.at)}, too few to "
        "chart the signatures over time."
    )


def _markers(petition: PetitionDetail) -> list[charts.Marker]:
    found = [
        ("Response", figures.response_moment(petition)),
        ("Debate", figures.debate_moment(petition)),
    ]
    return [charts.Marker(label, at) for label, at in found if at is not None]


def _over_time_alt(known: Sequence[figures.KnownCount], chart: charts.TimeChart) -> str:
    first, last = known[0], known[-1]
    text = (
        f"Line chart of signatures over time, from {count(first.count)} on "
        f"{long_date(first.at)} to {count(last.count)} on {long_date(last.at)}"
    )
    events = [f"the {m.label.lower()} on {long_date(m.at)}" for m in chart.markers]
    if events:
        text += "; it marks " + " and ".join(events)
    return text + "."


def _over_time_caption(chart: charts.TimeChart, *, thinned: bool) -> str:
    """What the chart draws, naming only the lines that are in it."""
    listed = (
        "the table gives the milestones and about one capture a month"
        if thinned
        else "they are in the table"
    )
    text = (
        f"The dots are the known counts ({listed}); the line joins them, so the counts "
        "between dots are not known."
    )
    if chart.thresholds:
        names = " and ".join(f"{t:,}" for t in chart.thresholds)
        plural = "s" if len(chart.thresholds) > 1 else ""
        text += f" Dashed line{plural}: the {names} threshold{plural}."
    if chart.markers:
        names = " and ".join(f"the {m.label.lower()}" for m in chart.markers)
        plural = "s" if len(chart.markers) > 1 else ""
        text += f" Dotted vertical line{plural}: {names}."
    return text


def _countries(petition: PetitionDetail, outline: Outline, level: int) -> list[Flowable]:
    story: list[Flowable] = [outline.heading("Countries", level + 1)]
    uk, others, rest = figures.countries(petition)
    if uk is None and not others:
        return [*story, plain("No breakdown by country was published.")]
    total = petition.signature_count
    rows = [["Country", "Signatures", "Share"]]
    if uk is not None:
        rows.append([uk.name, count(uk.signature_count), share(uk.signature_count, total)])
    rows += [[c.name, count(c.signature_count), share(c.signature_count, total)] for c in others]
    if rest:
        charted = sum(c.signature_count for c in others) + (uk.signature_count if uk else 0)
        listed = sum(c.signature_count for c in petition.signatures_by_country)
        rows.append(
            [f"{rest} other countries", count(listed - charted), share(listed - charted, total)]
        )
    table = data_table(rows, THREE_COLUMNS, numeric=[1, 2], repeat_header=False)
    if not others:
        return [*story, table]
    chart = describe(
        charts.horizontal_bars(
            [(c.name, c.signature_count) for c in others], width=CHART_WIDTH, label_width=92
        ),
        f"Bar chart of the {len(others)} countries outside the UK with the most signatures, "
        f"led by {others[0].name} with {count(others[0].signature_count)}.",
        headers=rows[0],
        rows=rows[1:],
    )
    story.append(side_by_side(chart, table, CHART_WIDTH + 10, s.FRAME_WIDTH))
    story.append(
        note(
            "The chart shows the countries outside the UK with the most signatures; "
            "the UK is left out of it so that the others can be seen."
        )
    )
    return story


def _regions(petition: PetitionDetail, outline: Outline, level: int) -> list[Flowable]:
    story: list[Flowable] = [outline.heading("UK nations and regions", level + 1)]
    regions = figures.regions(petition)
    if not regions:
        return [*story, plain("No breakdown by UK nation and region was published.")]
    uk_total = sum(r.signature_count for r in regions)
    rows = [["Nation or region", "Signatures", "Share"]]
    rows += [
        [r.name, count(r.signature_count), share(r.signature_count, uk_total)] for r in regions
    ]
    table = data_table(rows, THREE_COLUMNS, numeric=[1, 2], repeat_header=False)
    chart = describe(
        charts.horizontal_bars(
            [(r.name, r.signature_count) for r in regions], width=CHART_WIDTH, label_width=105
        ),
        f"Bar chart of signatures from the {len(regions)} UK nations and regions, "
        f"led by {regions[0].name} with {count(regions[0].signature_count)}.",
        headers=rows[0],
        rows=rows[1:],
    )
    story.append(side_by_side(chart, table, CHART_WIDTH + 10, s.FRAME_WIDTH))
    story.append(note("Share: of the signatures from UK nations and regions."))
    return story


def _top_constituencies(
    petition: PetitionDetail,
    ranked: Sequence[figures.Ranked],
    member: str | None,
    outline: Outline,
    level: int,
) -> list[Flowable]:
    top = ranked[: figures.TOP_CONSTITUENCIES]
    story: list[Flowable] = [outline.heading(f"Top {len(top)} constituencies", level + 1)]
    if not top:
        return [*story, plain("No breakdown by constituency was published.")]
    seat = figures.member_constituency(ranked, member)
    total = figures.constituency_total(petition)
    story.append(constituency_table(top, total, highlight=seat.rank if seat else None))
    story.append(
        note(
            f"Share: of the {count(figures.constituency_total(petition))} signatures "
            f"from the {len(ranked)} constituencies."
        )
    )
    return story


def constituency_table(
    rows: Sequence[figures.Ranked], uk_total: int, *, highlight: int | None = None
) -> Flowable:
    """Rank, constituency, MP, signatures and share; used for the top 20 and the annex."""
    data = [["Rank", "Constituency", "MP", "Signatures", "Share"]]
    data += [
        [
            str(r.rank),
            r.area.name,
            r.area.mp or "–",
            count(r.area.signature_count),
            share(r.area.signature_count, uk_total),
        ]
        for r in rows
    ]
    widths = fitted_widths(data, {0: 30, 3: 56, 4: 40}, s.FRAME_WIDTH)
    extra = []
    if highlight is not None:
        row = next((i + 1 for i, r in enumerate(rows) if r.rank == highlight), None)
        if row is not None:
            extra.append(("FONT", (0, row), (-1, row), SANS_BOLD))
    return data_table(data, widths, numeric=[0, 3, 4], extra=extra)


def _member_seat(
    petition: PetitionDetail,
    ranked: Sequence[figures.Ranked],
    member: str | None,
    outline: Outline,
    level: int,
) -> list[Flowable]:
    if not member or not ranked:
        return []
    story: list[Flowable] = [outline.heading("The opening Member’s constituency", level + 1)]
    seat = figures.member_constituency(ranked, member)
    if seat is None:
        return [
            *story,
            plain(
                f"{member} is not named as the MP for any constituency in this "
                "petition’s data (the data may predate the last election)."
            ),
        ]
    total = figures.constituency_total(petition)
    return [
        *story,
        plain(
            f"{seat.area.mp or member} is the Member for {seat.area.name}: "
            f"{count(seat.area.signature_count)} signatures, {_ordinal(seat.rank)} of "
            f"{len(ranked)} constituencies ({share(seat.area.signature_count, total)} of "
            "signatures from constituencies)."
        ),
        Spacer(1, 4),
    ]


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
