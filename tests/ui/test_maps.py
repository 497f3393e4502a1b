"""The map of signatures by constituency in the Signatures tab, and the Members to invite.

Petitions are built from the shipped seats themselves (every seat of a set, with counts that
make a known order), so the tests need no capture; one provisional 2024 code and one row that
names no seat show the joins in the window.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QHelpEvent, QPalette, QWheelEvent
from PySide6.QtWidgets import QApplication, QToolTip, QWidget
from pytestqt.qtbot import QtBot

from caseworker import reference
from caseworker.geography import NO_DATA, PALETTES, Measure
from caseworker.importing.importer import import_paths
from caseworker.reference import BoundarySet
from caseworker.services.dto import CountView, PetitionDetail
from caseworker.services.petitions import PetitionService
from caseworker.storage.engine import Database
from ui.main_window import MainWindow
from ui.maps.members import members_text
from ui.maps.shapes import MapKind
from ui.views.petition_view import PetitionView

#: 2024 maps gave these seats provisional codes; the site's rows may carry them.
PROVISIONAL = ("S14000006", "Ayr, Carrick and Cumnock", "S14000107")
#: The smallest laptop screen the window must fit (as tests/ui/test_layout.py checks).
SMALL = (1280, 720)
REVOKE = "single-241584-2019-revoke50/241584.json"
NOWHERE = CountView("Nowhere North", "E14009999", 12, "Nobody MP")


#: PetitionDetail's fields these petitions leave empty.
NOT_GIVEN = (
    "source_url", "parliament", "background", "additional_details", "committee_note",
    "closing_date", "rejected_at", "closed_at", "moderation_threshold_reached_at",
    "response_threshold_reached_at", "government_response_at", "debate_threshold_reached_at",
    "debate_scheduled_on", "scheduled_debate_date", "debate_outcome_at", "creator_name",
    "rejection_code", "rejection_details", "response_due_on", "breakdowns_as_of", "debate",
)  # fmt: skip


def detail(rows: Iterable[CountView], action: str = "Build more parks") -> PetitionDetail:
    rows = tuple(rows)
    now = datetime(2025, 3, 1, tzinfo=UTC)
    nothing: dict[str, None] = dict.fromkeys(NOT_GIVEN)
    return PetitionDetail(
        id=900,
        archived=False,
        is_demo=False,
        action=action,
        state="open",
        signature_count=sum(r.signature_count for r in rows),
        created_at=now,
        updated_at=now,
        opened_at=now,
        response_state="awaiting",
        debate_state="none",
        responses=(),
        signature_history=(),
        signatures_by_country=(),
        signatures_by_region=(),
        signatures_by_constituency=rows,
        departments=(),
        topics=(),
        other_parliamentary_business=(),
        raw_json="",
        **nothing,  # type: ignore[arg-type]
    )


def every_seat(boundary_set: BoundarySet) -> list[CountView]:
    """A row for each seat: counts from 1 to 649 by code order, one seat with none."""
    seats = sorted(reference.seats(boundary_set).values(), key=lambda s: s.code)
    return [CountView(s.name, s.code, n, f"{s.mp} MP") for n, s in enumerate(seats)]


@pytest.fixture
def view(qtbot: QtBot) -> PetitionView:
    widget = PetitionView()
    qtbot.addWidget(widget)
    widget.resize(1100, 900)
    widget.show()
    widget.tabs.setCurrentIndex(1)
    return widget


def shown(qtbot: QtBot, view: PetitionView, d: PetitionDetail) -> None:
    view.show_petition(d)
    qtbot.waitUntil(
        lambda: (
            view.map_panel.data is not None and view.map_panel.data.geography.action == d.action
        ),
        timeout=30_000,
    )
    QApplication.processEvents()


def resized(qtbot: QtBot, window: MainWindow, width: int, height: int) -> None:
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width and window.height() == height, timeout=15_000)
    QApplication.processEvents()


def widest(widget: QWidget) -> int:
    return max(widget.minimumSizeHint().width(), widget.minimumWidth())


def pixel(widget: QWidget, point: QPoint) -> QColor:
    image = widget.grab().toImage()
    ratio = image.devicePixelRatio()
    return image.pixelColor(int(point.x() * ratio), int(point.y() * ratio))


@pytest.mark.parametrize("boundary_set", list(BoundarySet))
def test_the_map_shows_650_seats_for_each_boundary_set(
    qtbot: QtBot, view: PetitionView, boundary_set: BoundarySet
) -> None:
    shown(qtbot, view, detail(every_seat(boundary_set)))
    panel = view.map_panel
    assert panel.data is not None and panel.data.geography.boundary_set is boundary_set
    for kind in MapKind:
        panel.set_kind(kind)
        assert panel.map.shapes is not None and panel.map.shapes.kind is kind
        assert panel.map.shapes.boundary_set is boundary_set
        assert panel.map.seat_count() == 650
        assert all(panel.map.fill_of(code) is not None for code in reference.seats(boundary_set))
    assert boundary_set.label in panel.notes.text()
    assert "Every row of the breakdown is mapped" in panel.notes.text()


def test_colour_classes_follow_the_numbers(qtbot: QtBot, view: PetitionView) -> None:
    shown(qtbot, view, detail(every_seat(BoundarySet.B2024)))
    panel = view.map_panel
    panel.set_measure(Measure.COUNT)
    figures = panel.data.geography.seats  # type: ignore[union-attr]
    palette = [QColor(c).name() for c in PALETTES[6]]
    ranks = {f.code: palette.index(panel.map.fill_of(f.code).color().name())  # type: ignore[union-attr]
             for f in figures if f.signatures}  # fmt: skip
    by_count = sorted(ranks, key=lambda code: panel.data.geography.by_code[code].signatures)  # type: ignore[union-attr]
    assert [ranks[code] for code in by_count] == sorted(ranks.values())  # never darker for fewer
    assert ranks[by_count[0]] == 0 and ranks[by_count[-1]] == 5
    unsigned = next(f.code for f in figures if f.signatures == 0)
    assert panel.map.fill_of(unsigned).color() == QColor(NO_DATA)  # type: ignore[union-attr]
    # What is painted is what the classes say: the darkest seat's middle is the darkest colour.
    darkest = by_count[-1]
    assert pixel(panel.map, panel.map.seat_position(darkest)) == QColor(PALETTES[6][5])
    assert "No signatures (1 seat)" in panel.legend.labels()


def test_rate_and_count_colour_differently(qtbot: QtBot, view: PetitionView) -> None:
    seats = reference.seats(BoundarySet.B2024)
    small = min(seats.values(), key=lambda s: s.electorate or 10**9)
    large = max(seats.values(), key=lambda s: s.electorate or 0)
    others = [CountView(s.name, s.code, 500, None) for s in seats.values()
              if s.code not in (small.code, large.code)]  # fmt: skip
    rows = [*others, CountView(small.name, small.code, 2_000, None),
            CountView(large.name, large.code, 2_100, None)]  # fmt: skip
    shown(qtbot, view, detail(rows))
    panel, geography = view.map_panel, view.map_panel.data.geography  # type: ignore[union-attr]
    assert geography.by_code[small.code].per_thousand > geography.by_code[large.code].per_thousand  # type: ignore[operator]

    def fill(code: str) -> str:
        return panel.map.fill_of(code).color().name()  # type: ignore[union-attr]

    assert panel.measure is Measure.RATE and "per 1,000" in panel.legend.title.text()
    rate_small, rate_large = fill(small.code), fill(large.code)
    panel.measure_buttons.button(1).click()  # "Signatures"
    assert panel.measure is Measure.COUNT and "per 1,000" not in panel.legend.title.text()
    palette = [QColor(c).name() for c in PALETTES[len(panel.legend.labels()) - 1]]
    assert palette.index(rate_small) >= palette.index(rate_large)
    assert fill(small.code) == fill(large.code)  # 2,000 and 2,100 share a count class


def test_hover_names_seat_member_party_count_and_rate(qtbot: QtBot, view: PetitionView) -> None:
    shown(qtbot, view, detail(every_seat(BoundarySet.B2024)))
    seat = reference.seats(BoundarySet.B2024)["E14001063"]  # Aldershot
    figures = view.map_panel.data.geography.by_code[seat.code]  # type: ignore[union-attr]
    tip = view.map_panel.map.tip_of(seat.code)
    assert seat.name in tip and f"{seat.mp} MP ({seat.party})" in tip
    assert f"{figures.signatures:,} signatures" in tip
    assert f"{figures.per_thousand:,.1f} per 1,000 electors" in tip
    where = view.map_panel.map.seat_position(seat.code)
    event = QHelpEvent(QEvent.Type.ToolTip, where, view.map_panel.map.mapToGlobal(where))
    QApplication.sendEvent(view.map_panel.map, event)
    assert QToolTip.text() == tip


def test_clicking_a_seat_selects_its_row_and_a_row_its_seat(
    qtbot: QtBot, view: PetitionView
) -> None:
    rows = [r for r in every_seat(BoundarySet.B2024) if r.code != PROVISIONAL[2]]
    rows.append(CountView(PROVISIONAL[1], PROVISIONAL[0], 321, None))  # joined by name
    shown(qtbot, view, detail(rows))
    table, model, seat_map = view.constituency_table, view.constituencies, view.map_panel.map
    view.seat_tabs.setCurrentIndex(1)  # the Members list was showing
    qtbot.mouseClick(
        seat_map, Qt.MouseButton.LeftButton, pos=seat_map.seat_position(PROVISIONAL[2])
    )
    assert seat_map.selected == PROVISIONAL[2]
    assert view.seat_tabs.currentIndex() == 0
    chosen = model.row_at(table.currentIndex().row())
    assert chosen is not None and chosen.code == PROVISIONAL[0]
    assert [i.row() for i in table.selectionModel().selectedRows()] == [table.currentIndex().row()]
    other = model.row_of(next(r for r in rows if r.code == "E14001063"))
    assert other is not None
    table.selectRow(other)
    assert seat_map.selected == "E14001063"


def test_keyboard_moves_between_seats_and_zooms(qtbot: QtBot, view: PetitionView) -> None:
    shown(qtbot, view, detail(every_seat(BoundarySet.B2010)))
    seat_map = view.map_panel.map
    assert seat_map.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert seat_map.accessibleName() and "coloured by" in seat_map.accessibleDescription()
    seat_map.setFocus()
    qtbot.keyClick(seat_map, Qt.Key.Key_Right)
    first = seat_map.selected
    assert first is not None
    qtbot.keyClick(seat_map, Qt.Key.Key_Right)
    second = seat_map.selected
    assert second not in (None, first)
    shapes = seat_map.shapes
    assert shapes is not None and shapes.centres[second].x() > shapes.centres[first].x()
    assert model_code(view) == second  # the table follows the keyboard too
    assert "Chosen: " + reference.seats(BoundarySet.B2010)[second].name in (
        seat_map.accessibleDescription()
    )
    qtbot.keyClick(seat_map, Qt.Key.Key_Plus)
    assert seat_map.zoom > 1
    qtbot.keyClick(seat_map, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert seat_map.zoom == 1


def model_code(view: PetitionView) -> str | None:
    row = view.constituencies.row_at(view.constituency_table.currentIndex().row())
    return row.code if row else None


def test_boundary_view_zooms_with_the_wheel_and_pans_by_dragging(
    qtbot: QtBot, view: PetitionView
) -> None:
    shown(qtbot, view, detail(every_seat(BoundarySet.B2024)))
    view.map_panel.kind_buttons.button(1).click()  # "Boundaries"
    seat_map = view.map_panel.map
    assert seat_map.shapes is not None and seat_map.shapes.kind is MapKind.BOUNDARIES
    london = seat_map.seat_position("E14001172")  # Holborn and St Pancras: tiny at first
    wheel = QWheelEvent(QPointF(london), QPointF(seat_map.mapToGlobal(london)), QPoint(),
                        QPoint(0, 360), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)  # fmt: skip
    QApplication.sendEvent(seat_map, wheel)
    assert seat_map.zoom == pytest.approx(1.25**3)
    assert seat_map.seat_at(QPointF(london)) == "E14001172"  # zoomed about the cursor
    start = seat_map.seat_position("E14001172")
    qtbot.mousePress(seat_map, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(seat_map, start + QPoint(30, 20))
    qtbot.mouseRelease(seat_map, Qt.MouseButton.LeftButton, pos=start + QPoint(30, 20))
    assert seat_map.seat_position("E14001172") == start + QPoint(30, 20)
    assert seat_map.selected is None  # a drag is not a click
    view.map_panel.kind_buttons.button(0).click()
    assert seat_map.shapes.kind is MapKind.HEX and seat_map.zoom == 1  # type: ignore[union-attr]


def test_unmatched_rows_are_reported_in_words(qtbot: QtBot, view: PetitionView) -> None:
    shown(qtbot, view, detail([*every_seat(BoundarySet.B2024), NOWHERE]))
    notes = view.map_panel.notes.text()
    assert "1 row of the site's breakdown could not be matched" in notes
    assert "Nowhere North (E14009999, 12 signatures)" in notes
    assert "Nowhere North" in view.members.unmatched.text()
    assert view.map_panel.map.seat_count() == 650


def test_members_to_invite_by_count_and_rate_and_copied(qtbot: QtBot, view: PetitionView) -> None:
    shown(qtbot, view, detail(every_seat(BoundarySet.B2024)))
    geography = view.map_panel.data.geography  # type: ignore[union-attr]
    top_count = geography.ranked(Measure.COUNT)[0]
    top_rate = geography.ranked(Measure.RATE)[0]
    members = view.members
    assert members.by_count.texts(3)[0] == top_count.name
    assert members.by_count.texts(1)[0] == top_count.mp
    assert members.by_count.texts(2)[0] == top_count.party
    assert members.by_rate.texts(3)[0] == top_rate.name
    assert members.by_count.model_.rowCount() == 10
    view.seat_tabs.setCurrentIndex(1)
    QGuiApplication.clipboard().clear()
    members.copy_button.click()
    text = QGuiApplication.clipboard().text()
    assert text == members.text()
    assert text.startswith("Members whose constituents signed most: Build more parks\n")
    assert f"1\t{top_count.mp}\t{top_count.party}\t{top_count.name}\t" in text
    QGuiApplication.clipboard().clear()
    members.by_rate.setFocus()
    qtbot.keyClick(members.by_rate, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == text


def test_members_text_is_a_plain_table() -> None:
    text = members_text("A petition", (), (), "1 row could not be matched.")
    lines = text.splitlines()
    assert lines[2] == "Most signatures"
    assert lines[3].split("\t") == [
        "Rank", "Member", "Party", "Constituency", "Signatures", "Per 1,000 electors"
    ]  # fmt: skip
    assert "(no signatures by constituency)" in lines
    assert lines[-1] == "1 row could not be matched."


def test_a_petition_without_a_breakdown_says_so(qtbot: QtBot, view: PetitionView) -> None:
    shown(qtbot, view, detail(every_seat(BoundarySet.B2024)))
    shown(qtbot, view, detail((), action="No constituencies"))
    assert "no signatures by constituency" in view.map_panel.notes.text()
    assert view.map_panel.legend.labels() == []
    assert not view.members.copy_button.isEnabled()
    view.clear()
    assert view.map_panel.data is None and view.map_panel.map.seat_count() == 0


def test_the_window_still_fits_1280_by_720_with_the_map(qtbot: QtBot, window: MainWindow) -> None:
    before = window.minimumSizeHint().width()
    window.petition.tabs.setCurrentIndex(1)
    # The window shows its first petition; ours must come after it, not be overtaken by it.
    qtbot.waitUntil(lambda: window.petition.map_panel.data is not None, timeout=30_000)
    shown(qtbot, window.petition, detail(every_seat(BoundarySet.B2024)))
    resized(qtbot, window, *SMALL)
    assert window.minimumSizeHint().width() <= min(before, SMALL[0])
    assert window.width() == SMALL[0]
    too_wide = [type(w).__name__ for w in window.findChildren(QWidget)
                if w.isVisibleTo(window) and widest(w) > SMALL[0]]  # fmt: skip
    assert too_wide == []
    assert window.petition.map_panel.map.isVisibleTo(window)
    assert window.petition.tabs.geometry().right() < window.width()


def test_the_map_is_worked_out_off_the_window_thread_and_only_the_newest_shown(
    qtbot: QtBot, view: PetitionView
) -> None:
    first = detail(every_seat(BoundarySet.B2010), action="First")
    second = detail(every_seat(BoundarySet.B2024), action="Second")
    view.show_petition(first)
    assert view.map_panel.data is None and view.map_panel.notes.text() == "Drawing the map…"
    shown(qtbot, view, second)
    qtbot.wait(300)  # the first petition's answer, if late, must not replace the second's
    assert view.map_panel.data.geography.action == "Second"  # type: ignore[union-attr]
    assert view.map_panel.map.shapes.boundary_set is BoundarySet.B2024  # type: ignore[union-attr]


def test_outlines_and_background_come_from_the_palette(qtbot: QtBot, view: PetitionView) -> None:
    shown(qtbot, view, detail(every_seat(BoundarySet.B2024)))
    seat_map = view.map_panel.map
    palette = seat_map.palette()
    palette.setColor(QPalette.ColorRole.Base, QColor("#101010"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#ff0000"))
    seat_map.setPalette(palette)
    image = seat_map.grab().toImage()
    assert image.pixelColor(2, 2) == QColor("#101010")  # a dark background, not white
    reds = sum(
        1
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
        if image.pixelColor(x, y).red() > 200 > image.pixelColor(x, y).green()
    )
    assert reds > 100  # the nations are outlined in the palette's text colour


def test_a_real_2019_capture_maps_every_seat_and_names_its_members(
    qtbot: QtBot, view: PetitionView, shared_data: Path, empty_db: Database
) -> None:
    """Revoke Article 50 (241584, March 2019): 650 rows with the 2010–2024 codes."""
    summary = import_paths(empty_db.engine, [shared_data / REVOKE])
    assert summary.imported == 1
    real = PetitionService(empty_db).get_petition(241584)
    shown(qtbot, view, real)
    panel = view.map_panel
    assert panel.data is not None and panel.data.geography.boundary_set is BoundarySet.B2010
    assert panel.map.seat_count() == 650 and panel.data.geography.unmatched == ()
    assert "Every row of the breakdown is mapped" in panel.notes.text()
    assert view.members.by_count.texts(3)[0] == "Bristol West"  # 32,139 signatures
    assert view.members.by_count.texts(1)[0] == "Thangam Debbonaire MP"
    qtbot.mouseClick(panel.map, Qt.MouseButton.LeftButton,
                     pos=panel.map.seat_position("E14000602"))  # fmt: skip
    assert model_code(view) == "E14000602"
