"""Letters from the editable templates, read back from the PDF and the text file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from caseworker.letters.templates import DEFAULT_TEMPLATES, LetterKind
from caseworker.services.casework import CaseworkError, CaseworkServices, write_letter
from tests.unit.casework.story import PID, MovableClock

HOSTILE = 'It ignores <b>mandatory</b> training & "staff" — Ysgol Gŵyr’s too.'


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def test_request_letter_as_pdf_and_text(alice: CaseworkServices, tmp_path: Path) -> None:
    request = alice.requests.create(PID, HOSTILE)
    letter = alice.letters.request_letter(request.id)
    assert letter.dated == request.sent_on  # the request letter bears the day it was sent
    write_letter(letter, tmp_path / "letter.pdf")
    write_letter(letter, tmp_path / "letter.txt")
    text = " ".join((tmp_path / "letter.txt").read_text(encoding="utf-8").split())
    printed = pdf_text(tmp_path / "letter.pdf")
    for expected in (
        "e-petition 724432",
        "Make neurodiversity training mandatory for all education staff",
        "4 June 2025",
        "11 July 2025",
        "To: Department for Education",
        f"PC/{PID}/{request.id}R",
    ):
        assert expected in text
        assert expected in printed
    assert HOSTILE in text
    assert HOSTILE in printed  # markup printed literally, Welsh letters and dashes intact
    reader = PdfReader(tmp_path / "letter.pdf")
    fonts = [f.get_object() for f in reader.pages[0]["/Resources"]["/Font"].values()]
    assert fonts and all("/FontDescriptor" in f or "/DescendantFonts" in f for f in fonts), (
        "every font is embedded"
    )
    assert reader.metadata is not None
    assert reader.metadata.title == f"e-petition {PID}: {letter.subject.split(': ', 1)[1]}"


def test_chaser_counts_chases_and_uses_its_own_template(
    alice: CaseworkServices, clock: MovableClock
) -> None:
    request = alice.requests.create(PID, "Not answered.")
    assert alice.letters.request_letter(request.id, LetterKind.CHASER).reference.endswith(
        f"{request.id}C1"
    )
    clock.set(date(2025, 7, 14))
    request = alice.requests.chase(request.id, request.version)
    letter = alice.letters.request_letter(request.id, LetterKind.CHASER)
    assert letter.reference.endswith(f"{request.id}C1")  # written with its first chase
    assert "On 20 June 2025 the Petitions Committee asked" in letter.body
    assert letter.dated == date(2025, 7, 14)


def test_an_edited_template_is_used_and_a_bad_one_refused(alice: CaseworkServices) -> None:
    request = alice.requests.create(PID, "Not answered.")
    stored = alice.settings.get().templates[LetterKind.REVISION_REQUEST]
    alice.settings.update(stored.key, "Please revise $petition_number by $due_date. $$5", 0)
    assert (
        alice.letters.request_letter(request.id).body == "Please revise 724432 by 11 July 2025. $5"
    )
    with pytest.raises(CaseworkError, match=r"template.revision_request: \$deadline is not"):
        alice.settings.update(stored.key, "By $deadline", 1)
    with pytest.raises(CaseworkError, match="a \\$ must start a placeholder"):
        alice.settings.update(stored.key, "Costs $ 5", 1)
    assert alice.settings.get().templates[LetterKind.REVISION_REQUEST].value.startswith("Please")


def test_default_templates_use_only_their_own_placeholders() -> None:
    from caseworker.letters.templates import check_template

    for kind, text in DEFAULT_TEMPLATES.items():
        check_template(text, f"template.{kind.value}")


def test_overdue_letter_only_for_an_overdue_petition(
    alice: CaseworkServices, tmp_path: Path
) -> None:
    with pytest.raises(CaseworkError, match="already has a Government response"):
        alice.letters.overdue_letter(PID)


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
