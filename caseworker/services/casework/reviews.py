"""Reviewing Government responses: the review tab's data, saved reviews, version comparison."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.domain import rules
from caseworker.domain.casework import Answer, Verdict
from caseworker.domain.keyterms import Coverage, KeyTerm, Span, find_terms, key_terms
from caseworker.domain.textdiff import SideBySide, compare
from caseworker.services.casework.common import (
    AuditEntry,
    CaseworkError,
    CaseworkServiceBase,
    RecordNotFound,
    apply_changes,
    check_version,
    record_audit,
)
from caseworker.services.casework.request_views import department_names, request_view
from caseworker.services.casework.views import ReviewPane, ReviewView, VersionText
from caseworker.services.errors import PetitionNotFound
from caseworker.storage import models as m
from caseworker.storage.casework_models import ResponseReview, RevisionRequest

WHAT = "Review"
REVIEW_FIELDS = ("verdict", "answers_request", "states_position", "notes")


class ReviewService(CaseworkServiceBase):
    def pane(self, petition_id: int) -> ReviewPane:
        with self._sessions() as session:
            petition = session.get(m.Petition, petition_id)
            if petition is None:
                raise PetitionNotFound(petition_id)
            terms = key_terms(petition.action)
            requests = _requests(session, petition_id)
            crossed = petition.response_threshold_reached_at
            due = rules.response_due_on(crossed) if crossed else None
            versions = _versions(session, petition, terms, due, requests)
            return ReviewPane(
                petition_id=petition_id,
                request=petition.action,
                request_spans=_spans(find_terms(petition.action, terms)),
                background=petition.background or "",
                departments=petition.departments_label or "",
                department_names=department_names(session, petition_id) or "",
                response_due_on=due,
                versions=versions,
                reviews=tuple(_review_view(r) for r in _reviews(session, petition_id)),
                requests=tuple(request_view(session, r) for r in requests),
            )

    def compare_versions(self, older_id: int, newer_id: int) -> SideBySide:
        with self._sessions() as session:
            older, newer = _version(session, older_id), _version(session, newer_id)
            return compare(_full_text(older), _full_text(newer))

    def save_review(
        self,
        petition_id: int,
        response_version_id: int,
        verdict: Verdict,
        *,
        answers_request: Answer | bool | str | None = None,
        states_position: Answer | bool | str | None = None,
        notes: str = "",
        review_id: int | None = None,
        expected_version: int | None = None,
    ) -> ReviewView:
        """Record a new review, or change one (``review_id`` with the version last seen).

        The checklist answers are yes, partly or no (True and False still mean yes and no).
        """
        values = {
            "verdict": _verdict(verdict).value,
            "answers_request": _answer("answers_request", answers_request),
            "states_position": _answer("states_position", states_position),
            "notes": notes.strip(),
        }
        with self._writes.begin() as session:
            version = _version(session, response_version_id)
            if version.petition_id != petition_id:
                raise CaseworkError(
                    f"Response version {response_version_id} is not a response to petition "
                    f"{petition_id}: choose one of its own responses",
                    field="response_version_id",
                )
            if review_id is None:
                return self._create(session, version, values)
            review = _load(session, review_id)
            check_version(WHAT, review, expected_version)
            changed = apply_changes(review, values)
            if changed:
                review.reviewer, review.reviewed_at = self.actor, self.clock.now()
                self._audit(session, review, "changed", changed)
            session.flush()
            return _review_view(review)

    def delete_review(self, review_id: int, expected_version: int) -> None:
        """Remove a review: only to undo recording it. The audit keeps its story."""
        with self._writes.begin() as session:
            review = _load(session, review_id)
            check_version(WHAT, review, expected_version)
            self._audit(session, review, "deleted")
            session.delete(review)

    def _create(self, session: Session, version: m.ResponseVersion, values: Mapping[str, object]
                ) -> ReviewView:  # fmt: skip
        petition = session.get(m.Petition, version.petition_id)
        assert petition is not None
        crossed = petition.response_threshold_reached_at
        due = rules.response_due_on(crossed) if crossed else None
        review = ResponseReview(
            petition_id=version.petition_id,
            response_version_id=version.id,
            reviewer=self.actor,
            reviewed_at=self.clock.now(),
            on_time=_on_time(session, version, due),
            **values,
        )
        session.add(review)
        session.flush()
        initial = {f: (None, getattr(review, f)) for f in (*REVIEW_FIELDS, "on_time")}
        self._audit(session, review, "created", initial)
        return _review_view(review)

    def _audit(self, session: Session, review: ResponseReview, action: str,
               changes: Mapping[str, tuple[object, object]] | None = None) -> None:  # fmt: skip
        entry = AuditEntry("review", review.id, action, review.petition_id)
        record_audit(session, entry, self.actor, self.clock.now(), changes)


QUESTIONS = {
    "answers_request": "Does the response answer the request",
    "states_position": "Does the response state the Government's position",
}


def _answer(name: str, value: Answer | bool | str | None) -> str | None:
    try:
        answer = Answer.read(value)
    except ValueError:
        raise CaseworkError(
            f"{QUESTIONS[name]}? Answer yes, partly or no (not {str(value)!r})", field=name
        ) from None
    return None if answer is None else answer.value


def _verdict(value: Verdict | str) -> Verdict:
    try:
        return Verdict(value)
    except ValueError:
        allowed = ", ".join(v.value for v in Verdict)
        raise CaseworkError(
            f"Choose a verdict: {allowed} (not {str(value)!r})", field="verdict"
        ) from None


def _load(session: Session, review_id: int) -> ResponseReview:
    review = session.get(ResponseReview, review_id, with_for_update=True)
    if review is None:
        raise RecordNotFound(WHAT, review_id)
    return review


def _version(session: Session, version_id: int) -> m.ResponseVersion:
    version = session.get(m.ResponseVersion, version_id)
    if version is None:
        raise RecordNotFound("Response version", version_id)
    return version


def _full_text(v: m.ResponseVersion) -> str:
    return f"{v.summary}\n\n{v.details or ''}".strip()


def _reviews(session: Session, petition_id: int) -> list[ResponseReview]:
    r = ResponseReview
    return list(session.scalars(select(r).where(r.petition_id == petition_id).order_by(r.id)))


def _requests(session: Session, petition_id: int) -> list[RevisionRequest]:
    r = RevisionRequest
    return list(session.scalars(select(r).where(r.petition_id == petition_id).order_by(r.id)))


def _ordered_versions(session: Session, petition_id: int) -> list[m.ResponseVersion]:
    v = m.ResponseVersion
    rows = list(session.scalars(select(v).where(v.petition_id == petition_id)))
    # Oldest first, the one the site shows now last (as in the petition view).
    rows.sort(key=lambda r: (r.is_current, r.responded_on or rules.london_date(r.first_seen_at)))
    return rows


def _versions(
    session: Session,
    petition: m.Petition,
    terms: tuple[KeyTerm, ...],
    due: date | None,
    requests: list[RevisionRequest],
) -> tuple[VersionText, ...]:
    rows = _ordered_versions(session, petition.id)
    request_terms = find_terms(petition.action, terms)
    revised_due = {r.revised_version_id: r.due_on for r in requests if r.revised_version_id}
    out = []
    for index, v in enumerate(rows):
        deadline = revised_due.get(v.id, due if index == 0 else None)
        summary, details = v.summary, v.details or ""
        s_spans, d_spans = find_terms(summary, terms), find_terms(details, terms)
        used = frozenset(s.stem for s in (*s_spans, *d_spans))
        cover = Coverage(terms, used)
        out.append(
            VersionText(
                id=v.id,
                label=_label(v, index),
                responded_on=v.responded_on,
                summary=summary,
                details=details,
                is_current=v.is_current,
                on_time=_within(v.responded_on, deadline),
                deadline=deadline,
                summary_spans=_spans(s_spans),
                details_spans=_spans(d_spans),
                terms_used=tuple(t.word for t in terms if t.stem in used),
                terms_missing=tuple(t.word for t in cover.missing),
                request_spans_used=_spans([s for s in request_terms if s.stem in used]),
                coverage_line=cover.summary,
            )
        )
    return tuple(out)


def _on_time(session: Session, version: m.ResponseVersion, due: date | None) -> bool | None:
    revised_due = session.scalar(
        select(RevisionRequest.due_on).where(RevisionRequest.revised_version_id == version.id)
    )
    first = _ordered_versions(session, version.petition_id)
    deadline = revised_due or (due if first and first[0].id == version.id else None)
    return _within(version.responded_on, deadline)


def _within(responded_on: date | None, deadline: date | None) -> bool | None:
    if responded_on is None or deadline is None:
        return None
    return responded_on <= deadline


def _label(v: m.ResponseVersion, index: int) -> str:
    when = rules.long_date(v.responded_on) if v.responded_on else "undated"
    tag = "current" if v.is_current else ("original" if index == 0 else "earlier")
    return f"Response of {when} ({tag})"


def _spans(spans: list[Span]) -> tuple[tuple[int, int], ...]:
    return tuple((s.start, s.end) for s in spans)


def _review_view(r: ResponseReview) -> ReviewView:
    return ReviewView(
        id=r.id, petition_id=r.petition_id, response_version_id=r.response_version_id,
        reviewer=r.reviewer, reviewed_at=r.reviewed_at, verdict=r.verdict,
        answers_request=r.answers_request, states_position=r.states_position,
        on_time=r.on_time, notes=r.notes, version=r.version,
    )  # fmt: skip
