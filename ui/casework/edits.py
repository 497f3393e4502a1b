"""Every casework edit made in the window, as an undoable command.

An edit is carried out at once through the services (so a refusal, such as another clerk's
newer save, is shown before anything is pushed); the command pushed afterwards knows how to
put it back and how to make it again. Each command remembers the record's version after its
own change, so undoing over a colleague's later edit is refused like any stale save, and the
command is dropped from the stack with a message instead of overwriting their work.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from caseworker.domain.casework import Decision, RequestStatus, Verdict
from caseworker.services.casework import (
    CaseworkError,
    CaseworkServices,
    EditConflict,
    RecordNotFound,
)
from caseworker.services.casework.views import AgendaItem, DecisionView, MeetingView
from caseworker.services.dto import RevisionRequestView
from caseworker.services.errors import PetitionNotFound

REFUSALS = (CaseworkError, EditConflict, RecordNotFound, PetitionNotFound)
REQUEST_FIELDS = ("reasons", "department", "sent_on", "due_on", "status")


@dataclass
class Tracked:
    """The record a command is about, as it stands after the command's last step."""

    id: int
    version: int


class _Command(QUndoCommand):
    def __init__(
        self, text: str, edits: CaseworkEdits, petition_id: int | None,
        redo: Callable[[], None], undo: Callable[[], None],
    ) -> None:  # fmt: skip
        super().__init__(text)
        self._edits, self._petition_id = edits, petition_id
        self._redo, self._undo = redo, undo
        self._done = True  # the edit itself was made before the command was pushed

    def redo(self) -> None:
        if self._done:
            return
        self._done = self._edits.attempt(self, self._redo)

    def undo(self) -> None:
        self._done = not self._edits.attempt(self, self._undo)

    @property
    def petition_id(self) -> int | None:
        return self._petition_id


class CaseworkEdits(QObject):
    """Makes edits through the services and keeps the undo stack."""

    #: A petition's casework changed (by an edit, an undo or a redo).
    changed = Signal(object)
    #: An edit, undo or redo was refused; the message says why.
    refused = Signal(str)

    def __init__(self, services: CaseworkServices, stack: QUndoStack) -> None:
        super().__init__(stack)
        self.services = services
        self.stack = stack
        # One Tracked per record, shared by every command about it: a later command must
        # see the version an earlier one left, and the new id a redone creation was given.
        self._tracked: dict[tuple[str, int], Tracked] = {}
        self._settings: dict[str, Tracked] = {}

    def track(self, kind: str, record_id: int, version: int) -> Tracked:
        tracked = self._tracked.get((kind, record_id))
        if tracked is None:
            tracked = self._tracked[(kind, record_id)] = Tracked(record_id, version)
        tracked.version = version
        return tracked

    def _recreated(self, kind: str, tracked: Tracked, record_id: int, version: int) -> None:
        tracked.id, tracked.version = record_id, version
        self._tracked[(kind, record_id)] = tracked

    # Running -------------------------------------------------------------------------------

    def attempt(self, command: _Command, step: Callable[[], None]) -> bool:
        try:
            step()
        except REFUSALS as exc:
            self.refused.emit(f"Could not {command.text()[0].lower()}{command.text()[1:]}: {exc}")
            command.setObsolete(True)  # Qt removes it from the stack
            return False
        self.changed.emit(command.petition_id)
        return True

    def _push(self, text: str, petition_id: int | None, redo: Callable[[], None],
              undo: Callable[[], None]) -> None:  # fmt: skip
        self.stack.push(_Command(text, self, petition_id, redo, undo))
        self.changed.emit(petition_id)

    def _first(self, step: Callable[[], Any]) -> Any:
        """Make an edit for the first time; a refusal is reported and nothing is pushed."""
        try:
            return step()
        except REFUSALS as exc:
            self.refused.emit(str(exc))
            return None

    # Requests ------------------------------------------------------------------------------

    def create_request(self, petition_id: int, reasons: str, **options: Any) -> bool:
        requests = self.services.requests
        made = self._first(lambda: requests.create(petition_id, reasons, **options))
        if made is None:
            return False
        tracked = self.track("request", made.id, made.version)

        def redo() -> None:
            again = requests.create(petition_id, reasons, **options)
            self._recreated("request", tracked, again.id, again.version)

        self._push(f"Record request {made.id}", petition_id, redo,
                   lambda: requests.delete(tracked.id, tracked.version))  # fmt: skip
        return True

    def change_request(
        self, request: RevisionRequestView, text: str,
        step: Callable[[int, int], RevisionRequestView],
    ) -> bool:  # fmt: skip
        """Any change that only sets the request's own fields (send, edit, accept, withdraw)."""
        result = self._first(lambda: step(request.id, request.version))
        if result is None:
            return False
        before = {f: getattr(request, f) for f in REQUEST_FIELDS}
        after = {f: getattr(result, f) for f in REQUEST_FIELDS}
        changed = [f for f in REQUEST_FIELDS if before[f] != after[f]]
        tracked = self.track("request", result.id, result.version)
        requests = self.services.requests

        def apply(values: dict[str, Any]) -> None:
            done = requests.edit(tracked.id, tracked.version, {f: values[f] for f in changed})
            tracked.version = done.version

        self._push(f"{text} (request {request.id})", request.petition_id,
                   lambda: apply(after), lambda: apply(before))  # fmt: skip
        return True

    def edit_request(self, request: RevisionRequestView, values: dict[str, Any]) -> bool:
        requests = self.services.requests
        return self.change_request(request, "Edit", lambda i, v: requests.edit(i, v, values))

    def mark_sent(self, request: RevisionRequestView, sent_on: date | None = None) -> bool:
        requests = self.services.requests
        return self.change_request(
            request, "Mark sent", lambda i, v: requests.mark_sent(i, v, sent_on)
        )

    def accept(self, request: RevisionRequestView) -> bool:
        return self.change_request(
            request, "Accept the revised response", self.services.requests.accept
        )

    def withdraw(self, request: RevisionRequestView) -> bool:
        return self.change_request(request, "Withdraw", self.services.requests.withdraw)

    def chase(self, request: RevisionRequestView, chased_on: date | None, note: str) -> bool:
        requests = self.services.requests
        result = self._first(lambda: requests.chase(request.id, request.version, chased_on, note))
        if result is None:
            return False
        tracked = self.track("request", result.id, result.version)
        chase = {"id": result.chases[-1].id}
        when = result.chases[-1].chased_on

        def redo() -> None:
            again = requests.chase(tracked.id, tracked.version, when, note)
            tracked.version, chase["id"] = again.version, again.chases[-1].id

        def undo() -> None:
            back = requests.remove_chase(tracked.id, tracked.version, chase["id"])
            tracked.version = back.version

        self._push(f"Chase request {request.id}", request.petition_id, redo, undo)
        return True

    # Reviews -------------------------------------------------------------------------------

    def save_review(
        self, petition_id: int, version_id: int, verdict: Verdict, *,
        answers_request: bool | None, states_position: bool | None, notes: str,
        existing: Any = None,
    ) -> bool:  # fmt: skip
        reviews = self.services.reviews
        values: dict[str, Any] = {"answers_request": answers_request,
                                  "states_position": states_position, "notes": notes}  # fmt: skip
        if existing is None:
            made = self._first(
                lambda: reviews.save_review(petition_id, version_id, verdict, **values)
            )
            if made is None:
                return False
            tracked = self.track("review", made.id, made.version)

            def redo() -> None:
                again = reviews.save_review(petition_id, version_id, verdict, **values)
                self._recreated("review", tracked, again.id, again.version)

            self._push("Record a review", petition_id, redo,
                       lambda: reviews.delete_review(tracked.id, tracked.version))  # fmt: skip
            return True
        old: dict[str, Any] = {"answers_request": existing.answers_request,
               "states_position": existing.states_position, "notes": existing.notes}  # fmt: skip
        old_verdict = Verdict(existing.verdict)
        made = self._first(lambda: reviews.save_review(
            petition_id, version_id, verdict, review_id=existing.id,
            expected_version=existing.version, **values))  # fmt: skip
        if made is None:
            return False
        tracked = self.track("review", made.id, made.version)

        def put(v: Verdict, fields: dict[str, Any]) -> None:
            done = reviews.save_review(petition_id, version_id, v, review_id=tracked.id,
                                       expected_version=tracked.version, **fields)  # fmt: skip
            tracked.version = done.version

        self._push("Change a review", petition_id, lambda: put(verdict, values),
                   lambda: put(old_verdict, old))  # fmt: skip
        return True

    # Meetings ------------------------------------------------------------------------------

    def record_decision(
        self, meeting: MeetingView, item: AgendaItem, decision: Decision, notes: str
    ) -> bool:
        """Record or change the decision on an agenda item; the first one records the meeting."""
        meetings = self.services.meetings
        existing = item.decision
        links = {"response_version_id": item.response_version_id, "request_id": item.request_id}
        pid = item.petition_id

        def first() -> DecisionView:
            meeting_id = meetings.open_meeting(meeting.meets_on, meeting.cut_off).recorded_id
            place["meeting"] = meeting_id
            return meetings.record_decision(
                meeting_id, pid, decision, notes=notes,
                expected_version=existing.version if existing else None, **links,
            )  # fmt: skip

        place: dict[str, int] = {}
        made = self._first(first)
        if made is None:
            return False
        tracked = self.track("decision", made.id, made.version)
        meeting_id = place["meeting"]

        def record(d: Decision, n: str) -> None:
            done = meetings.record_decision(meeting_id, pid, d, notes=n,
                                            expected_version=tracked.version, **links)  # fmt: skip
            tracked.version = done.version

        if existing is None:

            def redo() -> None:
                again = meetings.record_decision(meeting_id, pid, decision, notes=notes, **links)
                self._recreated("decision", tracked, again.id, again.version)

            self._push(f"Record the decision on {pid}", pid, redo,
                       lambda: meetings.clear_decision(tracked.id, tracked.version))  # fmt: skip
        else:
            old = (Decision(existing.decision), existing.notes)
            self._push(f"Change the decision on {pid}", pid, lambda: record(decision, notes),
                       lambda: record(*old))  # fmt: skip
        return True

    def clear_decision(self, meeting: MeetingView, item: AgendaItem) -> bool:
        """Take a recorded decision back (the clerk chose "not yet decided")."""
        existing, meetings = item.decision, self.services.meetings
        if existing is None or meeting.id is None:
            return False
        meeting_id, pid = meeting.id, item.petition_id
        links = {"response_version_id": item.response_version_id, "request_id": item.request_id}
        old = (Decision(existing.decision), existing.notes)
        tracked = self.track("decision", existing.id, existing.version)

        def clear() -> bool:
            meetings.clear_decision(tracked.id, tracked.version)
            return True

        if not self._first(clear):
            return False

        def again() -> None:
            made = meetings.record_decision(meeting_id, pid, old[0], notes=old[1], **links)
            self._recreated("decision", tracked, made.id, made.version)

        self._push(f"Clear the decision on {pid}", pid,
                   lambda: meetings.clear_decision(tracked.id, tracked.version), again)  # fmt: skip
        return True

    # Settings ------------------------------------------------------------------------------

    def update_setting(self, key: str, old: str, new: str, version: int) -> bool:
        settings = self.services.settings
        made = self._first(lambda: settings.update(key, new, version))
        if made is None:
            return False
        tracked = self._settings.setdefault(key, Tracked(0, made.version))
        tracked.version = made.version

        def put(value: str) -> None:
            tracked.version = settings.update(key, value, tracked.version).version

        self._push(f"Change the setting {key}", None, lambda: put(new), lambda: put(old))
        return True


__all__ = ["CaseworkEdits", "RequestStatus"]
