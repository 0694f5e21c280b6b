"""Attachments archived by the crawl, read into the records store as documents; the OCR pass over scans.

``read_attachments`` reads every archived attachment not read yet (or whose archived copy changed) from the
WARC with the document extractor and stores it (``index.documents.save_document``); the crawl runs it at the
end of a run with text layers only (cheap), ``govnews reprocess`` with ``force`` to re-derive every document.
``ocr_documents`` is ``govnews ocr``: the scanned pages left pending, a batch of pages at a time, each batch
stored as soon as it is read, so a killed pass loses only the pages in flight and never reads a page twice.
"""
from __future__ import annotations

import fcntl
import logging
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from base.errors import BadInput
from base.settings import default
from base.warcread import read_record
from extract.documents import Document, Page, complete_ocr, extract_document, reuse_ocr
from index.documents import (
    article_linking,
    document_hashes,
    get_document,
    pending_ocr,
    pending_page_count,
    save_document,
)
from index.store import Store

log = logging.getLogger("govnews.crawl")
OCR_LOCK_FILE = ".ocr.lock"

# RFC 6266 filename*=UTF-8''name (percent-encoded) or filename="name"
_DISPOSITION = re.compile(r"""filename\*\s*=\s*[\w-]*'[^']*'([^;]+)|filename\s*=\s*"?([^";]+)""", re.I)


@dataclass
class DocumentCounts:
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    unreadable: int = 0  # stored with their error
    reused_ocr: int = 0  # pages whose earlier OCR text was kept


@dataclass
class OcrCounts:
    pages: int = 0  # pages read by OCR in this pass
    documents: int = 0  # documents touched
    failed: int = 0  # pages OCR could not read (left pending)
    left: int = 0  # scanned pages still pending after the pass


def read_attachments(data_dir: Path, store: Store, state, *, ocr: bool = False, force: bool = False,
                     progress: Callable[[int], None] | None = None) -> DocumentCounts:
    """Read the archived attachments not read yet, or whose archived copy changed (every one with ``force``),
    into ``store``. A file that cannot be read is stored with its error and no pages; nothing stops the run.
    ``progress`` is called with 1 per attachment looked at."""
    counts = DocumentCounts()
    known = document_hashes(store)
    for row in [dict(r) for r in state.archived_attachments()]:
        if progress is not None:
            progress(1)
        document_id, content_hash = known.get(row["url"], (None, None))
        same = document_id is not None and content_hash == row["content_hash"]
        if same and not force:
            continue
        earlier = get_document(store, document_id) if same else None
        status = _read_one(data_dir, store, state, row, ocr, earlier, counts)
        setattr(counts, status, getattr(counts, status) + 1)
    return counts


def _read_one(data_dir: Path, store: Store, state, row: dict, ocr: bool, earlier: dict | None,
              counts: DocumentCounts) -> str:
    url = row["url"]
    article_url = _article_of(store, state, row)
    name = None
    stored = {"fetched_at": row["fetched_at"] or "", "warc": row["warc"], "offset": row["warc_offset"],
              "content_hash": row["content_hash"]}
    try:
        record = read_record(data_dir, row["warc"], row["warc_offset"])
        name = filename_of(url, record.headers.get("content-disposition", ""))
        if record.truncated:
            raise BadInput("archived copy cut off at the download size limit")
        doc = extract_document(record.body, name, ocr=ocr, url=url, article_url=article_url)
    except Exception as err:  # BadInput or an extractor bug: the document is noted, the run goes on
        reason = str(err) if isinstance(err, BadInput) else f"{type(err).__name__}: {err}"
        log.warning("%s: document not read: %s", url, reason)
        save_document(store, {"url": url, "article_url": article_url, "name": name, "pages": []},
                      error=reason[:300], **stored)
        return "unreadable"
    if earlier is not None:
        counts.reused_ocr += reuse_ocr(doc, earlier["pages"])
    return save_document(store, doc.to_dict(), **stored)[1]


def _article_of(store: Store, state, row: dict) -> str | None:
    """The stored article the attachment belongs to: the article page that linked it, else one listing it."""
    if row["referrer"]:
        page = state.get(row["referrer"])
        if page is not None and page["page_type"] == "article" and page["article_url"]:
            return page["article_url"]
    return article_linking(store, row["url"])


def filename_of(url: str, disposition: str = "") -> str | None:
    """The file's name: the server's Content-Disposition one, else the URL's last path segment."""
    m = _DISPOSITION.search(disposition or "")
    if m:
        name = unquote(m.group(1) or m.group(2) or "").strip()
        if name:
            return name.replace("\\", "/").rsplit("/", 1)[-1]
    return unquote(urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]) or None


def ocr_documents(data_dir: Path, store: Store, *, max_pages: int | None = None, workers: int | None = None,
                  progress: Callable[[int], None] | None = None) -> OcrCounts:
    """OCR the scanned pages stored as pending, at most ``max_pages`` of them, ``workers`` Tesseract processes
    at once. Each batch of ``workers`` pages is stored as soon as it is read. ``progress`` gets pages read."""
    if max_pages is not None and max_pages < 1:
        raise BadInput("--max-pages must be at least 1")
    workers = max(1, workers or default("ocr_workers") or os.cpu_count() or 1)
    counts = OcrCounts()
    for row in pending_ocr(store):
        if max_pages is not None and counts.pages >= max_pages:
            break
        budget = None if max_pages is None else max_pages - counts.pages
        read, failed = _ocr_one(data_dir, store, row, workers, budget, progress)
        counts.documents += 1
        counts.pages += read
        counts.failed += failed
    counts.left = pending_page_count(store)
    return counts


def _ocr_one(data_dir: Path, store: Store, row: dict, workers: int, budget: int | None,
             progress: Callable[[int], None] | None) -> tuple[int, int]:
    """OCR one document's pending pages batch by batch, storing each batch: (pages read, pages failed)."""
    stored = get_document(store, row["id"])
    try:
        data = read_record(data_dir, row["warc"], row["warc_offset"]).body
    except BadInput as err:
        log.warning("%s: archived copy unreadable, OCR skipped: %s", row["url"], err)
        return 0, row["ocr_pending"]
    doc = _document(stored)
    read = 0
    while doc.ocr_pending and (budget is None or read < budget):
        pending = sum(p.needs_ocr for p in doc.pages)
        step = min(workers, pending) if budget is None else min(workers, pending, budget - read)
        got = complete_ocr(data, doc, workers=workers, budget=step)
        save_document(store, doc.to_dict(), fetched_at=stored["fetched_at"])
        read += got
        if progress is not None and got:
            progress(got)
        if got < step:  # pages OCR could not read stay pending for a later pass
            return read, step - got
    return read, 0


def _document(stored: dict) -> Document:
    """The Document of a stored row, to continue reading it (figures are derived again from the pages)."""
    pages = [Page(p["n"], p["text"], p["method"], p["confidence"], p["needs_ocr"]) for p in stored["pages"]]
    fields = ("url", "article_url", "name", "format", "kind", "number", "issuer", "place", "date", "subject",
              "signer", "position", "page_count", "warnings")
    return Document(pages=pages, **{f: stored[f] for f in fields})


@contextmanager
def ocr_lock(data_dir: Path) -> Iterator[None]:
    """One OCR pass per data folder at a time: two would read the same pending pages."""
    with open(Path(data_dir) / OCR_LOCK_FILE, "a") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise BadInput(f"another OCR pass is already running in {data_dir}") from None
        yield
