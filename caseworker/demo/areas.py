"""Policy areas for demo petitions: the departments that answer them and their topic codes.

Each :class:`Area` carries word lists for one area of policy. ``asks`` are petition titles
in the imperative (so "The Government has no plans to ..." reads on), with ``{x}`` filled
from ``fills`` and ``{y}`` from ``more_fills``.
"""

from __future__ import annotations

from dataclasses import dataclass

from caseworker.domain.records import Department

_GOV_UK = "https://www.gov.uk/government/organisations/"

#: Acronym to department, with its gov.uk organisation page. Acronyms are the site's where
#: captures show them ("DEFRA", "SIT"), so demo data matches what a real import stores.
DEPARTMENTS: dict[str, Department] = {
    d.acronym or d.name: d
    for d in (
        Department("Cabinet Office", "CO", _GOV_UK + "cabinet-office"),
        Department(
            "Department for Business and Trade",
            "DBT",
            _GOV_UK + "department-for-business-and-trade",
        ),
        Department(
            "Department for Culture, Media and Sport",
            "DCMS",
            _GOV_UK + "department-for-culture-media-and-sport",
        ),
        Department("Department for Education", "DfE", _GOV_UK + "department-for-education"),
        Department(
            "Department for Energy Security and Net Zero",
            "DESNZ",
            _GOV_UK + "department-for-energy-security-and-net-zero",
        ),
        Department(
            "Department for Environment, Food and Rural Affairs",
            "DEFRA",
            _GOV_UK + "department-for-environment-food-rural-affairs",
        ),
        Department(
            "Department for Science, Innovation and Technology",
            "SIT",
            _GOV_UK + "department-for-science-innovation-and-technology",
        ),
        Department("Department for Transport", "DfT", _GOV_UK + "department-for-transport"),
        Department(
            "Department for Work and Pensions", "DWP", _GOV_UK + "department-for-work-pensions"
        ),
        Department(
            "Department of Health and Social Care",
            "DHSC",
            _GOV_UK + "department-of-health-and-social-care",
        ),
        Department("HM Treasury", "HMT", _GOV_UK + "hm-treasury"),
        Department("Home Office", "HO", _GOV_UK + "home-office"),
        Department(
            "Ministry of Housing, Communities and Local Government",
            "MHCLG",
            _GOV_UK + "ministry-of-housing-communities-local-government",
        ),
        Department("Ministry of Justice", "MoJ", _GOV_UK + "ministry-of-justice"),
    )
}

#: Topic code to the name the site would give it.
TOPICS = {
    "animal-welfare": "Animal welfare",
    "culture-media-sport": "Culture, media and sport",
    "democracy": "Elections, Parliament and the constitution",
    "economy": "Economy, business and taxes",
    "education": "Education",
    "energy": "Energy and net zero",
    "environment": "Environment and climate",
    "health": "Health and social care",
    "housing": "Housing and planning",
    "justice": "Crime, justice and policing",
    "technology": "Science, technology and online safety",
    "transport": "Transport",
    "welfare": "Benefits and pensions",
}


@dataclass(frozen=True, slots=True)
class Tied:
    """A sentence about one subject: it is used only under a title that mentions one of
    ``words`` (lower case), so a petition about peat never gets a background about beaches."""

    words: tuple[str, ...]
    text: str

    def fits(self, action: str) -> bool:
        title = action.lower()
        return any(word in title for word in self.words)


#: A plain sentence fits every title in its area; a :class:`Tied` one only some.
Sentence = str | Tied


def fitting(sentences: tuple[Sentence, ...], action: str) -> tuple[str, ...]:
    """The sentences that may be said about the petition titled ``action``, in order."""
    return tuple(
        s if isinstance(s, str) else s.text
        for s in sentences
        if isinstance(s, str) or s.fits(action)
    )


@dataclass(frozen=True, slots=True)
class Area:
    """Each of ``problems``, ``details``, ``policy`` and ``review`` keeps at least one plain
    sentence, so every title in the area has something to say (a test checks)."""

    topic: str
    departments: tuple[str, ...]  # acronyms; the first is the lead department
    asks: tuple[str, ...]
    fills: tuple[str, ...]
    problems: tuple[Sentence, ...]  # opening sentences of a background
    details: tuple[Sentence, ...]  # sentences for additional details
    policy: tuple[Sentence, ...]  # what the Government says it already does
    review: tuple[
        Sentence, ...
    ]  # the review or programme a response points to: the first that fits
    stakeholders: str
    more_fills: tuple[str, ...] = ()  # for asks with ``{y}``
