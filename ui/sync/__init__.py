"""Sync with petition.parliament.uk in the window: the menu, the timer, progress and summary."""
