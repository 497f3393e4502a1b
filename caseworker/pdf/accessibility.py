"""What an untagged ReportLab PDF can still tell assistive technology and catalogues.

Open-source ReportLab writes no structure tree, so the PDFs are not tagged (see the README).
Within that limit every document gets:

- its language in the catalogue (``/Lang``, ReportLab's ``lang``; set by the templates);
- an XMP metadata stream (title, author, subject, keywords, language, producer, dates)
  matching the document information dictionary, which archives and PDF/UA checkers read;
- a description (``/Contents``) on every link annotation: the address for a web link,
  the heading's words for a link within the document (contents entries);
- running headers and footers marked as pagination artifacts (``/Artifact BDC … EMC``),
  so a reader that honours marked content does not read "Page 3 of 17" into the text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from functools import partial
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfdoc import XMP, PDFString
from reportlab.pdfgen.canvas import Canvas

if TYPE_CHECKING:  # document.py uses this module
    from caseworker.pdf.document import DocumentInfo

CREATOR_TOOL = "Petitions caseworker"
#: The XMP packet wrapper's fixed id (from the XMP specification).
PACKET_ID = "W5M0MpCehiHzreSzNTczkc9d"


class AccessibleCanvas(Canvas):  # type: ignore[misc]
    """A canvas that writes XMP metadata and describes every link it is asked to make.

    ``link_names`` maps an in-document destination (a heading's bookmark key) to words
    describing it; it may fill in as the document is laid out (contents come first).
    """

    def __init__(
        self,
        *args: Any,
        info: DocumentInfo,
        link_names: Mapping[str, str] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._link_names = link_names if link_names is not None else {}
        self._doc.Catalog.Metadata = xmp_stream(info)

    def linkURL(self, url: str, rect: Any, *args: Any, **kwargs: Any) -> None:  # noqa: N802
        kwargs.setdefault("Contents", PDFString(f"Link to {url}"))
        super().linkURL(url, rect, *args, **kwargs)

    def linkRect(  # noqa: N802 - ReportLab's name
        self, contents: str, destinationname: str, *args: Any, **kwargs: Any
    ) -> Any:
        if not contents:
            place = self._link_names.get(destinationname)
            contents = f"Go to {place}" if place else "Go to a place in this document"
        return super().linkRect(contents, destinationname, *args, **kwargs)


def canvas_maker(
    info: DocumentInfo, link_names: Mapping[str, str] | None = None
) -> Callable[..., AccessibleCanvas]:
    """A ``canvasmaker`` for ``build``/``multiBuild`` of any ReportLab document template."""
    return partial(AccessibleCanvas, info=info, link_names=link_names)


@contextmanager
def artifact(canvas: Canvas, kind: str) -> Iterator[None]:
    """Mark what is drawn inside as a pagination artifact (``kind``: Header or Footer).

    The marked-content operators go round the graphics state save and restore, so the two
    nest properly as the PDF specification requires.
    """
    canvas.addLiteral(f"/Artifact <</Type /Pagination /Subtype /{kind}>> BDC")
    try:
        yield
    finally:
        canvas.addLiteral("EMC")


def xmp_stream(info: DocumentInfo) -> XMP:
    """The metadata stream, its dates those of the document information dictionary."""
    return _PlainXMP(creator=lambda doc: xmp_packet(info, doc).encode("utf-8"))


class _PlainXMP(XMP):  # type: ignore[misc]
    """Written uncompressed (no /Filter), as PDF/A asks and tools scanning for XMP expect."""

    def format(self, document: Any) -> bytes:
        compressing = document.defaultStreamFilters
        document.defaultStreamFilters = None
        try:
            return bytes(super().format(document))
        finally:
            document.defaultStreamFilters = compressing


def xmp_packet(info: DocumentInfo, doc: Any) -> str:
    """The XMP packet for ``info``; ``doc`` (ReportLab's PDFDocument) gives the time stamp
    and producer it also writes into the information dictionary."""
    when = _iso_moment(doc._timeStamp)
    keywords = ", ".join(info.keywords)
    subjects = "".join(f"<rdf:li>{escape(k)}</rdf:li>" for k in info.keywords)
    return f"""<?xpacket begin="\ufeff" id="{PACKET_ID}"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
 xmlns:xmp="http://ns.adobe.com/xap/1.0/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(info.title)}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>{escape(info.author)}</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{escape(info.subject)}</rdf:li></rdf:Alt></dc:description>
<dc:language><rdf:Bag><rdf:li>{escape(info.language)}</rdf:li></rdf:Bag></dc:language>
<dc:subject><rdf:Bag>{subjects}</rdf:Bag></dc:subject>
<pdf:Producer>{escape(str(doc.info.producer))}</pdf:Producer>
<pdf:Keywords>{escape(keywords)}</pdf:Keywords>
<xmp:CreatorTool>{CREATOR_TOOL}</xmp:CreatorTool>
<xmp:CreateDate>{when}</xmp:CreateDate>
<xmp:ModifyDate>{when}</xmp:ModifyDate>
<xmp:MetadataDate>{when}</xmp:MetadataDate>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="r"?>"""  # noqa: E501 - one element a line reads best


def _iso_moment(stamp: Any) -> str:
    """ReportLab's time stamp (local time and its offset) as an XMP date."""
    year, month, day, hour, minute, second = stamp.YMDhms
    sign = "-" if stamp.dhh < 0 else "+"
    return (
        f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}"
        f"{sign}{abs(stamp.dhh):02d}:{abs(stamp.dmm):02d}"
    )
