"""Who is at the keyboard, as the audit history names them."""

from __future__ import annotations

import getpass
import os

USER_ENV = "CASEWORKER_USER"


def current_user() -> str:
    """``$CASEWORKER_USER`` if set (a shared login, or a name clerks prefer), else the login."""
    configured = os.environ.get(USER_ENV, "").strip()
    if configured:
        return configured
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"
