"""Named recipients per department and register: kept, changed, refused, audited."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from caseworker.letters.templates import Register
from caseworker.services.casework import CaseworkError, CaseworkServices, EditConflict
from caseworker.services.casework.settings import Recipient
from caseworker.storage.casework_models import AuditEvent
from caseworker.storage.engine import Database
from main import main
from tests.unit.casework.story import PID

DFE = "Department for Education"


def secretary(version: int = 0, name: str = "Rt Hon A Minister MP") -> Recipient:
    office, address = "Secretary of State for Education", "Sanctuary Buildings\nLondon SW1P 3BT"
    return Recipient(DFE, Register.CHAIR, name, office, "Secretary of State", address, version)


def test_a_recipient_is_kept_changed_and_removed_with_its_history(
    alice: CaseworkServices, bob: CaseworkServices, answered: Database
) -> None:
    stored = alice.settings.set_recipient(secretary())
    assert stored.version == 1 and stored.block == (
        "Rt Hon A Minister MP\nSecretary of State for Education\nDepartment for Education\n"
        "Sanctuary Buildings\nLondon SW1P 3BT"
    )
    with pytest.raises(EditConflict, match="changed by alice"):
        bob.settings.set_recipient(secretary(0, "Someone Else"))  # bob saw none
    changed = bob.settings.set_recipient(secretary(1, "Rt Hon New Minister MP"))
    assert [r.name for r in alice.settings.recipients()] == ["Rt Hon New Minister MP"]
    alice.settings.remove_recipient(DFE, Register.CHAIR, changed.version)
    assert alice.settings.recipients() == []
    with answered.sessions() as session:
        events = session.execute(
            select(AuditEvent.actor, AuditEvent.action, AuditEvent.field, AuditEvent.new_value)
            .where(AuditEvent.subject == "recipient", AuditEvent.field == "name")
            .order_by(AuditEvent.id)
        ).all()
    assert [tuple(e) for e in events] == [
        ("alice", "set", "name", "Rt Hon A Minister MP"),
        ("bob", "changed", "name", "Rt Hon New Minister MP"),
        ("alice", "removed", "name", None),
    ]


def test_the_department_takes_the_sites_spelling_and_letters_find_it_in_any_case(
    alice: CaseworkServices,
) -> None:
    alice.settings.set_recipient(
        Recipient(
            "department for education", Register.CLERK, "Sam", "Parliamentary Clerk", "Dear Sam"
        )  # fmt: skip
    )
    (kept,) = alice.settings.recipients()
    assert kept.department == DFE  # as petition 724432's capture spells it
    letter = alice.letters.request_letter(alice.requests.create(PID, "No.").id)
    assert letter.to.startswith("Department for Education")  # the Chair's: not set yet


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("department", " ", "department: say which department"),
        ("name", "", "name: the recipient's name cannot be empty"),
        ("salutation", "Dear colleague", "salutation: greet the recipient by name or office"),
    ],
)
def test_an_incomplete_recipient_is_refused_naming_the_field(
    alice: CaseworkServices, field: str, value: str, message: str
) -> None:
    from dataclasses import replace

    with pytest.raises(CaseworkError, match=message) as caught:
        alice.settings.set_recipient(replace(secretary(), **{field: value}))
    assert caught.value.field == field
    assert alice.settings.recipients() == []


def test_recipients_and_letter_settings_from_the_command_line(
    sqlite_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    def run(*args: str) -> int:
        return main(["--db", sqlite_url, *args])

    assert run("recipients", "list") == 0
    assert capsys.readouterr().out.startswith("0 recipients (set one with `recipients set")
    assert run("recipients", "set", "Home Office", "--to", "secretary-of-state",
               "--name", "Rt Hon A Person MP", "--office", "Home Secretary",
               "--salutation", "Home Secretary",
               "--address", "2 Marsham Street; London") == 0  # fmt: skip
    assert run("recipients", "set", "Home Office", "--to", "secretary-of-state",
               "--name", "Rt Hon B Person MP", "--office", "Home Secretary",
               "--salutation", "Home Secretary") == 0  # fmt: skip
    assert run("recipients", "list", "--format", "json") == 0
    out = capsys.readouterr().out
    assert '"name": "Rt Hon B Person MP"' in out and '"to": "secretary-of-state"' in out
    assert run("recipients", "set", "Home Office", "--to", "officials", "--name", "X",
               "--office", "Y", "--salutation", "Dear colleague") == 1  # fmt: skip
    assert "greet the recipient by name or office" in capsys.readouterr().err
    assert run("recipients", "remove", "Home Office", "--to", "officials") == 1
    assert "no official is kept for Home Office" in capsys.readouterr().err
    assert run("recipients", "remove", "home office", "--to", "secretary-of-state") == 0
    assert run("letter-settings", "--chair", "Jamie Stone MP", "--email", "pc@example.org") == 0
    out = capsys.readouterr().out
    assert "Chair:        Jamie Stone MP" in out and "Clerk:        (not set)" in out
    assert run("letter-settings", "--email", "not an address") == 1
    assert "committee_email: 'not an address' is not an email address" in capsys.readouterr().err
