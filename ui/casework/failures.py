"""Saves the database could not store: one plain-English line for the clerk, and a log line.

A refusal (a colleague's newer save, a missing field) is the services' own sentence. A
failure is anything else met while writing: a read-only or full disk, a database another
program keeps locked, a value or change the server refuses. It is explained by
``caseworker.storage.errors.explain`` and never shown as a driver's class or a traceback.
"""

from __future__ import annotations

import logging

from sqlalchemy.exc import SQLAlchemyError

from caseworker.storage.errors import explain

log = logging.getLogger(__name__)

#: What may go wrong while storing something, besides the services' refusals.
FAILURES = (SQLAlchemyError, OSError)

#: Said after a failed save of something the clerk typed.
TEXT_KEPT = "Your text is still in the form."


def failure_message(what: str, exc: BaseException, location: str | None, after: str = "") -> str:
    """``what`` ("Your review was not saved") and why, in one line for a message box.

    The log gets the exception's class and the same explanation: never the SQL statement
    with its parameters (the clerk's notes) or a connection URL (a password).
    """
    reason = explain(exc, location)
    log.warning("%s: %s: %s", what, type(exc).__name__, reason)
    sentence = f"{what}: {reason.rstrip('.')}."
    return f"{sentence} {after}" if after else sentence
