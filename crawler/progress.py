"""What a crawl shows and keeps: the crawl log file, the progress bar and the closing summary line."""
from __future__ import annotations

import logging
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from base.datadir import LOG_FILE
from crawler.options import Stats
from crawler.slots import HostSlot

log = logging.getLogger("govnews.crawl")


@contextmanager
def crawl_log(data_dir: Path) -> Iterator[None]:
    """Log the crawl to ``DATA/crawl.log`` while the block runs."""
    handler = logging.FileHandler(Path(data_dir) / LOG_FILE, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.propagate = False
    try:
        yield
    finally:
        log.removeHandler(handler)
        handler.close()


def progress_bar(quiet: bool, desc: str, total: int | None = None):
    """A tqdm bar on a terminal, None otherwise (or when quiet)."""
    if quiet or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit="page", file=sys.stderr, dynamic_ncols=True)


def show(progress, stats: Stats, hosts: list[HostSlot], queued: int) -> None:
    progress.n = stats.fetched
    busiest = sorted(hosts, key=lambda h: -h.fetched)[:3]
    progress.set_postfix_str(
        f"new {stats.new} failed {stats.failed} queued {queued} {stats.rate():.1f}/s | "
        + " ".join(f"{h.name}:{h.fetched}" for h in busiest), refresh=True)


def summary(stats: Stats, counts: dict[str, int], data_dir: Path) -> str:
    s = stats
    elapsed = time.time() - s.started
    return (f"crawled {s.fetched} responses in {elapsed:.1f} s ({s.rate():.1f}/s): articles {s.new} new, "
            f"{s.changed} changed, {s.unchanged} unchanged; {s.not_modified} not modified, "
            f"{s.duplicates} duplicates, {s.failed} failed, {s.robots} blocked by robots.txt, "
            f"{s.skipped} skipped as traps, {s.offsite} off-site links ignored"
            + (f", {s.replayed} recovered from the archive" if s.replayed else "")
            + (f"; documents read: {s.documents}" if s.documents else "")
            + (f", {s.ocr_pages} scanned pages read by OCR" if s.ocr_pages else "")
            + f"; still queued: {counts.get('queued', 0)}; log: {data_dir / LOG_FILE}")
