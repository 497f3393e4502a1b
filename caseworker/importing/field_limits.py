"""How long a text and how many entries a capture may have: the site's limits, with room.

(How big a whole file may be is :mod:`caseworker.importing.limits`.)

Older captures exceed the site's current limits (``petitions-data-format.md``), so these
are not the site's limits but bounds several times the largest the site ever had, checked
against every real capture in the shared data (``tests/unit/importing/test_field_limits.py``).
They exist so that a forged or broken file (32,000 constituencies, a 50 MB title) is refused
at import, naming the field, instead of making every briefing pack take minutes and a
gigabyte; and so that SQLite and PostgreSQL accept and refuse the same files.

Lengths are in characters, as Python and PostgreSQL count them.
"""

from __future__ import annotations

#: The title. The site allows 80 characters (real captures: at most 80). PostgreSQL indexes
#: it (``ix_petitions_action``, a btree whose entries hold at most 2,704 bytes): 600
#: characters of four UTF-8 bytes each are 2,400 bytes, so every title accepted here fits
#: the index on every backend.
ACTION = 600
#: ``background`` (site: 300), ``additional_details`` (800, archived 1,000), ``committee_note``
#: (800): ten times the largest.
PETITION_TEXT = 10_000
#: ``creator_name`` (real captures: at most 81).
CREATOR_NAME = 1_000
#: ``rejection.details`` (site: 4,000).
REJECTION_DETAILS = 40_000
#: ``government_response.summary`` (site: 200, archived 500).
RESPONSE_SUMMARY = 5_000
#: ``government_response.details`` (site: 6,000, archived 10,000) and
#: ``other_parliamentary_business[].body`` (site: 6,000; it may hold a whole former response).
LONG_TEXT = 100_000
#: ``debate.overview`` (no limit in the site's documentation; real captures: at most 574).
DEBATE_OVERVIEW = LONG_TEXT
#: ``other_parliamentary_business[].subject`` (site: 150).
BUSINESS_SUBJECT = 1_500
#: Addresses: the debate links (site: 500 each), a department's address, ``links.self``.
URL = 2_000
#: Names in breakdowns, an MP's title, a Parliament's government, a topic's name
#: (real captures: at most 51).
NAME = 500

#: Entries in a list. Constituencies: 650 seats since 2010 (659 in 1997, 646 in 2005).
CONSTITUENCIES = 1_000
#: Countries and territories in the GOV.UK register: about 250 (real captures: at most 232).
COUNTRIES = 400
#: Regions: 12 letters.
REGIONS = 50
#: Departments of one petition (real captures: at most 2; about 25 ministerial departments).
DEPARTMENTS = 50
#: Topics of one petition (real captures: at most 1).
TOPICS = 100
#: Related-activity items of one petition (real captures: at most 6).
BUSINESS_ITEMS = 500
