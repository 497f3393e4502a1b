"""Import benchmark: our importer against a flat sqlite3 baseline, in one run.

The input is generated deterministically (``random.Random(SEED)``) into a temporary folder,
the way a harvest of the site looks (section 4 of the data-format reference): list pages of
50 petitions, then the single view (``links.self``) of some of those petitions, which adds
the signature breakdowns and related activity. Of the single files, three in four carry the
same ``updated_at`` as the list page (fetched straight after it) and one in four a newer one
with more signatures.

Measured, each into a fresh SQLite file:

* ours: ``import_paths`` on the list pages, then on the single files, then again on both
  (every capture is already known, so the re-import only hashes the files);
* baseline: read + ``json.loads`` the same files and insert flat rows with the stdlib
  ``sqlite3`` ``executemany`` into simple tables (petitions: the scalar columns plus the raw
  JSON text; singles also add country, region and constituency rows), one transaction per
  file, with the same PRAGMAs as the application (WAL, synchronous=NORMAL).

Target: ours within 3 times the baseline, for list pages and for single files.

Run with ``make bench``, ``pytest tests/bench -s -q``, or ``python tests/bench/bench_import.py``.
``CASEWORKER_BENCH_SCALE=0.1`` runs a tenth of the work (figures only, for quick checks).
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parents[2]
if str(PROJECT_ROOT) not in sys.path:  # run as a plain script
    sys.path.insert(0, str(PROJECT_ROOT))

from caseworker.importing.importer import ImportSummary, import_paths  # noqa: E402
from caseworker.importing.rows import SCALAR_FIELDS  # noqa: E402
from caseworker.storage.engine import open_database  # noqa: E402

SEED = 20240529
TARGET_RATIO = 3.0
SCALE = float(os.environ.get("CASEWORKER_BENCH_SCALE", "1"))
LIST_PAGES = max(1, round(2000 * SCALE))
PER_PAGE = 50
SINGLES = LIST_PAGES  # one single view per list page
CONSTITUENCIES = 650
FIRST_ID = 500_000
SITE = "https://petition.parliament.uk"
LIBRARY = "https://commonslibrary.parliament.uk/research-briefings"

#: Petition attributes stored as flat columns by the baseline (section 3.1): the same ones
#: the importer stores, so both sides write the same values.
SCALARS = SCALAR_FIELDS

# fmt: off
REGIONS = (
    ("A", "North East"),
    ("B", "North West"),
    ("D", "Yorkshire and The Humber"),
    ("E", "East Midlands"),
    ("F", "West Midlands"),
    ("G", "East of England"),
    ("H", "London"),
    ("J", "South East"),
    ("K", "South West"),
    ("L", "Wales"),
    ("M", "Scotland"),
    ("N", "Northern Ireland"),
)
COUNTRIES = (
    ("AU", "Australia"), ("AT", "Austria"), ("BE", "Belgium"), ("BR", "Brazil"),
    ("BAT", "British Antarctic Territory"), ("CA", "Canada"), ("CN", "China"), ("CY", "Cyprus"),
    ("CZ", "Czechia"), ("DK", "Denmark"), ("EG", "Egypt"), ("FI", "Finland"), ("FR", "France"),
    ("DE", "Germany"), ("GI", "Gibraltar"), ("GR", "Greece"), ("GG", "Guernsey"),
    ("HK", "Hong Kong"), ("IN", "India"), ("IE", "Ireland"), ("IM", "Isle of Man"),
    ("IT", "Italy"), ("JP", "Japan"), ("JE", "Jersey"), ("MT", "Malta"), ("MX", "Mexico"),
    ("NL", "Netherlands"), ("NZ", "New Zealand"), ("NO", "Norway"), ("PK", "Pakistan"),
    ("PL", "Poland"), ("PT", "Portugal"), ("SG", "Singapore"), ("ZA", "South Africa"),
    ("ES", "Spain"), ("SE", "Sweden"), ("CH", "Switzerland"), ("AE", "United Arab Emirates"),
    ("GB", "United Kingdom"), ("US", "United States"),
)
DEPARTMENTS = (
    ("CO", "Cabinet Office"),
    ("DBT", "Department for Business and Trade"),
    ("DCMS", "Department for Culture, Media and Sport"),
    ("DfE", "Department for Education"),
    ("DEFRA", "Department for Environment, Food and Rural Affairs"),
    ("DHSC", "Department of Health and Social Care"),
    ("DfT", "Department for Transport"),
    ("DWP", "Department for Work and Pensions"),
    ("FCDO", "Foreign, Commonwealth and Development Office"),
    ("HMT", "HM Treasury"),
    ("HO", "Home Office"),
    ("MHCLG", "Ministry of Housing, Communities and Local Government"),
    ("MoD", "Ministry of Defence"),
    ("MoJ", "Ministry of Justice"),
)
TOPICS = (
    "animals", "benefits", "business", "covid-19", "culture", "defence", "economy", "education",
    "environment", "europe", "health", "housing", "immigration", "justice", "london", "parliament",
    "policing", "science", "transport", "welfare",
)
REJECTIONS = ("duplicate", "irrelevant", "no-action", "honours", "fake-name", "foi")
SYLLABLES = (
    "ab", "ac", "al", "an", "ar", "as", "be", "ca", "ce", "ci", "co", "de", "di", "do", "el", "en",
    "er", "es", "fa", "ge", "ha", "he", "in", "is", "la", "le", "li", "lo", "ma", "me", "mi", "na",
    "ne", "no", "or", "pa", "pe", "po", "ra", "re", "ri", "ro", "sa", "se", "si", "so", "ta", "te",
    "ti", "to", "tu", "un", "va", "ve", "vi", "wa", "we",
)
# fmt: on


# --- input generation -----------------------------------------------------------------


@dataclass(frozen=True)
class Corpus:
    lists: Path
    singles: Path
    files: int
    petitions_in_lists: int
    petitions_in_singles: int
    megabytes: float


class Generator:
    """Realistic petitions from a seeded random source; the same seed gives the same bytes."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        rng = self.rng
        self.words = [
            "".join(rng.choices(SYLLABLES, k=rng.choice((1, 2, 2, 3, 3, 4)))) for _ in range(3000)
        ]
        # A few words as the site sends them: curly quotes, accents, pound signs.
        self.words += ["£250", "café", "don’t", "“fair”", "naïve", "Zoë", "–"]
        self.people = [f"{self._name()} {self._name()}" for _ in range(400)]
        self.constituencies = [
            (f"{self._name()} and {self._name()}", f"E1400{1000 + i:04d}")
            for i in range(CONSTITUENCIES)
        ]
        self.mps = [
            None if rng.random() < 0.01 else f"{rng.choice(self.people)} MP"
            for _ in range(CONSTITUENCIES)
        ]

    def _name(self) -> str:
        return "".join(self.rng.choices(SYLLABLES, k=self.rng.randint(2, 4))).capitalize()

    def text(self, low: int, high: int) -> str:
        """Sentences of ``low`` to ``high`` characters."""
        rng = self.rng
        size = rng.randint(low, high)
        words = rng.choices(self.words, k=size // 5 + 1)
        out = " ".join(words)[: size - 1].rstrip().capitalize() + "."
        return out

    def stamp(self, at: datetime) -> str:
        return at.isoformat(timespec="milliseconds").removesuffix("+00:00") + "Z"

    def petition(self, pid: int, *, published: bool) -> dict[str, Any]:
        """A list-page petition object (section 3 without the single-view-only blocks)."""
        rng = self.rng
        created = datetime(2020, 1, 1, tzinfo=UTC) + timedelta(
            seconds=rng.randrange(5 * 365 * 86400)
        )
        roll = rng.random()
        state = "open" if roll < 0.15 else "closed" if published or roll < 0.8 else "rejected"
        # Petitions fetched one by one here are the better-signed ones that clerks work on.
        low = 2.5 if published else 0.3
        count = int(10 ** rng.uniform(low, 5.8)) if state != "rejected" else rng.randint(1, 20)
        moderated = created + timedelta(hours=rng.randint(2, 200))
        opened = moderated + timedelta(days=rng.randint(1, 14)) if state != "rejected" else None
        closed = opened + timedelta(days=182) if opened and state == "closed" else None
        response_at = (
            opened + timedelta(days=rng.randint(5, 60)) if opened and count >= 10_000 else None
        )
        debate_at = (
            opened + timedelta(days=rng.randint(20, 120)) if opened and count >= 100_000 else None
        )
        responded = response_at is not None and rng.random() < 0.9
        debated = debate_at is not None and rng.random() < 0.7
        debate_day = (
            (debate_at + timedelta(days=rng.randint(20, 60))).date()
            if debated and debate_at
            else None
        )
        updated = max(t for t in (created, moderated, opened, closed, response_at, debate_at) if t)
        updated += timedelta(seconds=rng.randint(1, 86400))
        attributes: dict[str, Any] = {
            "action": self.text(30, 80),
            "background": self.text(100, 300),
            "additional_details": self.text(200, 800) if rng.random() < 0.8 else None,
            "committee_note": self.text(100, 400) if rng.random() < 0.01 else None,
            "state": state,
            "signature_count": count,
        }
        if state == "open":
            attributes["closing_date"] = (
                (opened + timedelta(days=182)).date().isoformat() if opened else None
            )
        attributes.update(
            created_at=self.stamp(created),
            updated_at=self.stamp(updated),
            rejected_at=self.stamp(moderated) if state == "rejected" else None,
            opened_at=self.stamp(opened) if opened else None,
            closed_at=self.stamp(closed) if closed else None,
            moderation_threshold_reached_at=self.stamp(created + timedelta(hours=1)),
            response_threshold_reached_at=self.stamp(response_at) if response_at else None,
            government_response_at=self.stamp(response_at + timedelta(days=9))
            if responded and response_at
            else None,
            debate_threshold_reached_at=self.stamp(debate_at) if debate_at else None,
            debate_scheduled_on=debate_at.date().isoformat() if debated and debate_at else None,
            scheduled_debate_date=debate_day.isoformat() if debate_day else None,
            debate_outcome_at=self.stamp(updated - timedelta(hours=1)) if debated else None,
            creator_name=rng.choice(self.people) if state == "open" else None,
            rejection=(
                {
                    "code": rng.choice(REJECTIONS),
                    "details": self.text(50, 400) if rng.random() < 0.5 else None,
                }
                if state == "rejected"
                else None
            ),
            government_response=self._response(response_at) if responded and response_at else None,
            debate=self._debate(debate_day) if debated else None,
            departments=[
                {
                    "acronym": acronym,
                    "name": name,
                    "url": f"https://www.gov.uk/government/organisations/{acronym.lower()}",
                }
                for acronym, name in sorted(
                    rng.sample(DEPARTMENTS, rng.choice((0, 1, 1, 1, 2))), key=lambda d: d[1]
                )
            ],
            topics=sorted(rng.sample(TOPICS, rng.choice((0, 1, 1, 2, 3)))),
        )
        return {
            "type": "petition",
            "id": pid,
            "links": {"self": f"{SITE}/petitions/{pid}.json"},
            "attributes": attributes,
        }

    def _response(self, at: datetime) -> dict[str, Any]:
        at += timedelta(days=9)
        return {
            "responded_on": at.date().isoformat(),
            "summary": self.text(80, 200),
            "details": self.text(600, 3000),
            "created_at": self.stamp(at),
            "updated_at": self.stamp(at + timedelta(minutes=self.rng.randint(0, 600))),
        }

    def _debate(self, day: Any) -> dict[str, Any]:
        slug = f"{day.isoformat()}/debates/{self.rng.randrange(16**8):08X}/Petition"
        return {
            "debated_on": day.isoformat(),
            "transcript_url": f"https://hansard.parliament.uk/commons/{slug}",
            "video_url": f"https://parliamentlive.tv/Event/Index/{self.rng.randrange(16**12):012x}",
            "debate_pack_url": f"{LIBRARY}/cdp-{day.year}-{self.rng.randint(1, 250):04d}/",
            "public_engagement_url": None,
            "debate_summary_url": None,
            "overview": self.text(200, 600),
        }

    def single(self, listed: dict[str, Any]) -> dict[str, Any]:
        """The single view of a listed petition: same data (or newer), plus the breakdowns."""
        rng = self.rng
        attributes = dict(listed["attributes"])
        if rng.random() < 0.25:  # signatures arrived between the two fetches
            attributes["signature_count"] += rng.randint(1, 500)
            later = datetime.fromisoformat(attributes["updated_at"]) + timedelta(
                minutes=rng.randint(1, 90)
            )
            attributes["updated_at"] = self.stamp(later)
        total = attributes["signature_count"]
        uk = int(total * 0.95)
        abroad = [c for c in COUNTRIES if c[0] != "GB"]
        listed_countries = sorted(
            [*rng.sample(abroad, rng.randint(30, 39)), ("GB", "United Kingdom")], key=lambda c: c[1]
        )
        countries = [
            {
                "name": name,
                "code": code,
                "signature_count": uk if code == "GB" else rng.randint(0, max(1, total // 400)),
            }
            for code, name in listed_countries
        ]
        per_seat = [rng.random() for _ in range(CONSTITUENCIES)]
        scale = uk / sum(per_seat)
        seats = [int(share * scale) for share in per_seat]
        constituencies = [
            {"name": name, "ons_code": code, "mp": mp, "signature_count": n}
            for (name, code), mp, n in zip(self.constituencies, self.mps, seats, strict=True)
        ]
        regions = [
            {"name": name, "ons_code": code, "signature_count": sum(seats[i :: len(REGIONS)])}
            for i, (code, name) in enumerate(REGIONS)
        ]
        attributes.update(
            signatures_by_country=countries,
            signatures_by_constituency=constituencies,
            signatures_by_region=regions,
            other_parliamentary_business=self._business(attributes),
        )
        return {
            "links": {"self": f"{SITE}/petitions/{listed['id']}.json"},
            "data": {"type": "petition", "id": listed["id"], "attributes": attributes},
        }

    def _business(self, attributes: dict[str, Any]) -> list[dict[str, Any]]:
        rng = self.rng
        updated = datetime.fromisoformat(attributes["updated_at"])
        items = []
        for n in range(rng.choice((0, 0, 1, 1, 2, 3))):
            at = updated - timedelta(days=30 * (n + 1), hours=rng.randint(0, 23))
            response = attributes["government_response"]
            if n == 0 and response and rng.random() < 0.2:
                subject = "Original Government response"
                body = f"{self.text(80, 200)}\n\n{self.text(600, 2500)}"
            else:
                subject = self.text(30, 150)
                body = self.text(300, 3000)
            items.append(
                {
                    "subject": subject,
                    "body": body,
                    "occurred_on": at.date().isoformat(),
                    "created_at": self.stamp(at),
                    "updated_at": self.stamp(at + timedelta(minutes=rng.randint(0, 300))),
                }
            )
        return sorted(items, key=lambda i: i["created_at"])


def dump(document: Any) -> bytes:
    """Compact JSON as the site sends it (UTF-8, no spaces)."""
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def generate(folder: Path, seed: int = SEED) -> Corpus:
    lists, singles = folder / "lists", folder / "singles"
    lists.mkdir()
    singles.mkdir()
    gen = Generator(seed)
    size = 0
    for page in range(1, LIST_PAGES + 1):
        first = FIRST_ID + (page - 1) * PER_PAGE
        # The petition whose single view is also fetched is never rejected (no breakdowns).
        chosen = first + gen.rng.randrange(PER_PAGE)
        items = [
            gen.petition(pid, published=pid == chosen) for pid in range(first, first + PER_PAGE)
        ]
        url = f"{SITE}/petitions.json?count=50&state=all"
        page_document = {
            "links": {
                "self": f"{url}&page={page}" if page > 1 else url,
                "first": url,
                "last": f"{url}&page={LIST_PAGES}",
                "next": f"{url}&page={page + 1}" if page < LIST_PAGES else None,
                "prev": (f"{url}&page={page - 1}" if page > 2 else url) if page > 1 else None,
            },
            "data": items,
        }
        content = dump(page_document)
        (lists / f"petitions-page-{page:05d}.json").write_bytes(content)
        single = dump(gen.single(next(i for i in items if i["id"] == chosen)))
        (singles / f"petition-{chosen}.json").write_bytes(single)
        size += len(content) + len(single)
    return Corpus(lists, singles, 2 * LIST_PAGES, LIST_PAGES * PER_PAGE, SINGLES, size / 1e6)


# --- measurements ---------------------------------------------------------------------


@dataclass(frozen=True)
class Timing:
    """Wall-clock seconds, and this process's CPU seconds (steadier on a busy machine)."""

    files: int
    petitions: int
    seconds: float
    cpu_seconds: float

    @property
    def rate(self) -> float:
        return self.petitions / self.seconds


@dataclass(frozen=True)
class Results:
    corpus: Corpus
    generate_seconds: float
    ours_lists: Timing
    ours_singles: Timing
    base_lists: Timing
    base_singles: Timing
    reimport: Timing
    summaries: dict[str, ImportSummary]

    @property
    def list_ratio(self) -> float:
        return self.ours_lists.seconds / self.base_lists.seconds

    @property
    def single_ratio(self) -> float:
        return self.ours_singles.seconds / self.base_singles.seconds

    @property
    def list_cpu_ratio(self) -> float:
        return self.ours_lists.cpu_seconds / self.base_lists.cpu_seconds

    @property
    def single_cpu_ratio(self) -> float:
        return self.ours_singles.cpu_seconds / self.base_singles.cpu_seconds


class Clock:
    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def timing(self, files: int, petitions: int) -> Timing:
        wall, cpu = time.perf_counter() - self.wall, time.process_time() - self.cpu
        return Timing(files, petitions, wall, cpu)


def _files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.json"))


def run_ours(
    folder: Path, corpus: Corpus
) -> tuple[Timing, Timing, Timing, dict[str, ImportSummary]]:
    database = open_database(str(folder / "ours.sqlite3"))
    try:
        summaries = {}
        timings = []
        # The re-import names both folders, not their parent: the databases live there too.
        for name, paths, petitions in (
            ("lists", [corpus.lists], corpus.petitions_in_lists),
            ("singles", [corpus.singles], corpus.petitions_in_singles),
            (
                "reimport",
                [corpus.lists, corpus.singles],
                corpus.petitions_in_lists + corpus.petitions_in_singles,
            ),
        ):
            clock = Clock()
            summary = import_paths(database.engine, paths)
            timings.append(clock.timing(summary.files, petitions))
            summaries[name] = summary
    finally:
        database.dispose()
    lists, singles, reimport = timings
    return lists, singles, reimport, summaries


BASELINE_SCHEMA = f"""
CREATE TABLE petitions (id INTEGER PRIMARY KEY, {", ".join(SCALARS)}, raw_json TEXT);
CREATE TABLE country_signatures (
    petition_id INTEGER, position INTEGER, name TEXT, code TEXT, signature_count INTEGER,
    PRIMARY KEY (petition_id, position));
CREATE TABLE region_signatures (
    petition_id INTEGER, position INTEGER, name TEXT, ons_code TEXT, signature_count INTEGER,
    PRIMARY KEY (petition_id, position));
CREATE TABLE constituency_signatures (
    petition_id INTEGER, position INTEGER, name TEXT, ons_code TEXT, mp TEXT,
    signature_count INTEGER, PRIMARY KEY (petition_id, position));
"""
INSERT_PETITION = f"INSERT OR REPLACE INTO petitions VALUES ({', '.join('?' * (len(SCALARS) + 2))})"


def _petition_row(item: dict[str, Any], raw: str) -> tuple[Any, ...]:
    attributes = item["attributes"]
    return (item["id"], *[attributes.get(name) for name in SCALARS], raw)


def _baseline_file(connection: sqlite3.Connection, path: Path) -> int:
    text = path.read_bytes().decode("utf-8")
    data = json.loads(text)["data"]
    with connection:  # one transaction per file
        if isinstance(data, list):
            rows = [
                _petition_row(item, json.dumps(item, ensure_ascii=False, separators=(",", ":")))
                for item in data
            ]
            connection.executemany(INSERT_PETITION, rows)
            return len(rows)
        pid = data["id"]
        attributes = data["attributes"]
        connection.execute(INSERT_PETITION, _petition_row(data, text))
        connection.executemany(
            "INSERT INTO country_signatures VALUES (?, ?, ?, ?, ?)",
            [
                (pid, i, c["name"], c.get("code"), c["signature_count"])
                for i, c in enumerate(attributes["signatures_by_country"])
            ],
        )
        connection.executemany(
            "INSERT INTO region_signatures VALUES (?, ?, ?, ?, ?)",
            [
                (pid, i, r["name"], r["ons_code"], r["signature_count"])
                for i, r in enumerate(attributes["signatures_by_region"])
            ],
        )
        connection.executemany(
            "INSERT INTO constituency_signatures VALUES (?, ?, ?, ?, ?, ?)",
            [
                (pid, i, c["name"], c["ons_code"], c["mp"], c["signature_count"])
                for i, c in enumerate(attributes["signatures_by_constituency"])
            ],
        )
        return 1


def run_baseline(folder: Path, corpus: Corpus) -> tuple[Timing, Timing]:
    connection = sqlite3.connect(folder / "baseline.sqlite3")
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
        connection.executescript(BASELINE_SCHEMA)
        timings = []
        for path in (corpus.lists, corpus.singles):
            files = _files(path)
            clock = Clock()
            petitions = sum(_baseline_file(connection, f) for f in files)
            timings.append(clock.timing(len(files), petitions))
    finally:
        connection.close()
    return timings[0], timings[1]


def run(seed: int = SEED) -> Results:
    with tempfile.TemporaryDirectory(prefix="caseworker-bench-") as name:
        folder = Path(name)
        start = time.perf_counter()
        corpus = generate(folder, seed)
        generated = time.perf_counter() - start
        base_lists, base_singles = run_baseline(folder, corpus)
        ours_lists, ours_singles, reimport, summaries = run_ours(folder, corpus)
    return Results(
        corpus, generated, ours_lists, ours_singles, base_lists, base_singles, reimport, summaries
    )


def report(results: Results) -> Iterator[str]:
    c = results.corpus
    yield (
        f"import benchmark, seed {SEED}: {LIST_PAGES} list pages of {PER_PAGE} petitions, "
        f"{SINGLES} single files of {CONSTITUENCIES} constituencies"
    )
    yield f"generated {c.files} files ({c.megabytes:.0f} MB) in {results.generate_seconds:.1f} s"
    yield f"{'':22}{'files':>7}{'petitions':>11}{'seconds':>10}{'petitions/s':>13}{'cpu s':>9}"
    for label, timing in (
        ("list pages  ours", results.ours_lists),
        ("list pages  baseline", results.base_lists),
        ("single files ours", results.ours_singles),
        ("single files baseline", results.base_singles),
    ):
        yield (
            f"{label:22}{timing.files:>7}{timing.petitions:>11}"
            f"{timing.seconds:>10.2f}{timing.rate:>13,.0f}{timing.cpu_seconds:>9.2f}"
        )
    for label, ratio, cpu_ratio in (
        ("list pages  ", results.list_ratio, results.list_cpu_ratio),
        ("single files", results.single_ratio, results.single_cpu_ratio),
    ):
        yield (
            f"{label} ratio ours/baseline: {ratio:.2f} (target <= {TARGET_RATIO}); "
            f"in CPU time {cpu_ratio:.2f}"
        )
    r = results.reimport
    yield f"re-import of all {r.files} files (every capture known): {r.seconds:.2f} s"
    for name, summary in results.summaries.items():
        yield f"  {name}: {summary.line()}"


# --- pytest entry points (``make bench``) ---------------------------------------------

_cache: dict[int, Results] = {}


def results() -> Results:
    """One run per process, shared by the tests below."""
    if SEED not in _cache:
        _cache[SEED] = run()
        print()
        for line in report(_cache[SEED]):
            print(line)
    return _cache[SEED]


def test_every_capture_imported() -> None:
    r = results()
    petitions = r.corpus.petitions_in_lists
    assert (
        r.summaries["lists"].line()
        == f"{LIST_PAGES:,} files: {petitions:,} petitions imported, 0 updated, 0 unchanged; "
        "0 files failed"
    )
    assert (
        r.summaries["singles"].line()
        == f"{SINGLES:,} files: 0 petitions imported, {SINGLES:,} updated, 0 unchanged; "
        "0 files failed"
    )


def _rates(ours: Timing, baseline: Timing) -> str:
    ratio = ours.seconds / baseline.seconds
    return f"{ours.rate:,.0f} petitions/s, baseline {baseline.rate:,.0f}, ratio {ratio:.2f}"


def test_list_pages_within_target() -> None:
    r = results()
    print(f"list pages: {_rates(r.ours_lists, r.base_lists)}")
    ratio = r.list_ratio
    assert ratio <= TARGET_RATIO, f"list pages take {ratio:.2f} times the baseline"


def test_single_files_within_target() -> None:
    r = results()
    print(f"single files: {_rates(r.ours_singles, r.base_singles)}")
    ratio = r.single_ratio
    assert ratio <= TARGET_RATIO, f"single files take {ratio:.2f} times the baseline"


def test_reimport_skips_known_captures() -> None:
    r = results()
    total = r.corpus.petitions_in_lists + r.corpus.petitions_in_singles
    assert r.summaries["reimport"].line() == (
        f"{r.corpus.files:,} files: 0 petitions imported, 0 updated, {total:,} unchanged; "
        "0 files failed"
    )
    print(f"re-import: {r.reimport.seconds:.2f} s for {r.reimport.files} files")
    # Hashing a known file must cost far less than importing it.
    assert r.reimport.seconds < (r.ours_lists.seconds + r.ours_singles.seconds) / 5


def main() -> int:
    r = results()
    ok = r.list_ratio <= TARGET_RATIO and r.single_ratio <= TARGET_RATIO
    print("target met" if ok else "target NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
