"""``govnews ocr``: read the scanned pages of stored documents by OCR, resumable, within a page budget."""
from __future__ import annotations

import sys
import time
from pathlib import Path

from base.datadir import records_path
from base.errors import BadInput
from crawler.documents import ocr_documents, ocr_lock
from crawler.progress import progress_bar
from index.documents import pending_page_count
from index.store import Store


def run_ocr(data_dir: Path, *, max_pages: int | None = None, workers: int | None = None,
            quiet: bool = False) -> int:
    if not records_path(Path(data_dir)).exists():
        raise BadInput(f"no records in {data_dir}: run govnews crawl first")
    if workers is not None and workers < 1:
        raise BadInput("--workers must be at least 1")
    started = time.monotonic()
    with ocr_lock(data_dir), Store.open(data_dir) as store:
        pending = pending_page_count(store)
        bar = progress_bar(quiet, "ocr", min(pending, max_pages or pending))
        try:
            counts = ocr_documents(data_dir, store, max_pages=max_pages, workers=workers,
                                   progress=bar.update if bar is not None else None)
        finally:
            if bar is not None:
                bar.close()
    print(ocr_summary(counts, time.monotonic() - started))
    if counts.pages:
        from index.searchindex import update_index

        update_index(data_dir, progress=not quiet and sys.stderr.isatty())
    return 0


def ocr_summary(counts, seconds: float) -> str:
    failed = f", {counts.failed} could not be read" if counts.failed else ""
    return (f"OCR read {counts.pages} scanned page(s) of {counts.documents} document(s) in {seconds:.1f} s"
            f"{failed}; {counts.left} page(s) still pending")
