"""Every setting of govnews in one table: name, default and help text.

The command line builds its options from this table, ``CrawlOptions`` takes its defaults from it, and the
limits used by several layers (input size, SQLite's busy timeout) are read from here, so each value is written
once. Modelled on Datasette's ``SETTINGS`` tuple.
"""
from __future__ import annotations

from dataclasses import dataclass

VERSION = "0.1.0"
PROJECT_URL = "https://github.com/govnews/govnews"
# Honest and reachable: portal administrators see who crawls them and where to write.
USER_AGENT = f"govnews/{VERSION} (+{PROJECT_URL})"


@dataclass(frozen=True)
class Setting:
    name: str
    default: object
    help: str
    type: type | None = None  # how the command line parses it; None: not a command-line option


SETTINGS: tuple[Setting, ...] = (
    # crawl (on the command line)
    Setting("max_pages", None, "pages fetched per host in this run (default: no limit)", int),
    Setting("delay", 1.0, "seconds between requests to one host (longer if robots.txt says Crawl-delay)", float),
    Setting("concurrency", 8, "hosts crawled at once (never more than one request in flight per host)", int),
    Setting("max_depth", None, "link depth from the seeds (default: no limit)", int),
    Setting("user_agent", USER_AGENT, "User-Agent header (keep a contact URL in it)", str),
    # crawl (tuned by tests and benchmarks)
    Setting("timeout", (10.0, 30.0), "connect and read timeouts of one request, seconds"),
    Setting("response_seconds", 120.0, "wall-clock limit of one response: a server trickling bytes is cut off"),
    Setting("min_bytes_per_second", 512.0, "slowest average transfer rate accepted once the grace period is over"),
    Setting("rate_grace_seconds", 15.0, "seconds a response may take before its transfer rate is checked"),
    Setting("max_retries", 3, "retries of a transient failure (timeouts, 5xx, 429)"),
    Setting("retry_base", 1.0, "seconds before the first retry, doubling after each"),
    Setting("max_retry_after", 600.0, "longest Retry-After honoured, seconds"),
    Setting("pattern_budget", 8, "non-article pages per URL pattern before it must prove it leads to articles"),
    Setting("robots_max_age", 86400.0, "seconds a robots.txt is trusted before it is fetched again"),
    Setting("pool_after", 200, "pages before extraction moves to worker processes (small crawls never pay start-up)"),
    Setting("warc_max_bytes", 2**30, "a WARC file is rotated past this size"),
    # limits shared by several layers
    Setting("max_bytes", 20 * 2**20, "responses and inputs larger than this are cut off or refused: not news pages"),
    Setting("figure_seconds", 10.0, "time budget for finding the figures of one text: the rest is skipped, and said"),
    Setting("busy_timeout_ms", 30_000, "how long a SQLite connection waits for another writer, milliseconds"),
    # documents (attachments: PDF, Word, Excel; scans read by OCR)
    Setting("document_max_bytes", 100 * 2**20, "attachments larger than this are refused"),
    Setting("document_max_unzipped", 256 * 2**20, "an Office file expanding past this is refused (ZIP bomb)"),
    Setting("document_max_pages", 200, "pages read per document; the rest is reported in a warning"),
    Setting("document_seconds", 900.0, "wall-clock limit of reading one document (OCR included), seconds"),
    Setting("ocr_dpi", 300, "resolution scanned pages are rendered at for OCR"),
    Setting("ocr_max_pixels", 20_000_000, "largest rendered page for OCR: bigger pages are scaled down (memory)"),
    Setting("ocr_page_seconds", 120.0, "limit of Tesseract on one page, seconds"),
    Setting("ocr_language", "vie", "Tesseract language model"),
    Setting("ocr_workers", None, "Tesseract processes at once (default: the number of cores)"),
    Setting("lease_seconds", 150.0, "seconds a crawl worker sharing a PostgreSQL frontier (--db) holds a claimed URL"
            " and its host before another worker may take them over (longer than any one request)", float),
    # search and the web page
    Setting("limit", 10, "results per page", int),
    Setting("host", "127.0.0.1", "address the web page listens on", str),
    Setting("port", 8080, "port the web page listens on", int),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def setting(name: str) -> Setting:
    return _BY_NAME[name]


def default(name: str):
    """The default value of setting ``name`` (a KeyError names a setting that does not exist)."""
    return _BY_NAME[name].default
