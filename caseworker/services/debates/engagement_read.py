"""Reading a debate's engagement: views of the call, its themes with their counts,
responses a page at a time, quotations, the findings the pack prints; and the checks a
write makes before storing anything."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Select, exists, func, or_, select
from sqlalchemy.orm import Session

from caseworker.formatting import long_date
from caseworker.services.casework.common import CaseworkError, RecordNotFound
from caseworker.services.debates.engagement_views import (
    EngagementView,
    QuoteView,
    ResponseFilter,
    ResponseView,
    ThemeView,
)
from caseworker.services.debates.views import EngagementFindings, Quotation, ThemeFinding
from caseworker.storage.debate_models import (
    CommitteeDebate,
    Engagement,
    EngagementQuote,
    EngagementResponse,
    EngagementTag,
    EngagementTheme,
)

#: Ids in one ``IN (...)`` list.
CHUNK = 500


def response_source(response: EngagementResponse) -> str:
    """``"Survey response, Leeds, 12 May 2025"``: how the pack credits a quotation."""
    r = response
    return ResponseView(r.id, r.body, r.responded_on, r.location, r.source, ()).credit


def filtered(query: Select[Any], engagement_id: int, which: ResponseFilter) -> Select[Any]:
    r, t = EngagementResponse, EngagementTag
    query = query.where(r.engagement_id == engagement_id)
    if which.theme_id is not None:
        query = query.where(exists().where(t.response_id == r.id, t.theme_id == which.theme_id))
    if which.untagged:
        query = query.where(~exists().where(t.response_id == r.id))
    words = which.search.split()
    for word in words:  # every word, anywhere in the text or the place
        needle = word.lower()
        query = query.where(or_(
            func.lower(r.body).contains(needle, autoescape=True),
            func.lower(r.location).contains(needle, autoescape=True),
        ))  # fmt: skip
    return query


def response_views(session: Session, rows: list[EngagementResponse]) -> list[ResponseView]:
    names: dict[int, list[str]] = defaultdict(list)
    ids = [r.id for r in rows]
    th, t = EngagementTheme, EngagementTag
    for chunk in chunks(ids):
        for response_id, name in session.execute(
            select(t.response_id, th.name).join(th, th.id == t.theme_id)
            .where(t.response_id.in_(chunk)).order_by(th.position, th.id)
        ):  # fmt: skip
            names[response_id].append(name)
    return [
        ResponseView(r.id, r.body, r.responded_on, r.location, r.source, tuple(names[r.id]))
        for r in rows
    ]


def responses_in_order(session: Session, ids: list[int]) -> list[EngagementResponse]:
    found: list[EngagementResponse] = []
    for chunk in chunks(ids):
        found.extend(session.scalars(
            select(EngagementResponse).where(EngagementResponse.id.in_(chunk))
        ))  # fmt: skip
    by_id = {r.id: r for r in found}
    return [by_id[i] for i in ids if i in by_id]


def _counts(session: Session, engagement_id: int) -> dict[int, int]:
    th, t = EngagementTheme, EngagementTag
    query = (
        select(t.theme_id, func.count(t.response_id))
        .join(th, th.id == t.theme_id)
        .where(th.engagement_id == engagement_id)
        .group_by(t.theme_id)
    )
    return {theme_id: int(n) for theme_id, n in session.execute(query)}


def theme_views(session: Session, engagement_id: int) -> tuple[ThemeView, ...]:
    counts = _counts(session, engagement_id)
    th = EngagementTheme
    query = select(th).where(th.engagement_id == engagement_id).order_by(th.position, th.id)
    return tuple(
        ThemeView(t.id, t.name, t.description, t.position, counts.get(t.id, 0))
        for t in session.scalars(query)
    )


def theme_view(session: Session, theme: EngagementTheme) -> ThemeView:
    return next(t for t in theme_views(session, theme.engagement_id) if t.id == theme.id)


def quote_views(session: Session, engagement_id: int) -> list[QuoteView]:
    q, th = EngagementQuote, EngagementTheme
    query = (
        select(q, th.name).outerjoin(th, th.id == q.theme_id)
        .where(q.engagement_id == engagement_id).order_by(q.position, q.id)
    )  # fmt: skip
    return [
        QuoteView(
            x.id, x.body, x.source, x.may_quote, x.theme_id, name, x.response_id, x.position
        )  # fmt: skip
        for x, name in session.execute(query)
    ]


def engagement_view(session: Session, found: Engagement) -> EngagementView:
    r, t = EngagementResponse, EngagementTag
    imported = session.scalar(
        select(func.count(r.id)).where(r.engagement_id == found.id)
    )  # fmt: skip
    untagged = session.scalar(
        select(func.count(r.id))
        .where(r.engagement_id == found.id, ~exists().where(t.response_id == r.id))
    )  # fmt: skip
    return EngagementView(
        found.id, found.debate_id, found.title, found.ran_on, found.opens_on, found.closes_on,
        found.member, found.link, found.declared_responses, int(imported or 0),
        int(untagged or 0), theme_views(session, found.id), found.updated_at, found.updated_by,
        found.version,
    )  # fmt: skip


def findings_of(session: Session, found: Engagement) -> EngagementFindings:
    view = engagement_view(session, found)
    quotes: dict[int | None, list[Quotation]] = defaultdict(list)
    for q in quote_views(session, found.id):
        quotes[q.theme_id].append(Quotation(q.body, q.source, q.may_quote))
    ranked = sorted(view.themes, key=lambda t: (-t.count, t.position, t.id))
    return EngagementFindings(
        title=found.title, ran_on=found.ran_on, opens_on=found.opens_on,
        closes_on=found.closes_on, member=found.member, link=found.link,
        responses=view.responses,
        themes=tuple(
            ThemeFinding(t.name, t.description, t.count, tuple(quotes[t.id]))
            for t in ranked if t.count or quotes[t.id]
        ),
        other_quotations=tuple(quotes[None]),
    )  # fmt: skip


def debate_record(session: Session, debate_id: int) -> CommitteeDebate:
    debate = session.get(CommitteeDebate, debate_id)
    if debate is None:
        raise RecordNotFound("Debate", debate_id)
    return debate


def engagement_record(session: Session, debate_id: int, *, lock: bool = False) -> Engagement | None:
    query = select(Engagement).where(Engagement.debate_id == debate_id)
    return session.scalar(query.with_for_update() if lock else query)


def required(session: Session, debate_id: int) -> Engagement:
    """The debate's engagement; refused, saying what to do, when no call is recorded."""
    debate_record(session, debate_id)
    found = engagement_record(session, debate_id)
    if found is None:
        raise CaseworkError(
            f"Debate {debate_id} has no public engagement yet: record the call first "
            "(its title at least)",
            field="title",
        )
    return found


def theme_record(session: Session, theme_id: int) -> EngagementTheme:
    theme = session.get(EngagementTheme, theme_id)
    if theme is None:
        raise RecordNotFound("Theme", theme_id)
    return theme


def response_record(session: Session, response_id: int) -> EngagementResponse:
    response = session.get(EngagementResponse, response_id)
    if response is None:
        raise RecordNotFound("Response", response_id)
    return response


def quote_record(session: Session, quote_id: int) -> EngagementQuote:
    quote = session.get(EngagementQuote, quote_id)
    if quote is None:
        raise RecordNotFound("Quotation", quote_id)
    return quote


def checked_call(values: dict[str, Any]) -> dict[str, Any]:
    title = " ".join(str(values["title"] or "").split())
    if not title:
        raise CaseworkError("The call needs a title", field="title")
    opens, closes = values["opens_on"], values["closes_on"]
    if opens is not None and closes is not None and closes < opens:
        raise CaseworkError(
            f"The call cannot close ({long_date(closes)}) before it opens ({long_date(opens)})",
            field="closes_on",
        )
    link = str(values["link"] or "").strip()
    if link and not link.lower().startswith(("https://", "http://")):
        raise CaseworkError("The link must be a web address (https://…)", field="link")
    declared = values["declared_responses"]
    if declared is not None and not 0 <= int(declared) <= 10_000_000:
        raise CaseworkError("The number of responses must be from 0 to 10,000,000",
                            field="declared_responses")  # fmt: skip
    return {
        **values, "title": title, "link": link,
        "ran_on": " ".join(str(values["ran_on"] or "").split()),
        "member": " ".join(str(values["member"] or "").split()),
        "declared_responses": None if declared is None else int(declared),
    }  # fmt: skip


def checked_quote(session: Session, engagement_id: int, values: dict[str, Any]) -> dict[str, Any]:
    body = str(values["body"] or "").strip()
    if not body:
        raise CaseworkError("A quotation needs its words", field="body")
    theme_id = values["theme_id"]
    if theme_id is not None and theme_record(session, theme_id).engagement_id != engagement_id:
        raise CaseworkError(f"Theme {theme_id} is not one of this debate's", field="theme")
    return {"body": body, "source": " ".join(str(values["source"] or "").split()),
            "may_quote": bool(values["may_quote"]), "theme_id": theme_id}  # fmt: skip


def theme_name(name: str) -> str:
    clean = " ".join(name.split())
    if not clean:
        raise CaseworkError("A theme needs a name", field="name")
    return clean


def refuse_same_theme(
    session: Session, engagement_id: int, name: str, theme_id: int | None
) -> None:
    th = EngagementTheme
    for other in session.scalars(
        select(th).where(th.engagement_id == engagement_id, th.id != (theme_id or -1))
    ):
        if other.name.casefold() == name.casefold():
            raise CaseworkError(f"There is already a theme {other.name!r}", field="name")


def refuse_foreign(session: Session, theme: EngagementTheme, ids: list[int]) -> None:
    """Responses of another debate, or none at all, cannot take this debate's theme."""
    r = EngagementResponse
    mine: set[int] = set()
    for chunk in chunks(ids):
        mine |= set(session.scalars(
            select(r.id).where(r.id.in_(chunk), r.engagement_id == theme.engagement_id)
        ))  # fmt: skip
    stray = [i for i in ids if i not in mine]
    if stray:
        raise CaseworkError(
            f"Response {stray[0]} is not one of the responses to this debate's engagement",
            field="responses",
        )


def chunks(ids: list[int], size: int = CHUNK) -> Iterable[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]
