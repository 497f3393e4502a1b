"""Exported files (briefing packs, letters): written whole or not at all, private if asked.

A file is written to a hidden temporary beside its target and renamed into place once
complete, so a reader never sees half a pack. The temporary gets the permissions the user's
umask gives any new file (0600 under umask 077: packs hold Committee notes), read without
changing the process umask, which other threads share. A failure removes the temporary and
is one line naming the file; a process killed outright cannot remove it, so temporaries of
ours (recognised by name) left over an hour in a folder are removed at the next export there.
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO, TypeVar

from caseworker.storage.errors import explain

T = TypeVar("T")

PART_SUFFIX = ".caseworker-part"
#: Older than this, a temporary of ours is a leftover: no export takes an hour.
STALE_AFTER_SECONDS = 3_600
# ".<target name>.<8 random characters from mkstemp>.caseworker-part"
_OURS = re.compile(r"\..+\.[A-Za-z0-9_]{8}" + re.escape(PART_SUFFIX))


class ExportError(Exception):
    """The file could not be written; the message names it and says why, on one line."""


def write_export(path: Path, write: Callable[[IO[bytes]], T]) -> T:
    """Call ``write`` on a temporary beside ``path``, then rename it to ``path``."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"cannot write {path}: the folder {folder} does not exist")
    remove_stale_parts(folder)
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=PART_SUFFIX, dir=folder)
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {explain(exc, str(path))}") from exc
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as out:
            result = write(out)
            out.flush()
            os.fsync(out.fileno())  # a full disk can show only now, not as the file is renamed
        os.chmod(temporary, 0o666 & ~current_umask(folder))
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise ExportError(f"cannot write {path.name}: {explain(exc, str(path))}") from exc
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return result


def remove_stale_parts(folder: Path, *, now: float | None = None) -> list[Path]:
    """Remove our own temporaries left in ``folder`` for over an hour; returns those removed."""
    cutoff = (time.time() if now is None else now) - STALE_AFTER_SECONDS
    removed = []
    try:
        candidates = [p for p in folder.iterdir() if _OURS.fullmatch(p.name)]
    except OSError:
        return []  # an unreadable folder: the export itself will say why
    for candidate in candidates:
        try:
            info = candidate.lstat()
            if candidate.is_symlink() or not candidate.is_file() or info.st_mtime > cutoff:
                continue
            candidate.unlink()
            removed.append(candidate)
        except OSError:
            continue  # gone already, or not ours to remove: never a reason to fail an export
    return removed


def current_umask(folder: Path) -> int:
    """The process umask, read without setting it (``os.umask`` would race other threads)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    return _umask_by_probe(folder)


def _umask_by_probe(folder: Path) -> int:
    """Elsewhere: create a file asking for 0666 and see what the umask left."""
    with tempfile.TemporaryDirectory(dir=folder, prefix=".caseworker-umask-") as probe_folder:
        probe = Path(probe_folder) / "probe"
        os.close(os.open(probe, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
        return 0o666 & ~probe.stat().st_mode & 0o777
