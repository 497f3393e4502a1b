"""Hostile sources: zip bombs, damaged and duplicate members, FIFOs, devices, odd folders.

Every one of them gives a failure line naming the file (``path`` or ``archive!member``) while
the good files given with it still import, and memory stays flat whatever the input. Memory
is measured with tracemalloc, which counts every bytes object the import allocates.
"""

from __future__ import annotations

import io
import json
import os
import re
import struct
import threading
import traceback
import tracemalloc
import warnings
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import pytest

from caseworker.importing.files import SourceError, read_file
from caseworker.importing.importer import ImportSummary
from caseworker.importing.limits import read_at_most
from caseworker.importing.sources import Source, expand
from caseworker.storage.engine import Database
from tests.unit.importing import builders as b
from tests.unit.importing.tables import CAPTURES, PETITIONS, rows, run

MB = 1_000_000
MIB = 1 << 20

# FIFOs, /dev/zero, fork and file modes are POSIX; /proc/self/fd is Linux.
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX files and processes")
linux_only = pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")


def peak_bytes(action: Callable[[], Any]) -> int:
    """The most memory Python held at once, beyond what it held before, while ``action`` ran."""
    tracemalloc.start()
    try:
        start = tracemalloc.get_traced_memory()[0]
        action()
        return tracemalloc.get_traced_memory()[1] - start
    finally:
        tracemalloc.stop()


def ids(database: Database) -> list[int]:
    return [p["id"] for p in rows(database.engine, PETITIONS)]


def write_zeros_member(archive: zipfile.ZipFile, name: str, mebibytes: int) -> None:
    """A member of ``mebibytes`` MiB of zeros, written in chunks so the test stays small."""
    chunk = bytes(MIB)
    with archive.open(name, "w", force_zip64=True) as member:
        for _ in range(mebibytes):
            member.write(chunk)


@pytest.fixture(scope="module")
def bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """256 MiB of zeros in a 260 KB zip, beside a good capture."""
    path = tmp_path_factory.mktemp("bomb") / "bomb.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        write_zeros_member(archive, "bomb.json", 256)
        archive.writestr("good.json", b.dumps(b.single(1)))
    return path


# --- 1. zip archives: read lazily, bounded in size and ratio --------------------------------


def test_a_zip_bomb_is_refused_by_name_and_memory_stays_flat(
    sqlite_database: Database, bomb: Path
) -> None:
    summaries: list[ImportSummary] = []
    peak = peak_bytes(lambda: summaries.append(run(sqlite_database, bomb)))
    assert summaries[0].failures == [
        (
            f"{bomb}!bomb.json",
            "268 MB uncompressed, more than the 32 MB a petition file can be; skipped",
        )
    ]
    assert ids(sqlite_database) == [1]
    assert peak < 16 * MB


def understate_size(path: Path, member: str, claimed: int) -> None:
    """Make the zip's headers claim ``member`` holds ``claimed`` bytes (it holds more)."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        entry = archive.getinfo(member)
    struct.pack_into("<I", data, entry.header_offset + 22, claimed)  # local header
    end = len(data) - 22  # end of central directory, no comment
    (directory,) = struct.unpack_from("<I", data, end + 16)
    position = directory
    while data[position : position + 4] == b"PK\x01\x02":
        name_length, extra_length, comment_length = struct.unpack_from("<HHH", data, position + 28)
        name = bytes(data[position + 46 : position + 46 + name_length]).decode()
        if name == member:
            struct.pack_into("<I", data, position + 24, claimed)
        position += 46 + name_length + extra_length + comment_length
    path.write_bytes(bytes(data))


def test_a_header_that_understates_the_size_is_not_trusted(
    sqlite_database: Database, tmp_path: Path
) -> None:
    archive = tmp_path / "liar.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as z:
        write_zeros_member(z, "liar.json", 256)
        z.writestr("good.json", b.dumps(b.single(2)))
    understate_size(archive, "liar.json", 1_000)
    summaries: list[ImportSummary] = []
    peak = peak_bytes(lambda: summaries.append(run(sqlite_database, archive)))
    ((name, reason),) = summaries[0].failures
    assert name == f"{archive}!liar.json" and "Bad CRC-32" in reason
    assert peak < 16 * MB
    assert reason.startswith("damaged in the archive (Bad CRC-32")
    assert ids(sqlite_database) == [2]


def test_a_member_compressed_far_more_than_a_capture_is_refused(
    database: Database, tmp_path: Path
) -> None:
    archive = tmp_path / "ratio.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as z:
        write_zeros_member(z, "dense.json", 20)  # under 32 MB, but 1,000 to 1
    summary = run(database, archive)
    ((name, reason),) = summary.failures
    assert name == f"{archive}!dense.json"
    assert re.fullmatch(
        r"expands [\d,]+ times \([\d.]+ KB to 21 MB\), far more than a petition file "
        r"\(at most 200 times\); skipped",
        reason,
    ), reason


def test_a_pretty_printed_capture_compresses_well_within_the_ratio(
    database: Database, tmp_path: Path
) -> None:
    doc = b.single(3)
    archive = b.write_zip(tmp_path / "pretty.zip", {"3.json": b.dumps(doc, pretty=True)})
    assert run(database, archive).failures == []
    assert ids(database) == [3]


def random_members(path: Path, count: int, size: int) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as archive:
        for n in range(count):
            archive.writestr(f"{n:02}.json", os.urandom(size))
    return path


def test_listing_an_archive_holds_none_of_its_content(tmp_path: Path) -> None:
    archive = random_members(tmp_path / "many.zip", 10, 2 * MB)
    listed: list[Source | SourceError] = []
    peak = peak_bytes(lambda: listed.extend(expand([archive])))
    assert [s.name for s in listed] == [f"{archive}!{n:02}.json" for n in range(10)]
    assert peak < 1 * MB


def test_members_are_read_one_at_a_time_as_they_are_imported(
    sqlite_database: Database, tmp_path: Path
) -> None:
    archive = random_members(tmp_path / "many.zip", 10, 4 * MB)
    summaries: list[ImportSummary] = []
    peak = peak_bytes(lambda: summaries.append(run(sqlite_database, archive)))
    failures = summaries[0].failures
    assert [name for name, _ in failures] == [f"{archive}!{n:02}.json" for n in range(10)]
    assert all(reason.startswith("not UTF-8 text") for _, reason in failures)
    # 40 MB in all, read one 4 MB member at a time.
    assert peak < 24 * MB


def open_files_of(path: Path) -> list[str]:
    fds = Path("/proc/self/fd")
    found = []
    for fd in fds.iterdir():
        try:
            if Path(os.readlink(fd)) == path:
                found.append(fd.name)
        except OSError:
            continue
    return found


@linux_only
def test_an_archive_is_closed_after_listing_and_after_its_last_member(tmp_path: Path) -> None:
    archive = b.write_zip(tmp_path / "x.zip", {"a.json": b.single(4), "b.json": b.single(5)})
    sources = list(expand([archive]))
    assert open_files_of(archive) == []
    first, second = sources
    assert isinstance(first, Source) and isinstance(second, Source)
    assert json.loads(first.read())["data"]["id"] == 4
    assert json.loads(second.read())["data"]["id"] == 5
    assert open_files_of(archive) == []
    # Read again (say, a retry), it is opened again.
    assert json.loads(first.read())["data"]["id"] == 4


@posix_only
def test_read_at_most_stops_one_byte_past_the_bound() -> None:
    with open("/dev/zero", "rb") as endless:
        assert read_at_most(endless, 3 * MB) is None
    longer = io.BytesIO(bytes(5 * MB))
    assert read_at_most(longer, 3 * MB) is None
    assert longer.tell() == 3 * MB + 1
    assert read_at_most(io.BytesIO(b"12345"), 5) == b"12345"
    with open(os.devnull, "rb") as empty:
        assert read_at_most(empty, 10) == b""


def test_bzip2_members_are_refused_since_their_reading_cannot_be_bounded(
    database: Database, tmp_path: Path
) -> None:
    # Python's zipfile decompresses a bzip2 chunk whole: a 512-byte member expands to
    # 512 MiB for a read of 4 KB.
    archive = tmp_path / "bz.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_BZIP2) as z:
        z.writestr("a.json", b.dumps(b.single(6)))
    b.write_zip(tmp_path / "ok.zip", {"b.json": b.single(7)})
    summary = run(database, archive, tmp_path / "ok.zip")
    assert summary.failures == [
        (
            f"{archive}!a.json",
            "compressed with bzip2, which cannot be read here (only deflate); skipped",
        )
    ]
    assert ids(database) == [7]


# --- 2. a damaged member fails alone ------------------------------------------------------------


def test_a_corrupt_member_fails_by_name_and_the_good_files_import(
    database: Database, tmp_path: Path
) -> None:
    archive = b.write_zip(
        tmp_path / "mixed.zip",
        {"a-good.json": b.single(11), "bad.json": b.single(12), "c-good.json": b.single(13)},
    )
    with zipfile.ZipFile(archive) as z:
        entry = z.getinfo("bad.json")
    data = bytearray(archive.read_bytes())
    local_name, local_extra = struct.unpack_from("<HH", data, entry.header_offset + 26)
    # A first deflate block of type 3, which does not exist: zlib.error while reading.
    data[entry.header_offset + 30 + local_name + local_extra] = 0xFF
    archive.write_bytes(bytes(data))
    alone = b.write_json(tmp_path / "alone.json", b.single(14))

    summary = run(database, archive, alone)

    assert summary.failures == [
        (
            f"{archive}!bad.json",
            "damaged in the archive (Error -3 while decompressing data: invalid block type); "
            "skipped",
        )
    ]
    assert summary.imported == 3
    assert ids(database) == [11, 13, 14]


def test_a_truncated_archive_fails_by_name(database: Database, tmp_path: Path) -> None:
    archive = b.write_zip(tmp_path / "cut.zip", {"a.json": b.single(15)})
    data = archive.read_bytes()
    archive.write_bytes(data[: len(data) // 2])
    summary = run(database, archive)
    ((name, reason),) = summary.failures
    assert name == str(archive) and reason.startswith("not a readable zip archive (")


# --- 3. duplicate member names ------------------------------------------------------------------


def zip_with_copies(path: Path, name: str, docs: list[Any]) -> Path:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # zipfile warns of the duplicate
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for doc in docs:
                archive.writestr(name, b.dumps(doc))
    return path


def test_a_duplicate_member_is_reported_and_only_the_first_read(
    database: Database, tmp_path: Path
) -> None:
    archive = zip_with_copies(tmp_path / "dup.zip", "a.json", [b.single(21), b.single(22)])
    summary = run(database, archive)
    assert summary.failures == [
        (f"{archive}!a.json", "appears twice in the archive; only the first was read")
    ]
    assert ids(database) == [21]


def test_each_later_copy_has_its_line(database: Database, tmp_path: Path) -> None:
    docs = [b.single(23), b.single(24), b.single(25)]
    archive = zip_with_copies(tmp_path / "dup.zip", "a.json", docs)
    summary = run(database, archive)
    line = (f"{archive}!a.json", "appears 3 times in the archive; only the first was read")
    assert summary.failures == [line, line]
    assert summary.files == 3 and ids(database) == [23]


# --- 4. folders: unreadable, symbolic links -----------------------------------------------------


def test_a_symlinked_folder_is_not_followed_and_said(database: Database, tmp_path: Path) -> None:
    root = tmp_path / "captures"
    b.write_json(root / "a.json", b.single(31))
    outside = tmp_path / "elsewhere"
    b.write_json(outside / "b.json", b.single(32))
    (root / "link").symlink_to(outside, target_is_directory=True)
    (root / "loop").symlink_to(root, target_is_directory=True)
    summary = run(database, root)
    assert summary.failures == [
        (str(root / "link"), "a symbolic link to a folder; not followed"),
        (str(root / "loop"), "a symbolic link to a folder; not followed"),
    ]
    assert ids(database) == [31]


def test_a_folder_named_through_a_link_is_walked(database: Database, tmp_path: Path) -> None:
    b.write_json(tmp_path / "real" / "a.json", b.single(33))
    (tmp_path / "link").symlink_to(tmp_path / "real", target_is_directory=True)
    assert run(database, tmp_path / "link").failures == []
    assert ids(database) == [33]


def test_symlinked_files_in_a_folder_are_read_and_broken_links_said(
    database: Database, tmp_path: Path
) -> None:
    root = tmp_path / "captures"
    target = b.write_json(tmp_path / "elsewhere" / "c.json", b.single(34))
    root.mkdir()
    (root / "c.json").symlink_to(target)
    (root / "gone.json").symlink_to(tmp_path / "nowhere.json")
    (root / "notes").symlink_to(tmp_path / "nowhere.txt")  # not a capture: not mentioned
    summary = run(database, root)
    assert summary.failures == [(str(root / "gone.json"), "a symbolic link to nothing")]
    assert ids(database) == [34]


def listed_as_unprivileged(base: Path, relative: Path) -> list[tuple[str, str, str]]:
    """``expand`` run in a child process that file permissions apply to (not root).

    The child starts in ``base`` so it needs no right to the folders above it.
    """
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        status = 1
        try:
            os.close(reader)
            os.chdir(base)
            if os.geteuid() == 0:
                os.setgroups([])
                os.setgid(65534)
                os.setuid(65534)  # nobody
            found = [
                (type(item).__name__, item.name, getattr(item, "reason", ""))
                for item in expand([relative])
            ]
            os.write(writer, json.dumps(found).encode())
            status = 0
        except BaseException:
            traceback.print_exc()  # the parent sees only the exit status
        finally:
            os._exit(status)
    os.close(writer)
    with os.fdopen(reader, "rb") as pipe:
        output = pipe.read()
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    return [tuple(item) for item in json.loads(output)]


@posix_only
def test_a_folder_that_cannot_be_listed_is_said(tmp_path: Path) -> None:
    root = tmp_path / "captures"
    b.write_json(root / "a.json", b.single(35))
    b.write_json(root / "locked" / "b.json", b.single(36))
    b.write_json(root / "z.json", b.single(37))
    for folder in (tmp_path, root):
        folder.chmod(0o755)
    for capture in root.rglob("*.json"):
        capture.chmod(0o644)
    (root / "locked").chmod(0o000)
    try:
        found = listed_as_unprivileged(tmp_path, Path("captures"))
    finally:
        (root / "locked").chmod(0o755)
    assert found == [
        ("Source", "captures/a.json", ""),
        ("SourceError", "captures/locked", "folder cannot be listed (Permission denied); skipped"),
        ("Source", "captures/z.json", ""),
    ]


def test_deep_folders_do_not_exhaust_the_stack(tmp_path: Path) -> None:
    folders = [tmp_path / "d"]
    for _ in range(1_200):  # deeper than Python's recursion limit
        folders[-1].mkdir()
        folders.append(folders[-1] / "d")
    deep = b.write_json(folders[-2] / "deep.json", b.single(38))
    try:
        assert [s.name for s in expand([tmp_path])] == [str(deep)]
    finally:
        # Removed here, from the bottom up: pytest's own clean-up would recurse too deep.
        deep.unlink()
        for folder in reversed(folders[:-1]):
            folder.rmdir()


# --- 5. only regular files are read, within bounds ---------------------------------------------


@contextmanager
def fifos_unblocked(*fifos: Path) -> Iterator[None]:
    """If the code under test blocks opening a FIFO, open its other end so the test fails
    instead of hanging."""
    done = threading.Event()

    def unblock() -> None:
        while not done.wait(5):
            for fifo in fifos:
                with suppress(OSError):  # ENXIO: nobody is reading it
                    os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))

    guard = threading.Thread(target=unblock, daemon=True)
    guard.start()
    try:
        yield
    finally:
        done.set()
        guard.join()


@posix_only
def test_fifos_given_or_found_are_refused_without_opening_them(
    database: Database, tmp_path: Path
) -> None:
    given = tmp_path / "given.json"
    found = tmp_path / "in" / "found.json"
    found.parent.mkdir()
    os.mkfifo(given)
    os.mkfifo(found)
    b.write_json(tmp_path / "in" / "good.json", b.single(41))
    with fifos_unblocked(given, found):
        summary = run(database, given, tmp_path / "in")
    assert summary.failures == [
        (str(given), "not a regular file (a FIFO); skipped"),
        (str(found), "not a regular file (a FIFO); skipped"),
    ]
    assert ids(database) == [41]


@posix_only
def test_a_fifo_put_in_place_of_a_listed_file_is_not_opened(tmp_path: Path) -> None:
    path = b.write_json(tmp_path / "a.json", b.single(42))
    (source,) = expand([path])
    path.unlink()
    os.mkfifo(path)
    assert isinstance(source, Source)
    with fifos_unblocked(path), pytest.raises(SourceError) as refused:
        source.read()
    assert (refused.value.name, refused.value.reason) == (
        str(path),
        "not a regular file (a FIFO); skipped",
    )


@posix_only
def test_dev_zero_given_directly_is_refused_unread() -> None:
    (item,) = expand([Path("/dev/zero")])
    assert isinstance(item, SourceError)
    assert (item.name, item.reason) == (
        "/dev/zero",
        "not a regular file (a character device); skipped",
    )
    with pytest.raises(SourceError, match="character device"):
        read_file(Path("/dev/zero"))


def test_a_file_larger_than_a_petition_file_is_refused_unread(
    database: Database, tmp_path: Path
) -> None:
    big = tmp_path / "big.json"
    with big.open("wb") as f:
        f.truncate(40 * MB)  # sparse: costs no disk
    good = b.write_json(tmp_path / "good.json", b.single(43))
    summaries: list[ImportSummary] = []
    peak = peak_bytes(lambda: summaries.append(run(database, big, good)))
    assert summaries[0].failures == [
        (str(big), "40 MB, more than the 32 MB a petition file can be; skipped")
    ]
    assert ids(database) == [43]
    assert peak < 16 * MB


def test_a_file_that_grows_after_listing_is_still_bounded(tmp_path: Path) -> None:
    path = b.write_json(tmp_path / "a.json", b.single(44))
    (source,) = expand([path])
    with path.open("r+b") as f:
        f.truncate(33 * MB)
    assert isinstance(source, Source)
    with pytest.raises(SourceError) as refused:
        source.read()
    assert str(refused.value) == "33 MB, more than the 32 MB a petition file can be; skipped"


# --- 6. member names are only names ------------------------------------------------------------


def test_member_names_that_climb_out_are_only_names(database: Database, tmp_path: Path) -> None:
    inside = tmp_path / "deep" / "er"
    archive = b.write_zip(
        inside / "climb.zip",
        {"../../escape.json": b.single(51), "/etc/absolute.json": b.single(52)},
    )
    before = sorted(tmp_path.rglob("*"))
    summary = run(database, archive)
    assert summary.failures == [] and ids(database) == [51, 52]
    assert sorted(tmp_path.rglob("*")) == before
    sources = sorted(c["source"] for c in rows(database.engine, CAPTURES))
    assert sources == [f"{archive}!../../escape.json", f"{archive}!/etc/absolute.json"]
