"""Team-wide casework settings, kept in the database so every clerk uses the same ones:
the due periods, who signs letters, the Committee's contact details, the letter templates and
the named recipients of each department's letters."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from caseworker.domain.casework import DEFAULT_REVISION_DAYS
from caseworker.letters.compose import ADDRESS
from caseworker.letters.templates import (
    DEFAULT_TEMPLATES,
    LetterKind,
    Register,
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
from caseworker.storage.casework_models import CaseworkSetting, LetterRecipient
from caseworker.storage.models import Department

REVISION_DAYS = "revision_due_days"
CHASE_DAYS = "chase_due_days"
#: The clerk who signs the clerk's letters, by name.
SIGNATORY = "signatory"
#: The Chair of the Committee, who signs the letters to Secretaries of State.
CHAIR = "chair"
EMAIL = "committee_email"
PHONE = "committee_phone"
#: Names that may be left empty: empty means "not set", and a letter says so.
OPTIONAL = (SIGNATORY, CHAIR, EMAIL, PHONE)
DEFAULT_CHASE_DAYS = 7
#: A department gets at most this long; a longer default is almost certainly a typing slip.
MAX_REVISION_DAYS = 365
SIGNATORY_TITLES = {
    Register.CHAIR: "Chair of the Petitions Committee",
    Register.CLERK: "Clerk of the Petitions Committee",
}
SIGNATORY_KEYS = {Register.CHAIR: CHAIR, Register.CLERK: SIGNATORY}


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
    chair: SettingValue
    email: SettingValue
    phone: SettingValue
    chase_days: SettingValue


@dataclass(frozen=True)
class Recipient:
    """Who a department's letters in one register are addressed to."""

    department: str
    register: Register
    name: str
    office: str
    salutation: str
    #: Postal address, one line a line ("" when letters go by email only).
    address: str = ""
    #: 0 for a recipient not stored yet.
    version: int = 0

    @property
    def block(self) -> str:
        """The addressee block: name, office, department, address."""
        lines = [self.name, self.office]
        if self.department.lower() not in self.office.lower():
            lines.append(self.department)
        lines += self.address.replace("\r\n", "\n").split("\n")
        return "\n".join(line.strip() for line in lines if line.strip())


def _defaults() -> dict[str, str]:
    values = {
        REVISION_DAYS: str(DEFAULT_REVISION_DAYS),
        CHASE_DAYS: str(DEFAULT_CHASE_DAYS),
        **dict.fromkeys(OPTIONAL, ""),
    }
    values.update({template_key(k): text for k, text in DEFAULT_TEMPLATES.items()})
    return values


def _value(session: Session, key: str) -> SettingValue:
    row = session.get(CaseworkSetting, key)
    if row is None:
        return SettingValue(key, _defaults()[key], 0)
    return SettingValue(key, row.value, row.version)


def revision_days(session: Session) -> int:
    return int(_value(session, REVISION_DAYS).value)


def chase_days(session: Session) -> int:
    return int(_value(session, CHASE_DAYS).value)


def signatory(session: Session, register: Register = Register.CLERK) -> str:
    """The signatory's name for the register; "" when the team has not set it."""
    return _value(session, SIGNATORY_KEYS[register]).value


def contact(session: Session) -> str:
    """The Committee's contact details, one item a line: address, email, telephone."""
    email, phone = _value(session, EMAIL).value, _value(session, PHONE).value
    lines = [*ADDRESS, f"Email: {email}" if email else "", f"Telephone: {phone}" if phone else ""]
    return "\n".join(line for line in lines if line)


def has_contact(session: Session) -> bool:
    return bool(_value(session, EMAIL).value or _value(session, PHONE).value)


def template(session: Session, kind: LetterKind) -> str:
    return _value(session, template_key(kind)).value


def recipient(session: Session, department: str, register: Register) -> Recipient | None:
    """The recipient kept for the department (its name compared without regard to case)."""
    row = session.scalars(
        select(LetterRecipient).where(
            func.lower(LetterRecipient.department) == department.strip().lower(),
            LetterRecipient.register == register.value,
        )
    ).first()
    return _recipient(row) if row is not None else None


def _recipient(row: LetterRecipient) -> Recipient:
    return Recipient(
        row.department, Register(row.register), row.name, row.office, row.salutation,
        row.address, row.version,
    )  # fmt: skip


class CaseworkSettingsService(CaseworkServiceBase):
    def get(self) -> CaseworkSettings:
        with self._sessions() as session:
            return CaseworkSettings(
                revision_days=_value(session, REVISION_DAYS),
                signatory=_value(session, SIGNATORY),
                templates={k: _value(session, template_key(k)) for k in LetterKind},
                chair=_value(session, CHAIR),
                email=_value(session, EMAIL),
                phone=_value(session, PHONE),
                chase_days=_value(session, CHASE_DAYS),
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

    # Recipients --------------------------------------------------------------------------

    def recipients(self) -> list[Recipient]:
        """Every recipient kept, by department then register."""
        with self._sessions() as session:
            rows = session.scalars(
                select(LetterRecipient).order_by(
                    LetterRecipient.department, LetterRecipient.register
                )
            )
            return [_recipient(row) for row in rows]

    def set_recipient(self, wanted: Recipient) -> Recipient:
        """Store the department's recipient in ``wanted.register``; ``wanted.version`` is the
        version the clerk saw (0: "there was none")."""
        wanted = validate_recipient(wanted)
        label = f"The {wanted.register.recipient_label} of {wanted.department}"
        with self._writing(label) as session:
            wanted = replace(wanted, department=_known_spelling(session, wanted.department))
            row = self._recipient_row(session, wanted.department, wanted.register)
            seen = row.version if row is not None else 0
            if seen != wanted.version:
                by, at = (row.updated_by, row.updated_at) if row is not None else (None, None)
                raise EditConflict(label, by, at)
            now = self.clock.now()
            old = _recipient(row) if row is not None else None
            if row is None:
                row = LetterRecipient(department=wanted.department, register=wanted.register.value)
                session.add(row)
            row.name, row.office = wanted.name, wanted.office
            row.salutation, row.address = wanted.salutation, wanted.address
            row.updated_at, row.updated_by = now, self.actor
            session.flush()
            self._audit(session, wanted, "set" if old is None else "changed", old)
            return _recipient(row)

    def remove_recipient(self, department: str, register: Register, expected_version: int) -> None:
        label = f"The {register.recipient_label} of {department}"
        with self._writing(label) as session:
            row = self._recipient_row(session, department, register)
            if row is None:
                raise CaseworkError(f"No {register.recipient_label} is kept for {department}")
            if row.version != expected_version:
                raise EditConflict(label, row.updated_by, row.updated_at)
            old = _recipient(row)
            session.delete(row)
            session.flush()
            self._audit(session, old, "removed", old)

    def _recipient_row(
        self, session: Session, department: str, register: Register
    ) -> LetterRecipient | None:
        found = recipient(session, department, register)
        if found is None:
            return None
        return session.get(
            LetterRecipient, (found.department, register.value), with_for_update=True
        )

    def _audit(self, session: Session, new: Recipient, action: str, old: Recipient | None) -> None:
        subject_id = f"{new.register.value}:{new.department}"[:60]
        fields = ("name", "office", "salutation", "address")
        removed = action == "removed"
        changes = {
            f: (getattr(old, f) if old else None, None if removed else getattr(new, f))
            for f in fields
        }
        entry = AuditEntry("recipient", subject_id, action, None)
        record_audit(session, entry, self.actor, self.clock.now(), changes)


def _known_spelling(session: Session, department: str) -> str:
    """The department's name as the site spells it, when a petition has named it."""
    known = session.scalar(
        select(Department.name).where(func.lower(Department.name) == department.lower())
    )
    return known or department


def validate_recipient(wanted: Recipient) -> Recipient:
    """The recipient as it would be stored; CaseworkError naming the field at fault."""
    department = " ".join(wanted.department.split())
    if not department:
        raise CaseworkError("department: say which department the letters go to", "department")
    if len(department) > 200:
        raise CaseworkError("department: at most 200 characters", "department")
    cleaned = {f: getattr(wanted, f).strip() for f in ("name", "office", "salutation")}
    for name, value in cleaned.items():
        if not value:
            raise CaseworkError(f"{name}: the recipient's {name} cannot be empty", name)
    if cleaned["salutation"].lower().startswith("dear colleague"):
        raise CaseworkError("salutation: greet the recipient by name or office", "salutation")
    return Recipient(
        department, Register(wanted.register), cleaned["name"], cleaned["office"],
        cleaned["salutation"], wanted.address.strip(), wanted.version,
    )  # fmt: skip


def validate_setting(key: str, value: str) -> str:
    """The value as it would be stored; CaseworkError naming the setting if it cannot be."""
    if key not in _defaults():
        raise CaseworkError(f"{key}: not a casework setting")
    if key in (REVISION_DAYS, CHASE_DAYS):
        return _days(key, value)
    if key.startswith("template."):
        try:
            check_template(value, key)
        except TemplateError as exc:
            raise CaseworkError(str(exc)) from None
        return value
    if key == EMAIL and value.strip() and "@" not in value:
        raise CaseworkError(f"{key}: {value.strip()!r} is not an email address")
    if key in OPTIONAL:
        return value.strip()
    if not value.strip():
        raise CaseworkError(f"{key}: cannot be empty")
    return value.strip()


def _days(key: str, value: str) -> str:
    try:
        days = int(value)
    except ValueError:
        days = -1
    if not 1 <= days <= MAX_REVISION_DAYS:
        raise CaseworkError(f"{key}: {value!r} is not a number of days from 1 to 365")
    return str(days)


__all__ = ["Recipient", "Register"]
