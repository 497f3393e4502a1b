"""One capture file on disk: what a source is, and reading a regular file within bounds.

Only regular files are read: a FIFO would block for ever and ``/dev/zero`` never ends.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from caseworker.importing.limits import MAX_CAPTURE_BYTES, read_at_most, size_text


@dataclass(frozen=True, slots=True)
class Source:
    """One capture to read; ``name`` is what error messages and the database call it.

    Holds how to read the capture, never its content, so listing every source costs nothing.
    """

    name: str
    read: Callable[[], bytes]


class SourceError(OSError):
    """A capture that cannot be read (missing, not a regular file, too large, a broken zip).

    Yielded by ``expand``, or raised by ``Source.read``. ``str()`` is the reason alone:
    whoever reports it puts the name first, as the importer's failure lines do.
    """

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(reason)
        self.name = name
        self.reason = reason


# Windows has no FIFOs to guard against, nor these flags, but needs O_BINARY: without it the
# C library would turn CRLF into LF.
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_OPEN_FLAGS = (
    os.O_RDONLY
    | _NONBLOCK
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


def read_file(path: Path) -> bytes:
    """The content of a regular file of at most a petition file's size; else SourceError."""
    with open_regular(path) as stream:
        size = os.fstat(stream.fileno()).st_size
        if size > MAX_CAPTURE_BYTES:
            raise SourceError(str(path), too_large(size_text(size)))
        try:
            content = read_at_most(stream, MAX_CAPTURE_BYTES)
        except OSError as exc:
            raise SourceError(str(path), f"cannot be read ({why(exc)})") from exc
    if content is None:
        # Grew past the bound after being measured, or a file system that misreports sizes.
        raise SourceError(str(path), too_large(f"more than {size_text(MAX_CAPTURE_BYTES)}"))
    return content


def open_regular(path: Path) -> BinaryIO:
    """``path`` opened for reading if it is a regular file; else SourceError.

    Opened without blocking, then checked through the open file, so a FIFO put in the file's
    place after it was listed can neither hang the open nor be read.
    """
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError as exc:
        raise SourceError(str(path), "no longer exists") from exc
    except OSError as exc:
        raise SourceError(str(path), f"cannot be read ({why(exc)})") from exc
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise SourceError(str(path), not_regular(mode))
    if _NONBLOCK:
        os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def too_large(size: str) -> str:
    return f"{size}, more than the {size_text(MAX_CAPTURE_BYTES)} a petition file can be; skipped"


def not_regular(mode: int) -> str:
    kinds = (
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISDIR, "a folder"),
    )
    kind = next((name for test, name in kinds if test(mode)), "a special file")
    return f"not a regular file ({kind}); skipped"


def why(exc: OSError) -> str:
    """The system's reason in words (``Permission denied``), without the errno and path."""
    return exc.strerror or str(exc)
