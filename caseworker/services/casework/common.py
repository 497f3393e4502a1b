"""What the casework services share: who is acting, conflicts, input errors and the audit."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from caseworker.domain import rules
from caseworker.formatting import clock, long_date
from caseworker.identity import current_user
from caseworker.storage.casework_models import AuditEvent
from caseworker.storage.engine import Database
from caseworker.storage.errors import is_unique_violation
from caseworker.storage.models import Petition


class CaseworkError(ValueError):
    """The input cannot be stored as it is: a plain-English message for the clerk.

    ``field`` names the form field at fault (as the services call it: "reasons", "sent_on",
    "due_on", "status", "answers_request", ...) so a dialog can show the message beside it;
    None when the refusal is about the record as a whole.
    """

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class RecordNotFound(LookupError):
    def __init__(self, what: str, record_id: int) -> None:
        super().__init__(f"{what} {record_id} does not exist")


class EditConflict(RuntimeError):
    """Someone saved the record after this copy was read: the save is refused.

    Nothing is written, so the clerk's own edits stay where they are (in the form, or the
    command's arguments) to be reapplied to the newer record.
    """

    def __init__(self, label: str, by: str | None, at: datetime | None) -> None:
        who = f" by {by}" if by else ""
        when = f" at {clock(at)} on {long_date(at)}" if at else ""
        super().__init__(
            f"{label} was changed{who}{when} after you opened it, so your changes "
            "were not saved. Reload to see the newer version, then make your changes again."
        )
        self.label = label


class SimultaneousSave(EditConflict):
    """A colleague stored the same one-of-a-kind record at the same moment; theirs won.

    On PostgreSQL two clerks can both pass a service's "is there one already?" check; the
    database's unique rule then refuses the second insert, and this says so in words.
    """

    def __init__(self, clash: str) -> None:
        RuntimeError.__init__(
            self,
            f"{clash}: a colleague saved one at the same moment, so yours was not saved. "
            "Reload to see theirs; your own text is kept.",
        )
        self.label = clash


@dataclass(frozen=True)
class Clock:
    """The time services stamp records with; tests pass a fixed one."""

    now: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))

    def today(self) -> date:
        return rules.london_date(self.now())


class CaseworkServiceBase:
    def __init__(self, database: Database, actor: str | None = None, clock: Clock | None = None):
        self._sessions = database.sessions
        self._writes = database.writes
        self.actor = actor or current_user()
        self.clock = clock or Clock()

    @contextmanager
    def _writing(self, clash: str) -> Iterator[Session]:
        """A unit of work that writes; a unique rule broken by a colleague's simultaneous
        save is refused as ``SimultaneousSave(clash)``, with nothing stored."""
        try:
            with self._writes.begin() as session:
                yield session
        except IntegrityError as exc:
            if not is_unique_violation(exc):
                raise
            raise SimultaneousSave(clash) from exc


def audit_text(value: Any) -> str | None:
    """How a value is written in the audit history: dates ISO, enums by value."""
    if value is None:
        return None
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


@dataclass(frozen=True)
class AuditEntry:
    subject: str
    subject_id: int | str | None
    action: str
    petition_id: int | None


def record_audit(
    session: Session,
    entry: AuditEntry,
    actor: str,
    at: datetime,
    changes: Mapping[str, tuple[Any, Any]] | None = None,
) -> None:
    """One audit row per changed field (one row when nothing field-level changed)."""
    subject_id = None if entry.subject_id is None else str(entry.subject_id)
    petition = session.get(Petition, entry.petition_id) if entry.petition_id else None
    base = {
        "petition_id": entry.petition_id,
        "at": at,
        "actor": actor,
        "subject": entry.subject,
        "subject_id": subject_id,
        "action": entry.action,
        "demo": bool(petition and petition.is_demo),
    }
    rows = [
        AuditEvent(**base, field=name, old_value=audit_text(old), new_value=audit_text(new))
        for name, (old, new) in (changes or {}).items()
        if _blank_as_none(old) != _blank_as_none(new)
    ]
    session.add_all(rows or [AuditEvent(**base)])


def _blank_as_none(value: Any) -> Any:
    return None if value == "" else value


def apply_changes(record: Any, values: Mapping[str, Any]) -> dict[str, tuple[Any, Any]]:
    """Set attributes on an ORM record; returns {field: (old, new)} for those that changed."""
    changed = {}
    for name, new in values.items():
        old = getattr(record, name)
        if old != new:
            setattr(record, name, new)
            changed[name] = (old, new)
    return changed


def check_version(what: str, record: Any, expected: int | None) -> None:
    if expected is not None and record.version != expected:
        by = _first_attribute(record, ("updated_by", "decided_by", "reviewer"))
        at = _first_attribute(record, ("updated_at", "decided_at", "reviewed_at"))
        raise EditConflict(f"{what} {record.id}", by, at)


def _first_attribute(record: Any, names: tuple[str, ...]) -> Any:
    return next((getattr(record, n) for n in names if hasattr(record, n)), None)
