"""The crawl's helpers beside the writer: fetch threads, the extraction process pool, the search index child.

Fetch threads do the network and the CPU work of a page (decode, extraction, link parsing) and hand back an
``Outcome``. Extraction moves to worker processes once a crawl proves big enough to pay for them. The search
index is brought up to date by a short-lived child process (``python -m crawler.index_child DATA``).
"""
from __future__ import annotations

import ctypes
import logging
import multiprocessing
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from base.datadir import LOG_FILE
from base.warcread import read_record
from crawler import fetch as fetchmod
from crawler.analyze import Analysis, analyze
from crawler.options import CrawlOptions, Job, Outcome
from crawler.urls import host_key
from extract.template import SiteTemplate

PR_SET_PDEATHSIG = 1  # prctl(2) option (Linux)

log = logging.getLogger("govnews.crawl")


def _die_with_parent(parent: int) -> None:
    """Extraction worker start-up: die with the crawl process, even when it is killed with SIGKILL."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the worker still ends when its task queue closes
        pass
    if os.getppid() != parent:  # the crawl died before we could ask
        os._exit(0)


class ExtractionPool:
    """Where ``analyze`` runs: in the calling fetch thread, one at a time, until ``grow`` starts worker processes."""

    def __init__(self, options: CrawlOptions):
        self.options = options
        self.pool: ProcessPoolExecutor | None = None
        self._starting: tuple[ProcessPoolExecutor, list[Future]] | None = None
        self._started = False
        # Extraction is CPU-bound Python: the GIL runs one at a time anyway, and letting every fetch thread
        # compete for it starves the writer thread. One extraction at a time keeps the writer flowing.
        self._cpu = threading.Semaphore(1)
        self.templates: dict[str, SiteTemplate] = {}  # site -> learned template (crawler/templates.py)

    def grow(self, fetched: int) -> None:
        """Move extraction to worker processes once the crawl has ``pool_after`` pages (small crawls never
        pay the start-up): with several cores, extraction then runs beside the GIL this process needs."""
        if self._starting is not None:
            pool, warmups = self._starting
            if all(f.done() for f in warmups):
                self._starting = None
                if all(f.exception() is None for f in warmups):
                    self.pool = pool
                    log.info("extracting in %d worker processes", len(warmups))
                else:
                    log.warning("extraction workers failed to start; extracting in the crawl process")
                    pool.shutdown(wait=False, cancel_futures=True)
            return
        if self._started or fetched < self.options.pool_after:
            return
        self._started = True
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

    def analyze(self, url: str, *args) -> Analysis:
        template = self.templates.get(host_key(url))
        pool = self.pool
        if pool is not None:
            try:
                return pool.submit(analyze, url, *args, template=template).result()
            except BrokenProcessPool:  # a worker died (out of memory?): carry on in this process
                log.warning("extraction worker lost; extracting in the crawl process from now on")
                self.pool = None
        with self._cpu:
            return analyze(url, *args, template=template)

    def shutdown(self) -> None:
        for pool in (self.pool, self._starting[0] if self._starting else None):
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)
        self.pool = self._starting = None


class Fetcher:
    """The work of one fetch thread: one request, its analysis, an ``Outcome`` on ``results``."""

    def __init__(self, data_dir: Path, options: CrawlOptions, extraction: ExtractionPool,
                 results: queue.Queue[Outcome]):
        self.data_dir = data_dir
        self.options = options
        self.extraction = extraction
        self.results = results
        self._local = threading.local()

    def _session(self):
        session = getattr(self._local, "session", None)
        if session is None:
            session = self._local.session = fetchmod.make_session()
        return session

    def work(self, job: Job) -> None:
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
                                         max_bytes=self.options.max_bytes, deadline=self.options.deadline)
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
            return self.extraction.analyze(job.url, result.status, result.content_type, result.body,
                                           result.charset, result.truncated)
        if result.status == 304 and job.row.get("warc") and job.row.get("page_type") != "article":
            # An unchanged hub: its links come from the copy we archived last time.
            old = read_record(self.data_dir, job.row["warc"], job.row["warc_offset"])
            content_type = old.headers.get("content-type", "").split(";")[0].strip().lower()
            found = self.extraction.analyze(job.url, old.status, content_type, old.body, old.charset, old.truncated)
            return Analysis(found.kind, found.links)
        return None


class IndexChild:
    """Index what was stored so far, in a short-lived child process running beside the crawl.

    Started every so many articles (never two at once) and once more at the end, waited for: each slice is
    small and whoosh's buffers live and die with the child, so the crawl's own memory stays flat however long
    it runs, and the crawl goes on while the child indexes.
    """

    def __init__(self, data_dir: Path):
        self.data_dir = data_dir
        self._proc: subprocess.Popen | None = None

    def ready(self, final: bool) -> bool:
        """Whether a new update may start now (waiting for the running one when ``final``)."""
        if self._proc is not None:
            if self._proc.poll() is None and not final:
                return False
            self._done(self._proc.wait())
            self._proc = None
        return True

    def start(self, final: bool) -> None:
        paths = [p for p in sys.path if p and Path(p).is_dir()]
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}  # the child imports the same govnews
        with open(self.data_dir / LOG_FILE, "a", encoding="utf-8") as errors:
            self._proc = subprocess.Popen([sys.executable, "-m", "crawler.index_child", str(self.data_dir)],
                                          env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                          stderr=errors)
        if final:
            self._done(self._proc.wait())
            self._proc = None

    def _done(self, code: int) -> None:
        if code != 0:
            log.warning("search index update failed (exit status %s, details above); run govnews index", code)
            print(f"govnews: search index not brought up to date (see {self.data_dir / LOG_FILE}); "
                  "run govnews index", file=sys.stderr)
