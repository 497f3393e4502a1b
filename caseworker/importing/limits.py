"""How big a capture can be, and reading one without ever holding more than that.

The bounds are far beyond any real petition file, so they never refuse a genuine capture, and
small enough that a hostile archive or a device file cannot exhaust memory. Evidence, from the
real captures in ``shared/data``:

- the largest single-petition capture is 105 KB (146 KB pretty-printed), a full list page
  188 KB, and the whole 2015-2017 data.parliament.uk dump of 8,489 petitions 2.6 MB (4.0 MB
  pretty-printed): 32 MB is eight times the largest file that exists;
- real captures compress 3:1 to 10:1 (16:1 pretty-printed), while a zip bomb compresses
  about 1,000:1 (deflate's ceiling): 200:1 leaves a twelvefold margin. A member of at most
  1 MB is read whatever its ratio, since reading it costs at most 1 MB.

Sizes are decimal (1 MB = 1,000,000 bytes) so that the messages and the bounds agree.
"""

from __future__ import annotations

from typing import IO

MAX_CAPTURE_BYTES = 32_000_000
RATIO_FLOOR_BYTES = 1_000_000
MAX_RATIO = 200

#: Bytes asked for at a time, so that even a lying stream is never read far past a bound.
CHUNK_BYTES = 1_000_000


def member_limit(compressed_size: int) -> int:
    """The most an archive member of ``compressed_size`` bytes may expand to."""
    return min(MAX_CAPTURE_BYTES, max(RATIO_FLOOR_BYTES, MAX_RATIO * compressed_size))


def read_at_most(stream: IO[bytes], limit: int) -> bytes | None:
    """The whole of ``stream`` if it holds at most ``limit`` bytes, else None.

    Never reads more than ``limit + 1`` bytes, whatever the stream claims its size to be.
    """
    chunks: list[bytes] = []
    wanted = limit + 1
    while wanted > 0:
        chunk = stream.read(min(CHUNK_BYTES, wanted))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        wanted -= len(chunk)
    return None


def size_text(size: int) -> str:
    """``size`` bytes as a person would say it: 512 bytes, 40 KB, 2.1 GB."""
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("KB", 10**3)):
        if size >= scale:
            value = size / scale
            return f"{value:.1f} {unit}" if value < 10 else f"{value:,.0f} {unit}"
    return f"{size} bytes"
