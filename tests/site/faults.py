"""Scripted misbehaviour for the stand-in site: which request gets which bad answer.

A fault is registered for a path, optionally with query parameters that must also match
(``/petitions.json?page=3`` matches any request for page 3, whatever its other parameters),
and answers the next ``times`` matching requests (``times=None``: every one until cleared).
Faults for the same path are used in the order they were registered, so a test can script
"429, then 503, then the real page".
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlsplit

HTML_PAGE = (
    b"<!DOCTYPE html><html><head><title>Down for maintenance</title></head>"
    b"<body><h1>Sorry, the petitions site is down for maintenance</h1></body></html>"
)


@dataclass
class Fault:
    """One scripted answer. Exactly one kind: status, html, body, redirect, hang or drop."""

    path: str
    query: tuple[tuple[str, str], ...]
    status: int | None = None
    retry_after: int | str | None = None
    html: bool = False
    body: bytes | None = None
    content_type: str | None = None
    redirect_to: str | None = None
    #: True: hold the request until the site stops (or ``hang_limit``), then close the
    #: connection without answering. A number: wait that many seconds, then answer normally.
    hang: bool | float = False
    #: Close the connection without any answer.
    drop: bool = False
    times: int | None = 1

    def matches(self, path: str, params: dict[str, str]) -> bool:
        return path == self.path and all(params.get(k) == v for k, v in self.query)

    @property
    def slow_only(self) -> bool:
        """A delay that is followed by the normal answer."""
        return self.hang is not False and self.hang is not True


def split_target(target: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    parts = urlsplit(target)
    return parts.path, tuple(parse_qsl(parts.query, keep_blank_values=True))


class FaultBook:
    """The faults still to be served, thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: list[Fault] = []

    def add(self, fault: Fault) -> None:
        if fault.times is not None and fault.times < 1:
            raise ValueError("times must be at least 1 (or None for always)")
        with self._lock:
            self._faults.append(fault)

    def take(self, path: str, params: dict[str, str]) -> Fault | None:
        """The first fault matching this request, counting one use of it."""
        with self._lock:
            for fault in self._faults:
                if fault.matches(path, params):
                    if fault.times is not None:
                        fault.times -= 1
                        if fault.times == 0:
                            self._faults.remove(fault)
                    return fault
        return None

    def clear(self, path: str | None = None) -> None:
        with self._lock:
            self._faults = [f for f in self._faults if path is not None and f.path != path]

    def pending(self) -> int:
        """How many scripted answers are left (an unlimited fault counts once)."""
        with self._lock:
            return sum(1 if f.times is None else f.times for f in self._faults)
