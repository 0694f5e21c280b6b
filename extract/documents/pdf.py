"""PDF pages: the text layer (pypdfium2), and which pages are scans that only OCR can read."""
from __future__ import annotations

import re

from base.errors import BadInput
from extract.documents.models import Page
from extract.documents.ocr import ocr_pages
from extract.documents.vnencodings import to_unicode
from extract.textnorm import normalize_text

# Lines of a digital-signature stamp (the only text layer of most signed scans): not the document's text.
SIGNATURE_STAMP_LINES: tuple[str, ...] = (
    r"người\s+ký", r"ký\s+bởi", r"cơ\s+quan\s*:", r"thời\s+gian\s+ký", r"e-?mail\s*:", r"ngày\s+ký",
    r"chức\s+vụ\s*:", r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", r"[+-]\d{2}:\d{2}\b",
    r"\d{1,2}[./]\d{1,2}[./]\d{4}\s+\d{1,2}:\d{2}",
)
_STAMP_RE = re.compile("|".join(SIGNATURE_STAMP_LINES), re.I)
_LETTER = re.compile(r"[^\W\d_]")
MIN_TEXT_LETTERS = 15  # fewer letters outside a stamp: a scan (its text layer a page number, a stamp)

# Glyphs Word's PDF export maps to the wrong code point in some fonts (bold Times New Roman in upper case):
# "ƣ" for "ư", "CỘNG HÕA" for "CỘNG HÒA", "QUẢNG PHÖ" for "QUẢNG PHÚ". Ö and Ƣ are no Vietnamese letters.
MISMAPPED_GLYPHS: tuple[tuple[re.Pattern, str], ...] = (
    (re.compile("ƣ"), "ư"),
    (re.compile("Ƣ"), "Ư"),
    (re.compile(r"(?<=[A-ZÀ-Ỹ])Ö|Ö(?=[A-ZÀ-Ỹ])"), "Ú"),
    (re.compile(r"(?<=[A-ZĐ])Õ(?=A)"), "Ò"),
)


def pdf_pages(data: bytes, ocr: bool, max_pages: int, deadline: float,
              workers: int | None = None) -> tuple[list[Page], int, list[str]]:
    """(pages, pages in the file, warnings) of the PDF ``data``; scanned pages OCRed when ``ocr``."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        if "password" in str(err).lower():
            raise BadInput("password-protected PDF: cannot read it") from None
        raise BadInput("damaged or truncated PDF: cannot open it") from None
    try:
        return _read(pdf, ocr, max_pages, deadline, workers)
    finally:
        pdf.close()


def _read(pdf, ocr: bool, max_pages: int, deadline: float, workers: int | None) -> tuple[list[Page], int, list[str]]:
    count = len(pdf)
    if count == 0:
        raise BadInput("PDF without pages")
    warnings = []
    if count > max_pages:
        warnings.append(f"only the first {max_pages} of {count} pages read (page limit)")
    pages = []
    for index in range(min(count, max_pages)):
        page = pdf[index]
        textpage = page.get_textpage()
        raw = textpage.get_text_range()
        textpage.close()
        page.close()
        pages.append(text_layer_page(index + 1, raw))
    if ocr:
        warnings.extend(ocr_scans(pdf, pages, workers, deadline))
    elif any(p.needs_ocr for p in pages):
        warnings.append(f"{sum(p.needs_ocr for p in pages)} scanned page(s) not read: OCR pending")
    return pages, count, warnings


def ocr_scans(pdf, pages: list[Page], workers: int | None, deadline: float | None,
              budget: int | None = None) -> list[str]:
    """OCR the pages still needing it (at most ``budget``), in place; the warnings of pages left unread."""
    scans = [p for p in pages if p.needs_ocr][:budget]
    warnings = []
    by_index = {p.n - 1: p for p in scans}
    for result in ocr_pages(pdf, list(by_index), workers=workers, deadline=deadline):
        page = by_index[result.index]
        if result.error:
            warnings.append(f"page {page.n}: {result.error}")
            continue
        page.text, page.method, page.confidence, page.needs_ocr = result.text, "ocr", result.confidence, False
    return warnings


def text_layer_page(n: int, raw: str) -> Page:
    """A page from its text layer: converted from TCVN3/VNI when needed; a scan when it has (almost) none."""
    text = normalize_text(raw.replace("\r\n", "\n").replace("\r", "\n"))
    text, legacy = to_unicode(text)
    if not legacy:
        for pattern, repl in MISMAPPED_GLYPHS:
            text = pattern.sub(repl, text)
    text = "\n".join(line.rstrip() for line in text.split("\n")).strip()
    content = "\n".join(line for line in text.split("\n") if not _STAMP_RE.search(line))
    if len(_LETTER.findall(content, 0, 4000)) < MIN_TEXT_LETTERS:
        return Page(n, "", method="none", needs_ocr=True)
    return Page(n, text, method="converted" if legacy else "text")
