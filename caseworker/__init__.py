"""Petitions caseworker: domain, storage, import and services (no Qt below this package)."""

__version__ = "0.1.0"
