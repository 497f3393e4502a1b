"""Database failures said in plain English, and URLs shown without their passwords."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from caseworker.storage.errors import display_url, explain


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        (
            "postgresql+psycopg://ann:secret@db:5432/petitions",
            "postgresql+psycopg://ann:***@db:5432/petitions",
        ),
        # Unparsable by SQLAlchemy (a port that is not a number): the fallback still hides it.
        ("postgresql://ann:secret@db:abc/petitions", "postgresql://ann:***@db:abc/petitions"),
        ("sqlite:////home/ann/caseworker.sqlite3", "sqlite:////home/ann/caseworker.sqlite3"),
    ],
)
def test_display_url_never_shows_a_password(url: str, shown: str) -> None:
    assert display_url(url) == shown
    assert "secret" not in display_url(url)


def test_an_unreachable_server_is_said_so() -> None:
    # Port 1 on the loopback address: nothing listens there, so the connection is refused.
    engine = create_engine("postgresql+psycopg://ann:secret@127.0.0.1:1/petitions")
    with pytest.raises(OperationalError) as caught, engine.connect() as c:
        c.execute(text("SELECT 1"))
    engine.dispose()
    message = explain(caught.value)
    assert message.startswith("cannot reach the database server")
    assert "secret" not in message
