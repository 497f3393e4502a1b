"""Small captures for briefing-pack tests, in the site's JSON shape (invented values).

Petition 700001 is the awkward one: a title full of ReportLab markup, curly quotes and dashes,
Welsh constituencies at the top, an emoji and a CJK character the font lacks, three captures
of signature history, a response, a debate with links, and other parliamentary business.
700002 and 700003 were debated together (same day, same transcript); 700004 is scheduled a
week later; 700005 falls outside July 2025.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from caseworker.importing.importer import import_paths
from caseworker.storage.engine import Database
from tests.unit.importing.builders import (
    attributes,
    business_item,
    petition_object,
    response,
    write_json,
)

SITE = "https://petition.parliament.uk"
HOSTILE_TITLE = '<b>Ban & "bar"</b> </para> – “curly” ‘quotes’'
TOTAL = 142_931
EMOJI = "\N{PARTY POPPER}"
CJK = "\u6f22"
MEMBER = "Llinos Medi MP"
#: (name, ONS code, MP, signatures): Welsh names lead; the longest names test column widths.
CONSTITUENCIES = [
    ("Ynys Môn", "W07000112", "Llinos Medi MP", 30_000),
    ("Dwyfor Meirionnydd", "W07000099", "Liz Saville Roberts MP", 25_000),
    ("Caerfyrddin", "W07000094", "Ann Davies MP", 10_000),
    ("Holborn and St Pancras", "E14001290", "Keir Starmer MP", 8_000),
    ("Caithness, Sutherland and Easter Ross", "S14000064", "Jamie Stone MP", 5_000),
    ("Na h-Eileanan an Iar", "S14000027", "Torcuil Crichton MP", 2_000),
]
REGIONS = [("Wales", "L", 65_000), ("London", "H", 8_000), ("Scotland", "M", 7_000)]
RESPONSE_SUMMARY = "The Government has no plans to ban bar, but will keep the matter under review."
RESPONSE_DETAILS = (
    "Bars are licensed by local authorities under the Licensing Act 2003.\r\n\r\n"
    "The Government is grateful to the 142,931 people who signed.\r\n\r\n"
    "Department for Culture, Media and Sport"
)
TRANSCRIPT = "https://hansard.parliament.uk/commons/2025-07-07/debates/AAA/BanBar"
SHARED_TRANSCRIPT = "https://hansard.parliament.uk/commons/2025-07-07/debates/BBB/Buses"


def breakdowns(total: int, scale: float = 1.0) -> dict[str, Any]:
    constituencies = [
        {"name": n, "ons_code": c, "mp": mp, "signature_count": round(k * scale)}
        for n, c, mp, k in CONSTITUENCIES
    ]
    uk = sum(row["signature_count"] for row in constituencies) + round(62_000 * scale)
    return {
        "signatures_by_country": [
            {"name": "France", "code": "FR", "signature_count": total - uk},
            {"name": "United Kingdom", "code": "GB", "signature_count": uk},
        ],
        "signatures_by_constituency": constituencies,
        "signatures_by_region": [
            {"name": n, "ons_code": c, "signature_count": round(k * scale)} for n, c, k in REGIONS
        ],
    }


def capture(pid: int, count: int, updated_at: str, **changes: Any) -> dict[str, Any]:
    attrs = attributes(
        state="closed",
        signature_count=count,
        updated_at=updated_at,
        opened_at="2025-01-06T09:00:00.000Z",
        closed_at="2025-07-06T22:59:59.999Z",
        **changes,
    )
    attrs.update(breakdowns(count, scale=count / TOTAL))
    attrs.setdefault("other_parliamentary_business", [])
    return {"links": {"self": f"{SITE}/petitions/{pid}.json"}, "data": petition_object(pid, attrs)}


def debate(day: str, transcript: str | None, overview: str | None = None) -> dict[str, Any]:
    return {
        "debated_on": day,
        "transcript_url": transcript,
        "video_url": "https://parliamentlive.tv/Event/Index/abc" if transcript else None,
        "debate_pack_url": "https://commonslibrary.parliament.uk/research-briefings/cdp-2025-0101/",
        "public_engagement_url": None,
        "debate_summary_url": None,
        "overview": overview,
    }


def hostile_captures() -> list[dict[str, Any]]:
    """Three captures of 700001, the last with everything a pack prints."""
    final = {
        "action": HOSTILE_TITLE,
        "background": f"Pubs in Ynys Môn and Dwyfor Meirionnydd say ŵ and ŷ {EMOJI} {CJK}.",
        "additional_details": "Line one & <i>two</i>\nline three",
        "response_threshold_reached_at": "2025-02-10T23:30:00.000Z",
        "debate_threshold_reached_at": "2025-04-20T08:00:00.000Z",
        "government_response_at": "2025-03-01T10:00:00.000Z",
        "government_response": response(
            RESPONSE_SUMMARY, RESPONSE_DETAILS, responded_on="2025-03-01"
        ),
        "scheduled_debate_date": "2025-07-07",
        "debate_outcome_at": "2025-07-08T10:00:00.000Z",
        "debate": debate(
            "2025-07-07",
            TRANSCRIPT,
            f"The debate was opened by {MEMBER}, on behalf of the Petitions Committee.",
        ),
        "departments": [
            {"acronym": "DCMS", "name": "Department for Culture, Media and Sport", "url": None}
        ],
        "other_parliamentary_business": [
            business_item(
                "Westminster Hall debate on licensing",
                "MPs discussed licensing & <hours>.",
                "2025-05-01T10:00:00.000Z",
            )
        ],
    }
    return [
        capture(700001, 9_500, "2025-02-08T12:00:00.000Z", action=HOSTILE_TITLE),
        capture(700001, 61_000, "2025-04-02T12:00:00.000Z", action=HOSTILE_TITLE),
        capture(700001, TOTAL, "2025-07-06T22:59:59.000Z", **final),
    ]


def scheduled(pid: int, count: int, title: str, day: str, transcript: str | None) -> dict:
    held = transcript is not None
    return capture(
        pid,
        count,
        "2025-07-06T12:00:00.000Z",
        action=title,
        response_threshold_reached_at="2025-02-01T10:00:00.000Z",
        debate_threshold_reached_at="2025-03-01T10:00:00.000Z",
        scheduled_debate_date=day,
        debate_outcome_at=f"{day}T20:00:00.000Z" if held else None,
        debate=debate(day, transcript) if held else None,
    )


def other_captures() -> list[dict[str, Any]]:
    return [
        scheduled(700002, 120_500, "Fund rural bus routes", "2025-07-07", SHARED_TRANSCRIPT),
        scheduled(700003, 104_000, "Cap bus fares at £2", "2025-07-07", SHARED_TRANSCRIPT),
        scheduled(700004, 110_000, "Protect Welsh-medium schools", "2025-07-14", None),
        scheduled(700005, 130_000, "A debate in September", "2025-09-01", None),
    ]


def populate(database: Database, folder: Path) -> None:
    """Import every capture above into ``database`` (one file each, oldest first)."""
    docs = [*hostile_captures(), *other_captures()]
    paths = [write_json(folder / f"{i:02d}.json", doc) for i, doc in enumerate(docs)]
    summary = import_paths(database.engine, paths)
    assert summary.failed == 0, summary.failures


#: Real captures (tests read them from the shared data folder, never copy them): grouped
#: petitions debated on different days, a petition the Committee decided not to debate, a
#: 2019 capture of an open petition, a Hansard day index as "transcript", five updates.
REAL_CAPTURES = {
    333693: "mysociety-2020-2022/single/333693.json",
    552017: "mysociety-2020-2022/single/552017.json",
    593775: "mysociety-2020-2022/single/593775.json",
    590282: "mysociety-2020-2022/single/590282.json",
    594155: "mysociety-2020-2022/single/594155.json",
    584632: "mysociety-2020-2022/single/584632.json",
    241584: "single-241584-2019-revoke50/241584.json",
}


def populate_real(database: Database, shared_data: Path) -> None:
    """Import the :data:`REAL_CAPTURES` from the shared data folder into ``database``."""
    paths = [shared_data / relative for relative in REAL_CAPTURES.values()]
    summary = import_paths(database.engine, paths)
    assert summary.failed == 0, summary.failures
