"""Where captures come from: files, folders (recursively) and zip archives.

Listing is cheap: a :class:`Source` holds a name and how to read it, never the content, so
every source of a run can be listed first. Nothing is read until the importer calls
``read()``, one file at a time, and no read returns more than a petition file can hold.

Every file, folder or archive member that is skipped is said, by name: a folder that cannot
be listed, a FIFO or device, a file too large. Inside a folder, symbolic links to files are
read, but symbolic links to folders are not followed (they could lead out of the folder
given, or round in a loop). A folder named by the user is walked even if it is a link.
"""

from __future__ import annotations

import os
import stat
from collections import Counter
from collections.abc import Iterator
from functools import partial
from pathlib import Path

from caseworker.importing.archives import archive_members
from caseworker.importing.files import (
    Source,
    SourceError,
    not_regular,
    read_file,
    too_large,
    why,
)
from caseworker.importing.limits import MAX_CAPTURE_BYTES, size_text

__all__ = ["ARCHIVE_SUFFIXES", "CAPTURE_SUFFIXES", "Source", "SourceError", "expand"]

CAPTURE_SUFFIXES = {".json"}
ARCHIVE_SUFFIXES = {".zip"}


def expand(
    paths: list[Path], skipped: Counter[str] | None = None
) -> Iterator[Source | SourceError]:
    """Every capture under ``paths``, in a stable order; problems are yielded, not raised.

    Files in a folder that are not captures (a CSV export, notes) are passed over; when
    ``skipped`` is given they are counted there by kind (``skipped_kind``), so the summary
    can say so once instead of file by file.
    """
    passed_over: Counter[str] = Counter() if skipped is None else skipped
    for path in paths:
        yield from _given(path, passed_over)


def skipped_kind(path: Path) -> str:
    """``"CSV"``, ``"TXT"``, or ``"no extension"``: how a skipped file is summed up."""
    return path.suffix[1:].upper() or "no extension"


def _given(path: Path, skipped: Counter[str]) -> Iterator[Source | SourceError]:
    """A path named by the user: a folder is walked, a file read."""
    found = _stat(path)
    if isinstance(found, SourceError):
        yield found
    elif stat.S_ISDIR(found.st_mode):
        yield from _folder(path, skipped)
    else:
        yield from _file(path, found)


def _folder(root: Path, skipped: Counter[str]) -> Iterator[Source | SourceError]:
    """The captures in ``root`` and below, depth first, each folder in name order."""
    # A stack rather than recursion: folders can nest deeper than Python's recursion limit.
    pending: list[Iterator[os.DirEntry[str]]] = []
    yield from _enter(root, pending)
    while pending:
        entry = next(pending[-1], None)
        if entry is None:
            pending.pop()
        elif _is_folder(entry):
            yield from _enter(Path(entry.path), pending)
        else:
            yield from _folder_entry(entry, skipped)


def _enter(folder: Path, pending: list[Iterator[os.DirEntry[str]]]) -> Iterator[SourceError]:
    """Put ``folder``'s entries, in name order, on the walk; or say why it cannot be listed."""
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as exc:
        yield SourceError(str(folder), f"folder cannot be listed ({why(exc)}); skipped")
        return
    pending.append(iter(entries))


def _is_folder(entry: os.DirEntry[str]) -> bool:
    """A folder itself, not a link to one (those are reported, not walked)."""
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False  # then reading it as a file says what is wrong


def _folder_entry(entry: os.DirEntry[str], skipped: Counter[str]) -> Iterator[Source | SourceError]:
    path = Path(entry.path)
    if entry.is_symlink() and _points_to_folder(path):
        yield SourceError(str(path), "a symbolic link to a folder; not followed")
    elif path.suffix.lower() in CAPTURE_SUFFIXES | ARCHIVE_SUFFIXES:
        found = _stat(path)
        yield from [found] if isinstance(found, SourceError) else _file(path, found)
    elif not entry.name.startswith("."):
        # Not a capture (a CSV export, notes): counted, and said once in the summary.
        # Hidden files (.DS_Store) are the system's, not the clerk's: passed over quietly.
        skipped[skipped_kind(path)] += 1


def _stat(path: Path) -> os.stat_result | SourceError:
    """``path``'s kind and size, through a symbolic link; or why that cannot be known."""
    try:
        return path.stat()
    except FileNotFoundError:
        link = path.is_symlink()
        return SourceError(
            str(path), "a symbolic link to nothing" if link else "no such file or folder"
        )
    except OSError as exc:
        return SourceError(str(path), f"cannot be read ({why(exc)})")


def _points_to_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def _file(path: Path, found: os.stat_result) -> Iterator[Source | SourceError]:
    """A file given or found: its captures, or why it is refused, before anything is read."""
    if not stat.S_ISREG(found.st_mode):
        yield SourceError(str(path), not_regular(found.st_mode))
    elif path.suffix.lower() in ARCHIVE_SUFFIXES:
        yield from archive_members(path)
    elif found.st_size > MAX_CAPTURE_BYTES:
        yield SourceError(str(path), too_large(size_text(found.st_size)))
    else:
        yield Source(str(path), partial(read_file, path))
