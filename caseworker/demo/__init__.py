"""Generated demo petitions covering every stage of the Petitions Committee's casework."""

from caseworker.demo.generator import DemoSummary, generate_demo

__all__ = ["DemoSummary", "generate_demo"]
