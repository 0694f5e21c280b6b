"""``govnews crawl``: fetch politely, archive, extract, store, index — the loop that wires the parts together.

Shape: the calling thread is the only writer (``writer.Writer``: WARC files, crawl state, records store); a
pool of ``concurrency`` fetch threads (``workers.Fetcher``) does the network and the CPU work of a page and
hands back an ``Outcome``; ``slots.Scheduler`` decides which host is asked next and when (politeness, retries,
budgets) over the frontier (``frontier.Frontier``, kept in SQLite by ``state.CrawlState``, so memory does not
grow with the crawl). Redirects are not followed inside a request: each hop is queued, timed and archived
like any URL.

Durability: every response is in the WARC file (flushed) before the state says so; after a kill the records
written past the last processed offset are replayed from the archive (``replay``), not fetched again.
"""
from __future__ import annotations

import fcntl
import logging
import queue
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from base.datadir import warc_dir
from base.errors import BadInput
from crawler.documents import ocr_documents, ocr_lock, read_attachments
from crawler.options import CrawlOptions, Outcome, Stats
from crawler.pgfrontier import open_crawl_stores
from crawler.progress import crawl_log, progress_bar, show, summary
from crawler.replay import replay_archive
from crawler.reprocess import reextract_all, reprocess
from crawler.slots import PRIORITY, Scheduler
from crawler.state import CrawlState
from crawler.templates import learn_site_templates, load_templates
from crawler.urls import Scope, canonicalize
from crawler.warc import WarcWriter
from crawler.workers import ExtractionPool, Fetcher, IndexChild
from crawler.writer import Writer

__all__ = ["CrawlOptions", "crawl", "reprocess"]  # the public names (cli, demo and tests import them from here)

LOCK_FILE = ".crawl.lock"
PROGRESS_EVERY = 0.5  # seconds between progress display refreshes
# The writer makes many short calls that release the GIL (SQLite, zlib, file writes); with Python's default
# 5 ms switch interval each one can wait that long to get the GIL back from an extraction thread.
WRITER_SWITCH_INTERVAL = 0.0005
OTHERS_POLL = 0.5  # seconds between looks at a shared frontier while only other workers have work
INDEX_EVERY = 1000  # stored articles between search index updates during a crawl

log = logging.getLogger("govnews.crawl")


class Crawler:
    def __init__(self, seeds: list[str], data_dir: Path, options: CrawlOptions):
        self.data_dir = Path(data_dir)
        self.options = options
        self.seeds = seeds
        self.scope = Scope.from_seeds(seeds, options.subdomains, options.allow_domains)
        self.stats = Stats()
        self.results: queue.Queue[Outcome] = queue.Queue()
        self.in_flight = 0
        self.extraction = ExtractionPool(options)
        self.fetcher = Fetcher(self.data_dir, options, self.extraction, self.results)
        self.indexer = IndexChild(self.data_dir)
        self.state: CrawlState | None = None
        self.store = None
        self.scheduler: Scheduler | None = None
        self.writer: Writer | None = None
        self._lock = None  # an flock on DATA/.crawl.lock: one crawl per data folder at a time
        self.final_counts: dict[str, int] = {}
        self.templates_learned: set[str] = set()  # sites whose template this run learned

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
        warc = WarcWriter(warc_dir(self.data_dir), self.options.warc_max_bytes)
        self.scheduler = Scheduler(self.state, self.scope, self.options, self.stats)
        self.writer = Writer(self.state, self.store, warc, self.scheduler, self.options, self.stats)

    def close(self) -> None:
        self.extraction.shutdown()
        if self.writer is not None and self.writer.warc is not None:
            self.writer.warc.close()
        if self.state is not None:
            self.state.close()
        if self.store is not None:
            self.store.close()
        self.writer = self.state = self.store = None
        if self._lock is not None:
            self._lock.close()  # releases the flock
            self._lock = None

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
        try:
            with crawl_log(self.data_dir):
                self._run(seeds)
        finally:
            self.close()
        if self.options.update_index:  # always: a killed run may have stored articles it never indexed
            self._update_index(final=True)
        if not self.options.quiet:
            print(summary(self.stats, self.final_counts, self.data_dir), file=sys.stderr)
        return self._report_unreachable()

    def _run(self, seeds: list[str]) -> None:
        state, scheduler = self.state, self.scheduler
        scheduler.gen, resumed = state.start_run(self.seeds)
        log.info("crawl run %d %s: %s", scheduler.gen, "resumed" if resumed else "started", " ".join(seeds))
        for row in state.hosts():
            if self.scope.allows(f"{row['scheme']}://{row['host']}/"):
                scheduler.slot(row["host"], row["scheme"])
        replay_archive(self.data_dir, self.writer)
        self.extraction.templates = load_templates(self.store)
        for url in seeds:
            kind = "sitemap" if url.endswith((".xml", ".xml.gz")) else "page"
            scheduler.enqueue(url, kind=kind, depth=0, priority=PRIORITY["listed"], parent_pattern=None)
        state.commit()
        progress = progress_bar(self.options.quiet, "crawl")
        try:
            switch = sys.getswitchinterval()
            sys.setswitchinterval(WRITER_SWITCH_INTERVAL)
            try:
                self._loop(progress)
            finally:
                sys.setswitchinterval(switch)
            if progress is not None:
                self._show(progress)
        finally:
            if progress is not None:
                progress.close()
        self._learn_templates(final=True)
        self._read_documents()
        state.finish_run(scheduler.gen)
        self.final_counts = state.status_counts()

    def _report_unreachable(self) -> int:
        """One line per host that could not be reached; exit status 2 if any (retry by running again)."""
        unreachable = [slot for slot in self.scheduler.hosts.values() if slot.unreachable]
        for slot in unreachable:
            print(f"govnews: could not reach {slot.name}: {slot.unreachable}; "
                  "run the same command again to retry", file=sys.stderr)
        return 2 if unreachable else 0

    def _loop(self, progress) -> None:
        last_show = 0.0
        idle_since: float | None = None
        with ThreadPoolExecutor(max_workers=max(1, self.options.concurrency), thread_name_prefix="fetch") as pool:
            try:
                while True:
                    self._dispatch(pool)
                    self.state.commit()
                    if self.in_flight == 0 and self.scheduler.all_idle():
                        # Sharing a frontier: wait while another worker holds a host (it may queue links), and
                        # for URLs still queued at most a lease longer: a dead worker's leases expire by then.
                        busy = self.state.others_at_work(self.scheduler.done_hosts())
                        if busy == "leased" or idle_since is None:
                            idle_since = time.monotonic()
                        if not busy or time.monotonic() - idle_since > self.options.lease_seconds + OTHERS_POLL:
                            break
                        self.scheduler.look_again(OTHERS_POLL)
                    elif self.in_flight:  # a request went out: work was found
                        idle_since = None
                    saturated = self.in_flight >= self.options.concurrency
                    try:
                        outcome = self.results.get(timeout=self.scheduler.next_dispatch_in(saturated))
                    except queue.Empty:
                        continue
                    self._process(outcome)
                    while True:  # handle everything already waiting before dispatching again
                        try:
                            self._process(self.results.get_nowait())
                        except queue.Empty:
                            break
                    self.extraction.grow(self.stats.fetched)
                    if self.options.update_index and self.writer.unindexed >= INDEX_EVERY:
                        self._learn_templates()
                        self._update_index()
                    if progress is not None and time.time() - last_show > PROGRESS_EVERY:
                        last_show = time.time()
                        self._show(progress)
            except BaseException:
                pool.shutdown(wait=False, cancel_futures=True)
                raise

    def _dispatch(self, pool: ThreadPoolExecutor) -> None:
        for job in self.scheduler.ready(self.options.concurrency - self.in_flight):
            self.in_flight += 1
            pool.submit(self.fetcher.work, job)

    def _process(self, outcome: Outcome) -> None:
        self.in_flight -= 1
        self.writer.process(outcome)

    def _learn_templates(self, final: bool = False) -> None:
        """Learn the templates of sites that have enough pages now; pages fetched from then on use them. At the
        end of the run the pages stored before their site's template are extracted again with it."""
        self.state.commit()
        learned = set(learn_site_templates(self.data_dir, self.store))
        self.templates_learned |= learned
        self.extraction.templates = load_templates(self.store)
        if final and self.templates_learned:
            before = self.stats.new + self.stats.changed + self.stats.unchanged
            changed = self.stats.changed
            reextract_all(self.writer, self.data_dir, self.extraction.templates, sites=self.templates_learned)
            log.info("templates applied to %d stored pages of %s (%d changed)",
                     self.stats.new + self.stats.changed + self.stats.unchanged - before,
                     ", ".join(sorted(self.templates_learned)), self.stats.changed - changed)

    def _read_documents(self) -> None:
        """Read the attachments archived (text layers: cheap) and, with ``--ocr``, the scanned pages."""
        if self.options.db:  # the PostgreSQL store keeps no documents: they stay archived for a later reprocess
            return
        self.state.commit()
        progress = progress_bar(self.options.quiet, "documents")
        try:
            counts = read_attachments(self.data_dir, self.store, self.state,
                                      progress=progress.update if progress is not None else None)
        finally:
            if progress is not None:
                progress.close()
        self.stats.documents = counts.new + counts.changed
        log.info("documents: %d new, %d changed, %d unchanged, %d unreadable",
                 counts.new, counts.changed, counts.unchanged, counts.unreadable)
        if self.options.ocr:
            progress = progress_bar(self.options.quiet, "ocr")
            try:
                with ocr_lock(self.data_dir):
                    ocr = ocr_documents(self.data_dir, self.store,
                                        progress=progress.update if progress is not None else None)
            finally:
                if progress is not None:
                    progress.close()
            self.stats.ocr_pages = ocr.pages
            log.info("OCR: %d pages read, %d failed, %d still pending", ocr.pages, ocr.failed, ocr.left)

    def _update_index(self, final: bool = False) -> None:
        if not self.indexer.ready(final):
            return
        if self.state is not None:
            self.state.commit()
        if self.writer is not None:
            self.writer.unindexed = 0
        self.indexer.start(final)

    def _show(self, progress) -> None:
        show(progress, self.stats, list(self.scheduler.hosts.values()), self.state.queued_count())


def crawl(seeds: list[str], data_dir: Path, options: CrawlOptions) -> int:
    """Crawl ``seeds``' sites into ``data_dir``; resumes an interrupted run. Exit code."""
    if not seeds:
        raise BadInput("no seed URL given")
    if options.delay < 0 or options.concurrency < 1:
        raise BadInput("--delay must be >= 0 and --concurrency >= 1")
    if options.max_pages is not None and options.max_pages < 1:
        raise BadInput("--max-pages must be at least 1")
    return Crawler(seeds, data_dir, options).run()
