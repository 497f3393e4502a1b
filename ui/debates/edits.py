"""Every debate, Member, recess and slot edit made in the window, as an undoable command.

The same machinery as the casework edits (``ui.casework.edits``): each edit is made at once
on the one writer thread, a refusal or failure is told and nothing pushed, and the command
pushed afterwards carries the record's version after its own change, so an undo over a
colleague's later edit is refused rather than overwriting it. Undoing a new debate, Member,
recess or slot deletes it; redoing makes it again (with a new id, which later commands
about it follow).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtGui import QUndoStack

from caseworker.formatting import papers_clock, weekday_date
from caseworker.services.casework import CaseworkServices
from caseworker.services.debates import DebateServices
from caseworker.services.debates.members import MEMBER_FIELDS
from caseworker.services.debates.views import (
    EDITABLE_FIELDS,
    DebateView,
    ExtraSlotView,
    MemberView,
    RecessView,
)
from ui.casework.edits import REFUSALS, CaseworkEdits, Tracked
from ui.workers import JobRunner


def debate_values(debate: DebateView) -> dict[str, Any]:
    """The debate's editable fields as ``DebateService.update`` takes them."""
    values = {f: getattr(debate, f) for f in EDITABLE_FIELDS if f != "opening_member_id"}
    values["opening_member_id"] = debate.opening_member.id if debate.opening_member else None
    return values


class DebateEdits(CaseworkEdits):
    """Debate edits on an undo stack (the main window's, shared, or the Debates window's).

    ``changed`` is emitted with None after every edit, undo or redo: the calendar reloads.
    """

    def __init__(
        self, debates: DebateServices, casework: CaseworkServices, stack: QUndoStack,
        location: str | None = None, runner: JobRunner | None = None,
    ) -> None:  # fmt: skip
        super().__init__(casework, stack, location, runner)
        self.debates = debates

    # Debates -------------------------------------------------------------------------------

    def schedule(self, petition_ids: Sequence[int], values: dict[str, Any]) -> DebateView | None:
        """Record a new debate of ``petition_ids`` with ``values`` (``schedule``'s keywords
        and any of the update fields, such as the summary and links, set straight after)."""
        service = self.debates.debates
        first = {k: v for k, v in values.items() if k in SCHEDULE_FIELDS}
        rest = {k: v for k, v in values.items() if k not in SCHEDULE_FIELDS and v}

        def make() -> DebateView:
            made = service.schedule(petition_ids, **first)
            if not rest:
                return made
            try:
                return service.update(made.id, made.version, **rest)
            except BaseException:
                service.delete(made.id, made.version)  # nothing half-recorded
                raise

        made = self._first(make, "The debate was not recorded")
        if made is None:
            return None
        tracked = self.track("debate", made.id, made.version)

        def redo() -> None:
            again = make()
            self._recreated("debate", tracked, again.id, again.version)

        self._push(f"Record debate {made.id}", None, redo,
                   lambda: service.delete(tracked.id, tracked.version))  # fmt: skip
        return made  # type: ignore[no-any-return]

    def change(
        self, debate: DebateView, values: dict[str, Any],
        petition_ids: Sequence[int] | None = None, text: str = "",
    ) -> DebateView | None:  # fmt: skip
        """Change the debate's fields (those in ``values`` that differ) and its petitions."""
        service = self.debates.debates
        old = debate_values(debate)
        fields = [f for f, v in values.items() if old.get(f) != v]
        before_ids, after_ids = list(debate.petition_ids), list(petition_ids or debate.petition_ids)
        if not fields and before_ids == after_ids:
            return debate
        tracked = self.track("debate", debate.id, debate.version)
        after = {f: values[f] for f in fields}
        before = {f: old[f] for f in fields}

        def put(ids: list[int], changes: dict[str, Any], other: list[int]) -> DebateView:
            """Petitions first when the new ones make the fields valid, else the fields."""
            result = None
            if ids != other:
                result = service.set_petitions(tracked.id, ids, tracked.version)
                tracked.version = result.version
            if changes:
                try:
                    result = service.update(tracked.id, tracked.version, **changes)
                except BaseException:
                    if ids != other:  # put the petitions back: one edit, all or nothing
                        tracked.version = service.set_petitions(
                            tracked.id, other, tracked.version
                        ).version
                    raise
                tracked.version = result.version
            assert result is not None
            return result

        made = self._first(lambda: put(after_ids, after, before_ids),
                           f"Your changes to debate {debate.id} were not saved")  # fmt: skip
        if made is None:
            return None
        self._push(text or f"Change debate {debate.id}", None,
                   _quiet(lambda: put(after_ids, after, before_ids)),
                   _quiet(lambda: put(before_ids, before, after_ids)))  # fmt: skip
        return made  # type: ignore[no-any-return]

    # Members -------------------------------------------------------------------------------

    def add_member(self, values: dict[str, Any]) -> MemberView | None:
        members = self.debates.members
        name = values["name"]
        fields = {k: v for k, v in values.items() if k != "name"}
        made = self._first(lambda: members.add(name, **fields), "The Member was not added")
        if made is None:
            return None
        tracked = self.track("member", made.id, made.version)

        def redo() -> None:
            again = members.add(name, **fields)
            self._recreated("member", tracked, again.id, again.version)

        self._push(f"Add {made.styled}", None, redo,
                   lambda: members.delete(tracked.id, tracked.version))  # fmt: skip
        return made  # type: ignore[no-any-return]

    def change_member(self, member: MemberView, values: dict[str, Any]) -> MemberView | None:
        members = self.debates.members
        old = {f: getattr(member, f) for f in MEMBER_FIELDS}
        fields = [f for f in values if old.get(f) != values[f]]
        if not fields:
            return member
        tracked = self.track("member", member.id, member.version)

        def put(changes: dict[str, Any]) -> MemberView:
            done = members.update(tracked.id, tracked.version, **changes)
            tracked.version = done.version
            return done

        after, before = {f: values[f] for f in fields}, {f: old[f] for f in fields}
        made = self._first(lambda: put(after), f"Your changes to {member.styled} were not saved")
        if made is None:
            return None
        self._push(f"Change {member.styled}", None, _quiet(lambda: put(after)),
                   _quiet(lambda: put(before)))  # fmt: skip
        return made  # type: ignore[no-any-return]

    def remove_member(self, member: MemberView) -> bool:
        members = self.debates.members
        tracked = self.track("member", member.id, member.version)
        values = {f: getattr(member, f) for f in MEMBER_FIELDS if f != "name"}

        def remove() -> bool:
            members.delete(tracked.id, tracked.version)
            return True

        if not self._first(remove, f"{member.styled} was not removed", ""):
            return False

        def again() -> None:
            made = members.add(member.name, **values)
            self._recreated("member", tracked, made.id, made.version)

        self._push(f"Remove {member.styled}", None, _quiet(remove), again)
        return True

    # Recesses and slots --------------------------------------------------------------------

    def add_recess(self, name: str, starts_on: Any, ends_on: Any) -> RecessView | None:
        calendar = self.debates.calendar
        return self._created(  # type: ignore[no-any-return]
            f"Add the {name.strip()} recess", lambda: calendar.add_recess(name, starts_on, ends_on),
            calendar.delete_recess, "The recess was not added",
        )  # fmt: skip

    def remove_recess(self, recess: RecessView) -> bool:
        calendar = self.debates.calendar
        return self._removed(
            f"Remove the {recess.name} recess", recess.id, calendar.delete_recess,
            lambda: calendar.add_recess(recess.name, recess.starts_on, recess.ends_on),
        )  # fmt: skip

    def add_slot(self, day: Any, starts_at: Any, place: str, note: str) -> ExtraSlotView | None:
        calendar = self.debates.calendar
        text = f"Add the slot on {weekday_date(day)} at {papers_clock(starts_at)}"
        return self._created(  # type: ignore[no-any-return]
            text, lambda: calendar.add_extra_slot(day, starts_at, place, note),
            calendar.delete_extra_slot, "The slot was not added",
        )  # fmt: skip

    def remove_slot(self, slot: ExtraSlotView) -> bool:
        calendar = self.debates.calendar
        return self._removed(
            f"Remove the slot on {weekday_date(slot.day)} at {papers_clock(slot.starts_at)}",
            slot.id, calendar.delete_extra_slot,
            lambda: calendar.add_extra_slot(slot.day, slot.starts_at, slot.place, slot.note),
        )  # fmt: skip

    def _created(
        self, text: str, make: Callable[[], Any], delete: Callable[[int], None], what: str
    ) -> Any:
        """A record without versions (a recess, a slot): undo deletes it, redo makes it again."""
        made = self._first(make, what)
        if made is None:
            return None
        tracked = Tracked(made.id, 0)

        def redo() -> None:
            tracked.id = make().id

        self._push(text, None, redo, lambda: delete(tracked.id))
        return made

    def _removed(
        self, text: str, record_id: int, delete: Callable[[int], None], make: Callable[[], Any]
    ) -> bool:
        tracked = Tracked(record_id, 0)

        def remove() -> bool:
            delete(tracked.id)
            return True

        if not self._first(remove, f"Could not {text[0].lower()}{text[1:]}", ""):
            return False

        def again() -> None:
            tracked.id = make().id

        self._push(text, None, _quiet(remove), again)
        return True


#: What ``DebateService.schedule`` takes besides the petitions.
def _quiet(step: Callable[[], object]) -> Callable[[], None]:
    """A step for a command: what it returns is not needed there."""

    def run() -> None:
        step()

    return run


__all__ = ["REFUSALS", "DebateEdits", "debate_values"]

SCHEDULE_FIELDS = frozenset({
    "day", "starts_at", "place", "relating_to", "opening_member", "opening_member_id",
    "department", "minister", "status",
})  # fmt: skip
