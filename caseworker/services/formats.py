"""Render service results in the site's vocabulary: JSON, CSV and plain-text tables."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, fields, is_dataclass
from datetime import UTC, date, datetime
from typing import Any

from caseworker.formatting import count, counted, short_date
from caseworker.services import dto

LIST_KEYS = (
    "id",
    "action",
    "state",
    "signature_count",
    "opened_at",
    "closed_at",
    "response_threshold_reached_at",
    "government_response_at",
    "debate_threshold_reached_at",
    "scheduled_debate_date",
    "debate_outcome_at",
)


def site_timestamp(value: datetime) -> str:
    """The site's own timestamp format: UTC, milliseconds, ``Z`` (2024-05-29T23:01:00.000Z)."""
    utc = value.astimezone(UTC)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"


def plain(value: Any) -> Any:
    """A JSON-ready copy of a DTO value with dates and timestamps as the site writes them."""
    if isinstance(value, datetime):
        return site_timestamp(value)
    if isinstance(value, date):
        return value.isoformat()
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def summary_record(
    row: dto.PetitionSummary, *, with_age: bool, with_chases: bool = False
) -> dict[str, Any]:
    record = {key: plain(getattr(row, key)) for key in LIST_KEYS}
    if with_age:
        record["days_waiting"] = row.days_waiting
    if with_chases:
        record["last_chased_on"] = plain(row.last_chased_on)
    return record


def list_json(rows: list[dto.PetitionSummary], *, with_age: bool, with_chases: bool = False) -> str:
    records = [summary_record(r, with_age=with_age, with_chases=with_chases) for r in rows]
    return json.dumps(records, ensure_ascii=False, indent=2)


def list_csv(rows: list[dto.PetitionSummary], *, with_age: bool, with_chases: bool = False) -> str:
    out = io.StringIO()
    keys = [*LIST_KEYS, *(["days_waiting"] if with_age else []),
            *(["last_chased_on"] if with_chases else [])]  # fmt: skip
    writer = csv.DictWriter(out, fieldnames=keys, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        record = summary_record(row, with_age=with_age, with_chases=with_chases)
        record["action"] = _csv_safe(record["action"])
        writer.writerow(record)
    return out.getvalue()


def _csv_safe(text: str) -> str:
    # As the site does: a leading = + - @ would run as a formula in a spreadsheet.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def list_table(
    rows: list[dto.PetitionSummary], *, with_age: bool, with_chases: bool = False
) -> str:
    headers = ["ID", "State", "Signatures", "10k on", "Response", "100k on", "Debate"]
    if with_age:
        headers.append("Waiting")
    if with_chases:
        headers.append("Chased")
    headers.append("Petition")
    table = text_table(headers, [_table_cells(r, with_age, with_chases) for r in rows])
    return f"{table}\n{counted(len(rows), 'petition')}"


def text_table(headers: list[str], body: list[list[str]]) -> str:
    """Left-aligned columns two spaces apart; the last column (a title) capped at 70."""
    widths = [
        max(len(h), *(len(c[i]) for c in body)) if body else len(h) for i, h in enumerate(headers)
    ]
    widths[-1] = min(widths[-1], 70)
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines += [
        "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip() for cells in body
    ]
    return "\n".join(lines)


def one_line(text: str, limit: int = 70) -> str:
    """Text on one line, cut with an ellipsis at ``limit`` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _table_cells(r: dto.PetitionSummary, with_age: bool, with_chases: bool) -> list[str]:
    cells = [
        str(r.id),
        r.state,
        count(r.signature_count),
        _day(r.response_threshold_reached_at),
        _day(r.responded_on),
        _day(r.debate_threshold_reached_at),
        _day(r.scheduled_debate_date),
    ]
    if with_age:
        cells.append(counted(r.days_waiting, "day") if r.days_waiting is not None else "")
    if with_chases:
        cells.append(_day(r.last_chased_on))
    cells.append(one_line(r.action))
    return cells


def _day(value: date | datetime | None) -> str:
    return short_date(value) if value else ""


def detail_record(d: dto.PetitionDetail) -> dict[str, Any]:
    """``show --format json``: every stored attribute under the site's names."""
    record: dict[str, Any] = plain(d)
    record.pop("raw_json")
    record["rejection"] = (
        {"code": d.rejection_code, "details": d.rejection_details} if d.rejection_code else None
    )
    del record["rejection_code"], record["rejection_details"]
    current = d.current_response
    record["government_response"] = _response_record(current) if current else None
    record["responses"] = [_response_record(r) for r in d.responses]
    record["signature_history"] = [
        {"at": plain(s.at), "count": s.count} for s in d.signature_history
    ]
    record["signatures_by_country"] = [
        {"name": c.name, "code": c.code, "signature_count": c.signature_count}
        for c in d.signatures_by_country
    ]
    record["signatures_by_region"] = [
        {"name": c.name, "ons_code": c.code, "signature_count": c.signature_count}
        for c in d.signatures_by_region
    ]
    record["signatures_by_constituency"] = _constituency_records(d.signatures_by_constituency)
    # The breakdown the newest replaced, kept to look for jumps in one seat.
    del record["previous_constituencies"], record["previous_breakdowns_as_of"]
    record["previous_signatures_by_constituency"] = (
        {
            "as_of": plain(d.previous_breakdowns_as_of),
            "constituencies": _constituency_records(d.previous_constituencies),
        }
        if d.previous_breakdowns_as_of is not None
        else None
    )
    return record


def _constituency_records(rows: tuple[dto.CountView, ...]) -> list[dict[str, Any]]:
    return [
        {"name": c.name, "ons_code": c.code, "mp": c.mp, "signature_count": c.signature_count}
        for c in rows
    ]


def _response_record(r: dto.ResponseVersionView) -> dict[str, Any]:
    record = {k: plain(v) for k, v in asdict(r).items()}
    record["capture"] = record.pop("capture_source")
    return record


def detail_json(d: dto.PetitionDetail) -> str:
    return json.dumps(detail_record(d), ensure_ascii=False, indent=2)
