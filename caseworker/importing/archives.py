"""Captures inside zip archives, read one member at a time, never past a petition file's size.

Listing an archive reads only its table of contents. A member is decompressed when the
importer reads it, through a stream that stops one byte past the member's bound, so memory
stays flat whatever the archive holds or its headers claim. Members are read, never
extracted: a name such as ``../../x.json`` is only a name.

Refused by name, each with its own failure line: a member larger than a petition file can be,
or compressed far more than one ever is (a zip bomb); a damaged member (the others still
import); a second member of the same name; encrypted members; compression methods whose
reading cannot be bounded (bzip2 and LZMA decompress without limit in Python's zipfile).
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from functools import partial
from itertools import groupby
from operator import itemgetter
from pathlib import Path

from caseworker.importing.files import Source, SourceError, open_regular, too_large, why
from caseworker.importing.limits import MAX_CAPTURE_BYTES, MAX_RATIO, member_limit, read_at_most
from caseworker.importing.limits import size_text as size
from caseworker.textsafe import one_line

CAPTURE_SUFFIX = ".json"

#: Stored and deflate are what every zip tool writes; both decompress in bounded steps.
READABLE_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}
METHOD_NAMES = {zipfile.ZIP_BZIP2: "bzip2", zipfile.ZIP_LZMA: "LZMA", 9: "Deflate64", 99: "AES"}

#: What a broken table of contents raises (a name marked UTF-8 that is not: ValueError).
_LISTING_ERRORS = (zipfile.BadZipFile, EOFError, OSError, ValueError, struct.error)
#: What a damaged member raises while being decompressed and checked.
_DAMAGE_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, ValueError, struct.error)
#: Encrypted members (RuntimeError) and unknown compression methods (NotImplementedError).
_UNSUPPORTED_ERRORS = (RuntimeError, NotImplementedError)


def archive_members(path: Path) -> Iterator[Source | SourceError]:
    """A source for each capture in the zip at ``path``, in name order; problems yielded."""
    try:
        with _opened(path) as archive:
            entries = archive.infolist()
    except SourceError as exc:
        yield exc
        return
    except _LISTING_ERRORS as exc:
        yield SourceError(str(path), f"not a readable zip archive ({_detail(exc)})")
        return
    captures = sorted(
        (entry.filename, position, entry)
        for position, entry in enumerate(entries)
        if _is_capture(entry)
    )
    listed = list(_listing(path, captures))
    del entries, captures  # the table of contents is not kept while the members are imported
    reader = _Reader(path, sum(not isinstance(item, SourceError) for item in listed))
    for item in listed:
        if isinstance(item, SourceError):
            yield item
        else:
            position, filename = item
            yield Source(f"{path}!{filename}", partial(reader.read, position, filename))


def _listing(
    path: Path, captures: list[tuple[str, int, zipfile.ZipInfo]]
) -> Iterator[tuple[int, str] | SourceError]:
    """Where each capture to read is in the archive, or why it is refused."""
    for filename, copies in groupby(captures, key=itemgetter(0)):
        (_, position, entry), *later = copies
        name = f"{path}!{filename}"
        refusal = _refusal(entry)
        yield SourceError(name, refusal) if refusal else (position, filename)
        for _ in later:
            times = "twice" if len(later) == 1 else f"{len(later) + 1} times"
            yield SourceError(name, f"appears {times} in the archive; only the first was read")


def _is_capture(entry: zipfile.ZipInfo) -> bool:
    name = entry.filename
    # Zips made on a Mac carry ``__MACOSX/._name.json`` resource forks: not captures.
    mac_metadata = name.startswith("__MACOSX/") or Path(name).name.startswith("._")
    return not entry.is_dir() and Path(name).suffix.lower() == CAPTURE_SUFFIX and not mac_metadata


def _refusal(entry: zipfile.ZipInfo) -> str | None:
    """Why ``entry`` will not be read, judged from the table of contents alone."""
    if entry.flag_bits & 0x1:
        return "encrypted (password-protected); skipped"
    if entry.compress_type not in READABLE_METHODS:
        method = METHOD_NAMES.get(entry.compress_type, f"method {entry.compress_type}")
        return f"compressed with {method}, which cannot be read here (only deflate); skipped"
    if entry.file_size > MAX_CAPTURE_BYTES:
        return too_large(f"{size(entry.file_size)} uncompressed")
    if entry.file_size > member_limit(entry.compress_size):
        ratio = entry.file_size // max(entry.compress_size, 1)
        return (
            f"expands {ratio:,} times ({size(entry.compress_size)} to {size(entry.file_size)}), "
            f"far more than a petition file (at most {MAX_RATIO} times); skipped"
        )
    return None


class _Reader:
    """One archive, opened at its first member's read and closed after its last one's.

    Members are read in turn, so keeping the archive open spares reading its table of
    contents again for every member. It is reopened if read again after that.
    """

    def __init__(self, path: Path, members: int) -> None:
        self._path = path
        self._unread = members
        self._archive: zipfile.ZipFile | None = None
        self._closing = ExitStack()

    def read(self, position: int, filename: str) -> bytes:
        name = f"{self._path}!{filename}"
        try:
            return _read_member(self._opened(), position, filename, name)
        except SourceError:
            raise
        except _DAMAGE_ERRORS as exc:
            raise SourceError(name, f"damaged in the archive ({_detail(exc)}); skipped") from exc
        except OSError as exc:
            raise SourceError(name, f"cannot be read from the archive ({why(exc)})") from exc
        except _UNSUPPORTED_ERRORS as exc:
            raise SourceError(name, f"cannot be read from the archive ({_detail(exc)})") from exc
        finally:
            self._unread -= 1
            if self._unread <= 0:
                self.close()

    def _opened(self) -> zipfile.ZipFile:
        if self._archive is None:
            self._archive = self._closing.enter_context(_opened(self._path))
        return self._archive

    def close(self) -> None:
        self._archive = None
        self._closing.close()


def _read_member(archive: zipfile.ZipFile, position: int, filename: str, name: str) -> bytes:
    entries = archive.infolist()
    if position >= len(entries) or entries[position].filename != filename:
        raise SourceError(name, "the archive changed after it was listed; skipped")
    entry = entries[position]
    refusal = _refusal(entry)
    if refusal:
        raise SourceError(name, refusal)
    # The compressed size is what zipfile reads from disk, so the ratio holds for the
    # stream itself; the uncompressed size in the header is never trusted.
    limit = member_limit(entry.compress_size)
    with archive.open(entry) as stream:
        content = read_at_most(stream, limit)
    if content is None:
        raise SourceError(
            name,
            f"more than {size(limit)} uncompressed, although the archive says "
            f"{size(entry.file_size)}; skipped",
        )
    return content


@contextmanager
def _opened(path: Path) -> Iterator[zipfile.ZipFile]:
    """The archive at ``path``, opened only if it is a regular file (not a FIFO)."""
    # A ZipFile given an open file leaves closing that file to its caller: both close here.
    with open_regular(path) as stream, zipfile.ZipFile(stream) as archive:
        yield archive


def _detail(exc: BaseException) -> str:
    if isinstance(exc, EOFError) and not str(exc):
        return "it ends too soon"
    return one_line(str(exc))
