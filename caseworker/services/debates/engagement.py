"""Public engagement before a debate: the call, the responses imported from a survey tool,
the themes the clerk tags them with, and quotations chosen for the pack.

An import stores every row of the file or none of them: bad rows are reported by line and
the clerk corrects the file, or says explicitly to leave them out (``skip_bad``). Lists of
responses are filtered and paged in SQL (a popular debate draws thousands). Every change is
written to the audit history of each petition in the debate.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from caseworker.formatting import counted
from caseworker.jobs import CancelCheck, Cancelled, ProgressCallback, never_cancelled, no_progress
from caseworker.services.casework.common import (
    AuditEntry,
    CaseworkError,
    CaseworkServiceBase,
    apply_changes,
    check_version,
    record_audit,
)
from caseworker.services.debates import engagement_csv
from caseworker.services.debates.engagement_csv import Columns, CsvPreview
from caseworker.services.debates.engagement_read import (
    CHUNK,
    checked_call,
    checked_quote,
    chunks,
    debate_record,
    engagement_record,
    engagement_view,
    filtered,
    findings_of,
    quote_record,
    quote_views,
    refuse_foreign,
    refuse_same_theme,
    required,
    response_record,
    response_source,
    response_views,
    responses_in_order,
    theme_name,
    theme_record,
    theme_view,
    theme_views,
)
from caseworker.services.debates.engagement_views import (
    EngagementView,
    ImportReport,
    QuoteView,
    ResponseFilter,
    ResponseView,
    ThemeView,
)
from caseworker.services.debates.views import EngagementFindings
from caseworker.storage.debate_models import (
    DebatePetition,
    Engagement,
    EngagementQuote,
    EngagementResponse,
    EngagementTag,
    EngagementTheme,
)

CALL_FIELDS = ("title", "ran_on", "opens_on", "closes_on", "member", "link", "declared_responses")
QUOTE_FIELDS = ("body", "source", "may_quote", "theme_id")


class EngagementService(CaseworkServiceBase):
    # The call ------------------------------------------------------------------------------

    def get(self, debate_id: int) -> EngagementView | None:
        """The debate's engagement, or None when no call is recorded yet."""
        with self._sessions() as session:
            debate_record(session, debate_id)
            found = engagement_record(session, debate_id)
            return engagement_view(session, found) if found else None

    def save_call(
        self, debate_id: int, *, title: str, ran_on: str = "", opens_on: date | None = None,
        closes_on: date | None = None, member: str = "", link: str = "",
        declared_responses: int | None = None, expected_version: int | None = None,
    ) -> EngagementView:  # fmt: skip
        """Record the call, or change it (``expected_version`` guards a colleague's edit)."""
        values = checked_call({
            "title": title, "ran_on": ran_on, "opens_on": opens_on, "closes_on": closes_on,
            "member": member, "link": link, "declared_responses": declared_responses,
        })  # fmt: skip
        with self._writing("The debate's public engagement") as session:
            debate_record(session, debate_id)
            found = engagement_record(session, debate_id, lock=True)
            now = self.clock.now()
            if found is None:
                found = Engagement(debate_id=debate_id, **values, updated_at=now,
                                   updated_by=self.actor)  # fmt: skip
                session.add(found)
                session.flush()
                self._audit(session, found, "created", {k: (None, v) for k, v in values.items()})
            else:
                check_version("Public engagement", found, expected_version)
                changed = apply_changes(found, values)
                if changed:
                    found.updated_at, found.updated_by = now, self.actor
                    self._audit(session, found, "changed", changed)
            session.flush()
            return engagement_view(session, found)

    # Importing -----------------------------------------------------------------------------

    def csv_columns(self, path: Path) -> CsvPreview:
        """A CSV file's columns and first rows, for choosing the text, date and location."""
        return engagement_csv.preview(Path(path))

    def import_csv(
        self, debate_id: int, path: Path, *, text_column: str, date_column: str | None = None,
        location_column: str | None = None, skip_bad: bool = False,
        progress: ProgressCallback = no_progress, cancelled: CancelCheck = never_cancelled,
    ) -> ImportReport:  # fmt: skip
        """Store the file's responses: all of them, or none when a row is bad (unless
        ``skip_bad``); rows with no text, and rows already imported, are reported and left.

        Raises CaseworkError for a file that is not a CSV, or a column it does not have
        (naming the columns it does); Cancelled when ``cancelled()`` turns True, with
        nothing stored.
        """
        path = Path(path)
        with self._sessions() as session:
            required(session, debate_id)  # before reading the file: the call comes first
        columns = Columns(text_column, date_column or None, location_column or None)
        parsed = engagement_csv.parse(path, columns)
        refused = bool(parsed.bad) and not skip_bad
        stored = duplicates = 0
        if not refused and parsed.responses:
            stored, duplicates = self._store(debate_id, parsed, progress, cancelled)
        return ImportReport(
            parsed.name, parsed.encoding, parsed.rows_read, stored,
            tuple(str(b) for b in parsed.bad), parsed.empty, duplicates, refused,
        )  # fmt: skip

    def _store(self, debate_id: int, parsed: engagement_csv.ParsedFile,
               progress: ProgressCallback, cancelled: CancelCheck) -> tuple[int, int]:  # fmt: skip
        with self._writing("The responses") as session:
            found = required(session, debate_id)
            r = EngagementResponse
            kept = set(session.execute(
                select(r.body, r.responded_on, r.location).where(r.engagement_id == found.id)
            ))  # fmt: skip
            now = self.clock.now()
            rows = [
                {"engagement_id": found.id, "body": p.body, "responded_on": p.responded_on,
                 "location": p.location, "source": f"{parsed.name} line {p.line}",
                 "imported_at": now, "imported_by": self.actor}
                for p in parsed.responses
                if (p.body, p.responded_on, p.location) not in kept
            ]  # fmt: skip
            for start in range(0, len(rows), CHUNK):
                if cancelled():
                    raise Cancelled  # the transaction is rolled back: nothing stored
                progress(start, len(rows), f"Storing responses from {parsed.name}")
                session.execute(insert(r), rows[start : start + CHUNK])
            progress(len(rows), len(rows), f"Storing responses from {parsed.name}")
            if not rows:
                return 0, len(parsed.responses)
            imported = f"{counted(len(rows), 'response')} from {parsed.name}"
            self._audit(session, found, "imported", {"responses": (None, imported)})
            return len(rows), len(parsed.responses) - len(rows)

    def clear_responses(self, debate_id: int) -> int:
        """Remove every imported response, with its tags (a file imported by mistake)."""
        with self._writing("The responses") as session:
            found = required(session, debate_id)
            r = EngagementResponse
            gone = session.scalar(
                select(func.count()).select_from(r).where(r.engagement_id == found.id)
            )
            session.execute(delete(r).where(r.engagement_id == found.id))
            self._audit(session, found, "responses removed", {"responses": (gone, 0)})
            return int(gone or 0)

    # Responses -----------------------------------------------------------------------------

    def responses(
        self, debate_id: int, *, theme_id: int | None = None, untagged: bool = False,
        search: str = "", offset: int = 0, limit: int = 200,
    ) -> list[ResponseView]:  # fmt: skip
        """A page of responses in the order imported, filtered by theme, untagged or text."""
        which = ResponseFilter(theme_id, untagged, search)
        with self._sessions() as session:
            found = required(session, debate_id)
            query = filtered(select(EngagementResponse), found.id, which)
            query = query.order_by(EngagementResponse.id).offset(offset).limit(limit)
            return response_views(session, list(session.scalars(query)))

    def count_responses(
        self, debate_id: int, *, theme_id: int | None = None, untagged: bool = False,
        search: str = "",
    ) -> int:  # fmt: skip
        which = ResponseFilter(theme_id, untagged, search)
        with self._sessions() as session:
            found = required(session, debate_id)
            query = filtered(select(func.count(EngagementResponse.id)), found.id, which)
            return int(session.scalar(query) or 0)

    def response(self, response_id: int) -> ResponseView:
        with self._sessions() as session:
            return response_views(session, [response_record(session, response_id)])[0]

    # Themes --------------------------------------------------------------------------------

    def themes(self, debate_id: int) -> list[ThemeView]:
        """The themes in the clerk's order, each with the responses tagged."""
        with self._sessions() as session:
            return list(theme_views(session, required(session, debate_id).id))

    def add_theme(self, debate_id: int, name: str, description: str = "") -> ThemeView:
        clean = theme_name(name)
        with self._writing(f"The theme {clean!r}") as session:
            found = required(session, debate_id)
            refuse_same_theme(session, found.id, clean, None)
            last = session.scalar(
                select(func.max(EngagementTheme.position))
                .where(EngagementTheme.engagement_id == found.id)
            )  # fmt: skip
            theme = EngagementTheme(engagement_id=found.id, name=clean,
                                    description=description.strip(),
                                    position=(last or 0) + 1)  # fmt: skip
            session.add(theme)
            session.flush()
            self._audit(session, found, "theme added", {"theme": (None, clean)})
            return theme_view(session, theme)

    def rename_theme(self, theme_id: int, name: str, description: str | None = None) -> ThemeView:
        clean = theme_name(name)
        with self._writing(f"The theme {clean!r}") as session:
            theme = theme_record(session, theme_id)
            refuse_same_theme(session, theme.engagement_id, clean, theme.id)
            values: dict[str, Any] = {"name": clean}
            if description is not None:
                values["description"] = description.strip()
            changed = apply_changes(theme, values)
            if changed:
                found = session.get_one(Engagement, theme.engagement_id)
                self._audit(session, found, "theme changed", changed)
            session.flush()
            return theme_view(session, theme)

    def delete_theme(self, theme_id: int) -> None:
        """Remove a theme; its responses lose the tag, its quotations stay, unfiled."""
        with self._writing("The theme") as session:
            theme = theme_record(session, theme_id)
            found = session.get_one(Engagement, theme.engagement_id)
            session.execute(delete(EngagementTag).where(EngagementTag.theme_id == theme_id))
            q = EngagementQuote
            for quote in session.scalars(select(q).where(q.theme_id == theme_id)):
                quote.theme_id = None
            self._audit(session, found, "theme removed", {"theme": (theme.name, None)})
            session.delete(theme)

    def reorder_themes(self, debate_id: int, theme_ids: Sequence[int]) -> list[ThemeView]:
        """The themes in this order (the window's list and the pack's ties)."""
        with self._writing("The themes") as session:
            found = required(session, debate_id)
            themes = {t.id: t for t in session.scalars(
                select(EngagementTheme).where(EngagementTheme.engagement_id == found.id)
            )}  # fmt: skip
            if sorted(theme_ids) != sorted(themes):
                raise CaseworkError("Give every theme of this engagement once", field="themes")
            for position, theme_id in enumerate(theme_ids, start=1):
                themes[theme_id].position = position
            session.flush()
            return list(theme_views(session, found.id))

    # Tagging -------------------------------------------------------------------------------

    def tag(self, response_ids: Iterable[int], theme_id: int) -> list[ResponseView]:
        """Tag responses with a theme (those tagged already are left as they are)."""
        ids = list(dict.fromkeys(response_ids))
        with self._writing("The tags") as session:
            theme = theme_record(session, theme_id)
            refuse_foreign(session, theme, ids)
            t = EngagementTag
            have = set()
            for chunk in chunks(ids):
                have |= set(session.scalars(
                    select(t.response_id).where(t.theme_id == theme_id, t.response_id.in_(chunk))
                ))  # fmt: skip
            new = [i for i in ids if i not in have]
            session.add_all(EngagementTag(response_id=i, theme_id=theme_id) for i in new)
            session.flush()
            if new:
                found = session.get_one(Engagement, theme.engagement_id)
                self._audit(session, found, "tagged",
                            {theme.name: (None, counted(len(new), "response"))})  # fmt: skip
            return response_views(session, responses_in_order(session, ids))

    def untag(self, response_ids: Iterable[int], theme_id: int) -> list[ResponseView]:
        ids = list(dict.fromkeys(response_ids))
        with self._writing("The tags") as session:
            theme = theme_record(session, theme_id)
            gone = 0
            for chunk in chunks(ids):
                result = session.execute(
                    delete(EngagementTag).where(
                        EngagementTag.theme_id == theme_id, EngagementTag.response_id.in_(chunk)
                    )
                )
                gone += int(getattr(result, "rowcount", 0) or 0)
            if gone:
                found = session.get_one(Engagement, theme.engagement_id)
                self._audit(session, found, "untagged",
                            {theme.name: (counted(gone, "response"), None)})  # fmt: skip
            return response_views(session, responses_in_order(session, ids))

    # Quotations ----------------------------------------------------------------------------

    def quotes(self, debate_id: int) -> list[QuoteView]:
        with self._sessions() as session:
            found = required(session, debate_id)
            return quote_views(session, found.id)

    def add_quote(
        self, debate_id: int, body: str, *, source: str = "", may_quote: bool = False,
        theme_id: int | None = None, response_id: int | None = None,
    ) -> QuoteView:  # fmt: skip
        """A quotation for the pack; from a response, its source defaults to where and when
        the response was made ("Survey response, Leeds, 12 May 2025")."""
        with self._writing("The quotation") as session:
            found = required(session, debate_id)
            if response_id is not None:
                response = response_record(session, response_id)
                if response.engagement_id != found.id:
                    raise CaseworkError(f"Response {response_id} is not one of this debate's",
                                        field="response")  # fmt: skip
                body = body.strip() or response.body
                source = source.strip() or response_source(response)
            values = checked_quote(session, found.id, {
                "body": body, "source": source, "may_quote": may_quote, "theme_id": theme_id,
            })  # fmt: skip
            last = session.scalar(
                select(func.max(EngagementQuote.position))
                .where(EngagementQuote.engagement_id == found.id)
            )  # fmt: skip
            quote = EngagementQuote(engagement_id=found.id, response_id=response_id,
                                    position=(last or 0) + 1, **values)  # fmt: skip
            session.add(quote)
            session.flush()
            self._audit(session, found, "quotation added", {"quotation": (None, values["body"])})
            return next(q for q in quote_views(session, found.id) if q.id == quote.id)

    def update_quote(self, quote_id: int, **changes: Any) -> QuoteView:
        """Change a quotation's ``body``, ``source``, ``may_quote`` or ``theme_id``."""
        unknown = set(changes) - set(QUOTE_FIELDS)
        if unknown:
            raise CaseworkError(f"A quotation has no field {sorted(unknown)[0]}")
        with self._writing("The quotation") as session:
            quote = quote_record(session, quote_id)
            current = {f: getattr(quote, f) for f in QUOTE_FIELDS}
            values = checked_quote(session, quote.engagement_id, current | changes)
            changed = apply_changes(quote, values)
            if changed:
                found = session.get_one(Engagement, quote.engagement_id)
                self._audit(session, found, "quotation changed", changed)
            session.flush()
            return next(q for q in quote_views(session, quote.engagement_id) if q.id == quote_id)

    def delete_quote(self, quote_id: int) -> None:
        with self._writing("The quotation") as session:
            quote = quote_record(session, quote_id)
            found = session.get_one(Engagement, quote.engagement_id)
            self._audit(session, found, "quotation removed", {"quotation": (quote.body, None)})
            session.delete(quote)

    # The pack ------------------------------------------------------------------------------

    def findings(self, debate_id: int) -> EngagementFindings | None:
        """What the pack's "What the public told us" says; None with no call recorded."""
        with self._sessions() as session:
            found = engagement_record(session, debate_id)
            if found is None:
                return None
            return findings_of(session, found)

    def _audit(self, session: Session, found: Engagement, action: str,
               changes: dict[str, tuple[Any, Any]] | None = None) -> None:  # fmt: skip
        """The same entries in the history of each petition in the debate."""
        dp = DebatePetition
        ids: list[int | None] = [*session.scalars(
            select(dp.petition_id).where(dp.debate_id == found.debate_id).order_by(dp.position)
        )] or [None]  # fmt: skip
        now = self.clock.now()
        for pid in ids:
            record_audit(session, AuditEntry("engagement", found.id, action, pid), self.actor,
                         now, changes)  # fmt: skip
