"""The command line with hostile input and hostile stored text: one line, never a traceback.

Stored text is kept as the site sent it; only what is printed is made safe. Every failure is
one line on stderr with exit code 1 or 2, naming the option, file or database, and no
password ever appears.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from main import main
from tests.conftest import PROJECT_ROOT
from tests.unit.services.captures import response, single, write

HOSTILE_TITLE = "Clear \x1b[2J\x1b[31mscreen\x07 <b>x</b><img src=x> \x9b2J \u202eevil\r\nFAKE"
SECRET = "fake-s3cret-pw"


@pytest.fixture
def hostile_db(db_url: str, tmp_path: Path) -> str:
    folder = tmp_path / "captures"
    folder.mkdir()
    document = single(
        7,
        action=HOSTILE_TITLE,
        background="Back\x1b]0;title\x07ground",
        signature_count=20_000,
        response_threshold_reached_at="2025-05-01T08:00:00.000Z",
        government_response_at="2025-05-15T10:00:00.000Z",
        government_response=response("We \x1b[2Jwill not.", "2025-05-15"),
    )
    write(folder, "7.json", document)
    assert main(["--db", db_url, "import", str(folder)]) == 0
    return db_url


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def assert_terminal_safe(text: str) -> None:
    for raw in ("\x1b", "\x07", "\x9b", "\u202e", "\r"):
        assert raw not in text


# Item 1: search ---------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["²", "snake_case", '"', "title:x", "\x00", "NEAR(a b) OR *"])
def test_hostile_searches_list_quietly(
    hostile_db: str, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    code, out, err = run(capsys, "--db", hostile_db, "list", "--search", text)
    assert (code, err) == (0, "")
    assert re.search(r"\n[0-9]+ petitions?$", out.rstrip())


def test_a_pasted_page_is_searched_by_its_first_words(
    hostile_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--db", hostile_db, "list", "--search", "clear " * 5_000)
    assert code == 0
    assert "1 petition" in out
    assert err == "caseworker: the search uses its first 16 words, each up to 64 letters\n"


# Item 2: stored text printed to a terminal -------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["list", "--format", "csv"],
        ["list", "--search", "clear"],
        ["show", "7"],
    ],
)
def test_human_output_shows_control_characters_as_escapes(
    hostile_db: str, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    code, out, err = run(capsys, "--db", hostile_db, *args)
    assert code == 0
    assert_terminal_safe(out)
    assert "\\x1b[2J" in out


def test_json_output_escapes_and_decodes_to_the_stored_text(
    hostile_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", hostile_db, "list", "--format", "json")
    assert code == 0
    assert_terminal_safe(out)
    assert json.loads(out)[0]["action"] == HOSTILE_TITLE
    code, out, _ = run(capsys, "--db", hostile_db, "show", "7", "--format", "json")
    assert code == 0
    assert_terminal_safe(out)
    assert json.loads(out)["action"] == HOSTILE_TITLE


def test_requests_and_their_reasons_print_safely(
    hostile_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    reason = "Point \x1b[2J one\u202e"
    code, out, err = run(capsys, "--db", hostile_db, "request-revision", "7", "--reason", reason)
    assert code == 0, err
    for args in (["requests"], ["requests", "--format", "json"]):
        code, out, err = run(capsys, "--db", hostile_db, *args)
        assert code == 0
        assert_terminal_safe(out)
    assert json.loads(out)[0]["reasons"] == reason


def test_messages_quoting_outside_text_stay_on_one_line(
    hostile_db: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "pack\x1b[2J"
    code, _, err = run(capsys, "--db", hostile_db, "brief", "7", "-o", str(folder / "a.txt"))
    assert code == 1
    assert_terminal_safe(err)
    assert err.count("\n") == 1


# Item 3: passwords -------------------------------------------------------------------------


def with_password(url: str) -> str:
    return make_url(url).set(password=SECRET).render_as_string(hide_password=False)


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        env={**os.environ, **(env or {})},
        timeout=120,
        check=False,
    )


def test_help_hides_the_password_of_caseworker_db() -> None:
    url = f"postgresql+psycopg://clerk:{SECRET}@db.example/petitions"
    result = cli("--help", env={"CASEWORKER_DB": url})
    assert result.returncode == 0
    assert SECRET not in result.stdout
    assert "postgresql+psycopg://clerk:***@db.example/petitions" in result.stdout


def test_errors_about_a_server_hide_its_password(capsys: pytest.CaptureFixture[str]) -> None:
    for url in (
        f"postgresql+psycopg://clerk:{SECRET}@127.0.0.1:1/petitions",
        f"postgresql://clerk:{SECRET}@host:notaport/petitions",
        f"mysql://clerk:{SECRET}@host/petitions",
    ):
        code, out, err = run(capsys, "--db", url, "list")
        assert code == 2
        assert SECRET not in out + err
        assert err.count("\n") == 1


@pytest.mark.postgres
def test_a_working_server_url_with_a_password_is_never_printed(
    pg_database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    url = with_password(pg_database_url)
    code, out, err = run(capsys, "--db", url, "show", "2147483647")
    assert code == 1
    assert SECRET not in out + err


# Item 5: one line instead of a traceback ---------------------------------------------------


def assert_one_line_failure(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode in (1, 2), result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 or lines[0].startswith("usage:"), result.stderr
    for word in words:
        assert word in lines[-1], result.stderr


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["list", "--as-of", "9999-12-31"], ["--as-of", "out of range"]),
        (["list", "--as-of", "0001-01-01", "--queue", "response-overdue"], ["--as-of"]),
        (["list", "--response-days", "999999"], ["--response-days", "3,650"]),
        (["list", "--response-days", "9" * 30], ["--response-days"]),
        (["demo", "--petitions", "1000000000"], ["--petitions", "1,000,000"]),
        (["show", "99999999999999999999"], ["ID"]),
        (["requests", "--petition", "99999999999999999999"], ["--petition"]),
        (["letter", "99999999999999999999", "-o", "x.pdf"], ["REQUEST_ID"]),
        (["brief", "1", "99999999999999999999", "-o", "x.pdf"], ["ID"]),
        (["briefs", "9999-12-31", "9999-12-31", "-o", "x"], ["FROM", "out of range"]),
        (["brief", "1", "--debate-date", "9999-12-31", "-o", "x.pdf"], ["--debate-date"]),
        (["request-revision", "1", "--reason", "x", "--due", "9999-12-31"], ["--due"]),
        (["request-revision", "1", "--reason", "x", "--sent", "0001-01-01"], ["--sent"]),
    ],
)
def test_values_that_would_overflow_are_refused_by_name(
    sqlite_url: str, args: list[str], words: list[str]
) -> None:
    assert_one_line_failure(cli("--db", sqlite_url, *args), *words)


@pytest.mark.parametrize("url", ["mysql://x", "nosuch://x", "postgresql://u@h:port/x"])
def test_a_url_this_application_cannot_use(url: str) -> None:
    assert_one_line_failure(cli("--db", url, "list"), "cannot open the database")


@pytest.fixture
def read_only_folder(tmp_path: Path, sqlite_url: str) -> object:
    """A SQLite database on a read-only tmpfs (root ignores file modes, not a read-only mount)."""
    folder = tmp_path / "ro"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(folder)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        shutil.copy(make_url(sqlite_url).database or "", folder / "ro.sqlite3")
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


@pytest.mark.parametrize("args", [["list"], ["demo", "--petitions", "2"]])
def test_a_database_on_a_read_only_disk_says_read_only(
    read_only_folder: Path, args: list[str]
) -> None:
    path = read_only_folder / "ro.sqlite3"
    assert_one_line_failure(cli("--db", str(path), *args), "read-only", str(path))


def test_a_write_refused_by_an_immutable_file_says_read_only(sqlite_url: str) -> None:
    path = Path(make_url(sqlite_url).database or "")
    if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
        pytest.skip("chattr +i is not supported on this file system")
    try:
        assert_one_line_failure(
            cli("--db", str(path), "demo", "--petitions", "2"), "read-only", str(path)
        )
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


def test_the_demo_limit_is_the_generators_own(sqlite_url: str) -> None:
    from caseworker.cli.common import MAX_DEMO_PETITIONS
    from caseworker.demo.generator import MAX_DEMO_PETITIONS as GENERATOR_LIMIT
    from caseworker.demo.generator import generate_demo
    from caseworker.storage.engine import make_engine

    assert MAX_DEMO_PETITIONS == GENERATOR_LIMIT
    engine = make_engine(sqlite_url)
    try:
        with pytest.raises(ValueError, match="1,000,000"):
            generate_demo(engine, petitions=GENERATOR_LIMIT + 1)
    finally:
        engine.dispose()
