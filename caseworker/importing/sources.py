"""Where captures come from: files, folders (recursively) and zip archives."""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

CAPTURE_SUFFIXES = {".json"}
ARCHIVE_SUFFIXES = {".zip"}


@dataclass(frozen=True)
class Source:
    """One capture to read; ``name`` is what error messages and the database call it."""

    name: str
    read: Callable[[], bytes]


class SourceError(OSError):
    """A path that cannot be read at all (missing, unreadable, a broken zip)."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason


def expand(paths: list[Path]) -> Iterator[Source | SourceError]:
    """Every capture under ``paths``, in a stable order; problems are yielded, not raised."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in CAPTURE_SUFFIXES | ARCHIVE_SUFFIXES:
                    yield from _file(child)
        elif path.exists():
            yield from _file(path)
        else:
            yield SourceError(str(path), "no such file or folder")


def _file(path: Path) -> Iterator[Source | SourceError]:
    if path.suffix.lower() in ARCHIVE_SUFFIXES:
        yield from _archive(path)
    else:
        yield Source(str(path), path.read_bytes)


def _archive(path: Path) -> Iterator[Source | SourceError]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        yield SourceError(str(path), f"not a readable zip archive ({exc})")
        return
    with archive:
        names = sorted(
            info.filename
            for info in archive.infolist()
            if not info.is_dir()
            and Path(info.filename).suffix.lower() in CAPTURE_SUFFIXES
            and not _is_mac_metadata(info.filename)
        )
        for name in names:
            # Read eagerly: the archive is closed once this generator moves on.
            try:
                content = archive.read(name)
            # Encrypted members raise RuntimeError, unknown compression NotImplementedError.
            except (
                zipfile.BadZipFile,
                OSError,
                EOFError,
                RuntimeError,
                NotImplementedError,
            ) as exc:
                yield SourceError(f"{path}!{name}", f"cannot be read from the archive ({exc})")
                continue
            yield Source(f"{path}!{name}", _constant(content))


def _constant(content: bytes) -> Callable[[], bytes]:
    return lambda: content


def _is_mac_metadata(name: str) -> bool:
    """Zips made on a Mac carry ``__MACOSX/._name.json`` resource forks: not captures."""
    return name.startswith("__MACOSX/") or Path(name).name.startswith("._")
