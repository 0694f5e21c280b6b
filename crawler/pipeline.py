"""``govnews crawl`` and ``govnews reprocess``: fetch politely, archive, extract, store, index.

Shape: the calling thread is the only writer (WARC files, crawl state, records
store); a pool of ``concurrency`` fetch threads does the network and the CPU work
of a page (decode, extraction, link parsing) and hands back an ``Outcome``.
The frontier lives in SQLite, so memory does not grow with the crawl.

Politeness: a host is "busy" from the moment one of its requests is handed to a
fetch thread until the writer has processed the answer; the next request to it
starts no earlier than ``delay`` (or robots.txt ``Crawl-delay``, or
``Retry-After``) after the previous one finished. Redirects are not followed
inside a request: each hop is queued, timed and archived like any URL.

Durability: every response is in the WARC file (flushed) before the state says
so; after a kill the records written past the last processed offset are replayed
from the archive, not fetched again.
"""
from __future__ import annotations

import ctypes
import fcntl
import logging
import multiprocessing
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections import OrderedDict
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlsplit

from base.datadir import LOG_FILE, warc_dir
from base.errors import BadInput
from base.settings import default
from base.warcread import iter_responses, read_record
from crawler import fetch as fetchmod
from crawler.analyze import Analysis, analyze
from crawler.discover import Link
from crawler.pgfrontier import in_shard, open_crawl_stores
from crawler.robots import Robots
from crawler.state import CrawlState, connect
from crawler.urls import (
    MAX_URL_LENGTH,
    Scope,
    canonicalize,
    host_key,
    is_attachment,
    is_calendar,
    is_print_view,
    is_skipped_file,
    url_pattern,
)
from crawler.warc import WarcWriter

LOCK_FILE = ".crawl.lock"
PR_SET_PDEATHSIG = 1  # prctl(2) option (Linux)
HOST_BUSY_WAIT = 0.5  # seconds before asking again for a host another crawl worker holds (shared frontier)
HUNG_UP_PAUSE = 1.0  # seconds a host is left alone after we cut off one of its answers
MAX_REDIRECT_HOPS = 5
MAX_CRAWL_DELAY = 60.0  # a robots.txt Crawl-delay above this is capped (it would stall a crawl for days)
MAX_ROBOTS_HOPS = 5
GUESSED_PATHS = (("/sitemap.xml", "sitemap"),)  # asked of every host besides robots.txt Sitemap: lines
# Frontier order (lower first): sitemaps and feeds, then what they list, then links, then more listing pages.
PRIORITY = {"sitemap": 0, "feed": 0, "listed": 1, "page": 2, "attachment": 2, "pagination": 3}
PROGRESS_EVERY = 0.5  # seconds between progress display refreshes
# The writer makes many short calls that release the GIL (SQLite, zlib, file writes); with Python's default
# 5 ms switch interval each one can wait that long to get the GIL back from an extraction thread.
WRITER_SWITCH_INTERVAL = 0.0005
RECENT_LINKS = 20_000  # links remembered as already queued this run (an LRU; the frontier itself is in SQLite)
INDEX_EVERY = 1000  # stored articles between search index updates during a crawl
INDEX_CHILD = "import sys; from pathlib import Path; from index.searchindex import update_index; update_index(Path(sys.argv[1]))"

log = logging.getLogger("govnews.crawl")


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
    quiet: bool = False
    # Not on the command line; tests and benchmarks tune them.
    timeout: tuple[float, float] = default("timeout")
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


@dataclass
class Job:
    host: str
    url: str
    row: dict | None = None  # the crawl_urls row; None for robots.txt
    hops: int = 0


@dataclass
class Outcome:
    job: Job
    result: fetchmod.FetchResult | None
    error: fetchmod.FetchError | None
    analysis: Analysis | None
    finished: float


@dataclass
class HostSlot:
    name: str
    scheme: str
    delay: float
    busy: bool = False
    next_allowed: float = 0.0
    wake: float = 0.0  # when to look at its queue again (inf: nothing queued)
    robots: Robots | None = None
    robots_attempts: int = 0
    robots_url: str | None = None  # where robots.txt redirected to
    robots_hops: int = 0
    done: bool = False  # max pages reached, or robots.txt unavailable
    fetched: int = 0
    unreachable: str | None = None  # why robots.txt could not be fetched at all


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
    started: float = field(default_factory=time.time)

    def rate(self) -> float:
        return self.fetched / max(time.time() - self.started, 1e-6)


def _now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _setup_log(data_dir: Path) -> logging.Handler:
    handler = logging.FileHandler(Path(data_dir) / LOG_FILE, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.propagate = False
    return handler


def _die_with_parent(parent: int) -> None:
    """Extraction worker start-up: die with the crawl process, even when it is killed with SIGKILL."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the worker still ends when its task queue closes
        pass
    if os.getppid() != parent:  # the crawl died before we could ask
        os._exit(0)


class Crawler:
    def __init__(self, seeds: list[str], data_dir: Path, options: CrawlOptions):
        self.data_dir = Path(data_dir)
        self.options = options
        self.seeds = seeds
        self.scope = Scope.from_seeds(seeds, options.subdomains, options.allow_domains)
        self.stats = Stats()
        self.hosts: dict[str, HostSlot] = {}
        self.results: queue.Queue[Outcome] = queue.Queue()
        self.in_flight = 0
        self._local = threading.local()
        # Extraction is CPU-bound Python: the GIL runs one at a time anyway, and letting every fetch thread
        # compete for it starves the writer thread. One extraction at a time keeps the writer flowing.
        self._cpu = threading.Semaphore(1)
        # Extraction processes, started once a crawl proves big enough to pay for them (see _grow_pool).
        self.extractors: ProcessPoolExecutor | None = None
        self._starting: tuple[ProcessPoolExecutor, list] | None = None
        self._pool_started = False
        self.state: CrawlState | None = None
        self.store = None
        self.warc: WarcWriter | None = None
        self.gen = 0
        self._turn = 0
        self._lock = None  # an flock on DATA/.crawl.lock: one crawl per data folder at a time
        self._unindexed = 0  # articles stored since the search index was last brought up to date
        self._indexer: subprocess.Popen | None = None  # the index update running beside the crawl
        self._recent: OrderedDict[str, None] = OrderedDict()  # bounded: memory stays flat however big the crawl
        self.final_counts: dict[str, int] = {}

    # -- setup ---------------------------------------------------------------------------------

    def open(self) -> None:
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise BadInput(f"cannot create data folder {self.data_dir}: {err.strerror}") from None
        self._lock = open(self.data_dir / LOCK_FILE, "a")
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            self._lock.close()
            self._lock = None
            raise BadInput(f"another crawl is already running in {self.data_dir}") from None
        self.store, self.state = open_crawl_stores(self.data_dir, db=self.options.db, delay=self.options.delay,
                                                   agent=self.options.agent, lease_s=self.options.lease_seconds)
        self.warc = WarcWriter(warc_dir(self.data_dir), self.options.warc_max_bytes)

    def close(self) -> None:
        for pool in (self.extractors, self._starting[0] if self._starting else None):
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)
        self.extractors = self._starting = None
        if self.warc is not None:
            self.warc.close()
        if self.state is not None:
            self.state.close()
        if self.store is not None:
            self.store.close()
        self.warc = self.state = self.store = None
        if self._lock is not None:
            self._lock.close()  # releases the flock
            self._lock = None

    def slot(self, host: str, scheme: str = "http") -> HostSlot:
        slot = self.hosts.get(host)
        if slot is None:
            slot = HostSlot(host, scheme, self.options.delay)
            self.hosts[host] = slot
            self.state.ensure_host(host, scheme)
            self._load_robots(slot)
        return slot

    def _load_robots(self, slot: HostSlot) -> bool:
        """Use the robots.txt answer the state holds for this host, if recent enough."""
        row = self.state.host(slot.name)
        if row["robots_at"] and time.time() - row["robots_at"] < self.options.robots_max_age \
                and row["robots_status"] is not None:
            self._set_robots(slot, Robots.from_response(row["robots_status"], row["robots_body"]))
            return True
        return False

    def _set_robots(self, slot: HostSlot, robots: Robots) -> None:
        slot.robots = robots
        delay = robots.crawl_delay(self.options.agent)
        if delay is not None:
            slot.delay = max(self.options.delay, min(delay, MAX_CRAWL_DELAY))
        base = f"{slot.scheme}://{slot.name}"
        extra = [(url, "sitemap") for url in robots.sitemaps()] + [(base + p, kind) for p, kind in GUESSED_PATHS]
        for url, kind in extra:
            url = canonicalize(url)
            if url and self.scope.allows(url):
                self._enqueue(url, kind=kind, depth=0, priority=PRIORITY[kind], parent_pattern=None)
        slot.wake = 0.0

    def _enqueue(self, url: str, *, kind: str, depth: int, priority: int, parent_pattern: str | None,
                 hops: int = 0, newer: str | None = None) -> bool:
        if newer is None and hops == 0:
            # Menus and sidebars repeat the same links on every page: skip the database for recent repeats.
            if url in self._recent:
                self._recent.move_to_end(url)
                return False
            self._recent[url] = None
            if len(self._recent) > RECENT_LINKS:
                self._recent.popitem(last=False)
        host = host_key(url)
        if not in_shard(host, self.options.shard):
            return False
        added = self.state.enqueue(url=url, host=host, kind=kind, depth=depth, priority=priority, gen=self.gen,
                                   pattern=url_pattern(url), parent_pattern=parent_pattern, hops=hops, newer=newer)
        if added:
            slot = self.hosts.get(host) or self.slot(host, urlsplit(url).scheme)
            slot.wake = 0.0
        return added

    # -- the run -------------------------------------------------------------------------------

    def run(self) -> int:
        seeds = []
        for seed in self.seeds:
            url = canonicalize(seed)
            if url is None:
                raise BadInput(f"not an http(s) URL: {seed}")
            seeds.append(url)
        try:
            self.open()
        except BaseException:
            self.close()
            raise
        handler = _setup_log(self.data_dir)
        progress = None
        try:
            self.gen, resumed = self.state.start_run(self.seeds)
            log.info("crawl run %d %s: %s", self.gen, "resumed" if resumed else "started", " ".join(seeds))
            for row in self.state.hosts():
                if self.scope.allows(f"{row['scheme']}://{row['host']}/"):
                    self.slot(row["host"], row["scheme"])
            self._replay_archive()
            for url in seeds:
                kind = "sitemap" if url.endswith((".xml", ".xml.gz")) else "page"
                self._enqueue(url, kind=kind, depth=0, priority=PRIORITY["listed"], parent_pattern=None)
            self.state.commit()
            progress = self._progress_bar()
            self._loop(progress)
            if progress is not None:
                self._show(progress)
            self.state.finish_run(self.gen)
            self.final_counts = self.state.status_counts()
        finally:
            if progress is not None:
                progress.close()
            self.close()
            log.removeHandler(handler)
            handler.close()
        if self.options.update_index:  # always: a killed run may have stored articles it never indexed
            self._update_index(final=True)
        self._summary()
        return self._report_unreachable()

    def _report_unreachable(self) -> int:
        """One line per host that could not be reached; exit status 2 if any (retry by running again)."""
        unreachable = [slot for slot in self.hosts.values() if slot.unreachable]
        for slot in unreachable:
            print(f"govnews: could not reach {slot.name}: {slot.unreachable}; "
                  "run the same command again to retry", file=sys.stderr)
        return 2 if unreachable else 0

    def _loop(self, progress) -> None:
        last_show = 0.0
        switch = sys.getswitchinterval()
        sys.setswitchinterval(WRITER_SWITCH_INTERVAL)
        try:
            self._loop_threads(progress, last_show)
        finally:
            sys.setswitchinterval(switch)

    def _loop_threads(self, progress, last_show: float) -> None:
        with ThreadPoolExecutor(max_workers=max(1, self.options.concurrency), thread_name_prefix="fetch") as pool:
            try:
                while True:
                    self._dispatch(pool)
                    self.state.commit()
                    if self.in_flight == 0 and all(s.done or s.wake == float("inf") for s in self.hosts.values()):
                        break
                    timeout = self._next_dispatch_in()
                    try:
                        outcome = self.results.get(timeout=timeout)
                    except queue.Empty:
                        continue
                    self._process(outcome)
                    while True:  # handle everything already waiting before dispatching again
                        try:
                            self._process(self.results.get_nowait())
                        except queue.Empty:
                            break
                    self._grow_pool()
                    if self.options.update_index and self._unindexed >= INDEX_EVERY:
                        self._update_index()
                    if progress is not None and time.time() - last_show > PROGRESS_EVERY:
                        last_show = time.time()
                        self._show(progress)
            except BaseException:
                pool.shutdown(wait=False, cancel_futures=True)
                raise

    def _next_dispatch_in(self) -> float:
        now = time.time()
        if self.in_flight >= self.options.concurrency:
            return 1.0
        times = [max(s.wake, s.next_allowed) for s in self.hosts.values() if not s.busy and not s.done]
        return min(max(min(times, default=now + 1.0) - now, 0.001), 1.0)

    def _grow_pool(self) -> None:
        """Move extraction to worker processes once the crawl has ``pool_after`` pages (small crawls never
        pay the start-up): with several cores, extraction then runs beside the GIL this process needs."""
        if self._starting is not None:
            pool, warmups = self._starting
            if all(f.done() for f in warmups):
                self._starting = None
                if all(f.exception() is None for f in warmups):
                    self.extractors = pool
                    log.info("extracting in %d worker processes", len(warmups))
                else:
                    log.warning("extraction workers failed to start; extracting in the crawl process")
                    pool.shutdown(wait=False, cancel_futures=True)
            return
        if self._pool_started or self.stats.fetched < self.options.pool_after:
            return
        self._pool_started = True
        count = self.options.extract_processes
        if count is None:
            count = os.cpu_count() or 1
            count = count if count > 1 else 0
        if count > 0:
            pool = ProcessPoolExecutor(max_workers=count, mp_context=multiprocessing.get_context("spawn"),
                                       initializer=_die_with_parent, initargs=(os.getpid(),))
            # Submitting from this (main) thread starts the workers here: PR_SET_PDEATHSIG follows the
            # thread that started a process, and this one lives as long as the crawl.
            self._starting = (pool, [pool.submit(int) for _ in range(count)])

    def _update_index(self, final: bool = False) -> None:
        """Index what was stored so far, in a short-lived child process running beside the crawl.

        Started every INDEX_EVERY articles (never two at once) and once more at the end, waited for:
        each slice is small and whoosh's buffers live and die with the child, so the crawl's own
        memory stays flat however long it runs, and the crawl goes on while the child indexes.
        """
        if self._indexer is not None:
            if self._indexer.poll() is None and not final:
                return
            self._indexer.wait()
            self._index_done(self._indexer.returncode)
            self._indexer = None
        if self.state is not None:
            self.state.commit()
        self._unindexed = 0
        paths = [p for p in sys.path if p and Path(p).is_dir()]
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}
        with open(self.data_dir / LOG_FILE, "a", encoding="utf-8") as errors:
            self._indexer = subprocess.Popen([sys.executable, "-c", INDEX_CHILD, str(self.data_dir)], env=env,
                                             stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=errors)
        if final:
            self._index_done(self._indexer.wait())
            self._indexer = None

    def _index_done(self, code: int) -> None:
        if code != 0:
            log.warning("search index update failed (exit status %s, details above); run govnews index", code)
            print(f"govnews: search index not brought up to date (see {self.data_dir / LOG_FILE}); "
                  "run govnews index", file=sys.stderr)

    # -- choosing the next request ---------------------------------------------------------------

    def _dispatch(self, pool: ThreadPoolExecutor) -> None:
        now = time.time()
        slots = list(self.hosts.values())
        self._turn = (self._turn + 1) % max(len(slots), 1)  # rotate, so no host is always served first
        for slot in slots[self._turn:] + slots[:self._turn]:
            if self.in_flight >= self.options.concurrency:
                return
            if slot.busy or slot.done or slot.wake > now or slot.next_allowed > now:
                continue
            job = self._next_job(slot, now)
            if job is None:
                continue
            slot.busy = True
            self.in_flight += 1
            pool.submit(self._work, job)

    def _next_job(self, slot: HostSlot, now: float) -> Job | None:
        if slot.robots is None and not self._load_robots(slot):  # another worker may have read it meanwhile
            if not self.state.claim_host(slot.name):  # another worker sharing the frontier is at this host
                slot.wake = now + HOST_BUSY_WAIT
                return None
            return Job(slot.name, slot.robots_url or f"{slot.scheme}://{slot.name}/robots.txt", hops=slot.robots_hops)
        while True:
            row = self.state.next_for_host(slot.name, now)
            if row is None:
                wake = self.state.next_wake(slot.name)
                slot.wake = wake if wake is not None else float("inf")
                return None
            if self.options.max_pages is not None and \
                    self.state.run_pages(slot.name, self.gen) >= self.options.max_pages:
                slot.done = True
                log.info("%s: --max-pages %d reached", slot.name, self.options.max_pages)
                return None
            if not slot.robots.allows(row["url"], self.options.agent):
                self.state.update(row["id"], status="robots", reason="disallowed by robots.txt")
                self.stats.robots += 1
                continue
            if row["kind"] == "page" and self._over_budget(row["pattern"], is_calendar(row["url"])):
                self.state.update(row["id"], status="skipped", reason="URL pattern budget spent (trap)")
                self.stats.skipped += 1
                continue
            return Job(slot.name, row["url"], dict(row), row["hops"])

    def _over_budget(self, pattern: str | None, calendar: bool) -> bool:
        """A URL pattern gets a few pages; more only while it proves to lead to (or to be) articles.

        Calendars get the few pages and no more, even when their pages look like articles.
        """
        if not pattern:
            return False
        pages, articles, self_articles = self.state.pattern_counts(pattern)
        if calendar:
            return pages + self_articles >= self.options.pattern_budget
        return self_articles == 0 and pages >= self.options.pattern_budget and articles < pages

    # -- fetch threads ---------------------------------------------------------------------------

    def _session(self):
        session = getattr(self._local, "session", None)
        if session is None:
            session = self._local.session = fetchmod.make_session()
        return session

    def _work(self, job: Job) -> None:
        result = error = analysis = None
        try:
            headers = {}
            row = job.row or {}
            if row.get("etag"):
                headers["If-None-Match"] = row["etag"]
            if row.get("last_modified"):
                headers["If-Modified-Since"] = row["last_modified"]
            result = fetchmod.fetch_once(self._session(), job.url, user_agent=self.options.agent,
                                         extra_headers=headers, timeout=self.options.timeout,
                                         max_bytes=self.options.max_bytes)
            finished = time.time()
            if job.row is not None:
                analysis = self._analyze(job, result)
        except fetchmod.FetchError as err:
            error, finished = err, time.time()
        except Exception as err:  # a bug in analysis must not lose the response or stop the crawl
            log.exception("analysing %s", job.url)
            finished = time.time()
            if result is None:
                error = fetchmod.FetchError(f"{type(err).__name__}: {err}", transient=False)
            else:
                analysis = Analysis("html", error=f"{type(err).__name__}: {err}"[:300])
        self.results.put(Outcome(job, result, error, analysis, finished))

    def _analyze(self, job: Job, result: fetchmod.FetchResult) -> Analysis | None:
        if 200 <= result.status < 300:
            return self._run_analysis(job.url, result.status, result.content_type, result.body, result.charset,
                                      result.truncated)
        if result.status == 304 and job.row.get("warc") and job.row.get("page_type") != "article":
            # An unchanged hub: its links come from the copy we archived last time.
            old = read_record(self.data_dir, job.row["warc"], job.row["warc_offset"])
            content_type = old.headers.get("content-type", "").split(";")[0].strip().lower()
            found = self._run_analysis(job.url, old.status, content_type, old.body, old.charset, old.truncated)
            return Analysis(found.kind, found.links)
        return None

    def _run_analysis(self, *args) -> Analysis:
        pool = self.extractors
        if pool is not None:
            try:
                return pool.submit(analyze, *args).result()
            except BrokenProcessPool:  # a worker died (out of memory?): carry on in this process
                log.warning("extraction worker lost; extracting in the crawl process from now on")
                self.extractors = None
        with self._cpu:
            return analyze(*args)

    # -- the writer ------------------------------------------------------------------------------

    def _process(self, outcome: Outcome) -> None:
        self.in_flight -= 1
        job = outcome.job
        slot = self.hosts[job.host]
        slot.busy = False
        # Count the delay from when we are done with the answer, not from its last byte: never early.
        slot.next_allowed = max(outcome.finished, time.time()) + slot.delay
        # When we hung up first (timeout, size cap) the server may still be busy with that request:
        # give it time to notice before asking anything else, so it never serves us twice at once.
        if outcome.error is not None and outcome.error.reason.endswith(("timed out", "too slow")):
            slot.next_allowed += self.options.timeout[1]
        elif outcome.result is not None and outcome.result.truncated:
            slot.next_allowed += HUNG_UP_PAUSE
        try:
            if job.row is None:
                self._robots_outcome(slot, outcome)
            elif outcome.error is not None:
                self._fetch_error(slot, job.row, outcome.error)
            else:
                result = outcome.result
                if result.status == 304:
                    name, offset, end = self.warc.write_revisit(result, job.row.get("warc_date"))
                else:
                    name, offset, end = self.warc.write_exchange(result)
                try:
                    self._response(slot, job.row, result.status, result.headers, outcome.analysis,
                                   name, offset, end, _now_iso())
                    self.state.warc_done(name, end)
                except Exception as err:  # a bug on one page must not stop the crawl; the page is archived
                    log.exception("processing %s", job.url)
                    self.state.commit()
                    self.state.update(job.row["id"], status="failed", reason=f"internal error: {err}"[:300],
                                      warc=name, warc_offset=offset)
                    self.state.warc_done(name, end)
                    self.stats.failed += 1
        finally:
            self.state.commit()

    def _robots_outcome(self, slot: HostSlot, outcome: Outcome) -> None:
        result = outcome.result
        if result is not None:
            name, _offset, end = self.warc.write_exchange(result)
            self.state.warc_done(name, end)
        status = result.status if result is not None else None
        if status is not None and 300 <= status < 400:
            target = canonicalize(result.headers.get("location", ""), outcome.job.url)
            if target and host_key(target) == slot.name and outcome.job.hops < MAX_ROBOTS_HOPS:
                slot.robots_url, slot.robots_hops = target, outcome.job.hops + 1
                return  # the next dispatch of this host asks the new location
            status = 404  # robots.txt redirected elsewhere: no rules for this host
        if status is None or status == 429 or status >= 500:
            slot.robots_attempts += 1
            wait = _retry_after(result.headers.get("retry-after")) if result is not None else None
            reason = outcome.error.reason if outcome.error else f"HTTP {status}"
            if slot.robots_attempts <= self.options.max_retries:
                delay = max(self._backoff(slot.robots_attempts), min(wait or 0, self.options.max_retry_after))
                slot.next_allowed = max(slot.next_allowed, time.time() + delay)
                log.info("robots.txt of %s: %s, retry in %.1f s", slot.name, reason, delay)
                return
            log.warning("robots.txt of %s unavailable (%s): host not crawled this run", slot.name, reason)
            slot.done = True
            slot.unreachable = reason
            return
        self.state.set_robots(slot.name, status, result.body if status < 300 else None, slot.robots_attempts)
        log.info("robots.txt of %s: HTTP %s", slot.name, status)
        self._set_robots(slot, Robots.from_response(status, result.body))
        slot.next_allowed = max(slot.next_allowed, outcome.finished + slot.delay)  # Crawl-delay from now on

    def _backoff(self, attempts: int) -> float:
        return self.options.retry_base * 2 ** (attempts - 1)

    def _fetch_error(self, slot: HostSlot, row: dict, error: fetchmod.FetchError) -> None:
        attempts = row["attempts"] + 1
        if error.transient and attempts <= self.options.max_retries:
            self.state.update(row["id"], attempts=attempts, next_try=time.time() + self._backoff(attempts),
                              reason=error.reason)
            log.info("%s: %s (retry %d)", row["url"], error.reason, attempts)
            return
        self.state.update(row["id"], status="failed", reason=error.reason, attempts=attempts)
        self.stats.failed += 1
        log.warning("%s: failed: %s", row["url"], error.reason)

    def _response(self, slot: HostSlot, row: dict, status: int, headers: dict[str, str],
                  analysis: Analysis | None, warc: str, offset: int, end: int, warc_date: str) -> None:
        """Everything a response changes, for a fresh fetch or a replay from the archive."""
        self.state.count_page(slot.name, self.gen)
        self.stats.fetched += 1
        slot.fetched += 1
        url = row["url"]
        log.info("%s %s", status, url)
        if status == 429 or status >= 500:
            attempts = row["attempts"] + 1
            wait = _retry_after(headers.get("retry-after"))
            wait = min(wait, self.options.max_retry_after) if wait is not None else None
            if wait is not None:
                slot.next_allowed = max(slot.next_allowed, time.time() + wait)
            if attempts <= self.options.max_retries:
                delay = max(self._backoff(attempts), wait or 0.0)
                self.state.update(row["id"], attempts=attempts, next_try=time.time() + delay, http_status=status,
                                  reason=f"HTTP {status}")
                return
            self.state.update(row["id"], status="failed", reason=f"HTTP {status}", http_status=status,
                              attempts=attempts)
            self.stats.failed += 1
            return
        if status == 304:
            self.state.update(row["id"], status="unchanged", http_status=304, fetched_at=_now_iso())
            self.stats.not_modified += 1
            if analysis is not None:
                self._enqueue_links(row, analysis.links, is_article=False,
                                    listed=analysis.kind in ("sitemap", "feed"))
            return
        if 300 <= status < 400:
            self._redirect(row, status, headers)
            return
        common = {"http_status": status, "warc": warc, "warc_offset": offset, "warc_date": warc_date,
                  "fetched_at": _now_iso(), "etag": headers.get("etag"),
                  "last_modified": headers.get("last-modified"), "attempts": row["attempts"]}
        if status >= 400:
            self.state.update(row["id"], status="failed", reason=f"HTTP {status}", **common)
            self.stats.failed += 1
            return
        if analysis is None:  # replayed without analysis: cannot happen for 2xx, kept safe
            analysis = Analysis("binary")
        common["content_hash"] = analysis.content_hash
        if analysis.kind in ("sitemap", "feed"):
            self.state.update(row["id"], status="fetched", page_type=analysis.kind, reason=None, **common)
            self._enqueue_links(row, analysis.links, is_article=False, listed=True)
            return
        if analysis.kind != "html" or row["kind"] == "attachment":  # a document link answering HTML is no article
            done = "fetched" if row["kind"] == "attachment" else "not_article"
            self.state.update(row["id"], status=done, page_type=analysis.kind, reason=analysis.error, **common)
            return
        article = analysis.article
        is_article = article is not None and article.page_type == "article" and not is_print_view(url)
        self._enqueue_links(row, analysis.links, is_article=is_article)
        if analysis.error is not None:
            self.state.update(row["id"], status="failed", reason=analysis.error, page_type="html", **common)
            self.stats.failed += 1
            log.warning("%s: extraction failed: %s", url, analysis.error)
            return
        if not is_article:
            self.state.update(row["id"], status="not_article", reason=None,
                              page_type=article.page_type if article else None, **common)
            self.state.bump_pattern(row["pattern"], "pages")
            return
        if self.options.attachments:
            for attachment in article.attachments:
                target = canonicalize(attachment.url, url)
                if target and self.scope.allows(target) and len(target) <= MAX_URL_LENGTH:
                    self._enqueue(target, kind="attachment", depth=row["depth"] + 1,
                                  priority=PRIORITY["attachment"], parent_pattern=row["pattern"])
        self._store_article(row, article, analysis.content_hash, common)

    def _store_article(self, row: dict, article, content_hash: str, common: dict) -> None:
        url = row["url"]
        ident = url
        canonical = article.canonical_url
        if canonical and canonical != url and self.scope.allows(canonical) and not is_print_view(canonical) \
                and urlsplit(canonical).path not in ("", "/"):
            ident = canonical
        dup = None
        if ident != url and self.state.article_stored(ident, row["id"]):
            dup = ident
        else:
            dup = self.state.find_article_by_hash(content_hash, ident)
        if dup is not None:
            self.state.update(row["id"], status="duplicate", dup_of=dup, page_type="article", article_url=dup,
                              reason=None, **common)
            self.stats.duplicates += 1
            return
        article.url = ident
        if not article.site:
            article.site = urlsplit(ident).hostname
        # The store writes through its own connection: ours must hold no write transaction meanwhile.
        self.state.commit()
        _id, change = self.store.save_article(article, fetched_at=common["fetched_at"], warc=common["warc"],
                                              offset=common["warc_offset"], content_hash=content_hash)
        setattr(self.stats, change, getattr(self.stats, change) + 1)
        if change != "unchanged":
            self._unindexed += 1
        self.state.update(row["id"], status="fetched", page_type="article", article_url=ident, reason=None,
                          **common)
        if change == "new":
            self.state.bump_pattern(row["parent_pattern"], "articles")
            self.state.bump_pattern(row["pattern"], "self_articles")
        if ident != url:
            self.state.mark_alias(ident, host_key(ident), url, self.gen)

    def _redirect(self, row: dict, status: int, headers: dict[str, str]) -> None:
        target = canonicalize(headers.get("location", ""), row["url"])
        if target is None or target == row["url"]:
            self.state.update(row["id"], status="failed", reason=f"HTTP {status} without a usable Location",
                              http_status=status)
            self.stats.failed += 1
            return
        reason = f"-> {target}"
        if not self.scope.allows(target):
            reason += " (out of scope)"
            self.stats.offsite += 1
        elif row["hops"] >= MAX_REDIRECT_HOPS:
            reason += " (too many redirects)"
        elif not self._enqueue(target, kind=row["kind"], depth=row["depth"], priority=0,
                               parent_pattern=row["parent_pattern"], hops=row["hops"] + 1):
            reason += " (already known)"
        self.state.update(row["id"], status="redirect", reason=reason, http_status=status, fetched_at=_now_iso())

    def _enqueue_links(self, row: dict, links: list[Link], *, is_article: bool, listed: bool = False) -> None:
        for link in links:
            url = link.url
            if not self.scope.allows(url):
                self.stats.offsite += 1
                continue
            rel = link.rel
            if len(url) > MAX_URL_LENGTH or is_print_view(url) or (
                    rel not in ("sitemap", "feed") and is_skipped_file(url)):
                continue
            if rel == "attachment" or is_attachment(url):
                if not (self.options.attachments and is_article):
                    continue
                kind, depth = "attachment", row["depth"] + 1
            elif rel in ("sitemap", "feed"):
                kind, depth = rel, row["depth"]
            else:
                kind = "page"
                depth = row["depth"] + (0 if rel == "pagination" else 1)
                if self.options.max_depth is not None and depth > self.options.max_depth:
                    continue
            priority = PRIORITY["listed"] if listed and kind == "page" else PRIORITY.get(rel, PRIORITY["page"])
            self._enqueue(url, kind=kind, depth=depth, priority=priority, parent_pattern=row["pattern"],
                          newer=(link.lastmod or "")[:10] or None)

    def _reextract(self, row: dict) -> None:
        """Run a page archived earlier through today's extractor (``govnews reprocess``)."""
        try:
            old = read_record(self.data_dir, row["warc"], row["warc_offset"])
        except BadInput as err:
            self.state.update(row["id"], reason=f"archive unreadable: {err}"[:300])
            return
        content_type = old.headers.get("content-type", "").split(";")[0].strip().lower()
        analysis = analyze(row["url"], old.status, content_type, old.body, old.charset, old.truncated)
        if analysis.kind != "html":
            return
        common = {"content_hash": analysis.content_hash, "fetched_at": row["fetched_at"], "warc": row["warc"],
                  "warc_offset": row["warc_offset"]}
        article = analysis.article
        if analysis.error is not None:
            self.state.update(row["id"], status="failed", reason=analysis.error)
            self.stats.failed += 1
        elif article is None or article.page_type != "article" or is_print_view(row["url"]):
            self.state.update(row["id"], status="not_article", reason=None,
                              page_type=article.page_type if article else None)
        else:
            self._store_article(row, article, analysis.content_hash, common)

    # -- recovery after a kill -------------------------------------------------------------------

    def _replay_archive(self) -> None:
        """Process responses that reached the archive but not the state (the crawl was killed in between)."""
        done = self.state.warc_progress()
        for path in sorted(warc_dir(self.data_dir).glob("*.warc.gz")):
            if path.name == self.warc.name:
                continue
            start = done.get(path.name, 0)
            size = path.stat().st_size
            if start >= size:
                continue
            end = start
            for offset, record_end, item in iter_responses(path, start):
                end = record_end
                if item is not None:
                    self._replay_one(path.name, offset, record_end, item)
                self.state.warc_done(path.name, record_end)
                self.state.commit()
            if end < size:
                log.warning("%s: cut-off record at %d (crawl was killed mid-write); truncated", path.name, end)
                if end == 0:  # killed while starting the file: nothing in it
                    path.unlink()
                    continue
                with open(path, "r+b") as fh:
                    fh.truncate(end)
            self.state.warc_done(path.name, end)
            self.state.commit()

    def _replay_one(self, name: str, offset: int, end: int, item) -> None:
        host = host_key(item.url)
        if item.url.endswith("/robots.txt") and urlsplit(item.url).path == "/robots.txt":
            if host in self.hosts and 200 <= item.status < 500:
                self.state.set_robots(host, item.status, item.body if item.status < 300 else None, 0)
                self._set_robots(self.hosts[host], Robots.from_response(item.status, item.body))
            return
        row = self.state.get(item.url)
        if row is None or row["status"] != "queued" or host not in self.hosts:
            return
        row = dict(row)
        analysis = None
        if 200 <= item.status < 300:
            content_type = item.headers.get("content-type", "").split(";")[0].strip().lower()
            analysis = analyze(item.url, item.status, content_type, item.body, item.charset, item.truncated)
        status = 304 if item.record_type == "revisit" else item.status
        self.stats.replayed += 1
        log.info("replayed from archive: %s", item.url)
        self._response(self.hosts[host], row, status, item.headers, analysis, name, offset, end, item.date)

    # -- display ---------------------------------------------------------------------------------

    def _progress_bar(self):
        if self.options.quiet or not sys.stderr.isatty():
            return None
        from tqdm import tqdm

        return tqdm(desc="crawl", unit="page", file=sys.stderr, dynamic_ncols=True)

    def _show(self, progress) -> None:
        s = self.stats
        progress.n = s.fetched
        busiest = sorted(self.hosts.values(), key=lambda h: -h.fetched)[:3]
        progress.set_postfix_str(
            f"new {s.new} failed {s.failed} queued {self.state.queued_count()} {s.rate():.1f}/s | "
            + " ".join(f"{h.name}:{h.fetched}" for h in busiest), refresh=True)

    def _summary(self) -> None:
        s = self.stats
        elapsed = time.time() - s.started
        counts = self.final_counts
        text = (f"crawled {s.fetched} responses in {elapsed:.1f} s ({s.rate():.1f}/s): articles {s.new} new, "
                f"{s.changed} changed, {s.unchanged} unchanged; {s.not_modified} not modified, "
                f"{s.duplicates} duplicates, {s.failed} failed, {s.robots} blocked by robots.txt, "
                f"{s.skipped} skipped as traps, {s.offsite} off-site links ignored"
                + (f", {s.replayed} recovered from the archive" if s.replayed else "")
                + f"; still queued: {counts.get('queued', 0)}; log: {self.data_dir / LOG_FILE}")
        if not self.options.quiet:
            print(text, file=sys.stderr)


def crawl(seeds: list[str], data_dir: Path, options: CrawlOptions) -> int:
    """Crawl ``seeds``' sites into ``data_dir``; resumes an interrupted run. Exit code."""
    if not seeds:
        raise BadInput("no seed URL given")
    if options.delay < 0 or options.concurrency < 1:
        raise BadInput("--delay must be >= 0 and --concurrency >= 1")
    if options.max_pages is not None and options.max_pages < 1:
        raise BadInput("--max-pages must be at least 1")
    return Crawler(seeds, data_dir, options).run()


def reprocess(data_dir: Path, quiet: bool = False) -> int:
    """Re-extract every archived HTML page (no network), update the records, then the search index."""
    from base.datadir import records_path
    from index.store import Store

    data_dir = Path(data_dir)
    if not records_path(data_dir).exists():
        raise BadInput(f"no records in {data_dir}: run govnews crawl first")
    state = CrawlState(connect(data_dir))
    hosts = [f"{r['scheme']}://{r['host']}/" for r in state.hosts()]
    state.close()
    crawler = Crawler(hosts or ["http://localhost/"], data_dir, CrawlOptions(quiet=quiet, attachments=False))
    crawler.store = Store.open(data_dir)
    crawler.state = CrawlState(connect(data_dir))
    handler = _setup_log(data_dir)
    total = crawler.state.query(
        "SELECT COUNT(*) FROM crawl_urls WHERE warc IS NOT NULL AND kind = 'page'"
        " AND http_status BETWEEN 200 AND 299").fetchone()[0]
    progress = None
    if not quiet and sys.stderr.isatty():
        from tqdm import tqdm

        progress = tqdm(total=total, desc="reprocess", unit="page", file=sys.stderr, dynamic_ncols=True)
    pages = 0
    try:
        last = 0
        while True:
            rows = [dict(r) for r in crawler.state.query(
                "SELECT * FROM crawl_urls WHERE id > ? AND warc IS NOT NULL AND kind = 'page'"
                " AND http_status BETWEEN 200 AND 299 ORDER BY id LIMIT 200", (last,))]
            if not rows:
                break
            for row in rows:
                last = row["id"]
                crawler._reextract(row)
                crawler.state.commit()
                pages += 1
                if progress is not None:
                    progress.update(1)
    finally:
        if progress is not None:
            progress.close()
        crawler.close()
        log.removeHandler(handler)
        handler.close()
    from index.searchindex import update_index

    update_index(data_dir, progress=not quiet and sys.stderr.isatty())
    s = crawler.stats
    if not quiet:
        print(f"reprocessed {pages} archived pages: articles {s.new} new, {s.changed} changed, "
              f"{s.unchanged} unchanged, {s.duplicates} duplicates, {s.failed} failed", file=sys.stderr)
    return 0
