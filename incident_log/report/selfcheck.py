"""The report reads itself back before it is written: the last line of defence against a leak.

reportlab compresses page streams and subsets fonts, so the bytes prove nothing; the check
extracts the text the way a reader's PDF viewer would (pypdf, a runtime dependency for this
reason), adds the document metadata and any outline or annotation text, and hands it to the
independent check (``redaction.check``), which shares no matching code with the redactor and
ignores the report's own wording.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable

from incident_log.redaction.check import Hit
from incident_log.report.content import ReportContent
from incident_log.report.options import RedactorLike


def extract(pdf: bytes, progress: Callable[[int, int], None] | None = None) -> tuple[list[str], str]:
    """(text of each page, metadata + outline + annotation text).

    Page text comes from PDFium (``pypdfium2``): the engine of Chrome's viewer, so the text is
    what a reader selects and copies, and about ten times faster than pypdf on a long report.
    pypdf reads the document's metadata, outline and annotations.
    """
    import pypdfium2
    from pypdf import PdfReader
    from pypdf.generic import NameObject

    pages: list[str] = []
    document = pypdfium2.PdfDocument(pdf)
    try:
        total = len(document)
        for number in range(total):
            page = document[number]
            textpage = page.get_textpage()
            pages.append(textpage.get_text_bounded())
            textpage.close()
            page.close()
            if progress is not None:
                progress(number + 1, total)
    finally:
        document.close()
    reader = PdfReader(io.BytesIO(pdf))
    extra: list[str] = []
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            obj = annot.get_object()
            for key in ("/Contents", "/T", "/TU", "/V"):
                if key in obj:
                    extra.append(str(obj[key]))
    meta: dict[str, object] = dict(reader.metadata or {})
    # Text values only: a PDF name such as /Trapped /False is the format's own flag, never shown
    # (it refused the copy of a person called FALSE).
    extra.extend(str(value) for value in meta.values() if not isinstance(value, NameObject))
    extra.extend(_outline_titles(reader.outline))
    return pages, "\n".join(extra)


def _outline_titles(outline: object) -> list[str]:
    titles: list[str] = []
    if isinstance(outline, list):
        for item in outline:
            titles.extend(_outline_titles(item))
    else:
        title = getattr(outline, "title", None)
        if title:
            titles.append(str(title))
    return titles


def leaks_in(
    pdf: bytes,
    redactor: RedactorLike,
    furniture: Iterable[str],
    content: ReportContent,
    progress: Callable[[int, int], None] | None = None,
) -> list[Hit]:
    """The independent check on the finished PDF, in the incident's content only.

    Each hit is located in the content (the entry it came from), so the message can say where.
    """
    from incident_log.redaction.check import check, tokens

    pages, extra = extract(pdf, progress)
    rows = [
        (row.seq, [t for t, _ in tokens(" ".join((row.text, row.details, row.note, row.flagged, *row.struck)))])
        for row in content.timeline
    ]

    def locate(seq: tuple[str, ...]) -> str:
        n = len(seq)
        for number, words in rows:
            if any(tuple(words[i : i + n]) == seq for i in range(len(words) - n + 1)):
                return f"entry #{number}"
        return "the cover, the boards or the people pages"

    # A reference in the program's own form (NEG-2026-1121, what the logbook gives by default) is
    # the report's own wording: a callsign "NEG" must never refuse the report. A reference typed
    # by someone is checked like content: "Ibarra-7" printed on every page is a real leak.
    own = list(furniture)
    if _PROGRAM_REF.fullmatch(content.ref):
        own += [content.ref, f"Debrief report {content.ref}", content.verify_command]
    return check([*pages, extra], own, redactor.check_targets(), locate=locate)


_PROGRAM_REF = re.compile(r"NEG-\d{4}-\d{1,6}")
