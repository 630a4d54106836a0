"""The report reads itself back before it is written: the last line of defence against a leak.

reportlab compresses page streams and subsets fonts, so the bytes prove nothing; the check
extracts the text the way a reader's PDF viewer would (pypdf, a runtime dependency for this
reason), adds the document metadata and any outline or annotation text, and asks the redactor
for every registered name, alias and phone number and their variants.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from incident_log.report.options import RedactorLike


def extract(pdf: bytes, progress: Callable[[int, int], None] | None = None) -> tuple[list[str], str]:
    """(text of each page, metadata + outline + annotation text)."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    pages: list[str] = []
    extra: list[str] = []
    total = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        pages.append(page.extract_text() or "")
        for annot in page.get("/Annots") or []:
            obj = annot.get_object()
            for key in ("/Contents", "/T", "/TU", "/V"):
                if key in obj:
                    extra.append(str(obj[key]))
        if progress is not None:
            progress(number, total)
    meta = reader.metadata or {}
    extra.extend(str(value) for value in meta.values())
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
    pdf: bytes, redactor: RedactorLike, progress: Callable[[int, int], None] | None = None
) -> list[str]:
    """What the redactor finds in the finished PDF (categories and labels, never values)."""
    pages, extra = extract(pdf, progress)
    found: list[str] = []
    for text in ("\n".join(pages), extra):
        for leak in redactor.find_leaks(text):
            if leak not in found:
                found.append(leak)
    return found
