"""The only code that talks to the site: rate-limited, retrying, and honest about failures.

At most two requests are in flight (the connection pool's limit) and at most ``rate`` start
in any second (a shared pacer). ``429`` and ``503`` wait for ``Retry-After`` when given,
otherwise back off exponentially with jitter; after ``retries`` tries the URL has failed.
"""

from __future__ import annotations

import json
import random
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from importlib.metadata import PackageNotFoundError, version

import httpx

from caseworker.jobs import CancelCheck, Cancelled, never_cancelled
from caseworker.sync.options import SyncOptions

MAX_IN_FLIGHT = 2
RETRIED_STATUSES = frozenset({429, 503})
#: The first back-off, doubled at each try (plus up to as much again of jitter).
FIRST_BACKOFF = 0.5


class FetchFailed(Exception):
    """A URL could not be fetched or read after its tries; the message says why."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(reason)
        self.url = url
        self.reason = reason


class Unreachable(FetchFailed):
    """The site cannot be reached at all (refused, no route, no name): nothing to retry."""


@dataclass(frozen=True)
class Fetched:
    url: str
    status: int
    body: bytes
    last_modified: str | None

    def json(self) -> object:
        return json.loads(self.body)


def user_agent(contact: str | None) -> str:
    try:
        release = version("petitions-caseworker")
    except PackageNotFoundError:
        release = "dev"
    who = f"; {contact}" if contact else ""
    return f"petitions-caseworker/{release} (House of Commons Petitions Committee casework{who})"


class Pacer:
    """Spaces request starts at least ``1/rate`` seconds apart, across threads."""

    def __init__(self, rate: float) -> None:
        self._interval = 1.0 / rate
        self._next = 0.0
        self._lock = threading.Lock()

    def wait(self) -> float:
        """Returns when the next request may start: the monotonic time given to it."""
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next)
            self._next = start + self._interval
        if start > now:
            time.sleep(start - now)
        return start


class PoliteClient:
    def __init__(self, options: SyncOptions, cancelled: CancelCheck = never_cancelled) -> None:
        self._options = options
        self._cancelled = cancelled
        self._pacer = Pacer(options.rate)
        self._lock = threading.Lock()
        self.requests = 0
        self._http = httpx.Client(
            timeout=httpx.Timeout(options.timeout, connect=min(options.timeout, 10.0)),
            limits=httpx.Limits(
                max_connections=MAX_IN_FLIGHT, max_keepalive_connections=MAX_IN_FLIGHT
            ),
            follow_redirects=True,
            headers={"User-Agent": user_agent(options.contact), "Accept": "application/json"},
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> PoliteClient:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def get(self, url: str, if_modified_since: str | None = None) -> Fetched:
        """The response to ``url``: 200 with JSON, 304, 404 or 410; anything else raises."""
        headers = {"If-Modified-Since": if_modified_since} if if_modified_since else {}
        reason = "no try was made"
        for attempt in range(self._options.retries):
            self._check_cancelled()
            self._pacer.wait()
            try:
                response = self._send(url, headers)
            except httpx.TimeoutException:
                reason = f"no answer within {self._options.timeout:g} seconds"
                self._pause(self._backoff(attempt))
                continue
            except httpx.TransportError as exc:
                raise Unreachable(url, _transport_reason(exc)) from exc
            if response.status_code in RETRIED_STATUSES:
                reason = f"{response.status_code} {response.reason_phrase}"
                self._pause(self._retry_after(response) or self._backoff(attempt))
                continue
            return _fetched(url, response)
        tries = self._options.retries
        raise FetchFailed(url, f"{reason} after {tries} {'try' if tries == 1 else 'tries'}")

    def _send(self, url: str, headers: dict[str, str]) -> httpx.Response:
        with self._lock:
            self.requests += 1
        return self._http.get(url, headers=headers)

    def _check_cancelled(self) -> None:
        if self._cancelled():
            raise Cancelled()

    def _pause(self, seconds: float) -> None:
        """Sleep in short steps so that Cancel is honoured during a long back-off."""
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            self._check_cancelled()
            time.sleep(min(left, 0.1))

    def _backoff(self, attempt: int) -> float:
        base = FIRST_BACKOFF * float(2**attempt)
        return base + random.uniform(0, base)

    def _retry_after(self, response: httpx.Response) -> float | None:
        value = response.headers.get("Retry-After")
        if not value:
            return None
        seconds = _retry_after_seconds(value.strip())
        if seconds is None:
            return None
        return min(max(seconds, 0.0), self._options.max_retry_after)


def _retry_after_seconds(value: str) -> float | None:
    """Retry-After is either a number of seconds or an HTTP date."""
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return (when - datetime.now(UTC)).total_seconds()


def _fetched(url: str, response: httpx.Response) -> Fetched:
    status = response.status_code
    final = str(response.url)
    if status in (304, 404, 410):
        return Fetched(final, status, b"", response.headers.get("Last-Modified"))
    if status != 200:
        raise FetchFailed(url, f"the site answered {status} {response.reason_phrase}")
    body = response.content
    if not _looks_like_json(response, body):
        kind = response.headers.get("Content-Type", "no content type").split(";")[0]
        raise FetchFailed(
            url, f"the site sent a page that is not JSON ({kind}: maintenance or a log-in page?)"
        )
    return Fetched(final, status, body, response.headers.get("Last-Modified"))


def _looks_like_json(response: httpx.Response, body: bytes) -> bool:
    content_type = response.headers.get("Content-Type", "")
    if "html" in content_type:
        return False
    return body.lstrip()[:1] in (b"{", b"[")


def _transport_reason(exc: httpx.TransportError) -> str:
    text = str(exc).lower()
    if "refused" in text:
        return "connection refused"
    if "name or service not known" in text or "nodename" in text or "getaddrinfo" in text:
        return "the name of the site cannot be looked up (no network?)"
    if "unreachable" in text:
        return "the network is unreachable"
    return str(exc) or type(exc).__name__
