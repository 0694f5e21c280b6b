"""Document and Page: an attachment read page by page (DESIGN.md's Document JSON)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from extract.models import Indicator


@dataclass
class Cell:
    text: str
    start: int  # offset of ``text`` in its page's text (-1: not written there)


@dataclass
class Table:
    rows: list[list[Cell]]
    caption: str | None = None  # the paragraph just above the table


@dataclass
class Page:
    """One page (a PDF page, a spreadsheet sheet, a Word file's section between page breaks)."""

    n: int
    text: str = ""
    method: str = "text"  # text | ocr | converted | none (a scan not read yet)
    confidence: float | None = None  # OCR only: mean word confidence, 0..1
    needs_ocr: bool = False  # a scan (or a signature stamp only): its text comes from OCR
    tables: list[Table] = field(default_factory=list)  # Office tables, for figures with row and column labels

    def to_dict(self) -> dict[str, Any]:
        return {"n": self.n, "text": self.text, "method": self.method, "confidence": self.confidence,
                "needs_ocr": self.needs_ocr}


@dataclass
class Document:
    url: str | None = None
    article_url: str | None = None
    name: str | None = None
    format: str | None = None  # pdf | docx | xlsx | doc | xls | odt | ods
    kind: str | None = None  # BÁO CÁO, KẾ HOẠCH, QUYẾT ĐỊNH, …
    number: str | None = None  # "237/TB-UBND"
    issuer: str | None = None
    place: str | None = None
    date: str | None = None  # "2019-07-12", or "2019-07" when the day is left blank
    subject: str | None = None
    signer: str | None = None
    position: str | None = None  # the signer's title: "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"
    pages: list[Page] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)  # each with its ``page``
    page_count: int = 0  # pages in the file; more than len(pages) when a limit cut it
    warnings: list[str] = field(default_factory=list)

    @property
    def ocr_pending(self) -> bool:
        return any(p.needs_ocr and p.method == "none" for p in self.pages)

    @property
    def text(self) -> str:
        return "\n\n".join(p.text for p in self.pages if p.text)

    def to_dict(self) -> dict[str, Any]:
        return {
            "url": self.url, "article_url": self.article_url, "name": self.name, "format": self.format,
            "kind": self.kind, "number": self.number, "issuer": self.issuer, "place": self.place,
            "date": self.date, "subject": self.subject, "signer": self.signer, "position": self.position,
            "page_count": self.page_count, "ocr_pending": self.ocr_pending, "warnings": list(self.warnings),
            "pages": [p.to_dict() for p in self.pages],
            "indicators": [f.to_dict() for f in self.indicators],
        }
