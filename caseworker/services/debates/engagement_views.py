"""What the engagement service hands to the window and the command line (the pack's
findings are ``views.EngagementFindings``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from caseworker.formatting import counted, long_date


@dataclass(frozen=True)
class ThemeView:
    id: int
    name: str
    description: str
    position: int
    #: Responses tagged with it.
    count: int


@dataclass(frozen=True)
class EngagementView:
    """A debate's call for the public's experiences, with what has been imported."""

    id: int
    debate_id: int
    title: str
    ran_on: str
    opens_on: date | None
    closes_on: date | None
    member: str
    link: str
    #: The survey tool's count, when the clerk gave one.
    declared_responses: int | None
    #: Responses imported from CSV files.
    imported: int
    #: Imported responses with no theme yet.
    untagged: int
    themes: tuple[ThemeView, ...]
    updated_at: datetime
    updated_by: str
    version: int

    @property
    def responses(self) -> int:
        """The count the pack gives: the survey tool's when known, else the imported."""
        return self.declared_responses if self.declared_responses is not None else self.imported


@dataclass(frozen=True)
class ResponseView:
    id: int
    body: str
    responded_on: date | None
    location: str
    #: "responses.csv line 12".
    source: str
    #: The themes it is tagged with, in the themes' order.
    themes: tuple[str, ...]

    @property
    def credit(self) -> str:
        """``"Survey response, Leeds, 12 May 2025"``: how the pack credits a quotation."""
        parts = ["Survey response", self.location]
        if self.responded_on is not None:
            parts.append(long_date(self.responded_on))
        return ", ".join(p for p in parts if p)


@dataclass(frozen=True)
class QuoteView:
    id: int
    body: str
    source: str
    may_quote: bool
    theme_id: int | None
    theme: str | None
    response_id: int | None
    position: int


@dataclass(frozen=True)
class ResponseFilter:
    """Which responses a page shows: a theme's, the untagged ones, or all; and a search."""

    theme_id: int | None = None
    untagged: bool = False
    search: str = ""


@dataclass(frozen=True)
class ImportReport:
    """What an import of a CSV file did, or would have done."""

    file: str
    encoding: str
    #: Rows with anything in them (the header and blank lines not counted).
    rows_read: int
    stored: int
    #: "line 14: the date '31/02/2025' is not a date".
    bad: tuple[str, ...]
    #: Lines with nothing in the text column: not imported.
    empty: tuple[int, ...]
    #: Rows exactly like a response already imported (the same file twice): not imported.
    duplicates: int
    #: True when bad rows stopped the import: nothing was stored.
    refused: bool

    def lines(self) -> list[str]:
        """The report in sentences, for the window and the command line."""
        if self.refused:
            head = [
                f"Nothing imported from {self.file}: {counted(len(self.bad), 'row')} cannot be "
                "read. Correct the file and import it again, or import without the bad rows."
            ]
        else:
            head = [f"{counted(self.stored, 'response')} imported from {self.file} "
                    f"({counted(self.rows_read, 'row')} read, {self.encoding})."]  # fmt: skip
            if self.bad:
                head.append(f"{counted(len(self.bad), 'bad row')} left out:")
        lines = head + [f"  {b}" for b in self.bad]
        if self.empty:
            shown = ", ".join(str(n) for n in self.empty[:20])
            more = f" and {len(self.empty) - 20:,} more" if len(self.empty) > 20 else ""
            lines.append(f"No text on {counted(len(self.empty), 'line')} ({shown}{more}): "
                         "not imported.")  # fmt: skip
        if self.duplicates:
            lines.append(f"{counted(self.duplicates, 'row')} already imported: not imported "
                         "again.")  # fmt: skip
        return lines
