"""Migration 0006 from a 0005 database holding casework: tables added, data kept, the old
greeting and the unnamed signatory taken off."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine, inspect, text

from caseworker.letters.templates import LetterKind
from caseworker.services.casework import CaseworkServices
from caseworker.storage import migrate
from caseworker.storage.engine import open_database

OLD_TEMPLATE = (
    "Dear colleague,\n\nPlease revise the response to $petition_number by $due_date.\n\n"
    "Our own closing words.\n\nYours sincerely,"
)


def test_upgrade_from_0005_keeps_the_teams_wording_without_the_old_greeting(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    migrate.upgrade(engine, "0005")
    now = datetime(2025, 6, 1, tzinfo=UTC).isoformat()
    with engine.begin() as c:
        rows = [
            ("template.revision_request", OLD_TEMPLATE),
            ("template.chaser", "Chase $petition_number."),
            ("signatory", "Clerk of the Committee"),
            ("revision_due_days", "28"),
        ]
        for key, value in rows:
            c.execute(
                text("INSERT INTO casework_settings VALUES (:k, :v, :at, 'alice', 1)"),
                {"k": key, "v": value, "at": now},
            )
    engine.dispose()

    db = open_database(str(path))  # upgrades to the head, after a backup
    try:
        assert migrate.schema_state(db.engine).current == migrate.head_revision()
        tables = set(inspect(db.engine).get_table_names())
        assert {"letters", "letter_recipients"} <= tables
        settings = CaseworkServices.open(db).settings.get()
        assert settings.templates[LetterKind.REVISION_REQUEST].value == (
            "Please revise the response to $petition_number by $due_date.\n\nOur own closing words."
        )
        assert settings.templates[LetterKind.CHASER].value == "Chase $petition_number."
        assert settings.signatory.value == ""  # the unnamed default: the letter asks for a name
        assert settings.revision_days.value == "28"
    finally:
        db.dispose()


def test_downgrade_to_0005_drops_only_the_new_tables(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    migrate.upgrade(engine, "head")
    with engine.begin() as connection:
        config = migrate.alembic_config(engine)
        config.attributes["connection"] = connection
        command.downgrade(config, "0005")
    tables = set(inspect(engine).get_table_names())
    assert "letters" not in tables and "letter_recipients" not in tables
    assert "casework_settings" in tables
    engine.dispose()
