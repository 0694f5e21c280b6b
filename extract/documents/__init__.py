"""Attachments read page by page: PDF (text layer, OCR for scans), DOCX, XLSX, ODT/ODS, DOC, XLS.

    from extract.documents import extract_document
    document = extract_document(data, filename="237-TB-UBND.pdf", ocr=True)
    document.to_dict()   # DESIGN.md's Document JSON

The format is told from the bytes, not the name. ``ocr=False`` (the default) reads text layers only and
leaves scanned pages empty with ``needs_ocr`` set, for a later OCR pass. Limits (pages, seconds, unzipped
bytes, rendered pixels) come from ``base.settings``.
"""
from __future__ import annotations

import time

from base.errors import BadInput
from base.settings import default
from extract.documents.figures import document_figures
from extract.documents.header import parse_header
from extract.documents.models import Document, Page

__all__ = ["Document", "Page", "complete_ocr", "extract_document", "reuse_ocr", "sniff_format"]

FORMATS = ("pdf", "docx", "xlsx", "odt", "ods", "doc", "xls")


def sniff_format(data: bytes) -> str:
    """The document format of ``data``, or BadInput naming what it is instead."""
    from extract.documents.legacy import OLE_MAGIC, ole_format
    from extract.documents.office import open_zip, zip_format

    if not data.strip():
        raise BadInput("empty file")
    if data[:1024].lstrip().startswith(b"%PDF") or data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        kind = zip_format(open_zip(data))
        if kind is None:
            raise BadInput("a ZIP archive, not a Word, Excel or OpenDocument file")
        return kind
    if data.startswith(OLE_MAGIC):
        kind = ole_format(data)
        if kind == "encrypted":
            raise BadInput("password-protected Office file: cannot read it")
        if kind is None:
            raise BadInput("an OLE file that is neither Word .doc nor Excel .xls")
        return kind
    head = data[:512].lstrip().lower()
    if head.startswith((b"<!doctype", b"<html", b"<?xml", b"<head", b"<body", b"<meta")) or b"<html" in head:
        raise BadInput("an HTML page saved under a document's name, not a document")
    if head.startswith(b"{\\rtf"):
        raise BadInput("an RTF file: not supported")
    raise BadInput("not a PDF, Word, Excel or OpenDocument file")


def extract_document(data: bytes, filename: str | None = None, ocr: bool = False, url: str | None = None,
                     article_url: str | None = None, workers: int | None = None) -> Document:
    """The Document in ``data`` (bytes of a PDF/DOCX/XLSX/ODT/ODS/DOC/XLS); BadInput for anything else."""
    if len(data) > default("document_max_bytes"):
        raise BadInput(f"document larger than {default('document_max_bytes') // 2**20} MB")
    fmt = sniff_format(data)
    deadline = time.monotonic() + default("document_seconds")
    max_pages = default("document_max_pages")
    pages, count, warnings = _pages(data, fmt, ocr, max_pages, deadline, workers)
    doc = Document(url=url, article_url=article_url, name=filename, format=fmt, pages=pages,
                   page_count=count, warnings=warnings)
    _derive(doc)
    return doc


def complete_ocr(data: bytes, doc: Document, workers: int | None = None, budget: int | None = None) -> int:
    """OCR the pages of ``doc`` (read earlier with ``ocr=False`` from the PDF ``data``) still pending, at most
    ``budget`` of them; metadata and figures are derived again. Returns the pages read. Pages already read
    are never read twice, so a later call continues where a killed or budgeted one stopped."""
    import pypdfium2 as pdfium

    from extract.documents.pdf import ocr_scans

    pending = [p for p in doc.pages if p.needs_ocr]
    if doc.format != "pdf" or not pending:
        return 0
    pdf = pdfium.PdfDocument(data)
    try:
        errors = ocr_scans(pdf, doc.pages, workers, time.monotonic() + default("document_seconds"), budget)
    finally:
        pdf.close()
    left = _note_pending(doc, errors)
    _derive(doc)
    return len(pending) - left


def reuse_ocr(doc: Document, earlier: list[dict]) -> int:
    """Put the OCR text of pages read earlier (``earlier``: the stored pages of the same file) into the scans
    ``doc`` left pending, then derive metadata and figures again; the pages reused. Re-reading an archived
    file with today's extractor keeps what OCR already read instead of paying for it again."""
    read = {p["n"]: p for p in earlier if p.get("method") == "ocr"}
    reused = 0
    for page in doc.pages:
        old = read.get(page.n)
        if page.needs_ocr and page.method == "none" and old is not None:
            page.text, page.method, page.confidence, page.needs_ocr = old["text"], "ocr", old.get("confidence"), False
            reused += 1
    if reused:
        _note_pending(doc, [])
        _derive(doc)
    return reused


def _note_pending(doc: Document, errors: list[str]) -> int:
    """Replace the "OCR pending" warning (and add ``errors``) after pages were read; the scans left."""
    left = sum(p.needs_ocr for p in doc.pages)
    doc.warnings = [w for w in doc.warnings if "OCR pending" not in w] + errors
    if left:
        doc.warnings.append(f"{left} scanned page(s) not read: OCR pending")
    return left


def _derive(doc: Document) -> None:
    """Metadata from the header and signature, figures page by page: from whatever text is read so far."""
    read = [p for p in doc.pages if p.text]
    if read:
        header = parse_header(read[0].text, [p.text for p in read], doc.name)
        for name in ("kind", "number", "issuer", "place", "date", "subject", "signer", "position"):
            setattr(doc, name, getattr(header, name))
    doc.indicators, failed = document_figures(doc.pages)
    doc.warnings = [w for w in doc.warnings if "figures not read" not in w] + failed


def _pages(data: bytes, fmt: str, ocr: bool, max_pages: int, deadline: float,
           workers: int | None) -> tuple[list[Page], int, list[str]]:
    if fmt == "pdf":
        from extract.documents.pdf import pdf_pages

        return pdf_pages(data, ocr, max_pages, deadline, workers)
    if fmt in ("docx", "odt", "ods"):
        from extract.documents import office

        archive = office.open_zip(data)
        pages = office.docx_pages(archive) if fmt == "docx" else office.odf_pages(archive, fmt)
    elif fmt == "xlsx":
        from extract.documents.office import xlsx_pages

        pages = xlsx_pages(data, max_pages)
    elif fmt == "doc":
        from extract.documents.legacy import doc_pages

        pages = doc_pages(data, max(1.0, deadline - time.monotonic()))
    else:
        from extract.documents.legacy import xls_pages

        pages = xls_pages(data, max_pages)
    warnings = []
    if len(pages) > max_pages:
        warnings.append(f"only the first {max_pages} of {len(pages)} pages read (page limit)")
    return pages[:max_pages], len(pages), warnings
