"""What a sync is asked to do, and how politely."""

from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULT_SITE = "https://petition.parliament.uk"
SITE_ENV = "CASEWORKER_SITE"
#: Petition pages are fetched for petitions with at least this many signatures (or open).
DEFAULT_DETAILS_THRESHOLD = 1000
#: Above this a petition the Government must answer could go without its breakdowns.
MAX_DETAILS_THRESHOLD = 10_000
DEFAULT_RATE = 5.0
#: The site's largest page size: fewer requests for the same list.
PAGE_SIZE = 50


def default_site() -> str:
    return os.environ.get(SITE_ENV) or DEFAULT_SITE


@dataclass(frozen=True)
class SyncOptions:
    site: str = DEFAULT_SITE
    #: Requests per second at most; never more than two in flight.
    rate: float = DEFAULT_RATE
    details_threshold: int = DEFAULT_DETAILS_THRESHOLD
    #: A Parliament period such as "2019-2024", or the site's number for it.
    archived: str | None = None
    #: Who to contact about this client, sent in the User-Agent.
    contact: str | None = None
    #: Seconds to wait for a connection, and for each read.
    timeout: float = 20.0
    #: Tries per URL for 429, 503 and timeouts before it counts as failed.
    retries: int = 4
    #: The longest wait honoured from a Retry-After header, in seconds.
    max_retry_after: float = 120.0

    def __post_init__(self) -> None:
        if not self.site.startswith(("http://", "https://")):
            raise ValueError(f"site: {self.site!r} is not an http(s) address")
        if not 0 < self.rate <= 1000:
            raise ValueError("rate: must be more than 0 and at most 1000 requests a second")
        if not 0 <= self.details_threshold <= MAX_DETAILS_THRESHOLD:
            raise ValueError(
                f"details threshold: must be from 0 to {MAX_DETAILS_THRESHOLD:,} signatures"
            )

    @property
    def base(self) -> str:
        return self.site.rstrip("/")
