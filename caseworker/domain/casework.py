"""The Committee's vocabulary for reviewing responses and asking for revised ones.

The outcomes follow the Committee's published decision lists (domain notes §1.5).
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum


class Verdict(StrEnum):
    """A clerk's recommendation on one version of a Government response."""

    ACCEPT = "accept"
    REQUEST_REVISION = "request_revision"
    WRITE_TO_DEPARTMENT = "write_to_department"
    DEFER = "defer"

    @property
    def label(self) -> str:
        return VERDICT_LABELS[self]


VERDICT_LABELS = {
    Verdict.ACCEPT: "Accept the response",
    Verdict.REQUEST_REVISION: "Request a revised response",
    Verdict.WRITE_TO_DEPARTMENT: "Write to the department for more information",
    Verdict.DEFER: "Defer",
}


class Answer(StrEnum):
    """A clerk's answer to one question of the Committee's test (does the response answer
    the request? does it state the Government's position?)."""

    YES = "yes"
    PARTLY = "partly"
    NO = "no"

    @classmethod
    def read(cls, value: Answer | bool | str | None) -> Answer | None:
        """An answer from the form, the command line or an older caller's True/False."""
        if value is None or value == "":
            return None
        if isinstance(value, bool):
            return cls.YES if value else cls.NO
        return cls(str(value).strip().lower())


class RequestStatus(StrEnum):
    DRAFT = "draft"
    SENT = "sent"
    CHASED = "chased"
    RECEIVED = "received"
    ACCEPTED = "accepted"
    WITHDRAWN = "withdrawn"

    @property
    def is_open(self) -> bool:
        """Still waiting on the department: a revised response may close it."""
        return self in AWAITING_DEPARTMENT

    @property
    def is_closed(self) -> bool:
        return self in (RequestStatus.ACCEPTED, RequestStatus.WITHDRAWN)


class RequestSort(StrEnum):
    """The columns the Requests view (and ``requests --sort``) can be sorted on."""

    DUE = "due"
    SENT = "sent"
    CHASED = "chased"
    STATUS = "status"
    PETITION = "petition"


AWAITING_DEPARTMENT = frozenset({RequestStatus.SENT, RequestStatus.CHASED})

#: The moves a clerk can make from each status (undo may restore any earlier status).
TRANSITIONS: dict[RequestStatus, frozenset[RequestStatus]] = {
    RequestStatus.DRAFT: frozenset({RequestStatus.SENT, RequestStatus.WITHDRAWN}),
    RequestStatus.SENT: frozenset(
        {RequestStatus.CHASED, RequestStatus.RECEIVED, RequestStatus.WITHDRAWN}
    ),
    RequestStatus.CHASED: frozenset(
        {RequestStatus.CHASED, RequestStatus.RECEIVED, RequestStatus.WITHDRAWN}
    ),
    RequestStatus.RECEIVED: frozenset({RequestStatus.ACCEPTED, RequestStatus.WITHDRAWN}),
    RequestStatus.ACCEPTED: frozenset(),
    RequestStatus.WITHDRAWN: frozenset(),
}


class Decision(StrEnum):
    """What the Committee decided about an item at a meeting."""

    NOTED = "noted"
    REQUEST_REVISION = "request_revision"
    ACCEPT_REVISED = "accept_revised"
    WRITE_TO_DEPARTMENT = "write_to_department"
    WRITE_TO_PETITIONERS = "write_to_petitioners"
    DEFER = "defer"

    @property
    def label(self) -> str:
        return DECISION_LABELS[self]


DECISION_LABELS = {
    Decision.NOTED: "Noted the Government's response",
    Decision.REQUEST_REVISION: "Agreed to request a revised response",
    Decision.ACCEPT_REVISED: "Agreed to accept the revised response",
    Decision.WRITE_TO_DEPARTMENT: "Agreed to write to the department for more information",
    Decision.WRITE_TO_PETITIONERS: "Agreed to write to petitioners about related activity",
    Decision.DEFER: "Deferred its decision",
}

#: Days a department is given for a revised response unless the team sets otherwise.
DEFAULT_REVISION_DAYS = 21


def default_due_on(sent_on: date, days: int = DEFAULT_REVISION_DAYS) -> date:
    return sent_on + timedelta(days=days)


def is_overdue(status: RequestStatus, due_on: date | None, today: date) -> bool:
    return status.is_open and due_on is not None and today > due_on


def default_cut_off(meets_on: date) -> date:
    """The usual cut-off for a meeting: the Friday before it (17 Feb for 21 Feb 2023)."""
    days_back = (meets_on.weekday() - 4) % 7 or 7
    return meets_on - timedelta(days=days_back)
