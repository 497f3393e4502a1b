"""Survey responses from a CSV export: read, checked row by row, nothing stored here.

Survey tools export UTF-8 (often with a byte-order mark) or, from Excel on Windows, cp1252
or UTF-16 ("Unicode text"); commas, semicolons or tabs between values. Each response keeps
the line it starts on (a quoted answer may run over several lines), so a bad row is named
by the line a clerk sees in a text editor. Dates are read as a UK survey tool writes them:
ISO, with or without a time, or day first with slashes (``15/05/2025 14:32``); a date that
is not in the calendar, or a month over 12, is a bad row, never a guess.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from _csv import Reader
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from caseworker.domain.rules import london_date
from caseworker.formatting import parse_date
from caseworker.services.casework.common import CaseworkError

#: Encodings tried in order: UTF-8 (a byte-order mark dropped), then Windows' Western one.
ENCODINGS = ("utf-8-sig", "cp1252")
DELIMITERS = (",", ";", "\t")
#: Rows shown in the window's column chooser.
PREVIEW_ROWS = 5
#: A response longer than this is a sign of a wrong delimiter or a broken file.
MAX_FIELD = 1_000_000

_ISO_TIME = re.compile(
    r"(\d{4}-\d{2}-\d{2})[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?"
)
_SLASHED_TIME = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})(,?\s+\d{1,2}:\d{2}(:\d{2})?)?")


@dataclass(frozen=True)
class CsvPreview:
    """What the window's column chooser shows: the columns and the first rows."""

    name: str
    encoding: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class ParsedResponse:
    line: int
    body: str
    responded_on: date | None
    location: str


@dataclass(frozen=True)
class BadRow:
    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass(frozen=True)
class ParsedFile:
    name: str
    encoding: str
    rows_read: int
    responses: tuple[ParsedResponse, ...]
    bad: tuple[BadRow, ...]
    #: Lines whose text column was empty: not responses, not errors either.
    empty: tuple[int, ...]


@dataclass(frozen=True)
class Columns:
    text: str
    date: str | None = None
    location: str | None = None


def preview(path: Path) -> CsvPreview:
    """The file's header and first rows; refuses a file that is not a readable CSV."""
    text, encoding = read_text(path)
    rows = _reader(text, path)
    header = _header(rows, path)
    first: list[tuple[str, ...]] = []
    try:
        for row in rows:
            if row:
                first.append(tuple(row))
            if len(first) == PREVIEW_ROWS:
                break
    except csv.Error as exc:
        raise _not_csv(path, f"line {rows.line_num}: {exc}") from None
    return CsvPreview(path.name, encoding, header, tuple(first))


def parse(path: Path, columns: Columns) -> ParsedFile:
    """Every row of the file checked: responses, bad rows by line, and empty ones."""
    text, encoding = read_text(path)
    rows = _reader(text, path)
    header = _header(rows, path)
    text_at = _column(header, columns.text, path, "text_column")
    date_at = _column(header, columns.date, path, "date_column") if columns.date else None
    where_at = (
        _column(header, columns.location, path, "location_column") if columns.location else None
    )
    responses: list[ParsedResponse] = []
    bad: list[BadRow] = []
    empty: list[int] = []
    read = 0
    line = rows.line_num + 1
    try:
        for row in rows:
            start, line = line, rows.line_num + 1
            if not any(cell.strip() for cell in row):
                continue  # a blank line between rows
            read += 1
            if len(row) > len(header):
                bad.append(BadRow(start, f"{len(row)} values where the header names "
                                         f"{len(header)} columns"))  # fmt: skip
                continue
            cells = [*row, *[""] * (len(header) - len(row))]
            body = cells[text_at].strip()
            if not body:
                empty.append(start)
                continue
            try:
                day = read_date(cells[date_at]) if date_at is not None else None
            except ValueError as exc:
                bad.append(BadRow(start, str(exc)))
                continue
            place = " ".join(cells[where_at].split()) if where_at is not None else ""
            responses.append(ParsedResponse(start, body, day, place))
    except csv.Error as exc:
        raise _not_csv(path, f"line {line}: {exc}") from None
    return ParsedFile(path.name, encoding, read, tuple(responses), tuple(bad), tuple(empty))


def read_date(value: str) -> date | None:
    """A survey tool's date (a time after it is ignored); None for an empty cell."""
    text = value.strip()
    if not text:
        return None
    iso = _ISO_TIME.fullmatch(text)
    if iso and iso.group(4):  # a moment with its zone: the London day it fell on
        try:
            return london_date(datetime.fromisoformat(text.replace("Z", "+00:00")))
        except ValueError:
            raise _not_a_date(text) from None
    if iso:
        text = iso.group(1)
    slashed = _SLASHED_TIME.fullmatch(text)
    if slashed:
        day, month, year = (int(g) for g in slashed.groups()[:3])
        if month > 12:
            raise ValueError(
                f"the date {value.strip()!r} has no month {month}: dates with / are read "
                "day first (DD/MM/YYYY)"
            )
        try:
            return date(year, month, day)
        except ValueError:
            raise _not_a_date(value) from None
    try:
        return parse_date(text)
    except ValueError:
        raise _not_a_date(value) from None


def read_text(path: Path) -> tuple[str, str]:
    """The file's text and the encoding it was read in; refuses a binary file."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CaseworkError(f"There is no file {path}", field="file") from None
    except IsADirectoryError:
        raise CaseworkError(f"{path} is a folder, not a CSV file", field="file") from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # Excel's "Unicode text"
        try:
            return data.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError:
            raise _not_csv(path, "its UTF-16 text is damaged") from None
    if b"\x00" in data[:65536]:
        raise _not_csv(path, "it holds binary data (a spreadsheet? save it as CSV first)")
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding), _ENCODING_NAMES[encoding]
        except UnicodeDecodeError:
            continue
    raise _not_csv(path, "its text is neither UTF-8 nor Windows (cp1252) encoded")


_ENCODING_NAMES = {"utf-8-sig": "UTF-8", "cp1252": "Windows (cp1252)"}


def _reader(text: str, path: Path) -> Reader:
    first_line = text.split("\n", 1)[0]
    delimiter = max(DELIMITERS, key=lambda d: _outside_quotes(first_line).count(d))
    csv.field_size_limit(MAX_FIELD)
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)


def _outside_quotes(line: str) -> str:
    return re.sub(r'"[^"]*"', "", line)


def _header(rows: Reader, path: Path) -> tuple[str, ...]:
    try:
        header = next(rows, None)
    except csv.Error as exc:
        raise _not_csv(path, f"line 1: {exc}") from None
    names = tuple(" ".join(cell.split()) for cell in header or ())
    if not any(names):
        raise _not_csv(path, "it is empty (a CSV export starts with a line of column names)")
    return names


def _column(header: tuple[str, ...], wanted: str, path: Path, field: str) -> int:
    """Where the named column is (any case, spaces tidied); refused naming those found."""
    name = " ".join(wanted.split()).casefold()
    found = [i for i, h in enumerate(header) if h.casefold() == name]
    if len(found) == 1:
        return found[0]
    listed = ", ".join(repr(h) for h in header if h)
    if found:
        raise CaseworkError(
            f"{path.name} has {len(found)} columns called {wanted!r}: rename one in the file",
            field=field,
        )
    raise CaseworkError(
        f"{path.name} has no column {wanted!r}; its columns are {listed}", field=field
    )


def _not_a_date(value: str) -> ValueError:
    return ValueError(f"the date {value.strip()!r} is not a date")


def _not_csv(path: Path, why: str) -> CaseworkError:
    return CaseworkError(f"{path.name} is not a CSV file the import can read: {why}", field="file")
