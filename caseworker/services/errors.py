"""Errors every service may raise, kept apart so that any service module can import them."""

from __future__ import annotations


class PetitionNotFound(LookupError):
    def __init__(self, petition_id: int) -> None:
        super().__init__(f"petition {petition_id} is not in the database")
        self.petition_id = petition_id
