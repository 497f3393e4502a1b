"""Letters in the Committee's register, from the editable templates, read back from the PDF
(pypdf and pdftotext) and the text file."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import update

from caseworker.domain.casework import RequestStatus
from caseworker.letters.compose import as_text
from caseworker.letters.templates import DEFAULT_TEMPLATES, STANDARD, LetterKind, Register
from caseworker.services.casework import CaseworkError, CaseworkServices, Clock, write_letter
from caseworker.services.casework.settings import Recipient
from caseworker.storage import models as m
from caseworker.storage.engine import Database
from tests.unit.casework.story import (
    ORIGINAL,
    PID,
    MovableClock,
    capture,
    import_capture,
    import_revised,
)
from tests.unit.services.captures import single

HOSTILE = 'It ignores <b>mandatory</b> training & "staff" — Ysgol Gŵyr’s too.'
DFE = "Department for Education"
SECRETARY = Recipient(
    DFE, Register.CHAIR, "Rt Hon Bridget Phillipson MP", "Secretary of State for Education",
    "Secretary of State", "Sanctuary Buildings\n20 Great Smith Street\nLondon SW1P 3BT",
)  # fmt: skip
OFFICIALS = Recipient(
    DFE, Register.CLERK, "Sam Official", "Head of Parliamentary Affairs", "Dear Sam"
)


def complete_settings(services: CaseworkServices) -> None:
    """Everything a letter needs: both recipients, both signatories, an email address."""
    services.settings.set_recipient(SECRETARY)
    services.settings.set_recipient(OFFICIALS)
    for key, value in (
        ("chair", "Jamie Stone MP"),
        ("signatory", "Ann Clerk"),
        ("committee_email", "petitionscommittee@example.org"),
    ):
        services.settings.update(key, value, 0)


def flat(text: str) -> str:
    return " ".join(text.split())


def pdf_text(path: Path) -> str:
    return flat(" ".join(page.extract_text() for page in PdfReader(path).pages))


def pdftotext(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    run = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    return flat(run.stdout.decode("utf-8"))


def test_the_chair_writes_to_the_secretary_of_state_by_name(
    alice: CaseworkServices, tmp_path: Path
) -> None:
    complete_settings(alice)
    request = alice.requests.create(PID, HOSTILE)
    letter = alice.letters.request_letter(request.id)
    assert letter.dated == request.sent_on  # the request letter bears the day it was sent
    assert letter.missing == () and not letter.draft
    write_letter(letter, tmp_path / "letter.pdf")
    write_letter(letter, tmp_path / "letter.txt")
    text = flat((tmp_path / "letter.txt").read_text(encoding="utf-8"))
    for printed in (text, pdf_text(tmp_path / "letter.pdf"), pdftotext(tmp_path / "letter.pdf")):
        for expected in (
            "Rt Hon Bridget Phillipson MP Secretary of State for Education "
            "Department for Education Sanctuary Buildings",
            "Dear Secretary of State,",
            f"e-petition {PID}",
            "Make neurodiversity training mandatory for all education staff",
            "response of 4 June 2025",
            flat(STANDARD),
            "should state clearly whether the Government will do what the petition asks",
            "by 11 July 2025",
            f"https://petition.parliament.uk/petitions/{PID}",
            "Yours sincerely, Jamie Stone MP Chair of the Petitions Committee",
            "Email: petitionscommittee@example.org",
            "London SW1A 0AA",
            f"PC/{PID}/{request.id}R",
            HOSTILE,  # markup printed literally, Welsh letters and dashes intact
        ):
            assert expected in printed
        for gone in ("Dear colleague", "To: ", "Not ready", "DRAFT", "$"):
            assert gone not in printed
    reader = PdfReader(tmp_path / "letter.pdf")
    fonts = [f.get_object() for f in reader.pages[0]["/Resources"]["/Font"].values()]
    assert fonts and all("/FontDescriptor" in f or "/DescendantFonts" in f for f in fonts), (
        "every font is embedded"
    )
    assert reader.metadata is not None
    assert reader.metadata.title == f"e-petition {PID}: {letter.subject.split(': ', 1)[1]}"
    annotations = [a.get_object() for a in reader.pages[0].get("/Annots", [])]
    url = f"https://petition.parliament.uk/petitions/{PID}"
    assert [(a["/A"]["/URI"], a["/Contents"]) for a in annotations] == [(url, f"Link to {url}")]
    xmp = reader.xmp_metadata
    assert xmp is not None and xmp.dc_title == {"x-default": letter.subject}
    assert xmp.dc_language == ["en-GB"]


def test_what_is_not_set_is_said_in_words_not_placeholders(alice: CaseworkServices) -> None:
    letter = alice.letters.request_letter(alice.requests.create(PID, "Not answered.").id)
    text = as_text(letter)
    assert letter.missing == (
        f"no Secretary of State is named for the {DFE} (set one in Casework ▸ Casework settings "
        "▸ Recipients, or `recipients set`)",
        "the Chair's name is not set (Casework ▸ Casework settings, or `letter-settings`)",
        "the Committee's email or telephone number is not set (Casework ▸ Casework settings, "
        "or `letter-settings`)",
    )
    assert flat(text).startswith(
        f"House of Commons, Petitions Committee Not ready to send: no Secretary of State is "
        f"named for the {DFE}"
    )
    assert "Dear colleague" not in text and "$" not in text
    assert "Clerk of the Committee" not in text  # no unnamed signature


def test_the_clerk_chases_officials_dated_the_chase_with_days_overdue_and_a_new_date(
    alice: CaseworkServices, clock: MovableClock
) -> None:
    complete_settings(alice)
    request = alice.requests.create(PID, "Not answered.")  # sent 20 June, due 11 July
    clock.set(date(2025, 7, 14))
    request = alice.requests.chase(request.id, request.version)
    clock.set(date(2025, 7, 30))  # written later: still dated the chase's day
    letter = alice.letters.request_letter(request.id, LetterKind.CHASER)
    assert letter.kind.register is Register.CLERK
    assert letter.dated == date(2025, 7, 14)
    assert letter.reference.endswith(f"{request.id}C1")  # written with its first chase
    body = flat(letter.body)
    assert body.startswith("Dear Sam, On 20 June 2025 the Chair of the Petitions Committee asked")
    assert "due on 11 July 2025. As at 14 July 2025 it had not been received: it is 3 days" in body
    assert "Please send the revised response by 21 July 2025." in body  # 7 days, a setting
    assert letter.to == "Sam Official\nHead of Parliamentary Affairs\nDepartment for Education"
    assert letter.signature_lines == ["Ann Clerk", "Clerk of the Petitions Committee"]


def test_a_chaser_for_a_draft_is_refused(alice: CaseworkServices) -> None:
    draft = alice.requests.create(PID, "Not answered.", status=_draft(), due_on=date(2025, 7, 11))
    with pytest.raises(CaseworkError, match="is a draft that has not been sent") as caught:
        alice.letters.request_letter(draft.id, LetterKind.CHASER)
    assert caught.value.field == "status"


def test_a_draft_request_prints_draft_and_refuses_no_due_date(
    alice: CaseworkServices, tmp_path: Path
) -> None:
    complete_settings(alice)
    undated = alice.requests.create(PID, "Not answered.", status=_draft())
    with pytest.raises(CaseworkError, match="has no due date") as caught:
        alice.letters.request_letter(undated.id)
    assert caught.value.field == "due_on"
    edited = alice.requests.edit(undated.id, undated.version, {"due_on": date(2025, 7, 11)})
    letter = alice.letters.request_letter(edited.id)
    assert letter.draft and letter.dated == date(2025, 6, 20)  # not sent: today
    write_letter(letter, tmp_path / "draft.pdf")
    printed = pdf_text(tmp_path / "draft.pdf")
    # The watermark across the page, then the notice under the letterhead.
    assert printed.startswith("DRAFT House of Commons Petitions Committee DRAFT — the request")
    content = PdfReader(tmp_path / "draft.pdf").pages[0].get_contents()
    assert content is not None
    assert b"/Artifact <</Type /Pagination /Subtype /Watermark>> BDC" in content.get_data()
    assert "(not given)" not in printed and "by 11 July 2025" in printed
    assert as_text(letter).splitlines()[1] == "DRAFT — the request has not been sent"


def test_the_signature_count_is_the_count_on_the_letters_date(
    alice: CaseworkServices, answered: Database, tmp_path: Path
) -> None:
    request = alice.requests.create(PID, "Not answered.")  # sent 20 June: 15,000 then
    import_revised(answered, tmp_path)  # 23,200 by 11 July
    assert "signed by 15,000 people" in flat(alice.letters.request_letter(request.id).body)


def test_a_late_response_is_said_to_be_late_with_its_dates(
    database: Database, tmp_path: Path, clock: MovableClock
) -> None:
    late = {**ORIGINAL, "responded_on": "2025-06-16"}  # due 4 June
    import_capture(database, tmp_path, "late.json", capture(late, "2025-06-17T12:00:00Z", 15_000))
    services = CaseworkServices.open(database, actor="alice", clock=_clock(clock))
    body = flat(services.letters.request_letter(services.requests.create(PID, "No.").id).body)
    assert (
        "The Government's response was published on 16 June 2025, 12 days after it was due on "
        "4 June 2025 (21 days after the petition passed 10,000 signatures on 14 May 2025)."
    ) in body


def test_an_edited_template_is_used_and_a_bad_one_refused(alice: CaseworkServices) -> None:
    complete_settings(alice)
    request = alice.requests.create(PID, "Not answered.")
    stored = alice.settings.get().templates[LetterKind.REVISION_REQUEST]
    alice.settings.update(stored.key, "Please revise $petition_number by $due_date. $$5", 0)
    assert alice.letters.request_letter(request.id).paragraphs == [
        "Dear Secretary of State,",
        "Please revise 724432 by 11 July 2025. $5",
        "Yours sincerely,",
    ]
    with pytest.raises(CaseworkError, match=r"template.revision_request: \$deadline is not"):
        alice.settings.update(stored.key, "By $deadline", 1)
    with pytest.raises(CaseworkError, match="a \\$ must start a placeholder"):
        alice.settings.update(stored.key, "Costs $ 5", 1)
    assert alice.settings.get().templates[LetterKind.REVISION_REQUEST].value.startswith("Please")


def test_default_templates_use_only_their_own_placeholders_and_no_greeting() -> None:
    from caseworker.letters.templates import check_template

    for kind, text in DEFAULT_TEMPLATES.items():
        check_template(text, f"template.{kind.value}")
        assert "Dear" not in text and "Yours" not in text


# The overdue-response letter ------------------------------------------------------------

OVERDUE = 300001


def _waiting(folder: Path, updated_at: str, count: int = 1_234_567) -> dict[str, object]:
    del folder
    return single(
        OVERDUE, action="Fund more buses", signature_count=count,
        response_threshold_reached_at="2019-03-01T10:00:00.000Z", updated_at=updated_at,
        departments=[{"acronym": "DfT", "name": "Department for Transport", "url": None}],
    )  # fmt: skip


def test_overdue_letter_is_refused_when_the_newest_data_predates_the_due_date(
    database: Database, tmp_path: Path, clock: MovableClock
) -> None:
    # Captured once, on 20 March 2019; the response was due on 22 March 2019.
    import_capture(database, tmp_path, "o.json", _waiting(tmp_path, "2019-03-20T12:00:00.000Z"))
    services = CaseworkServices.open(database, actor="alice", clock=_clock(clock))
    with pytest.raises(CaseworkError, match="newest data is from 20 March 2019, before its "
                       "response was due on 22 March 2019"):  # fmt: skip
        services.letters.overdue_letter(OVERDUE)


def test_overdue_letter_counts_to_the_newest_data_with_separators_and_names_the_department(
    database: Database, tmp_path: Path, clock: MovableClock
) -> None:
    import_capture(database, tmp_path, "o.json", _waiting(tmp_path, "2022-07-01T12:00:00.000Z"))
    services = CaseworkServices.open(database, actor="alice", clock=_clock(clock))
    letter = services.letters.overdue_letter(OVERDUE)
    body = flat(letter.body)
    assert "due by 22 March 2019. As at 1 July 2022 no response had been published: it " in body
    assert "was then 1,197 days overdue." in body
    assert "signed by 1,234,567 people" in body
    assert "the Department for Transport would publish its response" in body
    assert letter.to.startswith("Department for Transport")
    assert letter.dated == date(2025, 6, 20)


def test_a_demo_petition_letter_links_to_no_page_on_the_site(
    alice: CaseworkServices, answered: Database
) -> None:
    with answered.writes.begin() as session:
        session.execute(update(m.Petition).where(m.Petition.id == PID).values(is_demo=True))
    letter = alice.letters.request_letter(alice.requests.create(PID, "Not answered.").id)
    assert "petition.parliament.uk" not in as_text(letter)
    assert "published on the petition's page and sent to everyone" in flat(letter.body)


def test_writing_refuses_bad_targets_naming_them(alice: CaseworkServices, tmp_path: Path) -> None:
    letter = alice.letters.request_letter(alice.requests.create(PID, "Not answered.").id)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(CaseworkError, match=r"letter\.docx: the file name must end in"):
        write_letter(letter, out / "letter.docx")
    with pytest.raises(CaseworkError, match="the folder .*missing does not exist"):
        write_letter(letter, tmp_path / "missing" / "letter.pdf")
    write_letter(letter, out / "letter.pdf")
    assert [p.name for p in out.iterdir()] == ["letter.pdf"]  # no temporary file left
    mode = (out / "letter.pdf").stat().st_mode & 0o777
    assert mode & 0o044, "readable by colleagues, like any file the clerk saves"


def _draft() -> RequestStatus:
    return RequestStatus.DRAFT


def _clock(clock: MovableClock) -> Clock:
    return Clock(now=clock)


class _Outline(HTMLParser):
    """The HTML edition's language, headings in order, and every address it would fetch."""

    def __init__(self) -> None:
        super().__init__()
        self.lang, self.headings, self.fetched, self.links = "", [], [], []
        self._heading: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "html":
            self.lang = found.get("lang") or ""
        if tag in ("h1", "h2", "h3"):
            self._heading = tag
        if tag == "a":
            self.links.append(found.get("href") or "")
        self.fetched += [v or "" for k, v in attrs if k == "src" or (tag == "link" and k == "href")]

    def handle_data(self, data: str) -> None:
        if self._heading:
            self.headings.append((self._heading, data.strip()))
            self._heading = None


def test_the_html_edition_has_the_same_words_real_headings_and_fetches_nothing(
    alice: CaseworkServices, tmp_path: Path
) -> None:
    complete_settings(alice)
    letter = alice.letters.request_letter(alice.requests.create(PID, HOSTILE).id)
    write_letter(letter, tmp_path / "letter.html")
    page = (tmp_path / "letter.html").read_text(encoding="utf-8")
    outline = _Outline()
    outline.feed(page)
    assert outline.lang == "en-GB"
    assert outline.headings == [
        ("h1", "Letter from the Petitions Committee: Request for a revised response"),
        ("h2", letter.subject),
    ]
    assert outline.fetched == []
    assert outline.links == [f"https://petition.parliament.uk/petitions/{PID}"]
    inline = re.sub(r"</?a\b[^>]*>", "", page)  # a link is part of its sentence
    words = html.unescape(flat(re.sub(r"<[^>]+>", " ", inline)))
    for paragraph in letter.paragraphs:
        assert flat(paragraph) in words
    assert "Jamie Stone MP Chair of the Petitions Committee" in words
