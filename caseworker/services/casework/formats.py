"""Revision requests for the command line: JSON for scripts, a table for people."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from caseworker.domain.casework import RequestStatus, is_overdue
from caseworker.formatting import counted, short_date
from caseworker.services import dto
from caseworker.services.formats import one_line, plain, text_table


def request_record(r: dto.RevisionRequestView, today: date) -> dict[str, Any]:
    return {
        "id": r.id,
        "petition_id": r.petition_id,
        "status": r.status,
        "reasons": r.reasons,
        "department": r.department,
        "sent_on": plain(r.sent_on),
        "due_on": plain(r.due_on),
        "overdue": is_overdue(RequestStatus(r.status), r.due_on, today),
        "chased_on": [plain(c.chased_on) for c in r.chases],
        "last_chased_on": plain(r.last_chased_on),
        # The response version the request is about, and the revised one once received.
        "response_version": r.response_version_id,
        "response_responded_on": plain(r.response_responded_on),
        "revised_version": r.revised_version_id,
        "revised_responded_on": plain(r.revised_responded_on),
        "created_by": r.created_by,
    }


def requests_json(rows: list[dto.RevisionRequestView], today: date) -> str:
    return json.dumps([request_record(r, today) for r in rows], ensure_ascii=False, indent=2)


def requests_table(rows: list[dto.RevisionRequestView], today: date) -> str:
    headers = ["No.", "Petition", "Status", "Sent", "Due", "Chased", "Revised", "Reasons"]
    body = [
        [
            str(r.id),
            str(r.petition_id),
            r.status
            + (" (overdue)" if is_overdue(RequestStatus(r.status), r.due_on, today) else ""),
            _day(r.sent_on),
            _day(r.due_on),
            _day(r.last_chased_on),
            _day(r.revised_responded_on),
            one_line(r.reasons),
        ]
        for r in rows
    ]
    return f"{text_table(headers, body)}\n{counted(len(rows), 'request')}"


def _day(value: date | None) -> str:
    return short_date(value) if value else ""
