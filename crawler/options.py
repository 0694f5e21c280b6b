"""What a crawl is asked to do (``CrawlOptions``), the work items passed between its threads, and its counters."""
from __future__ import annotations

import time
from dataclasses import dataclass, field

from base.settings import default
from crawler.analyze import Analysis
from crawler.fetch import Deadline, FetchError, FetchResult


@dataclass
class CrawlOptions:
    """One crawl's options; every default comes from the settings table (``base/settings.py``)."""

    max_pages: int | None = default("max_pages")  # per host, per run
    delay: float = default("delay")
    concurrency: int = default("concurrency")
    max_depth: int | None = default("max_depth")
    user_agent: str = default("user_agent")
    subdomains: bool = False
    allow_domains: list[str] = field(default_factory=list)
    attachments: bool = True
    ocr: bool = False  # read the scanned pages of documents by OCR at the end of the run
    quiet: bool = False
    # Not on the command line; tests and benchmarks tune them.
    timeout: tuple[float, float] = default("timeout")
    response_seconds: float = default("response_seconds")
    min_bytes_per_second: float = default("min_bytes_per_second")
    rate_grace_seconds: float = default("rate_grace_seconds")
    max_bytes: int = default("max_bytes")
    max_retries: int = default("max_retries")
    retry_base: float = default("retry_base")
    max_retry_after: float = default("max_retry_after")
    pattern_budget: int = default("pattern_budget")
    warc_max_bytes: int = default("warc_max_bytes")
    robots_max_age: float = default("robots_max_age")
    update_index: bool = True
    extract_processes: int | None = None  # None: one per CPU core when there are several; 0: in the fetch threads
    pool_after: int = default("pool_after")
    db: str | None = None  # PostgreSQL URL: records and a frontier shared with other crawl workers
    shard: tuple[int, int] | None = None  # (i, n): crawl only the hosts of shard i of n (crawler.pgfrontier.in_shard)
    lease_seconds: float = default("lease_seconds")

    @property
    def agent(self) -> str:
        return self.user_agent or default("user_agent")

    @property
    def deadline(self) -> Deadline:
        return Deadline(self.response_seconds, self.min_bytes_per_second, self.rate_grace_seconds)


@dataclass
class Job:
    """One request handed to a fetch thread."""

    host: str
    url: str
    row: dict | None = None  # the crawl_urls row; None for robots.txt
    hops: int = 0


@dataclass
class Outcome:
    """What a fetch thread hands back to the writer."""

    job: Job
    result: FetchResult | None
    error: FetchError | None
    analysis: Analysis | None
    finished: float


@dataclass
class Stats:
    fetched: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    not_modified: int = 0
    failed: int = 0
    duplicates: int = 0
    robots: int = 0
    skipped: int = 0
    offsite: int = 0
    replayed: int = 0
    documents: int = 0  # attachments read into documents (new or changed)
    ocr_pages: int = 0  # scanned pages read by OCR
    started: float = field(default_factory=time.time)

    def rate(self) -> float:
        return self.fetched / max(time.time() - self.started, 1e-6)
