"""Demo petitions read as one story: title, background and response agree; the Members who
open debates sit for demo constituencies; no link leads to a petition page that is not there."""

from __future__ import annotations

import re
from datetime import date

import pytest
from sqlalchemy import select

from caseworker.demo import generate_demo
from caseworker.demo.areas import Tied
from caseworker.demo.places import seats
from caseworker.demo.text import AREAS
from caseworker.storage import models as m
from caseworker.storage.engine import Database

TODAY = date(2026, 3, 2)
PETITIONS = 600


@pytest.fixture
def stories(sqlite_database: Database) -> list[dict[str, str]]:
    """Each demo petition's texts, gathered from the database the generator filled."""
    database = sqlite_database
    generate_demo(database.engine, petitions=PETITIONS, seed=1, today=TODAY)
    p, v, d, b = m.Petition, m.ResponseVersion, m.Debate, m.BusinessItem
    with database.sessions() as session:
        out = {
            pid: {"action": action, "background": background or "",
                  "details": details or "", "response": "", "debate": "", "business": "",
                  "source_url": url or "", "raw": ""}
            for pid, action, background, details, url in session.execute(
                select(p.id, p.action, p.background, p.additional_details, p.source_url)
            )
        }  # fmt: skip
        for pid, summary, text in session.execute(select(v.petition_id, v.summary, v.details)):
            out[pid]["response"] += f"{summary}\n{text or ''}\n"
        for pid, overview in session.execute(select(d.petition_id, d.overview)):
            out[pid]["debate"] += overview or ""
        for pid, body in session.execute(select(b.petition_id, b.body)):
            out[pid]["business"] += body or ""
        for pid, raw in session.execute(select(m.PetitionRaw.petition_id, m.PetitionRaw.raw_json)):
            out[pid]["raw"] = raw
    return list(out.values())


def test_sentences_about_one_subject_appear_only_under_titles_about_it(
    stories: list[dict[str, str]],
) -> None:
    tied = [
        s
        for area in AREAS
        for s in (*area.problems, *area.details, *area.policy)
        if isinstance(s, Tied)
    ]
    assert tied, "the word lists tie subject-specific sentences to their titles"
    wrong = [
        (story["action"], sentence.text)
        for story in stories
        for sentence in tied
        if sentence.text in story["background"] + story["details"] + story["response"]
        and not sentence.fits(story["action"])
    ]
    assert wrong == []
    # The case found in review: peat, beaches and water companies in one petition.
    peat = [s for s in stories if "peat" in s["action"]]
    assert peat, "the sample has a peat petition"
    for story in peat:
        assert "beaches" not in story["background"] and "water companies" not in story["response"]


def test_debates_are_opened_by_members_for_demo_constituencies(
    stories: list[dict[str, str]],
) -> None:
    members = {seat.mp for seat in seats() if seat.mp}
    openers = [
        f"{name} MP"
        for story in stories
        for name in re.findall(r"opened (?:by )?(.+?) MP", story["debate"] + story["business"])
    ]
    assert openers, "the sample has debates"
    assert sorted(set(openers) - members) == []


def test_no_demo_petition_links_to_a_petition_page_that_does_not_exist(
    stories: list[dict[str, str]],
) -> None:
    for story in stories:
        assert "petition.parliament.uk/petitions/" not in story["source_url"] + story["raw"]


def test_every_title_has_a_background_details_a_policy_and_a_review() -> None:
    for area in AREAS:
        for field in ("problems", "details", "policy", "review"):
            plain = [s for s in getattr(area, field) if isinstance(s, str)]
            assert plain, f"{area.topic}: {field} needs a sentence that fits every title"
