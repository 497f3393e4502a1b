"""Every casework edit made in the window, as an undoable command.

An edit is carried out at once through the services, on the application's one writer thread
while the window keeps painting (``ui.casework.writer``) (so a refusal, such as another clerk's
newer save, is shown before anything is pushed); the command pushed afterwards knows how to
put it back and how to make it again. Each command remembers the record's version after its
own change, so undoing over a colleague's later edit is refused like any stale save, and the
command is dropped from the stack with a message instead of overwriting their work.

The database may also fail to store an edit (a read-only disk, a database kept locked, a value
the server refuses): the edit is then not pushed, or an undo or redo that fails is dropped
from the stack, since each service call is one transaction and nothing has changed. The
clerk is told why in one plain line, and whatever they typed stays in the form.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
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
from ui.casework.failures import FAILURES, TEXT_KEPT, failure_message
from ui.casework.writer import CaseworkWriter
from ui.workers import JobRunner

#: Hears a refusal or failure: the message, and the form field at fault (or None).
Listener = Callable[[str, str | None], None]

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
        self._done = self._edits.attempt(self, self._redo, "redo")

    def undo(self) -> None:
        self._done = not self._edits.attempt(self, self._undo, "undo")

    @property
    def petition_id(self) -> int | None:
        return self._petition_id


class CaseworkEdits(QObject):
    """Makes edits through the services and keeps the undo stack."""

    #: A petition's casework changed (by an edit, an undo or a redo).
    changed = Signal(object)
    #: An edit, undo or redo was refused; the message says why.
    refused = Signal(str)
    #: The database could not store an edit, undo or redo; the message says why.
    failed = Signal(str)

    def __init__(
        self, services: CaseworkServices, stack: QUndoStack, location: str | None = None,
        runner: JobRunner | None = None,
    ) -> None:  # fmt: skip
        super().__init__(stack)
        self.services = services
        #: Every write (edit, undo, redo) goes through the one writer thread.
        self.writer = CaseworkWriter(runner)
        self.stack = stack
        #: Where the database is, for messages ("/home/ann/.../caseworker.sqlite3 is read-only").
        self.location = location
        # While a dialog is open, its own error line hears refusals and failures instead.
        self._listener: Listener | None = None
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

    # Reporting -----------------------------------------------------------------------------

    @contextmanager
    def reporting_to(self, listener: Listener) -> Iterator[None]:
        """Send every refusal and failure to ``listener`` (a dialog's error line) meanwhile,
        with the form field at fault when the services name one."""
        before, self._listener = self._listener, listener
        try:
            yield
        finally:
            self._listener = before

    def _refuse(self, message: str, field: str | None = None) -> None:
        if self._listener is not None:
            self._listener(message, field)
        else:
            self.refused.emit(message)

    def _fail(self, message: str) -> None:
        if self._listener is not None:
            self._listener(message, None)
        else:
            self.failed.emit(message)

    # Running -------------------------------------------------------------------------------

    def attempt(self, command: _Command, step: Callable[[], None], verb: str) -> bool:
        """Undo or redo ``command``; if refused or not stored it leaves the stack."""
        try:
            self.writer.run(step)
        except REFUSALS as exc:
            self._refuse(f"Could not {command.text()[0].lower()}{command.text()[1:]}: {exc}")
            command.setObsolete(True)  # Qt removes it from the stack
            return False
        except FAILURES as exc:
            # One transaction was rolled back: the record is as it was before this undo or
            # redo. Left on the stack, the command would claim the opposite.
            self._fail(failure_message(
                f"Could not {verb} “{command.text()}”", exc, self.location,
                "Nothing was changed, and this step has been taken off the undo list.",
            ))  # fmt: skip
            command.setObsolete(True)
            return False
        self.changed.emit(command.petition_id)
        return True

    def _push(self, text: str, petition_id: int | None, redo: Callable[[], None],
              undo: Callable[[], None]) -> None:  # fmt: skip
        self.stack.push(_Command(text, self, petition_id, redo, undo))
        self.changed.emit(petition_id)

    def _first(self, step: Callable[[], Any], what: str, after: str = TEXT_KEPT) -> Any:
        """Make an edit for the first time; a refusal or failure is reported, nothing pushed.

        ``what`` says what was not done ("Your review was not saved"), for a failure.
        """
        try:
            return self.writer.run(step)
        except REFUSALS as exc:
            self._refuse(str(exc), getattr(exc, "field", None))
            return None
        except FAILURES as exc:
            self._fail(failure_message(what, exc, self.location, after))
            return None

    # Requests ------------------------------------------------------------------------------

    def create_request(self, petition_id: int, reasons: str, **options: Any) -> bool:
        requests = self.services.requests
        made = self._first(
            lambda: requests.create(petition_id, reasons, **options), "The request was not recorded"
        )
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
        step: Callable[[int, int], RevisionRequestView], not_done: str = "",
    ) -> bool:  # fmt: skip
        """Any change that only sets the request's own fields (send, edit, accept, withdraw).

        ``not_done`` says what failed ("Request 3 was not withdrawn") if the database fails.
        """
        what = not_done or f"Your changes to request {request.id} were not saved"
        kept = "" if not_done else TEXT_KEPT
        result = self._first(lambda: step(request.id, request.version), what, kept)
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
            request, "Mark sent", lambda i, v: requests.mark_sent(i, v, sent_on),
            f"Request {request.id} was not marked sent",
        )  # fmt: skip

    def accept(self, request: RevisionRequestView) -> bool:
        return self.change_request(
            request, "Accept the revised response", self.services.requests.accept,
            f"The revised response to request {request.id} was not accepted",
        )  # fmt: skip

    def withdraw(self, request: RevisionRequestView) -> bool:
        return self.change_request(
            request, "Withdraw", self.services.requests.withdraw,
            f"Request {request.id} was not withdrawn",
        )  # fmt: skip

    def chase(self, request: RevisionRequestView, chased_on: date | None, note: str) -> bool:
        requests = self.services.requests
        result = self._first(
            lambda: requests.chase(request.id, request.version, chased_on, note),
            f"The chase of request {request.id} was not recorded",
        )
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
                lambda: reviews.save_review(petition_id, version_id, verdict, **values),
                "Your review was not saved",
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
            expected_version=existing.version, **values), "Your review was not saved")  # fmt: skip
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
        made = self._first(
            first, f"The decision on e-petition {pid} was not recorded", _notes_kept(notes)
        )
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

        if not self._first(clear, f"The decision on e-petition {pid} was not taken back", ""):
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
        made = self._first(
            lambda: settings.update(key, new, version), f"The setting {key!r} was not saved"
        )
        if made is None:
            return False
        tracked = self._settings.setdefault(key, Tracked(0, made.version))
        tracked.version = made.version

        def put(value: str) -> None:
            tracked.version = settings.update(key, value, tracked.version).version

        self._push(f"Change the setting {key}", None, lambda: put(new), lambda: put(old))
        return True


def _notes_kept(notes: str) -> str:
    return "Your notes are still in the agenda." if notes.strip() else ""


__all__ = ["CaseworkEdits", "RequestStatus"]
