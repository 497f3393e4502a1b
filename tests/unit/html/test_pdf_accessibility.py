"""What the untagged PDF tells assistive technology: language, XMP metadata, described
links, running headers and footers marked as artifacts. Read back with pypdf."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from caseworker.services.briefing import BriefingService

RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
DC = "{http://purl.org/dc/elements/1.1/}"


@pytest.fixture(scope="module")
def pack(capture_service: BriefingService, tmp_path_factory: pytest.TempPathFactory) -> PdfReader:
    path = tmp_path_factory.mktemp("tagging") / "pack.pdf"
    capture_service.write_pack([700001], path)
    return PdfReader(path)


def links(reader: PdfReader) -> list[DictionaryObject]:
    found = []
    for page in reader.pages:
        for ref in page.get("/Annots") or []:
            annotation = ref.get_object()
            if annotation.get("/Subtype") == "/Link":
                found.append(annotation)
    return found


def test_the_document_language_is_set(pack: PdfReader) -> None:
    assert pack.trailer["/Root"]["/Lang"] == "en-GB"


def test_xmp_metadata_matches_the_information_dictionary(pack: PdfReader) -> None:
    xmp = pack.xmp_metadata
    info = pack.metadata
    assert xmp is not None and info is not None
    assert xmp.dc_title == {"x-default": info.title}
    assert xmp.dc_creator == [info.author]
    assert xmp.dc_description == {"x-default": info.subject}
    assert xmp.dc_language == ["en-GB"]
    assert xmp.pdf_producer == info["/Producer"]
    assert xmp.pdf_keywords == info["/Keywords"]
    created = xmp.xmp_create_date
    assert created is not None and info.creation_date is not None
    assert created.replace(tzinfo=None) == info.creation_date.replace(tzinfo=None)


def test_the_xmp_stream_is_plain_well_formed_utf8(pack: PdfReader) -> None:
    stream = pack.trailer["/Root"]["/Metadata"].get_object()
    assert "/Filter" not in stream  # readable by tools that scan for the packet
    root = ET.fromstring(stream.get_data().decode("utf-8").split("?>", 1)[1].rsplit("<?", 1)[0])
    title = root.find(f".//{DC}title/{RDF}Alt/{RDF}li")
    assert title is not None and title.text is not None and "“curly”" in title.text


def test_every_link_is_described(pack: PdfReader) -> None:
    found = links(pack)
    web = [a for a in found if "/A" in a]
    inside = [a for a in found if "/Dest" in a]
    assert web and inside
    assert all(a.get("/Contents") == f"Link to {a['/A']['/URI']}" for a in web)
    assert "Go to 3 Signatures" in {a.get("/Contents") for a in inside}
    assert all(str(a.get("/Contents", "")).startswith("Go to ") for a in inside)


def test_running_headers_and_footers_are_artifacts(pack: PdfReader) -> None:
    for number, page in enumerate(pack.pages, start=1):
        stream = page.get_contents()
        assert stream is not None
        content = stream.get_data().decode("latin-1")
        footers = re.findall(
            r"/Artifact <</Type /Pagination /Subtype /Footer>> BDC(.*?)EMC", content, re.S
        )
        assert len(footers) == 1 and f"(Page {number} of {len(pack.pages)})" in footers[0]
        outside = re.sub(r"/Artifact <<[^>]*>> BDC.*?EMC", "", content, flags=re.S)
        assert "(Page " not in outside
        if number > 1:  # body pages carry the running header
            assert "/Subtype /Header>> BDC" in content
