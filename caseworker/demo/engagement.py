"""Public engagement in the demo: a "Share your experiences" call before the next debate the
Committee scheduled, with responses imported from a survey export, tagged by theme, and a few
quotations for the pack.

The responses go through the same CSV import a clerk uses (written to a temporary file), so
the demo shows the whole path. Their wording is invented, built from a few sentences a theme.
"""

from __future__ import annotations

import csv
import random
import tempfile
from datetime import date, timedelta
from pathlib import Path

from caseworker.demo.places import seats
from caseworker.services.debates import DebateServices
from caseworker.services.debates.views import DebateView

#: Theme, what it covers, and sentences a response on it may say.
THEMES = (
    ("Cost", "What it costs households and small businesses", (
        "The cost has gone up every year and we cannot keep paying it.",
        "For a family on one income the cost is the difference between heating and eating.",
        "Small shops like ours pay more than the big chains for the same thing.",
    )),
    ("Fairness", "Whether the present rules treat people alike", (
        "It is not fair that people in the same situation are treated so differently.",
        "Pensioners and carers end up paying the most for the least.",
        "The rules were written for another time and nobody has looked at them since.",
    )),
    ("Local services", "The effect on services in respondents' areas", (
        "In our town the nearest alternative is an hour away by bus.",
        "The local service has already cut its opening hours twice this year.",
        "Without it, older people here would have nowhere to go.",
    )),
    ("Support for change", "Respondents who want the petition's change made", (
        "Please make this change: it would help millions of people like me.",
        "I signed because I have waited years for someone to act on this.",
        "The change is overdue and the Government should get on with it.",
    )),
)  # fmt: skip
RESPONSES = 64
THEME_WEIGHTS = (9, 6, 4, 3)
#: Quotations for the pack: (theme, response index); the last one may not be quoted.
QUOTED = ((0, 1), (2, 0), (1, 2))


def seed_engagement(services: DebateServices, today: date, seed: int = 1) -> int | None:
    """A call, its responses, themes and quotations for the first debate scheduled after
    ``today``; returns that debate's id (None when nothing is scheduled)."""
    debate = _next_scheduled(services, today)
    if debate is None:
        return None
    engagement = services.engagement
    opens = today - timedelta(days=28)
    engagement.save_call(
        debate.id, title=f"Share your experiences: {debate.petitions[0].action}",
        ran_on="the House of Commons website", opens_on=opens,
        closes_on=today - timedelta(days=7),
        member=debate.opening_member.styled if debate.opening_member else "",
        link="https://committees.parliament.uk/committee/326/petitions-committee/",
    )  # fmt: skip
    chosen = _responses(random.Random(seed), opens, today - timedelta(days=7))
    with tempfile.TemporaryDirectory() as folder:
        export = Path(folder) / "survey-export.csv"
        _write_export(export, chosen)
        engagement.import_csv(
            debate.id, export, text_column="Your experience", date_column="Submitted",
            location_column="Where do you live?",
        )  # fmt: skip
    _tag_and_quote(services, debate.id, chosen)
    return debate.id


def _next_scheduled(services: DebateServices, today: date) -> DebateView | None:
    ahead = services.debates.debates(first=today + timedelta(days=1), status="scheduled")
    return ahead[0] if ahead else None


def _responses(rng: random.Random, first: date, last: date) -> list[tuple[int, str, date, str]]:
    """(theme index, text, day, place) for each invented response."""
    places = [seat.name for seat in seats()]
    days = (last - first).days
    found = []
    for _ in range(RESPONSES):
        # Some themes come up more than others, as in any real survey.
        theme = rng.choices(range(len(THEMES)), weights=THEME_WEIGHTS)[0]
        text = rng.choice(THEMES[theme][2])
        found.append(
            (theme, text, first + timedelta(days=rng.randint(0, days)), rng.choice(places))
        )
    return found


def _write_export(path: Path, rows: list[tuple[int, str, date, str]]) -> None:
    """As survey tools export: a header row, dates day first."""
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["Response ID", "Submitted", "Where do you live?", "Your experience"])
        for n, (_theme, text, day, place) in enumerate(rows, start=1):
            writer.writerow([f"R{n:04d}", f"{day.day:02d}/{day.month:02d}/{day.year}", place, text])


def _tag_and_quote(
    services: DebateServices, debate_id: int, chosen: list[tuple[int, str, date, str]]
) -> None:
    engagement = services.engagement
    themes = [engagement.add_theme(debate_id, name, about) for name, about, _ in THEMES]
    stored = engagement.responses(debate_id, limit=len(chosen))
    by_text: dict[str, list[int]] = {}
    for response in stored:
        by_text.setdefault(response.body, []).append(response.id)
    for index, theme in enumerate(themes):
        ids = [rid for text in THEMES[index][2] for rid in by_text.get(text, [])]
        engagement.tag(ids, theme.id)
    for number, (theme_index, sentence) in enumerate(QUOTED):
        response_ids = by_text.get(THEMES[theme_index][2][sentence], [])
        if response_ids:
            engagement.add_quote(
                debate_id, THEMES[theme_index][2][sentence], response_id=response_ids[0],
                theme_id=themes[theme_index].id, may_quote=number < len(QUOTED) - 1,
            )  # fmt: skip
