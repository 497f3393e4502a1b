"""``sync``: fetch what changed on petition.parliament.uk, once or every N minutes."""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from typing import TextIO

from caseworker.cli.common import (
    Handler,
    Subcommands,
    clear_progress,
    say,
    terminal_progress,
    whole_number,
)
from caseworker.storage.engine import Database
from caseworker.sync.options import (
    DEFAULT_DETAILS_THRESHOLD,
    DEFAULT_RATE,
    MAX_DETAILS_THRESHOLD,
    SITE_ENV,
    SyncOptions,
    default_site,
)
from caseworker.sync.service import SyncService, SyncSummary

READ_ONLY: set[str] = set()


def add_parsers(commands: Subcommands) -> None:
    p = commands.add_parser(
        "sync",
        help="fetch what changed on petition.parliament.uk (politely; see the README)",
        description="Fetch the current Parliament's list pages, and each petition's own page "
        "where it changed and is open or has at least the details threshold. Exit code 0 when "
        "everything was fetched and stored, 1 when something could not be (each named).",
    )
    p.add_argument(
        "--site",
        type=_site,
        default=None,
        metavar="URL",
        help=f"default: ${SITE_ENV} or https://petition.parliament.uk",
    )
    p.add_argument(
        "--rate",
        type=_rate,
        default=DEFAULT_RATE,
        metavar="R",
        help=f"requests a second at most (default {DEFAULT_RATE:g})",
    )
    p.add_argument(
        "--details-threshold",
        type=_threshold,
        default=DEFAULT_DETAILS_THRESHOLD,
        metavar="N",
        help="fetch the pages of petitions with at least N signatures "
        f"(default {DEFAULT_DETAILS_THRESHOLD:,}; at most {MAX_DETAILS_THRESHOLD:,})",
    )
    p.add_argument(
        "--archived",
        metavar="PERIOD",
        help="also an archived Parliament: its period (2019-2024) or the site's number for it",
    )
    p.add_argument("--contact", metavar="EMAIL", help="who to contact, sent in the User-Agent")
    p.add_argument(
        "--watch",
        type=_minutes,
        metavar="MINUTES",
        help="keep syncing every MINUTES until interrupted (for a team's server)",
    )


def _site(value: str) -> str:
    if not value.startswith(("http://", "https://")):
        raise argparse.ArgumentTypeError(f"{value!r} is not an http:// or https:// address")
    return value


def _rate(value: str) -> float:
    try:
        rate = float(value)
    except ValueError:
        rate = -1.0
    if not 0 < rate <= 1000:
        raise argparse.ArgumentTypeError(f"{value!r}: give from 0.1 to 1000 requests a second")
    return rate


_threshold = whole_number(0, MAX_DETAILS_THRESHOLD, "signatures")
_minutes = whole_number(1, 24 * 60, "minutes")


def _sync(db: Database, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    options = SyncOptions(
        site=args.site or default_site(),
        rate=args.rate,
        details_threshold=args.details_threshold,
        archived=args.archived,
        contact=args.contact,
    )
    service = SyncService(db)
    if args.watch is None:
        return _once(service, options, out, err)
    return _watch(service, options, args.watch * 60, out, err, time.sleep)


def _once(service: SyncService, options: SyncOptions, out: TextIO, err: TextIO) -> int:
    try:
        summary = service.run(options, progress=terminal_progress(err))
    finally:
        clear_progress(err)
    report(summary, out, err)
    return summary.exit_code


def _watch(
    service: SyncService,
    options: SyncOptions,
    seconds: int,
    out: TextIO,
    err: TextIO,
    sleep: Callable[[float], None],
) -> int:
    """Sync, wait, sync again, until Ctrl-C; a failed round is reported and the next tried."""
    try:
        while True:
            summary = service.run(options)
            report(summary, out, err, stamp=True)
            out.flush()
            sleep(seconds)
    except KeyboardInterrupt:
        say(err, "sync: stopped; everything fetched is kept")
        return 0


def report(summary: SyncSummary, out: TextIO, err: TextIO, *, stamp: bool = False) -> None:
    prefix = time.strftime("%Y-%m-%d %H:%M ") if stamp else ""
    if summary.offline and not (summary.list_pages or summary.failures):
        say(err, f"{prefix}{summary.offline}")
        return
    for failure in summary.failures:
        say(err, failure.line())
    say(out, f"{prefix}sync: {summary.line()}")
    if summary.events:
        found = ", ".join(f"{n:,} {kind}" for kind, n in sorted(summary.events.items()))
        say(out, f"changes found: {found}")


COMMANDS: dict[str, Handler] = {"sync": _sync}
