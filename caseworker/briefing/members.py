"""The pack's "Members whose constituents signed most": the Members to think of inviting to
the debate, by the number of their constituents' signatures and by the rate per 1,000
electors (which lets a small seat's keen interest show), with party and seat."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable, KeepTogether

from caseworker import geography, reference
from caseworker.briefing.blocks import Outline, data_table, fitted_widths, note, plain
from caseworker.briefing.opening_seat import OpeningSeat
from caseworker.formatting import count, long_date, ordinal
from caseworker.geography import Measure, MemberRow, PetitionGeography
from caseworker.pdf import styles as s
from caseworker.services.dto import PetitionDetail

TITLE = "Members whose constituents signed most"
#: Members in each table.
LISTED = 10
HEADERS = ["Rank", "Member", "Party", "Constituency", "Signed", "Per 1,000 electors"]
NUMERIC = [0, 4, 5]


def members_section(
    petitions: Sequence[PetitionDetail], outline: Outline, level: int,
    opening: OpeningSeat | None = None,
) -> list[Flowable]:  # fmt: skip
    """The section with its own heading at ``level``: by count, then by rate; with the
    opening Member's seat, where it stands in both."""
    heading = outline.heading(TITLE, level)
    found = [geography.petition_geography(p) for p in petitions]
    found = [g for g in found if g.has_breakdown and g.uk_total > 0]
    if not found:
        return [heading, plain("No breakdown by constituency was published.")]
    by_count = geography.members_to_invite(found, Measure.COUNT, LISTED)
    first = [heading, plain(_introduction(found, len(petitions)))]
    if opening is not None:
        first += _opening_seat(found, opening)
    first += [outline.heading("By number of signatures", level + 1), _table(by_count)]
    # The heading and the words under it never sit at a page foot apart from the table.
    story: list[Flowable] = [KeepTogether(first)]
    by_rate = geography.members_to_invite(found, Measure.RATE, LISTED)
    if by_rate and by_rate[0].per_thousand is not None:
        story += [outline.heading("By signatures per 1,000 electors", level + 1), _table(by_rate)]
    story.append(note(_sources(found)))
    return story


def _opening_seat(found: Sequence[PetitionGeography], opening: OpeningSeat) -> list[Flowable]:
    """Where the opening Member's own seat stands: "The opening Member, Jane Smith MP, sits
    for Leeds Central: 412 signatures, 37th of 650 seats; 5.9 per 1,000 electors, 12th." """
    every = len(found[0].seats)
    by_count = _row_of(geography.members_to_invite(found, Measure.COUNT, every), opening)
    if by_count is None:
        return []
    words = f"{count(by_count.signatures)} signatures, {ordinal(by_count.rank)} of {every:,} seats"
    by_rate = _row_of(geography.members_to_invite(found, Measure.RATE, every), opening)
    if by_rate is not None and by_rate.per_thousand is not None:
        words += f"; {by_rate.per_thousand:,.1f} per 1,000 electors, {ordinal(by_rate.rank)}"
    return [plain(f"The opening Member, {opening.member}, sits for {by_count.seat.name}: {words}.")]


def _row_of(rows: Sequence[MemberRow], opening: OpeningSeat) -> MemberRow | None:
    return next((r for r in rows if r.seat.name == opening.seat.name), None)


def _introduction(found: Sequence[PetitionGeography], asked: int) -> str:
    several = len(found) > 1
    text = (
        "The Members whose constituents signed "
        + ("these petitions" if several else "the petition")
        + " most, by the number of signatures and by signatures per 1,000 electors, which "
        "lets a small seat's interest show. Vacant seats are left out."
    )
    if several:
        text += (
            f" Signatures are added up over the {len(found)} petitions: someone who signed "
            "two of them counts twice."
        )
    if asked > len(found):
        missing = asked - len(found)
        text += (
            f" {missing} of the petitions had no breakdown by constituency and "
            f"{'is' if missing == 1 else 'are'} not counted."
        )
    return text


def _table(rows: Sequence[MemberRow]) -> Flowable:
    body = [
        [
            str(r.rank),
            r.member,
            r.party or "–",
            r.seat.name,
            count(r.signatures),
            f"{r.per_thousand:,.1f}" if r.per_thousand is not None else "–",
        ]
        for r in rows
    ]
    table_rows = [HEADERS, *body]
    widths = fitted_widths(table_rows, {0: 30, 4: 52, 5: 62}, s.FRAME_WIDTH)
    return data_table(table_rows, widths, numeric=NUMERIC, repeat_header=False)


def _sources(found: Sequence[PetitionGeography]) -> str:
    sets = sorted({g.boundary_set for g in found}, key=lambda b: b.value)
    elections = " and ".join(
        f"{long_date(reference.results_election(b))} ({b.label})" for b in sets
    )
    return (
        "Members as the petition site named them when the data was captured; parties and "
        f"electorates from the general election of {elections} (House of Commons Library). "
        "A party is given only where the site names the Member returned then (a dash "
        "otherwise); a change of party since is not shown."
    )
