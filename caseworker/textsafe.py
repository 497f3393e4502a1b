"""Text from outside (petition titles, file names) made safe to print on a terminal.

Stored text is kept exactly as the site sent it. Only when printing to a terminal are control
characters (escape sequences that clear the screen or move the cursor, carriage returns that
overwrite a line, bidirectional overrides that reorder it) shown as visible escapes instead.
"""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, C1 controls, and the bidirectional overrides.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_UNSAFE_ONE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def for_terminal(text: str) -> str:
    """``text`` with every control character but tab and newline shown as an escape."""
    return _UNSAFE.sub(_escape, text)


def one_line(text: str) -> str:
    """``text`` for a single line of output: newlines and tabs escaped too."""
    return _UNSAFE_ONE_LINE.sub(_escape, text)
