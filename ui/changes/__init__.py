"""The "Since last sync" panel: changes on the site a clerk has not yet marked seen."""

from ui.changes.panel import ChangesPanel

__all__ = ["ChangesPanel"]
