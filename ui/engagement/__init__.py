"""A debate's public engagement: the call, survey responses, themes and quotations."""

from ui.engagement.window import EngagementWindow

__all__ = ["EngagementWindow"]
