"""Exported files (packs, letters): the user's umask, a full disk, leftovers of a killed export.

The full disk is a real 1 MB tmpfs; the killed export is a real process killed with SIGKILL
in the middle of writing.
"""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest

from caseworker.briefing import PackError
from caseworker.cli import main
from caseworker.letters.compose import Letter
from caseworker.letters.templates import LetterKind
from caseworker.pdf.files import PART_SUFFIX, STALE_AFTER_SECONDS, current_umask, write_export
from caseworker.services.briefing import BriefingService
from caseworker.services.casework import CaseworkError, write_letter
from caseworker.storage.engine import Database

LETTER = Letter(
    kind=LetterKind.REVISION_REQUEST,
    petition_id=700001,
    reference="PC/700001/1R",
    dated=date(2025, 7, 1),
    to="Department for Culture, Media and Sport",
    subject="e-petition 700001",
    body="Committee note: not for circulation.\n\nA second paragraph.",
    signatory="Clerk of the Committee",
)


@contextmanager
def umask(value: int) -> Iterator[None]:
    previous = os.umask(value)
    try:
        yield
    finally:
        os.umask(previous)


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


@pytest.mark.parametrize(("mask", "expected"), [(0o077, 0o600), (0o022, 0o644), (0o027, 0o640)])
def test_packs_and_letters_get_what_the_umask_gives_a_new_file(
    service: BriefingService, tmp_path: Path, mask: int, expected: int
) -> None:
    with umask(mask):
        service.write_pack([700001], tmp_path / "pack.pdf")
        write_letter(LETTER, tmp_path / "letter.pdf")
        write_letter(LETTER, tmp_path / "letter.txt")
        assert current_umask(tmp_path) == mask
    for name in ("pack.pdf", "letter.pdf", "letter.txt"):
        assert mode(tmp_path / name) == expected, name
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letter.pdf", "letter.txt", "pack.pdf"]


def test_exports_never_set_the_process_umask(
    service: BriefingService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Setting it, even for a moment, changes it for every other thread of the window."""

    def forbidden(mask: int) -> int:
        raise AssertionError(f"os.umask({mask:o}) called")

    monkeypatch.setattr(os, "umask", forbidden)
    write_letter(LETTER, tmp_path / "letter.txt")
    service.write_pack([700001], tmp_path / "pack.pdf")
    assert (tmp_path / "pack.pdf").exists() and (tmp_path / "letter.txt").exists()


# A full disk --------------------------------------------------------------------------------


@pytest.fixture
def nearly_full_disk(tmp_path: Path) -> Iterator[Path]:
    """A 1 MB tmpfs filled to within 8 KB of full: room for an empty file, not for a pack."""
    folder = tmp_path / "small-disk"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        filler = folder / "filler"
        with filler.open("wb", buffering=0) as out:
            try:
                while True:
                    out.write(b"\0" * 4096)
            except OSError as exc:
                assert exc.errno == errno.ENOSPC
        with filler.open("r+b") as out:
            out.truncate(filler.stat().st_size - 8192)
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_brief_on_a_full_disk_is_one_line_and_leaves_nothing(
    db_file: str, nearly_full_disk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = nearly_full_disk / "pack.pdf"
    assert main(["--db", db_file, "brief", "700001", "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("caseworker: cannot write pack.pdf: the disk is full")
    assert str(nearly_full_disk) in err, err
    assert [p.name for p in nearly_full_disk.iterdir()] == ["filler"]


def test_a_letter_on_a_full_disk_is_refused_and_leaves_nothing(nearly_full_disk: Path) -> None:
    big = Letter(**{**LETTER.__dict__, "body": "Long paragraph. " * 4_000})
    with pytest.raises(CaseworkError, match="cannot write letter.txt: the disk is full"):
        write_letter(big, nearly_full_disk / "letter.txt")
    assert [p.name for p in nearly_full_disk.iterdir()] == ["filler"]


@pytest.fixture
def db_file(briefing_db: Database, tmp_path: Path) -> str:
    source = briefing_db.engine.url.database
    assert source is not None
    briefing_db.engine.dispose()
    path = tmp_path / "copy.sqlite3"
    path.write_bytes(Path(source).read_bytes())
    return str(path)


# Leftovers of a killed export ---------------------------------------------------------------

KILLED_WRITER = """
import os, signal, sys
from pathlib import Path
from caseworker.pdf.files import write_export

def write(out):
    out.write(b"%PDF-1.4 half a pack")
    out.flush()
    os.kill(os.getpid(), signal.SIGKILL)

write_export(Path(sys.argv[1]), write)
"""


def age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then), follow_symlinks=False)


def test_a_killed_export_leaves_a_part_that_a_later_export_removes(
    service: BriefingService, tmp_path: Path
) -> None:
    target = tmp_path / "pack.pdf"
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_WRITER, str(target)],
        cwd=Path(__file__).resolve().parents[3],
        capture_output=True,
        check=False,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    (left,) = tmp_path.iterdir()  # no handler ran: the temporary is still there
    assert left.name.startswith(".pack.pdf.") and left.name.endswith(PART_SUFFIX)
    assert not target.exists()

    service.write_pack([700001], target)
    assert left.exists(), "a part only minutes old may be another export still running"
    age(left, STALE_AFTER_SECONDS + 60)
    service.write_pack([700001], target)
    assert not left.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["pack.pdf"]


def test_only_our_own_stale_parts_are_removed(tmp_path: Path) -> None:
    old = STALE_AFTER_SECONDS + 60
    ours = tmp_path / f".letter.pdf.abcd_123{PART_SUFFIX}"
    fresh = tmp_path / f".letter.pdf.zyxw9876{PART_SUFFIX}"
    someone_elses = tmp_path / ".letter.pdf.abcd1234.part"
    not_a_file = tmp_path / f".folder.abcd1234{PART_SUFFIX}"
    link = tmp_path / f".link.abcd1234{PART_SUFFIX}"
    precious = tmp_path / "precious.pdf"
    for path in (ours, fresh, someone_elses, precious):
        path.write_bytes(b"x")
    not_a_file.mkdir()
    link.symlink_to(precious)
    for path in (ours, someone_elses, not_a_file, link, precious):
        age(path, old)
    write_export(tmp_path / "letter.pdf", lambda out: out.write(b"letter"))
    assert not ours.exists()
    for kept in (fresh, someone_elses, not_a_file, link, precious):
        assert kept.exists() or kept.is_symlink(), kept
    assert (tmp_path / "letter.pdf").read_bytes() == b"letter"


def test_a_failed_write_removes_its_part_and_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "pack.pdf"
    target.write_bytes(b"the old pack")

    def fail(out: object) -> None:
        raise OSError(errno.EIO, "Input/output error")

    with pytest.raises(PackError, match="cannot write pack.pdf"):
        from caseworker.services.briefing import write_atomically

        write_atomically(target, fail)
    assert [p.name for p in tmp_path.iterdir()] == ["pack.pdf"]
    assert target.read_bytes() == b"the old pack"
