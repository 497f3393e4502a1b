"""The opening Member's seat in the pack: outlined on each petition's map, and where it
stands in the Members section (by number and per 1,000 electors); found from the record's
Member by code, else by the constituency's name."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from reportlab.graphics.shapes import Path as DrawnPath

from caseworker.briefing import PackOptions
from caseworker.briefing.blocks import Outline
from caseworker.briefing.maps import OPENING_EDGE, map_section
from caseworker.briefing.members import members_section
from caseworker.briefing.model import BriefingPack, assemble_pack
from caseworker.briefing.opening_seat import OpeningSeat, opening_seat
from caseworker.formatting import ordinal
from caseworker.reference import BoundarySet, lookup
from caseworker.services.debates.views import DebateView, MemberView
from caseworker.services.dto import PetitionDetail
from tests.unit.briefing.conftest import PREPARED
from tests.unit.geography.builders import detail, seat_rows
from tests.unit.geography.test_pack_sections import drawing_of, pack, shapes

LEEDS = "E14001319"  # Leeds Central and Headingley


def petition_with_leeds_third() -> PetitionDetail:
    """Every seat 10 signatures, two seats more and Leeds Central and Headingley 300."""
    rows = seat_rows(BoundarySet.B2024, 10)
    counts = {rows[0].code: 900, rows[1].code: 500, LEEDS: 300}
    return detail([replace(r, signature_count=counts.get(r.code, 10)) for r in rows])


def leeds() -> OpeningSeat:
    seat = lookup.find_seat(LEEDS)
    assert seat is not None
    return OpeningSeat("Jane Smith MP", seat)


def test_the_map_outlines_the_seat_and_says_where_it_stands(tmp_path: Path) -> None:
    outline = Outline()
    petition = petition_with_leeds_third()
    story = [outline.heading("Signatures", 0), *map_section(petition, outline, 0, leeds())]
    outlined = [p for p in shapes(drawing_of(story), DrawnPath) if p.strokeColor == OPENING_EDGE]
    assert len(outlined) == 1
    text = pack(story, tmp_path / "map.pdf")
    assert (
        "Outlined in red on the map: Leeds Central and Headingley, the seat of Jane Smith MP"
        in text
    )
    assert "300 signatures" in text
    # Without an opening seat nothing is outlined.
    plain = [outline.heading("Signatures", 0), *map_section(petition, outline, 0)]
    assert not [p for p in shapes(drawing_of(plain), DrawnPath) if p.strokeColor == OPENING_EDGE]


def test_the_members_section_says_where_the_opening_seat_stands(tmp_path: Path) -> None:
    outline = Outline()
    story = members_section([petition_with_leeds_third()], outline, 0, leeds())
    text = pack(story, tmp_path / "members.pdf")
    assert (
        "The opening Member, Jane Smith MP, sits for Leeds Central and Headingley: "
        "300 signatures, 3rd of 650 seats" in text
    )


def test_the_seat_is_found_from_the_record_by_code_or_by_name() -> None:
    by_code = _pack_with(MemberView(1, "Jane Smith", "", LEEDS, "Labour", True, "", 1))
    by_name = _pack_with(
        MemberView(1, "Jane Smith", "Leeds Central and Headingley", None, "Labour", True, "", 1)
    )
    nowhere = _pack_with(MemberView(1, "Jane Smith", "Atlantis", None, "", False, "", 1))
    assert opening_seat(by_code) == opening_seat(by_name) == leeds()
    assert opening_seat(nowhere) is None
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th",
    ]  # fmt: skip


def _pack_with(member: MemberView) -> BriefingPack:
    at = datetime(2025, 7, 1, tzinfo=UTC)
    debate = DebateView(
        1, (), None, datetime(2025, 1, 1).time(), "Westminster Hall", "", "", member, "", "",
        "scheduled", "", "", "", "", "", "", at, "alice", at, "alice", 1,
    )  # fmt: skip
    base = assemble_pack([petition_with_leeds_third()], PackOptions(), today=PREPARED)
    return replace(base, debate=debate)
