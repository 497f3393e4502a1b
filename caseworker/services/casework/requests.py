"""Requests to a department for a revised response: create, send, chase, close, undo.

Every change is checked against the version the clerk last saw and recorded in the audit
history in the same transaction, so a refused save leaves no trace and a stored one
always has its history.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.domain.casework import (
    AWAITING_DEPARTMENT,
    TRANSITIONS,
    RequestSort,
    RequestStatus,
    default_due_on,
    is_overdue,
)
from caseworker.services import dto
from caseworker.services.casework.common import (
    AuditEntry,
    CaseworkError,
    CaseworkServiceBase,
    RecordNotFound,
    apply_changes,
    check_version,
    record_audit,
)
from caseworker.services.casework.request_views import department_names, request_view
from caseworker.services.casework.settings import revision_days
from caseworker.services.casework.views import RequestRow
from caseworker.services.errors import PetitionNotFound
from caseworker.storage import models as m
from caseworker.storage.casework_models import RequestChase, RevisionRequest

WHAT = "Request"
#: The fields a clerk (or an undo) may set directly.
EDITABLE = frozenset({"reasons", "department", "sent_on", "due_on", "status"})


class RevisionRequestService(CaseworkServiceBase):
    # Reading ------------------------------------------------------------------------------

    def get(self, request_id: int) -> dto.RevisionRequestView:
        with self._sessions() as session:
            return request_view(session, _load(session, request_id))

    def list_requests(
        self, *, status: RequestStatus | None = None, petition_id: int | None = None
    ) -> list[dto.RevisionRequestView]:
        query = select(RevisionRequest).order_by(RevisionRequest.id)
        if status is not None:
            query = query.where(RevisionRequest.status == status.value)
        if petition_id is not None:
            query = query.where(RevisionRequest.petition_id == petition_id)
        with self._sessions() as session:
            return [request_view(session, r) for r in session.scalars(query)]

    def outstanding(
        self, *, sort: RequestSort = RequestSort.DUE, descending: bool = False,
        include_closed: bool = False, status: RequestStatus | None = None,
    ) -> list[RequestRow]:  # fmt: skip
        """The Requests view: drafts and requests awaiting the department (every request with
        ``include_closed``), with the petition's action and an overdue flag, sorted."""
        today = self.clock.today()
        query = select(RevisionRequest, m.Petition.action).join(
            m.Petition, m.Petition.id == RevisionRequest.petition_id
        )
        if status is not None:
            query = query.where(RevisionRequest.status == status.value)
        elif not include_closed:
            open_statuses = [RequestStatus.DRAFT.value, *(s.value for s in AWAITING_DEPARTMENT)]
            query = query.where(RevisionRequest.status.in_(open_statuses))
        with self._sessions() as session:
            rows = [
                RequestRow(
                    request_view(session, r),
                    action,
                    is_overdue(RequestStatus(r.status), r.due_on, today),
                )
                for r, action in session.execute(query.order_by(RevisionRequest.id))
            ]
        return sort_requests(rows, sort, descending)

    # Creating ------------------------------------------------------------------------------

    def create(
        self,
        petition_id: int,
        reasons: str,
        *,
        status: RequestStatus = RequestStatus.SENT,
        sent_on: date | None = None,
        due_on: date | None = None,
        department: str | None = None,
        response_version_id: int | None = None,
    ) -> dto.RevisionRequestView:
        """A new request about the petition's current response (or the version given)."""
        if status not in (RequestStatus.DRAFT, RequestStatus.SENT):
            raise CaseworkError(
                "A new request is either a draft or sent, not " + str(status), field="status"
            )
        reasons = reasons.strip()
        clash = f"Petition {petition_id} already has an open revision request"
        with self._writing(clash) as session:
            if session.get(m.Petition, petition_id) is None:
                raise PetitionNotFound(petition_id)
            version_id = _response_version(session, petition_id, response_version_id)
            _refuse_second_open_request(session, petition_id)
            if status is RequestStatus.SENT:
                _require_reasons(reasons)
                sent_on = sent_on or self.clock.today()
                due_on = due_on or default_due_on(sent_on, revision_days(session))
            _check_dates(sent_on, due_on, self.clock.today())
            now = self.clock.now()
            request = RevisionRequest(
                petition_id=petition_id,
                response_version_id=version_id,
                reasons=reasons,
                department=department or department_names(session, petition_id),
                status=status.value,
                sent_on=sent_on,
                due_on=due_on,
                created_at=now,
                created_by=self.actor,
                updated_at=now,
                updated_by=self.actor,
            )
            session.add(request)
            session.flush()
            initial = {f: (None, getattr(request, f)) for f in sorted(EDITABLE)}
            self._audit(session, request, "created", initial)
            return request_view(session, request)

    # Changing ------------------------------------------------------------------------------

    def edit(
        self, request_id: int, expected_version: int, changes: Mapping[str, Any]
    ) -> dto.RevisionRequestView:
        """Set fields directly: the edit form, and undo (which may restore any status)."""
        unknown = set(changes) - EDITABLE
        if unknown:
            names = ", ".join(sorted(unknown))
            raise CaseworkError(f"A clerk cannot change {names} of a request", field=names)
        values = dict(changes)
        if "status" in values:
            values["status"] = _status(values["status"]).value
        if "reasons" in values:
            values["reasons"] = str(values["reasons"]).strip()
        with self._writes.begin() as session:
            request = self._for_update(session, request_id, expected_version)
            if request.status != RequestStatus.DRAFT and "reasons" in values:
                _require_reasons(values["reasons"])
            sent_on = values.get("sent_on", request.sent_on)
            _check_dates(sent_on, values.get("due_on", request.due_on), self.clock.today())
            return self._save(session, request, values, "changed")

    def mark_sent(
        self, request_id: int, expected_version: int, sent_on: date | None = None,
        due_on: date | None = None,
    ) -> dto.RevisionRequestView:  # fmt: skip
        with self._writes.begin() as session:
            request = self._for_update(session, request_id, expected_version)
            _require_move(request, RequestStatus.SENT)
            _require_reasons(request.reasons)
            sent = sent_on or self.clock.today()
            due = due_on or request.due_on or default_due_on(sent, revision_days(session))
            _check_dates(sent, due, self.clock.today())
            values = {"status": RequestStatus.SENT.value, "sent_on": sent, "due_on": due}
            return self._save(session, request, values, "sent")

    def chase(
        self, request_id: int, expected_version: int, chased_on: date | None = None,
        note: str = "",
    ) -> dto.RevisionRequestView:  # fmt: skip
        with self._writes.begin() as session:
            request = self._for_update(session, request_id, expected_version)
            _require_move(request, RequestStatus.CHASED)
            when = chased_on or self.clock.today()
            if request.sent_on is not None and when < request.sent_on:
                raise CaseworkError(
                    f"The chase date ({when.isoformat()}) is before the request was sent "
                    f"({request.sent_on.isoformat()})",
                    field="chased_on",
                )
            chase = RequestChase(
                request_id=request.id, chased_on=when, note=note.strip(),
                created_at=self.clock.now(), created_by=self.actor,
            )  # fmt: skip
            session.add(chase)
            session.flush()
            self._audit(session, request, "chased", {"chased_on": (None, when)}, chase.id)
            return self._save(session, request, {"status": RequestStatus.CHASED.value}, "chased")

    def remove_chase(
        self, request_id: int, expected_version: int, chase_id: int
    ) -> dto.RevisionRequestView:
        """Undo a chase: the request goes back to sent when no chase is left."""
        with self._writes.begin() as session:
            request = self._for_update(session, request_id, expected_version)
            chase = session.get(RequestChase, chase_id)
            if chase is None or chase.request_id != request.id:
                raise RecordNotFound("Chase", chase_id)
            session.delete(chase)
            session.flush()
            self._audit(session, request, "chase removed", {"chased_on": (chase.chased_on, None)})
            left = session.scalar(
                select(RequestChase.id).where(RequestChase.request_id == request.id)
            )
            values = {}
            if left is None and request.status == RequestStatus.CHASED:
                values["status"] = RequestStatus.SENT.value
            return self._save(session, request, values, "changed")

    def accept(self, request_id: int, expected_version: int) -> dto.RevisionRequestView:
        return self._move(request_id, expected_version, RequestStatus.ACCEPTED, "accepted")

    def withdraw(self, request_id: int, expected_version: int) -> dto.RevisionRequestView:
        return self._move(request_id, expected_version, RequestStatus.WITHDRAWN, "withdrawn")

    def delete(self, request_id: int, expected_version: int) -> None:
        """Remove a request entirely: only to undo its creation. The audit keeps its story."""
        with self._writes.begin() as session:
            request = self._for_update(session, request_id, expected_version)
            self._audit(session, request, "deleted")
            session.delete(request)

    # Internals -----------------------------------------------------------------------------

    def _move(
        self, request_id: int, expected_version: int, to: RequestStatus, action: str
    ) -> dto.RevisionRequestView:
        with self._writes.begin() as session:
            request = self._for_update(session, request_id, expected_version)
            _require_move(request, to)
            return self._save(session, request, {"status": to.value}, action)

    def _for_update(
        self, session: Session, request_id: int, expected_version: int
    ) -> RevisionRequest:
        request = _load(session, request_id, for_update=True)
        check_version(WHAT, request, expected_version)
        return request

    def _save(
        self, session: Session, request: RevisionRequest, values: Mapping[str, Any], action: str
    ) -> dto.RevisionRequestView:
        changed = apply_changes(request, values)
        if changed:
            request.updated_at = self.clock.now()
            request.updated_by = self.actor
            self._audit(session, request, action, changed)
        # The version column is checked again by the UPDATE itself (a concurrent save fails).
        session.flush()
        return request_view(session, request)

    def _audit(
        self, session: Session, request: RevisionRequest, action: str,
        changes: Mapping[str, tuple[Any, Any]] | None = None, chase_id: int | None = None,
    ) -> None:  # fmt: skip
        subject_id: int | str = request.id if chase_id is None else f"{request.id}/{chase_id}"
        entry = AuditEntry("request", subject_id, action, request.petition_id)
        record_audit(session, entry, self.actor, self.clock.now(), changes)


def sort_requests(rows: list[RequestRow], sort: RequestSort, descending: bool) -> list[RequestRow]:
    by_id = {row.request.id: row for row in rows}
    views = sort_views([row.request for row in rows], sort, descending)
    return [by_id[view.id] for view in views]


def sort_views(
    views: list[dto.RevisionRequestView], sort: RequestSort, descending: bool = False
) -> list[dto.RevisionRequestView]:
    """Sorted on one column, then by request number; rows without a date go last either way."""
    views = sorted(views, key=lambda v: v.id)
    if sort is RequestSort.PETITION:
        return sorted(views, key=lambda v: v.petition_id, reverse=descending)
    if sort is RequestSort.STATUS:
        order = {s.value: i for i, s in enumerate(RequestStatus)}
        return sorted(views, key=lambda v: order[v.status], reverse=descending)
    attribute = {RequestSort.DUE: "due_on", RequestSort.SENT: "sent_on",
                 RequestSort.CHASED: "last_chased_on"}[sort]  # fmt: skip
    dated = [v for v in views if getattr(v, attribute) is not None]
    undated = [v for v in views if getattr(v, attribute) is None]
    dated.sort(key=lambda v: getattr(v, attribute), reverse=descending)
    return dated + undated


def _load(session: Session, request_id: int, *, for_update: bool = False) -> RevisionRequest:
    request = session.get(RevisionRequest, request_id, with_for_update=for_update or None)
    if request is None:
        raise RecordNotFound(WHAT, request_id)
    return request


def _status(value: Any) -> RequestStatus:
    try:
        return RequestStatus(value)
    except ValueError:
        allowed = ", ".join(s.value for s in RequestStatus)
        raise CaseworkError(
            f"A request's status is one of {allowed} (not {str(value)!r})", field="status"
        ) from None


def _require_move(request: RevisionRequest, to: RequestStatus) -> None:
    current = RequestStatus(request.status)
    if to not in TRANSITIONS[current]:
        raise CaseworkError(
            f"Request {request.id} is {current.value}, so it cannot be {to.value}",
            field="status",
        )


def _refuse_second_open_request(session: Session, petition_id: int) -> None:
    """One open request per petition: a second would be chased and answered twice."""
    r = RevisionRequest
    still_open = session.scalar(
        select(r.id)
        .where(r.petition_id == petition_id)
        .where(r.status.in_([RequestStatus.DRAFT.value, *(s.value for s in AWAITING_DEPARTMENT)]))
    )
    if still_open is not None:
        raise CaseworkError(
            f"Petition {petition_id} already has an open request ({still_open}): chase, "
            "edit or withdraw that one instead"
        )


def _require_reasons(reasons: str) -> None:
    if not reasons.strip():
        raise CaseworkError(
            "Say which points of the response fall short (the reasons are empty)",
            field="reasons",
        )


def _check_dates(sent_on: date | None, due_on: date | None, today: date) -> None:
    if sent_on is not None and sent_on > today:
        raise CaseworkError(
            f"The date sent ({sent_on.isoformat()}) is in the future", field="sent_on"
        )
    if sent_on is not None and due_on is not None and due_on < sent_on:
        raise CaseworkError(
            f"The due date ({due_on.isoformat()}) is before the request was sent "
            f"({sent_on.isoformat()})",
            field="due_on",
        )


def _response_version(session: Session, petition_id: int, version_id: int | None) -> int:
    v = m.ResponseVersion
    if version_id is not None:
        found = session.scalar(select(v.petition_id).where(v.id == version_id))
        if found != petition_id:
            raise CaseworkError(
                f"Response version {version_id} is not a response to petition {petition_id}",
                field="response_version_id",
            )
        return version_id
    current = session.scalar(select(v.id).where(v.petition_id == petition_id, v.is_current))
    if current is None:
        raise CaseworkError(
            f"Petition {petition_id} has no Government response to ask to revise yet"
        )
    return current
