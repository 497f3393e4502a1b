"""Team-wide casework settings, kept in the database so every clerk uses the same ones."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.domain.casework import DEFAULT_REVISION_DAYS
from caseworker.letters.templates import (
    DEFAULT_TEMPLATES,
    LetterKind,
    TemplateError,
    check_template,
)
from caseworker.services.casework.common import (
    AuditEntry,
    CaseworkError,
    CaseworkServiceBase,
    EditConflict,
    record_audit,
)
from caseworker.storage.casework_models import CaseworkSetting

REVISION_DAYS = "revision_due_days"
SIGNATORY = "signatory"
DEFAULT_SIGNATORY = "Clerk of the Committee"
#: A department gets at most this long; a longer default is almost certainly a typing slip.
MAX_REVISION_DAYS = 365


def template_key(kind: LetterKind) -> str:
    return f"template.{kind.value}"


@dataclass(frozen=True)
class SettingValue:
    key: str
    value: str
    #: 0 when the default is in use (nothing stored yet).
    version: int


@dataclass(frozen=True)
class CaseworkSettings:
    revision_days: SettingValue
    signatory: SettingValue
    templates: dict[LetterKind, SettingValue]


def _defaults() -> dict[str, str]:
    values = {REVISION_DAYS: str(DEFAULT_REVISION_DAYS), SIGNATORY: DEFAULT_SIGNATORY}
    values.update({template_key(k): text for k, text in DEFAULT_TEMPLATES.items()})
    return values


def _stored(session: Session) -> dict[str, CaseworkSetting]:
    return {s.key: s for s in session.scalars(select(CaseworkSetting))}


def _value(session: Session, key: str) -> SettingValue:
    row = session.get(CaseworkSetting, key)
    if row is None:
        return SettingValue(key, _defaults()[key], 0)
    return SettingValue(key, row.value, row.version)


def revision_days(session: Session) -> int:
    return int(_value(session, REVISION_DAYS).value)


def signatory(session: Session) -> str:
    return _value(session, SIGNATORY).value


def template(session: Session, kind: LetterKind) -> str:
    return _value(session, template_key(kind)).value


class CaseworkSettingsService(CaseworkServiceBase):
    def get(self) -> CaseworkSettings:
        with self._sessions() as session:
            return CaseworkSettings(
                revision_days=_value(session, REVISION_DAYS),
                signatory=_value(session, SIGNATORY),
                templates={k: _value(session, template_key(k)) for k in LetterKind},
            )

    def update(self, key: str, value: str, expected_version: int) -> SettingValue:
        """Store one setting; ``expected_version`` 0 means "I saw the default"."""
        value = validate_setting(key, value)
        with self._writing(f"The setting {key!r}") as session:
            row = session.get(CaseworkSetting, key, with_for_update=True)
            seen = row.version if row is not None else 0
            if seen != expected_version:
                by, at = (row.updated_by, row.updated_at) if row is not None else (None, None)
                raise EditConflict(f"The setting {key!r}", by, at)
            old = row.value if row is not None else _defaults()[key]
            now = self.clock.now()
            if row is None:
                row = CaseworkSetting(key=key, value=value, updated_at=now, updated_by=self.actor)
                session.add(row)
            else:
                row.value, row.updated_at, row.updated_by = value, now, self.actor
            session.flush()
            entry = AuditEntry("setting", key, "changed", None)
            record_audit(session, entry, self.actor, now, {"value": (old, value)})
            return SettingValue(key, row.value, row.version)


def validate_setting(key: str, value: str) -> str:
    """The value as it would be stored; CaseworkError naming the setting if it cannot be."""
    if key not in _defaults():
        raise CaseworkError(f"{key}: not a casework setting")
    if key == REVISION_DAYS:
        try:
            days = int(value)
        except ValueError:
            days = -1
        if not 1 <= days <= MAX_REVISION_DAYS:
            raise CaseworkError(f"{key}: {value!r} is not a number of days from 1 to 365")
        return str(days)
    if key.startswith("template."):
        try:
            check_template(value, key)
        except TemplateError as exc:
            raise CaseworkError(str(exc)) from None
        return value
    if not value.strip():
        raise CaseworkError(f"{key}: cannot be empty")
    return value.strip()
