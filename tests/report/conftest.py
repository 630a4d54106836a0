"""Helpers for the report tests: read a PDF back the way a reader would (pypdf text + metadata)."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from incident_log.logbook import Logbook
from incident_log.redaction.fold import fold
from incident_log.report import ReportOptions

# Every name part, alias and phone of viaduct.json, written out by hand so the test does not
# trust the redactor's own idea of what a variant is.
VIADUCT_SECRETS = (
    "Tomás",
    "Ibarra",
    "Ruiz",
    "Tomi",
    "Lucía",
    "Carmen",
    "Vidal",
    "Andrés",
    "Molina",
    "Javier",
    "Otero",
    "Paula",
    "Serrano",
)
VIADUCT_PHONES = ("611204889", "611557302")
VIADUCT_LABELS = (
    "Subject A",
    "Family 1",
    "Negotiator 1",
    "Negotiator 2",
    "Negotiator 3",
    "Witness 1",
    "Loggist 1",
)
FIXED = datetime(2026, 3, 15, 9, 30, tzinfo=UTC)


@dataclass
class ReadBack:
    pages: list[str]
    metadata: dict[str, str]
    reader: PdfReader

    @property
    def text(self) -> str:
        return "\n".join(self.pages)

    def has_word(self, word: str) -> bool:
        """Whole word, case- and accent-insensitive, anywhere (names may break across lines)."""
        pattern = r"(?<![\w])" + re.escape(fold(word)) + r"(?![\w])"
        return (
            re.search(pattern, fold(self.text)) is not None
            or re.search(pattern, fold(" ".join(self.metadata.values()))) is not None
        )

    def digits(self) -> str:
        return re.sub(r"\D", "", self.text + " ".join(self.metadata.values()))

    def fonts(self) -> set[str]:
        names: set[str] = set()
        for page in self.reader.pages:
            resources = page.get("/Resources") or {}
            for font in (resources.get("/Font") or {}).values():
                names.add(str(font.get_object().get("/BaseFont")))
        return names


def read_pdf(data: bytes | Path) -> ReadBack:
    raw = data.read_bytes() if isinstance(data, Path) else data
    reader = PdfReader(io.BytesIO(raw))
    pages = [page.extract_text() or "" for page in reader.pages]
    meta = {str(k): str(v) for k, v in (reader.metadata or {}).items()}
    return ReadBack(pages, meta, reader)


@pytest.fixture
def options() -> ReportOptions:
    return ReportOptions(generated_at=FIXED, program_version="test", tz=UTC, invariant=True)


@pytest.fixture
def book(logbook: Logbook) -> Logbook:
    return logbook
